package dev.lemma.prob;

import dev.lemma.linalg.Matrix;
import dev.lemma.linalg.Vector;
import dev.lemma.numeric.Checks;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/// The categorical distribution on $\{0, 1, \dots, K-1\}$: $P(X = k) = \pi_k$, the distribution of one
/// roll of a $K$-sided loaded die, and the building block of classification.
///
/// As a distribution of the integer $X$: mean $\sum_k k\pi_k$, variance $\sum_k k^2\pi_k - (\sum_k
/// k\pi_k)^2$, entropy $-\sum_k \pi_k\log\pi_k$. Machine learning usually encodes $X$ one-hot, as the
/// vector $e_X$ (a multinomial draw with one trial, SciPy's `multinomial(1, p)`): its mean is $\pi$ and
/// its covariance $\operatorname{diag}(\pi) - \pi\pi^\top$ ([#oneHotMean], [#oneHotCovariance]).
///
/// The probabilities must sum to 1 within [#SUM_TOLERANCE] (relative); [#ofWeights] normalises
/// non-negative weights instead.
///
/// Book: chapter 3, "Probability", section "Discrete distributions".
///
/// @param probabilities $\pi_0, \dots, \pi_{K-1}$ (copied in and out)
@SuppressWarnings("ArrayRecordComponent") // copied in the constructor and the accessor; equals compares contents
public record Categorical(double... probabilities) implements DiscreteDistribution {

    /// How far $\sum_k \pi_k$ may be from 1: $10^{-12}$, room for the rounding of a few thousand
    /// probabilities written to 16 digits, far below any modelling error.
    public static final double SUM_TOLERANCE = 1e-12;

    /// @param probabilities $\pi_0, \dots, \pi_{K-1}$, each in $[0, 1]$, summing to 1
    /// @throws IllegalArgumentException if there are none, one is negative or not finite (naming its
    ///     index), or the sum is not 1 within [#SUM_TOLERANCE]
    public Categorical {
        Checks.argument(probabilities.length > 0, "probabilities must hold at least one category");
        probabilities = probabilities.clone();
        double sum = 0;
        for (int k = 0; k < probabilities.length; k++) {
            double pk = probabilities[k];
            Checks.argument(pk >= 0 && pk <= 1, "probabilities[%d] must be in [0, 1] but is %s", k, pk);
            sum += pk;
        }
        Checks.argument(
                Math.abs(sum - 1) <= SUM_TOLERANCE,
                "probabilities must sum to 1 (within %s) but sum to %s; use Categorical.ofWeights to normalise",
                SUM_TOLERANCE,
                sum);
    }

    /// The categorical distribution with $\pi_k = w_k / \sum_j w_j$.
    ///
    /// @param weights non-negative, finite, not all 0
    /// @return the normalised distribution
    /// @throws IllegalArgumentException if a weight is negative or not finite (naming its index), or all
    ///     are 0
    public static Categorical ofWeights(double... weights) {
        Checks.argument(weights.length > 0, "weights must hold at least one category");
        double sum = 0;
        for (int k = 0; k < weights.length; k++) {
            Checks.argument(
                    weights[k] >= 0 && weights[k] < Double.POSITIVE_INFINITY,
                    "weights[%d] must be ≥ 0 and finite but is %s",
                    k,
                    weights[k]);
            sum += weights[k];
        }
        Checks.argument(sum > 0, "weights are all 0: there is nothing to normalise");
        double[] p = new double[weights.length];
        for (int k = 0; k < p.length; k++) {
            p[k] = weights[k] / sum;
        }
        return new Categorical(p);
    }

    /// The maximum-likelihood estimate: the observed frequencies $\hat\pi_k = n_k / n$ (the zero of the
    /// gradient of $\sum_k n_k\log\pi_k$ on the simplex, by a Lagrange multiplier).
    ///
    /// @param categories $K$, the number of categories, $\ge 1$
    /// @param outcomes the observed categories, each in $[0, K)$
    /// @return the fitted distribution
    /// @throws IllegalArgumentException if `categories < 1`, there are no outcomes, or one is outside
    ///     $[0, K)$, naming its index
    public static Categorical fit(int categories, int... outcomes) {
        Checks.argument(categories >= 1, "fit: categories must be ≥ 1 but is %d", categories);
        Discrete.sum("outcomes", outcomes, 0, categories - 1);
        double[] counts = new double[categories];
        for (int x : outcomes) {
            counts[x]++;
        }
        return ofWeights(counts);
    }

    @Override
    public double[] probabilities() {
        return probabilities.clone();
    }

    /// @return $K$
    public int categories() {
        return probabilities.length;
    }

    @Override
    public double pmf(int k) {
        return k < 0 || k >= probabilities.length ? 0.0 : probabilities[k];
    }

    @Override
    public double logPmf(int k) {
        return Math.log(pmf(k));
    }

    @Override
    public int supportLowerBound() {
        int k = 0;
        while (probabilities[k] == 0) {
            k++;
        }
        return k;
    }

    @Override
    public int supportUpperBound() {
        int k = probabilities.length - 1;
        while (probabilities[k] == 0) {
            k--;
        }
        return k;
    }

    /// $F(x) = \sum_{k \le x}\pi_k$, summed directly; $O(K)$.
    @Override
    public double cdf(double x) {
        Discrete.cdfArgument(x);
        double sum = 0;
        for (int k = 0; k < probabilities.length && k <= x; k++) {
            sum += probabilities[k];
        }
        return Math.min(1.0, sum);
    }

    /// $P(X > x) = \sum_{k > x}\pi_k$, summed directly.
    @Override
    public double survival(double x) {
        Discrete.cdfArgument(x);
        double sum = 0;
        for (int k = probabilities.length - 1; k >= 0 && k > x; k--) {
            sum += probabilities[k];
        }
        return Math.min(1.0, sum);
    }

    /// @return the smallest $k$ with $F(k) \ge p$, by a scan of the cumulative sums; the support's ends
    ///     at $p = 0$ and $p = 1$
    @Override
    public double quantile(double p) {
        Discrete.quantileArgument(p);
        if (p == 0) {
            return supportLowerBound();
        }
        if (p == 1) {
            return supportUpperBound();
        }
        double sum = 0;
        for (int k = 0; k < probabilities.length; k++) {
            sum += probabilities[k];
            if (sum >= p) {
                return k;
            }
        }
        return supportUpperBound(); // the sum fell short of p by rounding
    }

    @Override
    public double mean() {
        double m = 0;
        for (int k = 0; k < probabilities.length; k++) {
            m += k * probabilities[k];
        }
        return m;
    }

    /// $\sum_k (k - \mu)^2\pi_k$, centred (two passes) to avoid the cancellation of $E[X^2] - \mu^2$.
    @Override
    public double variance() {
        double m = mean();
        double v = 0;
        for (int k = 0; k < probabilities.length; k++) {
            v += (k - m) * (k - m) * probabilities[k];
        }
        return v;
    }

    @Override
    public double entropy() {
        double h = 0;
        for (double pk : probabilities) {
            h += Discrete.h(Math.log(pk));
        }
        return h;
    }

    /// @return $E[e_X] = \pi$, the mean of the one-hot encoding
    public Vector oneHotMean() {
        return Vector.of(probabilities);
    }

    /// @return $\operatorname{Cov}[e_X] = \operatorname{diag}(\pi) - \pi\pi^\top$, the covariance of the
    ///     one-hot encoding (singular: its rows sum to 0)
    public Matrix oneHotCovariance() {
        int n = probabilities.length;
        double[] c = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                c[i * n + j] = (i == j ? probabilities[i] : 0.0) - probabilities[i] * probabilities[j];
            }
        }
        return Matrix.ofRowMajor(n, n, c);
    }

    /// Inversion by a linear scan of the cumulative sums: $O(K)$ per draw (Walker's alias method would
    /// make it $O(1)$ after $O(K)$ set-up; for the sizes of the book the scan is simpler and as fast).
    @Override
    public double sample(RandomGenerator random) {
        double u = random.nextDouble();
        double sum = 0;
        for (int k = 0; k < probabilities.length; k++) {
            sum += probabilities[k];
            if (u < sum) {
                return k;
            }
        }
        return supportUpperBound(); // u within rounding of the total
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Categorical c && Arrays.equals(probabilities, c.probabilities);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(probabilities);
    }

    @Override
    public String toString() {
        return "Categorical" + Arrays.toString(probabilities);
    }
}
