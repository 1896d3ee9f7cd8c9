package dev.lemma.ml.discriminant;

import dev.lemma.data.Dataset;
import dev.lemma.linalg.Matrix;
import dev.lemma.linalg.Svd;
import dev.lemma.ml.Classifier;
import dev.lemma.ml.Inputs;
import dev.lemma.ml.Learner;
import dev.lemma.ml.ModelState;
import java.util.LinkedHashMap;
import java.util.Map;

/// Quadratic discriminant analysis, scikit-learn's `QuadraticDiscriminantAnalysis`: each class is
/// Gaussian with its own covariance, $x \mid y = k \sim \mathcal N(\mu_k, \Sigma_k)$, so the
/// log-posterior is quadratic in $x$:
/// $$\log P(y = k \mid x) = -\tfrac12 (x - \mu_k)^\top \Sigma_k^{-1} (x - \mu_k) - \tfrac12 \log\det\Sigma_k
/// + \log \pi_k + \text{const},$$
/// normalised over the classes by log-sum-exp (the densities of far-away points underflow).
///
/// $\Sigma_k$ is never inverted: with the class's centred rows $X_k - \mu_k = U S V^\top$ (thin SVD), the
/// covariance (divisor $m_k - 1$) is $V \operatorname{diag}(S^2/(m_k - 1)) V^\top$, regularised towards
/// the identity along those axes, $\sigma^2 = (1 - \lambda) S^2/(m_k - 1) + \lambda$ (`regParam`
/// $= \lambda$). Then $(x - \mu_k)^\top \Sigma_k^{-1}(x - \mu_k) = \|(x - \mu_k)^\top V / \sigma\|^2$
/// and $\log\det\Sigma_k = \sum \log \sigma^2$. The rotations $V$ (`rotations_`) and the variances
/// $\sigma^2$ (`scalings_`) are what scikit-learn stores.
///
/// As in scikit-learn, a class with $m_k \le d$ rows has only $m_k$ axes, and the density ignores the
/// directions outside their span; with $\lambda = 0$ such a class (or any class whose features are
/// collinear) has a singular covariance, which Lemma rejects rather than warn.
///
/// References: T. Hastie, R. Tibshirani and J. Friedman, *The Elements of Statistical Learning*, 2nd ed.,
/// 2009, §4.3; scikit-learn's `QuadraticDiscriminantAnalysis`.
///
/// @param regParam $\lambda \in [0, 1]$, the shrinkage of each covariance towards the identity
///     (`reg_param`, default 0)
/// @param tol the threshold below which a singular value of a class counts as zero, for the rank check
///     (`tol`, default $10^{-4}$)
public record QuadraticDiscriminantAnalysis(double regParam, double tol)
        implements Learner<QuadraticDiscriminantAnalysis.Fitted> {

    /// Checks the settings.
    ///
    /// @throws IllegalArgumentException naming a setting out of range
    public QuadraticDiscriminantAnalysis {
        if (!(regParam >= 0 && regParam <= 1)) {
            throw new IllegalArgumentException(
                    "QuadraticDiscriminantAnalysis: reg_param must be in [0, 1], got " + regParam);
        }
        if (!(tol >= 0) || Double.isInfinite(tol)) {
            throw new IllegalArgumentException("QuadraticDiscriminantAnalysis: tol must be finite and ≥ 0, got " + tol);
        }
    }

    /// scikit-learn's defaults: no regularisation, $\text{tol} = 10^{-4}$.
    public QuadraticDiscriminantAnalysis() {
        this(0, 1e-4);
    }

    /// With regularisation $\lambda$ and the default tolerance.
    ///
    /// @param regParam $\lambda$
    public QuadraticDiscriminantAnalysis(double regParam) {
        this(regParam, 1e-4);
    }

    /// @throws IllegalArgumentException if the data has non-finite values, fewer than two classes, a
    ///     class with fewer than two rows, or (with `regParam` = 0) a class whose covariance is singular
    @Override
    public Fitted fit(Dataset data) {
        String who = "qda";
        Inputs.training(who, data, data.target());
        int[] y = Discriminants.labels(who, data);
        int classes = Discriminants.classes(who, data, y, 2);
        int m = data.size();
        int d = data.dimension();
        double[][] x = data.features().toArray();
        int[] counts = Discriminants.counts(y, classes);
        double[][] means = Discriminants.means(x, y, classes);
        double[] priors = new double[classes];
        double[][] rotations = new double[classes][];
        double[][] scalings = new double[classes][];
        for (int k = 0; k < classes; k++) {
            priors[k] = (double) counts[k] / m;
            double[] centred = new double[counts[k] * d];
            int row = 0;
            for (int i = 0; i < m; i++) {
                if (y[i] == k) {
                    for (int j = 0; j < d; j++) {
                        centred[row * d + j] = x[i][j] - means[k][j];
                    }
                    row++;
                }
            }
            Svd svd = Matrix.ofRowMajor(counts[k], d, centred).svd();
            int p = svd.singularValues().size();
            int rank = 0;
            scalings[k] = new double[p];
            for (int c = 0; c < p; c++) {
                double s = svd.singularValues().get(c);
                rank += s > tol ? 1 : 0;
                scalings[k][c] = (1 - regParam) * (s * s / (counts[k] - 1)) + regParam;
            }
            if (regParam == 0 && rank < d) {
                throw new IllegalArgumentException(who + ": the covariance of class " + k + " has rank " + rank
                        + " < " + d + " features (" + counts[k] + " rows; collinear features or too few rows),"
                        + " so its density is degenerate; set reg_param > 0");
            }
            rotations[k] = svd.v().toRowMajorArray(); // (d, p) row-major
        }
        return new Fitted(regParam, tol, priors, means, rotations, scalings);
    }

    /// A fitted quadratic discriminant analysis.
    public static final class Fitted implements Classifier {
        private final double regParam;
        private final double tol;
        private final double[] priors;
        private final double[][] means;
        private final double[][] rotations;
        private final double[][] scalings;

        Fitted(
                double regParam,
                double tol,
                double[] priors,
                double[][] means,
                double[][] rotations,
                double[][] scalings) {
            int d = means[0].length;
            for (int k = 0; k < means.length; k++) {
                if (rotations[k].length != d * scalings[k].length) {
                    throw new IllegalArgumentException("qda: the rotation of class " + k + " has "
                            + rotations[k].length + " entries but " + d + " features × " + scalings[k].length
                            + " axes");
                }
                for (double s : scalings[k]) {
                    if (!(s > 0) || Double.isInfinite(s)) {
                        throw new IllegalArgumentException(
                                "qda: class " + k + " has a variance of " + s + " along one axis; set reg_param > 0");
                    }
                }
            }
            this.regParam = regParam;
            this.tol = tol;
            this.priors = priors.clone();
            this.means = Discriminants.copy(means);
            this.rotations = Discriminants.copy(rotations);
            this.scalings = Discriminants.copy(scalings);
        }

        /// @return the class priors (`priors_`)
        public double[] priors() {
            return priors.clone();
        }

        /// @return the class means (`means_`), $K \times d$
        public double[][] means() {
            return Discriminants.copy(means);
        }

        /// Class $k$'s principal axes $V_k$ (`rotations_[k]`), as columns.
        ///
        /// @param k the class
        /// @return $d \times p_k$
        public double[][] rotation(int k) {
            int p = scalings[k].length;
            return Matrix.ofRowMajor(rotations[k].length / p, p, rotations[k]).toArray();
        }

        /// @return the regularised variances along each class's axes (`scalings_`), one row per class
        public double[][] scalings() {
            return Discriminants.copy(scalings);
        }

        @Override
        public int classes() {
            return priors.length;
        }

        @Override
        public int features() {
            return means[0].length;
        }

        /// $\log \pi_k + \log \mathcal N(x; \mu_k, \Sigma_k) + \frac d2 \log 2\pi$ for each row and class,
        /// scikit-learn's `decision_function` (which leaves out the constant $-\frac d2 \log 2\pi$).
        ///
        /// @param x the features
        /// @return $q \times K$
        /// @throws IllegalArgumentException if `x` has the wrong number of columns or a non-finite entry
        public double[][] decisionFunction(Matrix x) {
            Inputs.prediction("qda", x, features());
            int d = features();
            int classes = priors.length;
            double[][] out = new double[x.rows()][classes];
            double[] a = x.toRowMajorArray();
            double[] centred = new double[d];
            for (int k = 0; k < classes; k++) {
                double[] s = scalings[k];
                int p = s.length;
                double logDet = 0;
                double[] inverseRoot = new double[p];
                for (int c = 0; c < p; c++) {
                    logDet += Math.log(s[c]);
                    inverseRoot[c] = 1 / Math.sqrt(s[c]);
                }
                double logPrior = Math.log(priors[k]);
                double[] v = rotations[k];
                for (int i = 0; i < out.length; i++) {
                    for (int j = 0; j < d; j++) {
                        centred[j] = a[i * d + j] - means[k][j];
                    }
                    double norm = 0;
                    for (int c = 0; c < p; c++) {
                        double z = 0;
                        for (int j = 0; j < d; j++) {
                            z += centred[j] * v[j * p + c];
                        }
                        z *= inverseRoot[c];
                        norm += z * z;
                    }
                    out[i][k] = -0.5 * (norm + logDet) + logPrior;
                }
            }
            return out;
        }

        @Override
        public int[] predict(Matrix x) {
            return Discriminants.argmax(decisionFunction(x));
        }

        /// The posteriors, normalised by log-sum-exp.
        @Override
        public double[][] predictProba(Matrix x) {
            return Discriminants.softmax(decisionFunction(x));
        }

        /// The state; `rotations_` holds one row per class, the $d \times p_k$ matrix $V_k$ in row-major
        /// order.
        @Override
        public ModelState state() {
            Map<String, Object> parameters = new LinkedHashMap<>();
            parameters.put("reg_param", regParam);
            parameters.put("tol", tol);
            Map<String, Object> learned = new LinkedHashMap<>();
            learned.put("priors_", priors.clone());
            learned.put("means_", Discriminants.copy(means));
            learned.put("rotations_", Discriminants.copy(rotations));
            learned.put("scalings_", Discriminants.copy(scalings));
            return new ModelState("qda", parameters, learned);
        }

        /// Rebuilds a model from its state.
        ///
        /// @param state the state
        /// @return the model
        /// @throws IllegalArgumentException naming a missing or mistyped entry
        public static Fitted restore(ModelState state) {
            return new Fitted(
                    ((Number) state.parameter("reg_param")).doubleValue(),
                    ((Number) state.parameter("tol")).doubleValue(),
                    state.vector("priors_"),
                    state.matrix("means_"),
                    state.matrix("rotations_"),
                    state.matrix("scalings_"));
        }
    }
}
