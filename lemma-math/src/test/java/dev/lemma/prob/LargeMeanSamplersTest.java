package dev.lemma.prob;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/// The rejection samplers (PTRS for [Poisson], BTRS for [Binomial]) at a million draws, where the
/// chi-squared test resolves biases of about $10^{-3}$ in a bin's probability: at the smallest means
/// they are used for (where their fitted constants are least comfortable), at a skewed binomial, and at
/// a large mean.
class LargeMeanSamplersTest {
    static final int DRAWS = 1_000_000;

    static Stream<DiscreteDistribution> distributions() {
        return Stream.of(
                new Poisson(Poisson.INVERSION_LIMIT),
                new Poisson(37.2),
                new Poisson(1e6),
                new Binomial(20, 0.5), // n p = 10: the first BTRS case
                new Binomial(1000, 0.01),
                new Binomial(100_000, 0.93));
    }

    @ParameterizedTest
    @MethodSource("distributions")
    void frequenciesPassChiSquared(DiscreteDistribution d) {
        double[] x = d.sample(Randomness.of(4242), DRAWS);
        assertThat(DiscreteDistributionContractTest.chiSquaredPValue(d, x))
                .as("%s: chi-squared p-value", d)
                .isGreaterThan(DiscreteDistributionContractTest.SIGNIFICANCE);
    }

    /// The test has power: draws of Poisson(10.05) (a shift of $0.016\sigma$, sixteen standard errors of
    /// the mean at this sample size) are rejected as Poisson(10).
    @org.junit.jupiter.api.Test
    void theTestRejectsASlightlyWrongSampler() {
        double[] x = new Poisson(10.05).sample(Randomness.of(4242), DRAWS);
        assertThat(DiscreteDistributionContractTest.chiSquaredPValue(new Poisson(10), x))
                .isLessThan(DiscreteDistributionContractTest.SIGNIFICANCE);
    }
}
