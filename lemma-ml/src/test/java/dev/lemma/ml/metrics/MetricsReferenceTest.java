package dev.lemma.ml.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lemma.linalg.Matrix;
import dev.lemma.stats.HypothesisTests;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/// The metrics against scikit-learn 1.2.1 (`sklearn_metrics.json`, copied from the project's shared
/// reference folder; its README in the test resources gives the source) to $10^{-12}$ relative; the ROC
/// area against the Mann–Whitney statistic; regression errors against NumPy 2.4.6.
class MetricsReferenceTest {
    private static final double TOL = 1e-12;

    static JsonNode reference() {
        try (InputStream in = MetricsReferenceTest.class.getResourceAsStream("/reference/sklearn_metrics.json")) {
            if (in == null) {
                throw new IllegalStateException("/reference/sklearn_metrics.json is missing from the test resources");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void classificationScoresAreScikitLearns() {
        JsonNode c = reference().get("classification");
        int[] t = ints(c.get("y_true"));
        int[] p = ints(c.get("y_pred"));
        assertThat(ClassificationMetrics.accuracy(t, p))
                .isCloseTo(c.get("accuracy").asDouble(), within(TOL));
        int[][] cm = ClassificationMetrics.confusionMatrix(t, p);
        for (int i = 0; i < cm.length; i++) {
            assertThat(cm[i]).containsExactly(ints(c.get("confusion_matrix").get(i)));
        }
        for (Average a : Average.values()) {
            String suffix = "_" + a.name().toLowerCase(java.util.Locale.ROOT);
            assertThat(ClassificationMetrics.precision(t, p, a))
                    .as("precision" + suffix)
                    .isCloseTo(c.get("precision" + suffix).asDouble(), within(TOL));
            assertThat(ClassificationMetrics.recall(t, p, a))
                    .as("recall" + suffix)
                    .isCloseTo(c.get("recall" + suffix).asDouble(), within(TOL));
            assertThat(ClassificationMetrics.f1(t, p, a))
                    .as("f1" + suffix)
                    .isCloseTo(c.get("f1" + suffix).asDouble(), within(TOL));
        }
        assertClose(ClassificationMetrics.precisionPerClass(t, p), doubles(c.get("precision_per_class")));
        assertClose(ClassificationMetrics.recallPerClass(t, p), doubles(c.get("recall_per_class")));
        assertClose(ClassificationMetrics.f1PerClass(t, p), doubles(c.get("f1_per_class")));
    }

    @Test
    void rocAucAndLogLossAreScikitLearns() {
        JsonNode b = reference().get("binary_scores");
        int[] t = ints(b.get("y_true"));
        double[] s = doubles(b.get("scores"));
        assertThat(RankingMetrics.rocAuc(t, s)).isCloseTo(b.get("roc_auc").asDouble(), within(TOL));
        assertThat(ClassificationMetrics.logLoss(t, s))
                .isCloseTo(b.get("log_loss").asDouble(), within(TOL));
        JsonNode m = reference().get("multiclass_log_loss");
        double[][] proba = new double[m.get("proba").size()][];
        for (int i = 0; i < proba.length; i++) {
            proba[i] = doubles(m.get("proba").get(i));
        }
        assertThat(ClassificationMetrics.logLoss(ints(m.get("y_true")), proba))
                .isCloseTo(m.get("log_loss").asDouble(), within(TOL));
    }

    @Test
    void silhouetteAndAdjustedRandIndexAreScikitLearns() {
        JsonNode c = reference().get("clustering");
        double[][] points = new double[c.get("points").size()][];
        for (int i = 0; i < points.length; i++) {
            points[i] = doubles(c.get("points").get(i));
        }
        int[] a = ints(c.get("labels_a"));
        int[] b = ints(c.get("labels_b"));
        assertThat(ClusteringMetrics.silhouette(Matrix.of(points), a))
                .isCloseTo(c.get("silhouette_a").asDouble(), within(TOL));
        assertThat(ClusteringMetrics.silhouette(Matrix.of(points), b))
                .isCloseTo(c.get("silhouette_b").asDouble(), within(TOL));
        assertThat(ClusteringMetrics.adjustedRandIndex(a, b))
                .isCloseTo(c.get("adjusted_rand_index_a_b").asDouble(), within(TOL));
        // renaming the clusters changes nothing
        int[] renamed = b.clone();
        for (int i = 0; i < renamed.length; i++) {
            renamed[i] = 2 - renamed[i];
        }
        assertThat(ClusteringMetrics.adjustedRandIndex(b, renamed)).isEqualTo(1);
    }

    @Test
    void theRocAreaIsTheMannWhitneyStatisticOverTheNumberOfPairs() {
        SplittableRandom random = new SplittableRandom(12);
        for (int trial = 0; trial < 50; trial++) {
            int m = 5 + random.nextInt(60);
            int[] t = new int[m];
            double[] s = new double[m];
            for (int i = 0; i < m; i++) {
                t[i] = i == 0 ? 1 : i == 1 ? 0 : random.nextInt(2); // both classes present
                s[i] = Math.round(random.nextGaussian() * 4 + 2 * t[i]) / 4.0; // coarse: many ties
            }
            List<Double> pos = new ArrayList<>();
            List<Double> neg = new ArrayList<>();
            for (int i = 0; i < m; i++) {
                (t[i] == 1 ? pos : neg).add(s[i]);
            }
            double u = HypothesisTests.mannWhitneyU(
                            pos.stream().mapToDouble(Double::doubleValue).toArray(),
                            neg.stream().mapToDouble(Double::doubleValue).toArray())
                    .statistic();
            assertThat(RankingMetrics.rocAuc(t, s)).isCloseTo(u / (pos.size() * neg.size()), within(1e-12));
            RankingMetrics.Curve pr = RankingMetrics.precisionRecall(t, s);
            assertThat(pr.x()[0]).isEqualTo(1); // the lowest threshold recalls everything
            assertThat(pr.y()[0]).isCloseTo((double) pos.size() / m, within(1e-15));
        }
    }

    @Test
    void averagePrecisionOfAPerfectRankingIsOneAndOfTheWorstIsItsStepSum() {
        int[] t = {0, 0, 1, 1};
        assertThat(RankingMetrics.averagePrecision(t, new double[] {0.1, 0.2, 0.8, 0.9}))
                .isEqualTo(1);
        // reversed: the positives rank last; at recall 1/2 precision is 1/3, at recall 1 it is 2/4
        assertThat(RankingMetrics.averagePrecision(t, new double[] {0.9, 0.8, 0.2, 0.1}))
                .isCloseTo(0.5 * (1.0 / 3) + 0.5 * 0.5, within(1e-15));
    }

    @Test
    void regressionErrorsAreNumPys() {
        // y and ŷ and the expected values from NumPy 2.4.6:
        // rng = default_rng(2026); y = round(rng.normal(10, 3, 25), 2); p = round(y + rng.normal(0, 1.5, 25), 2)
        double[] y = {
            7.62, 10.72, 4.31, 14.19, 11.91, 9.12, 9.06, 10.91, 9.2, 9.32, 12.16, 11.54, 9.81, 9.74, 10.48, 8.16, 8.79,
            11.64, 9.61, 5.88, 8.57, 11.97, 9.3, 9.55, 11.93
        };
        double[] p = {
            10.36, 9.65, 6.33, 12.34, 12.17, 7.37, 11.09, 12.16, 10.91, 7.99, 13.19, 10.76, 9.12, 10.5, 11.8, 8.47,
            7.85, 10.4, 11.78, 6.77, 9.65, 15.25, 8.08, 13.39, 16.66
        };
        assertThat(RegressionMetrics.mse(y, p)).isCloseTo(3.7070919999999994, within(TOL * 4));
        assertThat(RegressionMetrics.rmse(y, p)).isCloseTo(1.9253810012566341, within(TOL * 2));
        assertThat(RegressionMetrics.mae(y, p)).isCloseTo(1.6116000000000001, within(TOL * 2));
        assertThat(RegressionMetrics.r2(y, p)).isCloseTo(0.11667170042487163, within(TOL));
        assertThat(RegressionMetrics.r2(new double[] {2, 2}, new double[] {2, 2}))
                .isEqualTo(1);
        assertThat(RegressionMetrics.r2(new double[] {2, 2}, new double[] {2, 3}))
                .isZero();
    }

    @Test
    void badInputIsNamed() {
        assertThatThrownBy(() -> ClassificationMetrics.accuracy(new int[] {1, 2}, new int[] {1}))
                .hasMessageContaining("2 true labels and 1 predictions");
        assertThatThrownBy(() -> ClassificationMetrics.logLoss(new int[] {1, 0}, new double[] {0.5, 1.5}))
                .hasMessageContaining("the probability at row 1 is 1.5, not in [0, 1]");
        assertThatThrownBy(() -> RankingMetrics.rocAuc(new int[] {1, 1}, new double[] {0.5, 0.4}))
                .hasMessageContaining("needs both classes");
        assertThatThrownBy(() -> RegressionMetrics.mse(new double[] {1, Double.NaN}, new double[] {1, 2}))
                .hasMessageContaining("example 1 has true value NaN");
    }

    private static void assertClose(double[] actual, double[] expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < actual.length; i++) {
            assertThat(actual[i]).isCloseTo(expected[i], within(TOL));
        }
    }

    private static int[] ints(JsonNode a) {
        int[] r = new int[a.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = a.get(i).asInt();
        }
        return r;
    }

    private static double[] doubles(JsonNode a) {
        double[] r = new double[a.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = a.get(i).asDouble();
        }
        return r;
    }
}
