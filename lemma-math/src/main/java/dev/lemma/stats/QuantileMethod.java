package dev.lemma.stats;

/// The ways to define the sample quantile $Q(p)$ of sorted data $x_{(1)} \le \dots \le x_{(n)}$: the
/// thirteen methods of NumPy's `quantile` (NumPy ≥ 1.22), the first nine being Hyndman and Fan's
/// types 1–9.
///
/// Hyndman and Fan write every continuous type as a linear interpolation between neighbouring order
/// statistics, $Q(p) = (1 - \gamma)\,x_{(j)} + \gamma\,x_{(j+1)}$ with $j = \lfloor np + m \rfloor$,
/// $\gamma = np + m - j$ and $m = \alpha + p(1 - \alpha - \beta)$; the plotting position of $x_{(k)}$ is
/// then $p_k = (k - \alpha)/(n + 1 - \alpha - \beta)$. Positions below the first order statistic give
/// $x_{(1)}$, above the last $x_{(n)}$. The discontinuous types 1–3 pick (or average) order
/// statistics instead. This enum follows NumPy's code (`numpy/lib/_function_base_impl.py`, 2.x)
/// operation for operation, so that results agree to the last bit: the 0-based "virtual index"
/// $np + m - 1$, then `_lerp`, which interpolates from whichever end is nearer.
///
/// Which to use: [#LINEAR] (type 7) is the default of NumPy, R and Excel's `PERCENTILE.INC`;
/// Hyndman and Fan recommend [#MEDIAN_UNBIASED] (type 8), approximately median-unbiased whatever the
/// distribution; [#WEIBULL] (type 6) is Minitab's and SPSS's, and unbiased for the expected value of
/// the CDF at the order statistic.
///
/// References: R. J. Hyndman and Y. Fan, "Sample quantiles in statistical packages", The American
/// Statistician 50(4), 1996, 361–365.
///
/// Book: chapter 4, "Statistics".
public enum QuantileMethod {
    /// Type 1, the inverse of the empirical CDF: $x_{(k)}$ with $k = \lceil np \rceil$ (the smallest $k$
    /// with $k/n \ge p$), and $x_{(1)}$ at $p = 0$.
    INVERTED_CDF(1),
    /// Type 2: as type 1, but the average of $x_{(np)}$ and $x_{(np+1)}$ where $np$ is an integer (the
    /// median of the empirical CDF's flat piece).
    AVERAGED_INVERTED_CDF(2),
    /// Type 3 (SAS's definition 2): the order statistic nearest to $np - \tfrac12$ (1-based), ties to
    /// the even one.
    CLOSEST_OBSERVATION(3),
    /// Type 4, linear interpolation of the empirical CDF: $\alpha = 0$, $\beta = 1$, $p_k = k/n$.
    INTERPOLATED_INVERTED_CDF(4),
    /// Type 5, piecewise linear through the midpoints of the CDF's steps: $\alpha = \beta = \tfrac12$,
    /// $p_k = (k - \tfrac12)/n$ (Hazen 1914).
    HAZEN(5),
    /// Type 6: $\alpha = \beta = 0$, $p_k = k/(n+1)$, the expected value of $F(x_{(k)})$ (Weibull 1939).
    WEIBULL(6),
    /// Type 7, NumPy's and R's default: $\alpha = \beta = 1$, $p_k = (k-1)/(n-1)$; the 0-based index is
    /// $(n-1)p$.
    LINEAR(7),
    /// Type 8: $\alpha = \beta = \tfrac13$, $p_k = (k - \tfrac13)/(n + \tfrac13)$, approximately
    /// median-unbiased for any distribution; Hyndman and Fan's recommendation.
    MEDIAN_UNBIASED(8),
    /// Type 9: $\alpha = \beta = \tfrac38$, $p_k = (k - \tfrac38)/(n + \tfrac14)$, approximately unbiased
    /// for the expected order statistics of a normal sample (Blom 1958).
    NORMAL_UNBIASED(9),
    /// Not a Hyndman–Fan type: $x_{(j)}$, with the 0-based $j = \lfloor (n-1)p \rfloor$ (type 7 rounded
    /// down).
    LOWER(0),
    /// Not a Hyndman–Fan type: type 7's index rounded up, $\lceil (n-1)p \rceil$.
    HIGHER(0),
    /// Not a Hyndman–Fan type: the average of [#LOWER] and [#HIGHER].
    MIDPOINT(0),
    /// Not a Hyndman–Fan type: type 7's index rounded to the nearest integer, ties to even (NumPy's
    /// `around`).
    NEAREST(0);

    private final int hyndmanFan;

    QuantileMethod(int hyndmanFan) {
        this.hyndmanFan = hyndmanFan;
    }

    /// The type number in Hyndman and Fan (1996), which R's `quantile(type = …)` also uses.
    ///
    /// @return 1 to 9, or 0 for NumPy's four methods that are not among Hyndman and Fan's types
    public int hyndmanFanType() {
        return hyndmanFan;
    }

    /// $Q(p)$ of sorted, finite, non-empty data; `p` in $[0, 1]$ (checked by the caller).
    double evaluate(double[] sorted, double p) {
        int n = sorted.length;
        return switch (this) {
            case INVERTED_CDF -> sorted[discrete(n * p - 1, false, n)];
            case CLOSEST_OBSERVATION -> sorted[discrete(n * p - 1 - 0.5, true, n)];
            case AVERAGED_INVERTED_CDF -> {
                double index = n * p - 1;
                double gamma = index - Math.floor(index) == 0.0 ? 0.5 : 1.0;
                yield interpolate(sorted, index, gamma);
            }
            case INTERPOLATED_INVERTED_CDF -> continuous(sorted, p, 0.0, 1.0);
            case HAZEN -> continuous(sorted, p, 0.5, 0.5);
            case WEIBULL -> continuous(sorted, p, 0.0, 0.0);
            case LINEAR -> {
                // NumPy prefers (n-1)p to the general formula with α = β = 1: equal in exact arithmetic,
                // one rounding instead of four.
                double index = (n - 1) * p;
                yield interpolate(sorted, index, index - Math.floor(index));
            }
            case MEDIAN_UNBIASED -> continuous(sorted, p, 1 / 3.0, 1 / 3.0);
            case NORMAL_UNBIASED -> continuous(sorted, p, 3 / 8.0, 3 / 8.0);
            case LOWER -> sorted[(int) Math.floor((n - 1) * p)];
            case HIGHER -> sorted[(int) Math.ceil((n - 1) * p)];
            case NEAREST -> sorted[(int) Math.rint((n - 1) * p)];
            case MIDPOINT -> {
                double index = 0.5 * (Math.floor((n - 1) * p) + Math.ceil((n - 1) * p));
                yield interpolate(sorted, index, index % 1 == 0.0 ? 0.0 : 0.5);
            }
        };
    }

    /// NumPy's `_compute_virtual_index` followed by the interpolation.
    private static double continuous(double[] sorted, double p, double alpha, double beta) {
        int n = sorted.length;
        double index = n * p + (alpha + p * (1 - alpha - beta)) - 1;
        return interpolate(sorted, index, index - Math.floor(index));
    }

    /// NumPy's `_discrete_interpolation_to_boundaries`: the floor of the index when its fractional part
    /// is 0 (and, for type 3, the floor is odd, that is the 1-based order statistic even), else the
    /// next index; clipped to $[0, n-1]$.
    private static int discrete(double index, boolean evenOnly, int n) {
        double previous = Math.floor(index);
        boolean takePrevious = index - previous == 0.0 && (!evenOnly || Math.floorMod((long) previous, 2L) == 1L);
        long k = takePrevious ? (long) previous : (long) previous + 1;
        return (int) Math.max(0, Math.min(n - 1, k));
    }

    /// NumPy's `_get_indexes` and `_lerp`: positions at or past the ends give the end values; inside,
    /// $a + (b - a)\gamma$ for $\gamma < \tfrac12$ and $b - (b - a)(1 - \gamma)$ otherwise, which is
    /// exact at both ends and monotone in $\gamma$.
    private static double interpolate(double[] sorted, double index, double gamma) {
        int n = sorted.length;
        if (index >= n - 1) {
            return sorted[n - 1];
        }
        if (index < 0) {
            return sorted[0];
        }
        int j = (int) Math.floor(index);
        double a = sorted[j];
        double b = sorted[j + 1];
        double diff = b - a;
        return gamma >= 0.5 ? b - diff * (1 - gamma) : a + diff * gamma;
    }
}
