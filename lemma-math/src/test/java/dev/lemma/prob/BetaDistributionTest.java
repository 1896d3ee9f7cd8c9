package dev.lemma.prob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BetaDistributionTest extends ContinuousDistributionContract {

    @Override
    List<ContinuousDistribution> distributions() {
        return List.of(
                new Beta(0.5, 0.5), new Beta(2, 5), new Beta(1, 1), new Beta(0.2, 3), new Beta(50, 20), new Beta(1, 3));
    }

    /// $\frac{6[(\alpha - \beta)^2(\alpha + \beta + 1) - \alpha\beta(\alpha + \beta + 2)]}{\alpha\beta(\alpha +
    /// \beta + 2)(\alpha + \beta + 3)}$.
    @Override
    double excessKurtosis(ContinuousDistribution d) {
        double a = ((Beta) d).alpha();
        double b = ((Beta) d).beta();
        return 6 * ((a - b) * (a - b) * (a + b + 1) - a * b * (a + b + 2)) / (a * b * (a + b + 2) * (a + b + 3));
    }

    /// Standard errors from the inverse of the Fisher information per draw, $\begin{pmatrix}\psi'(\alpha)
    /// - \psi'(\alpha+\beta) & -\psi'(\alpha+\beta) \\ -\psi'(\alpha+\beta) & \psi'(\beta) -
    /// \psi'(\alpha+\beta)\end{pmatrix}$.
    @ParameterizedTest
    @CsvSource({"0.5, 0.5", "2, 5", "30, 4"})
    void fitRecoversTheParametersWithinFiveStandardErrors(double a, double b) {
        int n = 50_000;
        Beta fit = Beta.fit(new Beta(a, b).sample(23L, n));
        double tab = trigammaByDifferences(a + b);
        double i11 = trigammaByDifferences(a) - tab;
        double i22 = trigammaByDifferences(b) - tab;
        double det = i11 * i22 - tab * tab;
        assertThat(fit.alpha()).isCloseTo(a, within(5 * Math.sqrt(i22 / det / n)));
        assertThat(fit.beta()).isCloseTo(b, within(5 * Math.sqrt(i11 / det / n)));
    }

    @Test
    void symmetryAndTheUniformCase() {
        Beta b = new Beta(2, 5);
        Beta mirrored = new Beta(5, 2);
        // dyadic points, so that 1 - x is exact and both sides are evaluated at the same point
        for (double x : new double[] {0x1p-20, 0.125, 0.375, 0.5, 0.875, 1 - 0x1p-10}) {
            assertThat(b.cdf(x)).isCloseTo(mirrored.survival(1 - x), within(1e-15 * b.cdf(x) + 1e-300));
            assertThat(b.logPdf(x)).isCloseTo(mirrored.logPdf(1 - x), within(1e-12 * Math.abs(b.logPdf(x)) + 1e-15));
        }
        Beta uniform = new Beta(1, 1);
        assertThat(uniform.pdf(0)).isEqualTo(1);
        assertThat(uniform.pdf(0.3)).isEqualTo(1);
        assertThat(uniform.cdf(0.3)).isCloseTo(0.3, within(1e-16));
        assertThat(new Beta(0.5, 2).pdf(0)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(new Beta(2, 0.5).pdf(1)).isEqualTo(Double.POSITIVE_INFINITY);
    }

    @Test
    void samplesStayInTheUnitIntervalForTinyShapes() {
        // Gamma(0.01) draws underflow to 0 often; the log-space ratio still gives a value in [0, 1]
        double[] x = new Beta(0.01, 0.01).sample(3L, 10_000);
        for (double v : x) {
            assertThat(v).isBetween(0.0, 1.0);
        }
    }

    @Test
    void rejectsBadParametersAndData() {
        assertThatThrownBy(() -> new Beta(0, 1)).hasMessage("Beta: alpha must be finite and > 0, got 0.0");
        assertThatThrownBy(() -> new Beta(1, Double.NaN)).hasMessage("Beta: beta must be finite and > 0, got NaN");
        assertThatThrownBy(Beta::fit).hasMessage("Beta.fit: data must not be empty");
        assertThatThrownBy(() -> Beta.fit(0.5, 1)).hasMessage("Beta.fit: data[1] must be in (0, 1), got 1.0");
        assertThatThrownBy(() -> Beta.fit(0.5, Double.NaN)).hasMessage("Beta.fit: data[1] must be finite, got NaN");
    }
}
