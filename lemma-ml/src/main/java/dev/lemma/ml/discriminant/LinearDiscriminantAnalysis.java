package dev.lemma.ml.discriminant;

import dev.lemma.data.Dataset;
import dev.lemma.linalg.Matrix;
import dev.lemma.linalg.Svd;
import dev.lemma.ml.Classifier;
import dev.lemma.ml.Inputs;
import dev.lemma.ml.Learner;
import dev.lemma.ml.ModelState;
import dev.lemma.ml.Transformer;
import dev.lemma.numeric.StableFunctions;
import java.util.LinkedHashMap;
import java.util.Map;

/// Linear discriminant analysis, scikit-learn's `LinearDiscriminantAnalysis` with its default `svd`
/// solver: each class is Gaussian, $x \mid y = k \sim \mathcal N(\mu_k, \Sigma)$, with one covariance
/// $\Sigma$ shared by all classes, so that the log-posterior is linear in $x$,
/// $$\log P(y = k \mid x) = x^\top \Sigma^{-1}\mu_k - \tfrac12 \mu_k^\top \Sigma^{-1}\mu_k + \log \pi_k
/// + \text{const}.$$
/// The priors $\pi_k$ are the class frequencies, $\Sigma$ the pooled within-class covariance with
/// divisor $m - K$.
///
/// The `svd` solver never forms $\Sigma$: with $X_w$ the within-class centred rows, each column divided
/// by its standard deviation $s_j$,
/// 1. the SVD $\sqrt{1/(m - K)}\, X_w = U S V^\top$ gives the whitening $W = \operatorname{diag}(1/s)
///    V_r S_r^{-1}$ over the $r$ singular values above `tol`: $W^\top \Sigma W = I$;
/// 2. the whitened class means, weighted by $\sqrt{m \pi_k / (K - 1)}$ and centred on
///    $\bar x = \sum_k \pi_k \mu_k$, have the SVD $M = U' S' V'^\top$; its right singular vectors are
///    the directions that separate the means most, the discriminant axes, and `scalings_` $= W V'$
///    (over the singular values above `tol` times the largest);
/// 3. `explained_variance_ratio_` is $S'^2 / \sum S'^2$: each axis's share of the between-class variance.
///
/// `transform` projects $(x - \bar x)$ onto the first $\min(K - 1, d)$ axes (or `nComponents`), where
/// the pooled within-class covariance is the identity; `coef_` and `intercept_` are the linear
/// log-posterior above (one row, class 1 against class 0, when $K = 2$).
///
/// References: R. A. Fisher, "The use of multiple measurements in taxonomic problems", Annals of
/// Eugenics 7, 1936; T. Hastie, R. Tibshirani and J. Friedman, *The Elements of Statistical Learning*,
/// 2nd ed., 2009, §4.3; scikit-learn's `discriminant_analysis._solve_svd`.
///
/// @param nComponents the number of axes `transform` keeps, $1 \le$ `nComponents` $\le \min(K - 1, d)$, or
///     0 for all (`n_components`)
/// @param tol the relative threshold below which a singular value counts as zero (`tol`, default
///     $10^{-4}$)
public record LinearDiscriminantAnalysis(int nComponents, double tol)
        implements Learner<LinearDiscriminantAnalysis.Fitted> {

    /// Checks the settings.
    ///
    /// @throws IllegalArgumentException naming a setting out of range
    public LinearDiscriminantAnalysis {
        if (nComponents < 0) {
            throw new IllegalArgumentException(
                    "LinearDiscriminantAnalysis: n_components must be ≥ 0 (0 for all), got " + nComponents);
        }
        if (!(tol >= 0) || Double.isInfinite(tol)) {
            throw new IllegalArgumentException("LinearDiscriminantAnalysis: tol must be finite and ≥ 0, got " + tol);
        }
    }

    /// scikit-learn's defaults: all components, $\text{tol} = 10^{-4}$.
    public LinearDiscriminantAnalysis() {
        this(0, 1e-4);
    }

    /// @throws IllegalArgumentException if the data has non-finite values, fewer than two classes, an
    ///     empty class, no more rows than classes, or `nComponents` is larger than $\min(K - 1, d)$
    @Override
    public Fitted fit(Dataset data) {
        String who = "lda";
        Inputs.training(who, data, data.target());
        int[] y = Discriminants.labels(who, data);
        int classes = Discriminants.classes(who, data, y, 1);
        int m = data.size();
        int d = data.dimension();
        if (m <= classes) {
            throw new IllegalArgumentException(
                    who + ": " + m + " rows for " + classes + " classes; the pooled covariance needs more rows");
        }
        int maxComponents = Math.min(classes - 1, d);
        if (nComponents > maxComponents) {
            throw new IllegalArgumentException(
                    who + ": n_components = " + nComponents + " but min(classes - 1, features) = " + maxComponents);
        }
        int components = nComponents == 0 ? maxComponents : nComponents;
        double[][] x = data.features().toArray();
        int[] counts = Discriminants.counts(y, classes);
        double[] priors = new double[classes];
        for (int k = 0; k < classes; k++) {
            priors[k] = (double) counts[k] / m;
        }
        double[][] means = Discriminants.means(x, y, classes);

        // 1. within-class scaling: Xw = sqrt(1/(m - K)) (x_i - mu_{y_i}) / s, SVD, whitening W (d, r)
        double[] within = new double[m * d];
        double[] columnMean = new double[d];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < d; j++) {
                within[i * d + j] = x[i][j] - means[y[i]][j];
                columnMean[j] += within[i * d + j];
            }
        }
        double[] std = new double[d];
        for (int j = 0; j < d; j++) {
            columnMean[j] /= m;
            double s = 0;
            for (int i = 0; i < m; i++) {
                double r = within[i * d + j] - columnMean[j];
                s += r * r;
            }
            std[j] = Math.sqrt(s / m);
            if (std[j] == 0) {
                std[j] = 1; // a constant column: as scikit-learn, avoid dividing by zero
            }
        }
        double fac = Math.sqrt(1.0 / (m - classes));
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < d; j++) {
                within[i * d + j] = fac * (within[i * d + j] / std[j]);
            }
        }
        Svd first = Matrix.ofRowMajor(m, d, within).svd();
        int rank = 0;
        while (rank < first.singularValues().size() && first.singularValues().get(rank) > tol) {
            rank++;
        }
        if (rank == 0) {
            throw new IllegalArgumentException(who + ": every feature is constant within every class");
        }
        double[][] whitening = new double[d][rank]; // (d, r)
        for (int j = 0; j < d; j++) {
            for (int r = 0; r < rank; r++) {
                whitening[j][r] =
                        first.v().get(j, r) / std[j] / first.singularValues().get(r);
            }
        }

        // 2. between-class: the weighted, whitened, centred means (K, r), SVD
        double[] xbar = new double[d];
        for (int k = 0; k < classes; k++) {
            for (int j = 0; j < d; j++) {
                xbar[j] += priors[k] * means[k][j];
            }
        }
        double between = 1.0 / (classes - 1);
        double[][] centredMeans = new double[classes][d];
        for (int k = 0; k < classes; k++) {
            for (int j = 0; j < d; j++) {
                centredMeans[k][j] = means[k][j] - xbar[j];
            }
        }
        double[][] b = times(centredMeans, whitening);
        for (int k = 0; k < classes; k++) {
            double w = Math.sqrt(m * priors[k] * between);
            for (int r = 0; r < rank; r++) {
                b[k][r] *= w;
            }
        }
        Svd second = Matrix.of(b).svd();
        int p = second.singularValues().size();
        double total = 0;
        for (int c = 0; c < p; c++) {
            total += second.singularValues().get(c) * second.singularValues().get(c);
        }
        double[] ratio = new double[Math.min(components, p)];
        for (int c = 0; c < ratio.length; c++) {
            ratio[c] = second.singularValues().get(c) * second.singularValues().get(c) / total;
        }
        double largest = second.singularValues().get(0);
        int rank2 = 0;
        while (rank2 < p && second.singularValues().get(rank2) > tol * largest) {
            rank2++;
        }
        double[][] axes = new double[rank][rank2];
        for (int r = 0; r < rank; r++) {
            for (int c = 0; c < rank2; c++) {
                axes[r][c] = second.v().get(r, c);
            }
        }
        double[][] scalings = times(whitening, axes); // (d, rank2)

        // 3. the linear log-posterior
        double[][] projected = times(centredMeans, scalings); // (K, rank2)
        double[][] coef = times(projected, transpose(scalings)); // (K, d)
        double[] intercept = new double[classes];
        for (int k = 0; k < classes; k++) {
            double s = 0;
            for (double v : projected[k]) {
                s += v * v;
            }
            intercept[k] = -0.5 * s + Math.log(priors[k]);
            for (int j = 0; j < d; j++) {
                intercept[k] -= xbar[j] * coef[k][j];
            }
        }
        if (classes == 2) {
            double[] w = new double[d];
            for (int j = 0; j < d; j++) {
                w[j] = coef[1][j] - coef[0][j];
            }
            coef = new double[][] {w};
            intercept = new double[] {intercept[1] - intercept[0]};
        }
        return new Fitted(nComponents, tol, priors, means, xbar, scalings, ratio, coef, intercept, components);
    }

    private static double[][] times(double[][] a, double[][] b) {
        return Matrix.of(a).times(Matrix.of(b)).toArray();
    }

    private static double[][] transpose(double[][] a) {
        return Matrix.of(a).transpose().toArray();
    }

    /// A fitted linear discriminant analysis: a classifier, and a transformer onto the discriminant axes.
    @SuppressWarnings("ArrayRecordComponent") // fitted parameters, copied in and out
    public static final class Fitted implements Classifier, Transformer {
        private final int nComponents;
        private final double tol;
        private final double[] priors;
        private final double[][] means;
        private final double[] xbar;
        private final double[][] scalings;
        private final double[] explainedVarianceRatio;
        private final double[][] coef;
        private final double[] intercept;
        private final int components;

        Fitted(
                int nComponents,
                double tol,
                double[] priors,
                double[][] means,
                double[] xbar,
                double[][] scalings,
                double[] explainedVarianceRatio,
                double[][] coef,
                double[] intercept,
                int components) {
            this.nComponents = nComponents;
            this.tol = tol;
            this.priors = priors.clone();
            this.means = Discriminants.copy(means);
            this.xbar = xbar.clone();
            this.scalings = Discriminants.copy(scalings);
            this.explainedVarianceRatio = explainedVarianceRatio.clone();
            this.coef = Discriminants.copy(coef);
            this.intercept = intercept.clone();
            this.components = Math.min(components, scalings.length == 0 ? 0 : scalings[0].length);
        }

        /// @return the class priors $\pi_k$ (`priors_`)
        public double[] priors() {
            return priors.clone();
        }

        /// @return the class means $\mu_k$ (`means_`), $K \times d$
        public double[][] means() {
            return Discriminants.copy(means);
        }

        /// @return $\bar x = \sum_k \pi_k \mu_k$ (`xbar_`)
        public double[] xbar() {
            return xbar.clone();
        }

        /// @return the discriminant axes as columns (`scalings_`), $d \times r$
        public double[][] scalings() {
            return Discriminants.copy(scalings);
        }

        /// @return each axis's share of the between-class variance (`explained_variance_ratio_`)
        public double[] explainedVarianceRatio() {
            return explainedVarianceRatio.clone();
        }

        /// @return the weights of the linear log-posterior (`coef_`), $K \times d$, or $1 \times d$ for two
        ///     classes
        public double[][] coef() {
            return Discriminants.copy(coef);
        }

        /// @return the intercepts (`intercept_`), $K$, or 1 for two classes
        public double[] intercept() {
            return intercept.clone();
        }

        @Override
        public int classes() {
            return priors.length;
        }

        @Override
        public int features() {
            return xbar.length;
        }

        /// The linear log-posterior up to a constant, $x^\top$ `coef_`$^\top$ + `intercept_` (scikit-learn's
        /// `decision_function`): $q \times K$, or $q \times 1$ for two classes.
        ///
        /// @param x the features
        /// @return the scores
        /// @throws IllegalArgumentException if `x` has the wrong number of columns or a non-finite entry
        public double[][] decisionFunction(Matrix x) {
            Inputs.prediction("lda", x, features());
            double[][] s = x.times(Matrix.of(coef).transpose()).toArray();
            for (double[] row : s) {
                for (int k = 0; k < row.length; k++) {
                    row[k] += intercept[k];
                }
            }
            return s;
        }

        @Override
        public int[] predict(Matrix x) {
            double[][] s = decisionFunction(x);
            if (coef.length == 1) {
                int[] labels = new int[s.length];
                for (int i = 0; i < s.length; i++) {
                    labels[i] = s[i][0] > 0 ? 1 : 0;
                }
                return labels;
            }
            return Discriminants.argmax(s);
        }

        @Override
        public double[][] predictProba(Matrix x) {
            double[][] s = decisionFunction(x);
            if (coef.length == 1) {
                double[][] p = new double[s.length][2];
                for (int i = 0; i < s.length; i++) {
                    p[i][1] = StableFunctions.sigmoid(s[i][0]);
                    p[i][0] = 1 - p[i][1];
                }
                return p;
            }
            return Discriminants.softmax(s);
        }

        /// The coordinates on the discriminant axes, $(x - \bar x)$ `scalings_`, first `components` axes.
        @Override
        public Matrix transform(Matrix x) {
            Inputs.prediction("lda", x, features());
            int d = xbar.length;
            double[] a = x.toRowMajorArray();
            for (int i = 0; i < a.length; i++) {
                a[i] -= xbar[i % d];
            }
            double[][] kept = new double[d][components];
            for (int j = 0; j < d; j++) {
                System.arraycopy(scalings[j], 0, kept[j], 0, components);
            }
            return Matrix.ofRowMajor(x.rows(), d, a).times(Matrix.of(kept));
        }

        @Override
        public ModelState state() {
            Map<String, Object> parameters = new LinkedHashMap<>();
            parameters.put("solver", "svd");
            parameters.put("n_components", nComponents);
            parameters.put("tol", tol);
            Map<String, Object> learned = new LinkedHashMap<>();
            learned.put("priors_", priors.clone());
            learned.put("means_", Discriminants.copy(means));
            learned.put("xbar_", xbar.clone());
            learned.put("scalings_", Discriminants.copy(scalings));
            learned.put("explained_variance_ratio_", explainedVarianceRatio.clone());
            learned.put("coef_", Discriminants.copy(coef));
            learned.put("intercept_", intercept.clone());
            learned.put("n_components_", components);
            return new ModelState("lda", parameters, learned);
        }

        /// Rebuilds a model from its state.
        ///
        /// @param state the state
        /// @return the model
        /// @throws IllegalArgumentException naming a missing or mistyped entry
        public static Fitted restore(ModelState state) {
            return new Fitted(
                    ((Number) state.parameter("n_components")).intValue(),
                    ((Number) state.parameter("tol")).doubleValue(),
                    state.vector("priors_"),
                    state.matrix("means_"),
                    state.vector("xbar_"),
                    state.matrix("scalings_"),
                    state.vector("explained_variance_ratio_"),
                    state.matrix("coef_"),
                    state.vector("intercept_"),
                    (int) state.number("n_components_"));
        }
    }
}
