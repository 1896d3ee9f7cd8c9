package dev.lemma.linalg;

import dev.lemma.numeric.Checks;
import dev.lemma.numeric.ConvergenceException;
import dev.lemma.numeric.Tolerances;

/// The eigendecomposition of a real symmetric matrix, $A = V \Lambda V^\top$: real eigenvalues
/// $\lambda_0 \le \dots \le \lambda_{n-1}$ (ascending, as NumPy's `eigh`) and an orthonormal basis of
/// eigenvectors, the columns of $V$ (the spectral theorem).
///
/// Computed by the cyclic Jacobi method (Jacobi 1846; Golub and Van Loan §8.5): each rotation zeroes one
/// off-diagonal pair, and the off-diagonal mass $\mathrm{off}(A)^2$ shrinks by $2a_{pq}^2$ per
/// rotation; convergence is quadratic once the matrix is nearly diagonal.
///
/// Book: chapter 1, section "Eigenvalues and diagonalisation".
///
/// @param values the eigenvalues, ascending
/// @param vectors the eigenvectors as columns, in the order of `values`
public record SymmetricEigen(Vector values, Matrix vectors) {

    /// Relative tolerance of the symmetry check.
    public static final double SYMMETRY_TOLERANCE = 1e-12;

    /// Decomposes a symmetric matrix.
    ///
    /// @param a the matrix
    /// @return its eigendecomposition
    /// @throws dev.lemma.numeric.DimensionMismatchException if `a` is not square
    /// @throws IllegalArgumentException if `a` is not symmetric
    /// @throws dev.lemma.numeric.NonFiniteValueException naming the first NaN or infinite entry
    /// @throws ConvergenceException if the sweeps do not converge
    public static SymmetricEigen of(Matrix a) {
        a.requireSquare("symmetric eigendecomposition");
        a.requireFinite("A");
        Checks.argument(
                a.isSymmetric(SYMMETRY_TOLERANCE),
                "the symmetric eigendecomposition needs a symmetric matrix but A is not symmetric");
        int n = a.rows();
        double[] s = a.toRowMajorArray();
        double[] v = Matrix.identity(n).toRowMajorArray();
        for (int sweep = 0; ; sweep++) {
            double off = 0.0;
            double diag = 0.0;
            for (int i = 0; i < n; i++) {
                diag += s[i * n + i] * s[i * n + i];
                for (int j = i + 1; j < n; j++) {
                    off += s[i * n + j] * s[i * n + j];
                }
            }
            if (off <= Tolerances.UNIT_ROUNDOFF * Tolerances.UNIT_ROUNDOFF * diag || off == 0.0) {
                break;
            }
            if (sweep == Tolerances.JACOBI_MAX_SWEEPS) {
                throw new ConvergenceException(
                        "Jacobi eigenvalue sweeps on a %d×%d matrix did not converge in %d sweeps (off-diagonal norm %.3g)"
                                .formatted(n, n, sweep, Math.sqrt(off)));
            }
            for (int p = 0; p < n - 1; p++) {
                for (int q = p + 1; q < n; q++) {
                    double apq = s[p * n + q];
                    if (apq == 0.0) {
                        continue;
                    }
                    double theta = (s[q * n + q] - s[p * n + p]) / (2.0 * apq);
                    double t = (theta >= 0 ? 1.0 : -1.0) / (Math.abs(theta) + Math.hypot(1.0, theta));
                    double c = 1.0 / Math.hypot(1.0, t);
                    double sn = t * c;
                    for (int k = 0; k < n; k++) { // columns p, q
                        double x = s[k * n + p];
                        double y = s[k * n + q];
                        s[k * n + p] = c * x - sn * y;
                        s[k * n + q] = sn * x + c * y;
                    }
                    for (int k = 0; k < n; k++) { // rows p, q
                        double x = s[p * n + k];
                        double y = s[q * n + k];
                        s[p * n + k] = c * x - sn * y;
                        s[q * n + k] = sn * x + c * y;
                    }
                    for (int k = 0; k < n; k++) {
                        double x = v[k * n + p];
                        double y = v[k * n + q];
                        v[k * n + p] = c * x - sn * y;
                        v[k * n + q] = sn * x + c * y;
                    }
                }
            }
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (x, y) -> Double.compare(s[x * n + x], s[y * n + y]));
        double[] values = new double[n];
        double[] vectors = new double[n * n];
        for (int k = 0; k < n; k++) {
            int j = order[k];
            values[k] = s[j * n + j];
            for (int i = 0; i < n; i++) {
                vectors[i * n + k] = v[i * n + j];
            }
        }
        return new SymmetricEigen(Vector.wrap(values), Matrix.wrap(n, n, vectors));
    }
}
