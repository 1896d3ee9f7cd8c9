package dev.lemma.prob;

import dev.lemma.linalg.Matrix;
import dev.lemma.linalg.Vector;
import dev.lemma.numeric.Checks;
import dev.lemma.numeric.ConvergenceException;
import dev.lemma.numeric.SpecialFunctions;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/// The Dirichlet distribution on the probability simplex $\{x \in \mathbb{R}^K : x_i \ge 0, \sum_i x_i =
/// 1\}$: a distribution over categorical distributions, the conjugate prior of [Categorical]. With
/// concentrations $\alpha_i > 0$ and $\alpha_0 = \sum_i \alpha_i$,
/// $$f(x) = \frac{1}{B(\alpha)}\prod_i x_i^{\alpha_i - 1}, \qquad
///     \log B(\alpha) = \sum_i \log\Gamma(\alpha_i) - \log\Gamma(\alpha_0),$$
/// (the density with respect to Lebesgue measure on the first $K - 1$ coordinates, as SciPy's).
///
/// Mean $\alpha_i/\alpha_0$; covariance $(\alpha_0\alpha_i\delta_{ij} - \alpha_i\alpha_j)/(\alpha_0^2(\alpha_0 +
/// 1))$; entropy $\log B(\alpha) + (\alpha_0 - K)\psi(\alpha_0) - \sum_i(\alpha_i - 1)\psi(\alpha_i)$. A draw
/// normalises independent Gamma$(\alpha_i, 1)$ draws ($x_i = g_i / \sum_j g_j$), done in logarithms so that
/// small $\alpha_i$ cannot make every $g_i$ underflow. [#fit] is Minka's fixed-point iteration.
///
/// References: T. P. Minka, "Estimating a Dirichlet distribution" (2000, revised 2012); K. P. Murphy,
/// *Probabilistic Machine Learning: An Introduction* (2022), §3.4; SciPy `scipy.stats.dirichlet`.
///
/// Book: chapter 3, "Probability", section "The Dirichlet distribution".
public final class Dirichlet implements MultivariateDistribution {

    /// How far from 1 the coordinates of a point may sum and still lie on the simplex: $10^{-12}$.
    public static final double SIMPLEX_TOLERANCE = 1e-12;

    /// [#fit] stops when no $\alpha_k$ moves by more than this fraction of itself in one step.
    public static final double FIT_TOLERANCE = 1e-12;

    /// [#fit] gives up after this many fixed-point steps (the iteration converges linearly; $10^5$ steps
    /// cover concentrations in the thousands).
    public static final int FIT_MAX_ITERATIONS = 100_000;

    private static final double EULER_GAMMA = 0.5772156649015329;

    private final double[] alpha;
    private final double alpha0;
    private final double logBeta;

    /// @param alpha the concentrations $\alpha_1, \dots, \alpha_K$ (copied), $K \ge 2$, each positive and
    ///     finite
    /// @throws IllegalArgumentException if $K < 2$ or some $\alpha_i$ is not positive and finite, naming
    ///     its index and value
    public Dirichlet(double... alpha) {
        Checks.argument(alpha.length >= 2, "alpha must have at least 2 entries but has %d", alpha.length);
        this.alpha = alpha.clone();
        double sum = 0;
        double logGammas = 0;
        for (int i = 0; i < alpha.length; i++) {
            Checks.argument(
                    alpha[i] > 0 && alpha[i] < Double.POSITIVE_INFINITY,
                    "alpha[%d] must be > 0 and finite but is %s",
                    i,
                    alpha[i]);
            sum += alpha[i];
            logGammas += SpecialFunctions.logGamma(alpha[i]);
        }
        this.alpha0 = sum;
        this.logBeta = logGammas - SpecialFunctions.logGamma(sum);
    }

    /// @return the concentrations $\alpha$ (a copy)
    public double[] alpha() {
        return alpha.clone();
    }

    @Override
    public int dimension() {
        return alpha.length;
    }

    /// $\log f(x) = \sum_i (\alpha_i - 1)\log x_i - \log B(\alpha)$; $-\infty$ off the simplex (a negative
    /// coordinate, or a sum farther than [#SIMPLEX_TOLERANCE] from 1). On its boundary, a coordinate
    /// $x_i = 0$ gives $-\infty$ if $\alpha_i > 1$, $+\infty$ if $\alpha_i < 1$, and contributes 0 if
    /// $\alpha_i = 1$.
    ///
    /// @throws dev.lemma.numeric.DimensionMismatchException if `x` does not have length $K$
    /// @throws IllegalArgumentException if `x` holds NaN
    @Override
    public double logPdf(Vector x) {
        int k = alpha.length;
        Checks.dimensions(x.size() == k, "logPdf: x has length %d but the Dirichlet has dimension %d", x.size(), k);
        double sum = 0;
        for (int i = 0; i < k; i++) {
            Checks.argument(!Double.isNaN(x.get(i)), "logPdf: x has NaN at index %d", i);
            if (x.get(i) < 0) {
                return Double.NEGATIVE_INFINITY;
            }
            sum += x.get(i);
        }
        if (Math.abs(sum - 1) > SIMPLEX_TOLERANCE) {
            return Double.NEGATIVE_INFINITY;
        }
        double s = -logBeta;
        for (int i = 0; i < k; i++) {
            if (alpha[i] != 1) {
                s += (alpha[i] - 1) * Math.log(x.get(i));
            }
        }
        return s;
    }

    /// @return $\log B(\alpha)$, the log-normaliser
    public double logBeta() {
        return logBeta;
    }

    @Override
    public Vector mean() {
        double[] m = new double[alpha.length];
        for (int i = 0; i < m.length; i++) {
            m[i] = alpha[i] / alpha0;
        }
        return Vector.of(m);
    }

    @Override
    public Matrix covariance() {
        int k = alpha.length;
        double scale = alpha0 * alpha0 * (alpha0 + 1);
        double[] c = new double[k * k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                c[i * k + j] = ((i == j ? alpha0 * alpha[i] : 0.0) - alpha[i] * alpha[j]) / scale;
            }
        }
        return Matrix.ofRowMajor(k, k, c);
    }

    /// The differential entropy (negative for concentrated distributions: the simplex has volume below 1).
    @Override
    public double entropy() {
        double s = logBeta + (alpha0 - alpha.length) * SpecialFunctions.digamma(alpha0);
        for (double a : alpha) {
            s -= (a - 1) * SpecialFunctions.digamma(a);
        }
        return s;
    }

    /// $x_i = g_i/\sum_j g_j$ with $g_i \sim$ Gamma$(\alpha_i, 1)$ ([GammaSampler], Marsaglia–Tsang), formed as
    /// $\exp(\log g_i - \max_j \log g_j)$ normalised.
    @Override
    public Vector sample(RandomGenerator random) {
        int k = alpha.length;
        double[] logG = new double[k];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < k; i++) {
            logG[i] = GammaSampler.logStandardGamma(random, alpha[i]);
            max = Math.max(max, logG[i]);
        }
        double sum = 0;
        for (int i = 0; i < k; i++) {
            logG[i] = Math.exp(logG[i] - max);
            sum += logG[i];
        }
        for (int i = 0; i < k; i++) {
            logG[i] /= sum;
        }
        return Vector.of(logG);
    }

    /// The maximum-likelihood estimate by Minka's fixed-point iteration. The log-likelihood of $N$ points
    /// is $N(\log\Gamma(\alpha_0) - \sum_k\log\Gamma(\alpha_k) + \sum_k(\alpha_k - 1)\log\bar p_k)$ with the
    /// sufficient statistics $\log\bar p_k = \frac1N\sum_i\log x_{ik}$; bounding $\log\Gamma(\alpha_0)$ below
    /// by its tangent at the current $\alpha$ gives a surrogate maximised by
    /// $$\psi(\alpha_k^{\text{new}}) = \psi(\alpha_0) + \log\bar p_k,$$
    /// so each step raises the likelihood (an MM algorithm) and the unique maximum (the log-likelihood is
    /// concave) is its fixed point. $\psi^{-1}$ is Minka's: start at $e^y + \tfrac12$ ($y \ge -2.22$) or
    /// $-1/(y + \gamma)$, then Newton's method with the trigamma function. The start is Minka's moment
    /// match: $\alpha = s\,\bar x$ with $s = (\bar x_1 - \overline{x_1^2})/(\overline{x_1^2} - \bar x_1^2)$,
    /// averaged over the coordinates. Stops at relative change [#FIT_TOLERANCE].
    ///
    /// @param data $N \times K$, each row a point of the open simplex (positive entries summing to 1
    ///     within [#SIMPLEX_TOLERANCE]), $N \ge 2$
    /// @return the fitted distribution
    /// @throws IllegalArgumentException if $N < 2$, $K < 2$, a row is not in the open simplex (naming it),
    ///     or the rows do not vary (the MLE has infinite concentration)
    /// @throws ConvergenceException if [#FIT_MAX_ITERATIONS] steps do not converge
    public static Dirichlet fit(Matrix data) {
        int n = data.rows();
        int k = data.cols();
        Checks.argument(n >= 2 && k >= 2, "fit: data must be N×K with N, K ≥ 2 but is %s", Checks.shape(n, k));
        double[] logMean = new double[k];
        double[] mean = new double[k];
        double[] meanSquare = new double[k];
        for (int i = 0; i < n; i++) {
            double rowSum = 0;
            for (int j = 0; j < k; j++) {
                double x = data.get(i, j);
                Checks.argument(
                        x > 0 && x <= 1, "fit: data has %s at row %d, column %d; entries must be in (0, 1]", x, i, j);
                rowSum += x;
                logMean[j] += Math.log(x);
                mean[j] += x;
                meanSquare[j] += x * x;
            }
            Checks.argument(Math.abs(rowSum - 1) <= SIMPLEX_TOLERANCE, "fit: row %d sums to %s, not 1", i, rowSum);
        }
        double precision = 0;
        for (int j = 0; j < k; j++) {
            logMean[j] /= n;
            mean[j] /= n;
            meanSquare[j] /= n;
            precision += (mean[j] - meanSquare[j]) / (meanSquare[j] - mean[j] * mean[j]) / k;
        }
        Checks.argument(
                precision > 0 && precision < Double.POSITIVE_INFINITY,
                "fit: the rows of data do not vary, so the concentration has no finite maximum-likelihood estimate");
        double[] a = new double[k];
        for (int j = 0; j < k; j++) {
            a[j] = precision * mean[j];
        }
        for (int iteration = 1; iteration <= FIT_MAX_ITERATIONS; iteration++) {
            double sum = 0;
            for (double aj : a) {
                sum += aj;
            }
            double psiSum = SpecialFunctions.digamma(sum);
            double change = 0;
            for (int j = 0; j < k; j++) {
                double next = inverseDigamma(psiSum + logMean[j]);
                change = Math.max(change, Math.abs(next - a[j]) / a[j]);
                a[j] = next;
            }
            if (change <= FIT_TOLERANCE) {
                return new Dirichlet(a);
            }
        }
        throw new ConvergenceException("Dirichlet.fit: Minka's fixed point did not converge in %d steps; alpha = %s"
                .formatted(FIT_MAX_ITERATIONS, Arrays.toString(a)));
    }

    /// $\psi^{-1}(y)$ for real $y$ (Minka 2000, appendix C): the $x > 0$ with $\psi(x) = y$.
    static double inverseDigamma(double y) {
        double x = y >= -2.22 ? Math.exp(y) + 0.5 : -1 / (y + EULER_GAMMA);
        for (int i = 0; i < 50; i++) {
            double step = (SpecialFunctions.digamma(x) - y) / trigamma(x);
            double next = x - step;
            if (next <= 0) {
                next = x / 2; // Newton overshot below 0: halve instead (ψ is increasing)
            }
            if (Math.abs(next - x) <= 1e-15 * x) {
                return next;
            }
            x = next;
        }
        return x;
    }

    /// The trigamma function $\psi'(x)$ for $x > 0$: the recurrence $\psi'(x) = \psi'(x+1) + 1/x^2$ up to
    /// $x \ge 10$, then the asymptotic series $1/x + 1/(2x^2) + \sum_{k=1}^{7} B_{2k}/x^{2k+1}$ (A&S 6.4.12),
    /// whose first omitted term is below $10^{-17}$ of the value there; the Newton steps of
    /// [#inverseDigamma] need far less.
    static double trigamma(double x) {
        double s = 0;
        while (x < 10) {
            s += 1 / (x * x);
            x += 1;
        }
        double r = 1 / x;
        double r2 = r * r;
        double series = 1.0 / 6
                - r2
                        * (1.0 / 30
                                - r2
                                        * (1.0 / 42
                                                - r2
                                                        * (1.0 / 30
                                                                - r2
                                                                        * (5.0 / 66
                                                                                - r2
                                                                                        * (691.0 / 2730
                                                                                                - r2 * 7.0 / 6)))));
        return s + r + r2 / 2 + r * r2 * series;
    }

    @Override
    public String toString() {
        return "Dirichlet" + Arrays.toString(alpha);
    }
}
