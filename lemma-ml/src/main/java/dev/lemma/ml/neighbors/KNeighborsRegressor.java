package dev.lemma.ml.neighbors;

import dev.lemma.data.Dataset;
import dev.lemma.linalg.Matrix;
import dev.lemma.ml.Inputs;
import dev.lemma.ml.Learner;
import dev.lemma.ml.ModelState;
import dev.lemma.ml.Regressor;
import java.util.LinkedHashMap;
import java.util.Map;

/// The k-nearest-neighbour regressor, scikit-learn's `KNeighborsRegressor`: the prediction is the
/// (weighted) mean of the targets of the $k$ nearest training rows in Euclidean distance,
/// $$\hat y(x) = \frac{\sum_{r \in N_k(x)} w_r y_r}{\sum_{r \in N_k(x)} w_r},$$
/// with $w_r = 1$ or $1/\lVert x - x_r \rVert$ (and, if some neighbours coincide with $x$, their mean).
///
/// @param nNeighbors $k \ge 1$ (`n_neighbors`, default 5)
/// @param weights uniform or $1/\text{distance}$ (`weights`)
/// @param algorithm the search (`algorithm`)
/// @param leafSize the k-d tree's bucket size (`leaf_size`, default 30)
public record KNeighborsRegressor(int nNeighbors, Weights weights, Algorithm algorithm, int leafSize)
        implements Learner<KNeighborsRegressor.Fitted> {

    /// Checks the settings.
    ///
    /// @throws IllegalArgumentException naming a setting out of range
    public KNeighborsRegressor {
        KNeighborsClassifier.check("KNeighborsRegressor", nNeighbors, weights, algorithm, leafSize);
    }

    /// scikit-learn's defaults: 5 neighbours, uniform weights, automatic search, leaves of 30.
    public KNeighborsRegressor() {
        this(5);
    }

    /// With $k$ neighbours and the other defaults.
    ///
    /// @param nNeighbors $k$
    public KNeighborsRegressor(int nNeighbors) {
        this(nNeighbors, Weights.UNIFORM, Algorithm.AUTO, 30);
    }

    /// @throws IllegalArgumentException if the data has non-finite values or fewer than `nNeighbors` rows
    @Override
    public Fitted fit(Dataset data) {
        double[] y = data.target();
        Inputs.training("knn-regressor", data, y);
        return new Fitted(data.features(), y, nNeighbors, weights, algorithm, leafSize);
    }

    /// A fitted k-nearest-neighbour regressor: the training rows (`_fit_X`), their targets (`_y`) and the
    /// search built on them.
    public static final class Fitted extends NeighborsModel implements Regressor {
        private final double[] y;

        Fitted(Matrix fitX, double[] y, int k, Weights weights, Algorithm algorithm, int leafSize) {
            super(fitX, k, weights, algorithm, leafSize);
            if (y.length != fitX.rows()) {
                throw new IllegalArgumentException(
                        "knn-regressor: " + fitX.rows() + " training rows but " + y.length + " targets");
            }
            this.y = y.clone();
        }

        @Override
        String kind() {
            return "knn-regressor";
        }

        @Override
        public double[] predict(Matrix x) {
            NeighborSearch.Result result = neighbors(x);
            double[] out = new double[x.rows()];
            double[] w = new double[k];
            for (int i = 0; i < out.length; i++) {
                double s = 0;
                if (weights == Weights.UNIFORM) {
                    for (int r = 0; r < k; r++) {
                        s += y[result.index()[i * k + r]];
                    }
                    out[i] = s / k;
                } else {
                    weights(result, i, w);
                    double total = 0;
                    for (int r = 0; r < k; r++) {
                        s += y[result.index()[i * k + r]] * w[r];
                        total += w[r];
                    }
                    out[i] = s / total;
                }
            }
            return out;
        }

        @Override
        public ModelState state() {
            Map<String, Object> learned = new LinkedHashMap<>();
            learned.put("_fit_X", fitX.toArray());
            learned.put("_y", y.clone());
            learned.put("_fit_method", name(fitMethod));
            return new ModelState("knn-regressor", parameters(), learned);
        }

        /// Rebuilds a model from its state (the search is built again).
        ///
        /// @param state the state
        /// @return the model
        /// @throws IllegalArgumentException naming a missing or mistyped entry
        public static Fitted restore(ModelState state) {
            return new Fitted(
                    Matrix.of(state.matrix("_fit_X")),
                    state.vector("_y"),
                    integer(state, "n_neighbors"),
                    weights(state),
                    algorithm(state),
                    integer(state, "leaf_size"));
        }
    }
}
