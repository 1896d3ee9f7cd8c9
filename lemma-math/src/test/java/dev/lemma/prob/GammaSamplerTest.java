package dev.lemma.prob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lemma.numeric.SpecialFunctions;
import java.util.random.RandomGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/// [GammaSampler] (Marsaglia–Tsang, with the $U^{1/a}$ boost below $a = 1$) against the Gamma$(a, 1)$
/// distribution: sample mean ($a$) and variance ($a$) within five CLT standard errors (the variance of
/// $s^2$ from the fourth central moment $3a^2 + 6a$), and Pearson's chi-squared test on 50 bins of equal
/// probability under the CDF $P(a, x)$, the regularised incomplete gamma function. [Dirichlet] draws
/// through its logarithm, [GammaSampler#logStandardGamma].
class GammaSamplerTest {
    static final int DRAWS = 100_000;

    @ParameterizedTest
    @ValueSource(doubles = {0.05, 0.3, 1.0, 2.5, 50.0})
    void gammaDrawsHaveTheGammaDistribution(double a) {
        RandomGenerator g = Randomness.of(1234);
        double[] x = new double[DRAWS];
        double mean = 0;
        for (int i = 0; i < DRAWS; i++) {
            x[i] = GammaSampler.standardGamma(g, a);
            assertThat(x[i]).isGreaterThanOrEqualTo(0.0);
            mean += x[i] / DRAWS;
        }
        double variance = 0;
        for (double xi : x) {
            variance += (xi - mean) * (xi - mean) / (DRAWS - 1);
        }
        double mu4 = 3 * a * a + 6 * a;
        assertThat(mean).isCloseTo(a, within(5 * Math.sqrt(a / DRAWS)));
        assertThat(variance).isCloseTo(a, within(5 * Math.sqrt((mu4 - a * a * (DRAWS - 3.0) / (DRAWS - 1)) / DRAWS)));
        int bins = 50;
        long[] counts = new long[bins];
        for (double xi : x) {
            int b = (int) (SpecialFunctions.regularizedGammaP(a, xi) * bins);
            counts[Math.min(b, bins - 1)]++;
        }
        double expected = (double) DRAWS / bins;
        double statistic = 0;
        for (long c : counts) {
            statistic += (c - expected) * (c - expected) / expected;
        }
        assertThat(SpecialFunctions.regularizedGammaQ((bins - 1) / 2.0, statistic / 2))
                .as("chi-squared %.2f for a = %s", statistic, a)
                .isGreaterThan(1e-3);
    }
}
