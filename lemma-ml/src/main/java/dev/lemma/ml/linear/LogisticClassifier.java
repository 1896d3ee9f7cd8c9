package dev.lemma.ml.linear;

import dev.lemma.linalg.Matrix;
import dev.lemma.ml.Classifier;
import dev.lemma.ml.Inputs;
import dev.lemma.ml.ModelState;
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
        implements Classifier {

    /// Copies the arrays.
    public LogisticClassifier {
        parameters = Map.copyOf(parameters);
        coefficients = copy(coefficients);
        intercepts = intercepts.clone();
    }

    @Override
    public double[][] coefficients() {
        return copy(coefficients);
    }

    @Override
    public double[] intercepts() {
        return intercepts.clone();
    }

    @Override
    public int features() {
        return coefficients[0].length;
    }

    @Override
    public int[] predict(Matrix x) {
        return Classifier.argmax(predictProba(x));
    }

    @Override
    public double[][] predictProba(Matrix x) {
        Inputs.prediction("logistic-regression", x, features());
        double[][] p = new double[x.rows()][classes];
        for (int i = 0; i < x.rows(); i++) {
            if (coefficients.length == 1) {
                double p1 = dev.lemma.numeric.StableFunctions.sigmoid(score(x, i, 0));
                p[i][0] = 1 - p1;
                p[i][1] = p1;
            } else {
                double max = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < classes; k++) {
                    p[i][k] = score(x, i, k);
                    max = Math.max(max, p[i][k]);
                }
                double sum = 0;
                for (int k = 0; k < classes; k++) {
                    p[i][k] = Math.exp(p[i][k] - max);
                    sum += p[i][k];
                }
                for (int k = 0; k < classes; k++) {
                    p[i][k] /= sum;
                }
            }
        }
        return p;
    }

    private double score(Matrix x, int i, int k) {
        double s = intercepts[k];
        for (int j = 0; j < coefficients[k].length; j++) {
            s += coefficients[k][j] * x.get(i, j);
        }
        return s;
    }

    @Override
    public ModelState state() {
        Map<String, Object> learned = new LinkedHashMap<>();
        learned.put("coef_", copy(coefficients));
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

    private static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }
}
