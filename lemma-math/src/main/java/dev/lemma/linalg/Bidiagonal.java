package dev.lemma.linalg;

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

    /// Reduces the row-major `m×n` array `a` ($m \ge n$) to upper bidiagonal form: `d` ($n$) gets the
    /// diagonal, `e` ($n-1$) the superdiagonal.
    ///
    /// Left reflector $k$ (acting on rows $k \dots m-1$) is stored in row `k` of `u` (`n×m`, entries at
    /// columns $> k$, with $\tau$ in `tauLeft[k]`); right reflector $k$ (acting on columns
    /// $k+1 \dots n-1$) is left in row `k` of `a` (columns $> k+1$, $\tau$ in `tauRight[k]`). Then
    /// $Q_L = H_0 \cdots H_{n-1}$ and $Q_R = G_0 \cdots G_{n-3}$.
    ///
    /// Both updates run along rows: the left one as $w^\top = \tau u^\top A$ accumulated row by row,
    /// then $A \leftarrow A - u w^\top$; the right one, row by row, right after that row's left update
    /// while it is in cache. Cost: $4 m n^2 - \tfrac43 n^3$ flops.
    static void reduce(
            double[] a, int m, int n, double[] d, double[] e, double[] u, double[] tauLeft, double[] tauRight) {
        double[] w = new double[n];
        for (int k = 0; k < n; k++) {
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
