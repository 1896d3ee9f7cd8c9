package dev.lemma.app.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
