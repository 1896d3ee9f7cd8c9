package dev.lemma.ml.linear;

import dev.lemma.linalg.Matrix;
import dev.lemma.ml.Classifier;
import dev.lemma.ml.Inputs;

/// A classifier whose scores are linear in the features: $z = W x + b$, one row of $W$ per class, or a
/// single row (for class 1) with two classes. [LogisticRegression] turns the scores into probabilities,
/// the [Perceptron] only into decisions.
public interface LinearClassifier extends Classifier {

    /// @return $W$ (`coef_`), $K' \times d$, a copy
    double[][] coefficients();

    /// @return $b$ (`intercept_`), $K'$, a copy
    double[] intercepts();

    @Override
    default int features() {
        return coefficients()[0].length;
    }

    /// The scores $X W^\top + \mathbf 1 b^\top$, scikit-learn's `decision_function`: one column with two
    /// classes (positive means class 1), one per class otherwise.
    ///
    /// @param x the rows, $m \times d$
    /// @return the scores, $m \times K'$
    /// @throws IllegalArgumentException naming a wrong column count or a non-finite entry
    default double[][] decisionFunction(Matrix x) {
        double[][] w = coefficients();
        double[] b = intercepts();
        Inputs.prediction(state().kind(), x, w[0].length);
        double[][] rows = x.toArray();
        double[][] z = new double[rows.length][w.length];
        for (int i = 0; i < rows.length; i++) {
            for (int k = 0; k < w.length; k++) {
                z[i][k] = score(w[k], b[k], rows[i]);
            }
        }
        return z;
    }

    /// $w^\top x + b$.
    ///
    /// @param w the weights
    /// @param b the intercept
    /// @param x the features
    /// @return the score
    static double score(double[] w, double b, double[] x) {
        double s = b;
        for (int j = 0; j < w.length; j++) {
            s += w[j] * x[j];
        }
        return s;
    }

    /// A deep copy, for the records' arrays.
    ///
    /// @param a rows
    /// @return their copies
    static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }
}
