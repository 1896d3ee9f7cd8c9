package dev.lemma.app.lab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/// A read-only view of one file of the repository, for the book's links to code and tests.
///
/// Only regular text files inside the repository are shown: a path with `..`, an absolute path,
/// a hidden file or folder (`.git`), a symbolic link leading out, or a file over 1 MB is refused.
/// Each line has an anchor `#L12`; a method or class declaration also has its name as anchor, so that
/// the book's `Test.java#methodName` links land on the method.
final class SourceView {
    private static final long MAX_BYTES = 1 << 20;
    private static final Pattern DECLARATION = Pattern.compile(
            "^\\s*(?:@\\w+(?:\\([^)]*\\))?\\s+)*(?:(?:public|protected|private|static|final|abstract|default|"
                    + "synchronized|sealed|non-sealed)\\s+)*(?:(?:class|interface|record|enum)\\s+(\\w+)"
                    + "|[\\w<>\\[\\],.? ]+\\s+(\\w+)\\s*\\()");

    private SourceView() {}

    /// Resolves a requested path inside the repository.
    ///
    /// @throws ApiError 403 if the path leaves the repository or is hidden, 404 if there is no such file
    static Path resolve(Path repository, String requested) {
        String p = requested == null ? "" : requested;
        if (p.isEmpty() || p.startsWith("/") || p.indexOf('\0') >= 0 || p.contains("\\")) {
            throw new ApiError(403, "refused: '" + p + "' is not a relative path inside the repository");
        }
        for (String segment : p.split("/", -1)) {
            if (segment.equals("..") || segment.startsWith(".")) {
                throw new ApiError(403, "refused: '" + p + "' leaves the repository or names a hidden file");
            }
        }
        Path root = repository.toAbsolutePath().normalize();
        Path file = root.resolve(p).normalize();
        if (!file.startsWith(root)) {
            throw new ApiError(403, "refused: '" + p + "' leaves the repository");
        }
        if (!Files.isRegularFile(file)) {
            throw new ApiError(404, "no file '" + p + "' in the repository");
        }
        try {
            if (!file.toRealPath().startsWith(root.toRealPath())) {
                throw new ApiError(403, "refused: '" + p + "' links out of the repository");
            }
            if (Files.size(file) > MAX_BYTES) {
                throw new ApiError(403, "refused: '" + p + "' is larger than 1 MB");
            }
        } catch (IOException e) {
            throw new ApiError(404, "cannot read '" + p + "': " + e.getMessage());
        }
        return file;
    }

    /// The page showing a file.
    static String page(String relative, Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new ApiError(403, "refused: '" + relative + "' is not UTF-8 text");
        }
        List<String> lines = text.lines().toList();
        StringBuilder gutter = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            int n = i + 1;
            gutter.append("<a id=\"L")
                    .append(n)
                    .append("\" href=\"#L")
                    .append(n)
                    .append("\">");
            Matcher m = DECLARATION.matcher(lines.get(i));
            if (m.find()) {
                String name = m.group(1) != null ? m.group(1) : m.group(2);
                if (name != null && !isKeyword(name)) {
                    gutter.append("<span class=\"decl\" id=\"")
                            .append(Html.escape(name))
                            .append("\"></span>");
                }
            }
            gutter.append(n).append("</a>");
        }
        String main = """
                <main class="source-view">
                  <p class="crumbs"><a href="/">Lemma</a> · source · read-only</p>
                  <h1 class="source-path">%s</h1>
                  <div class="source"><pre class="gutter">%s</pre><pre class="code"><code class="%s">%s</code></pre></div>
                </main>
                """.formatted(Html.escape(relative), gutter, language(relative), Html.escape(text));
        return Pages.layout(relative + " — Lemma source", "page-source", main, false);
    }

    private static boolean isKeyword(String name) {
        return List.of("if", "for", "while", "switch", "catch", "return", "new", "throw", "else", "synchronized")
                .contains(name);
    }

    private static String language(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        int dot = lower.lastIndexOf('.');
        String ext = dot < 0 ? "" : lower.substring(dot + 1);
        return switch (ext) {
            case "java" -> "language-java";
            case "md" -> "language-markdown";
            case "xml" -> "language-xml";
            case "sh" -> "language-bash";
            case "py" -> "language-python";
            case "json" -> "language-json";
            case "csv", "txt" -> "language-plaintext";
            default -> path.endsWith("lemma") || path.endsWith("run") ? "language-bash" : "language-plaintext";
        };
    }
}
