package dev.lemma.linalg;

import dev.lemma.linalg.kernel.Gemm;
import dev.lemma.numeric.ConvergenceException;
import dev.lemma.numeric.Tolerances;

/// The two halves of the symmetric eigensolver: Householder reduction of a symmetric matrix to
/// tridiagonal form, $T = Q^\top A Q$, and the implicit symmetric QR iteration with Wilkinson shifts
/// that diagonalises $T$.
///
/// References: Golub and Van Loan, *Matrix Computations*, 4th ed., §8.3 (Algorithms 8.3.1 and 8.3.2);
/// LAPACK `dsytd2` (the symmetric rank-2 update) and `dsteqr`.
final class Tridiagonal {
    private Tridiagonal() {}

    /// Columns per panel of the blocked reduction: the trailing update is then a GEMM with inner
    /// dimension $2 \cdot 32 = 64$, long enough to run near the kernel's peak, while the panel's own
    /// corrections ($O(n \cdot nb)$ per column) stay small. LAPACK's `dsytrd` uses 32 too (`ilaenv`).
    static final int BLOCK = 32;

    /// Trailing orders at or below 128 are finished unblocked: there the GEMM calls are too small to
    /// pay for forming the panel. LAPACK's `ilaenv` suggests 32 for `dsytrd` and 128 for `dgebrd`;
    /// the larger one is taken here too, not tuned by measurement.
    static final int CROSSOVER = 128;

    /// Reduces the symmetric matrix in the upper triangle of the row-major `n×n` array `a` to
    /// tridiagonal form: `d` gets the diagonal, `e` the off-diagonal ($e_i = t_{i,i+1}$), and reflector
    /// $H_i$ ($i = 0 \dots n-3$, acting on indices $i+1 \dots n-1$) is left in row `i` of `a` (columns
    /// $i+2 \dots$) with its $\tau$ in `tau[i]`, so that $Q = H_0 H_1 \cdots H_{n-3}$. The lower
    /// triangle is not read but is overwritten: it holds the mirror image of the upper one while the
    /// blocks are reduced.
    ///
    /// Blocked (the idea of LAPACK's `dsytrd` and `dlatrd`): the rank-2 updates of [#BLOCK]
    /// consecutive steps are not applied to the trailing matrix one by one. Step $i$ of a panel needs
    /// only row $i$ of the current matrix and the product of the current trailing matrix with $v_i$;
    /// both are obtained from the matrix $A_0$ as it was when the panel began, corrected by the
    /// panel's earlier vectors: with $V$ and $W$ holding the $v_j$ and $w_j$ of the earlier steps as
    /// columns, the current matrix is $A_0 - V W^\top - W V^\top$, so
    /// $A v_i = A_0 v_i - V (W^\top v_i) - W (V^\top v_i)$. At the end of the panel the whole trailing
    /// matrix takes the accumulated update at once, $A \leftarrow A - V W^\top - W V^\top$, one GEMM
    /// with inner dimension $2 \cdot nb$: half of the $\tfrac43 n^3$ flops. The other half, the product
    /// $A_0 v_i$, reads the trailing matrix once per step and is bound by memory; it runs over whole
    /// rows of both triangles (a sum of rows, $A_0 v = \sum_r v_r a_r$, which [MatrixVector] vectorises),
    /// which is why the lower triangle is kept as a mirror image. The last [#CROSSOVER] rows and columns
    /// are reduced by [#reduceUnblocked].
    ///
    /// Rounding: the same reflectors as the unblocked reduction, up to rounding (the sums are
    /// ordered differently).
    static void reduce(double[] a, int n, double[] d, double[] e, double[] tau) {
        reduce(a, n, d, e, tau, BLOCK, CROSSOVER);
    }

    /// [#reduce(double[], int, double[], double[], double[])] with a chosen panel width and
    /// crossover, so that tests can exercise the blocked path on small matrices.
    static void reduce(double[] a, int n, double[] d, double[] e, double[] tau, int block, int crossover) {
        int b = 0;
        if (n - block > crossover) {
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    a[j * n + i] = a[i * n + j];
                }
            }
            // Rows 0..block-1: w_j of the panel; rows block..2·block-1: v_j. Indexed like A's columns.
            double[] wv = new double[2 * block * n];
            double[] vw = new double[n * 2 * block];
            double[] coefficients = new double[2 * block];
            for (; n - b - block > crossover; b += block) {
                panel(a, n, b, block, d, e, tau, wv, coefficients);
                int s = b + block;
                int t = n - s;
                // vw (t × 2·block) = [V W] restricted to rows s.., so that A -= [V W] [W V]ᵀ.
                for (int r = 0; r < t; r++) {
                    for (int j = 0; j < block; j++) {
                        vw[r * 2 * block + j] = wv[(block + j) * n + s + r];
                        vw[r * 2 * block + block + j] = wv[j * n + s + r];
                    }
                }
                Gemm.gemm(t, t, 2 * block, -1.0, vw, 0, 2 * block, wv, s, n, 1.0, a, s * n + s, n);
            }
        }
        reduceUnblocked(a, n, b, d, e, tau);
    }

    /// Steps `b .. b+block-1` of the blocked reduction, leaving the trailing matrix untouched; on return
    /// row `j` of `wv` holds $w_{b+j}$ and row `block + j` holds $v_{b+j}$ (entries $> b+j$).
    private static void panel(
            double[] a, int n, int b, int block, double[] d, double[] e, double[] tau, double[] wv, double[] coef) {
        for (int j = 0; j < block; j++) {
            int i = b + j;
            int row = i * n;
            int s = i + 1;
            int len = n - s;
            // Row i of the current matrix, from the diagonal on: A0 − V Wᵀ − W Vᵀ.
            for (int l = 0; l < j; l++) {
                int wl = l * n;
                int vl = (block + l) * n;
                double vi = wv[vl + i];
                double wi = wv[wl + i];
                for (int c = i; c < n; c++) {
                    a[row + c] -= vi * wv[wl + c] + wi * wv[vl + c];
                }
            }
            double t = Reflectors.generate(a, row + s, len);
            d[i] = a[row + i];
            e[i] = a[row + s];
            tau[i] = t;
            int wj = j * n;
            int vj = (block + j) * n;
            if (t == 0.0) {
                java.util.Arrays.fill(wv, wj + s, wj + n, 0.0);
                java.util.Arrays.fill(wv, vj + s, vj + n, 0.0);
                continue;
            }
            wv[vj + s] = 1.0;
            System.arraycopy(a, row + s + 1, wv, vj + s + 1, len - 1);
            // p = A v = A0 v − V (Wᵀ v) − W (Vᵀ v) on indices s..n-1.
            MatrixVector.transposeTimes(a, s * n + s, n, len, len, wv, vj + s, wv, wj + s);
            for (int l = 0; l < j; l++) {
                coef[l] = Dots.dot(wv, l * n + s, wv, vj + s, len);
                coef[block + l] = Dots.dot(wv, (block + l) * n + s, wv, vj + s, len);
            }
            for (int l = 0; l < j; l++) {
                int wl = l * n;
                int vl = (block + l) * n;
                double cw = coef[l];
                double cv = coef[block + l];
                for (int c = s; c < n; c++) {
                    wv[wj + c] -= cw * wv[vl + c] + cv * wv[wl + c];
                }
            }
            // w = τ p − (τ/2)(τ pᵀv) v
            double pv = 0.0;
            for (int c = s; c < n; c++) {
                wv[wj + c] *= t;
                pv += wv[wj + c] * wv[vj + c];
            }
            double alpha = -0.5 * t * pv;
            for (int c = s; c < n; c++) {
                wv[wj + c] += alpha * wv[vj + c];
            }
        }
    }

    /// The unblocked reduction from step `from` on, reading and writing only the upper triangle of
    /// rows `from ..` (the specification of the blocked [#reduce], and its last [#CROSSOVER] steps).
    ///
    /// Step $i$ is the symmetric rank-2 update $A_{22} \leftarrow A_{22} - v w^\top - w v^\top$ with
    /// $p = \tau A_{22} v$, $w = p - \tfrac{\tau}{2}(p^\top v) v$; both sweeps over $A_{22}$ run along
    /// rows of the upper triangle. Cost: $\tfrac43 (n - \text{from})^3$ flops.
    static void reduceUnblocked(double[] a, int n, int from, double[] d, double[] e, double[] tau) {
        double[] v = new double[n];
        double[] w = new double[n];
        for (int i = from; i < n - 1; i++) {
            int s = i + 1;
            double t = Reflectors.generate(a, i * n + s, n - s);
            d[i] = a[i * n + i];
            e[i] = a[i * n + s];
            tau[i] = t;
            if (t == 0.0) {
                continue;
            }
            v[s] = 1.0;
            System.arraycopy(a, i * n + s + 1, v, s + 1, n - s - 1);
            java.util.Arrays.fill(w, s, n, 0.0);
            // w = A22 v from the upper triangle: row j contributes Σ_k a_jk v_k to w_j and a_jk v_j to w_k.
            for (int j = s; j < n; j++) {
                int row = j * n;
                double vj = v[j];
                for (int k = j + 1; k < n; k++) {
                    w[k] += a[row + k] * vj;
                }
                w[j] += a[row + j] * vj + Dots.dot(a, row + j + 1, v, j + 1, n - j - 1);
            }
            double pv = 0.0;
            for (int k = s; k < n; k++) {
                w[k] *= t;
                pv += w[k] * v[k];
            }
            double alpha = -0.5 * t * pv;
            for (int k = s; k < n; k++) {
                w[k] += alpha * v[k];
            }
            for (int j = s; j < n; j++) {
                int row = j * n;
                double vj = v[j];
                double wj = w[j];
                for (int k = j; k < n; k++) {
                    a[row + k] -= vj * w[k] + wj * v[k];
                }
            }
        }
        if (n > 0) {
            d[n - 1] = a[(n - 1) * n + (n - 1)];
        }
    }

    /// Diagonalises the symmetric tridiagonal matrix $(d, e)$ in place by implicit QR steps with
    /// Wilkinson shifts (Golub and Van Loan, Algorithm 8.3.2), deflating whenever
    /// $|e_k| \le \varepsilon (|d_k| + |d_{k+1}|)$. Each step's rotations are queued on `rotations`
    /// (rows $k, k+1$ of $Y^\top$, where $T = Y \Lambda Y^\top$), unless it is `null`.
    ///
    /// Cost: $O(n^2)$ flops without vectors; about $6 n^3$ for the rotations with them (two steps per
    /// eigenvalue on average).
    ///
    /// @throws ConvergenceException after $30 n$ steps, naming the count
    static void diagonalize(double[] d, double[] e, int n, PlaneRotations rotations) {
        int limit = Tolerances.QR_ITERATIONS_PER_EIGENVALUE * Math.max(n, 1);
        int steps = 0;
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
            if (++steps > limit) {
                throw new ConvergenceException(
                        "symmetric tridiagonal QR on a %d×%d matrix did not converge in %d steps (eigenvalues %d..%d left)"
                                .formatted(n, n, limit, lo, hi));
            }
            step(d, e, lo, hi, rotations);
        }
    }

    /// Whether $e$ is negligible next to its neighbours on the diagonal (or below the smallest normal
    /// double).
    private static boolean negligible(double e, double d0, double d1) {
        double ae = Math.abs(e);
        return ae <= Tolerances.MACHINE_EPSILON * (Math.abs(d0) + Math.abs(d1)) || ae < Double.MIN_NORMAL;
    }

    /// One implicit QR step on the unreduced block `lo..hi`: the Wilkinson shift $\mu$ (the eigenvalue
    /// of the trailing 2×2 block closer to $d_{hi}$), a rotation in rows `lo, lo+1` that would zero the
    /// first column of $T - \mu I$ below the diagonal, then the bulge chased down to the end.
    private static void step(double[] d, double[] e, int lo, int hi, PlaneRotations rotations) {
        double g = 0.5 * (d[hi - 1] - d[hi]);
        double b = e[hi - 1];
        double r0 = PlaneRotations.hypot(g, b);
        double mu = d[hi] - b * (b / (g + Math.copySign(r0, g)));
        double x = d[lo] - mu;
        double z = e[lo];
        for (int k = lo; k < hi; k++) {
            double r = PlaneRotations.hypot(x, z);
            double c;
            double s;
            if (r == 0.0) {
                c = 1.0;
                s = 0.0;
            } else {
                c = x / r;
                s = z / r;
            }
            if (k > lo) {
                e[k - 1] = r;
            }
            double dk = d[k];
            double dk1 = d[k + 1];
            double ek = e[k];
            double cs2 = 2.0 * c * s * ek;
            d[k] = c * c * dk + cs2 + s * s * dk1;
            d[k + 1] = s * s * dk - cs2 + c * c * dk1;
            e[k] = c * s * (dk1 - dk) + (c * c - s * s) * ek;
            if (k < hi - 1) {
                x = e[k];
                z = s * e[k + 1];
                e[k + 1] *= c;
            }
            if (rotations != null) {
                rotations.add(k, k + 1, c, s);
            }
        }
    }
}
