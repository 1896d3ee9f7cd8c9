package dev.lemma.experiments.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.lemma.data.Dataset;
import dev.lemma.experiments.ParameterException;
import dev.lemma.experiments.Result;
import dev.lemma.experiments.Runs;
import dev.lemma.experiments.Table;
import dev.lemma.linalg.Matrix;
import dev.lemma.viz.Series;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/// The PCA explorer: its variances against the eigenvalues of the sample covariance matrix computed here,
/// ratios summing to 1, the reconstruction error equal to the dropped variance and zero with every component.
class PcaExplorerExperimentTest {

    private static final PcaExplorerExperiment EXPERIMENT = new PcaExplorerExperiment();

    /// Eigenvalues of the sample covariance (divisor m − 1), largest first.
    private static double[] covarianceEigenvalues(Dataset data) {
        double[][] x = data.features().toArray();
        int m = x.length;
        int d = x[0].length;
        double[] mean = new double[d];
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j] / m;
            }
        }
        double[][] cov = new double[d][d];
        for (double[] row : x) {
            for (int p = 0; p < d; p++) {
                for (int q = 0; q < d; q++) {
                    cov[p][q] += (row[p] - mean[p]) * (row[q] - mean[q]) / (m - 1);
                }
            }
        }
        double[] eig = Matrix.of(cov).symmetricEigen().values().toArray();
        Arrays.sort(eig);
        double[] desc = new double[d];
        for (int j = 0; j < d; j++) {
            desc[j] = eig[d - 1 - j];
        }
        return desc;
    }

    @Test
    void variancesAreTheCovarianceEigenvaluesAndTheRatiosSumToOne() {
        for (String[] args : new String[][] {
            {"dataset", "iris"}, {"dataset", "wine"}, {"dataset", "wine", "standardise", "true"}, {"dataset", "digits"}
        }) {
            Result r = Runs.run(EXPERIMENT, args);
            Dataset data = PcaExplorerExperiment.data(args[1], args.length > 2);
            double[] eig = covarianceEigenvalues(data);
            double total = Arrays.stream(eig).sum();
            Table t = r.tables().getFirst();
            for (int j = 0; j < t.rows().size(); j++) {
                double v = ((Number) t.rows().get(j).get(1)).doubleValue();
                assertThat(v).as("%s component %d", args[1], j + 1).isCloseTo(eig[j], within(1e-9 * eig[0]));
                assertThat(((Number) t.rows().get(j).get(2)).doubleValue()).isCloseTo(eig[j] / total, within(1e-9));
            }
            Series.Line each = Runs.series(r.charts().get(1), Series.Line.class, "each component");
            assertThat(Arrays.stream(each.y()).sum()).isCloseTo(1, within(1e-9));
            assertThat(Runs.cell(r.tables().get(1), "sum of all ratios", 1)).isCloseTo(1, within(1e-9));
        }
    }

    @Test
    void theReconstructionErrorIsTheDroppedVarianceAndVanishesWithEveryComponent() {
        for (String dataset : new String[] {"iris", "wine", "digits"}) {
            Dataset data = PcaExplorerExperiment.data(dataset, false);
            double[] eig = covarianceEigenvalues(data);
            int m = data.size();
            int d = data.dimension();
            double scale = Arrays.stream(eig).sum();
            for (int k : new int[] {1, 2, 3, d}) {
                Result r = Runs.run(EXPERIMENT, "dataset", dataset, "k", String.valueOf(k));
                double dropped = 0;
                for (int j = k; j < d; j++) {
                    dropped += eig[j];
                }
                double expected = dropped * (m - 1) / m / d;
                Table t = r.tables().get(1);
                assertThat(Runs.cell(t, "explicit", 1))
                        .as("%s, k = %d", dataset, k)
                        .isCloseTo(expected, within(1e-9 * scale));
                if (k == d) {
                    // Every component: the reconstruction is the data itself.
                    assertThat(Runs.cell(t, "explicit", 1)).isLessThan(1e-20 * scale * scale + 1e-24);
                }
            }
        }
    }

    @Test
    void digitsShowTheirReconstructionsAndOthersDoNot() {
        assertThat(Runs.run(EXPERIMENT).charts()).hasSize(4);
        assertThat(Runs.run(EXPERIMENT, "dataset", "iris").charts()).hasSize(3);
        // k above the dimension is capped at it, and says so in the table's title.
        assertThat(Runs.run(EXPERIMENT, "dataset", "iris", "k", "30")
                        .tables()
                        .get(1)
                        .title())
                .contains("k = 4");
    }

    @Test
    void badParametersAreRejectedWithTheirName() {
        assertThatThrownBy(() -> Runs.run(EXPERIMENT, "k", "0"))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("k");
        assertThatThrownBy(() -> Runs.run(EXPERIMENT, "dataset", "diabetes"))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("digits");
    }
}
