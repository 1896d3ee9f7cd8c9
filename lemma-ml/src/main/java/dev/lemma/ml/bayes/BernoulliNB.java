package dev.lemma.ml.bayes;

import dev.lemma.data.Dataset;
import dev.lemma.ml.Inputs;
import dev.lemma.ml.Learner;
import dev.lemma.ml.ModelState;
import java.util.LinkedHashMap;
import java.util.Map;

/// Bernoulli naive Bayes, scikit-learn's `BernoulliNB`, for binary features (present or absent): after
/// thresholding, $x_j = [x_j > t]$, each feature is a coin with class-specific bias, smoothed:
/// $$\hat p_{kj} = \frac{N_{kj} + \alpha}{N_k + 2\alpha}, \qquad
/// \ell_k(x) = \sum_j x_j \log\hat p_{kj} + (1 - x_j)\log(1 - \hat p_{kj})$$
/// with $N_{kj}$ the number of class-$k$ examples where feature $j$ is present and $N_k$ the number of
/// class-$k$ examples. Unlike the multinomial model it counts absences as evidence.
///
/// @param alpha the smoothing, $\ge 0$
/// @param binarize the threshold $t$
public record BernoulliNB(double alpha, double binarize) implements Learner<BernoulliNB.Fitted> {

    /// Checks the settings.
    ///
    /// @throws IllegalArgumentException if `alpha` is negative or a setting is not finite
    public BernoulliNB {
        if (!(alpha >= 0) || Double.isInfinite(alpha) || !Double.isFinite(binarize)) {
            throw new IllegalArgumentException(
                    "BernoulliNB: alpha must be finite and ≥ 0 and binarize finite, got " + alpha + " and " + binarize);
        }
    }

    /// scikit-learn's defaults: $\alpha = 1$, threshold 0.
    public BernoulliNB() {
        this(1.0, 0.0);
    }

    @Override
    public Fitted fit(Dataset data) {
        int[] y = data.labels();
        Inputs.training("bernoulli-nb", data, data.target());
        int classes = NaiveBayesModel.classCount(data, y, "bernoulli-nb");
        int d = data.dimension();
        double[][] present = new double[classes][d];
        double[] count = new double[classes];
        for (int i = 0; i < data.size(); i++) {
            count[y[i]]++;
            for (int j = 0; j < d; j++) {
                present[y[i]][j] += data.features().get(i, j) > binarize ? 1 : 0;
            }
        }
        double[][] logP = new double[classes][d];
        double[][] logNotP = new double[classes][d];
        for (int k = 0; k < classes; k++) {
            for (int j = 0; j < d; j++) {
                double denominator = count[k] + 2 * alpha;
                logP[k][j] = Math.log(present[k][j] + alpha) - Math.log(denominator);
                logNotP[k][j] = Math.log(count[k] - present[k][j] + alpha) - Math.log(denominator);
            }
        }
        return new Fitted(alpha, binarize, logP, logNotP, NaiveBayesModel.logPriors(y, classes));
    }

    /// A fitted Bernoulli naive Bayes.
    public static final class Fitted extends NaiveBayesModel {
        private final double alpha;
        private final double binarize;
        private final double[][] logP;
        private final double[][] logNotP;
        private final double[] logPrior;

        Fitted(double alpha, double binarize, double[][] logP, double[][] logNotP, double[] logPrior) {
            this.alpha = alpha;
            this.binarize = binarize;
            this.logP = copy(logP);
            this.logNotP = copy(logNotP);
            this.logPrior = logPrior.clone();
        }

        /// @return $\log\hat p_{kj}$ (`feature_log_prob_`)
        public double[][] featureLogProb() {
            return copy(logP);
        }

        @Override
        double[] logPrior() {
            return logPrior.clone();
        }

        @Override
        double[] jointLogLikelihood(double[] x) {
            double[] l = new double[logP.length];
            for (int k = 0; k < l.length; k++) {
                for (int j = 0; j < x.length; j++) {
                    l[k] += x[j] > binarize ? logP[k][j] : logNotP[k][j];
                }
            }
            return l;
        }

        @Override
        String kind() {
            return "bernoulli-nb";
        }

        @Override
        public int features() {
            return logP[0].length;
        }

        @Override
        public ModelState state() {
            Map<String, Object> learned = new LinkedHashMap<>();
            learned.put("feature_log_prob_", copy(logP));
            learned.put("feature_log_prob_absent", copy(logNotP));
            learned.put("class_log_prior_", logPrior.clone());
            return new ModelState("bernoulli-nb", Map.of("alpha", alpha, "binarize", binarize), learned);
        }

        /// Rebuilds a model from its state.
        ///
        /// @param state the state
        /// @return the model
        public static Fitted restore(ModelState state) {
            return new Fitted(
                    ((Number) state.parameter("alpha")).doubleValue(),
                    ((Number) state.parameter("binarize")).doubleValue(),
                    state.matrix("feature_log_prob_"),
                    state.matrix("feature_log_prob_absent"),
                    state.vector("class_log_prior_"));
        }
    }
}
