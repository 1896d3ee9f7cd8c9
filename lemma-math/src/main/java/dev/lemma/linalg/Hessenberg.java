package dev.lemma.linalg;

/// Reduction of a square matrix to upper Hessenberg form by Householder similarity transformations,
/// $H = Q^\top A Q$ with $h_{ij} = 0$ for $i > j + 1$, and the accumulation of $Q$.
///
/// Reflector $k$ ($k = 1 \dots n-2$) zeroes column $k-1$ below row $k$; applying it on both sides keeps
/// the eigenvalues. Cost: $\tfrac{10}{3} n^3$ flops, plus $\tfrac43 n^3$ to form $Q$.
///
/// References: Golub and Van Loan, *Matrix Computations*, 4th ed., Algorithm 7.4.2; EISPACK `orthes`
/// and `ortran` (Smith et al., *Matrix Eigensystem Routines – EISPACK Guide*, Springer, 1976), as
/// translated in JAMA (public domain).
final class Hessenberg {
    private Hessenberg() {}

    /// Reduces the row-major `n×n` array `h` in place to upper Hessenberg form (entries below the
    /// subdiagonal set to zero) and returns $Q$, row-major, with $A = Q H Q^\top$.
    static double[] reduce(double[] h, int n) {
        double[] ort = new double[n];
        double[] f = new double[n];
        double[] vs = new double[n * n]; // reflector k in row k, columns k..n-1 (unscaled, as in orthes)
        double[] hs = new double[n]; // the matching h = ‖u‖²/2-like divisor of each reflector
        for (int m = 1; m < n - 1; m++) {
            double scale = 0.0;
            for (int i = m; i < n; i++) {
                scale += Math.abs(h[i * n + m - 1]);
            }
            if (scale == 0.0) {
                continue;
            }
            double sumSq = 0.0;
            for (int i = n - 1; i >= m; i--) {
                ort[i] = h[i * n + m - 1] / scale;
                sumSq += ort[i] * ort[i];
            }
            double g = Math.sqrt(sumSq);
            if (ort[m] > 0) {
                g = -g;
            }
            double hh = sumSq - ort[m] * g;
            ort[m] -= g;
            // H ← (I − u uᵀ/h) H: f_j = Σ_i u_i h_ij / h accumulated along rows.
            java.util.Arrays.fill(f, m, n, 0.0);
            for (int i = m; i < n; i++) {
                double ui = ort[i];
                int row = i * n;
                for (int j = m; j < n; j++) {
                    f[j] += ui * h[row + j];
                }
            }
            for (int i = m; i < n; i++) {
                double ui = ort[i] / hh;
                int row = i * n;
                for (int j = m; j < n; j++) {
                    h[row + j] -= ui * f[j];
                }
            }
            // H ← H (I − u uᵀ/h): for each row, one dot product and one update.
            for (int i = 0; i < n; i++) {
                int row = i * n;
                double dot = Dots.dot(h, row + m, ort, m, n - m) / hh;
                for (int j = m; j < n; j++) {
                    h[row + j] -= dot * ort[j];
                }
            }
            h[m * n + m - 1] = scale * g;
            for (int i = m + 1; i < n; i++) {
                h[i * n + m - 1] = 0.0;
            }
            System.arraycopy(ort, m, vs, m * n + m, n - m);
            hs[m] = hh;
        }
        // Q = P_1 P_2 ⋯ P_{n-2}, built backwards: Q ← P_m Q touches rows and columns m..n-1 only.
        double[] q = Matrix.identity(n).data();
        for (int m = n - 2; m >= 1; m--) {
            if (hs[m] == 0.0) {
                continue;
            }
            int vm = m * n;
            java.util.Arrays.fill(f, m, n, 0.0);
            for (int i = m; i < n; i++) {
                double ui = vs[vm + i];
                int row = i * n;
                for (int j = m; j < n; j++) {
                    f[j] += ui * q[row + j];
                }
            }
            for (int i = m; i < n; i++) {
                double ui = vs[vm + i] / hs[m];
                int row = i * n;
                for (int j = m; j < n; j++) {
                    q[row + j] -= ui * f[j];
                }
            }
        }
        return q;
    }
}
