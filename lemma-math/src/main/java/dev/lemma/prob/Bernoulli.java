package dev.lemma.prob;

import java.util.random.RandomGenerator;

/// The Bernoulli distribution: one trial that succeeds ($X = 1$) with probability $p$ and fails ($X = 0$)
/// otherwise, $P(X = k) = p^k (1 - p)^{1-k}$ for $k \in \{0, 1\}$.
///
/// Mean $p$, variance $p(1 - p)$, entropy $-p \log p - (1 - p)\log(1 - p)$ (with $0 \log 0 = 0$). The
/// degenerate cases $p = 0$ and $p = 1$ are allowed. SciPy: `scipy.stats.bernoulli(p)`.
///
/// Book: chapter 3, "Probability", section "Discrete distributions".
///
/// @param p the success probability, in $[0, 1]$
public record Bernoulli(double p) implements DiscreteDistribution {

    /// @param p the success probability
    /// @throws IllegalArgumentException if `p` is outside $[0, 1]$ or NaN
    public Bernoulli {
        Discrete.probability("p", p);
    }

    /// The maximum-likelihood estimate from outcomes $x_i \in \{0, 1\}$: $\hat p = \frac1n \sum_i x_i$,
    /// the zero of $\frac{d}{dp}\sum_i [x_i \log p + (1 - x_i)\log(1 - p)]$.
    ///
    /// @param outcomes the observed outcomes, each 0 or 1
    /// @return the fitted distribution
    /// @throws IllegalArgumentException if there are none, or one is neither 0 nor 1 (naming its index)
    public static Bernoulli fit(int... outcomes) {
        long successes = Discrete.sum("outcomes", outcomes, 0, 1);
        return new Bernoulli((double) successes / outcomes.length);
    }

    @Override
    public double logPmf(int k) {
        return switch (k) {
            case 0 -> Math.log1p(-p);
            case 1 -> Math.log(p);
            default -> Double.NEGATIVE_INFINITY;
        };
    }

    @Override
    public double pmf(int k) {
        return switch (k) {
            case 0 -> 1 - p;
            case 1 -> p;
            default -> 0.0;
        };
    }

    @Override
    public int supportLowerBound() {
        return p == 1 ? 1 : 0;
    }

    @Override
    public int supportUpperBound() {
        return p == 0 ? 0 : 1;
    }

    @Override
    public double cdf(double x) {
        Discrete.cdfArgument(x);
        return x < 0 ? 0.0 : x < 1 ? 1 - p : 1.0;
    }

    @Override
    public double survival(double x) {
        Discrete.cdfArgument(x);
        return x < 0 ? 1.0 : x < 1 ? p : 0.0;
    }

    /// @return 0 if $p \le 1 - p_{\text{success}}$, else 1 (the support's ends at $p = 0$ and $1$)
    @Override
    public double quantile(double prob) {
        Discrete.quantileArgument(prob);
        if (prob == 0) {
            return supportLowerBound();
        }
        return prob <= 1 - p ? 0 : 1;
    }

    @Override
    public double mean() {
        return p;
    }

    @Override
    public double variance() {
        return p * (1 - p);
    }

    @Override
    public double entropy() {
        return Discrete.h(Math.log(p)) + Discrete.h(Math.log1p(-p));
    }

    /// Inversion: 1 if $u < p$ for $u \sim U[0, 1)$, else 0.
    @Override
    public double sample(RandomGenerator random) {
        return random.nextDouble() < p ? 1 : 0;
    }
}
