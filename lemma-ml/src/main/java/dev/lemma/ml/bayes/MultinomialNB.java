package dev.lemma.ml.bayes;

import dev.lemma.data.Dataset;
import dev.lemma.ml.Inputs;
import dev.lemma.ml.Learner;
import dev.lemma.ml.ModelState;
import java.util.LinkedHashMap;
import java.util.Map;

/// Multinomial naive Bayes, scikit-learn's `MultinomialNB`, for counts (words in a document, pixel
/// intensities): each class has a distribution $\theta_k$ over the features, estimated with additive
/// (Laplace, Lidstone) smoothing $\alpha$:
/// $$\hat\theta_{kj} = \frac{N_{kj} + \alpha}{N_k + \alpha d}, \qquad
/// \ell_k(x) = \sum_j x_j \log\hat\theta_{kj}$$
/// with $N_{kj}$ the total of feature $j$ over class $k$'s examples and $N_k = \sum_j N_{kj}$ (the
/// multinomial coefficient is the same for every class and cancels). The smoothing is the posterior mean
/// under a symmetric Dirichlet($\alpha$) prior (chapter 3), and keeps an unseen feature from vetoing a class.
///
/// @param alpha the smoothing, $\ge 0$
public record MultinomialNB(double alpha) implements Learner<MultinomialNB.Fitted> {

    /// Checks the setting.
    ///
    /// @throws IllegalArgumentException if `alpha` is negative or not finite
    public MultinomialNB {
        if (!(alpha >= 0) || Double.isInfinite(alpha)) {
            throw new IllegalArgumentException("MultinomialNB: alpha must be finite and ≥ 0, got " + alpha);
        }
    }

    /// scikit-learn's default, Laplace smoothing $\alpha = 1$.
    public MultinomialNB() {
        this(1.0);
    }

    @Override
    public Fitted fit(Dataset data) {
        int[] y = data.labels();
        Inputs.training("multinomial-nb", data, data.target());
        int classes = NaiveBayesModel.classCount(data, y, "multinomial-nb");
        int d = data.dimension();
        double[][] counts = new double[classes][d];
        for (int i = 0; i < data.size(); i++) {
            for (int j = 0; j < d; j++) {
                double v = data.features().get(i, j);
                if (v < 0) {
                    throw new IllegalArgumentException(
                            "multinomial-nb: row " + i + ", column " + j + " is " + v + "; counts must be ≥ 0");
                }
                counts[y[i]][j] += v;
            }
        }
        double[][] logTheta = new double[classes][d];
        for (int k = 0; k < classes; k++) {
            double total = 0;
            for (double c : counts[k]) {
                total += c + alpha;
            }
            for (int j = 0; j < d; j++) {
                logTheta[k][j] = Math.log(counts[k][j] + alpha) - Math.log(total);
            }
        }
        return new Fitted(alpha, logTheta, NaiveBayesModel.logPriors(y, classes));
    }

    /// A fitted multinomial naive Bayes.
    public static final class Fitted extends NaiveBayesModel {
        private final double alpha;
        private final double[][] logTheta;
        private final double[] logPrior;

        Fitted(double alpha, double[][] logTheta, double[] logPrior) {
            this.alpha = alpha;
            this.logTheta = copy(logTheta);
            this.logPrior = logPrior.clone();
        }

        /// @return $\log\hat\theta_{kj}$ (`feature_log_prob_`)
        public double[][] featureLogProb() {
            return copy(logTheta);
        }

        @Override
        double[] logPrior() {
            return logPrior.clone();
        }

        @Override
        double[] jointLogLikelihood(double[] x) {
            double[] l = new double[logTheta.length];
            for (int k = 0; k < l.length; k++) {
                for (int j = 0; j < x.length; j++) {
                    l[k] += x[j] == 0 ? 0 : x[j] * logTheta[k][j];
                }
            }
            return l;
        }

        @Override
        String kind() {
            return "multinomial-nb";
        }

        @Override
        public int features() {
            return logTheta[0].length;
        }

        @Override
        public ModelState state() {
            Map<String, Object> learned = new LinkedHashMap<>();
            learned.put("feature_log_prob_", copy(logTheta));
            learned.put("class_log_prior_", logPrior.clone());
            return new ModelState("multinomial-nb", Map.of("alpha", alpha), learned);
        }

        /// Rebuilds a model from its state.
        ///
        /// @param state the state
        /// @return the model
        public static Fitted restore(ModelState state) {
            return new Fitted(
                    ((Number) state.parameter("alpha")).doubleValue(),
                    state.matrix("feature_log_prob_"),
                    state.vector("class_log_prior_"));
        }
    }
}
