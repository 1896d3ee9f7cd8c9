package dev.lemma.ml;

import dev.lemma.data.Dataset;
import dev.lemma.linalg.Matrix;
import dev.lemma.ml.metrics.RegressionMetrics;

/// A model that predicts numbers.
public interface Regressor extends Model {

    /// Predicts one number per row.
    ///
    /// @param x the features, $m \times d$
    /// @return $\hat y$, length $m$
    /// @throws IllegalArgumentException if `x` has the wrong number of columns or a non-finite entry
    double[] predict(Matrix x);

    /// The coefficient of determination $R^2$ on the data, scikit-learn's `score` for regressors.
    ///
    /// @param data features and a single numeric target
    /// @return $R^2$
    default double score(Dataset data) {
        return RegressionMetrics.r2(data.target(), predict(data.features()));
    }
}
