package dev.lemma.experiments.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.lemma.experiments.ParameterException;
import dev.lemma.experiments.Result;
import dev.lemma.experiments.Runs;
import dev.lemma.experiments.Table;
import dev.lemma.linalg.Matrix;
import dev.lemma.optim.Momentum;
import dev.lemma.optim.SGD;
import dev.lemma.optim.Schedule;
import dev.lemma.optim.StochasticObjective;
import dev.lemma.viz.Chart;
import dev.lemma.viz.Series;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/// The schedules experiment against the closed forms of PyTorch's `torch.optim.lr_scheduler` documentation
/// (StepLR, ExponentialLR, CosineAnnealingLR, LinearLR, OneCycleLR), written out here, and its training runs
/// against a start computed here and against the library's own momentum rule.
class LrSchedulesExperimentTest {

    private static final LrSchedulesExperiment EXPERIMENT = new LrSchedulesExperiment();

    /// Relative agreement of one formula evaluated twice: rounding only.
    private static final double ROUNDING = 1e-12;

    /// Non-default settings, to test the formulas away from the defaults too.
    private static final String[] OTHER = {
        "learningRate", "0.13", "steps", "250", "stepGamma", "0.6", "stepEvery", "33", "exponentialGamma", "0.985",
        "cosineFloor", "0.2", "warmupSteps", "17", "pctStart", "0.45", "divFactor", "10", "optimizer", "adam"
    };

    /// $b + \frac12(a - b)(1 + \cos \pi u)$.
    private static double anneal(double a, double b, double u) {
        return b + 0.5 * (a - b) * (1 + Math.cos(Math.PI * u));
    }

    /// The six closed forms, in the experiment's order.
    private static List<IntToDoubleFunction> closedForms(
            double eta,
            int total,
            double gamma,
            int every,
            double expGamma,
            double floorFraction,
            int warmup,
            double pct,
            double div) {
        double floor = floorFraction * eta;
        IntToDoubleFunction cosine =
                t -> floor + 0.5 * (eta - floor) * (1 + Math.cos(Math.PI * Math.min(t, total) / total));
        double rising = pct * total - 1;
        return List.of(
                t -> eta,
                t -> eta * Math.pow(gamma, Math.floorDiv(t, every)), // ⌊t/s⌋
                t -> eta * Math.pow(expGamma, t),
                cosine,
                t -> cosine.applyAsDouble(t) * Math.min(t, warmup) / warmup,
                t -> t <= rising
                        ? anneal(eta / div, eta, t / rising)
                        : anneal(eta, eta / div / 1e4, (t - rising) / (total - 1 - rising)));
    }

    private static void checkRates(Result r, List<IntToDoubleFunction> forms, int total) {
        Chart rates = r.charts().getFirst();
        assertThat(rates.series()).hasSize(6);
        for (int k = 0; k < 6; k++) {
            Series.Line line = (Series.Line) rates.series().get(k);
            assertThat(line.name()).isEqualTo(LrSchedulesExperiment.NAMES.get(k));
            assertThat(line.x()).hasSize(total);
            for (int t = 0; t < total; t++) {
                double expected = forms.get(k).applyAsDouble(t);
                assertThat(line.x()[t]).isEqualTo(t);
                assertThat(line.y()[t])
                        .as("%s at step %d", line.name(), t)
                        .isCloseTo(expected, within(ROUNDING * Math.max(expected, 1e-300) + 1e-300));
            }
        }
    }

    @Test
    void theDrawnRatesAreTheClosedFormsAtTheDefaults() {
        Result r = Runs.run(EXPERIMENT);
        checkRates(r, closedForms(0.05, 400, 0.3, 100, 0.99, 0, 40, 0.3, 25), 400);
        Series.Line oneCycle = (Series.Line) r.charts().getFirst().series().get(5);
        // PyTorch's OneCycleLR: from max/25, the peak at step pT − 1 = 119, down to max/(25·10⁴) at T − 1.
        assertThat(oneCycle.y()[0]).isCloseTo(0.05 / 25, within(ROUNDING));
        assertThat(oneCycle.y()[119]).isCloseTo(0.05, within(ROUNDING));
        assertThat(oneCycle.y()[399]).isCloseTo(0.05 / 25 / 1e4, within(ROUNDING));
        Series.Line warm = (Series.Line) r.charts().getFirst().series().get(4);
        assertThat(warm.y()[0]).isZero();
    }

    @Test
    void theDrawnRatesAreTheClosedFormsElsewhere() {
        Result r = Runs.run(EXPERIMENT, OTHER);
        checkRates(r, closedForms(0.13, 250, 0.6, 33, 0.985, 0.2, 17, 0.45, 10), 250);
    }

    /// $f(0) - f^*$ with $f^*$ from the normal equations $A^\top A x = A^\top b$, solved here by Gaussian
    /// elimination with partial pivoting.
    private static double startGap() {
        int m = LrSchedulesExperiment.EXAMPLES;
        int n = LrSchedulesExperiment.DIMENSION;
        double[][] data = LrSchedulesExperiment.data();
        double[] b = data[m];
        double[][] system = new double[n][n + 1];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < n; k++) {
                    system[j][k] += data[i][j] * data[i][k];
                }
                system[j][n] += data[i][j] * b[i];
            }
        }
        for (int c = 0; c < n; c++) {
            int pivot = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(system[r][c]) > Math.abs(system[pivot][c])) {
                    pivot = r;
                }
            }
            double[] swap = system[c];
            system[c] = system[pivot];
            system[pivot] = swap;
            for (int r = c + 1; r < n; r++) {
                double factor = system[r][c] / system[c][c];
                for (int k = c; k <= n; k++) {
                    system[r][k] -= factor * system[c][k];
                }
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double s = system[r][n];
            for (int k = r + 1; k < n; k++) {
                s -= system[r][k] * x[k];
            }
            x[r] = s / system[r][r];
        }
        double fStart = 0;
        double fBest = 0;
        for (int i = 0; i < m; i++) {
            double residual = -b[i];
            for (int j = 0; j < n; j++) {
                residual += data[i][j] * x[j];
            }
            fStart += b[i] * b[i] / (2 * m);
            fBest += residual * residual / (2 * m);
        }
        return fStart - fBest;
    }

    @ParameterizedTest
    @ValueSource(strings = {"momentum", "adam"})
    void everyRunStartsFromTheSameLossAndTheDecayingSchedulesEndBelowTheConstantRate(String optimizer) {
        Result r = Runs.run(EXPERIMENT, "optimizer", optimizer);
        Chart losses = r.charts().get(1);
        double gap = startGap();
        for (Series s : losses.series()) {
            Series.Line line = (Series.Line) s;
            assertThat(line.x()).hasSize(401);
            assertThat(line.y()[0]).as(line.name()).isCloseTo(gap, within(1e-10 * gap));
        }
        Table table = r.tables().getFirst();
        double constant = Runs.cell(table, "constant", 6);
        for (String decaying : List.of("step", "exponential", "cosine", "warm-up", "one-cycle")) {
            assertThat(Runs.cell(table, decaying, 6)).as(decaying).isLessThan(constant / 10);
        }
        // The note names the schedule with the lowest tail.
        String lowest = table.rows().stream()
                .min((p, q) -> Double.compare(((Number) p.get(6)).doubleValue(), ((Number) q.get(6)).doubleValue()))
                .orElseThrow()
                .getFirst()
                .toString();
        assertThat(r.notes())
                .anyMatch(n -> n.startsWith(
                        "The lowest loss over the last tenth of the run is the " + lowest + " schedule's"));
    }

    @Test
    void theConstantScheduleWithMomentumIsTheLibrarysHeavyBallRule() {
        Result r = Runs.run(EXPERIMENT, "steps", "100");
        Series.Line line = (Series.Line) r.charts().get(1).series().getFirst();
        int m = LrSchedulesExperiment.EXAMPLES;
        double[][] data = LrSchedulesExperiment.data();
        StochasticObjective f = StochasticObjective.leastSquares(Matrix.of(Arrays.copyOf(data, m)), data[m]);
        SGD.Result run = new SGD(new Momentum(0.05, 0.9, 0, 0), LrSchedulesExperiment.BATCH, 5, 1, SGD.Trace.STEP)
                .minimize(f, new double[LrSchedulesExperiment.DIMENSION]);
        double fBest = f.full().value(run.trajectory().getFirst()) - line.y()[0];
        for (int t = 0; t <= 100; t++) {
            assertThat(line.y()[t]).isCloseTo(f.full().value(run.trajectory().get(t)) - fBest, within(1e-12));
        }
        assertThat(Schedule.constant(0.05).rate(99)).isEqualTo(0.05);
    }

    @Test
    void aRateTooLargeForTheConstantScheduleIsCalledThatAndNotANoiseFloor() {
        Result r = Runs.run(EXPERIMENT, "learningRate", "0.5");
        assertThat(r.notes()).anyMatch(n -> n.startsWith("With the constant rate the loss grew"));
        assertThat(r.notes()).noneMatch(n -> n.contains("noise floor"));
        assertThat(Runs.run(EXPERIMENT).notes()).anyMatch(n -> n.contains("noise floor"));
        // 50 steps are two and a half epochs of 20: the run is three epochs, of which 50 steps are drawn.
        assertThat(Runs.run(EXPERIMENT, "steps", "50").notes())
                .anyMatch(n -> n.contains("3 of them, 60 steps, of which the charts and the table show the first 50"));
    }

    @Test
    void badArgumentsAreRejectedWithWhatIsAccepted() {
        assertThatThrownBy(() -> Runs.run(EXPERIMENT, "steps", "10"))
                .isInstanceOf(ParameterException.class)
                .hasMessage("parameter 'steps' is an integer from 50 to 1000, not '10'");
        assertThatThrownBy(() -> Runs.run(EXPERIMENT, "optimizer", "sgd"))
                .isInstanceOf(ParameterException.class)
                .hasMessage("parameter 'optimizer' is one of momentum, adam, not 'sgd'");
        assertThatThrownBy(() -> Runs.run(EXPERIMENT, "pctStart", "1"))
                .isInstanceOf(ParameterException.class)
                .hasMessage("parameter 'pctStart' is a number from 0.05 to 0.95, not '1'");
    }
}
