package dev.lemma.ml.preprocessing;

import dev.lemma.data.Dataset;
import dev.lemma.linalg.Matrix;
import dev.lemma.ml.Inputs;
import dev.lemma.ml.Learner;
import dev.lemma.ml.ModelState;
import dev.lemma.ml.Transformer;
import java.util.LinkedHashMap;
import java.util.Map;

/// Standardisation, scikit-learn's `StandardScaler`: $x_j \mapsto (x_j - \mu_j)/\sigma_j$ with the mean
/// $\mu_j$ and the population standard deviation $\sigma_j$ (divisor $m$) of each training column. A
/// constant column ($\sigma_j = 0$) is only centred ($\sigma_j$ taken as 1), as scikit-learn does.
///
/// Gradient-based learners need it: on standardised features the Hessian of a linear model's loss is
/// closer to a multiple of the identity, so its condition number, and the iterations it costs, fall
/// (chapter 5).
///
/// @param withMean whether to subtract the mean
/// @param withStd whether to divide by the standard deviation
public record StandardScaler(boolean withMean, boolean withStd) implements Learner<StandardScaler.Fitted> {

    /// scikit-learn's defaults: centre and scale.
    public StandardScaler() {
        this(true, true);
    }

    @Override
    public Fitted fit(Dataset data) {
        Inputs.training("standard-scaler", data, null);
        int m = data.size();
        int d = data.dimension();
        double[] mean = new double[d];
        double[] scale = new double[d];
        for (int j = 0; j < d; j++) {
            // Welford's one-pass update: stable for columns with a large mean
            double mu = 0;
            double m2 = 0;
            for (int i = 0; i < m; i++) {
                double v = data.features().get(i, j);
                double delta = v - mu;
                mu += delta / (i + 1);
                m2 += delta * (v - mu);
            }
            double sd = Math.sqrt(m2 / m);
            mean[j] = withMean ? mu : 0;
            scale[j] = withStd && sd > 0 ? sd : 1;
        }
        return new Fitted(withMean, withStd, mean, scale);
    }

    /// A fitted standardisation.
    ///
    /// @param withMean whether it centres
    /// @param withStd whether it scales
    /// @param mean $\mu$ (`mean_`; zeros when not centring)
    /// @param scale $\sigma$ (`scale_`; ones when not scaling or for constant columns)
    @SuppressWarnings("ArrayRecordComponent") // a fitted model; its arrays are copied in and out
    public record Fitted(boolean withMean, boolean withStd, double[] mean, double[] scale) implements Transformer {

        /// Copies the arrays.
        public Fitted {
            mean = mean.clone();
            scale = scale.clone();
        }

        @Override
        public double[] mean() {
            return mean.clone();
        }

        @Override
        public double[] scale() {
            return scale.clone();
        }

        @Override
        public int features() {
            return mean.length;
        }

        @Override
        public Matrix transform(Matrix x) {
            Inputs.prediction("standard-scaler", x, mean.length);
            double[] a = x.toRowMajorArray();
            int d = mean.length;
            for (int i = 0; i < a.length; i++) {
                a[i] = (a[i] - mean[i % d]) / scale[i % d];
            }
            return Matrix.ofRowMajor(x.rows(), d, a);
        }

        /// The inverse map, $z \mapsto \sigma z + \mu$.
        ///
        /// @param z standardised rows
        /// @return the rows in the original units
        public Matrix inverseTransform(Matrix z) {
            Inputs.prediction("standard-scaler", z, mean.length);
            double[] a = z.toRowMajorArray();
            int d = mean.length;
            for (int i = 0; i < a.length; i++) {
                a[i] = a[i] * scale[i % d] + mean[i % d];
            }
            return Matrix.ofRowMajor(z.rows(), d, a);
        }

        @Override
        public ModelState state() {
            Map<String, Object> learned = new LinkedHashMap<>();
            learned.put("mean_", mean.clone());
            learned.put("scale_", scale.clone());
            return new ModelState("standard-scaler", Map.of("with_mean", withMean, "with_std", withStd), learned);
        }

        /// Rebuilds a fitted scaler from its state (as read from a file).
        ///
        /// @param state the state
        /// @return the scaler
        /// @throws IllegalArgumentException naming a missing or mistyped entry
        public static Fitted restore(ModelState state) {
            return new Fitted(
                    Boolean.TRUE.equals(state.parameter("with_mean")),
                    Boolean.TRUE.equals(state.parameter("with_std")),
                    state.vector("mean_"),
                    state.vector("scale_"));
        }
    }
}
