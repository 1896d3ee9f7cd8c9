package dev.lemma.experiments.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.lemma.data.Dataset;
import dev.lemma.experiments.ParameterException;
import dev.lemma.experiments.Result;
import dev.lemma.experiments.Runs;
import dev.lemma.experiments.Table;
import dev.lemma.viz.Series;
import org.junit.jupiter.api.Test;

/// The logistic-training experiment: its final loss recomputed here from the formula at the reported
/// coefficients, the library's fit reached by every solver, losses that never rise under the line-search
/// solvers, and Newton needing fewer iterations than gradient descent.
class LogisticTrainingExperimentTest {

    private static final LogisticTrainingExperiment EXPERIMENT = new LogisticTrainingExperiment();

    private static double loss(Dataset data, double c, double w1, double w2, double b) {
        double[][] x = data.features().toArray();
        int[] y = data.labels();
        double f = (w1 * w1 + w2 * w2) / (2 * c);
        for (int i = 0; i < x.length; i++) {
            double z = w1 * x[i][0] + w2 * x[i][1] + b;
            f += Math.log1p(Math.exp(-Math.abs(z))) + Math.max(z, 0) - y[i] * z;
        }
        return f;
    }

    @Test
    void theReportedLossIsTheFormulaAtTheReportedCoefficientsAndEverySolverMatchesTheLibrary() {
        for (String dataset : new String[] {"moons", "blobs", "overlapping-blobs"}) {
            for (String logC : new String[] {"-2", "0", "2"}) {
                Result r = Runs.run(EXPERIMENT, "dataset", dataset, "logC", logC);
                Dataset data = LogisticTrainingExperiment.data(dataset, 200, 5);
                double c = Math.pow(10, Double.parseDouble(logC));
                Table t = r.tables().getFirst();
                for (String solver : LogisticTrainingExperiment.SOLVERS) {
                    double w1 = Runs.cell(t, solver, 6);
                    double w2 = Runs.cell(t, solver, 7);
                    double b = Runs.cell(t, solver, 8);
                    double f = Runs.cell(t, solver, 3);
                    assertThat(f).isCloseTo(loss(data, c, w1, w2, b), within(1e-9 * Math.max(1, f)));
                    // The library, with the same solver, takes the same steps.
                    assertThat(Runs.cell(t, solver, 9)).isEqualTo(Runs.cell(t, solver, 1));
                    assertThat(Double.parseDouble(t.rows().stream()
                                    .filter(row -> row.getFirst().equals(solver))
                                    .findFirst()
                                    .orElseThrow()
                                    .get(10)
                                    .toString()))
                            .isLessThan(1e-9);
                }
                // All three reach one optimum, up to the tolerance.
                double lbfgs = Runs.cell(t, "lbfgs", 3);
                assertThat(Runs.cell(t, "newton", 3)).isCloseTo(lbfgs, within(1e-6 * Math.max(1, lbfgs)));
                assertThat(Runs.cell(t, "gradient-descent", 3)).isCloseTo(lbfgs, within(1e-6 * Math.max(1, lbfgs)));
                assertThat(Runs.cell(t, "newton", 1)).isLessThanOrEqualTo(Runs.cell(t, "gradient-descent", 1));
            }
        }
    }

    @Test
    void lineSearchesNeverLetTheLossRise() {
        Result r = Runs.run(EXPERIMENT);
        for (String solver : new String[] {"gradient-descent", "newton"}) {
            Series.Line line = Runs.series(r.charts().getFirst(), Series.Line.class, solver);
            for (int i = 1; i < line.y().length; i++) {
                assertThat(line.y()[i]).as("%s at %d", solver, i).isLessThanOrEqualTo(line.y()[i - 1] * (1 + 1e-12));
            }
        }
        // On the separable default, gradient descent needs far more steps than Newton.
        Table t = r.tables().getFirst();
        assertThat(Runs.cell(t, "gradient-descent", 1)).isGreaterThan(10 * Runs.cell(t, "newton", 1));
    }

    @Test
    void theFinalBoundaryIsTheFinalIterate() {
        Result r = Runs.run(EXPERIMENT, "solver", "newton");
        Series.Line last = Runs.series(r.charts().get(1), Series.Line.class, "iteration");
        for (Series s : r.charts().get(1).series()) {
            if (s.name().endsWith("(final)")) {
                last = (Series.Line) s;
            }
        }
        Table t = r.tables().getFirst();
        double w1 = Runs.cell(t, "newton", 6);
        double w2 = Runs.cell(t, "newton", 7);
        double b = Runs.cell(t, "newton", 8);
        for (int i = 0; i < 2; i++) {
            assertThat(w1 * last.x()[i] + w2 * last.y()[i] + b).isCloseTo(0, within(1e-9));
        }
    }

    @Test
    void badParametersAreRejectedWithTheirName() {
        assertThatThrownBy(() -> Runs.run(EXPERIMENT, "solver", "adam"))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("solver");
        assertThatThrownBy(() -> Runs.run(EXPERIMENT, "snapshots", "1"))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("snapshots");
    }
}
