package dev.lemma.ml;

import dev.lemma.data.Dataset;
import dev.lemma.linalg.Matrix;
import dev.lemma.ml.metrics.ClassificationMetrics;

/// A model that predicts classes $0, \dots, K-1$ and, where it can, their probabilities.
public interface Classifier extends Model {

    /// @return $K$, the number of classes
    int classes();

    /// Predicts one class per row.
    ///
    /// @param x the features, $m \times d$
    /// @return the class codes, length $m$
    /// @throws IllegalArgumentException if `x` has the wrong number of columns or a non-finite entry
    int[] predict(Matrix x);

    /// Whether [#predictProba] gives probabilities (the perceptron gives none).
    ///
    /// @return true unless overridden
    default boolean hasProbabilities() {
        return true;
    }

    /// The predicted distribution over the classes, one row per example.
    ///
    /// @param x the features
    /// @return $m \times K$, rows summing to 1
    /// @throws UnsupportedOperationException for a classifier that gives no probabilities (the perceptron)
    double[][] predictProba(Matrix x);

    /// The most probable class of each row, the first of equal ones (scikit-learn's `argmax`).
    ///
    /// @param probabilities $m \times K$
    /// @return the class codes
    static int[] argmax(double[][] probabilities) {
        int[] labels = new int[probabilities.length];
        for (int i = 0; i < probabilities.length; i++) {
            int best = 0;
            for (int k = 1; k < probabilities[i].length; k++) {
                if (probabilities[i][k] > probabilities[i][best]) {
                    best = k;
                }
            }
            labels[i] = best;
        }
        return labels;
    }

    /// The accuracy on the data, scikit-learn's `score` for classifiers.
    ///
    /// @param data features and class labels
    /// @return the accuracy
    default double score(Dataset data) {
        return ClassificationMetrics.accuracy(data.labels(), predict(data.features()));
    }
}
