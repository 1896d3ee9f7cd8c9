package dev.lemma.linalg;

import dev.lemma.numeric.Checks;
import dev.lemma.numeric.SingularMatrixException;
import dev.lemma.numeric.Tolerances;

/// The Householder QR factorisation $A = Q R$ of an `m×n` matrix: $Q$ orthogonal (`m×m`), $R$ upper
/// trapezoidal. Reflector $H_k = I - \tau_k v_k v_k^\top$ zeroes column $k$ below the diagonal, and
/// $Q = H_0 H_1 \cdots H_{p-1}$, $p = \min(m, n)$. Householder QR is backward stable: the computed
/// factors are the exact ones of $A + \Delta A$ with $\|\Delta A\|_F \le c\, m n u \|A\|_F$ (Higham,
/// Theorem 19.4).
///
/// Cost: $2 n^2 (m - n/3)$ flops for $R$ ($m \ge n$), nearly all in GEMM calls ([#of(Matrix, int)]).
///
/// Book: chapter 1, section "Gram–Schmidt and QR".
///
/// @param packed `m×n`: $R$ on and above the diagonal, the reflectors' $v_k$ below it
/// @param tau the reflectors' scalars $\tau_k$
// The array components are the factorisation's own storage: their accessors return copies, and two
// factorisations are compared through their factors, never with equals.
@SuppressWarnings("ArrayRecordComponent")
public record Qr(Matrix packed, double[] tau) {

    /// Factorises any matrix, by the blocked algorithm of [#of(Matrix, int)].
    ///
    /// @param a the matrix
    /// @return its QR factorisation
    /// @throws dev.lemma.numeric.NonFiniteValueException naming the first NaN or infinite entry
    public static Qr of(Matrix a) {
        return of(a, BLOCK);
    }

    /// Reflectors per panel of the blocked factorisation. Wider panels put more of the work in the
    /// trailing GEMM updates, narrower ones make the unblocked panel and the triangular factor $T$
    /// ($\propto m\,b^2$ per panel) cheaper. On the 2-core build machine (shared, so best of 10–20 runs),
    /// 32 and 48 were within noise of each other at $n$ = 500 and 1000 and ahead of 16, 64 and 96 (96:
    /// 25–40% slower); 48 is a multiple of both sides of the GEMM register tile (6×16). LAPACK's `ilaenv`
    /// default for `dgeqrf` is 32.
    static final int BLOCK = 48;

    /// The reference: reflector by reflector, each applied at once to the whole trailing matrix
    /// (LAPACK `dgeqr2`; Golub and Van Loan, Algorithm 5.2.1).
    static Qr unblocked(Matrix a) {
        a.requireFinite("A");
        int m = a.rows();
        int n = a.cols();
        double[] qr = a.toRowMajorArray();
        int p = Math.min(m, n);
        double[] tau = new double[p];
        for (int k = 0; k < p; k++) {
            tau[k] = Householder.makeColumnReflector(qr, m, n, k);
            Householder.applyLeft(qr, m, n, k, tau[k], k + 1);
        }
        return new Qr(Matrix.wrap(m, n, qr), tau);
    }

    /// Blocked Householder QR (LAPACK `dgeqrf`; Golub and Van Loan, Algorithm 5.2.2): for each panel of
    /// `block` columns, (1) factor the panel by the unblocked algorithm, (2) gather its reflectors into
    /// the compact WY form $H_{k_0} \cdots H_{k_0+b-1} = I - Y T Y^\top$ ([CompactWy]), (3) update the
    /// columns to its right at once, $A_2 \leftarrow A_2 - Y (T^\top (Y^\top A_2))$, in three GEMM calls.
    /// The same reflectors as [#unblocked], up to rounding.
    ///
    /// What changed and why: the unblocked loop streams the whole trailing matrix through memory once
    /// per reflector (two matrix-vector products each); here it is read once per panel, and nearly all
    /// of the $2 n^2 (m - n/3)$ flops run in the cache-blocked, vectorised [dev.lemma.linalg.kernel.Gemm].
    /// The panel is factorised transposed (a column of $A$ becomes a contiguous row) so that its
    /// reflector products run along contiguous memory, and its rows are already $Y^\top$.
    static Qr of(Matrix a, int block) {
        a.requireFinite("A");
        int m = a.rows();
        int n = a.cols();
        double[] qr = a.toRowMajorArray();
        int p = Math.min(m, n);
        double[] tau = new double[p];
        for (int k0 = 0; k0 < p; k0 += block) {
            int kb = Math.min(block, p - k0);
            int len = m - k0;
            double[] panel = new double[kb * len]; // row j: column k0 + j of A, rows k0 .. m-1
            for (int i = 0; i < len; i++) {
                int ri = (k0 + i) * n + k0;
                for (int j = 0; j < kb; j++) {
                    panel[j * len + i] = qr[ri + j];
                }
            }
            factorPanel(panel, kb, len, tau, k0);
            for (int i = 0; i < len; i++) {
                int ri = (k0 + i) * n + k0;
                for (int j = 0; j < kb; j++) {
                    qr[ri + j] = panel[j * len + i];
                }
            }
            int cols = n - k0 - kb;
            if (cols > 0) {
                CompactWy.ofRows(panel, kb, len, tau, k0).applyTransposeFromLeft(qr, k0 * n + k0 + kb, n, cols);
            }
        }
        return new Qr(Matrix.wrap(m, n, qr), tau);
    }

    /// The unblocked algorithm on a transposed panel (`kb` rows of length `len`): reflector $j$ from row
    /// $j$, entries $j$ on, applied to the rows below it, with the arithmetic of
    /// [Householder#applyLeft] in the same order.
    ///
    /// Four rows at a time: each row's $v^\top x$ is a chain of dependent additions, so one row at a
    /// time waits on the adder's latency at every step; four independent chains sharing the loads of
    /// $v$ keep it busy (measured 1.5× faster on the whole panel at $n = 1000$). Each row still sums in
    /// the same order, so the result is unchanged.
    private static void factorPanel(double[] panel, int kb, int len, double[] tau, int tauOffset) {
        for (int j = 0; j < kb; j++) {
            int vj = j * len + j;
            double t = Householder.makeReflector(panel, vj, 1, len - j);
            tau[tauOffset + j] = t;
            if (t == 0.0) {
                continue;
            }
            int r = j + 1;
            for (; r + 3 < kb; r += 4) {
                reflectFourRows(panel, vj, r * len + j, len, len - j, t);
            }
            for (; r < kb; r++) {
                reflectRow(panel, vj, r * len + j, len - j, t);
            }
        }
    }

    /// $x \leftarrow x - \tau (v^\top x) v$ for the `count` entries of $x$ at `x0` and of $v$ at `v0`,
    /// $v$'s first entry taken as 1.
    private static void reflectRow(double[] p, int v0, int x0, int count, double tau) {
        double s = p[x0];
        for (int i = 1; i < count; i++) {
            s += p[v0 + i] * p[x0 + i];
        }
        s *= tau;
        p[x0] -= s;
        for (int i = 1; i < count; i++) {
            p[x0 + i] -= s * p[v0 + i];
        }
    }

    /// [#reflectRow] on the four rows at `x0`, `x0 + stride`, `x0 + 2 stride`, `x0 + 3 stride`.
    private static void reflectFourRows(double[] p, int v0, int x0, int stride, int count, double tau) {
        int x1 = x0 + stride;
        int x2 = x1 + stride;
        int x3 = x2 + stride;
        double s0 = p[x0];
        double s1 = p[x1];
        double s2 = p[x2];
        double s3 = p[x3];
        for (int i = 1; i < count; i++) {
            double v = p[v0 + i];
            s0 += v * p[x0 + i];
            s1 += v * p[x1 + i];
            s2 += v * p[x2 + i];
            s3 += v * p[x3 + i];
        }
        s0 *= tau;
        s1 *= tau;
        s2 *= tau;
        s3 *= tau;
        p[x0] -= s0;
        p[x1] -= s1;
        p[x2] -= s2;
        p[x3] -= s3;
        for (int i = 1; i < count; i++) {
            double v = p[v0 + i];
            p[x0 + i] -= s0 * v;
            p[x1 + i] -= s1 * v;
            p[x2 + i] -= s2 * v;
            p[x3 + i] -= s3 * v;
        }
    }

    /// @return a copy of the $\tau_k$
    @Override
    public double[] tau() {
        return tau.clone();
    }

    /// @return the thin factor $Q_1$, `m×min(m,n)`, with orthonormal columns and $A = Q_1 R$
    public Matrix q() {
        int m = packed.rows();
        int p = tau.length;
        return Matrix.wrap(m, p, CompactWy.formQ(packed.data(), m, packed.cols(), tau, p, BLOCK));
    }

    /// @return the full orthogonal factor $Q$, `m×m`
    public Matrix fullQ() {
        int m = packed.rows();
        return Matrix.wrap(m, m, CompactWy.formQ(packed.data(), m, packed.cols(), tau, m, BLOCK));
    }

    /// @return the upper trapezoidal factor $R$, `min(m,n)×n`
    public Matrix r() {
        int m = packed.rows();
        int n = packed.cols();
        return Matrix.wrap(Math.min(m, n), n, Householder.upperR(packed.data(), m, n));
    }

    /// $Q^\top b$, applying the reflectors one by one ($4mn$ flops, $Q$ never formed).
    ///
    /// @param b a vector of length $m$
    /// @return $Q^\top b$
    /// @throws dev.lemma.numeric.DimensionMismatchException if `b` does not have length $m$
    public Vector qTransposeTimes(Vector b) {
        int m = packed.rows();
        Checks.dimensions(b.size() == m, "Qᵀb: Q is %s but b has length %d", Checks.shape(m, m), b.size());
        double[] x = b.toArray();
        for (int k = 0; k < tau.length; k++) {
            Householder.applyToVector(packed.data(), m, packed.cols(), k, tau[k], x);
        }
        return Vector.wrap(x);
    }

    /// Whether every diagonal entry of $R$ exceeds $\max(m,n)\,\varepsilon\,\|A\|_F$, i.e.
    /// whether $A$ has full column rank as far as this (unpivoted) factorisation can tell. For a reliable
    /// rank use [PivotedQr] or [Svd].
    ///
    /// @return whether $R$ has no negligible diagonal entry
    public boolean isFullRank() {
        return negligibleDiagonal() < 0;
    }

    private int negligibleDiagonal() {
        int m = packed.rows();
        int n = packed.cols();
        if (m < n) {
            return m;
        }
        // ‖R‖_F = ‖A‖_F (Q is orthogonal), and the backward error of Householder QR is a multiple of
        // ε‖A‖_F (Higham, Theorem 19.4): a diagonal entry below that is rounding noise. (Measuring against
        // max|r_kk| instead misses the noise of an exactly rank-deficient A, whose r_kk are not sorted.)
        double normR =
                Matrix.wrap(n, n, Householder.upperR(packed.data(), m, n)).normFrobenius();
        double[] f = packed.data();
        double threshold = Tolerances.rankTolerance(normR, m, n);
        for (int k = 0; k < n; k++) {
            if (Math.abs(f[k * n + k]) <= threshold) {
                return k;
            }
        }
        return -1;
    }

    /// The least-squares solution of $A x \approx b$ for $A$ of full column rank: $R_1 x = (Q^\top b)_{0..n}$.
    ///
    /// @param b the observations, length $m$
    /// @return $\hat x = \arg\min_x \|Ax - b\|_2$
    /// @throws dev.lemma.numeric.DimensionMismatchException if `b` does not have length $m$
    /// @throws SingularMatrixException if $A$ does not have full column rank (the message names the
    ///     first negligible diagonal entry of $R$)
    public Vector solve(Vector b) {
        int m = packed.rows();
        int n = packed.cols();
        Checks.dimensions(b.size() == m, "least squares: A is %s but b has length %d", Checks.shape(m, n), b.size());
        Checks.finite("b", b.data());
        int k = negligibleDiagonal();
        if (k >= 0) {
            throw new SingularMatrixException(
                    "A (%s) does not have full column rank: r_%d%d of its QR factor is negligible; use the minimum-norm solution (Matrix.leastSquares or pseudoInverse)"
                            .formatted(Checks.shape(m, n), k, k));
        }
        double[] y = qTransposeTimes(b).data();
        return Vector.wrap(backSubstitute(packed.data(), n, y));
    }

    /// Solves $R_1 x = y_{0..n}$ with $R_1$ the leading `n×n` upper triangle of the packed array.
    static double[] backSubstitute(double[] r, int n, double[] y) {
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double s = y[i];
            for (int j = i + 1; j < n; j++) {
                s -= r[i * n + j] * x[j];
            }
            x[i] = s / r[i * n + i];
        }
        return x;
    }
}
