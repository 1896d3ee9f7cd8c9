package dev.lemma.linalg;

import dev.lemma.linalg.kernel.Gemm;
import dev.lemma.numeric.Checks;
import dev.lemma.numeric.Compensated;
import dev.lemma.numeric.SingularMatrixException;
import dev.lemma.numeric.Tolerances;

/// The LU factorisation with partial pivoting, $P A = L U$: $L$ unit lower triangular, $U$ upper
/// triangular, $P$ a permutation chosen so that every multiplier satisfies $|l_{ij}| \le 1$.
///
/// Like Hipparchus's `LUDecomposition`, the factorisation can always be computed; it records whether a
/// pivot vanished ([#isSingular()]), and then [#solve(Vector)] and [#inverse()] throw while
/// [#determinant()] returns 0.
///
/// A pivot counts as zero when $|u_{kk}| \le n \varepsilon \max_{ij}|a_{ij}|$: below that it is
/// indistinguishable from the rounding error of the elimination (Golub and Van Loan, *Matrix
/// Computations*, 4th ed., §3.3.2, whose backward error bound is $|\Delta A| \le 2 n u |L||U|$).
///
/// Cost: $\frac{2}{3} n^3$ flops, nearly all of them in matrix–matrix products ([#of(Matrix, int)]).
///
/// Book: chapter 1, sections "Determinant as volume" and "Inverse".
///
/// @param packed $L$ strictly below the diagonal (its unit diagonal implied) and $U$ on and above it
/// @param pivots `pivots[i]` is the row of $A$ that became row `i` of $PA$
/// @param permutationSign $\det P = \pm 1$
/// @param singularPivot the first column whose pivot vanished, or -1 when the matrix is non-singular
/// @param pivotThreshold the threshold below which a pivot counted as zero
// The array components are the factorisation's own storage: their accessors return copies, and two
// factorisations are compared through their factors, never with equals.
@SuppressWarnings("ArrayRecordComponent")
public record Lu(Matrix packed, int[] pivots, int permutationSign, int singularPivot, double pivotThreshold) {

    /// Panel width of the blocked factorisation: 64 columns of a 1000-row panel (512 KB) stay in L2,
    /// and the trailing update's $2 n^2 b$ flops per panel then dominate the panel's $n b^2$. Tuned on
    /// the build machine (Zen 4), as LAPACK's `ilaenv` default of 64 for `dgetrf`.
    static final int BLOCK = 64;

    /// Factorises a square matrix, blocked: see [#of(Matrix, int)].
    ///
    /// @param a the matrix
    /// @return its LU factorisation
    /// @throws dev.lemma.numeric.DimensionMismatchException if `a` is not square
    /// @throws dev.lemma.numeric.NonFiniteValueException naming the first NaN or infinite entry
    public static Lu of(Matrix a) {
        return of(a, BLOCK);
    }

    /// The reference: the unblocked right-looking elimination, column by column, exactly the textbook
    /// algorithm (one panel as wide as the matrix).
    static Lu unblocked(Matrix a) {
        return of(a, Math.max(1, a.cols()));
    }

    /// Blocked right-looking LU (LAPACK `dgetrf`): for each panel of `block` columns, (1) factor the
    /// tall panel by the unblocked algorithm with partial pivoting, swapping whole rows; (2) solve
    /// $L_{11} U_{12} = A_{12}$ for the block row of $U$; (3) update the trailing matrix
    /// $A_{22} \leftarrow A_{22} - L_{21} U_{12}$ with one [GEMM][Gemm], where almost all the flops are.
    /// The same arithmetic as the unblocked algorithm, reordered: the result agrees with
    /// [#unblocked(Matrix)] to rounding (bitwise when `block` covers the matrix).
    static Lu of(Matrix a, int block) {
        a.requireSquare("LU");
        a.requireFinite("A");
        int n = a.rows();
        double[] lu = a.toRowMajorArray();
        int[] pivots = new int[n];
        for (int i = 0; i < n; i++) {
            pivots[i] = i;
        }
        double scale = 0.0;
        for (double v : lu) {
            scale = Math.max(scale, Math.abs(v));
        }
        double threshold = n * Tolerances.MACHINE_EPSILON * scale;
        int sign = 1;
        int singular = -1;
        for (int k0 = 0; k0 < n; k0 += block) {
            int kEnd = Math.min(n, k0 + block);
            for (int k = k0; k < kEnd; k++) {
                int p = k;
                double max = Math.abs(lu[k * n + k]);
                for (int i = k + 1; i < n; i++) {
                    double v = Math.abs(lu[i * n + k]);
                    if (v > max) {
                        max = v;
                        p = i;
                    }
                }
                if (p != k) {
                    swapRows(lu, n, p, k);
                    int t = pivots[p];
                    pivots[p] = pivots[k];
                    pivots[k] = t;
                    sign = -sign;
                }
                double pivot = lu[k * n + k];
                if (Math.abs(pivot) <= threshold) {
                    if (singular < 0) {
                        singular = k;
                    }
                    if (pivot == 0.0) {
                        continue; // the column is already eliminated; nothing to divide by
                    }
                }
                // Within the panel: row i loses l_ik times row k (columns k+1 .. kEnd-1 only).
                int rk = k * n;
                for (int i = k + 1; i < n; i++) {
                    int ri = i * n;
                    double lik = lu[ri + k] / pivot;
                    lu[ri + k] = lik;
                    if (lik != 0.0) {
                        for (int j = k + 1; j < kEnd; j++) {
                            lu[ri + j] -= lik * lu[rk + j];
                        }
                    }
                }
            }
            if (kEnd == n) {
                break;
            }
            // U12 = L11⁻¹ A12: forward substitution on the panel's rows, one row operation at a time.
            for (int i = k0 + 1; i < kEnd; i++) {
                int ri = i * n;
                for (int p = k0; p < i; p++) {
                    double lip = lu[ri + p];
                    if (lip != 0.0) {
                        int rp = p * n;
                        for (int j = kEnd; j < n; j++) {
                            lu[ri + j] -= lip * lu[rp + j];
                        }
                    }
                }
            }
            // A22 ← A22 − L21·U12: disjoint blocks of one array.
            int rest = n - kEnd;
            Gemm.gemm(
                    rest,
                    rest,
                    kEnd - k0,
                    -1.0,
                    lu,
                    kEnd * n + k0,
                    n,
                    lu,
                    k0 * n + kEnd,
                    n,
                    1.0,
                    lu,
                    kEnd * n + kEnd,
                    n);
        }
        return new Lu(Matrix.wrap(n, n, lu), pivots, sign, singular, threshold);
    }

    private static void swapRows(double[] a, int n, int r1, int r2) {
        for (int j = 0; j < n; j++) {
            double t = a[r1 * n + j];
            a[r1 * n + j] = a[r2 * n + j];
            a[r2 * n + j] = t;
        }
    }

    /// @return a copy of the pivot order
    @Override
    public int[] pivots() {
        return pivots.clone();
    }

    /// @return whether a pivot vanished (to working precision), so that $A$ has no inverse
    public boolean isSingular() {
        return singularPivot >= 0;
    }

    /// @return the unit lower triangular factor $L$
    public Matrix lower() {
        int n = packed.rows();
        double[] f = packed.data();
        double[] l = new double[n * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(f, i * n, l, i * n, i);
            l[i * n + i] = 1.0;
        }
        return Matrix.wrap(n, n, l);
    }

    /// @return the upper triangular factor $U$
    public Matrix upper() {
        int n = packed.rows();
        double[] f = packed.data();
        double[] u = new double[n * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(f, i * n + i, u, i * n + i, n - i);
        }
        return Matrix.wrap(n, n, u);
    }

    /// @return the permutation matrix $P$ with $PA = LU$
    public Matrix permutation() {
        int n = pivots.length;
        double[] p = new double[n * n];
        for (int i = 0; i < n; i++) {
            p[i * n + pivots[i]] = 1.0;
        }
        return Matrix.wrap(n, n, p);
    }

    /// $\det A = \det(P)^{-1} \det L \det U = \pm \prod_i u_{ii}$. Exactly 0 only if a pivot is exactly
    /// 0; a matrix that is singular to working precision returns the tiny product, which is the honest
    /// floating-point answer (check [#isSingular()] to tell).
    ///
    /// @return $\det A$
    public double determinant() {
        int n = packed.rows();
        double[] f = packed.data();
        double det = permutationSign;
        for (int i = 0; i < n; i++) {
            det *= f[i * n + i];
        }
        return det;
    }

    /// The sign of $\det A$: $\det P \prod_i \operatorname{sign}(u_{ii})$, and 0 when a pivot is exactly 0.
    /// With [#logAbsDeterminant()] it gives $\det A$ without the overflow or underflow of the product
    /// (NumPy's `slogdet`).
    ///
    /// @return $-1$, $0$ or $1$
    public double determinantSign() {
        int n = packed.rows();
        double[] f = packed.data();
        double sign = permutationSign;
        for (int i = 0; i < n; i++) {
            sign *= Math.signum(f[i * n + i]);
        }
        return sign;
    }

    /// $\log|\det A| = \sum_i \log|u_{ii}|$, summed with compensation; $-\infty$ when a pivot is exactly 0.
    /// Cost: $n$ logarithms, after the factorisation.
    ///
    /// @return $\log|\det A|$ (0 for the 0×0 matrix, whose determinant is 1)
    public double logAbsDeterminant() {
        int n = packed.rows();
        double[] f = packed.data();
        double[] logs = new double[n];
        for (int i = 0; i < n; i++) {
            logs[i] = Math.log(Math.abs(f[i * n + i]));
        }
        return Compensated.sum(logs);
    }

    /// Solves $A x = b$: forward substitution $L y = P b$, then back substitution $U x = y$
    /// ($2n^2$ flops).
    ///
    /// @param b the right-hand side
    /// @return $x$
    /// @throws dev.lemma.numeric.DimensionMismatchException if `b` does not have length $n$
    /// @throws SingularMatrixException if $A$ is singular to working precision
    /// @throws dev.lemma.numeric.NonFiniteValueException if `b` holds NaN or infinity
    public Vector solve(Vector b) {
        int n = packed.rows();
        Checks.dimensions(b.size() == n, "solve: A is %s but b has length %d", Checks.shape(n, n), b.size());
        Checks.finite("b", b.data());
        requireNonSingular();
        double[] x = substitute(b.data());
        return Vector.wrap(x);
    }

    /// Solves $A X = B$ for every column of `b`.
    ///
    /// @param b the right-hand sides
    /// @return $X$
    /// @throws dev.lemma.numeric.DimensionMismatchException if `b` does not have $n$ rows
    /// @throws SingularMatrixException if $A$ is singular to working precision
    public Matrix solve(Matrix b) {
        int n = packed.rows();
        Checks.dimensions(
                b.rows() == n, "solve: A is %s but B is %s", Checks.shape(n, n), Checks.shape(b.rows(), b.cols()));
        b.requireFinite("B");
        requireNonSingular();
        int k = b.cols();
        double[] bData = b.data();
        double[] x = new double[n * k];
        double[] column = new double[n];
        for (int j = 0; j < k; j++) {
            for (int i = 0; i < n; i++) {
                column[i] = bData[i * k + j];
            }
            double[] xj = substitute(column);
            for (int i = 0; i < n; i++) {
                x[i * k + j] = xj[i];
            }
        }
        return Matrix.wrap(n, k, x);
    }

    /// $A^{-1}$, solving $A X = I$.
    ///
    /// @return $A^{-1}$
    /// @throws SingularMatrixException if $A$ is singular to working precision
    public Matrix inverse() {
        return solve(Matrix.identity(packed.rows()));
    }

    private void requireNonSingular() {
        if (isSingular()) {
            int n = packed.rows();
            throw new SingularMatrixException(
                    "A (%s) is singular: pivot %d is %s, below the threshold %.3g = n·ε·max|a_ij|"
                            .formatted(
                                    Checks.shape(n, n),
                                    singularPivot,
                                    packed.data()[singularPivot * n + singularPivot],
                                    pivotThreshold));
        }
    }

    /// $x = U^{-1} L^{-1} P b$.
    private double[] substitute(double[] b) {
        int n = packed.rows();
        double[] f = packed.data();
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = b[pivots[i]];
        }
        for (int i = 0; i < n; i++) {
            double s = x[i];
            for (int j = 0; j < i; j++) {
                s -= f[i * n + j] * x[j];
            }
            x[i] = s;
        }
        for (int i = n - 1; i >= 0; i--) {
            double s = x[i];
            for (int j = i + 1; j < n; j++) {
                s -= f[i * n + j] * x[j];
            }
            x[i] = s / f[i * n + i];
        }
        return x;
    }
}
