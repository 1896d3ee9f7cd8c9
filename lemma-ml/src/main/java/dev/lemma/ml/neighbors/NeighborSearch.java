package dev.lemma.ml.neighbors;

import dev.lemma.linalg.Matrix;

/// An exact $k$-nearest-neighbour search over a fixed set of training rows, in Euclidean distance.
///
/// Order: ascending distance, ties by ascending training index. The squared distance of every pair is
/// computed the same way by every implementation, $\sum_j (q_j - x_j)^2$ summed over $j = 0, 1, \dots$,
/// so they agree exactly, ties included.
public sealed interface NeighborSearch permits BruteForce, KDTree {

    /// @return $m$, the number of training rows
    int size();

    /// @return $d$, the number of features
    int dimension();

    /// The $k$ nearest training rows of each row of `x`.
    ///
    /// @param x the queries, $q \times d$
    /// @param k the number of neighbours, $1 \le k \le m$
    /// @return indices and distances
    /// @throws IllegalArgumentException if `x` has the wrong number of columns or a non-finite entry, or $k$
    ///     is out of range
    default Neighbors query(Matrix x, int k) {
        return search(x, k).neighbors();
    }

    /// The same search with a flat result: no array per query, squared distances (no square roots).
    ///
    /// @param x the queries, $q \times d$
    /// @param k the number of neighbours, $1 \le k \le m$
    /// @return the neighbours
    /// @throws IllegalArgumentException if `x` has the wrong number of columns or a non-finite entry, or $k$
    ///     is out of range
    Result search(Matrix x, int k);

    /// Neighbours in flat arrays, `k` per query, row-major: query $i$'s $r$-th neighbour is training row
    /// `index[i * k + r]` at squared distance `squared[i * k + r]`.
    ///
    /// @param k the neighbours per query
    /// @param index the training rows
    /// @param squared the squared Euclidean distances
    @SuppressWarnings("ArrayRecordComponent") // a result handed to the caller, who owns it
    record Result(int k, int[] index, double[] squared) {

        /// @return the result as [Neighbors], with distances $\sqrt{\cdot}$
        public Neighbors neighbors() {
            int q = k == 0 ? 0 : index.length / k;
            int[][] indices = new int[q][k];
            double[][] distances = new double[q][k];
            for (int i = 0; i < q; i++) {
                for (int r = 0; r < k; r++) {
                    indices[i][r] = index[i * k + r];
                    distances[i][r] = Math.sqrt(squared[i * k + r]);
                }
            }
            return new Neighbors(indices, distances);
        }
    }

    /// Checks a query against the training set.
    static void check(String who, Matrix x, int k, int size, int dimension) {
        if (x.cols() != dimension) {
            throw new IllegalArgumentException(who + ": the training rows have " + dimension
                    + " features but the queries have " + x.cols() + " (a " + x.rows() + "×" + x.cols()
                    + " matrix)");
        }
        if (k < 1 || k > size) {
            throw new IllegalArgumentException(
                    who + ": n_neighbors = " + k + " but the training set has " + size + " rows; need 1 ≤ k ≤ " + size);
        }
        for (int i = 0; i < x.rows(); i++) {
            for (int j = 0; j < dimension; j++) {
                double v = x.get(i, j);
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException(
                            who + ": query row " + i + ", column " + j + " is " + v + "; it must be finite");
                }
            }
        }
    }
}
