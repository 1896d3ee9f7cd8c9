package dev.lemma.stats;

import dev.lemma.prob.Distribution;
import java.util.function.ToDoubleFunction;
import java.util.random.RandomGenerator;

/// The bias–variance decomposition of an estimator, measured by simulation: draw many samples of size
/// $n$ from a known population, apply the estimator to each, and compare the estimates $\hat\theta_r$
/// with the true value $\theta$.
///
/// $$\text{MSE} = E[(\hat\theta - \theta)^2] = (E[\hat\theta] - \theta)^2 + E[(\hat\theta - E\hat\theta)^2]
/// = \text{bias}^2 + \text{variance}$$
///
/// (chapter 4 proves it by adding and subtracting $E[\hat\theta]$). Over $R$ simulated estimates the same
/// identity holds exactly for the empirical averages (with the variance's denominator $R$), so the three
/// numbers reported always add up; each estimates its population value with an error of order
/// $1/\sqrt R$.
///
/// Book: chapter 4, "Bias and variance".
public final class BiasVariance {
    private BiasVariance() {}

    /// The decomposition over $R$ simulated estimates.
    ///
    /// @param bias $\overline{\hat\theta} - \theta$
    /// @param variance $\frac1R \sum_r (\hat\theta_r - \overline{\hat\theta})^2$
    /// @param meanSquaredError $\frac1R \sum_r (\hat\theta_r - \theta)^2$
    /// @param repetitions $R$
    public record Decomposition(double bias, double variance, double meanSquaredError, int repetitions) {}

    /// Simulates the estimator on `repetitions` samples of size `n` from `population`.
    ///
    /// @param population the distribution the samples are drawn from
    /// @param n the sample size
    /// @param estimator the estimator, from a sample to a number
    /// @param trueValue $\theta$, the value it estimates (e.g. `population.variance()`)
    /// @param repetitions $R \ge 2$
    /// @param random the source of randomness
    /// @return bias, variance and mean squared error
    public static Decomposition simulate(
            Distribution population,
            int n,
            ToDoubleFunction<double[]> estimator,
            double trueValue,
            int repetitions,
            RandomGenerator random) {
        if (n < 1) {
            throw new IllegalArgumentException("the sample size must be ≥ 1, got " + n);
        }
        if (repetitions < 2) {
            throw new IllegalArgumentException("repetitions must be ≥ 2, got " + repetitions);
        }
        if (!Double.isFinite(trueValue)) {
            throw new IllegalArgumentException("the true value must be finite, got " + trueValue);
        }
        double[] estimates = new double[repetitions];
        for (int r = 0; r < repetitions; r++) {
            estimates[r] = estimator.applyAsDouble(population.sample(random, n));
            if (!Double.isFinite(estimates[r])) {
                throw new ArithmeticException("the estimator returned " + estimates[r] + " on simulated sample " + r);
            }
        }
        Summary summary = Summary.of(estimates);
        double bias = summary.mean() - trueValue;
        double variance = summary.populationVariance();
        double[] squared = new double[repetitions];
        for (int r = 0; r < repetitions; r++) {
            double d = estimates[r] - trueValue;
            squared[r] = d * d;
        }
        return new Decomposition(bias, variance, Summary.of(squared).mean(), repetitions);
    }
}
