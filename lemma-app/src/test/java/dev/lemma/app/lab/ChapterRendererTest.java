package dev.lemma.app.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lemma.experiments.Experiment;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// The book in HTML: math kept away from Markdown, anchors, links, code and experiment blocks.
class ChapterRendererTest {
    @TempDir
    Path repository;

    private Book book;
    private ChapterRenderer renderer;

    @BeforeEach
    void setUp() throws IOException {
        book = TestBook.write(repository);
        Experiment wave = new FakeExperiments.Wave();
        renderer = new ChapterRenderer(book, id -> id.equals("wave") ? Optional.of(wave) : Optional.empty());
    }

    private ChapterRenderer.Rendered render(String slug) {
        return renderer.render(book.page(book.find(slug).orElseThrow()));
    }

    @Test
    void mathSurvivesMarkdownIntact() {
        String html = render("00-basics").html();
        assertThat(html)
                .contains("<span class=\"math inline\">$a_1 * b_2$</span>")
                .contains("<span class=\"math inline\">$a_1 + b_2 * c_3$</span>")
                .contains("$$\nx_{1} = \\frac{-b \\pm \\sqrt{b^2 - 4ac}}{2a}\n$$")
                .doesNotContain("<em>");
    }

    @Test
    void dollarsThatAreNotMathStayText() {
        String html = render("00-basics").html();
        assertThat(html).contains("A price of $5 and $10 is not math.");
        assertThat(html).contains("<code>echo $HOME</code>");
        assertThat(html).contains("echo &quot;$PATH&quot; and $x_1$").contains("class=\"language-bash\"");
    }

    @Test
    void mathWithLessThanIsEscapedForHtml() {
        String html = render("01-vectors").html();
        assertThat(html).contains("<span class=\"math inline\">$|x| \\le 1$</span>");
    }

    @Test
    void headingsGetGitHubAnchorsAndMakeTheToc() {
        ChapterRenderer.Rendered r = render("00-basics");
        assertThat(r.title()).isEqualTo("Chapter 0 — Basics");
        assertThat(r.html())
                .contains("<h1 id=\"chapter-0--basics\">")
                .contains("<h2 id=\"01-numbers\">")
                .contains("<h2 id=\"01-numbers-1\">");
        assertThat(r.toc()).extracting(ChapterRenderer.TocEntry::anchor).containsExactly("01-numbers", "01-numbers-1");
        assertThat(render("01-vectors").toc())
                .extracting(ChapterRenderer.TocEntry::level)
                .containsExactly(2, 3);
    }

    @Test
    void relativeLinksAreRewrittenForTheLab() {
        String html = render("00-basics").html();
        assertThat(html)
                .contains("href=\"/chapters/01-vectors#11-the-wave\"")
                .contains("href=\"/source/src/Matrix.java#times\"")
                .contains("href=\"https://example.org/\"")
                .doesNotContain("etc/passwd");
    }

    @Test
    void experimentBlocksBecomeLiveExperiments() {
        ChapterRenderer.Rendered r = render("01-vectors");
        assertThat(r.experimentIds()).containsExactly("wave", "wave", "not-built-yet");
        assertThat(r.html())
                .contains("<section class=\"experiment\" id=\"experiment-wave\" data-experiment=\"wave\">")
                .contains("<span class=\"math inline\">$\\displaystyle y = a \\sin(k x)$</span>")
                .contains("class=\"experiment-description\"")
                .contains("Outside the lab: ./lemma experiments run wave")
                .contains("data-missing-experiment=\"not-built-yet\"")
                .contains("This one is described in words only.")
                .doesNotContain("<code class=\"language-experiment");
        assertThat(r.html()).contains("<code class=\"language-java\">");
    }

    @Test
    void linksOfAPageInAFolderAreRelativeToThatFolder() {
        String html = renderer.render(book.page("models/ridge").orElseThrow()).html();
        assertThat(html)
                .contains("href=\"/chapters/01-vectors#11-the-wave\"")
                .contains("href=\"/source/src/Matrix.java#times\"")
                .contains("href=\"/book/models/lasso\"")
                .contains("href=\"/book/models#the-models\"")
                .contains("href=\"/book/glossary#vector\"")
                .contains("href=\"/\"")
                .contains("data-experiment=\"wave\"");
    }

    /// The real model pages link up to the chapters (`../08-case-studies.md`), to the code
    /// (`../../lemma-ml/…`) and to each other (`linear-regression.md`).
    @Test
    void theRealRidgePageLinksToChaptersCodeAndModels() {
        Book real = TestBook.real();
        ChapterRenderer r = new ChapterRenderer(real, id -> Optional.empty());
        String html = r.render(real.page("models/ridge").orElseThrow()).html();
        assertThat(html)
                .contains("href=\"/chapters/08-case-studies#")
                .contains("href=\"/source/lemma-ml/src/main/java/dev/lemma/ml/linear/Ridge.java\"")
                .contains("href=\"/book/models/linear-regression\"")
                .doesNotContain("href=\"/source/book/")
                .doesNotContain("href=\"#\"");
    }

    @Test
    void theRealBookRendersWithoutLosingMath() {
        Book real = TestBook.real();
        ChapterRenderer r = new ChapterRenderer(real, id -> Optional.empty());
        for (Book.Page page : real.pages()) {
            String markdown = real.markdown(page);
            ChapterRenderer.Rendered rendered = r.render(page);
            assertThat(rendered.html()).as(page.name()).doesNotContain("LEMMAMATHTOKEN");
            int inSource = MathProtection.of(markdown).math().size();
            int inHtml = rendered.html().split("<span class=\"math ", -1).length - 1;
            assertThat(inHtml).as(page.name()).isEqualTo(inSource);
        }
        for (Book.Chapter chapter : real.written()) {
            assertThat(r.render(real.page(chapter)).toc()).as(chapter.title()).isNotEmpty();
        }
    }
}
