package dev.lemma.prob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/// Maximum-likelihood fits (exact on small data computed by hand; on 100 000 seeded draws within five
/// standard errors from the Fisher information), the large-parameter accuracy of the mass functions
/// against 40-digit mpmath values, and the messages of bad parameters.
class DiscreteFitAndValidationTest {
    static final int N = 100_000;
    static final double STANDARD_ERRORS = 5;

    private static int[] ints(double[] x) {
        int[] k = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            k[i] = (int) x[i];
        }
        return k;
    }

    @Test
    void fitsOnSmallDataMatchTheClosedForms() {
        assertThat(Bernoulli.fit(1, 0, 0, 1, 1).p()).isEqualTo(0.6);
        assertThat(Binomial.fit(10, 3, 4, 5)).isEqualTo(new Binomial(10, 0.4));
        assertThat(Poisson.fit(2, 3, 7).rate()).isEqualTo(4.0);
        assertThat(Geometric.fit(1, 3, 4).p()).isEqualTo(3.0 / 8);
        assertThat(Categorical.fit(3, 0, 2, 2, 2)).isEqualTo(new Categorical(0.25, 0.0, 0.75));
    }

    /// $\hat\theta$ from [#N] draws lies within five standard errors $1/\sqrt{N I(\theta)}$ of $\theta$:
    /// $\sqrt{p(1-p)/N}$ (Bernoulli), $\sqrt{p(1-p)/(nN)}$ (binomial), $\sqrt{\lambda/N}$ (Poisson),
    /// $p\sqrt{(1-p)/N}$ (geometric), $\sqrt{\pi_k(1-\pi_k)/N}$ (categorical).
    @Test
    void fitsRecoverTheParameters() {
        RandomGenerator g = Randomness.of(314);
        double p = 0.37;
        assertThat(Bernoulli.fit(ints(new Bernoulli(p).sample(g, N))).p())
                .isCloseTo(p, within(STANDARD_ERRORS * Math.sqrt(p * (1 - p) / N)));
        assertThat(Binomial.fit(25, ints(new Binomial(25, p).sample(g, N))).p())
                .isCloseTo(p, within(STANDARD_ERRORS * Math.sqrt(p * (1 - p) / (25.0 * N))));
        assertThat(Poisson.fit(ints(new Poisson(123.4).sample(g, N))).rate())
                .isCloseTo(123.4, within(STANDARD_ERRORS * Math.sqrt(123.4 / N)));
        assertThat(Geometric.fit(ints(new Geometric(p).sample(g, N))).p())
                .isCloseTo(p, within(STANDARD_ERRORS * p * Math.sqrt((1 - p) / N)));
        double[] pi = {0.1, 0.6, 0.3};
        Categorical fitted = Categorical.fit(3, ints(new Categorical(pi).sample(g, N)));
        for (int k = 0; k < 3; k++) {
            assertThat(fitted.pmf(k)).isCloseTo(pi[k], within(STANDARD_ERRORS * Math.sqrt(pi[k] * (1 - pi[k]) / N)));
        }
    }

    /// Loader's saddle-point masses where the logGamma difference would have lost digits. Expected
    /// values: mpmath 1.3.0 at 40 digits, `binomial(n, k) * p**k * (1-p)**(n-k)` and
    /// `exp(-lam) * lam**k / factorial(k)` with `p`, `lam` the doubles given.
    @Test
    void massesStayAccurateForLargeNAndRate() {
        assertThat(new Binomial(1_000_000_000, 0.5).pmf(500_000_000))
                .isCloseTo(2.5231325213893769e-05, within(1e-14 * 2.5231325213893769e-05));
        assertThat(new Binomial(100_000, 0.01).pmf(1000))
                .isCloseTo(0.012678161323544589, within(1e-14 * 0.012678161323544589));
        assertThat(new Poisson(1e8).pmf(100_000_000))
                .isCloseTo(3.9894228006898078e-05, within(1e-14 * 3.9894228006898078e-05));
        assertThat(new Poisson(1000.5).logPmf(2000)).isCloseTo(-390.51404246623056, within(1e-14 * 390.51404246623056));
    }

    @Test
    void badParametersAreNamedWithTheirValues() {
        expect(() -> new Bernoulli(1.5), "p", "1.5");
        expect(() -> new Bernoulli(Double.NaN), "p", "NaN");
        expect(() -> new Binomial(-1, 0.5), "n", "-1");
        expect(() -> new Binomial(3, -0.1), "p", "-0.1");
        expect(() -> new Poisson(0), "rate", "0");
        expect(() -> new Poisson(Double.POSITIVE_INFINITY), "rate", "Infinity");
        expect(() -> new Geometric(0), "p", "0");
        expect(() -> new Categorical(0.5, 0.6), "sum", "1.1");
        expect(() -> new Categorical(0.5, -0.1, 0.6), "probabilities[1]", "-0.1");
        expect(() -> Categorical.ofWeights(0, 0), "weights", "0");
        expect(() -> Binomial.fit(5, 1, 6), "counts[1]", "6");
        expect(() -> Geometric.fit(2, 0), "trials[1]", "0");
        expect(() -> Poisson.fit(0, 0), "counts", "0");
        expect(() -> Bernoulli.fit(), "outcomes", "at least one");
        expect(() -> new Poisson(2).quantile(1.5), "p", "1.5");
        expect(() -> new Binomial(3, 0.2).cdf(Double.NaN), "x", "NaN");
    }

    private static void expect(Executable bad, String name, String value) {
        assertThatThrownBy(bad::execute)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(name)
                .hasMessageContaining(value);
    }

    @Test
    void categoricalIsImmutable() {
        double[] p = {0.5, 0.5};
        Categorical c = new Categorical(p);
        p[0] = 0.9;
        c.probabilities()[1] = 0.9;
        assertThat(c.probabilities()).containsExactly(0.5, 0.5);
        assertThat(Categorical.ofWeights(1, 3)).isEqualTo(new Categorical(0.25, 0.75));
    }
}
