package dev.lemma.app.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BookTest {
    @Test
    void theRealBookListsItsChaptersInOrderWithWhatEachNeeds() {
        Book book = TestBook.real();
        List<Book.Chapter> chapters = book.chapters();
        assertThat(chapters).hasSizeGreaterThanOrEqualTo(10);
        assertThat(chapters.get(0).title()).isEqualTo("Prerequisites");
        assertThat(chapters.get(0).slug()).contains("00-prerequisites");
        assertThat(chapters.get(0).needs()).isEmpty();
        assertThat(chapters.get(1).slug()).contains("01-linear-algebra");
        assertThat(chapters.get(1).needs()).containsExactly("0");
        assertThat(chapters.get(2).written()).isTrue();
        assertThat(chapters.get(2).title()).isEqualTo("Calculus");
        assertThat(chapters.get(2).slug()).contains("02-calculus");
        assertThat(chapters.get(3).title()).isEqualTo("Probability");
        // A chapter is "written" in the table exactly when its file is there to read.
        for (Book.Chapter c : chapters) {
            if (c.written()) {
                assertThat(book.directory().resolve(c.slug().orElseThrow() + ".md"))
                        .as("chapter %s", c.title())
                        .exists();
            }
        }
        assertThat(chapters.stream().filter(c -> !c.written()))
                .as("some chapters are still planned")
                .isNotEmpty();
        assertThat(book.neighbour(chapters.get(0), +1)).contains(chapters.get(1));
        assertThat(book.neighbour(chapters.get(0), -1)).isEmpty();
    }

    @Test
    void theRealBookHasItsModelPagesInTheOrderOfTheirIndex() {
        Book book = TestBook.real();
        List<String> models =
                book.contents("models").stream().map(Book.Page::name).toList();
        assertThat(models)
                .startsWith(
                        "models/linear-regression",
                        "models/ridge",
                        "models/lasso-elastic-net",
                        "models/logistic-regression",
                        "models/perceptron",
                        "models/naive-bayes",
                        "models/knn",
                        "models/lda-qda",
                        "models/pca");
        assertThat(book.contents("").stream().map(Book.Page::name))
                .startsWith("models/README", "glossary", "learning-paths", "faq", "references")
                .doesNotContain("01-linear-algebra", "README");
        Book.Page ridge = book.page("models/ridge").orElseThrow();
        assertThat(book.title(ridge)).isEqualTo("Ridge regression");
        assertThat(book.neighbour(ridge, -1).map(Book.Page::name)).contains("models/linear-regression");
        assertThat(book.neighbour(ridge, +1).map(Book.Page::name)).contains("models/lasso-elastic-net");
        assertThat(book.index(ridge).map(Book.Page::name)).contains("models/README");
    }

    @Test
    void pagesAreEveryMarkdownFileByName(@TempDir Path root) throws Exception {
        Book book = TestBook.write(root);
        assertThat(book.pages().stream().map(Book.Page::name))
                .containsExactly(
                        "00-basics",
                        "01-vectors",
                        "README",
                        "glossary",
                        "models/README",
                        "models/appendix",
                        "models/lasso",
                        "models/ridge");
        assertThat(book.page("models").map(Book.Page::name)).contains("models/README");
        assertThat(book.page("models/ridge.md").map(Book.Page::name)).contains("models/ridge");
        assertThat(book.page("models/ridge/").map(Book.Page::name)).contains("models/ridge");
        assertThat(book.page("outside")).isEmpty();
        assertThat(book.page("models/nothing")).isEmpty();
        Book.Page glossary = book.page("glossary").orElseThrow();
        assertThat(glossary.folder()).isEmpty();
        assertThat(book.neighbour(glossary, +1))
                .as("the book's own pages have no sequence")
                .isEmpty();
        assertThat(book.index(glossary)).isEmpty();
        Book.Page lasso = book.page("models/lasso").orElseThrow();
        assertThat(lasso.folder()).isEqualTo("models");
        assertThat(book.title(lasso)).isEqualTo("Lasso and $\\ell_1$");
        assertThat(book.contents("models").stream().map(Book.Page::name))
                .as("the index's order, then the others by name")
                .containsExactly("models/ridge", "models/lasso", "models/appendix");
        assertThat(book.neighbour(lasso, -1).map(Book.Page::name)).contains("models/ridge");
        assertThat(book.neighbour(lasso, +1).map(Book.Page::name)).contains("models/appendix");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "../outside",
                "models/../../outside",
                "models/../ridge",
                "..",
                "/etc/passwd",
                ".git/config",
                "models//ridge",
                "models\\ridge",
                ""
            })
    void aPageNameThatLeavesTheBookIsRefusedNamingIt(String name, @TempDir Path root) throws Exception {
        Book book = TestBook.write(root);
        assertThatThrownBy(() -> book.page(name))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + name + "'");
    }

    @Test
    void theLauncherPropertyWins(@TempDir Path root) throws Exception {
        TestBook.write(root);
        Book book = Book.locate(root.toString(), Path.of("/"));
        assertThat(book.directory()).isEqualTo(root.resolve("book").toAbsolutePath());
        assertThat(book.repository()).isEqualTo(root.toAbsolutePath());
    }

    @Test
    void parentsOfTheWorkingDirectoryAreSearched(@TempDir Path root) throws Exception {
        TestBook.write(root);
        Path deep = java.nio.file.Files.createDirectories(root.resolve("a/b/c"));
        assertThat(Book.locate(null, deep).directory())
                .isEqualTo(root.resolve("book").toAbsolutePath());
    }

    @Test
    void aMissingBookSaysWhereItLooked(@TempDir Path empty) {
        assertThatThrownBy(() -> Book.locate(empty.resolve("nowhere").toString(), empty))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot find the book")
                .hasMessageContaining(empty.toString());
    }
}
