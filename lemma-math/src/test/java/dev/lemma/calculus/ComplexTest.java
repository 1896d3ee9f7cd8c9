package dev.lemma.calculus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/// The complex operations against identities and values worked by hand.
class ComplexTest {
    /// A few rounding errors of operations on numbers of size about 1.
    private static final double TOLERANCE = 1e-15;

    @Test
    void arithmeticMatchesTheDefinitions() {
        Complex z = new Complex(3, 4);
        Complex w = new Complex(1, -2);
        assertThat(z.plus(w)).isEqualTo(new Complex(4, 2));
        assertThat(z.minus(w)).isEqualTo(new Complex(2, 6));
        assertThat(z.times(w)).isEqualTo(new Complex(11, -2));
        Complex q = z.divide(w); // (3+4i)/(1-2i) = (3+4i)(1+2i)/5 = (-5+10i)/5
        assertThat(q.re()).isCloseTo(-1, within(TOLERANCE));
        assertThat(q.im()).isCloseTo(2, within(TOLERANCE));
        Complex q2 = w.divide(new Complex(0.5, 3)); // the |Im| > |Re| branch
        Complex back = q2.times(new Complex(0.5, 3));
        assertThat(back.re()).isCloseTo(1, within(TOLERANCE));
        assertThat(back.im()).isCloseTo(-2, within(TOLERANCE));
        assertThat(z.negate()).isEqualTo(new Complex(-3, -4));
        assertThat(z.pow(2)).isEqualTo(z.times(z));
        assertThat(z.pow(-1).times(z).re()).isCloseTo(1, within(TOLERANCE));
        assertThat(z.pow(0)).isEqualTo(Complex.real(1));
    }

    @Test
    void elementaryFunctionsSatisfyTheirIdentities() {
        Complex z = new Complex(0.3, -0.8);
        Complex logExp = z.exp().log();
        assertThat(logExp.re()).isCloseTo(z.re(), within(TOLERANCE));
        assertThat(logExp.im()).isCloseTo(z.im(), within(TOLERANCE));
        Complex one = z.sin().times(z.sin()).plus(z.cos().times(z.cos()));
        assertThat(one.re()).isCloseTo(1, within(TOLERANCE));
        assertThat(one.im()).isCloseTo(0, within(TOLERANCE));
        for (Complex s : new Complex[] {z, new Complex(-2, 0.5), new Complex(-2, -0.5), new Complex(4, 0)}) {
            Complex r = s.sqrt();
            assertThat(r.re()).isGreaterThanOrEqualTo(0);
            assertThat(r.times(r).re()).isCloseTo(s.re(), within(4 * TOLERANCE));
            assertThat(r.times(r).im()).isCloseTo(s.im(), within(4 * TOLERANCE));
        }
        assertThat(Complex.real(0).sqrt()).isEqualTo(new Complex(0, 0));
    }
}
