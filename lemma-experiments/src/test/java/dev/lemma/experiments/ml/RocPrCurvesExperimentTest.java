package dev.lemma.experiments.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.lemma.experiments.ParameterException;
import dev.lemma.experiments.Result;
import dev.lemma.experiments.Runs;
import dev.lemma.experiments.Table;
import dev.lemma.stats.HypothesisTests;
import dev.lemma.viz.Series;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/// The ROC experiment: its AUC against the Mann–Whitney statistic $U/(n_+ n_-)$, its average precision
/// against the mean over positives of the precision at their rank, and its confusion matrix against counts
/// made here from the scores.
class RocPrCurvesExperimentTest {

    private static final RocPrCurvesExperiment EXPERIMENT = new RocPrCurvesExperiment();

    private static double[] select(int[] truth, double[] scores, int label) {
        return IntStream.range(0, truth.length)
                .filter(i -> truth[i] == label)
                .mapToDouble(i -> scores[i])
                .toArray();
    }

    /// Average precision with distinct scores: the mean over positives of the precision among the examples
    /// scored at least as high.
    private static double averagePrecision(int[] truth, double[] scores) {
        Integer[] order = IntStream.range(0, truth.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, (a, b) -> Double.compare(scores[b], scores[a]));
        double sum = 0;
        int found = 0;
        for (int rank = 0; rank < order.length; rank++) {
            if (truth[order[rank]] == 1) {
                found++;
                sum += (double) found / (rank + 1);
            }
        }
        return sum / found;
    }

    @Test
    void aucIsTheMannWhitneyStatisticAndApTheMeanPrecisionAtThePositives() {
        for (String[] args : new String[][] {
            {"dataset", "breast_cancer"},
            {"dataset", "synthetic"},
            {"dataset", "synthetic", "separation", "0.5", "positives", "0.05", "n", "2000", "seed", "7"},
            {"dataset", "breast_cancer", "logC", "-3", "seed", "11"}
        }) {
            Result r = Runs.run(EXPERIMENT, args);
            List<String> a = List.of(args);
            String dataset = a.get(1);
            double logC = a.contains("logC") ? Double.parseDouble(a.get(a.indexOf("logC") + 1)) : 0;
            double separation = a.contains("separation") ? Double.parseDouble(a.get(a.indexOf("separation") + 1)) : 1.5;
            double positives = a.contains("positives") ? Double.parseDouble(a.get(a.indexOf("positives") + 1)) : 0.2;
            int n = a.contains("n") ? Integer.parseInt(a.get(a.indexOf("n") + 1)) : 1000;
            long seed = a.contains("seed") ? Long.parseLong(a.get(a.indexOf("seed") + 1)) : 2;
            RocPrCurvesExperiment.Scored s =
                    RocPrCurvesExperiment.scored(dataset, Math.pow(10, logC), separation, positives, n, seed);
            double[] pos = select(s.truth(), s.scores(), 1);
            double[] neg = select(s.truth(), s.scores(), 0);
            double u = HypothesisTests.mannWhitneyU(pos, neg).statistic();
            Table t = r.tables().getFirst();
            assertThat(Runs.cell(t, "ROC AUC", 1)).as(dataset).isCloseTo(u / (pos.length * neg.length), within(1e-12));
            if (Arrays.stream(s.scores()).distinct().count() == s.scores().length) {
                assertThat(Runs.cell(t, "average precision", 1))
                        .isCloseTo(averagePrecision(s.truth(), s.scores()), within(1e-12));
            }
        }
    }

    @Test
    void theConfusionMatrixAndOperatingPointCountTheScoresAboveTheThreshold() {
        for (String threshold : new String[] {"0", "0.1", "0.5", "0.9", "1"}) {
            Result r = Runs.run(EXPERIMENT, "threshold", threshold);
            RocPrCurvesExperiment.Scored s = RocPrCurvesExperiment.scored("breast_cancer", 1, 1.5, 0.2, 1000, 2);
            double t = Double.parseDouble(threshold);
            int tp = 0;
            int fp = 0;
            for (int i = 0; i < s.truth().length; i++) {
                if (s.scores()[i] >= t) {
                    if (s.truth()[i] == 1) {
                        tp++;
                    } else {
                        fp++;
                    }
                }
            }
            int p = Arrays.stream(s.truth()).sum();
            int negatives = s.truth().length - p;
            Table confusion = r.tables().get(1);
            assertThat(Runs.cell(confusion, "actual malignant", 1)).isEqualTo(tp);
            assertThat(Runs.cell(confusion, "actual malignant", 2)).isEqualTo(p - tp);
            assertThat(Runs.cell(confusion, "actual benign", 1)).isEqualTo(fp);
            assertThat(Runs.cell(confusion, "actual benign", 2)).isEqualTo(negatives - fp);
            Series.Scatter point = Runs.series(r.charts().getFirst(), Series.Scatter.class, "threshold");
            assertThat(point.x()[0]).isEqualTo((double) fp / negatives);
            assertThat(point.y()[0]).isEqualTo((double) tp / p);
        }
        // Threshold 0 predicts everything positive: recall 1, false-positive rate 1.
        Table all = Runs.run(EXPERIMENT, "threshold", "0").tables().getFirst();
        assertThat(Runs.cell(all, "true-positive rate", 1)).isEqualTo(1.0);
        assertThat(Runs.cell(all, "false-positive rate", 1)).isEqualTo(1.0);
    }

    @Test
    void rarePositivesLowerPrecisionButNotTheRocCurve() {
        Table common = Runs.run(EXPERIMENT, "dataset", "synthetic", "positives", "0.5", "n", "5000")
                .tables()
                .getFirst();
        Table rare = Runs.run(EXPERIMENT, "dataset", "synthetic", "positives", "0.05", "n", "5000")
                .tables()
                .getFirst();
        assertThat(Runs.cell(rare, "ROC AUC", 1)).isCloseTo(Runs.cell(common, "ROC AUC", 1), within(0.05));
        assertThat(Runs.cell(rare, "average precision", 1)).isLessThan(Runs.cell(common, "average precision", 1) - 0.3);
        // Separation 0: the scores carry no information, AUC near ½.
        Table none = Runs.run(EXPERIMENT, "dataset", "synthetic", "separation", "0", "positives", "0.5", "n", "5000")
                .tables()
                .getFirst();
        assertThat(Runs.cell(none, "ROC AUC", 1)).isCloseTo(0.5, within(0.05));
    }

    @Test
    void badParametersAreRejectedWithTheirName() {
        assertThatThrownBy(() -> Runs.run(EXPERIMENT, "threshold", "1.5"))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("threshold");
        assertThatThrownBy(() -> Runs.run(EXPERIMENT, "dataset", "iris"))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("breast_cancer");
    }
}
