package dev.lemma.linalg;

import dev.lemma.numeric.Checks;
import java.util.Arrays;

/// The eigendecomposition of a real symmetric matrix, $A = V \Lambda V^\top$: real eigenvalues
/// $\lambda_0 \le \dots \le \lambda_{n-1}$ (ascending, as NumPy's `eigh`) and an orthonormal basis of
/// eigenvectors, the columns of $V$ (the spectral theorem).
///
/// Computed in three stages (Golub and Van Loan, §8.3):
///
/// 1. Householder tridiagonalisation $T = Q^\top A Q$, $\tfrac43 n^3$ flops, blocked so that half of
///    them run in the GEMM kernel and the other half (one matrix–vector product per column) reads
///    the matrix once per column ([Tridiagonal#reduce]);
/// 2. implicit symmetric QR steps with Wilkinson shifts on $T$, $T = Y \Lambda Y^\top$; the plane
///    rotations are queued and applied to $Y^\top$ in cache-sized strips by a vectorised kernel
///    ([PlaneRotations]), about $6 n^3$ flops (only $O(n^2)$ for the eigenvalues alone,
///    [#valuesOf(Matrix)]);
/// 3. the back-transformation $V = Q Y$, with the reflectors grouped in blocks of [Reflectors#BLOCK]
///    (compact WY, $I - V T V^\top$) so that its $2 n^3$ flops run in the GEMM kernel.
///
/// Where the time goes (measured at $n = 1000$ on one core of a shared Zen 4, CPU time): about
/// 100 ms for stage 1, 270 ms for stage 2 and 85 ms for stage 3. The rotations of stage 2 remain the
/// largest part; see [PlaneRotations] for why they are not replaced by divide and conquer.
///
/// Accuracy: the computed pairs are exact for a matrix $A + E$ with $\|E\|_2 = O(n u \|A\|_2)$;
/// each eigenvalue is therefore within $O(n u \|A\|_2)$ of the true one (Weyl), and $V$ is orthonormal
/// to $O(n u)$. Matrices with entries beyond $2^{\pm 500}$ are scaled by a power of 2 first.
///
/// Book: chapter 1, section "Eigenvalues and diagonalisation".
///
/// References: G. H. Golub and C. F. Van Loan, *Matrix Computations*, 4th ed., Johns Hopkins, 2013,
/// §8.3; E. Anderson et al., *LAPACK Users' Guide*, 3rd ed., SIAM, 1999 (`dsytrd`, `dsteqr`,
/// `dormtr`); B. N. Parlett, *The Symmetric Eigenvalue Problem*, SIAM, 1998, ch. 8.
///
/// @param values the eigenvalues, ascending
/// @param vectors the eigenvectors as columns, in the order of `values`
public record SymmetricEigen(Vector values, Matrix vectors) {

    /// Relative tolerance of the symmetry check: $|a_{ij} - a_{ji}| \le 10^{-12} \max(|a_{ij}|,
    /// |a_{ji}|)$ admits matrices that are symmetric up to the rounding of a computation such as
    /// $X^\top X$, and rejects any matrix that differs by more. Only the upper triangle is used.
    public static final double SYMMETRY_TOLERANCE = 1e-12;

    /// Decomposes a symmetric matrix.
    ///
    /// Cost: about $9 n^3$ flops.
    ///
    /// @param a the matrix
    /// @return its eigendecomposition, eigenvalues ascending
    /// @throws dev.lemma.numeric.DimensionMismatchException if `a` is not square
    /// @throws dev.lemma.numeric.NonFiniteValueException naming the row and column of the first NaN or
    ///     infinite entry
    /// @throws IllegalArgumentException if `a` is not symmetric within [#SYMMETRY_TOLERANCE]
    /// @throws dev.lemma.numeric.ConvergenceException if the QR iteration needs more than $30 n$ steps
    public static SymmetricEigen of(Matrix a) {
        int n = check(a);
        double scale = Scaling.powerOfTwo(a.data());
        double[] work = Scaling.scaledCopy(a.data(), scale);
        double[] d = new double[n];
        double[] e = new double[Math.max(n - 1, 0)];
        double[] tau = new double[Math.max(n - 1, 0)];
        Tridiagonal.reduce(work, n, d, e, tau);
        PlaneRotations yt = PlaneRotations.identity(n); // row k: eigenvector k of T
        Tridiagonal.diagonalize(d, e, n, yt);
        int[] order = ascending(d);
        double[] values = new double[n];
        for (int k = 0; k < n; k++) {
            values[k] = d[order[k]] / scale;
        }
        // Zᵀ = Yᵀ Qᵀ = Yᵀ H_{n-3} ⋯ H_0: the rows of Zᵀ are the eigenvectors of A.
        double[] zt = yt.toRowMajor(order, n);
        Reflectors.applyFromRight(zt, n, n, work, n, Math.max(n - 2, 0), 1, tau);
        return new SymmetricEigen(Vector.wrap(values), Matrix.wrap(n, n, zt).transpose());
    }

    /// The eigenvalues alone, ascending: the same reduction and QR iteration without accumulating any
    /// rotation, $\tfrac43 n^3 + O(n^2)$ flops.
    ///
    /// @param a the symmetric matrix
    /// @return $\lambda_0 \le \dots \le \lambda_{n-1}$
    /// @throws dev.lemma.numeric.DimensionMismatchException if `a` is not square
    /// @throws dev.lemma.numeric.NonFiniteValueException naming the row and column of the first NaN or
    ///     infinite entry
    /// @throws IllegalArgumentException if `a` is not symmetric within [#SYMMETRY_TOLERANCE]
    /// @throws dev.lemma.numeric.ConvergenceException if the QR iteration needs more than $30 n$ steps
    public static Vector valuesOf(Matrix a) {
        int n = check(a);
        double scale = Scaling.powerOfTwo(a.data());
        double[] work = Scaling.scaledCopy(a.data(), scale);
        double[] d = new double[n];
        double[] e = new double[Math.max(n - 1, 0)];
        Tridiagonal.reduce(work, n, d, e, new double[Math.max(n - 1, 0)]);
        Tridiagonal.diagonalize(d, e, n, null);
        Arrays.sort(d);
        for (int k = 0; k < n; k++) {
            d[k] /= scale;
        }
        return Vector.wrap(d);
    }

    private static int check(Matrix a) {
        a.requireSquare("symmetric eigendecomposition");
        a.requireFinite("A");
        Checks.argument(
                a.isSymmetric(SYMMETRY_TOLERANCE),
                "the symmetric eigendecomposition needs a symmetric matrix but A is not symmetric");
        return a.rows();
    }

    private static int[] ascending(double[] d) {
        Integer[] order = new Integer[d.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> Double.compare(d[x], d[y]));
        return Arrays.stream(order).mapToInt(Integer::intValue).toArray();
    }
}
