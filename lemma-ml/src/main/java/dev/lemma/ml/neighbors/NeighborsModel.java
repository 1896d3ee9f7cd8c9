package dev.lemma.ml.neighbors;

import dev.lemma.linalg.Matrix;
import dev.lemma.ml.Inputs;
import dev.lemma.ml.ModelState;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/// What the fitted k-nearest-neighbour models share: the training rows, the search built on them, the
/// neighbour query and the weights.
abstract sealed class NeighborsModel permits KNeighborsClassifier.Fitted, KNeighborsRegressor.Fitted {
    /// The training rows (immutable, so shared with the search and copied only by [#state()]).
    final Matrix fitX;
    final int k;
    final Weights weights;
    final Algorithm algorithm;
    final int leafSize;
    final Algorithm fitMethod;
    final NeighborSearch search;

    NeighborsModel(Matrix fitX, int k, Weights weights, Algorithm algorithm, int leafSize) {
        this.fitX = fitX;
        this.k = k;
        this.weights = weights;
        this.algorithm = algorithm;
        this.leafSize = leafSize;
        int m = fitX.rows();
        int d = fitX.cols();
        if (k > m) {
            throw new IllegalArgumentException(
                    kind() + ": n_neighbors = " + k + " but the training set has only " + m + " rows");
        }
        this.fitMethod = algorithm.resolve(m, d, k);
        this.search = fitMethod == Algorithm.KD_TREE ? new KDTree(fitX, leafSize) : new BruteForce(fitX);
    }

    abstract String kind();

    /// @return $d$
    public int features() {
        return fitX.cols();
    }

    /// @return the search actually used: [Algorithm#BRUTE] or [Algorithm#KD_TREE] (scikit-learn's
    ///     `_fit_method`)
    public Algorithm fitMethod() {
        return fitMethod;
    }

    /// The `n_neighbors` nearest training rows of each row of `x`, scikit-learn's `kneighbors(X)`.
    ///
    /// @param x the queries, $q \times d$
    /// @return their neighbours, nearest first (equal distances: lower training index first)
    /// @throws IllegalArgumentException if `x` has the wrong number of columns or a non-finite entry
    public Neighbors kneighbors(Matrix x) {
        return kneighbors(x, k);
    }

    /// The `n` nearest training rows of each row of `x`.
    ///
    /// @param x the queries, $q \times d$
    /// @param n the number of neighbours, $1 \le n \le m$
    /// @return their neighbours, nearest first
    /// @throws IllegalArgumentException if `x` has the wrong number of columns or a non-finite entry, or `n`
    ///     is out of range
    public Neighbors kneighbors(Matrix x, int n) {
        Inputs.prediction(kind(), x, features());
        return search.query(x, n);
    }

    NeighborSearch.Result neighbors(Matrix x) {
        Inputs.prediction(kind(), x, features());
        return search.search(x, k);
    }

    /// The weights of query `i`'s neighbours into `w`: 1 each (uniform), or $1/r$; if any neighbour is
    /// at distance 0, 1 for those and 0 for the rest (scikit-learn's `_get_weights`).
    void weights(NeighborSearch.Result result, int i, double[] w) {
        if (weights == Weights.UNIFORM) {
            java.util.Arrays.fill(w, 1.0);
            return;
        }
        boolean zero = false;
        for (int r = 0; r < k; r++) {
            double s = result.squared()[i * k + r];
            zero |= s == 0;
            w[r] = 1 / Math.sqrt(s);
        }
        if (zero) {
            for (int r = 0; r < k; r++) {
                w[r] = result.squared()[i * k + r] == 0 ? 1 : 0;
            }
        }
    }

    Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("n_neighbors", k);
        p.put("weights", weights.name().toLowerCase(Locale.ROOT));
        p.put("algorithm", algorithm.name().toLowerCase(Locale.ROOT));
        p.put("leaf_size", leafSize);
        return p;
    }

    static Weights weights(ModelState state) {
        return Weights.valueOf(((String) state.parameter("weights")).toUpperCase(Locale.ROOT));
    }

    static Algorithm algorithm(ModelState state) {
        return Algorithm.valueOf(((String) state.parameter("algorithm")).toUpperCase(Locale.ROOT));
    }

    static int integer(ModelState state, String name) {
        return ((Number) state.parameter(name)).intValue();
    }

    static String name(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
