package dev.lemma.linalg;

import dev.lemma.linalg.kernel.Gemm;
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
        return of(a, BLOCK);
    }

    /// Block size of the blocked factorisation: a 64-column block of $L_{21}$ and its transposed copy fit
    /// in L2 for $n \le 2000$; LAPACK's `ilaenv` default for `dpotrf` is also 64.
    static final int BLOCK = 64;

    /// Rows per GEMM call of the trailing update: taller calls amortise GEMM's packing of $L_{21}^\top$, at
    /// the price of updating (and then clearing) a triangle of $\frac{1}{2}\,256^2$ entries above the
    /// diagonal per call. 256 was fastest at $n = 500$ and $1000$ on the build machine (64: 1.8× slower
    /// at $n = 1000$).
    static final int UPDATE_ROWS = 256;

    /// The reference: the unblocked column-by-column algorithm of the class documentation.
    static Cholesky unblocked(Matrix a) {
        return of(a, Math.max(1, a.rows()));
    }

    /// Blocked right-looking Cholesky (LAPACK `dpotrf`, lower): for each block column of width `block`,
    /// (1) factor the diagonal block $A_{11} = L_{11} L_{11}^\top$ by the unblocked algorithm; (2) solve
    /// $L_{21} L_{11}^\top = A_{21}$ as $L_{21} = A_{21} L_{11}^{-\top}$, one GEMM with the small triangular
    /// inverse; (3) update the lower triangle of the trailing matrix,
    /// $A_{22} \leftarrow A_{22} - L_{21} L_{21}^\top$, with one [GEMM][Gemm] per block row against a
    /// transposed copy of $L_{21}$ (GEMM takes no transpose flag). The same arithmetic as the unblocked
    /// algorithm, reordered.
    static Cholesky of(Matrix a, int block) {
        a.requireSquare("Cholesky");
        a.requireFinite("A");
        int n = a.rows();
        double[] src = a.data();
        requireSymmetric(src, n);
        double[] l = new double[n * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(src, i * n, l, i * n, i + 1);
        }
        for (int k0 = 0; k0 < n; k0 += block) {
            int kEnd = Math.min(n, k0 + block);
            // (1) The diagonal block, unblocked: only this block's columns remain to subtract (the earlier
            // ones are already folded in by the trailing updates).
            for (int j = k0; j < kEnd; j++) {
                int rj = j * n;
                double d = l[rj + j];
                for (int p = k0; p < j; p++) {
                    d -= l[rj + p] * l[rj + p];
                }
                if (!(d > 0.0)) {
                    throw new NotPositiveDefiniteException(
                            "A is not positive definite: at column %d the pivot a_jj − Σ l_jk² is %s ≤ 0"
                                    .formatted(j, d));
                }
                double ljj = Math.sqrt(d);
                l[rj + j] = ljj;
                for (int i = j + 1; i < kEnd; i++) {
                    int ri = i * n;
                    double s = l[ri + j];
                    for (int p = k0; p < j; p++) {
                        s -= l[ri + p] * l[rj + p];
                    }
                    l[ri + j] = s / ljj;
                }
            }
            int rest = n - kEnd;
            if (rest == 0) {
                break;
            }
            int kb = kEnd - k0;
            // (2) L21 = A21·L11⁻ᵀ as one GEMM: the row-by-row triangular solve is a chain of dependent
            // scalar dot products (n²·b/2 of them in all), which at n = 1000 cost as much as the whole
            // trailing update. Forming the small triangular inverse (b³/3 flops) is backward stable enough
            // here: its error is bounded by κ(L11)·u, and L11 is the factor of a diagonal block of an SPD
            // matrix (Du Croz and Higham, IMA J. Numer. Anal. 12, 1992).
            double[] w = transposedInverseOfLower(l, n, k0, kb); // L11⁻ᵀ, kb×kb upper triangular
            double[] l21 = new double[rest * kb];
            Gemm.gemm(rest, kb, kb, 1.0, l, kEnd * n + k0, n, w, 0, kb, 0.0, l21, 0, kb);
            double[] t = new double[kb * rest]; // L21ᵀ, kb×rest
            for (int i = 0; i < rest; i++) {
                System.arraycopy(l21, i * kb, l, (kEnd + i) * n + k0, kb);
                for (int p = 0; p < kb; p++) {
                    t[p * rest + i] = l21[i * kb + p];
                }
            }
            // (3) Lower triangle of A22, block row by block row: rows r0 .. r1-1, columns kEnd .. r1-1.
            // The entries above the diagonal inside each diagonal block are updated too, and cleared below.
            for (int r0 = kEnd; r0 < n; r0 += UPDATE_ROWS) {
                int r1 = Math.min(n, r0 + UPDATE_ROWS);
                Gemm.gemm(r1 - r0, r1 - kEnd, kb, -1.0, l, r0 * n + k0, n, t, 0, rest, 1.0, l, r0 * n + kEnd, n);
            }
        }
        for (int i = 0; i < n; i++) {
            java.util.Arrays.fill(l, i * n + i + 1, (i + 1) * n, 0.0);
        }
        return new Cholesky(Matrix.wrap(n, n, l));
    }

    /// $L_{11}^{-\top}$ for the `kb×kb` lower-triangular block of `l` at `(k0, k0)`: column $c$ of
    /// $L_{11}^{-1}$ by forward substitution on $e_c$, stored as row $c$ of the result.
    private static double[] transposedInverseOfLower(double[] l, int n, int k0, int kb) {
        double[] w = new double[kb * kb];
        for (int c = 0; c < kb; c++) {
            int rc = c * kb;
            for (int i = c; i < kb; i++) {
                int ri = (k0 + i) * n + k0;
                double s = i == c ? 1.0 : 0.0;
                for (int p = c; p < i; p++) {
                    s -= l[ri + p] * w[rc + p];
                }
                w[rc + i] = s / l[ri + i];
            }
        }
        return w;
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
