package dev.lemma.stats;

import dev.lemma.prob.ChiSquared;
import dev.lemma.prob.FDistribution;
import dev.lemma.prob.Normal;
import dev.lemma.prob.StudentT;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;

/// The tail probabilities of the null distributions the hypothesis tests need: normal, Student's t,
/// chi-squared and F (from `dev.lemma.prob`, whose survival functions are computed directly, never as
/// `1 - cdf`, so that small p-values keep their relative accuracy), Kolmogorov's (one sample, exact),
/// the two-sample Kolmogorov–Smirnov statistic (exact) and the Mann–Whitney U count (exact).
final class NullDistributions {
    private NullDistributions() {}

    private static final Normal STANDARD_NORMAL = new Normal(0, 1);

    /// $P(Z > z)$ for a standard normal $Z$.
    static double normalUpper(double z) {
        return STANDARD_NORMAL.survival(z);
    }

    /// $P(T > t)$ for Student's $t$ with $\nu$ degrees of freedom.
    static double studentUpper(double t, double nu) {
        return Double.isNaN(t) ? Double.NaN : new StudentT(nu).survival(t);
    }

    /// $P(\chi^2_k > x)$.
    static double chiSquaredUpper(double x, double k) {
        return new ChiSquared(k).survival(x);
    }

    /// $P(F_{d_1, d_2} > f)$.
    static double fUpper(double f, double d1, double d2) {
        return Double.isNaN(f) ? Double.NaN : new FDistribution(d1, d2).survival(f);
    }

    /// The largest $m = 2k - 1$ for which [#kolmogorovUpper] uses the exact matrix method: the cost is
    /// $m^3 \log_2 n$ multiply-adds, about $10^8$ at this size.
    static final int KOLMOGOROV_EXACT_MAX_ORDER = 301;

    /// $P(D_n \ge d)$ for the one-sample Kolmogorov–Smirnov statistic $D_n = \sup_x |F_n(x) - F(x)|$ of
    /// $n$ draws from a continuous $F$.
    ///
    /// Exact by Marsaglia, Tsang and Wang's matrix method ("Evaluating Kolmogorov's distribution", *J.
    /// Stat. Softw.* 8(18), 2003): with $k = \lfloor nd \rfloor + 1$, $m = 2k - 1$ and $h = k - nd$,
    /// $P(D_n < d) = \frac{n!}{n^n} (H^n)_{kk}$ for an $m \times m$ matrix $H$ built from $h$; the power
    /// is taken by repeated squaring with the exponent kept apart, so that nothing overflows. For
    /// larger $m$ Kolmogorov's limit $P(\sqrt n D_n \ge x) \to 2\sum_{j \ge 1} (-1)^{j-1} e^{-2j^2x^2}$
    /// is used, evaluated at $x = (\sqrt n + 0.12 + 0.11/\sqrt n)\, d$ (Stephens' correction), which is
    /// accurate to about two digits.
    static double kolmogorovUpper(int n, double d) {
        if (d <= 0) {
            return 1.0;
        }
        if (d >= 1) {
            return 0.0;
        }
        int k = (int) (n * d) + 1;
        int m = 2 * k - 1;
        if (m > KOLMOGOROV_EXACT_MAX_ORDER) {
            double x = (Math.sqrt(n) + 0.12 + 0.11 / Math.sqrt(n)) * d;
            return Math.min(1.0, kolmogorovLimitUpper(x));
        }
        double h = k - n * d;
        double[][] matrix = new double[m][m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                matrix[i][j] = i - j + 1 >= 0 ? 1.0 : 0.0;
            }
        }
        for (int i = 0; i < m; i++) {
            matrix[i][0] -= Math.pow(h, i + 1);
            matrix[m - 1][i] -= Math.pow(h, m - i);
        }
        matrix[m - 1][0] += 2 * h - 1 > 0 ? Math.pow(2 * h - 1, m) : 0;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                for (int g = 1; g <= i - j + 1; g++) {
                    matrix[i][j] /= g;
                }
            }
        }
        ScaledMatrix power = ScaledMatrix.power(new ScaledMatrix(matrix, 0), n);
        // (H^n)_kk · n!/n^n, multiplying by i/n one factor at a time and keeping a decimal exponent.
        double s = power.entries[k - 1][k - 1];
        int exponent = power.exponent;
        for (int i = 1; i <= n; i++) {
            s = s * i / n;
            if (s < 1e-140) {
                s *= 1e140;
                exponent -= 140;
            }
        }
        double below = s * Math.pow(10, exponent);
        return Math.max(0.0, Math.min(1.0, 1 - below));
    }

    /// $2\sum_{j \ge 1} (-1)^{j-1} e^{-2j^2x^2}$, Kolmogorov's limiting upper tail.
    static double kolmogorovLimitUpper(double x) {
        if (x < 0.2) {
            return 1.0; // the series converges slowly here and the tail is 1 to 15 digits
        }
        double sum = 0;
        for (int j = 1; j <= 100; j++) {
            double term = Math.exp(-2.0 * j * j * x * x);
            sum += (j % 2 == 1 ? term : -term);
            if (term < 1e-17) {
                break;
            }
        }
        return 2 * sum;
    }

    /// A matrix times $10^{\text{exponent}}$, for powers whose entries would overflow or underflow.
    @SuppressWarnings("ArrayRecordComponent") // private to this class, never compared or hashed
    private record ScaledMatrix(double[][] entries, int exponent) {
        static ScaledMatrix power(ScaledMatrix a, int n) {
            if (n == 1) {
                return a;
            }
            ScaledMatrix half = power(a, n / 2);
            ScaledMatrix square = half.times(half);
            return n % 2 == 0 ? square : square.times(a);
        }

        ScaledMatrix times(ScaledMatrix other) {
            int m = entries.length;
            double[][] c = new double[m][m];
            for (int i = 0; i < m; i++) {
                for (int p = 0; p < m; p++) {
                    double aip = entries[i][p];
                    if (aip != 0) {
                        for (int j = 0; j < m; j++) {
                            c[i][j] += aip * other.entries[p][j];
                        }
                    }
                }
            }
            int e = exponent + other.exponent;
            int middle = m / 2;
            if (c[middle][middle] > 1e140) {
                for (double[] row : c) {
                    for (int j = 0; j < m; j++) {
                        row[j] *= 1e-140;
                    }
                }
                e += 140;
            }
            return new ScaledMatrix(c, e);
        }
    }

    /// $P(D \ge d)$ for the two-sample Kolmogorov–Smirnov statistic of samples of sizes $n$ and $m$
    /// with no ties, where $d$ is given as the integer $dnm$ (the statistic times $nm$, which the
    /// caller computes exactly from counts).
    ///
    /// Under the null hypothesis every interleaving of the two samples is equally likely: a monotone
    /// lattice path from $(0, 0)$ to $(n, m)$, whose point $(i, j)$ has ECDF difference $|i/n - j/m|$.
    /// The probability that $D < d$ is the probability that a uniformly random path stays strictly
    /// inside the band $|im - jn| < dnm$. A uniform path is a sequence of draws without replacement, so
    /// from $(i, j)$ it steps in $i$ with probability $(n - i)/(n - i + m - j)$; propagating these
    /// probabilities through the band needs no binomial coefficients and cannot overflow (Hodges, "The
    /// significance probability of the Smirnov two-sample test", *Ark. Mat.* 3, 1958).
    static double smirnovUpper(int n, int m, long dnm) {
        double[] row = new double[m + 1];
        for (int i = 0; i <= n; i++) {
            for (int j = 0; j <= m; j++) {
                double p;
                if (i == 0 && j == 0) {
                    p = 1.0;
                } else {
                    double fromLeft = i > 0 ? row[j] * (n - i + 1) / (double) (n - i + 1 + m - j) : 0.0;
                    double fromBelow = j > 0 ? row[j - 1] * (m - j + 1) / (double) (n - i + m - j + 1) : 0.0;
                    p = fromLeft + fromBelow;
                }
                row[j] = Math.abs((long) i * m - (long) j * n) < dnm ? p : 0.0;
            }
        }
        return Math.max(0.0, Math.min(1.0, 1 - row[m]));
    }

    /// $P(U \ge u)$ for the Mann–Whitney count $U$ of samples of sizes $n_1$ and $n_2$ with no ties.
    ///
    /// The number of interleavings with $U = u$ is the coefficient of $q^u$ in the Gaussian binomial
    /// coefficient $\binom{n_1 + n_2}{n_1}_q = \prod_{i=1}^{s} \frac{1 - q^{L + i}}{1 - q^i}$, with $s$
    /// the smaller size and $L$ the larger (Andrews, *The Theory of Partitions*, §3.3). The product is
    /// built one factor at a time in exact integers; each partial product is again a Gaussian binomial,
    /// with non-negative coefficients, and dividing by $1 - q^i$ is a running sum.
    static double mannWhitneyUpper(int n1, int n2, double u) {
        int s = Math.min(n1, n2);
        int large = Math.max(n1, n2);
        int top = n1 * n2;
        BigInteger[] c = new BigInteger[top + 1];
        java.util.Arrays.fill(c, BigInteger.ZERO);
        c[0] = BigInteger.ONE;
        for (int i = 1; i <= s; i++) {
            int shift = large + i;
            for (int v = top; v >= shift; v--) { // times (1 − q^{L+i})
                c[v] = c[v].subtract(c[v - shift]);
            }
            for (int v = i; v <= top; v++) { // divided by (1 − q^i): c[v] += c[v − i]
                c[v] = c[v].add(c[v - i]);
            }
        }
        BigInteger total = BigInteger.ZERO;
        BigInteger tail = BigInteger.ZERO;
        int from = (int) Math.ceil(u - 1e-9);
        for (int v = 0; v <= top; v++) {
            total = total.add(c[v]);
            if (v >= from) {
                tail = tail.add(c[v]);
            }
        }
        return new BigDecimal(tail)
                .divide(new BigDecimal(total), MathContext.DECIMAL64)
                .doubleValue();
    }
}
