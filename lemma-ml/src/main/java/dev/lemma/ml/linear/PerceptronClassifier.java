package dev.lemma.ml.linear;

import dev.lemma.linalg.Matrix;
import dev.lemma.ml.Classifier;
import dev.lemma.ml.ModelState;
import java.util.LinkedHashMap;
import java.util.Map;

/// A fitted perceptron: linear scores, the class of the largest (with two classes, the sign of one).
///
/// @param parameters the hyper-parameters it was fitted with
/// @param coefficients the weight rows (`coef_`)
/// @param intercepts the biases (`intercept_`)
/// @param classes $K$
/// @param epochs the epochs run (`n_iter_`)
/// @param separated whether the last epoch made no mistake
@SuppressWarnings("ArrayRecordComponent") // a fitted model; its arrays are copied in and out
public record PerceptronClassifier(
        Map<String, Object> parameters,
        double[][] coefficients,
        double[] intercepts,
        int classes,
        int epochs,
        boolean separated)
        implements LinearClassifier {

    /// Copies the arrays.
    public PerceptronClassifier {
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

    /// The class of the largest score of [#decisionFunction]; with two classes, 1 where the one score
    /// is positive.
    @Override
    public int[] predict(Matrix x) {
        double[][] z = decisionFunction(x);
        if (coefficients.length > 1) {
            return Classifier.argmax(z);
        }
        int[] labels = new int[z.length];
        for (int i = 0; i < z.length; i++) {
            labels[i] = z[i][0] > 0 ? 1 : 0;
        }
        return labels;
    }

    @Override
    public boolean hasProbabilities() {
        return false;
    }

    /// The perceptron gives scores, not probabilities.
    ///
    /// @throws UnsupportedOperationException always
    @Override
    public double[][] predictProba(Matrix x) {
        throw new UnsupportedOperationException("the perceptron gives no probabilities; use logistic-regression");
    }

    static int decide(double[][] w, double[] b, double[] x) {
        if (w.length == 1) {
            return LinearClassifier.score(w[0], b[0], x) > 0 ? 1 : 0;
        }
        int best = 0;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < w.length; k++) {
            double s = LinearClassifier.score(w[k], b[k], x);
            if (s > bestScore) {
                best = k;
                bestScore = s;
            }
        }
        return best;
    }

    @Override
    public ModelState state() {
        Map<String, Object> learned = new LinkedHashMap<>();
        learned.put("coef_", LinearClassifier.copy(coefficients));
        learned.put("intercept_", intercepts.clone());
        learned.put("n_classes", classes);
        learned.put("n_iter_", epochs);
        learned.put("separated", separated);
        return new ModelState("perceptron", parameters, learned);
    }

    /// Rebuilds a model from its state.
    ///
    /// @param state the state
    /// @return the model
    public static PerceptronClassifier restore(ModelState state) {
        return new PerceptronClassifier(
                state.parameters(),
                state.matrix("coef_"),
                state.vector("intercept_"),
                (int) state.number("n_classes"),
                (int) state.number("n_iter_"),
                Boolean.TRUE.equals(state.learned().get("separated")));
    }
}
