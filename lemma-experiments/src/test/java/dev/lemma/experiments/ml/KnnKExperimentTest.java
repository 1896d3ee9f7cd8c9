package dev.lemma.experiments.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lemma.data.Dataset;
import dev.lemma.experiments.ParameterException;
import dev.lemma.experiments.Result;
import dev.lemma.experiments.Runs;
import dev.lemma.experiments.Table;
import dev.lemma.viz.Series;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/// The knn-k experiment against a brute-force k-NN written here: standardise with the training rows' mean
/// and population standard deviation, sort the training points by distance, take the majority of the first
/// $k$. With two classes and odd $k$ there is no tied vote.
class KnnKExperimentTest {

    private static final KnnKExperiment EXPERIMENT = new KnnKExperiment();

    private static int[] bruteForce(Dataset train, Dataset query, int k) {
        double[][] x = train.features().toArray();
        int[] y = train.labels();
        int d = x[0].length;
        double[] mean = new double[d];
        double[] sd = new double[d];
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j] / x.length;
            }
        }
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                sd[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / x.length;
            }
        }
        for (int j = 0; j < d; j++) {
            sd[j] = Math.sqrt(sd[j]);
        }
        double[][] q = query.features().toArray();
        int[] out = new int[q.length];
        for (int i = 0; i < q.length; i++) {
            double[] dist = new double[x.length];
            Integer[] order = new Integer[x.length];
            for (int t = 0; t < x.length; t++) {
                double s = 0;
                for (int j = 0; j < d; j++) {
                    double e = (q[i][j] - x[t][j]) / sd[j];
                    s += e * e;
                }
                dist[t] = s;
                order[t] = t;
            }
            Arrays.sort(order, (a, b) -> Double.compare(dist[a], dist[b]));
            int ones = 0;
            for (int t = 0; t < k; t++) {
                ones += y[order[t]];
            }
            out[i] = 2 * ones > k ? 1 : 0;
        }
        return out;
    }

    private static double accuracy(int[] truth, int[] predicted) {
        int right = 0;
        for (int i = 0; i < truth.length; i++) {
            right += truth[i] == predicted[i] ? 1 : 0;
        }
        return (double) right / truth.length;
    }

    @Test
    void accuraciesAgreeWithABruteForceVoteAtOddK() {
        for (String dataset : List.of("moons", "circles", "xor")) {
            Result r = Runs.run(EXPERIMENT, "dataset", dataset, "maxK", "25");
            Dataset.Split split = KnnKExperiment.split(dataset, 300, 0.35, 1);
            Table t = r.tables().getFirst();
            for (int k = 1; k <= 25; k += 2) {
                int row = k;
                List<Object> cells = t.rows().stream()
                        .filter(c -> ((Number) c.getFirst()).intValue() == row)
                        .findFirst()
                        .orElse(null);
                if (cells == null) {
                    continue;
                }
                assertThat(((Number) cells.get(1)).doubleValue())
                        .as("%s train, k = %d", dataset, k)
                        .isEqualTo(accuracy(split.train().labels(), bruteForce(split.train(), split.train(), k)));
                assertThat(((Number) cells.get(2)).doubleValue())
                        .as("%s test, k = %d", dataset, k)
                        .isEqualTo(accuracy(split.test().labels(), bruteForce(split.train(), split.test(), k)));
            }
            // k = 1: every training point is its own nearest neighbour.
            assertThat(Runs.cell(t, "1", 1)).isEqualTo(1.0);
        }
    }

    @Test
    void theBoundaryIsTheVoteAtEachGridPoint() {
        Result r = Runs.run(EXPERIMENT, "dataset", "moons", "k", "7");
        Dataset.Split split = KnnKExperiment.split("moons", 300, 0.35, 1);
        Series.Heatmap map = Runs.series(r.charts().getFirst(), Series.Heatmap.class, "predicted");
        double[][] points = new double[map.y().length * map.x().length / 35 + 1][];
        int n = 0;
        int[] expectedCells = new int[points.length];
        for (int i = 0, c = 0; i < map.y().length; i++) {
            for (int j = 0; j < map.x().length; j++, c++) {
                if (c % 35 == 0 && n < points.length) {
                    points[n] = new double[] {map.x()[j], map.y()[i]};
                    expectedCells[n] = (int) map.z()[i][j];
                    n++;
                }
            }
        }
        double[][] used = Arrays.copyOf(points, n);
        Dataset query = Dataset.of(
                "grid",
                dev.lemma.linalg.Matrix.of(used),
                List.of("x1", "x2"),
                new double[n],
                "class",
                List.of("0", "1"));
        int[] brute = bruteForce(split.train(), query, 7);
        assertThat(Arrays.copyOf(expectedCells, n)).containsExactly(brute);
    }

    @Test
    void atTheDefaultsTestAccuracyRisesThenFallsWithK() {
        Table t = Runs.run(EXPERIMENT).tables().getFirst();
        double one = Runs.cell(t, "1", 2);
        double eleven = Runs.cell(t, "11", 2);
        double last = Runs.cell(t, "100", 2);
        assertThat(eleven).isGreaterThan(one);
        assertThat(last).isLessThan(one - 0.3);
    }

    @Test
    void badParametersAreRejectedWithTheirName() {
        assertThatThrownBy(() -> Runs.run(EXPERIMENT, "k", "0"))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("k");
        assertThatThrownBy(() -> Runs.run(EXPERIMENT, "dataset", "iris"))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("moons");
    }
}
