package dev.lemma.experiments.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.lemma.experiments.ParameterException;
import dev.lemma.experiments.Result;
import dev.lemma.experiments.Runs;
import dev.lemma.experiments.Table;
import dev.lemma.linalg.Matrix;
import dev.lemma.linalg.Vector;
import dev.lemma.viz.Chart;
import dev.lemma.viz.Series;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/// The regression-fit experiment against a direct least-squares solve of the points it draws
/// ([Matrix#leastSquares] on $[\mathbf 1 \; x]$), and the orthogonality of the residual checked here.
class RegressionFitExperimentTest {

    private static final RegressionFitExperiment EXPERIMENT = new RegressionFitExperiment();

    /// The points as drawn: inliers and outliers together.
    private static double[][] points(Chart chart) {
        Series.Scatter in = Runs.series(chart, Series.Scatter.class, "points");
        double[] x = in.x();
        double[] y = in.y();
        if (chart.series().stream().anyMatch(s -> s.name().equals("outliers"))) {
            Series.Scatter out = Runs.series(chart, Series.Scatter.class, "outliers");
            x = concat(x, out.x());
            y = concat(y, out.y());
        }
        return new double[][] {x, y};
    }

    private static double[] concat(double[] a, double[] b) {
        double[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    @Test
    void everySolverGivesTheDirectLeastSquaresCoefficients() {
        for (String[] args : new String[][] {
            {"n", "40", "outliers", "2", "shift", "10"},
            {"n", "5", "outliers", "0", "noise", "3"},
            {"n", "200", "outliers", "10", "shift", "-20", "seed", "3"}
        }) {
            for (String solver : RegressionFitExperiment.SOLVERS) {
                String[] withSolver = Arrays.copyOf(args, args.length + 2);
                withSolver[args.length] = "solver";
                withSolver[args.length + 1] = solver;
                Result r = Runs.run(EXPERIMENT, withSolver);
                double[][] p = points(r.charts().getFirst());
                int n = p[0].length;
                Matrix design = Matrix.ofColumns(Vector.filled(n, 1), Vector.of(p[0]));
                Vector w = design.leastSquares(Vector.of(p[1]));
                Table t = r.tables().getFirst();
                for (String s : RegressionFitExperiment.SOLVERS) {
                    assertThat(Runs.cell(t, s, 1)).as(s).isCloseTo(w.get(0), within(1e-8));
                    assertThat(Runs.cell(t, s, 2)).as(s).isCloseTo(w.get(1), within(1e-8));
                }
                // The residual, recomputed here, is orthogonal to both columns.
                Vector residual = Vector.of(p[1]).minus(design.times(w));
                assertThat(residual.dot(Vector.filled(n, 1))).isCloseTo(0, within(1e-9 * n));
                assertThat(residual.dot(Vector.of(p[0]))).isCloseTo(0, within(1e-8 * n));
                // And the table reports it so.
                Table projection = r.tables().get(1);
                assertThat(Runs.cell(projection, "1ᵀr", 1)).isCloseTo(0, within(1e-9 * n));
                assertThat(Runs.cell(projection, "xᵀr", 1)).isCloseTo(0, within(1e-8 * n));
                double y2 = Runs.cell(projection, "‖y‖²", 1);
                assertThat(Runs.cell(projection, "‖ŷ‖² + ‖r‖²", 1)).isCloseTo(y2, within(1e-10 * y2));
                assertThat(Runs.cell(projection, "max |ŷ", 1)).isLessThan(1e-9);
            }
        }
    }

    @Test
    void theDrawnLineIsTheFitAndTheResidualsAreItsErrors() {
        Result r = Runs.run(EXPERIMENT);
        Chart chart = r.charts().getFirst();
        Series.Line fit = Runs.series(chart, Series.Line.class, "fit");
        double b = Runs.cell(r.tables().getFirst(), "qr", 1);
        double w = Runs.cell(r.tables().getFirst(), "qr", 2);
        assertThat(fit.y()[0]).isCloseTo(b, within(1e-12));
        assertThat(fit.y()[1]).isCloseTo(b + w * RegressionFitExperiment.X_MAX, within(1e-12));
        Series.Scatter residuals = Runs.series(r.charts().get(1), Series.Scatter.class, "residuals");
        double[][] p = points(chart);
        for (int i = 0; i < p[0].length; i++) {
            assertThat(residuals.y()[i]).isCloseTo(p[1][i] - b - w * p[0][i], within(1e-9));
        }
    }

    @Test
    void outliersPullTheLine() {
        double clean = Runs.cell(Runs.run(EXPERIMENT, "outliers", "0").tables().getFirst(), "qr", 2);
        double pulled = Runs.cell(
                Runs.run(EXPERIMENT, "outliers", "3", "shift", "20").tables().getFirst(), "qr", 2);
        assertThat(clean).isCloseTo(RegressionFitExperiment.TRUE_SLOPE, within(0.2));
        assertThat(pulled).isGreaterThan(clean + 0.3);
    }

    @Test
    void badParametersAreRejectedWithTheirName() {
        assertThatThrownBy(() -> Runs.run(EXPERIMENT, "n", "3"))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("n");
        assertThatThrownBy(() -> Runs.run(EXPERIMENT, "solver", "magic"))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("solver")
                .hasMessageContaining("normal-equation");
    }

    @Test
    void equalArgumentsGiveEqualResults() {
        assertThat(Runs.run(EXPERIMENT, "seed", "5").tables())
                .isEqualTo(Runs.run(EXPERIMENT, "seed", "5").tables());
    }
}
