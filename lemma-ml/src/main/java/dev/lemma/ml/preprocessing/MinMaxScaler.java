package dev.lemma.ml.preprocessing;

import dev.lemma.data.Dataset;
import dev.lemma.linalg.Matrix;
import dev.lemma.ml.Inputs;
import dev.lemma.ml.Learner;
import dev.lemma.ml.ModelState;
import dev.lemma.ml.Transformer;
import java.util.LinkedHashMap;
import java.util.Map;

/// Scaling to a range, scikit-learn's `MinMaxScaler`: $x_j \mapsto a + (b - a)\frac{x_j - \min_j}{\max_j -
/// \min_j}$ with the training column's minimum and maximum, so the training data spans $[a, b]$ exactly
/// (new data may fall outside). A constant column maps to $a$.
///
/// @param low $a$
/// @param high $b > a$
public record MinMaxScaler(double low, double high) implements Learner<MinMaxScaler.Fitted> {

    /// Checks the range.
    ///
    /// @throws IllegalArgumentException unless $a < b$, both finite
    public MinMaxScaler {
        if (!(low < high) || Double.isInfinite(low) || Double.isInfinite(high)) {
            throw new IllegalArgumentException(
                    "MinMaxScaler: feature_range must have finite low < high, got (" + low + ", " + high + ")");
        }
    }

    /// scikit-learn's default range $[0, 1]$.
    public MinMaxScaler() {
        this(0, 1);
    }

    @Override
    public Fitted fit(Dataset data) {
        Inputs.training("min-max-scaler", data, null);
        int d = data.dimension();
        double[] min = new double[d];
        double[] max = new double[d];
        java.util.Arrays.fill(min, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
        for (int i = 0; i < data.size(); i++) {
            for (int j = 0; j < d; j++) {
                double v = data.features().get(i, j);
                min[j] = Math.min(min[j], v);
                max[j] = Math.max(max[j], v);
            }
        }
        return new Fitted(low, high, min, max);
    }

    /// A fitted min-max scaling.
    ///
    /// @param low $a$
    /// @param high $b$
    /// @param dataMin the training minima (`data_min_`)
    /// @param dataMax the training maxima (`data_max_`)
    @SuppressWarnings("ArrayRecordComponent") // a fitted model; its arrays are copied in and out
    public record Fitted(double low, double high, double[] dataMin, double[] dataMax) implements Transformer {

        /// Copies the arrays.
        public Fitted {
            dataMin = dataMin.clone();
            dataMax = dataMax.clone();
        }

        @Override
        public double[] dataMin() {
            return dataMin.clone();
        }

        @Override
        public double[] dataMax() {
            return dataMax.clone();
        }

        @Override
        public int features() {
            return dataMin.length;
        }

        @Override
        public Matrix transform(Matrix x) {
            Inputs.prediction("min-max-scaler", x, dataMin.length);
            int d = dataMin.length;
            double[] a = x.toRowMajorArray();
            for (int i = 0; i < a.length; i++) {
                int j = i % d;
                double range = dataMax[j] - dataMin[j];
                a[i] = low + (high - low) * (range == 0 ? 0 : (a[i] - dataMin[j]) / range);
            }
            return Matrix.ofRowMajor(x.rows(), d, a);
        }

        @Override
        public ModelState state() {
            Map<String, Object> learned = new LinkedHashMap<>();
            learned.put("data_min_", dataMin.clone());
            learned.put("data_max_", dataMax.clone());
            return new ModelState("min-max-scaler", Map.of("feature_range", new double[] {low, high}), learned);
        }
    }
}
