package dev.lemma.numeric;

/// Three ways to add up a `double[]`, from the plain loop to a compensated sum, each with the error bound
/// it guarantees.
///
/// Write $s = \sum_{i=1}^n x_i$ for the exact sum, $\hat s$ for the computed one, $u = 2^{-53}$ for the
/// unit round-off ([Tolerances#UNIT_ROUNDOFF]) and $\gamma_k = k u / (1 - k u)$. Every bound below is
/// a bound on the absolute error $|\hat s - s|$ in terms of $\sum_i |x_i|$, so the relative error is
/// the bound times the condition number of the sum, $\kappa = \sum_i |x_i| / |\sum_i x_i|$: summing is
/// hard exactly when the terms cancel.
///
/// | method | error bound | cost |
/// |---|---|---|
/// | [#naive] | $\gamma_{n-1} \sum_i \lvert x_i\rvert \approx (n-1)u \sum_i \lvert x_i\rvert$ | $n - 1$ additions |
/// | [#pairwise] | $\gamma_{b - 1 + \lceil \log_2 \lceil n/b \rceil \rceil} \sum_i \lvert x_i\rvert$, about
/// $\lceil\log_2 n\rceil u \sum_i \lvert x_i\rvert$ | $n - 1$ additions |
/// | [#compensated] | $2u\lvert s\rvert + O(n u^2) \sum_i \lvert x_i\rvert$ | about $4n$ flops |
///
/// ($b$ is [#PAIRWISE_BLOCK], the block that pairwise summation adds with the plain loop.) The
/// bounds are worst cases; rounding errors of random sign usually grow like $\sqrt n$ rather than $n$.
///
/// Non-finite input: each method returns what IEEE arithmetic gives for the plain sum: NaN if any
/// term is NaN or if $+\infty$ and $-\infty$ both occur, otherwise $\pm\infty$ if a term is infinite
/// (or if a partial sum overflows). The empty sum is $0$.
///
/// References: N. J. Higham, *Accuracy and Stability of Numerical Algorithms*, 2nd ed., SIAM 2002,
/// chapter 4 (§4.2 for the bounds of the recursive and pairwise sums, §4.3 for compensated
/// summation); A. Neumaier, "Rundungsfehleranalyse einiger Verfahren zur Summation endlicher Summen",
/// ZAMM 54 (1974).
///
/// Book: chapter 7, section "Summation".
public final class Summation {
    /// The block size below which [#pairwise] adds with the plain loop: 128 terms, NumPy's
    /// `PW_BLOCKSIZE` in `pairwise_sum` (`numpy/_core/src/umath/loops_utils.h.src`). Recursing all the
    /// way down to single terms would give the bound $\gamma_{\lceil \log_2 n \rceil}$ but spend its
    /// time on calls; a block of $b$ adds at most $b - 1$ to the index of $\gamma$, a constant.
    public static final int PAIRWISE_BLOCK = 128;

    private Summation() {}

    /// The recursive sum $\hat s_i = \mathrm{fl}(\hat s_{i-1} + x_i)$, the loop everyone writes.
    ///
    /// Error: $|\hat s - s| \le \gamma_{n-1} \sum_i |x_i|$ (Higham, eq. 4.4), since the first term
    /// passes through $n - 1$ roundings. The bound is attained in order of magnitude by
    /// `{1, 1e-16, 1e-16, …}`: each small term is lost against the running sum.
    ///
    /// Non-finite input: as the IEEE plain sum (NaN, or $\pm\infty$); the empty sum is $0$.
    ///
    /// @param x the terms, not modified
    /// @return $\sum_i x_i$, rounded after every addition
    public static double naive(double[] x) {
        double s = 0.0;
        for (double xi : x) {
            s += xi;
        }
        return s;
    }

    /// Pairwise (cascade) summation: split the terms in two halves, sum each half the same way, add the
    /// two results. Below [#PAIRWISE_BLOCK] terms the plain loop takes over.
    ///
    /// Each term now passes through at most $b - 1 + \lceil \log_2 \lceil n/b \rceil \rceil$ roundings
    /// (at most $b - 1$ in its block, one per level of the tree above it), so
    /// $|\hat s - s| \le \gamma_{b - 1 + \lceil \log_2 \lceil n/b \rceil \rceil} \sum_i |x_i|$ (Higham
    /// §4.2 with $b = 1$ gives his $\gamma_{\lceil \log_2 n \rceil}$). Same number of additions as the
    /// plain loop; this is what NumPy's `sum` does.
    ///
    /// Non-finite input: as the IEEE plain sum (NaN, or $\pm\infty$); the empty sum is $0$.
    ///
    /// @param x the terms, not modified
    /// @return $\sum_i x_i$ added as a balanced tree of blocks
    public static double pairwise(double[] x) {
        return pairwise(x, 0, x.length);
    }

    /// The pairwise sum of `x[from .. to)`. The recursion depth is $\log_2(n / b)$, about 23 for the
    /// largest Java array, so recursion is safe here.
    private static double pairwise(double[] x, int from, int to) {
        if (to - from <= PAIRWISE_BLOCK) {
            double s = 0.0;
            for (int i = from; i < to; i++) {
                s += x[i];
            }
            return s;
        }
        int middle = from + (to - from) / 2;
        return pairwise(x, from, middle) + pairwise(x, middle, to);
    }

    /// The Kahan–Babuška–Neumaier compensated sum: [Compensated#sum(double\[\])], under the name this
    /// class gives the three methods.
    ///
    /// A second variable collects the rounding error of each addition, computed exactly from the two
    /// operands (whichever is larger), and is added back at the end. Error:
    /// $|\hat s - s| \le 2u|s| + O(n u^2) \sum_i |x_i|$ (Higham §4.3, Neumaier 1974): as if the sum were
    /// computed in twice the working precision and then rounded, so the relative error stays near $u$
    /// until the condition number reaches about $1/(n u)$. Kahan's original algorithm, which assumes
    /// the running sum is the larger operand, fails on `{1, 1e100, 1, -1e100}` (it returns 0); this
    /// variant returns 2.
    ///
    /// Non-finite input: as the IEEE plain sum (NaN, or $\pm\infty$); the empty sum is $0$.
    ///
    /// @param x the terms, not modified
    /// @return $\sum_i x_i$, compensated
    public static double compensated(double[] x) {
        return Compensated.sum(x);
    }
}
