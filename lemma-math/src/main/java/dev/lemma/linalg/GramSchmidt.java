package dev.lemma.linalg;

import dev.lemma.numeric.Checks;
import dev.lemma.numeric.SingularMatrixException;
import dev.lemma.numeric.Tolerances;

/// The Gram–Schmidt QR factorisation $A = Q R$ of an `m×n` matrix with independent columns, $m \ge n$:
/// column $k$ of $Q$ is column $k$ of $A$ minus its components along $q_0, \dots, q_{k-1}$, normalised,
/// and $r_{jk} = q_j^\top a_k$. The textbook construction, kept for the book: [Qr] (Householder) is the
/// one to use.
///
/// Two orderings of the same arithmetic in exact arithmetic, very different in floating point:
///
/// - **classical** ([#classical(Matrix)]): $r_{jk} = q_j^\top a_k$, all against the *original* column;
///   the computed $Q$ loses orthogonality like $\|Q^\top Q - I\| \approx \kappa(A)^2 u$ (Giraud,
///   Langou, Rozložník and van den Eshof 2005), so it is useless once $\kappa \gtrsim u^{-1/2} \approx
///   10^8$.
/// - **modified** ([#modified(Matrix)]): $r_{jk} = q_j^\top v$ against the column *as updated so far*;
///   then $\|Q^\top Q - I\| \approx \kappa(A)\, u$ (Björck 1967), and $R$ is as accurate as Householder's.
///
/// Both cost $2 m n^2$ flops.
///
/// Book: chapter 1, section "Gram–Schmidt and QR" (the test `GramSchmidtTest` reproduces the two
/// growth rates).
///
/// References: Å. Björck, "Solving linear least squares problems by Gram–Schmidt orthogonalization",
/// BIT 7 (1967) 1–21; L. Giraud, J. Langou, M. Rozložník, J. van den Eshof, "Rounding error analysis of
/// the classical Gram–Schmidt orthogonalization process", Numer. Math. 101 (2005) 87–100; Golub and
/// Van Loan, *Matrix Computations*, 4th ed., §5.2.7–5.2.8.
///
/// @param q `m×n`, the orthonormalised columns
/// @param r `n×n`, upper triangular with a positive diagonal
public record GramSchmidt(Matrix q, Matrix r) {

    /// Classical Gram–Schmidt.
    ///
    /// @param a an `m×n` matrix, $m \ge n$, with independent columns
    /// @return $Q$ and $R$ with $A = Q R$
    /// @throws dev.lemma.numeric.DimensionMismatchException if $m < n$ (the columns cannot be independent)
    /// @throws dev.lemma.numeric.NonFiniteValueException naming the row and column of a NaN or infinity
    /// @throws SingularMatrixException naming the first column that depends on the previous ones (what is
    ///     left of it after the projections is below $\max(m,n)\,\varepsilon\,\|a_k\|$)
    public static GramSchmidt classical(Matrix a) {
        return of(a, false);
    }

    /// Modified Gram–Schmidt.
    ///
    /// @param a an `m×n` matrix, $m \ge n$, with independent columns
    /// @return $Q$ and $R$ with $A = Q R$
    /// @throws dev.lemma.numeric.DimensionMismatchException if $m < n$
    /// @throws dev.lemma.numeric.NonFiniteValueException naming the row and column of a NaN or infinity
    /// @throws SingularMatrixException naming the first column that depends on the previous ones
    public static GramSchmidt modified(Matrix a) {
        return of(a, true);
    }

    private static GramSchmidt of(Matrix a, boolean modified) {
        int m = a.rows();
        int n = a.cols();
        Checks.dimensions(
                m >= n, "Gram–Schmidt needs at least as many rows as columns but A is %s", Checks.shape(m, n));
        a.requireFinite("A");
        // Columns stored as rows of qt (qt = Qᵀ, n×m) so that every loop runs along contiguous memory.
        double[] qt = a.transpose().toRowMajorArray();
        double[] r = new double[n * n];
        double[] original = new double[m];
        for (int k = 0; k < n; k++) {
            int ck = k * m;
            System.arraycopy(qt, ck, original, 0, m);
            double normA = Vector.norm2(original, 0, m);
            for (int j = 0; j < k; j++) {
                int cj = j * m;
                double rjk = 0.0;
                for (int i = 0; i < m; i++) {
                    // classical: project the original column; modified: the column as updated so far
                    rjk += qt[cj + i] * (modified ? qt[ck + i] : original[i]);
                }
                r[j * n + k] = rjk;
                for (int i = 0; i < m; i++) {
                    qt[ck + i] -= rjk * qt[cj + i];
                }
            }
            double rkk = Vector.norm2(qt, ck, ck + m);
            if (!(rkk > Math.max(m, n) * Tolerances.MACHINE_EPSILON * normA)) {
                throw new SingularMatrixException(
                        "Gram–Schmidt: column %d of A (%s) depends on the previous columns: %s is left of its norm %s"
                                .formatted(k, Checks.shape(m, n), rkk, normA));
            }
            r[k * n + k] = rkk;
            for (int i = 0; i < m; i++) {
                qt[ck + i] /= rkk;
            }
        }
        return new GramSchmidt(Matrix.wrap(n, m, qt).transpose(), Matrix.wrap(n, n, r));
    }
}
