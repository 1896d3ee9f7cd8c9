package dev.lemma.linalg;

import dev.lemma.numeric.ConvergenceException;
import dev.lemma.numeric.Tolerances;

/// The thin singular value decomposition $A = U \Sigma V^\top$ of an `m×n` matrix: with
/// $p = \min(m, n)$, $U$ is `m×p` and $V$ is `n×p`, both with orthonormal columns, and
/// $\Sigma = \mathrm{diag}(\sigma_0 \ge \sigma_1 \ge \dots \ge \sigma_{p-1} \ge 0)$.
///
/// Computed by one-sided Jacobi (Hestenes 1958; Demmel and Veselić, "Jacobi's method is more accurate
/// than QR", SIAM J. Matrix Anal. Appl. 13(4), 1992): plane rotations applied to the columns of
/// $A$ make them mutually orthogonal; then the column norms are the singular values. Small singular
/// values come out with high relative accuracy when $A$'s columns are well scaled.
///
/// Book: chapter 1, section "The singular value decomposition".
///
/// @param u the left singular vectors, `m×p`
/// @param singularValues $\sigma$, descending, length $p$
/// @param v the right singular vectors, `n×p`
public record Svd(Matrix u, Vector singularValues, Matrix v) {

    /// Decomposes any matrix.
    ///
    /// @param a the matrix
    /// @return its thin SVD
    /// @throws dev.lemma.numeric.NonFiniteValueException naming the first NaN or infinite entry
    /// @throws ConvergenceException if the Jacobi sweeps do not converge within
    ///     [Tolerances#JACOBI_MAX_SWEEPS]
    public static Svd of(Matrix a) {
        a.requireFinite("A");
        if (a.rows() < a.cols()) {
            Svd t = of(a.transpose());
            return new Svd(t.v, t.singularValues, t.u);
        }
        int m = a.rows();
        int n = a.cols();
        // Row j of `w` is column j of A (so the rotations run along contiguous memory); V likewise.
        double[] w = a.transpose().toRowMajorArray();
        double[] vt = Matrix.identity(n).toRowMajorArray();
        double tolerance = m * Tolerances.MACHINE_EPSILON;
        boolean rotated = true;
        int sweep = 0;
        while (rotated) {
            if (sweep++ == Tolerances.JACOBI_MAX_SWEEPS) {
                throw new ConvergenceException("one-sided Jacobi SVD of a %d×%d matrix did not converge in %d sweeps"
                        .formatted(m, n, Tolerances.JACOBI_MAX_SWEEPS));
            }
            rotated = false;
            for (int p = 0; p < n - 1; p++) {
                for (int q = p + 1; q < n; q++) {
                    double alpha = 0.0;
                    double beta = 0.0;
                    double gamma = 0.0;
                    for (int i = 0; i < m; i++) {
                        double x = w[p * m + i];
                        double y = w[q * m + i];
                        alpha += x * x;
                        beta += y * y;
                        gamma += x * y;
                    }
                    if (gamma == 0.0 || Math.abs(gamma) <= tolerance * Math.sqrt(alpha * beta)) {
                        continue;
                    }
                    rotated = true;
                    // The rotation that zeroes the (p, q) entry of the Gram matrix [[α, γ], [γ, β]].
                    double zeta = (beta - alpha) / (2.0 * gamma);
                    double t = Math.signum(zeta) / (Math.abs(zeta) + Math.hypot(1.0, zeta));
                    if (zeta == 0.0) {
                        t = 1.0;
                    }
                    double c = 1.0 / Math.hypot(1.0, t);
                    double s = c * t;
                    rotate(w, m, p, q, c, s);
                    rotate(vt, n, p, q, c, s);
                }
            }
        }
        double[] sigma = new double[n];
        for (int j = 0; j < n; j++) {
            sigma[j] = Vector.norm2(w, j * m, (j + 1) * m);
        }
        Integer[] order = new Integer[n];
        for (int j = 0; j < n; j++) {
            order[j] = j;
        }
        java.util.Arrays.sort(order, (x, y) -> Double.compare(sigma[y], sigma[x]));
        double[] u = new double[m * n];
        double[] v = new double[n * n];
        double[] s = new double[n];
        double threshold = n == 0 ? 0.0 : Tolerances.rankTolerance(sigma[order[0]], m, n);
        for (int k = 0; k < n; k++) {
            int j = order[k];
            s[k] = sigma[j];
            for (int i = 0; i < n; i++) {
                v[i * n + k] = vt[j * n + i];
            }
            if (sigma[j] > threshold) {
                for (int i = 0; i < m; i++) {
                    u[i * n + k] = w[j * m + i] / sigma[j];
                }
            }
        }
        completeOrthonormalColumns(u, m, n, s, threshold);
        return new Svd(Matrix.wrap(m, n, u), Vector.wrap(s), Matrix.wrap(n, n, v));
    }

    /// $[x_p, x_q] \leftarrow [c x_p - s x_q,\; s x_p + c x_q]$ for rows `p` and `q` of length `len`.
    private static void rotate(double[] a, int len, int p, int q, double c, double s) {
        for (int i = 0; i < len; i++) {
            double x = a[p * len + i];
            double y = a[q * len + i];
            a[p * len + i] = c * x - s * y;
            a[q * len + i] = s * x + c * y;
        }
    }

    /// Columns of `u` whose singular value is negligible are not determined by $A$; fill them with
    /// unit vectors orthogonal to the others (Gram–Schmidt, twice, on standard basis vectors), so that
    /// $U^\top U = I$ holds for every SVD.
    private static void completeOrthonormalColumns(double[] u, int m, int n, double[] s, double threshold) {
        int candidate = 0;
        double[] x = new double[m];
        for (int k = 0; k < n; k++) {
            if (s[k] > threshold) {
                continue;
            }
            while (true) {
                java.util.Arrays.fill(x, 0.0);
                x[candidate++ % m] = 1.0;
                for (int pass = 0; pass < 2; pass++) {
                    for (int j = 0; j < n; j++) {
                        if (j == k || (s[j] <= threshold && j > k)) {
                            continue;
                        }
                        double d = 0.0;
                        for (int i = 0; i < m; i++) {
                            d += u[i * n + j] * x[i];
                        }
                        for (int i = 0; i < m; i++) {
                            x[i] -= d * u[i * n + j];
                        }
                    }
                }
                double norm = Vector.norm2(x, 0, m);
                if (norm > 0.5) {
                    for (int i = 0; i < m; i++) {
                        u[i * n + k] = x[i] / norm;
                    }
                    break;
                }
            }
        }
    }

    /// @return $\|A\|_2 = \sigma_0$ (0 for an empty matrix)
    public double norm2() {
        return singularValues.size() == 0 ? 0.0 : singularValues.get(0);
    }

    /// @return the rank tolerance $\sigma_0 \max(m, n) \varepsilon$ used by [#rank()] and
    ///     [#pseudoInverse()]
    public double rankTolerance() {
        return Tolerances.rankTolerance(norm2(), u.rows(), v.rows());
    }

    /// @return the number of singular values above [#rankTolerance()]
    public int rank() {
        double threshold = rankTolerance();
        int r = 0;
        while (r < singularValues.size() && singularValues.get(r) > threshold) {
            r++;
        }
        return r;
    }

    /// @return $\kappa_2 = \sigma_0 / \sigma_{p-1}$, infinite if $\sigma_{p-1} = 0$ (and NaN for an
    ///     empty matrix)
    public double conditionNumber() {
        int p = singularValues.size();
        return p == 0 ? Double.NaN : singularValues.get(0) / singularValues.get(p - 1);
    }

    /// $A^+ = V \Sigma^+ U^\top$, inverting only the singular values above [#rankTolerance()].
    ///
    /// @return the pseudo-inverse, `n×m`
    public Matrix pseudoInverse() {
        int r = rank();
        Matrix vr = v.block(0, v.rows(), 0, r);
        Matrix ur = u.block(0, u.rows(), 0, r);
        double[] scaled = vr.toRowMajorArray();
        for (int i = 0; i < vr.rows(); i++) {
            for (int k = 0; k < r; k++) {
                scaled[i * r + k] /= singularValues.get(k);
            }
        }
        return Matrix.wrap(vr.rows(), r, scaled).times(ur.transpose());
    }

    /// The best rank-$k$ approximation $A_k = \sum_{i<k} \sigma_i u_i v_i^\top$; by the Eckart–Young
    /// theorem no matrix of rank $\le k$ is closer to $A$ in the 2-norm ($\|A - A_k\|_2 = \sigma_k$) or
    /// the Frobenius norm ($\|A - A_k\|_F^2 = \sum_{i \ge k} \sigma_i^2$).
    ///
    /// @param k the rank, $0 \le k \le p$
    /// @return $A_k$
    /// @throws IllegalArgumentException if `k` is outside $[0, p]$
    public Matrix lowRankApproximation(int k) {
        dev.lemma.numeric.Checks.argument(
                k >= 0 && k <= singularValues.size(), "rank k = %d is outside [0, %d]", k, singularValues.size());
        Matrix uk = u.block(0, u.rows(), 0, k);
        double[] scaled = uk.toRowMajorArray();
        for (int i = 0; i < uk.rows(); i++) {
            for (int j = 0; j < k; j++) {
                scaled[i * k + j] *= singularValues.get(j);
            }
        }
        return Matrix.wrap(uk.rows(), k, scaled)
                .times(v.block(0, v.rows(), 0, k).transpose());
    }
}
