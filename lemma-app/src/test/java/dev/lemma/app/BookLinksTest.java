package dev.lemma.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/// Every relative link in the book must resolve: a linked file exists, a `#method` after a Java file
/// names a method declared in it, and a `#section` after a chapter names one of its headings. This is
/// what keeps "each key result names the test that checks it" true as the code moves.
///
/// Every Markdown file under `book/` is checked, those of `book/models/` included, each link relative
/// to the folder of the file that holds it (as GitHub and the lab read it).
class BookLinksTest {
    private static final Path BOOK = Path.of("..", "book");
    private static final Pattern LINK = Pattern.compile("\\[[^\\]]*\\]\\(([^)\\s]+)\\)");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.+?)\\s*$", Pattern.MULTILINE);
    private static final Pattern FENCE = Pattern.compile("```.*?```", Pattern.DOTALL);

    static Stream<Path> chapters() throws IOException {
        try (Stream<Path> files = Files.walk(BOOK)) {
            return files.filter(p -> p.toString().endsWith(".md")).sorted().toList().stream();
        }
    }

    @Test
    void theModelPagesAreChecked() throws IOException {
        assertThat(chapters()).contains(BOOK.resolve("models").resolve("ridge.md"), BOOK.resolve("glossary.md"));
    }

    @Test
    void theBookHasItsFirstChapters() {
        assertThat(BOOK.resolve("00-prerequisites.md")).exists();
        assertThat(BOOK.resolve("01-linear-algebra.md")).exists();
    }

    @ParameterizedTest
    @MethodSource("chapters")
    void everyRelativeLinkResolves(Path chapter) throws IOException {
        String text = FENCE.matcher(Files.readString(chapter)).replaceAll("");
        List<String> broken = new ArrayList<>();
        Matcher m = LINK.matcher(text);
        while (m.find()) {
            String target = m.group(1);
            if (target.matches("^[a-z]+:.*")) {
                continue; // http:, https:, mailto: — outside the repository
            }
            String problem = problem(chapter, target);
            if (problem != null) {
                int line = (int) text.substring(0, m.start()).lines().count();
                broken.add(BOOK.relativize(chapter) + ":" + line + ": " + target + " — " + problem);
            }
        }
        assertThat(broken).as("broken links in %s", BOOK.relativize(chapter)).isEmpty();
    }

    private static String problem(Path chapter, String target) throws IOException {
        int hash = target.indexOf('#');
        String file = hash < 0 ? target : target.substring(0, hash);
        String anchor = hash < 0 ? null : target.substring(hash + 1);
        Path resolved =
                file.isEmpty() ? chapter : chapter.getParent().resolve(file).normalize();
        if (!Files.exists(resolved)) {
            return "no such file";
        }
        if (anchor == null || anchor.isEmpty()) {
            return null;
        }
        if (Files.isDirectory(resolved)) {
            return "#" + anchor + " after a folder";
        }
        String content = Files.readString(resolved);
        if (resolved.toString().endsWith(".java")) {
            Pattern method =
                    Pattern.compile("\\b(void|[A-Za-z0-9_<>\\[\\],]+)\\s+" + Pattern.quote(anchor) + "\\s*\\(");
            return method.matcher(content).find() ? null : "no method " + anchor + " in " + resolved.getFileName();
        }
        if (resolved.toString().endsWith(".md")) {
            Matcher h = HEADING.matcher(FENCE.matcher(content).replaceAll(""));
            while (h.find()) {
                if (slug(h.group(1)).equals(anchor)) {
                    return null;
                }
            }
            return "no heading #" + anchor + " in " + resolved.getFileName();
        }
        return null;
    }

    /// GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens.
    static String slug(String heading) {
        return heading.strip()
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N} _-]", "")
                .replace(' ', '-');
    }

    @Test
    void slugsFollowGitHub() {
        assertThat(slug("1.4 Rank and the rank–nullity theorem")).isEqualTo("14-rank-and-the-ranknullity-theorem");
        assertThat(slug("Performance: the GEMM staircase")).isEqualTo("performance-the-gemm-staircase");
    }
}
