package dev.lemma.ml.neighbors;

import dev.lemma.data.Dataset;
import dev.lemma.linalg.Matrix;
import dev.lemma.ml.Classifier;
import dev.lemma.ml.Inputs;
import dev.lemma.ml.Learner;
import dev.lemma.ml.ModelState;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/// The k-nearest-neighbour classifier, scikit-learn's `KNeighborsClassifier`: a query gets the class
/// with the largest (weighted) vote among its $k$ nearest training rows in Euclidean distance, and
/// $P(y = c \mid x)$ is class $c$'s share of the vote,
/// $$P(y = c \mid x) = \frac{\sum_{r \in N_k(x)} w_r [y_r = c]}{\sum_{r \in N_k(x)} w_r}.$$
/// Fitting stores the data (and builds the search); all the work is at prediction.
///
/// Ties as in scikit-learn: among equally distant rows the lower training index is the nearer, and a tied
/// vote goes to the smallest class code.
///
/// @param nNeighbors $k \ge 1$ (`n_neighbors`, default 5)
/// @param weights uniform votes or $1/\text{distance}$ (`weights`)
/// @param algorithm the search (`algorithm`)
/// @param leafSize the k-d tree's bucket size (`leaf_size`, default 30)
public record KNeighborsClassifier(int nNeighbors, Weights weights, Algorithm algorithm, int leafSize)
        implements Learner<KNeighborsClassifier.Fitted> {

    /// Checks the settings.
    ///
    /// @throws IllegalArgumentException naming a setting out of range
    public KNeighborsClassifier {
        check("KNeighborsClassifier", nNeighbors, weights, algorithm, leafSize);
    }

    /// scikit-learn's defaults: 5 neighbours, uniform weights, automatic search, leaves of 30.
    public KNeighborsClassifier() {
        this(5);
    }

    /// With $k$ neighbours and the other defaults.
    ///
    /// @param nNeighbors $k$
    public KNeighborsClassifier(int nNeighbors) {
        this(nNeighbors, Weights.UNIFORM, Algorithm.AUTO, 30);
    }

    static void check(String who, int nNeighbors, Weights weights, Algorithm algorithm, int leafSize) {
        if (nNeighbors < 1) {
            throw new IllegalArgumentException(who + ": n_neighbors must be ≥ 1, got " + nNeighbors);
        }
        if (weights == null) {
            throw new IllegalArgumentException(who + ": weights must be UNIFORM or DISTANCE");
        }
        if (algorithm == null) {
            throw new IllegalArgumentException(who + ": algorithm must be AUTO, BRUTE or KD_TREE");
        }
        if (leafSize < 1) {
            throw new IllegalArgumentException(who + ": leaf_size must be ≥ 1, got " + leafSize);
        }
    }

    /// @throws IllegalArgumentException if the data has non-finite values, fewer than `nNeighbors` rows,
    ///     or a target that is not class codes
    @Override
    public Fitted fit(Dataset data) {
        Inputs.training("knn", data, data.target());
        int[] y;
        try {
            y = data.labels();
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException("knn: " + e.getMessage(), e);
        }
        int classes = Math.max(data.classNames().size(), Arrays.stream(y).max().orElse(0) + 1);
        return new Fitted(data.features(), y, classes, nNeighbors, weights, algorithm, leafSize);
    }

    /// A fitted k-nearest-neighbour classifier: the training rows (`_fit_X`), their classes (`_y`) and
    /// the search built on them.
    public static final class Fitted extends NeighborsModel implements Classifier {
        private final int[] y;
        private final int classes;

        Fitted(Matrix fitX, int[] y, int classes, int k, Weights weights, Algorithm algorithm, int leafSize) {
            super(fitX, k, weights, algorithm, leafSize);
            if (y.length != fitX.rows()) {
                throw new IllegalArgumentException(
                        "knn: " + fitX.rows() + " training rows but " + y.length + " labels");
            }
            for (int i = 0; i < y.length; i++) {
                if (y[i] < 0 || y[i] >= classes) {
                    throw new IllegalArgumentException(
                            "knn: the label of row " + i + " is " + y[i] + ", not in 0.." + (classes - 1));
                }
            }
            this.y = y.clone();
            this.classes = classes;
        }

        @Override
        String kind() {
            return "knn";
        }

        @Override
        public int classes() {
            return classes;
        }

        /// The class with the largest vote; a tie goes to the smallest class code.
        @Override
        public int[] predict(Matrix x) {
            double[][] votes = votes(x);
            int[] labels = new int[votes.length];
            for (int i = 0; i < votes.length; i++) {
                int best = 0;
                for (int c = 1; c < classes; c++) {
                    if (votes[i][c] > votes[i][best]) {
                        best = c;
                    }
                }
                labels[i] = best;
            }
            return labels;
        }

        /// Each class's share of the (weighted) vote.
        @Override
        public double[][] predictProba(Matrix x) {
            double[][] p = votes(x);
            for (double[] row : p) {
                double sum = 0;
                for (double v : row) {
                    sum += v;
                }
                for (int c = 0; c < classes; c++) {
                    row[c] /= sum;
                }
            }
            return p;
        }

        /// The summed weight of each class among the neighbours, in neighbour order (as scikit-learn adds).
        private double[][] votes(Matrix x) {
            NeighborSearch.Result result = neighbors(x);
            double[][] votes = new double[x.rows()][classes];
            double[] w = new double[k];
            for (int i = 0; i < votes.length; i++) {
                weights(result, i, w);
                for (int r = 0; r < k; r++) {
                    votes[i][y[result.index()[i * k + r]]] += w[r];
                }
            }
            return votes;
        }

        @Override
        public ModelState state() {
            Map<String, Object> learned = new LinkedHashMap<>();
            learned.put("_fit_X", fitX.toArray());
            learned.put("_y", y.clone());
            learned.put("n_classes", classes);
            learned.put("_fit_method", name(fitMethod));
            return new ModelState("knn", parameters(), learned);
        }

        /// Rebuilds a model from its state (the search is built again).
        ///
        /// @param state the state
        /// @return the model
        /// @throws IllegalArgumentException naming a missing or mistyped entry
        public static Fitted restore(ModelState state) {
            Object labels = state.learned().get("_y");
            if (!(labels instanceof int[] y)) {
                throw new IllegalArgumentException("the knn model's '_y' should be an array of class codes, found "
                        + (labels == null ? "nothing" : labels.getClass().getSimpleName()));
            }
            return new Fitted(
                    Matrix.of(state.matrix("_fit_X")),
                    y,
                    (int) state.number("n_classes"),
                    integer(state, "n_neighbors"),
                    weights(state),
                    algorithm(state),
                    integer(state, "leaf_size"));
        }
    }
}
