package dev.lemma.ml.bayes;

import dev.lemma.data.Dataset;
import dev.lemma.ml.Inputs;
import dev.lemma.ml.Learner;
import dev.lemma.ml.ModelState;
import java.util.LinkedHashMap;
import java.util.Map;

/// Gaussian naive Bayes, scikit-learn's `GaussianNB`: $x_j \mid y = k \sim \mathcal N(\theta_{kj},
/// \sigma^2_{kj})$, independently over $j$, with the per-class mean and population variance of the training
/// data. Every variance is increased by $\varepsilon = $ `varSmoothing` $\times \max_j \operatorname{Var}(x_j)$
/// (the variance over all rows), which keeps a feature that is constant within a class from giving an
/// infinite likelihood.
/// $$\ell_k(x) = -\tfrac12 \sum_j \Bigl[\log(2\pi\sigma^2_{kj}) + \frac{(x_j - \theta_{kj})^2}{\sigma^2_{kj}}\Bigr].$$
///
/// @param varSmoothing the fraction of the largest variance added to all variances, $\ge 0$
public record GaussianNB(double varSmoothing) implements Learner<GaussianNB.Fitted> {

    /// Checks the setting.
    ///
    /// @throws IllegalArgumentException if `varSmoothing` is negative or not finite
    public GaussianNB {
        if (!(varSmoothing >= 0) || Double.isInfinite(varSmoothing)) {
            throw new IllegalArgumentException("GaussianNB: var_smoothing must be finite and ≥ 0, got " + varSmoothing);
        }
    }

    /// scikit-learn's default, $10^{-9}$.
    public GaussianNB() {
        this(1e-9);
    }

    @Override
    public Fitted fit(Dataset data) {
        int[] y = data.labels();
        Inputs.training("gaussian-nb", data, data.target());
        int classes = NaiveBayesModel.classCount(data, y, "gaussian-nb");
        int d = data.dimension();
        int m = data.size();
        double[][] x = data.features().toArray();
        double[][] mean = new double[classes][d];
        double[][] variance = new double[classes][d];
        int[] count = new int[classes];
        for (int i = 0; i < m; i++) {
            count[y[i]]++;
            for (int j = 0; j < d; j++) {
                mean[y[i]][j] += x[i][j];
            }
        }
        for (int k = 0; k < classes; k++) {
            for (int j = 0; j < d; j++) {
                mean[k][j] /= count[k];
            }
        }
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < d; j++) {
                double r = x[i][j] - mean[y[i]][j];
                variance[y[i]][j] += r * r;
            }
        }
        double largest = 0;
        for (int j = 0; j < d; j++) {
            double mu = 0;
            for (double[] row : x) {
                mu += row[j];
            }
            mu /= m;
            double v = 0;
            for (double[] row : x) {
                v += (row[j] - mu) * (row[j] - mu);
            }
            largest = Math.max(largest, v / m);
        }
        double epsilon = varSmoothing * largest;
        for (int k = 0; k < classes; k++) {
            for (int j = 0; j < d; j++) {
                variance[k][j] = variance[k][j] / count[k] + epsilon;
                if (!(variance[k][j] > 0)) {
                    throw new IllegalArgumentException("gaussian-nb: feature " + j + " is constant in class " + k
                            + " and var_smoothing is 0; its likelihood would be infinite");
                }
            }
        }
        return new Fitted(varSmoothing, mean, variance, NaiveBayesModel.logPriors(y, classes), epsilon);
    }

    /// A fitted Gaussian naive Bayes.
    @SuppressWarnings("ArrayRecordComponent") // fitted parameters, copied in and out
    public static final class Fitted extends NaiveBayesModel {
        private final double varSmoothing;
        private final double[][] theta;
        private final double[][] variance;
        private final double[] logPrior;
        private final double epsilon;

        Fitted(double varSmoothing, double[][] theta, double[][] variance, double[] logPrior, double epsilon) {
            this.varSmoothing = varSmoothing;
            this.theta = copy(theta);
            this.variance = copy(variance);
            this.logPrior = logPrior.clone();
            this.epsilon = epsilon;
        }

        /// @return the per-class means (`theta_`)
        public double[][] theta() {
            return copy(theta);
        }

        /// @return the per-class variances with $\varepsilon$ added (`var_`)
        public double[][] variance() {
            return copy(variance);
        }

        /// @return the class priors (`class_prior_`)
        public double[] classPrior() {
            double[] p = new double[logPrior.length];
            for (int k = 0; k < p.length; k++) {
                p[k] = Math.exp(logPrior[k]);
            }
            return p;
        }

        /// @return $\varepsilon$ (`epsilon_`)
        public double epsilon() {
            return epsilon;
        }

        @Override
        double[] logPrior() {
            return logPrior.clone();
        }

        @Override
        double[] jointLogLikelihood(double[] x) {
            double[] l = new double[theta.length];
            for (int k = 0; k < theta.length; k++) {
                double s = 0;
                for (int j = 0; j < x.length; j++) {
                    double r = x[j] - theta[k][j];
                    s += Math.log(2 * Math.PI * variance[k][j]) + r * r / variance[k][j];
                }
                l[k] = -0.5 * s;
            }
            return l;
        }

        @Override
        String kind() {
            return "gaussian-nb";
        }

        @Override
        public int features() {
            return theta[0].length;
        }

        @Override
        public ModelState state() {
            Map<String, Object> learned = new LinkedHashMap<>();
            learned.put("theta_", copy(theta));
            learned.put("var_", copy(variance));
            learned.put("class_prior_", classPrior());
            learned.put("epsilon_", epsilon);
            return new ModelState("gaussian-nb", Map.of("var_smoothing", varSmoothing), learned);
        }

        /// Rebuilds a model from its state.
        ///
        /// @param state the state
        /// @return the model
        public static Fitted restore(ModelState state) {
            double[] prior = state.vector("class_prior_");
            double[] logPrior = new double[prior.length];
            for (int k = 0; k < prior.length; k++) {
                logPrior[k] = Math.log(prior[k]);
            }
            return new Fitted(
                    ((Number) state.parameter("var_smoothing")).doubleValue(),
                    state.matrix("theta_"),
                    state.matrix("var_"),
                    logPrior,
                    state.number("epsilon_"));
        }
    }
}
