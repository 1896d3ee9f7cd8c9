package dev.lemma.app.lab;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MathProtectionTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            $a_1 * b_2$                        | $a_1 * b_2$
            so $x$ and $y$.                    | $x$,$y$
            escaped \\$ then $z$               | $z$
            a $$\\sum_i x_i$$ b                | $$\\sum_i x_i$$
            from $5 to $10                     | ''
            code `$x$` then $y$                | $y$
            spaced $ x $ no                    | ''
            $\\{a\\}$ braces                   | $\\{a\\}$
            """)
    void findsTheMath(String text, String expected) {
        String joined = String.join(",", MathProtection.of(text).math());
        assertThat(joined).isEqualTo(expected == null ? "" : expected);
    }

    @Test
    void fencedCodeIsUntouched() {
        String md = "```\n$x$ and $$y$$\n```\n\n$z$\n";
        MathProtection p = MathProtection.of(md);
        assertThat(p.math()).containsExactly("$z$");
        assertThat(p.markdown()).startsWith("```\n$x$ and $$y$$\n```\n");
    }

    @Test
    void displayMathSpansLines() {
        MathProtection p = MathProtection.of("$$\na \\\\\nb\n$$\n");
        assertThat(p.math()).containsExactly("$$\na \\\\\nb\n$$");
        assertThat(p.markdown()).doesNotContain("\\\\");
    }

    @Test
    void restoreEscapesForHtmlAndKeepsTheDelimiters() {
        MathProtection p = MathProtection.of("$a < b$");
        assertThat(p.restoreHtml(p.markdown())).isEqualTo("<span class=\"math inline\">$a &lt; b$</span>\n");
        assertThat(p.restoreText(p.markdown())).isEqualTo("$a < b$\n");
    }
}
