package dev.lemma.stats;

import dev.lemma.prob.Normal;
import dev.lemma.prob.StudentT;
import java.util.function.ToDoubleFunction;
import java.util.random.RandomGenerator;

/// Confidence intervals: for a mean by Student's t or with a known $\sigma$, and for any statistic by the
/// bootstrap (percentile and BCa).
///
/// A 95 % interval is a procedure, not a probability statement about one interval: over repeated
/// samples, 95 % of the intervals it produces contain the true value (chapter 4 measures this
/// coverage by simulation).
///
/// References: B. Efron and R. J. Tibshirani, *An Introduction to the Bootstrap*, Chapman & Hall, 1993,
/// chapters 13 (percentile) and 14 (BCa); SciPy's `scipy.stats.bootstrap` (the same BCa formulas).
///
/// Book: chapter 4, "Confidence intervals".
public final class ConfidenceIntervals {
    private static final Normal STANDARD_NORMAL = new Normal(0, 1);

    private ConfidenceIntervals() {}

    /// An interval and how it was made.
    ///
    /// @param lower the lower end
    /// @param upper the upper end
    /// @param confidence the nominal coverage, e.g. 0.95
    /// @param method how it was computed
    public record Interval(double lower, double upper, double confidence, String method) {
        /// @param value a value
        /// @return whether `lower ≤ value ≤ upper`
        public boolean contains(double value) {
            return lower <= value && value <= upper;
        }

        /// @return `upper - lower`
        public double width() {
            return upper - lower;
        }
    }

    /// The t interval for a mean, $\bar x \pm t_{(1+c)/2,\, n-1}\, s/\sqrt n$ (SciPy's `t.interval` with the
    /// standard error `sem`): exact coverage $c$ for normal data, approximately $c$ otherwise (CLT).
    ///
    /// @param x the sample, at least 2 finite values
    /// @param confidence $c$ in $(0, 1)$
    /// @return the interval
    public static Interval tMean(double[] x, double confidence) {
        check(x, 2, confidence);
        int n = x.length;
        Summary summary = Summary.of(x);
        double mean = summary.mean();
        double sem = Math.sqrt(summary.variance() / n);
        double t = new StudentT(n - 1).quantile((1 + confidence) / 2);
        return new Interval(mean - t * sem, mean + t * sem, confidence, "t");
    }

    /// The z interval for a mean with known standard deviation, $\bar x \pm z_{(1+c)/2}\,\sigma/\sqrt n$.
    ///
    /// @param x the sample
    /// @param sigma the known standard deviation, $> 0$
    /// @param confidence $c$
    /// @return the interval
    public static Interval normalMean(double[] x, double sigma, double confidence) {
        check(x, 1, confidence);
        if (!(sigma > 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("sigma must be finite and > 0, got " + sigma);
        }
        double mean = Summary.of(x).mean();
        double z = STANDARD_NORMAL.quantile((1 + confidence) / 2);
        double half = z * sigma / Math.sqrt(x.length);
        return new Interval(mean - half, mean + half, confidence, "normal");
    }

    /// The bootstrap distribution of a statistic: its value on `resamples` samples of size $n$ drawn
    /// with replacement from `x`.
    ///
    /// @param x the sample
    /// @param statistic the statistic, e.g. `Descriptive::median`
    /// @param resamples how many, $B$
    /// @param random the source of randomness
    /// @return the $B$ replicates, in the order drawn
    public static double[] bootstrap(
            double[] x, ToDoubleFunction<double[]> statistic, int resamples, RandomGenerator random) {
        check(x, 1, 0.5);
        if (resamples < 1) {
            throw new IllegalArgumentException("resamples must be ≥ 1, got " + resamples);
        }
        double[] replicates = new double[resamples];
        double[] sample = new double[x.length];
        for (int b = 0; b < resamples; b++) {
            for (int i = 0; i < x.length; i++) {
                sample[i] = x[random.nextInt(x.length)];
            }
            replicates[b] = statistic.applyAsDouble(sample);
        }
        return replicates;
    }

    /// The bootstrap percentile interval: the $(1 - c)/2$ and $(1 + c)/2$ quantiles of the bootstrap
    /// distribution (quantiles by linear interpolation, NumPy's default).
    ///
    /// @param x the sample
    /// @param statistic the statistic
    /// @param resamples $B$ (a few thousand for a 95 % interval)
    /// @param confidence $c$
    /// @param random the source of randomness
    /// @return the interval
    public static Interval bootstrapPercentile(
            double[] x,
            ToDoubleFunction<double[]> statistic,
            int resamples,
            double confidence,
            RandomGenerator random) {
        check(x, 2, confidence);
        double[] replicates = bootstrap(x, statistic, resamples, random);
        double alpha = (1 - confidence) / 2;
        return new Interval(
                Descriptive.quantile(replicates, alpha),
                Descriptive.quantile(replicates, 1 - alpha),
                confidence,
                "bootstrap percentile");
    }

    /// The bias-corrected and accelerated (BCa) bootstrap interval: the percentile interval with its
    /// levels moved to $\Phi\bigl(z_0 + \frac{z_0 + z_\alpha}{1 - a(z_0 + z_\alpha)}\bigr)$, where the bias
    /// correction $z_0 = \Phi^{-1}(\#\{\theta^*_b < \hat\theta\}/B)$ measures the bootstrap distribution's
    /// median bias and the acceleration $a = \frac{\sum_i (\bar\theta_{(\cdot)} - \theta_{(i)})^3}{6[\sum_i
    /// (\bar\theta_{(\cdot)} - \theta_{(i)})^2]^{3/2}}$, from the jackknife values $\theta_{(i)}$ (the
    /// statistic without observation $i$), its skewness. Second-order accurate, where the percentile
    /// interval is first-order.
    ///
    /// @param x the sample, at least 2 values
    /// @param statistic the statistic
    /// @param resamples $B$
    /// @param confidence $c$
    /// @param random the source of randomness
    /// @return the interval
    /// @throws ArithmeticException if every replicate lies on one side of $\hat\theta$ (no bias correction
    ///     exists; more resamples or a smoother statistic help)
    public static Interval bootstrapBca(
            double[] x,
            ToDoubleFunction<double[]> statistic,
            int resamples,
            double confidence,
            RandomGenerator random) {
        check(x, 2, confidence);
        double estimate = statistic.applyAsDouble(x.clone());
        double[] replicates = bootstrap(x, statistic, resamples, random);
        int below = 0;
        for (double r : replicates) {
            if (r < estimate) {
                below++;
            }
        }
        if (below == 0 || below == resamples) {
            throw new ArithmeticException("BCa: all " + resamples + " bootstrap replicates lie on one side of the"
                    + " estimate " + estimate + ", so the bias correction is infinite");
        }
        double z0 = STANDARD_NORMAL.quantile((double) below / resamples);
        int n = x.length;
        double[] jackknife = new double[n];
        double[] leaveOut = new double[n - 1];
        for (int i = 0; i < n; i++) {
            for (int j = 0, k = 0; j < n; j++) {
                if (j != i) {
                    leaveOut[k++] = x[j];
                }
            }
            jackknife[i] = statistic.applyAsDouble(leaveOut.clone());
        }
        double jackMean = Summary.of(jackknife).mean();
        double num = 0;
        double den = 0;
        for (double t : jackknife) {
            double d = jackMean - t;
            num += d * d * d;
            den += d * d;
        }
        double a = den == 0 ? 0 : num / (6 * Math.pow(den, 1.5));
        double alpha = (1 - confidence) / 2;
        double lowLevel = adjusted(z0, a, STANDARD_NORMAL.quantile(alpha));
        double highLevel = adjusted(z0, a, STANDARD_NORMAL.quantile(1 - alpha));
        return new Interval(
                Descriptive.quantile(replicates, lowLevel),
                Descriptive.quantile(replicates, highLevel),
                confidence,
                "bootstrap BCa");
    }

    private static double adjusted(double z0, double a, double z) {
        return STANDARD_NORMAL.cdf(z0 + (z0 + z) / (1 - a * (z0 + z)));
    }

    private static void check(double[] x, int minimum, double confidence) {
        if (x == null || x.length < minimum) {
            throw new IllegalArgumentException(
                    "the sample needs at least " + minimum + " values, it has " + (x == null ? 0 : x.length));
        }
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i])) {
                throw new IllegalArgumentException("x[" + i + "] must be finite but is " + x[i]);
            }
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("the confidence must be in (0, 1), got " + confidence);
        }
    }
}
