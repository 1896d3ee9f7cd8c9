package dev.lemma.ml.discriminant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lemma.data.Dataset;
import dev.lemma.data.Datasets;
import dev.lemma.linalg.Matrix;
import dev.lemma.ml.ModelState;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/// Linear discriminant analysis against scikit-learn 1.2.1 (`generate.py` in the shared reference folder:
/// `LinearDiscriminantAnalysis()`, solver `svd`, on raw iris): priors, means, explained variance ratios,
/// `coef_`, `intercept_` and the first transformed rows (each axis's sign normalised so that row 0 is
/// positive) to [#RELATIVE] relative, and the training accuracy exactly. Also the defining property of
/// the transform: the pooled within-class covariance of the projected data is the identity.
class LinearDiscriminantAnalysisReferenceTest {
    static final double RELATIVE = 1e-9;

    static JsonNode reference() {
        try (InputStream in = LinearDiscriminantAnalysisReferenceTest.class.getResourceAsStream(
                "/reference/sklearn_classifiers.json")) {
            return new ObjectMapper().readTree(in).get("LinearDiscriminantAnalysis");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void fittedValuesAreScikitLearns() {
        JsonNode ref = reference();
        Dataset iris = Datasets.load("iris");
        LinearDiscriminantAnalysis.Fitted lda = new LinearDiscriminantAnalysis().fit(iris);
        close("priors_", lda.priors(), doubles(ref.get("priors_")));
        close("explained_variance_ratio_", lda.explainedVarianceRatio(), doubles(ref.get("explained_variance_ratio_")));
        close("intercept_", lda.intercept(), doubles(ref.get("intercept_")));
        for (int k = 0; k < 3; k++) {
            close("means_ " + k, lda.means()[k], doubles(ref.get("means_").get(k)));
            close("coef_ " + k, lda.coef()[k], doubles(ref.get("coef_").get(k)));
        }
        int rows = ref.get("transform_rows").size();
        double[][] t = lda.transform(iris.features().block(0, rows, 0, 4)).toArray();
        assertThat(t[0]).hasSize(2);
        for (int c = 0; c < 2; c++) {
            double sign = Math.signum(t[0][c]);
            for (int i = 0; i < rows; i++) {
                double expected = ref.get("transform_first_rows").get(i).get(c).asDouble();
                assertThat(sign * t[i][c])
                        .as("transform row %d axis %d", i, c)
                        .isCloseTo(expected, within(RELATIVE * Math.abs(expected)));
            }
        }
        assertThat(lda.score(iris)).isEqualTo(ref.get("train_accuracy").asDouble());
    }

    @Test
    void theProjectedWithinClassCovarianceIsTheIdentity() {
        Dataset iris = Datasets.load("iris");
        LinearDiscriminantAnalysis.Fitted lda = new LinearDiscriminantAnalysis().fit(iris);
        double[][] z = lda.transform(iris.features()).toArray();
        int[] y = iris.labels();
        double[][] mean = new double[3][2];
        int[] count = new int[3];
        for (int i = 0; i < z.length; i++) {
            count[y[i]]++;
            for (int c = 0; c < 2; c++) {
                mean[y[i]][c] += z[i][c];
            }
        }
        for (int k = 0; k < 3; k++) {
            for (int c = 0; c < 2; c++) {
                mean[k][c] /= count[k];
            }
        }
        for (int a = 0; a < 2; a++) {
            for (int b = 0; b < 2; b++) {
                double s = 0;
                for (int i = 0; i < z.length; i++) {
                    s += (z[i][a] - mean[y[i]][a]) * (z[i][b] - mean[y[i]][b]);
                }
                assertThat(s / (z.length - 3)).isCloseTo(a == b ? 1 : 0, within(1e-10));
            }
        }
    }

    @Test
    void probabilitiesAreTheSoftmaxOfTheDecisionFunctionAndTheStateRestores() {
        Dataset iris = Datasets.load("iris");
        LinearDiscriminantAnalysis.Fitted lda = new LinearDiscriminantAnalysis().fit(iris);
        Matrix x = iris.features();
        double[][] p = lda.predictProba(x);
        double[][] s = lda.decisionFunction(x);
        int[] predicted = lda.predict(x);
        for (int i = 0; i < p.length; i++) {
            assertThat(p[i][0] + p[i][1] + p[i][2]).isCloseTo(1, within(1e-15));
            assertThat(Math.log(p[i][1] / p[i][0]))
                    .isCloseTo(s[i][1] - s[i][0], within(1e-9 * (1 + Math.abs(s[i][1] - s[i][0]))));
            assertThat(p[i][predicted[i]]).isGreaterThanOrEqualTo(Math.max(p[i][0], Math.max(p[i][1], p[i][2])));
        }
        ModelState state = lda.state();
        assertThat(state.kind()).isEqualTo("lda");
        LinearDiscriminantAnalysis.Fitted again = LinearDiscriminantAnalysis.Fitted.restore(state);
        assertThat(again.predictProba(x)).isDeepEqualTo(p);
        assertThat(again.transform(x)).isEqualTo(lda.transform(x));
    }

    @Test
    void twoClassesGiveOneRowAndTheSigmoid() {
        Dataset iris = Datasets.load("iris");
        int[] rows = new int[100];
        for (int i = 0; i < 100; i++) {
            rows[i] = 50 + i; // versicolor and virginica, relabelled 0 and 1
        }
        Dataset two = iris.rows(rows);
        double[] y = two.target();
        for (int i = 0; i < y.length; i++) {
            y[i] -= 1;
        }
        two = Dataset.of("two", two.features(), two.featureNames(), y, "species", List.of("versicolor", "virginica"));
        LinearDiscriminantAnalysis.Fitted lda = new LinearDiscriminantAnalysis().fit(two);
        assertThat(lda.coef()).hasDimensions(1, 4);
        assertThat(lda.explainedVarianceRatio()).containsExactly(1.0);
        assertThat(lda.transform(two.features()).cols()).isEqualTo(1);
        double[][] p = lda.predictProba(two.features());
        double[][] s = lda.decisionFunction(two.features());
        for (int i = 0; i < p.length; i++) {
            assertThat(p[i][1]).isCloseTo(1 / (1 + Math.exp(-s[i][0])), within(1e-15));
            assertThat(lda.predict(two.features())[i]).isEqualTo(s[i][0] > 0 ? 1 : 0);
        }
        assertThat(lda.score(two)).isGreaterThan(0.95);
    }

    @Test
    void badInputIsNamed() {
        Dataset iris = Datasets.load("iris");
        assertThatThrownBy(() -> new LinearDiscriminantAnalysis(3, 1e-4).fit(iris))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("n_components = 3 but min(classes - 1, features) = 2");
        LinearDiscriminantAnalysis.Fitted lda = new LinearDiscriminantAnalysis().fit(iris);
        assertThatThrownBy(() -> lda.predict(Matrix.zeros(1, 3)))
                .hasMessageContaining("fitted on 4 features but is given 3");
        Dataset setosa = iris.rows(new int[] {0, 1, 2, 3});
        assertThatThrownBy(() -> new LinearDiscriminantAnalysis().fit(setosa))
                .hasMessageContaining("class 1 has 0 training example(s)");
        Dataset one = Dataset.of("one", setosa.features(), setosa.featureNames(), setosa.target(), "y", List.of());
        assertThatThrownBy(() -> new LinearDiscriminantAnalysis().fit(one)).hasMessageContaining("one class only");
        assertThatThrownBy(() -> new LinearDiscriminantAnalysis(-1, 1e-4)).hasMessageContaining("n_components");
    }

    private static void close(String what, double[] actual, double[] expected) {
        assertThat(actual).as(what).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i])
                    .as("%s[%d]", what, i)
                    .isCloseTo(expected[i], within(RELATIVE * Math.max(Math.abs(expected[i]), 1e-300)));
        }
    }

    static double[] doubles(JsonNode a) {
        double[] r = new double[a.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = a.get(i).asDouble();
        }
        return r;
    }
}
