package dev.lemma.prob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GammaDistributionTest extends ContinuousDistributionContract {

    @Override
    List<ContinuousDistribution> distributions() {
        return List.of(
                new Gamma(0.1, 1),
                new Gamma(0.5, 2),
                new Gamma(1, 1),
                new Gamma(2.5, 1.5),
                new Gamma(30, 0.1),
                new Gamma(1000, 3));
    }

    /// $6/k$.
    @Override
    double excessKurtosis(ContinuousDistribution d) {
        return 6 / ((Gamma) d).shape();
    }

    /// The asymptotic standard errors come from the inverse Fisher information per draw,
    /// $\begin{pmatrix}\psi'(k) & 1/\theta \\ 1/\theta & k/\theta^2\end{pmatrix}^{-1}$:
    /// $\operatorname{Var}\hat k = \frac{k}{n(k\psi'(k) - 1)}$, $\operatorname{Var}\hat\theta =
    /// \frac{\psi'(k)\theta^2}{n(k\psi'(k) - 1)}$.
    @ParameterizedTest
    @CsvSource({"0.3, 2", "2.5, 1.5", "40, 0.25"})
    void fitRecoversTheParametersWithinFiveStandardErrors(double k, double theta) {
        int n = 50_000;
        Gamma fit = Gamma.fit(new Gamma(k, theta).sample(17L, n));
        double trigamma = trigammaByDifferences(k);
        double seShape = Math.sqrt(k / (n * (k * trigamma - 1)));
        double seScale = Math.sqrt(trigamma * theta * theta / (n * (k * trigamma - 1)));
        assertThat(fit.shape()).isCloseTo(k, within(5 * seShape));
        assertThat(fit.scale()).isCloseTo(theta, within(5 * seScale));
    }

    @Test
    void fitSolvesTheLikelihoodEquation() {
        double[] data = {0.5, 1.25, 2, 3.5, 7};
        Gamma fit = Gamma.fit(data);
        double mean = 14.25 / 5;
        double meanLog = 0;
        for (double x : data) {
            meanLog += Math.log(x) / 5;
        }
        // log k - psi(k) = log(mean) - mean(log x), and k theta = mean
        assertThat(Math.log(fit.shape()) - dev.lemma.numeric.SpecialFunctions.digamma(fit.shape()))
                .isCloseTo(Math.log(mean) - meanLog, within(1e-14));
        assertThat(fit.shape() * fit.scale()).isCloseTo(mean, within(1e-14));
    }

    @Test
    void densityAtZeroDependsOnTheShape() {
        assertThat(new Gamma(0.5, 1).pdf(0)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(new Gamma(1, 2).pdf(0)).isEqualTo(0.5);
        assertThat(new Gamma(2, 1).pdf(0)).isZero();
        // Gamma(1, theta) is the exponential with rate 1/theta
        Exponential e = new Exponential(0.5);
        Gamma g = new Gamma(1, 2);
        for (double x : new double[] {1e-10, 0.3, 4, 50}) {
            assertThat(g.cdf(x)).isCloseTo(e.cdf(x), within(1e-15 * e.cdf(x)));
            assertThat(g.survival(x)).isCloseTo(e.survival(x), within(1e-15 * e.survival(x)));
        }
    }

    @Test
    void rejectsBadParametersAndData() {
        assertThatThrownBy(() -> new Gamma(-1, 1)).hasMessage("Gamma: shape must be finite and > 0, got -1.0");
        assertThatThrownBy(() -> new Gamma(1, Double.POSITIVE_INFINITY))
                .hasMessage("Gamma: scale must be finite and > 0, got Infinity");
        assertThatThrownBy(Gamma::fit).hasMessage("Gamma.fit: data must not be empty");
        assertThatThrownBy(() -> Gamma.fit(1, 0)).hasMessage("Gamma.fit: data[1] must be > 0, got 0.0");
        assertThatThrownBy(() -> Gamma.fit(2, 2, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
