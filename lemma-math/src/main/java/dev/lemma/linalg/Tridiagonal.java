package dev.lemma.linalg;

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

    /// Reduces the symmetric matrix in the upper triangle of the row-major `n×n` array `a` (the lower
    /// triangle is neither read nor written) to tridiagonal form: `d` gets the diagonal, `e` the
    /// off-diagonal ($e_i = t_{i,i+1}$), and reflector $H_i$ ($i = 0 \dots n-3$, acting on indices
    /// $i+1 \dots n-1$) is left in row `i` of `a` (columns $i+2 \dots$) with its $\tau$ in `tau[i]`, so
    /// that $Q = H_0 H_1 \cdots H_{n-3}$.
    ///
    /// Step $i$ is the symmetric rank-2 update $A_{22} \leftarrow A_{22} - v w^\top - w v^\top$ with
    /// $p = \tau A_{22} v$, $w = p - \tfrac{\tau}{2}(p^\top v) v$; both sweeps over $A_{22}$ run along
    /// rows of the upper triangle. Cost: $\tfrac43 n^3$ flops.
    static void reduce(double[] a, int n, double[] d, double[] e, double[] tau) {
        double[] v = new double[n];
        double[] w = new double[n];
        for (int i = 0; i < n - 1; i++) {
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
