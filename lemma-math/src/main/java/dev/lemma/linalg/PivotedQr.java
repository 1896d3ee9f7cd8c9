package dev.lemma.linalg;

import dev.lemma.numeric.Tolerances;

/// The rank-revealing QR factorisation with column pivoting, $A P = Q R$ (Businger and Golub, 1965):
/// at step $k$ the remaining column of largest norm is swapped to the front, so that
/// $|r_{00}| \ge |r_{11}| \ge \dots$ and the numerical rank shows as the first negligible diagonal
/// entry.
///
/// Column norms are downdated after each step, $\|a_j\|^2 \leftarrow \|a_j\|^2 - r_{kj}^2$, and
/// recomputed when the downdate has cancelled too much to trust (the safeguard of LAPACK `dlaqp2`,
/// after Drmač and Bujanović, 2008).
///
/// Book: chapter 1, section "Rank".
///
/// @param packed `m×n`: $R$ on and above the diagonal, the reflectors below it (columns permuted)
/// @param tau the reflectors' scalars
/// @param permutation `permutation[k]` is the column of $A$ that became column `k` of $AP$
/// @param rank the number of diagonal entries of $R$ above $\max(m,n)\,\varepsilon\,|r_{00}|$
// The array components are the factorisation's own storage: their accessors return copies, and two
// factorisations are compared through their factors, never with equals.
@SuppressWarnings("ArrayRecordComponent")
public record PivotedQr(Matrix packed, double[] tau, int[] permutation, int rank) {

    /// Factorises any matrix with column pivoting.
    ///
    /// @param a the matrix
    /// @return its pivoted QR factorisation
    /// @throws dev.lemma.numeric.NonFiniteValueException naming the first NaN or infinite entry
    public static PivotedQr of(Matrix a) {
        a.requireFinite("A");
        int m = a.rows();
        int n = a.cols();
        double[] qr = a.toRowMajorArray();
        int p = Math.min(m, n);
        double[] tau = new double[p];
        int[] perm = new int[n];
        double[] norms = new double[n];
        double[] reference = new double[n];
        for (int j = 0; j < n; j++) {
            perm[j] = j;
            norms[j] = columnNorm(qr, m, n, j, 0);
            reference[j] = norms[j];
        }
        // Cancellation in the downdate loses relative accuracy ~ u/(ratio²); recompute below this ratio.
        double recomputeThreshold = Math.sqrt(Tolerances.MACHINE_EPSILON);
        for (int k = 0; k < p; k++) {
            int best = k;
            for (int j = k + 1; j < n; j++) {
                if (norms[j] > norms[best]) {
                    best = j;
                }
            }
            if (best != k) {
                for (int i = 0; i < m; i++) {
                    double t = qr[i * n + k];
                    qr[i * n + k] = qr[i * n + best];
                    qr[i * n + best] = t;
                }
                int t = perm[k];
                perm[k] = perm[best];
                perm[best] = t;
                double s = norms[k];
                norms[k] = norms[best];
                norms[best] = s;
                s = reference[k];
                reference[k] = reference[best];
                reference[best] = s;
            }
            tau[k] = Householder.makeColumnReflector(qr, m, n, k);
            Householder.applyLeft(qr, m, n, k, tau[k], k + 1);
            for (int j = k + 1; j < n; j++) {
                if (norms[j] == 0.0) {
                    continue;
                }
                double ratio = Math.abs(qr[k * n + j]) / norms[j];
                double factor = Math.max(0.0, (1.0 - ratio) * (1.0 + ratio));
                double check = factor * (norms[j] / reference[j]) * (norms[j] / reference[j]);
                if (check <= recomputeThreshold) {
                    norms[j] = columnNorm(qr, m, n, j, k + 1);
                    reference[j] = norms[j];
                } else {
                    norms[j] *= Math.sqrt(factor);
                }
            }
        }
        double r00 = p == 0 ? 0.0 : Math.abs(qr[0]);
        double threshold = Tolerances.rankTolerance(r00, m, n);
        int rank = 0;
        while (rank < p && Math.abs(qr[rank * n + rank]) > threshold) {
            rank++;
        }
        return new PivotedQr(Matrix.wrap(m, n, qr), tau, perm, rank);
    }

    private static double columnNorm(double[] a, int m, int n, int j, int fromRow) {
        double[] column = new double[m - Math.min(fromRow, m)];
        for (int i = fromRow; i < m; i++) {
            column[i - fromRow] = a[i * n + j];
        }
        return Vector.norm2(column, 0, column.length);
    }

    /// @return a copy of the $\tau_k$
    @Override
    public double[] tau() {
        return tau.clone();
    }

    /// @return a copy of the column permutation
    @Override
    public int[] permutation() {
        return permutation.clone();
    }

    /// @return the thin factor $Q_1$, `m×min(m,n)`
    public Matrix q() {
        int m = packed.rows();
        return Matrix.wrap(m, tau.length, Householder.formQ(packed.data(), m, packed.cols(), tau, tau.length));
    }

    /// @return the full orthogonal factor $Q$, `m×m`
    public Matrix fullQ() {
        int m = packed.rows();
        return Matrix.wrap(m, m, Householder.formQ(packed.data(), m, packed.cols(), tau, m));
    }

    /// @return $R$, `min(m,n)×n`, with non-increasing diagonal magnitudes
    public Matrix r() {
        int m = packed.rows();
        int n = packed.cols();
        return Matrix.wrap(Math.min(m, n), n, Householder.upperR(packed.data(), m, n));
    }

    /// @return the permutation matrix $P$, `n×n`, with $AP = QR$
    public Matrix permutationMatrix() {
        int n = permutation.length;
        double[] p = new double[n * n];
        for (int k = 0; k < n; k++) {
            p[permutation[k] * n + k] = 1.0;
        }
        return Matrix.wrap(n, n, p);
    }
}
