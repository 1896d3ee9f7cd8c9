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
/// $l_{ij} = (a_{ij} - \sum_{k<j} l_{ik} l_{jk}) / l_{jj}$ for $i > j$. [#of(Matrix)] does the same
/// arithmetic reordered by a recursion on halves of $A$, so that nearly all of it runs in GEMM calls
/// ([#of(Matrix, int)]); [#unblocked] keeps the loop as written.
///
/// Book: chapter 1, section "Positive definite matrices and Cholesky".
///
/// @param lower the factor $L$
public record Cholesky(Matrix lower) {

    /// Relative tolerance of the symmetry check: entries may differ by this many units of their size,
    /// enough for a matrix built as $B^\top B$ in floating point.
    public static final double SYMMETRY_TOLERANCE = 1e-12;

    /// Factorises a symmetric positive definite matrix. Only its lower triangle enters the factor; the
    /// upper one is read by the symmetry check alone.
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

    /// Size at and below which the recursion stops: diagonal blocks are factorised by the unblocked
    /// algorithm, triangular solves use the block's inverse in one GEMM, and symmetric updates are one
    /// square GEMM. Smaller leaves waste less (a leaf update also computes its $\frac12 b^2$ entries above
    /// the diagonal, a leaf solve multiplies by a full square holding a triangle; the unblocked leaf is
    /// scalar code), larger ones make fewer, bigger GEMM calls. On the 2-core build machine (shared, so
    /// best of 20 runs), leaves of 32 to 96 were within noise of each other at $n$ = 500 and 1000, and 128
    /// was 15–40% slower. 64 is also LAPACK's `ilaenv` block size for `dpotrf`.
    static final int BLOCK = 64;

    /// The reference: the unblocked column-by-column algorithm of the class documentation.
    static Cholesky unblocked(Matrix a) {
        return of(a, Math.max(1, a.rows()));
    }

    /// Recursive Cholesky (Gustavson 1997; Ahmed and Pingali 2000): split $A$ into halves,
    /// $$\begin{pmatrix} A_{11} & \\ A_{21} & A_{22} \end{pmatrix} =
    /// \begin{pmatrix} L_{11} & \\ L_{21} & L_{22} \end{pmatrix}
    /// \begin{pmatrix} L_{11}^\top & L_{21}^\top \\ & L_{22}^\top \end{pmatrix},$$
    /// and (1) factor $A_{11} = L_{11} L_{11}^\top$ recursively; (2) solve $L_{21} L_{11}^\top = A_{21}$
    /// recursively (`Recursion.solveRight`); (3) update $A_{22} \leftarrow A_{22} - L_{21} L_{21}^\top$, lower
    /// triangle only, recursively (`Recursion.updateLower`); (4) factor $A_{22} = L_{22} L_{22}^\top$ recursively.
    /// Blocks of at most `leaf` rows use the unblocked algorithm; `leaf` ≥ $n$ is the unblocked algorithm
    /// itself. The same factor as the unblocked algorithm up to rounding: the sums are reordered, and the
    /// triangular solves multiply by the inverses of the leaf blocks.
    ///
    /// What changed from the blocked right-looking loop (LAPACK `dpotrf`) and why: that loop updates the
    /// whole trailing matrix once per block column, with GEMM calls of inner dimension 64; the recursion
    /// does the same flops in fewer, larger GEMM calls (inner dimension $n/2$ at the top), which read
    /// and write the trailing matrix $\log_2(n/64)$ times instead of $n/64$ times, and it computes only
    /// the lower triangle of each symmetric update, half the flops of a square GEMM.
    static Cholesky of(Matrix a, int leaf) {
        a.requireSquare("Cholesky");
        a.requireFinite("A");
        int n = a.rows();
        double[] src = a.data();
        requireSymmetric(src, n);
        // The upper triangle's copy of A is never read: it is overwritten by the recursion's transposed
        // blocks and cleared at the end (copying it too makes the copy one bulk copy instead of n).
        double[] l = src.clone();
        new Recursion(l, n, leaf).factor(0, n);
        for (int i = 0; i < n; i++) {
            java.util.Arrays.fill(l, i * n + i + 1, (i + 1) * n, 0.0);
        }
        return new Cholesky(Matrix.wrap(n, n, l));
    }

    /// The recursion's state: the array being factorised in place, and the transposed inverses of the
    /// leaf diagonal blocks, formed once, by the first triangular solve against the block, and reused by
    /// the others (one per level of the recursion above the leaf).
    ///
    /// GEMM takes no transpose flag, and the products here need $L_{21}^\top$ blocks. Rather than copy a
    /// transposed block for every product (the same block again at each level of the recursion), each
    /// block of $L$ below a leaf is written once more, transposed, into the unused upper triangle as soon
    /// as the triangular solve has produced it: the upper triangle holds $L^\top$ of everything
    /// factorised so far, and a block $L_{IJ}^\top$ is read in place at $(J, I)$. (Inside the leaf
    /// diagonal blocks, which are never read transposed, the upper triangle keeps $A$'s entries or the
    /// leaf updates' rubbish.)
    private static final class Recursion {
        private final double[] l;
        private final int n;
        private final int leaf;
        /// `inverses[d]`: $L^{-\top}$ of the leaf diagonal block at `(d, d)`.
        private final double[][] inverses;

        Recursion(double[] l, int n, int leaf) {
            this.l = l;
            this.n = n;
            this.leaf = leaf;
            this.inverses = new double[n][];
        }

        /// Factorises the diagonal block of `size` rows at `(d, d)` of `l` (row stride `n`) in place, its
        /// lower triangle; entries above the diagonal may be overwritten with rubbish.
        void factor(int d, int size) {
            if (size <= leaf) {
                factorLeaf(l, n, d, size);
                return;
            }
            int s1 = half(size);
            int s2 = size - s1;
            factor(d, s1);
            solveRight(d, s1, d + s1, s2);
            updateLower(d + s1, s2, d, s1);
            factor(d + s1, s2);
        }

        /// The split of a block of `size` rows: half, rounded up to a multiple of 16 (a whole number of
        /// GEMM register tiles) when that leaves both parts non-empty.
        private static int half(int size) {
            int h = (size / 2 + 15) / 16 * 16;
            return h < size ? h : size / 2;
        }

        /// The unblocked algorithm on the diagonal block of `size` rows at `(d, d)`.
        private static void factorLeaf(double[] l, int n, int d, int size) {
            int end = d + size;
            for (int j = d; j < end; j++) {
                int rj = j * n;
                double s = l[rj + j];
                for (int p = d; p < j; p++) {
                    s -= l[rj + p] * l[rj + p];
                }
                if (!(s > 0.0)) {
                    throw new NotPositiveDefiniteException(
                            "A is not positive definite: at column %d the pivot a_jj − Σ l_jk² is %s ≤ 0"
                                    .formatted(j, s));
                }
                double ljj = Math.sqrt(s);
                l[rj + j] = ljj;
                for (int i = j + 1; i < end; i++) {
                    int ri = i * n;
                    double t = l[ri + j];
                    for (int p = d; p < j; p++) {
                        t -= l[ri + p] * l[rj + p];
                    }
                    l[ri + j] = t / ljj;
                }
            }
        }

        /// $X \leftarrow X L^{-\top}$, solving $X L^\top = B$ in place, for the `rows×size` block $B$ at
        /// `(r0, d)` and the factored lower triangle $L$ of the diagonal block of `size` rows at `(d, d)`.
        /// Recursively: with $L = \begin{pmatrix} L_a & \\ L_b & L_c \end{pmatrix}$, $X_1 = B_1 L_a^{-\top}$,
        /// then $X_2 = (B_2 - X_1 L_b^\top) L_c^{-\top}$.
        ///
        /// At the leaves, one GEMM with the small triangular inverse: the row-by-row substitution is a chain
        /// of dependent scalar dot products, as costly at $n = 1000$ as the whole update. Forming the
        /// inverse ($b^3/3$ flops) is stable enough here: its error is bounded by $\kappa(L)\,u$, and $L$
        /// is the factor of a diagonal block of an SPD matrix (Du Croz and Higham, *IMA J. Numer. Anal.* 12,
        /// 1992).
        void solveRight(int d, int size, int r0, int rows) {
            if (size <= leaf) {
                if (inverses[d] == null) {
                    inverses[d] = transposedInverseOfLower(l, n, d, size);
                }
                double[] w = inverses[d]; // L⁻ᵀ, size×size upper triangular
                double[] x = new double[rows * size];
                Gemm.gemm(rows, size, size, 1.0, l, r0 * n + d, n, w, 0, size, 0.0, x, 0, size);
                for (int i = 0; i < rows; i++) {
                    System.arraycopy(x, i * size, l, (r0 + i) * n + d, size);
                }
                mirror(x, rows, size, l, d * n + r0, n);
                return;
            }
            int s1 = half(size);
            int s2 = size - s1;
            solveRight(d, s1, r0, rows);
            // B_2 −= X_1 L_bᵀ, with L_bᵀ read from its mirror image above the diagonal.
            Gemm.gemm(rows, s2, s1, -1.0, l, r0 * n + d, n, l, d * n + d + s1, n, 1.0, l, r0 * n + d + s1, n);
            solveRight(d + s1, s2, r0, rows);
        }

        /// $C \leftarrow C - A A^\top$ on the lower triangle of the diagonal block $C$ of `size` rows at
        /// `(c0, c0)`, with $A$ the `size×k` block at `(c0, a0)` (a symmetric rank-$k$ update, BLAS
        /// `dsyrk`). Recursively: with $C$ and $A$ split into halves, $C_{11} \leftarrow C_{11} - A_1 A_1^\top$
        /// and $C_{22} \leftarrow C_{22} - A_2 A_2^\top$ recursively, and the off-diagonal block
        /// $C_{21} \leftarrow C_{21} - A_2 A_1^\top$ by one GEMM; a leaf is one square GEMM, which also
        /// updates the entries above its diagonal.
        void updateLower(int c0, int size, int a0, int k) {
            // Aᵀ is the mirror image of A above the diagonal, at (a0, c0).
            if (size <= leaf) {
                Gemm.gemm(size, size, k, -1.0, l, c0 * n + a0, n, l, a0 * n + c0, n, 1.0, l, c0 * n + c0, n);
                return;
            }
            int s1 = half(size);
            int s2 = size - s1;
            updateLower(c0, s1, a0, k);
            Gemm.gemm(s2, s1, k, -1.0, l, (c0 + s1) * n + a0, n, l, a0 * n + c0, n, 1.0, l, (c0 + s1) * n + c0, n);
            updateLower(c0 + s1, s2, a0, k);
        }
    }

    /// Writes the transpose of the contiguous `rows×cols` array `x` into the `cols×rows` block of `l` at
    /// `offset` (row stride `n`), in tiles of [#MIRROR_TILE] rows so that the rows of `l` being written
    /// stay in the cache.
    private static void mirror(double[] x, int rows, int cols, double[] l, int offset, int n) {
        for (int i0 = 0; i0 < rows; i0 += MIRROR_TILE) {
            int i1 = Math.min(rows, i0 + MIRROR_TILE);
            for (int j = 0; j < cols; j++) {
                int rj = offset + j * n;
                for (int i = i0; i < i1; i++) {
                    l[rj + i] = x[i * cols + j];
                }
            }
        }
    }

    /// Rows of `x` per tile of [#mirror]: 64 rows of `l` are 64 cache lines per column pass, well within L1.
    private static final int MIRROR_TILE = 64;

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

    /// Names the first pair $(i, j)$, $i < j$, in row-major order, with $|a_{ij} - a_{ji}| >$
    /// [#SYMMETRY_TOLERANCE] $\cdot \max(|a_{ij}|, |a_{ji}|)$.
    ///
    /// The test walks `a` in square tiles: row by row, $a_{ji}$ runs down a column, a new cache line
    /// per entry, and for $n$ in the thousands those lines no longer stay in the cache from one row to the
    /// next. Only when a tile fails is the row-major walk repeated, to name the first pair. (Tiles and
    /// the equality shortcut together: 0.46 ms instead of 0.87 at $n = 1000$.)
    private static void requireSymmetric(double[] a, int n) {
        for (int i0 = 0; i0 < n; i0 += SYMMETRY_TILE) {
            int i1 = Math.min(n, i0 + SYMMETRY_TILE);
            for (int j0 = i0; j0 < n; j0 += SYMMETRY_TILE) {
                int j1 = Math.min(n, j0 + SYMMETRY_TILE);
                for (int i = i0; i < i1; i++) {
                    for (int j = Math.max(i + 1, j0); j < j1; j++) {
                        if (asymmetric(a[i * n + j], a[j * n + i])) {
                            throwFirstAsymmetry(a, n);
                        }
                    }
                }
            }
        }
    }

    /// Side of the tiles of [#requireSymmetric]: two 32×32 tiles of doubles are 16 KiB, within L1.
    private static final int SYMMETRY_TILE = 32;

    private static boolean asymmetric(double aij, double aji) {
        // Tested inline (not through Checks.argument) to avoid boxing n² arguments on the fast path; the
        // equality test first settles the common, exactly symmetric case in one comparison.
        return aij != aji && Math.abs(aij - aji) > SYMMETRY_TOLERANCE * Math.max(Math.abs(aij), Math.abs(aji));
    }

    private static void throwFirstAsymmetry(double[] a, int n) {
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double aij = a[i * n + j];
                double aji = a[j * n + i];
                if (asymmetric(aij, aji)) {
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
