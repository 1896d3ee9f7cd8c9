package dev.lemma.numeric;

/// Named tolerances, each with where it comes from. Code never writes a bare `1e-12`: it names one of
/// these, so a reader can see why the threshold is what it is.
public final class Tolerances {
    private Tolerances() {}

    /// Unit round-off of IEEE 754 double precision, $u = 2^{-53} \approx 1.11 \times 10^{-16}$: the
    /// largest relative error of one correctly rounded operation (Higham, *Accuracy and Stability of
    /// Numerical Algorithms*, 2nd ed., §2.1).
    public static final double UNIT_ROUNDOFF = 0x1.0p-53;

    /// Machine epsilon $\varepsilon = 2^{-52}$, the gap between 1 and the next double. NumPy and LAPACK
    /// use this $\varepsilon$ in their rank tolerance $\sigma_{\max} \cdot \max(m, n) \cdot \varepsilon$.
    public static final double MACHINE_EPSILON = Math.ulp(1.0);

    /// Iteration limit per eigenvalue for the QR algorithms, as in LAPACK's `dhseqr`/`dsteqr` (30 sweeps
    /// per eigenvalue), and in EISPACK's `hqr`.
    public static final int QR_ITERATIONS_PER_EIGENVALUE = 30;

    /// The default rank tolerance for a matrix with singular values `sigma` (descending) and shape
    /// `m×n`: $\sigma_1 \cdot \max(m,n) \cdot \varepsilon$, the one NumPy's `matrix_rank` and
    /// `pinv` use.
    ///
    /// @param largestSingularValue $\sigma_1$
    /// @param rows $m$
    /// @param cols $n$
    /// @return the threshold below which a singular value counts as zero
    public static double rankTolerance(double largestSingularValue, int rows, int cols) {
        return largestSingularValue * Math.max(rows, cols) * MACHINE_EPSILON;
    }
}
