package dev.lemma.linalg;

import java.util.Arrays;

/// Reduction of a square matrix to upper Hessenberg form by Householder similarity transformations:
/// $H = Q^\top A Q$ with $Q$ orthogonal and $h_{ij} = 0$ for $i > j + 1$.
///
/// Step $j = 0 \dots n-3$ takes the part of column $j$ below the diagonal, $a_{j+1:n,\,j}$, builds
/// the reflector $P_j = I - \tau_j v_j v_j^\top$ (acting on rows and columns $j+1 \dots n-1$) that
/// maps it to $\beta e_1$, and applies it on both sides, $A \leftarrow P_j A P_j$. From the left it
/// zeroes $a_{j+2:n,\,j}$; from the right it mixes only columns $j+1 \dots n-1$, so the zeros made so
/// far stay. A similarity keeps the eigenvalues, and $Q = P_0 P_1 \cdots P_{n-3}$.
///
/// Why not go all the way to triangular form with a QR factorisation? Because the right-hand factor
/// would fill the zeros back in: a finite sequence of similarities cannot reveal the eigenvalues of a
/// general matrix (they are roots of a polynomial of degree $n$), but it can reach Hessenberg form,
/// which makes every QR iteration afterwards cost $O(n^2)$ instead of $O(n^3)$.
///
/// Cost: $\tfrac{10}{3} n^3$ flops for $H$ and $\tfrac43 n^3$ for $Q$, which is formed by applying the
/// reflectors to the identity in reverse order, so that each touches only the trailing rows and
/// columns still different from the identity ([Householder#formQ]). Non-finite entries propagate
/// into $H$ and $Q$.
///
/// References: G. H. Golub and C. F. Van Loan, *Matrix Computations*, 4th ed., 2013, Algorithm 7.4.2
/// and §5.1.6 (accumulating $Q$); J. H. Wilkinson, *The Algebraic Eigenvalue Problem*, Oxford, 1965,
/// chapter 6.
final class Hessenberg {
    private Hessenberg() {}

    /// Reduces the row-major `n×n` array `h` in place to upper Hessenberg form (entries below the
    /// subdiagonal set to zero) and returns $Q$, row-major, with $A = Q H Q^\top$.
    static double[] reduce(double[] h, int n) {
        int count = Math.max(n - 2, 0);
        // Q = diag(1, Q₁), Q₁ of order m = n − 1. Reflector j is kept for Householder.formQ in column
        // j of the m×count array `packed`, below row j (row i of packed is row i + 1 of H).
        int m = Math.max(n - 1, 0);
        double[] packed = new double[m * count];
        double[] tau = new double[count];
        double[] v = new double[n]; // the current reflector, indexed like H's rows
        double[] w = new double[n];
        for (int j = 0; j < count; j++) {
            int first = j + 1; // first row and column that P_j touches
            for (int i = first; i < n; i++) {
                v[i] = h[i * n + j];
            }
            tau[j] = Reflectors.generate(v, first, n - first);
            if (tau[j] == 0.0) {
                continue; // column j is already zero below the subdiagonal: P_j = I
            }
            h[first * n + j] = v[first]; // β
            v[first] = 1.0;
            for (int i = first + 1; i < n; i++) {
                h[i * n + j] = 0.0;
                packed[(i - 1) * count + j] = v[i];
            }
            reflectRows(h, n, v, first, tau[j], w);
            reflectColumns(h, n, v, first, tau[j]);
        }
        // Backwards and unblocked: at n = 500 this measured twice as fast as the blocked compact WY
        // form of Reflectors.applyFromRight.
        double[] q1 = Householder.formQ(packed, m, count, tau, m);
        double[] q = new double[n * n];
        if (n > 0) {
            q[0] = 1.0;
        }
        for (int i = 1; i < n; i++) {
            System.arraycopy(q1, (i - 1) * m, q, i * n + 1, m);
        }
        return q;
    }

    /// $H_{f:n,\,f:n} \leftarrow (I - \tau v v^\top) H_{f:n,\,f:n}$, with $v$ at `v[f .. n)`.
    ///
    /// Computed as $w^\top = \tau v^\top H$, accumulated one row of $H$ at a time, then
    /// $H \leftarrow H - v w^\top$, so both loops run along rows. Column $f - 1$ is left out: its new
    /// value $\beta e_1$ is already known.
    private static void reflectRows(double[] h, int n, double[] v, int f, double tau, double[] w) {
        Arrays.fill(w, f, n, 0.0);
        for (int i = f; i < n; i++) {
            double vi = v[i];
            int row = i * n;
            for (int c = f; c < n; c++) {
                w[c] += vi * h[row + c];
            }
        }
        for (int i = f; i < n; i++) {
            double tauVi = tau * v[i];
            int row = i * n;
            for (int c = f; c < n; c++) {
                h[row + c] -= tauVi * w[c];
            }
        }
    }

    /// $H_{0:n,\,f:n} \leftarrow H_{0:n,\,f:n} (I - \tau v v^\top)$: every row, top to bottom, loses
    /// $\tau (h_{i,f:n} \cdot v) v^\top$.
    private static void reflectColumns(double[] h, int n, double[] v, int f, double tau) {
        for (int i = 0; i < n; i++) {
            int row = i * n;
            double s = tau * Dots.dot(h, row + f, v, f, n - f);
            for (int c = f; c < n; c++) {
                h[row + c] -= s * v[c];
            }
        }
    }
}
