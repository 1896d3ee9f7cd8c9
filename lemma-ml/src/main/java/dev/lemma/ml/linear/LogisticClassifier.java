package dev.lemma.ml.linear;

import dev.lemma.linalg.Matrix;
import dev.lemma.ml.Classifier;
import dev.lemma.ml.ModelState;
import dev.lemma.numeric.StableFunctions;
import java.util.LinkedHashMap;
import java.util.Map;

/// A fitted logistic regression: one weight row per class (one row, for class 1, with two classes) and
/// the intercepts.
///
/// @param parameters the hyper-parameters it was fitted with
/// @param coefficients $W$ (`coef_`), $K' \times d$
/// @param intercepts $b$ (`intercept_`), $K'$
/// @param classes $K$
/// @param converged whether the solver met its tolerance
/// @param iterations the solver's iterations (`n_iter_`)
@SuppressWarnings("ArrayRecordComponent") // a fitted model; its arrays are copied in and out
public record LogisticClassifier(
        Map<String, Object> parameters,
        double[][] coefficients,
        double[] intercepts,
        int classes,
        boolean converged,
        int iterations)
        implements LinearClassifier {

    /// Copies the arrays.
    public LogisticClassifier {
        parameters = Map.copyOf(parameters);
        coefficients = LinearClassifier.copy(coefficients);
        intercepts = intercepts.clone();
    }

    @Override
    public double[][] coefficients() {
        return LinearClassifier.copy(coefficients);
    }

    @Override
    public double[] intercepts() {
        return intercepts.clone();
    }

    @Override
    public int[] predict(Matrix x) {
        return Classifier.argmax(predictProba(x));
    }

    /// $\sigma(z)$ for class 1 with two classes, $\operatorname{softmax}(z)$ otherwise, of the scores $z$ of
    /// [#decisionFunction].
    @Override
    public double[][] predictProba(Matrix x) {
        double[][] z = decisionFunction(x);
        double[][] p = new double[z.length][classes];
        for (int i = 0; i < z.length; i++) {
            if (z[i].length == 1) {
                // σ(−z), not 1 − σ(z): for a large score the small probability keeps its digits
                p[i][0] = StableFunctions.sigmoid(-z[i][0]);
                p[i][1] = StableFunctions.sigmoid(z[i][0]);
            } else {
                double max = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < classes; k++) {
                    max = Math.max(max, z[i][k]);
                }
                double sum = 0;
                for (int k = 0; k < classes; k++) {
                    p[i][k] = Math.exp(z[i][k] - max);
                    sum += p[i][k];
                }
                for (int k = 0; k < classes; k++) {
                    p[i][k] /= sum;
                }
            }
        }
        return p;
    }

    @Override
    public ModelState state() {
        Map<String, Object> learned = new LinkedHashMap<>();
        learned.put("coef_", LinearClassifier.copy(coefficients));
        learned.put("intercept_", intercepts.clone());
        learned.put("n_classes", classes);
        learned.put("n_iter_", iterations);
        learned.put("converged", converged);
        return new ModelState("logistic-regression", parameters, learned);
    }

    /// Rebuilds a model from its state.
    ///
    /// @param state the state
    /// @return the model
    public static LogisticClassifier restore(ModelState state) {
        return new LogisticClassifier(
                state.parameters(),
                state.matrix("coef_"),
                state.vector("intercept_"),
                (int) state.number("n_classes"),
                Boolean.TRUE.equals(state.learned().get("converged")),
                (int) state.number("n_iter_"));
    }
}
