package dev.lemma.experiments.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.lemma.data.Dataset;
import dev.lemma.experiments.ParameterException;
import dev.lemma.experiments.Result;
import dev.lemma.experiments.Runs;
import dev.lemma.experiments.Table;
import dev.lemma.experiments.UserData;
import dev.lemma.linalg.Matrix;
import dev.lemma.ml.Classifier;
import dev.lemma.ml.metrics.ClassificationMetrics;
import dev.lemma.viz.Series;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/// The decision-boundaries experiment: its grid is the model's own predictions at those points, and its
/// accuracies are [ClassificationMetrics#accuracy] on the split, both recomputed here from a fresh fit.
class DecisionBoundariesExperimentTest {

    private static final DecisionBoundariesExperiment EXPERIMENT = new DecisionBoundariesExperiment();

    private static void checkAgainstAFreshFit(String dataset, String classifier, String logC, String degree) {
        Result r = Runs.run(
                EXPERIMENT, "dataset", dataset, "classifier", classifier, "logC", logC, "degree", degree, "seed", "4");
        Dataset data = DecisionBoundariesExperiment.dataset(dataset, 300, 0.25, 4);
        Dataset.Split split = data.split(DecisionBoundariesExperiment.TEST_FRACTION, 4, true);
        Table t = r.tables().getFirst();
        for (DecisionBoundariesExperiment.Choice each : DecisionBoundariesExperiment.CLASSIFIERS) {
            Classifier model = each.factory()
                    .learner(new DecisionBoundariesExperiment.Settings(
                            Math.pow(10, Double.parseDouble(logC)), Integer.parseInt(degree), 15, 4))
                    .fit(split.train());
            double train = ClassificationMetrics.accuracy(
                    split.train().labels(), model.predict(split.train().features()));
            double test = ClassificationMetrics.accuracy(
                    split.test().labels(), model.predict(split.test().features()));
            assertThat(Runs.cell(t, each.key(), 2)).as(each.key()).isEqualTo(train);
            assertThat(Runs.cell(t, each.key(), 3)).as(each.key()).isEqualTo(test);
            if (!each.key().equals(classifier)) {
                continue;
            }
            Series.Heatmap map = Runs.series(r.charts().getFirst(), Series.Heatmap.class, "");
            double[] xs = map.x();
            double[] ys = map.y();
            double[][] z = map.z();
            boolean probability = map.name().startsWith("P(");
            for (int i = 0; i < ys.length; i += 7) {
                for (int j = 0; j < xs.length; j += 5) {
                    Matrix point = Matrix.of(new double[][] {{xs[j], ys[i]}});
                    if (probability) {
                        assertThat(z[i][j]).isCloseTo(model.predictProba(point)[0][1], within(1e-12));
                        // The probability's side of ½ is the predicted class.
                        assertThat(model.predict(point)[0]).isEqualTo(z[i][j] > 0.5 ? 1 : 0);
                    } else {
                        assertThat(z[i][j]).isEqualTo(model.predict(point)[0]);
                    }
                }
            }
        }
    }

    @Test
    void gridAndAccuraciesAreTheModelsOwn() {
        checkAgainstAFreshFit("moons", "logistic-regression", "1", "3");
        checkAgainstAFreshFit("blobs", "gaussian-nb", "0", "1");
        checkAgainstAFreshFit("circles", "perceptron", "0", "2");
        checkAgainstAFreshFit("xor", "gaussian-nb", "-2", "2");
        checkAgainstAFreshFit("spirals", "knn", "0", "1");
        checkAgainstAFreshFit("moons", "lda", "0", "1");
        checkAgainstAFreshFit("circles", "qda", "0", "1");
    }

    @Test
    void aLineCannotSeparateXorButDegreeTwoCan() {
        double line = Runs.cell(
                Runs.run(EXPERIMENT, "dataset", "xor", "degree", "1").tables().getFirst(), "logistic", 3);
        double quadratic = Runs.cell(
                Runs.run(EXPERIMENT, "dataset", "xor", "degree", "2").tables().getFirst(), "logistic", 3);
        assertThat(line).isLessThan(0.7);
        assertThat(quadratic).isGreaterThan(0.9);
    }

    @Test
    void anUploadedCsvIsClassifiedByItsFirstTwoNumericColumns() {
        StringBuilder csv = new StringBuilder("id,a,b,kind\n");
        for (int i = 0; i < 60; i++) {
            double a = i % 2 == 0 ? -1 - i / 60.0 : 1 + i / 60.0;
            double b = (i % 7) / 7.0;
            csv.append("r")
                    .append(i)
                    .append(',')
                    .append(a)
                    .append(',')
                    .append(b)
                    .append(',');
            csv.append(i % 2 == 0 ? "left" : "right").append('\n');
        }
        String key = UserData.put(UserData.Kind.CSV, "mine.csv", csv.toString().getBytes(StandardCharsets.UTF_8));
        Result r = Runs.run(EXPERIMENT, "dataset", key, "degree", "1");
        Table t = r.tables().getFirst();
        assertThat(Runs.cell(t, "logistic", 3)).isEqualTo(1.0);
        assertThat(Runs.cell(t, "gaussian-nb", 3)).isEqualTo(1.0);
        assertThat(r.charts().getFirst().series().stream().map(Series::name)).contains("left (train)", "right (test)");
    }

    @Test
    void badDataAndParametersAreRejectedWithReasons() {
        String one =
                UserData.put(UserData.Kind.CSV, "one.csv", "a,b,c\n1,2,x\n3,4,x\n".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> Runs.run(EXPERIMENT, "dataset", one))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("one value only");
        String narrow =
                UserData.put(UserData.Kind.CSV, "narrow.csv", "a,c\n1,x\n3,y\n".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> Runs.run(EXPERIMENT, "dataset", narrow))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("two feature columns");
        assertThatThrownBy(() -> UserData.put(UserData.Kind.CSV, "bad.csv", new byte[] {(byte) 0xff, (byte) 0xfe, 0}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bad.csv");
        assertThatThrownBy(() -> Runs.run(EXPERIMENT, "dataset", "iris"))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("dataset");
        assertThatThrownBy(() -> Runs.run(EXPERIMENT, "degree", "7"))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("degree");
    }
}
