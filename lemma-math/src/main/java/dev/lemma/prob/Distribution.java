package dev.lemma.prob;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/// A probability distribution on the real line: what every univariate distribution in Lemma offers,
/// whether it has a density ([ContinuousDistribution]) or a mass function ([DiscreteDistribution]).
///
/// Distributions are immutable values: their parameters are checked when they are made (a bad one
/// raises an `IllegalArgumentException` naming the parameter and its value), and every method is a
/// pure function of them, so a distribution may be shared between threads. Randomness comes only from
/// the generator passed to [#sample(RandomGenerator)].
///
/// Book: chapter 3, "Probability".
public sealed interface Distribution permits ContinuousDistribution, DiscreteDistribution {

    /// The cumulative distribution function $F(x) = P(X \le x)$.
    ///
    /// @param x any real number ($\pm\infty$ give 0 and 1)
    /// @return $F(x) \in [0, 1]$
    /// @throws IllegalArgumentException if `x` is NaN
    double cdf(double x);

    /// The survival function $P(X > x) = 1 - F(x)$, computed without the cancellation of `1 - cdf(x)`
    /// where the implementation can (the upper tail of a normal, say).
    ///
    /// @param x any real number
    /// @return $1 - F(x)$
    /// @throws IllegalArgumentException if `x` is NaN
    default double survival(double x) {
        return 1 - cdf(x);
    }

    /// The quantile function $F^{-1}(p) = \inf\{x : F(x) \ge p\}$.
    ///
    /// @param p a probability in $[0, 1]$
    /// @return the smallest $x$ with $F(x) \ge p$ (the support's ends at 0 and 1)
    /// @throws IllegalArgumentException if `p` is outside $[0, 1]$ or NaN
    double quantile(double p);

    /// @return $E[X]$ (NaN or $\pm\infty$ where it does not exist, e.g. Student's t with 1 degree of
    ///     freedom)
    double mean();

    /// @return $\operatorname{Var}[X]$ ($\infty$ or NaN where it does not exist)
    double variance();

    /// @return $\sqrt{\operatorname{Var}[X]}$
    default double standardDeviation() {
        return Math.sqrt(variance());
    }

    /// The entropy in nats: differential entropy $-\int f \log f$ for a density, Shannon entropy
    /// $-\sum p \log p$ for a mass function.
    ///
    /// @return the entropy
    double entropy();

    /// One draw.
    ///
    /// @param random the source of randomness
    /// @return a value distributed as this distribution (an integer value for a discrete one)
    double sample(RandomGenerator random);

    /// `n` independent draws.
    ///
    /// @param random the source of randomness
    /// @param n how many
    /// @return the draws
    /// @throws IllegalArgumentException if `n` is negative
    default double[] sample(RandomGenerator random, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("sample size must be ≥ 0 but is " + n);
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = sample(random);
        }
        return x;
    }

    /// `n` independent draws, reproducible from `seed` (a `SplittableRandom`).
    ///
    /// @param seed the seed
    /// @param n how many
    /// @return the draws
    default double[] sample(long seed, int n) {
        return sample(new SplittableRandom(seed), n);
    }
}
