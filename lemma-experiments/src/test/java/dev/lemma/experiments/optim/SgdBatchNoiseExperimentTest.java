package dev.lemma.experiments.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.lemma.experiments.ParameterException;
import dev.lemma.experiments.Result;
import dev.lemma.experiments.Runs;
import dev.lemma.experiments.Table;
import dev.lemma.linalg.Matrix;
import dev.lemma.optim.StochasticObjective;
import dev.lemma.viz.Chart;
import dev.lemma.viz.Series;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/// The SGD experiment against computations written here: the per-example gradients and the variance
/// formula $\frac{\sigma^2}{B}\frac{m - B}{m - 1}$ (sampling without replacement; W. G. Cochran, *Sampling
/// Techniques*, 3rd ed., 1977, Theorem 2.2), the full-batch path against hand-written gradient descent, and the
/// minimiser against the normal equations.
class SgdBatchNoiseExperimentTest {

    private static final SgdBatchNoiseExperiment EXPERIMENT = new SgdBatchNoiseExperiment();

    /// Relative agreement of the same formula computed twice in a different order: rounding only.
    private static final double ROUNDING = 1e-12;

    /// A measured mean of 2000 draws may lie this many standard errors from its expectation (a 4σ event has
    /// probability about $6 \times 10^{-5}$ per point).
    private static final double STANDARD_ERRORS = 4;

    private static final int M = SgdBatchNoiseExperiment.EXAMPLES;

    private static double[][] rows() {
        return Arrays.copyOf(SgdBatchNoiseExperiment.data(), M);
    }

    private static double[] targets() {
        return SgdBatchNoiseExperiment.data()[M];
    }

    /// $\nabla f_i(x) = (a_i^\top x - b_i)\,a_i$ for every example.
    private static double[][] exampleGradients(double[] x) {
        double[][] a = rows();
        double[] b = targets();
        double[][] g = new double[M][2];
        for (int i = 0; i < M; i++) {
            double r = a[i][0] * x[0] + a[i][1] * x[1] - b[i];
            g[i][0] = r * a[i][0];
            g[i][1] = r * a[i][1];
        }
        return g;
    }

    /// $\nabla f(x) = \frac1m A^\top (Ax - b)$.
    private static double[] fullGradient(double[] x) {
        double[] mean = new double[2];
        for (double[] gi : exampleGradients(x)) {
            mean[0] += gi[0];
            mean[1] += gi[1];
        }
        return new double[] {mean[0] / M, mean[1] / M};
    }

    private static double sigma2() {
        double[] mean = fullGradient(SgdBatchNoiseExperiment.START);
        double s = 0;
        for (double[] gi : exampleGradients(SgdBatchNoiseExperiment.START)) {
            s += (gi[0] - mean[0]) * (gi[0] - mean[0]) + (gi[1] - mean[1]) * (gi[1] - mean[1]);
        }
        return s / M;
    }

    @Test
    void theFormulaCurveIsTheFormulaAndTheMeasuredPointsLieWithinTheirNoise() {
        double sigma2 = sigma2();
        for (String seed : List.of("0", "7", "12345")) {
            Result r = Runs.run(EXPERIMENT, "seed", seed);
            Chart chart = r.charts().get(2);
            Series.Line formula = Runs.series(chart, Series.Line.class, "formula");
            for (int k = 0; k < formula.x().length; k++) {
                int b = (int) formula.x()[k];
                double expected = sigma2 / b * (M - b) / (M - 1);
                assertThat(formula.y()[k]).isCloseTo(expected, within(ROUNDING * sigma2));
            }
            Series.Scatter measured = Runs.series(chart, Series.Scatter.class, "measured");
            Table table = r.tables().get(1);
            assertThat(measured.x()).hasSize(table.rows().size());
            for (int k = 0; k < measured.x().length; k++) {
                int b = (int) measured.x()[k];
                double expected = sigma2 / b * (M - b) / (M - 1);
                List<Object> row = table.rows().get(k);
                assertThat(((Number) row.get(0)).intValue()).isEqualTo(b);
                assertThat(((Number) row.get(1)).doubleValue()).isEqualTo(measured.y()[k]);
                assertThat(((Number) row.get(2)).doubleValue()).isCloseTo(expected, within(ROUNDING * sigma2));
                assertThat(Math.abs(((Number) row.get(4)).doubleValue()))
                        .as("B = %d, seed %s", b, seed)
                        .isLessThan(STANDARD_ERRORS);
                // and, more loosely, within 15 % of the formula
                assertThat(measured.y()[k]).isCloseTo(expected, within(0.15 * expected));
            }
        }
    }

    @Test
    void theLibrarysFullGradientIsTheMeanOfTheExampleGradients() {
        StochasticObjective f = StochasticObjective.leastSquares(Matrix.of(rows()), targets());
        double[] library = f.full().gradient(SgdBatchNoiseExperiment.START);
        double[] hand = fullGradient(SgdBatchNoiseExperiment.START);
        assertThat(library).containsExactly(hand, within(ROUNDING * Math.hypot(hand[0], hand[1])));
    }

    @Test
    void theFullBatchPathIsGradientDescent() {
        double eta = 0.3;
        Result r = Runs.run(EXPERIMENT, "learningRate", String.valueOf(eta), "epochs", "15");
        Series.Line path = Runs.series(r.charts().getFirst(), Series.Line.class, "B = " + M);
        assertThat(path.x()).hasSize(16);
        double[] x = SgdBatchNoiseExperiment.START.clone();
        for (int k = 0; k < path.x().length; k++) {
            assertThat(path.x()[k]).as("x₁ at step %d", k).isCloseTo(x[0], within(ROUNDING));
            assertThat(path.y()[k]).as("x₂ at step %d", k).isCloseTo(x[1], within(ROUNDING));
            double[] g = fullGradient(x);
            x[0] -= eta * g[0];
            x[1] -= eta * g[1];
        }
    }

    @Test
    void theDrawnMinimiserSolvesTheNormalEquationsAndEveryLossCurveStartsAtFOfX0() {
        Result r = Runs.run(EXPERIMENT);
        Series.Scatter marks = Runs.series(r.charts().getFirst(), Series.Scatter.class, "start");
        double[] best = {marks.x()[1], marks.y()[1]};
        double[] g = fullGradient(best);
        assertThat(Math.hypot(g[0], g[1])).isLessThan(1e-12);
        double[][] a = rows();
        double[] b = targets();
        double fBest = 0;
        double fStart = 0;
        for (int i = 0; i < M; i++) {
            double rb = a[i][0] * best[0] + a[i][1] * best[1] - b[i];
            double rs = a[i][0] * SgdBatchNoiseExperiment.START[0] + a[i][1] * SgdBatchNoiseExperiment.START[1] - b[i];
            fBest += rb * rb / (2 * M);
            fStart += rs * rs / (2 * M);
        }
        for (Series s : r.charts().get(1).series()) {
            Series.Line line = (Series.Line) s;
            assertThat(line.x()[0]).isZero();
            assertThat(line.y()[0]).as(line.name()).isCloseTo(fStart - fBest, within(ROUNDING * fStart));
        }
    }

    @Test
    void aDecayingRateSettlesWhereAConstantOneHovers() {
        double constant = Runs.cell(Runs.run(EXPERIMENT).tables().getFirst(), "1", 3);
        double inverse =
                Runs.cell(Runs.run(EXPERIMENT, "schedule", "inverse").tables().getFirst(), "1", 3);
        double cosine =
                Runs.cell(Runs.run(EXPERIMENT, "schedule", "cosine").tables().getFirst(), "1", 3);
        assertThat(inverse).isLessThan(constant / 10);
        assertThat(cosine).isLessThan(constant / 10);
    }

    @Test
    void theNotesQuoteTheLibrarysStatus() {
        Result r = Runs.run(EXPERIMENT, "batchSize", "1");
        assertThat(r.notes()).anyMatch(n -> n.startsWith("$B = 1$: ITERATION_LIMIT, 20 epochs (2000 steps)"));
        assertThat(r.charts().getFirst().series().stream().filter(s -> s.name().startsWith("B = ")))
                .hasSize(2); // B = 1 chosen: the paths of 1 and m only
    }

    @Test
    void aRateTooLargeForSingleExamplesIsSaidToBe() {
        Result r = Runs.run(EXPERIMENT, "learningRate", "1", "batchSize", "1");
        assertThat(r.notes()).anyMatch(n -> n.startsWith("With $B = 1$ and $\\eta = 1$ the loss did not come down"));
        assertThat(Runs.run(EXPERIMENT).notes()).anyMatch(n -> n.contains("hovers around $x^*$"));
    }

    @Test
    void badArgumentsAreRejectedWithWhatIsAccepted() {
        assertThatThrownBy(() -> Runs.run(EXPERIMENT, "batchSize", "0"))
                .isInstanceOf(ParameterException.class)
                .hasMessage("parameter 'batchSize' is an integer from 1 to 100, not '0'");
        assertThatThrownBy(() -> Runs.run(EXPERIMENT, "learningRate", "2"))
                .isInstanceOf(ParameterException.class)
                .hasMessage("parameter 'learningRate' is a number from 0.01 to 1, not '2'");
        assertThatThrownBy(() -> Runs.run(EXPERIMENT, "schedule", "linear"))
                .isInstanceOf(ParameterException.class)
                .hasMessage("parameter 'schedule' is one of constant, inverse, cosine, not 'linear'");
    }
}
