package dev.lemma.ml.discriminant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.lemma.data.Dataset;
import dev.lemma.data.Datasets;
import dev.lemma.linalg.Matrix;
import dev.lemma.linalg.Vector;
import dev.lemma.prob.MultivariateNormal;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/// Quadratic discriminant analysis against an independent computation (the reference file has no
/// scikit-learn QDA): Bayes' rule with the class-conditional densities of
/// [dev.lemma.prob.MultivariateNormal] (Cholesky, not the SVD), each class's covariance being the sample
/// covariance (divisor $m_k - 1$) shrunk towards the identity, $(1 - \lambda)\hat\Sigma_k + \lambda I$,
/// which is scikit-learn's model when every class has more rows than features. Posteriors to
/// [#TOLERANCE]. And with equal class covariances QDA must be LDA.
class QuadraticDiscriminantAnalysisTest {
    static final double TOLERANCE = 1e-10;

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 0.1, 0.7})
    void posteriorsAreBayesRuleWithGaussianDensities(double lambda) {
        Dataset iris = Datasets.load("iris");
        QuadraticDiscriminantAnalysis.Fitted qda = new QuadraticDiscriminantAnalysis(lambda).fit(iris);
        double[][] x = iris.features().toArray();
        int[] y = iris.labels();
        int d = 4;
        MultivariateNormal[] density = new MultivariateNormal[3];
        double[] logPrior = new double[3];
        for (int k = 0; k < 3; k++) {
            double[] mean = new double[d];
            int n = 0;
            for (int i = 0; i < x.length; i++) {
                if (y[i] == k) {
                    n++;
                    for (int j = 0; j < d; j++) {
                        mean[j] += x[i][j];
                    }
                }
            }
            for (int j = 0; j < d; j++) {
                mean[j] /= n;
            }
            double[][] cov = new double[d][d];
            for (int i = 0; i < x.length; i++) {
                if (y[i] == k) {
                    for (int a = 0; a < d; a++) {
                        for (int b = 0; b < d; b++) {
                            cov[a][b] += (x[i][a] - mean[a]) * (x[i][b] - mean[b]) / (n - 1);
                        }
                    }
                }
            }
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < d; b++) {
                    cov[a][b] = (1 - lambda) * cov[a][b] + (a == b ? lambda : 0);
                }
            }
            density[k] = new MultivariateNormal(Vector.of(mean), Matrix.of(cov));
            logPrior[k] = Math.log(n / 150.0);
            assertThat(qda.means()[k]).containsExactly(mean, within(1e-14));
        }
        // probe the training rows and points well away from them (where the densities underflow)
        SplittableRandom random = new SplittableRandom(11);
        double[][] probes = new double[x.length + 20][];
        for (int i = 0; i < probes.length; i++) {
            probes[i] = i < x.length
                    ? x[i]
                    : new double[] {
                        4 + 4 * random.nextDouble(),
                        2 + 2 * random.nextDouble(),
                        1 + 6 * random.nextDouble(),
                        3 * random.nextDouble()
                    };
        }
        double[][] p = qda.predictProba(Matrix.of(probes));
        int[] predicted = qda.predict(Matrix.of(probes));
        for (int i = 0; i < probes.length; i++) {
            double[] log = new double[3];
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < 3; k++) {
                log[k] = density[k].logPdf(Vector.of(probes[i])) + logPrior[k];
                max = Math.max(max, log[k]);
            }
            double sum = 0;
            for (int k = 0; k < 3; k++) {
                sum += Math.exp(log[k] - max);
            }
            int best = 0;
            for (int k = 0; k < 3; k++) {
                assertThat(p[i][k])
                        .as("λ = %s, probe %d, class %d", lambda, i, k)
                        .isCloseTo(Math.exp(log[k] - max) / sum, within(TOLERANCE));
                best = log[k] > log[best] ? k : best;
            }
            assertThat(predicted[i]).isEqualTo(best);
        }
    }

    @Test
    void withEqualCovariancesQdaIsLda() {
        // three classes: the same cloud of 40 points shifted to three centres, so the class covariances
        // are equal, and equal to LDA's pooled covariance
        SplittableRandom random = new SplittableRandom(5);
        int per = 40;
        double[][] cloud = new double[per][3];
        for (double[] row : cloud) {
            row[0] = random.nextGaussian();
            row[1] = 0.5 * row[0] + random.nextGaussian();
            row[2] = 2 * random.nextGaussian() - row[1];
        }
        double[][] centres = {{0, 0, 0}, {2, 1, -1}, {-1, 3, 1}};
        double[][] x = new double[3 * per][];
        double[] y = new double[3 * per];
        for (int k = 0; k < 3; k++) {
            for (int i = 0; i < per; i++) {
                x[k * per + i] = new double[] {
                    cloud[i][0] + centres[k][0], cloud[i][1] + centres[k][1], cloud[i][2] + centres[k][2]
                };
                y[k * per + i] = k;
            }
        }
        Dataset data = Dataset.of("shifted", Matrix.of(x), List.of("a", "b", "c"), y, "class", List.of("0", "1", "2"));
        QuadraticDiscriminantAnalysis.Fitted qda = new QuadraticDiscriminantAnalysis().fit(data);
        LinearDiscriminantAnalysis.Fitted lda = new LinearDiscriminantAnalysis().fit(data);
        Matrix probes = Matrix.random(200, 3, 9).times(6.0);
        assertThat(qda.predict(probes)).containsExactly(lda.predict(probes));
        assertThat(qda.predict(data.features())).containsExactly(lda.predict(data.features()));
        double[][] pq = qda.predictProba(data.features());
        double[][] pl = lda.predictProba(data.features());
        for (int i = 0; i < pq.length; i++) {
            assertThat(pq[i]).containsExactly(pl[i], within(1e-9));
        }
    }

    @Test
    void theStateRestoresTheSameModel() {
        Dataset iris = Datasets.load("iris");
        QuadraticDiscriminantAnalysis.Fitted qda = new QuadraticDiscriminantAnalysis(0.05).fit(iris);
        QuadraticDiscriminantAnalysis.Fitted again = QuadraticDiscriminantAnalysis.Fitted.restore(qda.state());
        assertThat(qda.state().kind()).isEqualTo("qda");
        assertThat(again.predictProba(iris.features())).isDeepEqualTo(qda.predictProba(iris.features()));
        assertThat(qda.rotation(0)).hasDimensions(4, 4);
        assertThat(qda.score(iris)).isGreaterThan(0.95);
    }

    @Test
    void badInputIsNamed() {
        Dataset iris = Datasets.load("iris");
        int[] rows = new int[101];
        for (int i = 0; i < 100; i++) {
            rows[i] = i;
        }
        rows[100] = 120; // one example of class 2
        assertThatThrownBy(() -> new QuadraticDiscriminantAnalysis().fit(iris.rows(rows)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("class 2 has 1 training example(s); it needs at least 2");
        assertThatThrownBy(() -> new QuadraticDiscriminantAnalysis().fit(iris.rows(new int[] {0, 1, 50, 51, 52})))
                .hasMessageContaining("class 2 has 0 training example(s)");
        int[] few = {0, 1, 2, 50, 51, 52, 53, 54, 55};
        Dataset small = iris.rows(few);
        Dataset twoClasses = Dataset.of(
                "small", small.features(), small.featureNames(), small.target(), "species", List.of("a", "b"));
        assertThatThrownBy(() -> new QuadraticDiscriminantAnalysis().fit(twoClasses))
                .hasMessageContaining("covariance of class 0 has rank 2 < 4 features")
                .hasMessageContaining("reg_param > 0");
        assertThat(new QuadraticDiscriminantAnalysis(0.5).fit(twoClasses).classes())
                .isEqualTo(2);
        QuadraticDiscriminantAnalysis.Fitted qda = new QuadraticDiscriminantAnalysis().fit(iris);
        assertThatThrownBy(() -> qda.predictProba(Matrix.zeros(2, 5)))
                .hasMessageContaining("fitted on 4 features but is given 5");
        assertThatThrownBy(() -> new QuadraticDiscriminantAnalysis(1.5)).hasMessageContaining("reg_param");
    }
}
