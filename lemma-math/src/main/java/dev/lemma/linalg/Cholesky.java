package dev.lemma.linalg;

import dev.lemma.numeric.Checks;
import dev.lemma.numeric.NotPositiveDefiniteException;

/// The Cholesky factorisation $A = L L^\top$ of a symmetric positive definite matrix, $L$ lower
/// triangular with a positive diagonal. It exists exactly when $A$ is positive definite, which makes it
/// the cheapest test of definiteness, and costs half of LU: $\frac{1}{3} n^3$ flops.
///
/// Column $j$ follows from equating entries of $A = L L^\top$:
/// $l_{jj} = \sqrt{a_{jj} - \sum_{k<j} l_{jk}^2}$ and
/// $l_{ij} = (a_{ij} - \sum_{k<j} l_{ik} l_{jk}) / l_{jj}$ for $i > j$.
///
/// Book: chapter 1, section "Positive definite matrices and Cholesky".
///
/// @param lower the factor $L$
public record Cholesky(Matrix lower) {

    /// Relative tolerance of the symmetry check: entries may differ by this many units of their size,
    /// enough for a matrix built as $B^\top B$ in floating point.
    public static final double SYMMETRY_TOLERANCE = 1e-12;

    /// Factorises a symmetric positive definite matrix; only its lower triangle is read.
    ///
    /// @param a the matrix
    /// @return its Cholesky factorisation
    /// @throws dev.lemma.numeric.DimensionMismatchException if `a` is not square
    /// @throws dev.lemma.numeric.NonFiniteValueException naming the first NaN or infinite entry
    /// @throws IllegalArgumentException if `a` is not symmetric (within [#SYMMETRY_TOLERANCE]), naming the
    ///     first pair of entries that differ
    /// @throws NotPositiveDefiniteException naming the column whose pivot was not positive
    public static Cholesky of(Matrix a) {
        a.requireSquare("Cholesky");
        a.requireFinite("A");
        int n = a.rows();
        double[] src = a.data();
        requireSymmetric(src, n);
        double[] l = new double[n * n];
        for (int j = 0; j < n; j++) {
            double d = src[j * n + j];
            for (int k = 0; k < j; k++) {
                d -= l[j * n + k] * l[j * n + k];
            }
            if (!(d > 0.0)) {
                throw new NotPositiveDefiniteException(
                        "A is not positive definite: at column %d the pivot a_jj − Σ l_jk² is %s ≤ 0".formatted(j, d));
            }
            double ljj = Math.sqrt(d);
            l[j * n + j] = ljj;
            for (int i = j + 1; i < n; i++) {
                double s = src[i * n + j];
                for (int k = 0; k < j; k++) {
                    s -= l[i * n + k] * l[j * n + k];
                }
                l[i * n + j] = s / ljj;
            }
        }
        return new Cholesky(Matrix.wrap(n, n, l));
    }

    /// Names the first pair $(i, j)$, $i < j$, with $|a_{ij} - a_{ji}| >$ [#SYMMETRY_TOLERANCE]
    /// $\cdot \max(|a_{ij}|, |a_{ji}|)$.
    private static void requireSymmetric(double[] a, int n) {
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double aij = a[i * n + j];
                double aji = a[j * n + i];
                // Tested inline (not through Checks.argument) to avoid boxing n² arguments on the fast path.
                if (Math.abs(aij - aji) > SYMMETRY_TOLERANCE * Math.max(Math.abs(aij), Math.abs(aji))) {
                    throw new IllegalArgumentException(
                            "Cholesky needs a symmetric matrix but A (%s) has a_%d,%d = %s ≠ a_%d,%d = %s"
                                    .formatted(Checks.shape(n, n), i, j, aij, j, i, aji));
                }
            }
        }
    }

    /// Solves $A x = b$ by $L y = b$, then $L^\top x = y$.
    ///
    /// @param b the right-hand side
    /// @return $x$
    /// @throws dev.lemma.numeric.DimensionMismatchException if `b` does not have length $n$
    public Vector solve(Vector b) {
        int n = lower.rows();
        Checks.dimensions(b.size() == n, "solve: A is %s but b has length %d", Checks.shape(n, n), b.size());
        Checks.finite("b", b.data());
        double[] l = lower.data();
        double[] x = b.toArray();
        for (int i = 0; i < n; i++) {
            double s = x[i];
            for (int k = 0; k < i; k++) {
                s -= l[i * n + k] * x[k];
            }
            x[i] = s / l[i * n + i];
        }
        for (int i = n - 1; i >= 0; i--) {
            double s = x[i];
            for (int k = i + 1; k < n; k++) {
                s -= l[k * n + i] * x[k];
            }
            x[i] = s / l[i * n + i];
        }
        return Vector.wrap(x);
    }

    /// $\det A = \prod_i l_{ii}^2$.
    ///
    /// @return $\det A$
    public double determinant() {
        double det = 1.0;
        for (int i = 0; i < lower.rows(); i++) {
            double lii = lower.data()[i * lower.rows() + i];
            det *= lii * lii;
        }
        return det;
    }

    /// $\log \det A = 2 \sum_i \log l_{ii}$, which does not overflow where the determinant would: the
    /// form the Gaussian log-likelihood needs.
    ///
    /// @return $\log \det A$
    public double logDeterminant() {
        double s = 0.0;
        for (int i = 0; i < lower.rows(); i++) {
            s += Math.log(lower.data()[i * lower.rows() + i]);
        }
        return 2.0 * s;
    }

    /// $A^{-1}$, column by column.
    ///
    /// @return $A^{-1}$
    public Matrix inverse() {
        int n = lower.rows();
        Vector[] columns = new Vector[n];
        for (int j = 0; j < n; j++) {
            columns[j] = solve(Vector.unit(n, j));
        }
        return Matrix.ofColumns(columns);
    }
}
