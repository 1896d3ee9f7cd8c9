package dev.lemma.prob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lemma.numeric.SpecialFunctions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/// The package-private numerical pieces of the continuous distributions, against closed forms.
class ContinuousMathTest {

    @Test
    void trigammaAtKnownPoints() {
        // psi'(1) = pi^2/6, psi'(1/2) = pi^2/2 (A&S 6.4.2, 6.4.4); psi'(x) ~ 1/x + 1/(2x^2) for large x
        assertThat(ContinuousMath.trigamma(1)).isCloseTo(Math.PI * Math.PI / 6, within(2e-16));
        assertThat(ContinuousMath.trigamma(0.5)).isCloseTo(Math.PI * Math.PI / 2, within(4e-15));
        // psi'(n) = pi^2/6 - sum_{k<n} 1/k^2
        assertThat(ContinuousMath.trigamma(4)).isCloseTo(Math.PI * Math.PI / 6 - 1 - 0.25 - 1.0 / 9, within(1e-15));
        double x = 1e8;
        assertThat(ContinuousMath.trigamma(x)).isCloseTo(1 / x + 1 / (2 * x * x), within(1e-23));
    }

    @ParameterizedTest
    @ValueSource(doubles = {1e-3, 0.1, 0.5, 1, 2.5, 30, 1e4, 1e8})
    void inverseDigammaInvertsDigamma(double x) {
        assertThat(ContinuousMath.inverseDigamma(SpecialFunctions.digamma(x))).isCloseTo(x, within(1e-13 * x));
    }

    @Test
    void incompleteBetaOnTheAccurateSide() {
        // I_u(a, 1) = u^a, and 1 - I_u(a, 1) with v = 1 - u tiny: 1 - (1 - v)^a = a v to first order
        double v = 1e-20;
        assertThat(ContinuousMath.upperBeta(1 - v, v, 3, 1)).isCloseTo(3 * v, within(1e-15 * 3 * v));
        assertThat(ContinuousMath.lowerBeta(0.25, 0.75, 3, 1)).isCloseTo(1.0 / 64, within(1e-17));
    }
}
