package dev.lemma.linalg;

/// Householder reflections on row-major arrays, shared by [Qr], [PivotedQr] and the reductions to
/// condensed form.
///
/// A reflector $H = I - \tau v v^\top$ with $v_0 = 1$ maps $x$ to $\beta e_0$, $|\beta| = \|x\|_2$.
/// The sign of $\beta$ is chosen opposite to $x_0$ so that $x_0 - \beta$ involves no cancellation
/// (LAPACK `dlarfg`; Golub and Van Loan, §5.1.2).
final class Householder {
    private Householder() {}

    /// Builds the reflector that zeroes column `k` of the `m×n` array `a` below row `k` (rows
    /// `k+1 .. m-1`), stores $v$ (without its implied leading 1) in those entries, puts $\beta$ in
    /// `a[k][k]`, and returns $\tau$ (0 when the column is already zero below the diagonal).
    static double makeColumnReflector(double[] a, int m, int n, int k) {
        return makeReflector(a, k * n + k, n, m - k);
    }

    /// Builds the reflector that maps the `len` entries `x[off]`, `x[off + stride]`, … to $\beta e_0$:
    /// on return `x[off]` holds $\beta$ and the other entries the tail of $v$ (its leading 1 implied).
    /// A column of a row-major array has `stride` = its row length; a contiguous stretch has 1.
    ///
    /// @return $\tau$, 0 when the tail is already zero (then nothing is changed)
    static double makeReflector(double[] x, int off, int stride, int len) {
        int end = off + len * stride;
        double alpha = x[off];
        double scale = 0.0;
        for (int i = off + stride; i < end; i += stride) {
            scale = Math.max(scale, Math.abs(x[i]));
        }
        if (scale == 0.0) {
            return 0.0;
        }
        scale = Math.max(scale, Math.abs(alpha));
        double sum = 0.0;
        for (int i = off; i < end; i += stride) {
            double t = x[i] / scale;
            sum += t * t;
        }
        double norm = scale * Math.sqrt(sum);
        double beta = alpha >= 0 ? -norm : norm;
        double tau = (beta - alpha) / beta;
        double inv = 1.0 / (alpha - beta);
        for (int i = off + stride; i < end; i += stride) {
            x[i] *= inv;
        }
        x[off] = beta;
        return tau;
    }

    /// Applies $H = I - \tau v v^\top$, with $v$ stored in column `k` of `a` below row `k` (implied
    /// $v_0 = 1$ at row `k`), from the left to columns `from .. n-1` of `a`, rows `k .. m-1`.
    static void applyLeft(double[] a, int m, int n, int k, double tau, int from) {
        if (tau == 0.0 || from >= n) {
            return;
        }
        double[] w = new double[n - from];
        // w = vᵀ A[k:m, from:n], accumulated row by row so the inner loops run along rows.
        System.arraycopy(a, k * n + from, w, 0, n - from);
        for (int i = k + 1; i < m; i++) {
            double vi = a[i * n + k];
            if (vi != 0.0) {
                int ri = i * n + from;
                for (int j = 0; j < w.length; j++) {
                    w[j] += vi * a[ri + j];
                }
            }
        }
        for (int j = 0; j < w.length; j++) {
            w[j] *= tau;
        }
        int rk = k * n + from;
        for (int j = 0; j < w.length; j++) {
            a[rk + j] -= w[j];
        }
        for (int i = k + 1; i < m; i++) {
            double vi = a[i * n + k];
            if (vi != 0.0) {
                int ri = i * n + from;
                for (int j = 0; j < w.length; j++) {
                    a[ri + j] -= vi * w[j];
                }
            }
        }
    }

    /// Applies the reflector stored in column `k` of the `m×n` array `reflectors` to the vector `x`
    /// (length `m`), from the left: $x \leftarrow (I - \tau v v^\top) x$.
    static void applyToVector(double[] reflectors, int m, int n, int k, double tau, double[] x) {
        if (tau == 0.0) {
            return;
        }
        double s = x[k];
        for (int i = k + 1; i < m; i++) {
            s += reflectors[i * n + k] * x[i];
        }
        s *= tau;
        x[k] -= s;
        for (int i = k + 1; i < m; i++) {
            x[i] -= s * reflectors[i * n + k];
        }
    }

    /// Forms the first `cols` columns of $Q = H_0 H_1 \cdots H_{r-1}$ from the reflectors in the `m×n`
    /// array `reflectors`, by applying them in reverse order to the first `cols` columns of $I_m$.
    static double[] formQ(double[] reflectors, int m, int n, double[] tau, int cols) {
        double[] q = new double[m * cols];
        for (int i = 0; i < Math.min(m, cols); i++) {
            q[i * cols + i] = 1.0;
        }
        double[] w = new double[cols];
        for (int k = tau.length - 1; k >= 0; k--) {
            if (tau[k] == 0.0) {
                continue;
            }
            System.arraycopy(q, k * cols, w, 0, cols);
            for (int i = k + 1; i < m; i++) {
                double vi = reflectors[i * n + k];
                for (int j = 0; j < cols; j++) {
                    w[j] += vi * q[i * cols + j];
                }
            }
            for (int j = 0; j < cols; j++) {
                w[j] *= tau[k];
                q[k * cols + j] -= w[j];
            }
            for (int i = k + 1; i < m; i++) {
                double vi = reflectors[i * n + k];
                for (int j = 0; j < cols; j++) {
                    q[i * cols + j] -= vi * w[j];
                }
            }
        }
        return q;
    }

    /// The upper-trapezoidal `min(m,n)×n` factor $R$ from a packed factorisation.
    static double[] upperR(double[] packed, int m, int n) {
        int k = Math.min(m, n);
        double[] r = new double[k * n];
        for (int i = 0; i < k; i++) {
            System.arraycopy(packed, i * n + i, r, i * n + i, n - i);
        }
        return r;
    }
}
