package dev.lemma.linalg;

import dev.lemma.linalg.kernel.Gemm;

/// A block of $k$ Householder reflectors in the compact WY form
/// $H_0 H_1 \cdots H_{k-1} = I - Y T Y^\top$, for blocked [Qr] and the back-transformations of
/// [Reflectors]: $Y$ (`len×k`) holds the vectors
/// $v_j$ in its columns (unit lower trapezoidal: $v_j$ is zero above row $j$ and 1 at row $j$), and $T$
/// (`k×k`) is upper triangular.
///
/// Applying the block to a `len×c` matrix $C$ costs three matrix products,
/// $C \leftarrow C - Y\,(T^\top (Y^\top C))$ for $Q^\top C$ and $C - Y\,(T\,(Y^\top C))$ for $Q C$:
/// the $4\,\text{len}\,k\,c$ flops of applying the reflectors one by one (plus $2 k^2 c$ for $T$), but
/// in [Gemm], which reads $C$ from memory once per block instead of twice per reflector.
///
/// $T$ follows from the recurrence $T_{jj} = \tau_j$,
/// $T_{0:j,\,j} = -\tau_j\, T_{0:j,\,0:j}\, Y_{:,0:j}^\top v_j$ (LAPACK `dlarft`, forward and
/// column-wise), because
/// $(I - Y_{:,0:j} T_{0:j,0:j} Y_{:,0:j}^\top)(I - \tau_j v_j v_j^\top)$ has exactly that last column.
/// The inner products $Y^\top Y$ are formed first, as one GEMM.
///
/// Gemm takes no transpose flag, so both $Y$ and $Y^\top$ are stored, row-major.
///
/// References: R. Schreiber and C. Van Loan, "A storage-efficient WY representation for products of
/// Householder transformations", *SIAM J. Sci. Stat. Comput.* 10(1), 1989; Golub and Van Loan, *Matrix
/// Computations*, 4th ed., §5.2.3.
final class CompactWy {
    private final int k;
    private final int len;
    /// $Y^\top$, `k×len`: row $j$ is $v_j$.
    private final double[] yt;
    /// $Y$, `len×k`.
    private final double[] y;
    /// $T$, `k×k`, upper triangular.
    private final double[] t;

    private CompactWy(int k, int len, double[] yt) {
        this.k = k;
        this.len = len;
        this.yt = yt;
        this.y = new double[len * k];
        for (int j = 0; j < k; j++) {
            for (int i = j; i < len; i++) {
                y[i * k + j] = yt[j * len + i];
            }
        }
        this.t = new double[k * k];
    }

    /// The block of reflectors stored as rows: row $j$ of the `k×len` array `rows` holds $v_j$ from
    /// entry $j$ on, the implied 1 at entry $j$ itself (whatever is stored there, such as $r_{jj}$, and
    /// before it is ignored). `rows` is not modified.
    ///
    /// @param tau $\tau_j$ at `tau[tauOffset + j]`
    static CompactWy ofRows(double[] rows, int k, int len, double[] tau, int tauOffset) {
        return ofRows(rows, 0, len, k, len, tau, tauOffset);
    }

    /// The same, with row $j$ at `src[offset + j * stride]` onwards: the reflectors left in the rows
    /// of a larger array by the tridiagonal and bidiagonal reductions. `src` is not modified.
    static CompactWy ofRows(double[] src, int offset, int stride, int k, int len, double[] tau, int tauOffset) {
        double[] yt = new double[k * len];
        for (int j = 0; j < k; j++) {
            yt[j * len + j] = 1.0;
            System.arraycopy(src, offset + j * stride + j + 1, yt, j * len + j + 1, len - j - 1);
        }
        return withT(new CompactWy(k, len, yt), tau, tauOffset);
    }

    /// The block of reflectors stored as columns `c0 .. c0+k-1` of the row-major `m×n` array `a`, below
    /// row `c0` ($v_j$ has its implied 1 at row `c0 + j`), as [Qr] packs them. `a` is not modified.
    static CompactWy ofColumns(double[] a, int m, int n, int c0, int k, double[] tau) {
        int len = m - c0;
        double[] yt = new double[k * len];
        for (int i = 0; i < len; i++) {
            int ri = (c0 + i) * n + c0;
            int last = Math.min(i, k);
            for (int j = 0; j < last; j++) {
                yt[j * len + i] = a[ri + j];
            }
            if (i < k) {
                yt[i * len + i] = 1.0;
            }
        }
        return withT(new CompactWy(k, len, yt), tau, c0);
    }

    private static CompactWy withT(CompactWy wy, double[] tau, int tauOffset) {
        int k = wy.k;
        double[] t = wy.t;
        double[] g = new double[k * k]; // Yᵀ Y
        Gemm.gemm(k, k, wy.len, 1.0, wy.yt, 0, wy.len, wy.y, 0, k, 0.0, g, 0, k);
        double[] z = new double[k];
        for (int j = 0; j < k; j++) {
            double tj = tau[tauOffset + j];
            t[j * k + j] = tj;
            for (int i = 0; i < j; i++) {
                z[i] = -tj * g[i * k + j];
            }
            for (int i = 0; i < j; i++) {
                double sum = 0.0;
                for (int c = i; c < j; c++) {
                    sum += t[i * k + c] * z[c];
                }
                t[i * k + j] = sum;
            }
        }
        return wy;
    }

    /// $C \leftarrow (I - Y T Y^\top)^\top C = H_{k-1} \cdots H_0\, C$ for the `len×cols` block $C$ of `c`
    /// at `offset` with row stride `ldc`: the reflectors applied in order, as the factorisation does.
    void applyTransposeFromLeft(double[] c, int offset, int ldc, int cols) {
        apply(c, offset, ldc, cols, true);
    }

    /// $C \leftarrow (I - Y T Y^\top) C = H_0 \cdots H_{k-1}\, C$, as forming $Q$ does.
    void applyFromLeft(double[] c, int offset, int ldc, int cols) {
        apply(c, offset, ldc, cols, false);
    }

    /// $X \leftarrow X (I - Y T Y^\top)^\top = X H_{k-1} \cdots H_0$ for the `rows×len` block $X$ of `x`
    /// at `offset` with row stride `ldx`, as the back-transformations of the eigen and singular vectors
    /// do: $W = X Y$, $W \leftarrow W T^\top$, $X \leftarrow X - W Y^\top$, three [Gemm] calls.
    void applyTransposeFromRight(double[] x, int offset, int ldx, int rows) {
        if (rows == 0) {
            return;
        }
        double[] w = new double[rows * k]; // X Y, rows×k
        Gemm.gemm(rows, k, len, 1.0, x, offset, ldx, y, 0, k, 0.0, w, 0, k);
        double[] wt = new double[rows * k]; // W Tᵀ
        Gemm.gemm(rows, k, k, 1.0, w, 0, k, transposeOf(t, k), 0, k, 0.0, wt, 0, k);
        Gemm.gemm(rows, len, k, -1.0, wt, 0, k, yt, 0, len, 1.0, x, offset, ldx);
    }

    private void apply(double[] c, int offset, int ldc, int cols, boolean transpose) {
        if (cols == 0) {
            return;
        }
        double[] w = new double[k * cols]; // Yᵀ C, k×cols
        Gemm.gemm(k, cols, len, 1.0, yt, 0, len, c, offset, ldc, 0.0, w, 0, cols);
        double[] tw = new double[k * cols]; // T W or Tᵀ W
        Gemm.gemm(k, cols, k, 1.0, transpose ? transposeOf(t, k) : t, 0, k, w, 0, cols, 0.0, tw, 0, cols);
        Gemm.gemm(len, cols, k, -1.0, y, 0, k, tw, 0, cols, 1.0, c, offset, ldc);
    }

    private static double[] transposeOf(double[] t, int k) {
        double[] tt = new double[k * k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                tt[j * k + i] = t[i * k + j];
            }
        }
        return tt;
    }

    /// The first `cols` columns of $Q = H_0 H_1 \cdots H_{p-1}$ from reflectors packed as [Qr] packs
    /// them, blocked: the blocks of `block` reflectors applied to $I_{m,\text{cols}}$ last block first.
    /// Block $[k_0, k_0 + k)$ only touches rows and columns from $k_0$ on: to its left, the rows it acts
    /// on are still those of the identity, zero.
    ///
    /// Cost: as [Householder#formQ], about $4 m\,\text{cols}\,p - 2 (m + \text{cols}) p^2 + \frac43 p^3$ flops,
    /// nearly all in [Gemm].
    static double[] formQ(double[] reflectors, int m, int n, double[] tau, int cols, int block) {
        double[] q = new double[m * cols];
        for (int i = 0; i < Math.min(m, cols); i++) {
            q[i * cols + i] = 1.0;
        }
        int p = tau.length;
        for (int k0 = (p - 1) / block * block; k0 >= 0 && p > 0; k0 -= block) {
            int kb = Math.min(block, p - k0);
            CompactWy wy = ofColumns(reflectors, m, n, k0, kb, tau);
            wy.applyFromLeft(q, k0 * cols + k0, cols, cols - k0);
        }
        return q;
    }
}
