package dev.lemma.prob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChiSquaredDistributionTest extends ContinuousDistributionContract {

    @Override
    List<ContinuousDistribution> distributions() {
        return List.of(
                new ChiSquared(1), new ChiSquared(2), new ChiSquared(4), new ChiSquared(0.5), new ChiSquared(100));
    }

    /// $12/k$.
    @Override
    double excessKurtosis(ContinuousDistribution d) {
        return 12 / ((ChiSquared) d).df();
    }

    /// The Fisher information per draw for $k$ is $\psi'(k/2)/4$.
    @ParameterizedTest
    @ValueSource(doubles = {0.7, 3, 25})
    void fitRecoversTheDegreesOfFreedomWithinFiveStandardErrors(double k) {
        int n = 50_000;
        ChiSquared fit = ChiSquared.fit(new ChiSquared(k).sample(29L, n));
        double se = 2 / Math.sqrt(n * trigammaByDifferences(k / 2));
        assertThat(fit.df()).isCloseTo(k, within(5 * se));
    }

    @Test
    void isTheSumOfSquaredNormalsAndAGammaWithScaleTwo() {
        // with 1 degree of freedom: P(Z^2 <= x) = erf(sqrt(x/2))
        ChiSquared one = new ChiSquared(1);
        for (double x : new double[] {1e-6, 0.5, 2, 10}) {
            double expected = dev.lemma.numeric.SpecialFunctions.erf(Math.sqrt(x / 2));
            assertThat(one.cdf(x)).isCloseTo(expected, within(1e-15 * expected));
        }
        // with 2: the exponential with rate 1/2
        ChiSquared two = new ChiSquared(2);
        Exponential e = new Exponential(0.5);
        for (double x : new double[] {1e-6, 0.5, 2, 10, 100}) {
            assertThat(two.survival(x)).isCloseTo(e.survival(x), within(1e-15 * e.survival(x)));
            assertThat(two.logPdf(x)).isCloseTo(e.logPdf(x), within(1e-15 * Math.abs(e.logPdf(x))));
        }
    }

    @Test
    void rejectsBadParametersAndData() {
        assertThatThrownBy(() -> new ChiSquared(-3)).hasMessage("ChiSquared: df must be finite and > 0, got -3.0");
        assertThatThrownBy(ChiSquared::fit).hasMessage("ChiSquared.fit: data must not be empty");
        assertThatThrownBy(() -> ChiSquared.fit(1, Double.NEGATIVE_INFINITY))
                .hasMessage("ChiSquared.fit: data[1] must be finite, got -Infinity");
    }
}
