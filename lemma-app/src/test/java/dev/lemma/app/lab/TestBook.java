package dev.lemma.app.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/// A small book written into a temporary repository for the tests, and the real one.
final class TestBook {
    private TestBook() {}

    static final String README = """
            # The test book

            | chapter | title | needs | week | status |
            |---|---|---|---|---|
            | 0 | [Basics](00-basics.md): numbers and notation | — | 1 | written |
            | 1 | [Vectors](01-vectors.md): vectors, matrices and the wave | 0 | 1–2 | written |
            | 2 | Calculus: derivatives and gradients | 1 | 3 | planned |

            Beside the chapters: [the models](models/README.md) and the [glossary](glossary.md).
            """;

    /// The models' index lists ridge before lasso, and not the appendix: that is their order.
    static final String MODELS = """
            # Models

            ## The models

            | model | page |
            |---|---|
            | ridge | [ridge.md](ridge.md) |
            | lasso | [lasso.md](lasso.md) |
            """;

    static final String RIDGE = """
            # Ridge regression

            Its links are relative to `book/models/`: the [wave](../01-vectors.md#11-the-wave), the
            [matrix class](../../src/Matrix.java#times), the [lasso](lasso.md), the
            [index](README.md#the-models), a [term](../glossary.md#vector), [home](../README.md) and a
            [way out](../../../etc/passwd).

            ## Experiment

            ```experiment wave
            Outside the lab: ./lemma experiments run wave
            ```
            """;

    static final String BASICS = """
            # Chapter 0 — Basics

            ## 0.1 Numbers

            The product $a_1 * b_2$ and the sum $a_1 + b_2 * c_3$ keep their stars and underscores.
            A price of $5 and $10 is not math. Code keeps its dollars: `echo $HOME`.

            $$
            x_{1} = \\frac{-b \\pm \\sqrt{b^2 - 4ac}}{2a}
            $$

            ```bash
            echo "$PATH" and $x_1$
            ```

            ## 0.1 Numbers

            The same heading twice gets a second anchor. Next: [the vectors](01-vectors.md#11-the-wave),
            the [matrix class](../src/Matrix.java#times), a [way out](../../etc/passwd) and
            [a site](https://example.org/).
            """;

    static final String VECTORS = """
            # Chapter 1 — Vectors

            ## 1.1 The wave

            A wave with $|x| \\le 1$:

            ```experiment wave
            Outside the lab: ./lemma experiments run wave
            ```

            ### A second form

            ```experiment
            wave
            The id on the first line of the body.
            ```

            ```experiment not-built-yet
            This one is described in words only.
            ```

            ```java
            Matrix c = a.times(b);
            ```
            """;

    /// Writes the test book into `root/book` (two chapters, a glossary, three model pages under
    /// `models/`), with a code file at `root/src/Matrix.java` and a page outside the book.
    static Book write(Path root) throws IOException {
        Path book = Files.createDirectories(root.resolve("book"));
        Files.writeString(book.resolve("README.md"), README);
        Files.writeString(book.resolve("00-basics.md"), BASICS);
        Files.writeString(book.resolve("01-vectors.md"), VECTORS);
        Files.writeString(book.resolve("glossary.md"), """
                # Glossary

                ## Vector

                An arrow; see [chapter 1](01-vectors.md).
                """);
        Path models = Files.createDirectories(book.resolve("models"));
        Files.writeString(models.resolve("README.md"), MODELS);
        Files.writeString(models.resolve("ridge.md"), RIDGE);
        Files.writeString(models.resolve("lasso.md"), "# Lasso and $\\ell_1$\n\nBack to [ridge](ridge.md).\n");
        Files.writeString(models.resolve("appendix.md"), "# Appendix\n\nNot in the index.\n");
        // A page beside the book, that no address under /book/ may reach.
        Files.writeString(root.resolve("outside.md"), "# Outside\n\nsecret-outside-the-book\n");
        Path src = Files.createDirectories(root.resolve("src"));
        Files.writeString(src.resolve("Matrix.java"), """
                package x;

                /// A matrix.
                public final class Matrix {
                    public Matrix times(Matrix b) {
                        return b;
                    }
                }
                """);
        Files.createDirectories(root.resolve(".git"));
        Files.writeString(root.resolve(".git/config"), "[core]\n");
        return new Book(book);
    }

    /// The repository's own book (tests run in `lemma-app/`).
    static Book real() {
        return Book.locate(null, Path.of("").toAbsolutePath());
    }
}
