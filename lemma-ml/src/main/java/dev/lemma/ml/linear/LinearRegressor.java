package dev.lemma.ml.linear;

import dev.lemma.linalg.Matrix;
import dev.lemma.ml.Inputs;
import dev.lemma.ml.ModelState;
import dev.lemma.ml.Regressor;
import java.util.LinkedHashMap;
import java.util.Map;

/// A fitted linear model $\hat y = x^\top w + b$: what [LinearRegression], [Ridge] and the other least-squares
/// learners produce.
///
/// @param kind the learner's command-line name
/// @param parameters the hyper-parameters it was fitted with
/// @param coefficients $w$ (`coef_`)
/// @param intercept $b$ (`intercept_`)
@SuppressWarnings("ArrayRecordComponent") // a fitted model; its coefficients are copied in and out
public record LinearRegressor(String kind, Map<String, Object> parameters, double[] coefficients, double intercept)
        implements Regressor {

    /// Copies the coefficients.
    public LinearRegressor {
        coefficients = coefficients.clone();
        parameters = Map.copyOf(parameters);
    }

    @Override
    public double[] coefficients() {
        return coefficients.clone();
    }

    @Override
    public int features() {
        return coefficients.length;
    }

    @Override
    public double[] predict(Matrix x) {
        Inputs.prediction(kind, x, coefficients.length);
        double[] y = new double[x.rows()];
        for (int i = 0; i < y.length; i++) {
            double s = intercept;
            for (int j = 0; j < coefficients.length; j++) {
                s += x.get(i, j) * coefficients[j];
            }
            y[i] = s;
        }
        return y;
    }

    @Override
    public ModelState state() {
        Map<String, Object> learned = new LinkedHashMap<>();
        learned.put("coef_", coefficients.clone());
        learned.put("intercept_", intercept);
        return new ModelState(kind, parameters, learned);
    }

    /// Rebuilds a model from its state (as read from a file).
    ///
    /// @param state the state
    /// @return the model
    /// @throws IllegalArgumentException naming a missing or mistyped entry
    public static LinearRegressor restore(ModelState state) {
        return new LinearRegressor(state.kind(), state.parameters(), state.vector("coef_"), state.number("intercept_"));
    }
}
