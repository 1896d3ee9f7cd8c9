package dev.lemma.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/// Numbers as the experiments print them: four significant digits without trailing zeros, whole numbers
/// from 10 000 to 99 999 without an exponent, scientific notation outside.
class FormatTest {

    @Test
    void numbersReadWithoutStrayExponents() {
        assertThat(Format.num(0)).isEqualTo("0");
        assertThat(Format.num(0.5)).isEqualTo("0.5");
        assertThat(Format.num(-2.25)).isEqualTo("-2.25");
        assertThat(Format.num(23555.0)).isEqualTo("23555");
        assertThat(Format.num(-23555.4)).isEqualTo("-23555");
        assertThat(Format.num(9999.6)).isEqualTo("10000");
        assertThat(Format.num(99999.7)).isEqualTo(Format.sci(99999.7));
        assertThat(Format.num(1e-4)).isEqualTo(Format.sci(1e-4));
        assertThat(Format.num(Double.NaN)).isEqualTo("NaN");
    }
}
