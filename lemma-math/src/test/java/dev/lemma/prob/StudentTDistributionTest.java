package dev.lemma.prob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StudentTDistributionTest extends ContinuousDistributionContract {

    @Override
    List<ContinuousDistribution> distributions() {
        return List.of(new StudentT(1), new StudentT(2.5), new StudentT(5), new StudentT(30), new StudentT(1000));
    }

    /// $6/(\nu - 4)$ for $\nu > 4$; the fourth moment is infinite for $\nu \le 4$.
    @Override
    double excessKurtosis(ContinuousDistribution d) {
        double nu = ((StudentT) d).df();
        return nu > 4 ? 6 / (nu - 4) : Double.POSITIVE_INFINITY;
    }

    /// The Fisher information per draw for $\nu$ with location and scale known (Lange, Little and
    /// Taylor, JASA 84 (1989), eq. for $i_{\nu\nu}$): $\frac14[\psi'(\frac\nu2) - \psi'(\frac{\nu+1}2)] -
    /// \frac{\nu + 5}{2\nu(\nu + 1)(\nu + 3)}$.
    @ParameterizedTest
    @ValueSource(doubles = {1, 3, 8})
    void fitRecoversTheDegreesOfFreedomWithinFiveStandardErrors(double nu) {
        int n = 50_000;
        StudentT fit = StudentT.fit(new StudentT(nu).sample(31L, n));
        double information = 0.25 * (trigammaByDifferences(nu / 2) - trigammaByDifferences((nu + 1) / 2))
                - (nu + 5) / (2 * nu * (nu + 1) * (nu + 3));
        assertThat(fit.df()).isCloseTo(nu, within(5 / Math.sqrt(n * information)));
    }

    @Test
    void cauchyAndLargeDegreesOfFreedom() {
        // nu = 1 is the Cauchy distribution: F(x) = 1/2 + atan(x)/pi, f(x) = 1/(pi(1 + x^2))
        StudentT cauchy = new StudentT(1);
        for (double x : new double[] {-1e8, -3, -1e-9, 0.5, 7}) {
            double expected = x < 0 ? Math.atan(-1 / x) / Math.PI : 0.5 + Math.atan(x) / Math.PI;
            assertThat(cauchy.cdf(x)).isCloseTo(expected, within(1e-15 * expected));
            // pdf = exp(logPdf): exp turns the rounding of log f (about 39 u at x = -1e8) into a relative error
            assertThat(cauchy.pdf(x)).isCloseTo(1 / (Math.PI * (1 + x * x)), within(1e-14 / (Math.PI * (1 + x * x))));
        }
        assertThat(cauchy.quantile(0.75)).isCloseTo(1, within(1e-15));
        // nu = 2: F(x) = 1/2 + x / (2 sqrt(2 + x^2))
        StudentT two = new StudentT(2);
        for (double x : new double[] {1e-10, 0.3, 4, 1e5}) {
            double expected = 0.5 * x / Math.sqrt(2 + x * x);
            // to an ulp of 0.5 (rounding 1/2 + 3.5e-11 to a double): with 1 - w formed by rounding, the incomplete
            // beta near w = x^2/(2 + x^2) = 5e-21 would be off by about u/sqrt(w) = 1e-6
            assertThat(two.cdf(x) - 0.5).isCloseTo(expected, within(1e-15 * expected + Math.ulp(0.5)));
            assertThat(two.survival(-x)).isEqualTo(two.cdf(x));
        }
        assertThat(new StudentT(2).variance()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(cauchy.mean()).isNaN();
        assertThat(cauchy.variance()).isNaN();
    }

    @Test
    void extremeTailsAndTinyDegreesOfFreedom() {
        // nu = 0.002: P(|T| > 1e300) = I_z(0.001, 1/2), z = nu/(nu + 1e600) underflows; mpmath 1.3.0 at 30
        // digits (betainc(nu/2, 0.5, 0, z, regularized=True)) gives 0.249287029939087661
        StudentT t = new StudentT(0.002);
        assertThat(2 * t.survival(1e300)).isCloseTo(0.249287029939087661, within(1e-14));
        // a Gamma(0.001) draw underflows to 0 about half the time (P(G < 4.9e-324) = 0.48); through log G the
        // draws still follow the tail: the fraction beyond 1e300 within 5 binomial standard errors
        int n = 10_000;
        long beyond = java.util.Arrays.stream(t.sample(5L, n))
                .filter(v -> Math.abs(v) > 1e300)
                .count();
        double p = 2 * t.survival(1e300);
        assertThat((double) beyond / n).isCloseTo(p, within(5 * Math.sqrt(p * (1 - p) / n)));
        // log f(1e200) for nu = 5, where x^2 overflows: mpmath 1.3.0 gives -2759.24241744460724
        assertThat(new StudentT(5).logPdf(1e200)).isCloseTo(-2759.24241744460724, within(1e-12 * 2759.24));
    }

    @Test
    void rejectsBadParametersAndData() {
        assertThatThrownBy(() -> new StudentT(0)).hasMessage("StudentT: df must be finite and > 0, got 0.0");
        assertThatThrownBy(StudentT::fit).hasMessage("StudentT.fit: data must not be empty");
        assertThatThrownBy(() -> StudentT.fit(1, Double.NaN))
                .hasMessage("StudentT.fit: data[1] must be finite, got NaN");
    }
}
