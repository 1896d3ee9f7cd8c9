package dev.lemma.linalg;

import dev.lemma.numeric.ConvergenceException;
import dev.lemma.numeric.Tolerances;
import java.util.Arrays;

/// The thin singular value decomposition $A = U \Sigma V^\top$ of an `m×n` matrix: with
/// $p = \min(m, n)$, $U$ is `m×p` and $V$ is `n×p`, both with orthonormal columns (also when $A$ is
/// rank-deficient), and $\Sigma = \mathrm{diag}(\sigma_0 \ge \sigma_1 \ge \dots \ge \sigma_{p-1} \ge 0)$.
///
/// Computed by the Golub–Kahan–Reinsch algorithm, for $m \ge n$ (a wide matrix is decomposed through
/// its transpose):
///
/// 1. Householder bidiagonalisation $B = Q_L^\top A Q_R$, $4 m n^2 - \tfrac43 n^3$ flops, blocked so
///    that half of them run in the GEMM kernel ([Bidiagonal#reduce]);
/// 2. implicit QR sweeps on the bidiagonal $B = U_B \Sigma V_B^\top$, shifted by the smaller singular
///    value of the trailing 2×2 block, or Demmel and Kahan's zero-shift sweep when that shift is
///    negligible; the rotations are queued and applied to $U_B^\top$ and $V_B^\top$ in cache-sized
///    strips by a vectorised kernel ([PlaneRotations]), about $12 n^3$ flops ($O(n^2)$ for the
///    values alone, [#valuesOf(Matrix)]);
/// 3. the back-transformations $U = Q_L \begin{pmatrix} U_B \\ 0 \end{pmatrix}$, $V = Q_R V_B$ with
///    blocked reflectors, $4 m n^2 - 2 n^3$ flops mostly in the GEMM kernel.
///
/// Accuracy: $U \Sigma V^\top$ is the exact SVD of $A + E$ with $\|E\|_2 = O(\max(m,n)\, u\,
/// \|A\|_2)$, so each $\sigma_i$ is within that of the truth (Weyl); $U$ and $V$ are orthonormal to
/// $O(\max(m,n)\, u)$. Matrices with entries beyond $2^{\pm 500}$ are scaled by a power of 2 first.
///
/// One-sided Jacobi (Demmel and Veselić, 1992) was Lemma's first SVD: it can be more accurate for
/// small singular values of well-scaled matrices, but it costs several times more (each sweep is
/// $O(m n^2)$ and it needs 6 to 10 of them), so it was replaced.
///
/// Book: chapter 1, section "The singular value decomposition".
///
/// References: G. H. Golub and C. Reinsch, "Singular value decomposition and least squares
/// solutions", Numer. Math. 14, 1970; J. Demmel and W. Kahan, "Accurate singular values of bidiagonal
/// matrices", SIAM J. Sci. Stat. Comput. 11(5), 1990; G. H. Golub and C. F. Van Loan, *Matrix
/// Computations*, 4th ed., 2013, §8.6; LAPACK `dgesvd` (`dgebrd`, `dbdsqr`, `dormbr`).
///
/// @param u the left singular vectors, `m×p`
/// @param singularValues $\sigma$, descending, length $p$
/// @param v the right singular vectors, `n×p`
public record Svd(Matrix u, Vector singularValues, Matrix v) {

    /// Decomposes any matrix.
    ///
    /// Cost: about $4 m n^2 + 8 n^3$ flops for $m \ge n$ (and the same with $m$ and $n$ swapped).
    ///
    /// @param a the matrix
    /// @return its thin SVD
    /// @throws dev.lemma.numeric.NonFiniteValueException naming the row and column of the first NaN or
    ///     infinite entry
    /// @throws ConvergenceException if the bidiagonal QR iteration needs more than $30 p$ sweeps
    public static Svd of(Matrix a) {
        a.requireFinite("A");
        if (a.rows() < a.cols()) {
            Svd t = of(a.transpose());
            return new Svd(t.v, t.singularValues, t.u);
        }
        int m = a.rows();
        int n = a.cols();
        double scale = Scaling.powerOfTwo(a.data());
        double[] work = Scaling.scaledCopy(a.data(), scale);
        double[] d = new double[n];
        double[] e = new double[Math.max(n - 1, 0)];
        double[] reflectorsLeft = new double[n * m];
        double[] tauLeft = new double[n];
        double[] tauRight = new double[n];
        Bidiagonal.reduce(work, m, n, d, e, reflectorsLeft, tauLeft, tauRight);
        PlaneRotations left = PlaneRotations.identity(n); // row k: left singular vector k of B
        PlaneRotations right = PlaneRotations.identity(n);
        Bidiagonal.diagonalize(d, e, n, left, right);
        Integer[] boxedOrder = descendingMagnitude(d);
        int[] order = new int[n];
        double[] sigma = new double[n];
        for (int k = 0; k < n; k++) {
            order[k] = boxedOrder[k];
            sigma[k] = Math.abs(d[order[k]]) / scale;
        }
        // Uᵀ = [U_Bᵀ 0] H_{n-1} ⋯ H_0 and Vᵀ = V_Bᵀ G_{n-3} ⋯ G_0: rows are the singular vectors.
        double[] uFlat = left.toRowMajor(order, m);
        Reflectors.applyFromRight(uFlat, n, m, reflectorsLeft, m, n, 0, tauLeft);
        double[] vFlat = right.toRowMajor(order, n);
        for (int k = 0; k < n; k++) {
            if (d[order[k]] < 0.0) {
                for (int i = 0; i < n; i++) {
                    vFlat[k * n + i] = -vFlat[k * n + i];
                }
            }
        }
        Reflectors.applyFromRight(vFlat, n, n, work, n, Math.max(n - 2, 0), 1, tauRight);
        return new Svd(
                Matrix.wrap(n, m, uFlat).transpose(),
                Vector.wrap(sigma),
                Matrix.wrap(n, n, vFlat).transpose());
    }

    /// The singular values alone, descending: the same bidiagonalisation and QR iteration without
    /// accumulating any rotation or forming $U$ and $V$.
    ///
    /// @param a the matrix
    /// @return $\sigma_0 \ge \dots \ge \sigma_{p-1} \ge 0$
    /// @throws dev.lemma.numeric.NonFiniteValueException naming the row and column of the first NaN or
    ///     infinite entry
    /// @throws ConvergenceException if the bidiagonal QR iteration needs more than $30 p$ sweeps
    public static Vector valuesOf(Matrix a) {
        a.requireFinite("A");
        Matrix tall = a.rows() < a.cols() ? a.transpose() : a;
        int m = tall.rows();
        int n = tall.cols();
        double scale = Scaling.powerOfTwo(tall.data());
        double[] work = Scaling.scaledCopy(tall.data(), scale);
        double[] d = new double[n];
        double[] e = new double[Math.max(n - 1, 0)];
        Bidiagonal.reduce(work, m, n, d, e, new double[n * m], new double[n], new double[n]);
        Bidiagonal.diagonalize(d, e, n, null, null);
        double[] sigma = new double[n];
        for (int k = 0; k < n; k++) {
            sigma[k] = Math.abs(d[k]) / scale;
        }
        Arrays.sort(sigma);
        for (int k = 0; k < n / 2; k++) {
            double t = sigma[k];
            sigma[k] = sigma[n - 1 - k];
            sigma[n - 1 - k] = t;
        }
        return Vector.wrap(sigma);
    }

    private static Integer[] descendingMagnitude(double[] d) {
        Integer[] order = new Integer[d.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> Double.compare(Math.abs(d[y]), Math.abs(d[x])));
        return order;
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

    /// @return $\kappa_2 = \sigma_0 / \sigma_{p-1}$, infinite if $\sigma_{p-1} = 0 < \sigma_0$, and NaN
    ///     ($0/0$, as NumPy's `cond`) for a zero or empty matrix
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
