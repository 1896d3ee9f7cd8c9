package dev.lemma.linalg;

import dev.lemma.linalg.kernel.Gemm;
import dev.lemma.numeric.ConvergenceException;
import dev.lemma.numeric.Tolerances;

/// The two halves of the Golub–Kahan–Reinsch SVD: Householder bidiagonalisation $B = Q_L^\top A Q_R$
/// of an `m×n` matrix with $m \ge n$, and the implicit QR iteration that diagonalises the upper
/// bidiagonal $B$, with Demmel and Kahan's zero-shift sweep when the shift would be negligible.
///
/// References: G. H. Golub and C. Reinsch, "Singular value decomposition and least squares
/// solutions", Numer. Math. 14, 1970; J. Demmel and W. Kahan, "Accurate singular values of bidiagonal
/// matrices", SIAM J. Sci. Stat. Comput. 11(5), 1990; Golub and Van Loan, *Matrix Computations*, 4th
/// ed., §8.6 (Algorithms 5.4.2, 8.6.1, 8.6.2); LAPACK `dgebd2`, `dbdsqr`, `dlas2`.
final class Bidiagonal {
    private Bidiagonal() {}

    /// Rows and columns per panel of the blocked reduction: the trailing update is a GEMM with inner
    /// dimension $2 \cdot 32$. LAPACK's `dgebrd` uses 32 too (`ilaenv`).
    static final int BLOCK = 32;

    /// Trailing orders ($n$ minus the columns done) at or below 128 are finished unblocked, as in
    /// LAPACK's `dgebrd` (`ilaenv`, `nx` = 128).
    static final int CROSSOVER = 128;

    /// Reduces the row-major `m×n` array `a` ($m \ge n$) to upper bidiagonal form: `d` ($n$) gets the
    /// diagonal, `e` ($n-1$) the superdiagonal.
    ///
    /// Left reflector $k$ (acting on rows $k \dots m-1$) is stored in row `k` of `u` (`n×m`, entries at
    /// columns $\ge k$, the one at $k$ being 1, with $\tau$ in `tauLeft[k]`); right reflector $k$
    /// (acting on columns $k+1 \dots n-1$) is left in row `k` of `a` (columns $> k+1$, $\tau$ in
    /// `tauRight[k]`). Then $Q_L = H_0 \cdots H_{n-1}$ and $Q_R = G_0 \cdots G_{n-3}$.
    ///
    /// Blocked (the idea of LAPACK's `dgebrd` and `dlabrd`): within a panel of [#BLOCK] steps the
    /// trailing matrix is left as it was when the panel began, $A_0$, and the updates are kept as
    /// $A = A_0 - U Y^\top - X V^\top$, with the left reflectors $u_j$ and the right ones $v_j$ as the
    /// columns of $U$ and $V$, and $y_j = \tau^L_j A_j^\top u_j$, $x_j = \tau^R_j A_j v_j$ (corrected
    /// the same way). Step $k$ brings column $k$ and row $k$ up to date from these, builds $u_k$ and
    /// $v_k$, and needs two products with the trailing matrix, $A_0^\top u_k$ and $A_0 v_k$, each read
    /// once along its rows ([MatrixVector]). After the panel, the trailing matrix takes the whole
    /// update at once: $A \leftarrow A - [U\ X] [Y\ V]^\top$, one GEMM with inner dimension
    /// $2 \cdot nb$, half of the $4 m n^2 - \tfrac43 n^3$ flops. The last [#CROSSOVER] columns go
    /// through [#reduceUnblocked].
    static void reduce(
            double[] a, int m, int n, double[] d, double[] e, double[] u, double[] tauLeft, double[] tauRight) {
        reduce(a, m, n, d, e, u, tauLeft, tauRight, BLOCK, CROSSOVER);
    }

    /// [#reduce(double[], int, int, double[], double[], double[], double[], double[])] with a chosen
    /// panel width and crossover, so that tests can exercise the blocked path on small matrices.
    static void reduce(
            double[] a,
            int m,
            int n,
            double[] d,
            double[] e,
            double[] u,
            double[] tauLeft,
            double[] tauRight,
            int block,
            int crossover) {
        int b = 0;
        if (n - block > crossover) {
            // Rows 0..block-1: y_j (length n); rows block..2·block-1: v_j (length n).
            double[] yv = new double[2 * block * n];
            double[] xt = new double[block * m]; // row j: x_j (length m)
            double[] ux = new double[m * 2 * block];
            double[] coefficients = new double[2 * block];
            for (; n - b - block > crossover; b += block) {
                panel(a, m, n, b, block, d, e, u, tauLeft, tauRight, yv, xt, coefficients);
                int s = b + block;
                int rows = m - s;
                int cols = n - s;
                // ux (rows × 2·block) = [U X] restricted to rows s.., so that A -= [U X] [Y V]ᵀ.
                for (int r = 0; r < rows; r++) {
                    for (int j = 0; j < block; j++) {
                        ux[r * 2 * block + j] = u[(b + j) * m + s + r];
                        ux[r * 2 * block + block + j] = xt[j * m + s + r];
                    }
                }
                Gemm.gemm(rows, cols, 2 * block, -1.0, ux, 0, 2 * block, yv, s, n, 1.0, a, s * n + s, n);
            }
        }
        reduceUnblocked(a, m, n, b, d, e, u, tauLeft, tauRight);
    }

    /// Steps `b .. b+block-1` of the blocked reduction, leaving the trailing matrix untouched; on return
    /// `u` holds the left reflectors, row `j` of `yv` holds $y_{b+j}$ and row `block + j` holds
    /// $v_{b+j}$ (with its 1 at column $b+j+1$), row `j` of `xt` holds $x_{b+j}$.
    private static void panel(
            double[] a,
            int m,
            int n,
            int b,
            int block,
            double[] d,
            double[] e,
            double[] u,
            double[] tauLeft,
            double[] tauRight,
            double[] yv,
            double[] xt,
            double[] coef) {
        for (int j = 0; j < block; j++) {
            int k = b + j;
            int uk = k * m;
            int yk = j * n;
            int vk = (block + j) * n;
            int xk = j * m;
            // Column k of the current matrix, rows k..m-1: A0 − U Yᵀ − X Vᵀ.
            for (int i = k; i < m; i++) {
                u[uk + i] = a[i * n + k];
            }
            for (int l = 0; l < j; l++) {
                double yl = yv[l * n + k];
                double vl = yv[(block + l) * n + k];
                int ul = (b + l) * m;
                int xl = l * m;
                for (int i = k; i < m; i++) {
                    u[uk + i] -= yl * u[ul + i] + vl * xt[xl + i];
                }
            }
            double tl = Reflectors.generate(u, uk + k, m - k);
            d[k] = u[uk + k];
            u[uk + k] = 1.0;
            tauLeft[k] = tl;
            int c0 = k + 1;
            int cols = n - c0;
            // y = τ (A0ᵀ u − Y (Uᵀ u) − V (Xᵀ u)) on columns c0..n-1.
            MatrixVector.transposeTimes(a, k * n + c0, n, m - k, cols, u, uk + k, yv, yk + c0);
            for (int l = 0; l < j; l++) {
                coef[l] = Dots.dot(u, (b + l) * m + k, u, uk + k, m - k);
                coef[block + l] = Dots.dot(xt, l * m + k, u, uk + k, m - k);
            }
            for (int l = 0; l < j; l++) {
                int yl = l * n;
                int vl = (block + l) * n;
                double cu = coef[l];
                double cx = coef[block + l];
                for (int c = c0; c < n; c++) {
                    yv[yk + c] -= cu * yv[yl + c] + cx * yv[vl + c];
                }
            }
            for (int c = c0; c < n; c++) {
                yv[yk + c] *= tl;
            }
            // Row k of the current matrix, columns c0..n-1: A0 − U Yᵀ − X Vᵀ, with u_k and y_k now.
            int row = k * n;
            for (int l = 0; l <= j; l++) {
                double ul = u[(b + l) * m + k];
                int yl = l * n;
                for (int c = c0; c < n; c++) {
                    a[row + c] -= ul * yv[yl + c];
                }
            }
            for (int l = 0; l < j; l++) {
                double xl = xt[l * m + k];
                int vl = (block + l) * n;
                for (int c = c0; c < n; c++) {
                    a[row + c] -= xl * yv[vl + c];
                }
            }
            double tr = Reflectors.generate(a, row + c0, cols);
            e[k] = a[row + c0];
            tauRight[k] = tr;
            yv[vk + c0] = 1.0;
            System.arraycopy(a, row + c0 + 1, yv, vk + c0 + 1, cols - 1);
            // x = τ (A0 v − U (Yᵀ v) − X (Vᵀ v)) on rows c0..m-1.
            int rows = m - c0;
            MatrixVector.times(a, c0 * n + c0, n, rows, cols, yv, vk + c0, xt, xk + c0);
            for (int l = 0; l <= j; l++) {
                coef[l] = Dots.dot(yv, l * n + c0, yv, vk + c0, cols);
            }
            for (int l = 0; l < j; l++) {
                coef[block + l] = Dots.dot(yv, (block + l) * n + c0, yv, vk + c0, cols);
            }
            for (int l = 0; l <= j; l++) {
                int ul = (b + l) * m;
                double cy = coef[l];
                for (int i = c0; i < m; i++) {
                    xt[xk + i] -= cy * u[ul + i];
                }
            }
            for (int l = 0; l < j; l++) {
                int xl = l * m;
                double cv = coef[block + l];
                for (int i = c0; i < m; i++) {
                    xt[xk + i] -= cv * xt[xl + i];
                }
            }
            for (int i = c0; i < m; i++) {
                xt[xk + i] *= tr;
            }
        }
    }

    /// The unblocked reduction from step `from` on (the specification of the blocked [#reduce], and its
    /// last [#CROSSOVER] steps).
    ///
    /// Both updates run along rows: the left one as $w^\top = \tau u^\top A$ accumulated row by row,
    /// then $A \leftarrow A - u w^\top$; the right one, row by row, right after that row's left update
    /// while it is in cache. Cost: $4 m n^2 - \tfrac43 n^3$ flops from the start.
    static void reduceUnblocked(
            double[] a,
            int m,
            int n,
            int from,
            double[] d,
            double[] e,
            double[] u,
            double[] tauLeft,
            double[] tauRight) {
        double[] w = new double[n];
        for (int k = from; k < n; k++) {
            int uk = k * m;
            for (int i = k; i < m; i++) {
                u[uk + i] = a[i * n + k];
            }
            double tl = Reflectors.generate(u, uk + k, m - k);
            d[k] = u[uk + k];
            u[uk + k] = 1.0;
            tauLeft[k] = tl;
            int c0 = k + 1; // first column still to update
            if (c0 == n) {
                break;
            }
            if (tl != 0.0) {
                java.util.Arrays.fill(w, c0, n, 0.0);
                for (int i = k; i < m; i++) {
                    double ui = u[uk + i];
                    if (ui != 0.0) {
                        int row = i * n;
                        for (int j = c0; j < n; j++) {
                            w[j] += ui * a[row + j];
                        }
                    }
                }
                for (int j = c0; j < n; j++) {
                    w[j] *= tl;
                }
                leftUpdate(a, n, k, c0, u[uk + k], w);
            }
            double tr = Reflectors.generate(a, k * n + c0, n - c0);
            e[k] = a[k * n + c0];
            tauRight[k] = tr;
            int vk = k * n; // v = (1, a[k][c0+1 ..])
            for (int i = k + 1; i < m; i++) {
                int row = i * n;
                if (tl != 0.0) {
                    leftUpdate(a, n, i, c0, u[uk + i], w);
                }
                if (tr != 0.0) {
                    double dot = a[row + c0] + Dots.dot(a, row + c0 + 1, a, vk + c0 + 1, n - c0 - 1);
                    dot *= tr;
                    a[row + c0] -= dot;
                    for (int j = c0 + 1; j < n; j++) {
                        a[row + j] -= dot * a[vk + j];
                    }
                }
            }
        }
    }

    /// Row `i` of the left update $A \leftarrow A - u w^\top$ on columns `c0 .. n-1`.
    private static void leftUpdate(double[] a, int n, int i, int c0, double ui, double[] w) {
        if (ui == 0.0) {
            return;
        }
        int row = i * n;
        for (int j = c0; j < n; j++) {
            a[row + j] -= ui * w[j];
        }
    }

    /// Diagonalises the upper bidiagonal $(d, e)$ in place: on return $d$ holds the singular values
    /// (with signs, in no order) and $e = 0$. Left rotations are queued on `left` (rows of $U_B^\top$),
    /// right ones on `right` (rows of $V_B^\top$), either may be `null`.
    ///
    /// Each sweep works on the bottom unreduced block `lo..hi`: a diagonal entry
    /// $|d_k| \le \varepsilon \|B\|_{\max}$ is set to zero and its row (or, at the bottom, its column)
    /// is chased to zero by rotations, splitting the block; otherwise one QR sweep with the shift
    /// $\sigma$, the smaller singular value of the trailing 2×2 block (`dlas2`), or the zero-shift sweep
    /// when $(\sigma / d_{lo})^2 < \varepsilon$. $e_k$ counts as zero when
    /// $|e_k| \le \varepsilon (|d_k| + |d_{k+1}|)$.
    ///
    /// @throws ConvergenceException after $30 n$ sweeps, naming the count
    static void diagonalize(double[] d, double[] e, int n, PlaneRotations left, PlaneRotations right) {
        double eps = Tolerances.MACHINE_EPSILON;
        double normMax = 0.0;
        for (int i = 0; i < n; i++) {
            normMax = Math.max(normMax, Math.abs(d[i]));
            if (i < n - 1) {
                normMax = Math.max(normMax, Math.abs(e[i]));
            }
        }
        double zeroDiagonal = eps * normMax;
        int limit = Tolerances.QR_ITERATIONS_PER_EIGENVALUE * Math.max(n, 1);
        int sweeps = 0;
        int hi = n - 1;
        while (hi > 0) {
            int lo = hi;
            while (lo > 0 && !negligible(e[lo - 1], d[lo - 1], d[lo])) {
                lo--;
            }
            if (lo > 0) {
                e[lo - 1] = 0.0;
            }
            if (lo == hi) {
                hi--;
                continue;
            }
            int zero = -1;
            for (int k = lo; k <= hi; k++) {
                if (Math.abs(d[k]) <= zeroDiagonal) {
                    zero = k;
                    break;
                }
            }
            if (zero >= 0) {
                d[zero] = 0.0;
                if (zero < hi) {
                    chaseRow(d, e, zero, hi, left);
                } else {
                    chaseColumn(d, e, lo, hi, right);
                }
                continue;
            }
            if (++sweeps > limit) {
                throw new ConvergenceException(
                        "bidiagonal QR for the SVD of order %d did not converge in %d sweeps (singular values %d..%d left)"
                                .formatted(n, limit, lo, hi));
            }
            double shift = smallerSingularValue(d[hi - 1], e[hi - 1], d[hi]);
            double ratio = shift / d[lo];
            if (ratio * ratio < eps) {
                zeroShiftSweep(d, e, lo, hi, left, right);
            } else {
                shiftedSweep(d, e, lo, hi, shift, left, right);
            }
        }
    }

    private static boolean negligible(double e, double d0, double d1) {
        double ae = Math.abs(e);
        return ae <= Tolerances.MACHINE_EPSILON * (Math.abs(d0) + Math.abs(d1)) || ae < Double.MIN_NORMAL;
    }

    /// One implicit QR sweep with shift $\sigma$ on $B^\top B - \sigma^2 I$, chasing the bulge from `lo`
    /// down to `hi` (`dbdsqr`, shifted, top to bottom).
    private static void shiftedSweep(
            double[] d, double[] e, int lo, int hi, double shift, PlaneRotations left, PlaneRotations right) {
        // (f, g) is proportional to the first column of BᵀB − σ²I: (d₀² − σ², d₀e₀) divided by d₀.
        double f = (Math.abs(d[lo]) - shift) * (Math.copySign(1.0, d[lo]) + shift / d[lo]);
        double g = e[lo];
        for (int i = lo; i < hi; i++) {
            double r = PlaneRotations.hypot(f, g);
            double cr = r == 0.0 ? 1.0 : f / r;
            double sr = r == 0.0 ? 0.0 : g / r;
            if (i > lo) {
                e[i - 1] = r;
            }
            f = cr * d[i] + sr * e[i];
            e[i] = cr * e[i] - sr * d[i];
            g = sr * d[i + 1];
            d[i + 1] = cr * d[i + 1];
            r = PlaneRotations.hypot(f, g);
            double cl = r == 0.0 ? 1.0 : f / r;
            double sl = r == 0.0 ? 0.0 : g / r;
            d[i] = r;
            f = cl * e[i] + sl * d[i + 1];
            d[i + 1] = cl * d[i + 1] - sl * e[i];
            if (i < hi - 1) {
                g = sl * e[i + 1];
                e[i + 1] = cl * e[i + 1];
            }
            if (right != null) {
                right.add(i, i + 1, cr, sr);
            }
            if (left != null) {
                left.add(i, i + 1, cl, sl);
            }
        }
        e[hi - 1] = f;
    }

    /// Demmel and Kahan's zero-shift QR sweep: with $\sigma = 0$ the sweep can be arranged without any
    /// subtraction, so every entry, even the tiniest singular value, keeps high relative accuracy.
    private static void zeroShiftSweep(
            double[] d, double[] e, int lo, int hi, PlaneRotations left, PlaneRotations right) {
        double cs = 1.0;
        double oldCs = 1.0;
        double oldSn = 0.0;
        for (int i = lo; i < hi; i++) {
            double f = d[i] * cs;
            double g = e[i];
            double r = PlaneRotations.hypot(f, g);
            cs = r == 0.0 ? 1.0 : f / r;
            double sn = r == 0.0 ? 0.0 : g / r;
            if (i > lo) {
                e[i - 1] = oldSn * r;
            }
            f = oldCs * r;
            g = d[i + 1] * sn;
            double r2 = PlaneRotations.hypot(f, g);
            oldCs = r2 == 0.0 ? 1.0 : f / r2;
            oldSn = r2 == 0.0 ? 0.0 : g / r2;
            d[i] = r2;
            if (right != null) {
                right.add(i, i + 1, cs, sn);
            }
            if (left != null) {
                left.add(i, i + 1, oldCs, oldSn);
            }
        }
        double h = d[hi] * cs;
        d[hi] = h * oldCs;
        e[hi - 1] = h * oldSn;
    }

    /// $d_k = 0$ with $k <$ `hi`: rotations of rows $(j, k)$, $j = k+1 \dots$ `hi`, move $e_k$ along
    /// row $k$ and out of the matrix, so that row $k$ becomes zero and the block splits.
    private static void chaseRow(double[] d, double[] e, int k, int hi, PlaneRotations left) {
        double f = e[k];
        e[k] = 0.0;
        for (int j = k + 1; j <= hi && f != 0.0; j++) {
            double r = PlaneRotations.hypot(d[j], f);
            double c = d[j] / r;
            double s = f / r;
            d[j] = r;
            if (left != null) {
                left.add(j, k, c, s);
            }
            if (j < hi) {
                f = -s * e[j];
                e[j] *= c;
            }
        }
    }

    /// $d_{hi} = 0$: rotations of columns $(j, hi)$, $j = hi-1 \dots lo$, move $e_{hi-1}$ up column
    /// `hi` and out of the matrix.
    private static void chaseColumn(double[] d, double[] e, int lo, int hi, PlaneRotations right) {
        double f = e[hi - 1];
        e[hi - 1] = 0.0;
        for (int j = hi - 1; j >= lo && f != 0.0; j--) {
            double r = PlaneRotations.hypot(d[j], f);
            double c = d[j] / r;
            double s = f / r;
            d[j] = r;
            if (right != null) {
                right.add(j, hi, c, s);
            }
            if (j > lo) {
                f = -s * e[j - 1];
                e[j - 1] *= c;
            }
        }
    }

    /// The smaller singular value of $\begin{pmatrix} f & g \\ 0 & h \end{pmatrix}$, computed without
    /// overflow or harmful cancellation (LAPACK `dlas2`).
    static double smallerSingularValue(double f, double g, double h) {
        double fa = Math.abs(f);
        double ga = Math.abs(g);
        double ha = Math.abs(h);
        double min = Math.min(fa, ha);
        double max = Math.max(fa, ha);
        if (min == 0.0) {
            return 0.0;
        }
        if (ga < max) {
            double as = 1.0 + min / max;
            double at = (max - min) / max;
            double au = (ga / max) * (ga / max);
            double c = 2.0 / (Math.sqrt(as * as + au) + Math.sqrt(at * at + au));
            return min * c;
        }
        double au = max / ga;
        if (au == 0.0) {
            return (min * max) / ga;
        }
        double as = 1.0 + min / max;
        double at = (max - min) / max;
        double c = 1.0 / (Math.sqrt(1.0 + (as * au) * (as * au)) + Math.sqrt(1.0 + (at * au) * (at * au)));
        return 2.0 * (min * c) * au;
    }
}
