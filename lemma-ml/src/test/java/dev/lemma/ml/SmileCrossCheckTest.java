package dev.lemma.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lemma.data.Dataset;
import dev.lemma.data.Datasets;
import dev.lemma.data.Synthetic;
import dev.lemma.linalg.Matrix;
import dev.lemma.linalg.Vector;
import dev.lemma.ml.bayes.BernoulliNB;
import dev.lemma.ml.bayes.MultinomialNB;
import dev.lemma.ml.decomposition.PCA;
import dev.lemma.ml.discriminant.LinearDiscriminantAnalysis;
import dev.lemma.ml.discriminant.QuadraticDiscriminantAnalysis;
import dev.lemma.ml.linear.ElasticNet;
import dev.lemma.ml.linear.LinearRegression;
import dev.lemma.ml.linear.LinearRegressor;
import dev.lemma.ml.linear.LogisticClassifier;
import dev.lemma.ml.linear.LogisticRegression;
import dev.lemma.ml.linear.Ridge;
import dev.lemma.ml.neighbors.KNeighborsClassifier;
import dev.lemma.ml.preprocessing.StandardScaler;
import dev.lemma.prob.MultivariateNormal;
import java.lang.foreign.Arena;
import java.lang.foreign.SymbolLookup;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import smile.classification.DiscreteNaiveBayes;
import smile.classification.FLD;
import smile.classification.KNN;
import smile.classification.LDA;
import smile.classification.QDA;
import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.regression.LASSO;
import smile.regression.LinearModel;
import smile.regression.OLS;
import smile.regression.RidgeRegression;

/// Lemma against [Smile](https://haifengl.github.io/) 6.2.5, a second, independent implementation of the
/// same models (GPL, so in test scope only): both fit the same bundled data and every test compares
/// what must agree, with the tolerance stated beside it, after mapping Smile's parametrisation onto
/// scikit-learn's, which Lemma follows. Where the two differ by definition the test says how, and
/// checks the difference is the one stated.
///
/// The mappings, for $m$ rows (derived from Smile's source; each test checks one):
/// - ridge, lasso, elastic net: Smile standardises $X$ with the sample standard deviation (divisor
///   $m - 1$), scikit-learn's `StandardScaler` with divisor $m$, and Smile's losses are sums of
///   squares, scikit-learn's lasso and elastic net halve the mean: ridge $\alpha = \lambda\, m/(m-1)$;
///   lasso $\alpha = \lambda / (2\sqrt{m(m-1)})$; elastic net
///   $\alpha\rho = \lambda_1 / (2\sqrt{m(m-1)})$, $\alpha(1-\rho) = \lambda_2/(m-1)$;
/// - binomial logistic regression: Smile minimises $-\log L + \frac\lambda2\|w\|^2$, so $\lambda = 1/C$.
///
/// Most of Smile 6's linear algebra calls native OpenBLAS through the FFM API (`libopenblas.so`, Debian's
/// `libopenblas-dev`); [#requireOpenBlas()] skips those tests, saying why, when it is missing, unless
/// `LEMMA_REQUIRE_OPENBLAS=1` (as in CI), where a missing library fails them. Logistic regression, naive
/// Bayes and KNN are pure Java and always run.
class SmileCrossCheckTest {
    /// Closed forms (QR, Cholesky, eigendecompositions) in two libraries: rounding only.
    static final double CLOSED_FORM = 1e-9;
    /// Smile's lasso and elastic net stop an interior-point method at a relative duality gap, here
    /// $10^{-12}$ (its default, $10^{-4}$, stops far sooner); Lemma's coordinate descent at a relative
    /// change of $10^{-13}$.
    static final double INTERIOR_POINT = 1e-9;
    /// Two quasi-Newton solvers stopped on a small gradient, on a strictly convex objective.
    static final double QUASI_NEWTON = 1e-6;

    // ---- linear regression ----

    @Test
    void olsAgreesOnDiabetes() {
        requireOpenBlas();
        Dataset diabetes = Datasets.load("diabetes");
        DataFrame df = frame(diabetes);
        LinearRegressor lemma = new LinearRegression().fit(diabetes);
        LinearModel ols = OLS.fit(Formula.lhs("target"), df);
        // The same least-squares problem; Smile solves it by QR (LAPACK), Lemma by its default solver.
        assertRelative(lemma.coefficients(), array(ols.coefficients()), CLOSED_FORM);
        // The intercept relative to the mean target, 152.
        assertThat(lemma.intercept()).isCloseTo(ols.intercept(), within(CLOSED_FORM * 152));
    }

    @Test
    void ridgeAgreesOnStandardisedData() {
        requireOpenBlas();
        Dataset diabetes = Datasets.load("diabetes");
        DataFrame df = frame(diabetes);
        int m = diabetes.size();
        double lambda = 1.0;
        LinearModel ridge = RidgeRegression.fit(Formula.lhs("target"), df, lambda);
        // Smile penalises the coefficients of the features standardised with divisor m - 1; Lemma's
        // StandardScaler divides by m, which scales those coefficients by sqrt((m-1)/m) and the penalty
        // by m/(m-1). The result, mapped back to the raw features, is the same model.
        StandardScaler.Fitted scaler = new StandardScaler().fit(diabetes);
        LinearRegressor lemma = new Ridge(lambda * m / (m - 1)).fit(standardised(diabetes, scaler));
        assertRelative(unscale(lemma.coefficients(), scaler), array(ridge.coefficients()), CLOSED_FORM);
        // And on the raw features the same λ is a different penalty: the coefficients differ.
        LinearRegressor raw = new Ridge(lambda).fit(diabetes);
        assertThat(maxRelativeDifference(raw.coefficients(), array(ridge.coefficients())))
                .isGreaterThan(1e-3);
    }

    @Test
    void lassoAgreesWithTheMappedPenalty() {
        requireOpenBlas();
        Dataset diabetes = Datasets.load("diabetes");
        DataFrame df = frame(diabetes);
        int m = diabetes.size();
        double lambda = 1000;
        LinearModel lasso = LASSO.fit(Formula.lhs("target"), df, new LASSO.Options(lambda, 1e-12, 1000));
        // Smile: ||y - Zw||² + λ||w||₁ with Z standardised by divisor m - 1. scikit-learn and Lemma:
        // ||y - Xw||²/(2m) + α||w||₁. Multiply by 2m and substitute Z = sqrt((m-1)/m) X.
        double alpha = lambda / (2 * Math.sqrt((double) m * (m - 1)));
        StandardScaler.Fitted scaler = new StandardScaler().fit(diabetes);
        LinearRegressor lemma = new ElasticNet(alpha, 1.0, 1_000_000, 1e-13, true).fit(standardised(diabetes, scaler));
        double[] coefficients = unscale(lemma.coefficients(), scaler);
        assertThat(count(coefficients, 0.0))
                .as("some coefficients are zero at this λ")
                .isPositive();
        assertRelative(coefficients, array(lasso.coefficients()), INTERIOR_POINT);
    }

    @Test
    void elasticNetAgreesWithTheMappedPenalties() {
        requireOpenBlas();
        Dataset diabetes = Datasets.load("diabetes");
        DataFrame df = frame(diabetes);
        int m = diabetes.size();
        double lambda1 = 1000;
        double lambda2 = 100;
        LinearModel enet = smile.regression.ElasticNet.fit(
                Formula.lhs("target"), df, new smile.regression.ElasticNet.Options(lambda1, lambda2, 1e-12, 1000));
        // Smile: ||y - Zw||² + λ₁||w||₁ + λ₂||w||² (the naive elastic net of Zou and Hastie, no
        // (1 + λ₂) rescaling). Lemma: ||y - Xw||²/(2m) + αρ||w||₁ + α(1 - ρ)/2 ||w||².
        double l1 = lambda1 / (2 * Math.sqrt((double) m * (m - 1)));
        double l2 = lambda2 / (m - 1);
        StandardScaler.Fitted scaler = new StandardScaler().fit(diabetes);
        LinearRegressor lemma =
                new ElasticNet(l1 + l2, l1 / (l1 + l2), 1_000_000, 1e-13, true).fit(standardised(diabetes, scaler));
        assertRelative(unscale(lemma.coefficients(), scaler), array(enet.coefficients()), INTERIOR_POINT);
    }

    // ---- logistic regression ----

    @Test
    void binomialLogisticRegressionAgreesWithLambdaOneOverC() {
        Dataset cancer = standardised(Datasets.load("breast_cancer"));
        double c = 1.0;
        LogisticClassifier lemma = new LogisticRegression(c, LogisticRegression.Solver.NEWTON, 100, 1e-12).fit(cancer);
        smile.classification.LogisticRegression.Binomial logit = smile.classification.LogisticRegression.binomial(
                rows(cancer), cancer.labels(), new smile.classification.LogisticRegression.Options(1 / c, 1e-10, 1000));
        // scikit-learn: C Σ -log P + ||w||²/2; Smile: Σ -log P + λ||w||²/2. Divide by C: λ = 1/C.
        double[] w = logit.coefficients(); // the weights, then the intercept
        int d = cancer.dimension();
        assertRelative(lemma.coefficients()[0], Arrays.copyOf(w, d), QUASI_NEWTON);
        assertThat(lemma.intercepts()[0]).isCloseTo(w[d], within(QUASI_NEWTON));
        double[][] p = lemma.predictProba(cancer.features());
        assertThat(largestDifference(p, rows(cancer), logit)).isLessThanOrEqualTo(QUASI_NEWTON);
    }

    @Test
    void multinomialLogisticRegressionPenalisesOneClassFewer() {
        // Smile's multinomial model fixes the last class's weights at zero and penalises the other K - 1
        // rows; scikit-learn penalises all K rows (which then sum to zero). A different penalty, so the
        // same λ = 1/C gives different models; as the penalty vanishes both tend to the maximum-likelihood
        // fit, which exists on overlapping classes.
        Dataset blobs = Synthetic.blobs(300, new double[][] {{0, 0}, {1, 0}, {0, 1}}, 1.0, 7);
        double[][] x = rows(blobs);
        for (double c : new double[] {1e6, 0.01}) {
            LogisticClassifier lemma =
                    new LogisticRegression(c, LogisticRegression.Solver.NEWTON, 100, 1e-12).fit(blobs);
            smile.classification.LogisticRegression.Multinomial logit =
                    smile.classification.LogisticRegression.multinomial(
                            x, blobs.labels(), new smile.classification.LogisticRegression.Options(1 / c, 1e-10, 1000));
            double largest = largestDifference(lemma.predictProba(blobs.features()), x, logit);
            if (c > 1) {
                assertThat(largest).as("nearly unpenalised").isLessThan(QUASI_NEWTON);
            } else {
                assertThat(largest).as("strongly penalised, differently").isGreaterThan(1e-3);
            }
        }
    }

    // ---- naive Bayes ----

    @Test
    void multinomialAndBernoulliNaiveBayesAgreeOnDigits() {
        // Smile's DiscreteNaiveBayes: add-one smoothing of the counts, (N_kj + 1) / (N_k + d) for the
        // multinomial model and (N_kj + 1) / (m_k + 2) for the Bernoulli one, which counts a feature as
        // present when it is positive; the class frequencies as priors (up to 1e-20 added to each count).
        // That is scikit-learn's MultinomialNB(alpha=1) and BernoulliNB(alpha=1, binarize=0). Digits are
        // pixel counts from 0 to 16.
        Dataset digits = Datasets.load("digits");
        int[][] counts = new int[digits.size()][digits.dimension()];
        for (int i = 0; i < counts.length; i++) {
            for (int j = 0; j < counts[i].length; j++) {
                counts[i][j] = (int) digits.features().get(i, j);
            }
        }
        DiscreteNaiveBayes multinomial = new DiscreteNaiveBayes(DiscreteNaiveBayes.Model.MULTINOMIAL, 10, 64);
        multinomial.update(counts, digits.labels());
        DiscreteNaiveBayes bernoulli = new DiscreteNaiveBayes(DiscreteNaiveBayes.Model.BERNOULLI, 10, 64);
        bernoulli.update(counts, digits.labels());
        double[][] p = new MultinomialNB().fit(digits).predictProba(digits.features());
        assertThat(largestDifference(p, counts, multinomial)).isLessThanOrEqualTo(CLOSED_FORM);
        double[][] q = new BernoulliNB().fit(digits).predictProba(digits.features());
        assertThat(largestDifference(q, counts, bernoulli)).isLessThanOrEqualTo(CLOSED_FORM);
    }

    // ---- neighbours ----

    @Test
    void kNearestNeighboursVoteAlikeOnWine() {
        // Uniform votes among the k nearest in Euclidean distance: Smile's posterior is the vote share,
        // as scikit-learn's. Standardised wine has no ties among distances, so the neighbours are the
        // same sets and the shares agree exactly (each is a count over k). Smile's search skips the query
        // array itself (reference equality), so a training row must be queried through a copy.
        Dataset wine = standardised(Datasets.load("wine"));
        int k = 5;
        double[][] x = rows(wine);
        KNN<double[]> knn = KNN.fit(x, wine.labels(), k);
        double[][] p = new KNeighborsClassifier(k).fit(wine).predictProba(wine.features());
        double[][] copies = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            copies[i] = x[i].clone();
        }
        assertThat(largestDifference(p, copies, knn)).isZero();
        assertThat(largestDifference(p, x, knn))
                .as("Smile leaving each row out")
                .isGreaterThan(0);
    }

    // ---- discriminant analysis ----

    @Test
    void qdaPosteriorsAgreeOnIris() {
        requireOpenBlas();
        // The same model: class frequencies as priors, each class's sample covariance (divisor m_k - 1).
        Dataset iris = Datasets.load("iris");
        double[][] x = rows(iris);
        QDA qda = QDA.fit(x, iris.labels());
        double[][] p = new QuadraticDiscriminantAnalysis().fit(iris).predictProba(iris.features());
        assertThat(largestDifference(p, x, qda)).isLessThanOrEqualTo(CLOSED_FORM);
    }

    @Test
    void fisherDirectionsAgreeOnIris() {
        requireOpenBlas();
        // Smile's FLD takes the eigenvectors of S_w⁻¹S_b, with S_b the unweighted scatter of the class
        // means over K and S_w the total covariance minus S_b. With equal class sizes (iris: 50 each)
        // both are combinations of the textbook's within- and between-class scatters W and B, so the
        // eigenvectors are those of W⁻¹B: Lemma's (scikit-learn's) scalings up to length and sign. With
        // unequal sizes Smile's unweighted S_b is another matrix and the axes differ.
        Dataset iris = Datasets.load("iris");
        FLD fld = FLD.fit(rows(iris), iris.labels());
        double[][] smileAxes = fld.getProjection().toArray(new double[0][]);
        double[][] lemmaAxes = new LinearDiscriminantAnalysis().fit(iris).scalings();
        for (int a = 0; a < 2; a++) {
            assertParallel(column(lemmaAxes, a), column(smileAxes, a), CLOSED_FORM);
        }
    }

    @Test
    void smilesLdaIsBayesRuleWithTheTotalCovariance() {
        requireOpenBlas();
        // Both are Bayes' rule with Gaussian classes sharing one covariance, with the class frequencies as
        // priors; they differ in that covariance. scikit-learn's and Lemma's is the pooled within-class
        // scatter divided by m - K (the textbook's); Smile 6.2.5's LDA takes the scatter about the grand
        // mean, divided by m - K, which the spread between the class means inflates. Each library's
        // posteriors are rebuilt here from its covariance with MultivariateNormal.
        Dataset iris = Datasets.load("iris");
        double[][] x = rows(iris);
        int[] y = iris.labels();
        int m = x.length;
        int classes = 3;
        LinearDiscriminantAnalysis.Fitted lemma = new LinearDiscriminantAnalysis().fit(iris);
        double[][] means = lemma.means();
        double[] grand = new double[x[0].length];
        for (double[] row : x) {
            for (int j = 0; j < grand.length; j++) {
                grand[j] += row[j] / m;
            }
        }
        double[][] within = new double[grand.length][grand.length];
        double[][] total = new double[grand.length][grand.length];
        for (int i = 0; i < m; i++) {
            for (int a = 0; a < grand.length; a++) {
                for (int b = 0; b < grand.length; b++) {
                    within[a][b] += (x[i][a] - means[y[i]][a]) * (x[i][b] - means[y[i]][b]) / (m - classes);
                    total[a][b] += (x[i][a] - grand[a]) * (x[i][b] - grand[b]) / (m - classes);
                }
            }
        }
        double[][] p = lemma.predictProba(iris.features());
        assertThat(largest(p, bayes(x, means, lemma.priors(), within))).isLessThanOrEqualTo(CLOSED_FORM);
        LDA lda = LDA.fit(x, y);
        double[][] withTotal = bayes(x, means, lemma.priors(), total);
        assertThat(largestDifference(withTotal, x, lda)).isLessThanOrEqualTo(CLOSED_FORM);
        // The difference is no rounding: on iris the posteriors differ by up to 0.8.
        assertThat(largest(p, withTotal)).isGreaterThan(0.5);
    }

    // ---- principal components ----

    @Test
    void pcaAgreesOnIrisUpToSign() {
        requireOpenBlas();
        Dataset iris = Datasets.load("iris");
        int m = iris.size();
        smile.feature.extraction.PCA pca = smile.feature.extraction.PCA.fit(rows(iris));
        PCA.Fitted lemma = new PCA().fit(iris);
        // Both take the SVD of the centred data. Smile's variance() holds σ², scikit-learn's
        // explained_variance_ σ²/(m - 1); the proportions are the same ratios.
        assertRelative(lemma.explainedVarianceRatio(), array(pca.varianceProportion()), CLOSED_FORM);
        double[] variance = array(pca.variance());
        for (int k = 0; k < variance.length; k++) {
            variance[k] /= m - 1;
        }
        assertRelative(lemma.explainedVariance(), variance, CLOSED_FORM);
        double[][] loadings = pca.loadings().toArray(new double[0][]);
        double[][] components = lemma.components();
        for (int k = 0; k < components.length; k++) {
            assertParallel(components[k], column(loadings, k), CLOSED_FORM);
        }
    }

    @Test
    void correlationPcaIsPcaOfStandardisedFeatures() {
        requireOpenBlas();
        // Smile's PCA.cor eigendecomposes the correlation matrix: PCA of the standardised features, whose
        // variance ratios do not depend on the divisor of the standard deviation.
        Dataset wine = Datasets.load("wine");
        smile.feature.extraction.PCA pca = smile.feature.extraction.PCA.cor(rows(wine));
        PCA.Fitted lemma = new PCA().fit(standardised(wine));
        assertRelative(lemma.explainedVarianceRatio(), array(pca.varianceProportion()), CLOSED_FORM);
    }

    // ---- helpers ----

    /// Skips the calling test, saying why, when Smile cannot load native OpenBLAS, or fails it when
    /// `LEMMA_REQUIRE_OPENBLAS=1`. Looks the library up as Smile's `smile.linalg.blas.cblas_h` does
    /// (the system property `smile.lib.blas`, else `openblas`, `blas` on macOS), without touching Smile,
    /// whose classes would stay broken after a failed static initialiser.
    @SuppressWarnings("restricted") // the lookup Smile itself makes, to see whether it would succeed
    static void requireOpenBlas() {
        boolean mac = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("mac");
        String library = System.mapLibraryName(System.getProperty("smile.lib.blas", mac ? "blas" : "openblas"));
        try (Arena arena = Arena.ofConfined()) {
            SymbolLookup.libraryLookup(library, arena);
        } catch (IllegalArgumentException | IllegalCallerException e) {
            String why = "Smile needs the native BLAS " + library + " (Debian: apt-get install libopenblas-dev): "
                    + e.getMessage();
            if ("1".equals(System.getenv("LEMMA_REQUIRE_OPENBLAS"))) {
                fail(why + "; LEMMA_REQUIRE_OPENBLAS=1 requires the Smile cross-checks to run");
            }
            assumeTrue(false, why + "; the cross-check is skipped");
        }
    }

    /// The largest difference between Lemma's class probabilities `p` and Smile's posteriors for the rows `x`.
    static <T> double largestDifference(double[][] p, T[] x, smile.classification.Classifier<T> rival) {
        double[] posteriori = new double[p[0].length];
        double largest = 0;
        for (int i = 0; i < x.length; i++) {
            rival.predict(x[i], posteriori);
            for (int k = 0; k < posteriori.length; k++) {
                largest = Math.max(largest, Math.abs(posteriori[k] - p[i][k]));
            }
        }
        return largest;
    }

    /// Bayes' rule for Gaussian classes with the given means, priors and one shared covariance.
    static double[][] bayes(double[][] x, double[][] means, double[] priors, double[][] covariance) {
        double[][] posteriors = new double[x.length][means.length];
        for (int i = 0; i < x.length; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < means.length; k++) {
                MultivariateNormal density = new MultivariateNormal(Vector.of(means[k]), Matrix.of(covariance));
                posteriors[i][k] = density.logPdf(Vector.of(x[i])) + Math.log(priors[k]);
                max = Math.max(max, posteriors[i][k]);
            }
            double sum = 0;
            for (int k = 0; k < means.length; k++) {
                posteriors[i][k] = Math.exp(posteriors[i][k] - max);
                sum += posteriors[i][k];
            }
            for (int k = 0; k < means.length; k++) {
                posteriors[i][k] /= sum;
            }
        }
        return posteriors;
    }

    /// The largest absolute difference between two tables of probabilities.
    static double largest(double[][] p, double[][] q) {
        double largest = 0;
        for (int i = 0; i < p.length; i++) {
            for (int k = 0; k < p[i].length; k++) {
                largest = Math.max(largest, Math.abs(p[i][k] - q[i][k]));
            }
        }
        return largest;
    }

    /// The dataset's features with its target as a last column named `target`, as a Smile data frame.
    static DataFrame frame(Dataset d) {
        double[][] x = rows(d);
        double[] y = d.target();
        double[][] table = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            table[i] = Arrays.copyOf(x[i], x[i].length + 1);
            table[i][x[i].length] = y[i];
        }
        List<String> names = new ArrayList<>(d.featureNames());
        names.add("target");
        return DataFrame.of(table, names.toArray(String[]::new));
    }

    static Dataset standardised(Dataset d) {
        return standardised(d, new StandardScaler().fit(d));
    }

    static Dataset standardised(Dataset d, StandardScaler.Fitted scaler) {
        return d.withFeatures(scaler.transform(d.features()));
    }

    /// Coefficients of standardised features as coefficients of the raw ones: $w_j / s_j$.
    static double[] unscale(double[] w, StandardScaler.Fitted scaler) {
        double[] s = scaler.scale();
        double[] raw = new double[w.length];
        for (int j = 0; j < w.length; j++) {
            raw[j] = w[j] / s[j];
        }
        return raw;
    }

    static double[][] rows(Dataset d) {
        return d.features().toArray();
    }

    static double[] array(smile.tensor.Vector v) {
        double[] a = new double[v.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = v.get(i);
        }
        return a;
    }

    static double[] column(double[][] a, int j) {
        double[] c = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i][j];
        }
        return c;
    }

    static int count(double[] a, double value) {
        int n = 0;
        for (double v : a) {
            n += v == value ? 1 : 0;
        }
        return n;
    }

    static double maxRelativeDifference(double[] actual, double[] expected) {
        double scale = 0;
        double largest = 0;
        for (int j = 0; j < expected.length; j++) {
            scale = Math.max(scale, Math.abs(expected[j]));
            largest = Math.max(largest, Math.abs(actual[j] - expected[j]));
        }
        return largest / scale;
    }

    /// Each entry within `tol` times the largest entry of `expected`.
    static void assertRelative(double[] actual, double[] expected, double tol) {
        assertThat(actual).hasSameSizeAs(expected);
        assertThat(maxRelativeDifference(actual, expected))
                .as("%s vs %s", Arrays.toString(actual), Arrays.toString(expected))
                .isLessThanOrEqualTo(tol);
    }

    /// `u` and `v` point along the same line, either way: [#misalignment] at most `tol`.
    static void assertParallel(double[] u, double[] v, double tol) {
        assertThat(misalignment(u, v)).isLessThanOrEqualTo(tol);
    }

    /// $\min(\|\hat u - \hat v\|, \|\hat u + \hat v\|)$ for the unit vectors along `u` and `v`: about the
    /// angle between the two lines, 0 when they are parallel.
    static double misalignment(double[] u, double[] v) {
        assertThat(u).hasSameSizeAs(v);
        double uu = 0;
        double vv = 0;
        for (int i = 0; i < u.length; i++) {
            uu += u[i] * u[i];
            vv += v[i] * v[i];
        }
        double minus = 0;
        double plus = 0;
        for (int i = 0; i < u.length; i++) {
            double a = u[i] / Math.sqrt(uu);
            double b = v[i] / Math.sqrt(vv);
            minus += (a - b) * (a - b);
            plus += (a + b) * (a + b);
        }
        return Math.sqrt(Math.min(minus, plus));
    }
}
