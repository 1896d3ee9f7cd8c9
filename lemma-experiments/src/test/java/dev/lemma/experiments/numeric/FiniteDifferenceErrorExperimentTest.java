package dev.lemma.experiments.numeric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lemma.experiments.Arguments;
import dev.lemma.experiments.Progress;
import dev.lemma.experiments.Result;
import dev.lemma.viz.Axis;
import dev.lemma.viz.Chart;
import dev.lemma.viz.Series;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/// The finite-difference-error experiment against the error model of `Derivative`'s Javadoc
/// (Nocedal & Wright §8.1): the V's bottom where truncation meets rounding, slopes 1 and 2 on the
/// truncation side, the central difference better than the forward one at its best.
class FiniteDifferenceErrorExperimentTest {

    /// How far the measured optimum may lie from the model's: the model's constants ($|f|$ for the
    /// rounding, one Taylor term for truncation) are right in order of magnitude only.
    private static final double OPTIMUM_FACTOR = 100;

    /// The slope of $\log_{10}$ error against $\log_{10} h$ over the steps in `[from, to]`.
    private static double slope(double[] h, double[] error, double from, double to) {
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        int n = 0;
        for (int i = 0; i < h.length; i++) {
            if (h[i] >= from && h[i] <= to && error[i] > 0) {
                double x = Math.log10(h[i]);
                double y = Math.log10(error[i]);
                sx += x;
                sy += y;
                sxx += x * x;
                sxy += x * y;
                n++;
            }
        }
        assertThat(n).isGreaterThanOrEqualTo(10);
        return (n * sxy - sx * sy) / (n * sxx - sx * sx);
    }

    /// Points where $f(x_0)$ is not exact: at $x_0 = 1$ the forward difference of $x^3$ is exactly 3
    /// for every tiny step (the rounding errors the model counts do not happen), so no rounding branch.
    @ParameterizedTest(name = "{0} at {1}")
    @CsvSource({"sin, 1", "exp, 1", "exp, 3", "cube, 1.3", "tanh, 0.5", "log, 2.7", "sin, 0.3"})
    void theMeasuredOptimumIsWhereTheModelPutsIt(String name, double x0) {
        FiniteDifferenceErrorExperiment.Measurement m =
                FiniteDifferenceErrorExperiment.measure(FiniteDifferenceErrorExperiment.function(name), x0);
        double[] h = m.h();
        double hForward = h[FiniteDifferenceErrorExperiment.argmin(m.forward())];
        double hCentral = h[FiniteDifferenceErrorExperiment.argmin(m.central())];
        assertThat(hForward / m.forwardOptimalStep())
                .as("forward: measured %s, predicted %s", hForward, m.forwardOptimalStep())
                .isBetween(1 / OPTIMUM_FACTOR, OPTIMUM_FACTOR);
        assertThat(hCentral / m.centralOptimalStep())
                .as("central: measured %s, predicted %s", hCentral, m.centralOptimalStep())
                .isBetween(1 / OPTIMUM_FACTOR, OPTIMUM_FACTOR);

        double forwardBest = min(FiniteDifferenceErrorExperiment.typical(m.forward()));
        double centralBest = min(FiniteDifferenceErrorExperiment.typical(m.central()));
        assertThat(centralBest).as("central's best below forward's").isLessThan(forwardBest);
        assertThat(min(m.central())).isLessThan(min(m.forward()));

        // The truncation side: from well right of the optimum to h = 0.1 (beyond, higher Taylor terms).
        assertThat(slope(h, m.forward(), 100 * m.forwardOptimalStep(), 0.1))
                .as("forward truncation slope")
                .isCloseTo(1, within(0.1));
        assertThat(slope(h, m.central(), 30 * m.centralOptimalStep(), 0.1))
                .as("central truncation slope")
                .isCloseTo(2, within(0.15));
        // The rounding side: slope −1 on average, far left of both optima.
        assertThat(slope(h, FiniteDifferenceErrorExperiment.typical(m.forward()), 1e-14, m.forwardOptimalStep() / 100))
                .as("rounding slope")
                .isCloseTo(-1, within(0.3));
    }

    @Test
    void theComplexStepHasNoRoundingBranch() {
        FiniteDifferenceErrorExperiment.Measurement m =
                FiniteDifferenceErrorExperiment.measure(FiniteDifferenceErrorExperiment.function("sin"), 1);
        double[] h = m.h();
        for (int i = 0; i < h.length; i++) {
            if (h[i] <= 1e-9) { // h²|f'''|/6 < 1e-19: rounding level only, however small h is
                assertThat(m.complex()[i]).as("h = %s", h[i]).isLessThanOrEqualTo(4 * 0x1.0p-53);
            }
        }
        assertThat(slope(h, m.complex(), 1e-3, 0.1)).isCloseTo(2, within(0.1));
    }

    @Test
    void theChartIsLogLogWithTheModelLinesAndTheStepsThatCannotBeTakenAreGaps() {
        FiniteDifferenceErrorExperiment experiment = new FiniteDifferenceErrorExperiment();
        Result result = experiment.run(Arguments.parse(experiment, Map.of("x0", "4")), Progress.NONE);
        Chart chart = result.charts().getFirst();
        assertThat(chart.xAxis().scale()).isEqualTo(Axis.Scale.LOG);
        assertThat(chart.yAxis().scale()).isEqualTo(Axis.Scale.LOG);
        assertThat(chart.series())
                .extracting(Series::name)
                .contains(
                        "forward difference",
                        "central difference",
                        "complex step",
                        "forward truncation h|f″|/2",
                        "central truncation h²|f‴|/6",
                        "rounding u|f|/h");
        assertThat(chart.annotations()).hasSize(2);
        Series.Line forward = (Series.Line) chart.series().stream()
                .filter(s -> s.name().equals("forward difference"))
                .findFirst()
                .orElseThrow();
        // At x₀ = 4 the doubles are 8.9e-16 apart: steps below half that vanish.
        assertThat(forward.y()[0]).isNaN();
        assertThat(result.notes()).anyMatch(n -> n.contains("could not be taken"));
        assertThat(result.tables().getFirst().rows()).hasSize(3);
    }

    @Test
    void logNearZeroLeavesItsDomainWithoutFailing() {
        FiniteDifferenceErrorExperiment experiment = new FiniteDifferenceErrorExperiment();
        Result result =
                experiment.run(Arguments.parse(experiment, Map.of("function", "log", "x0", "0.1")), Progress.NONE);
        FiniteDifferenceErrorExperiment.Measurement m =
                FiniteDifferenceErrorExperiment.measure(FiniteDifferenceErrorExperiment.function("log"), 0.1);
        assertThat(m.central()[m.central().length - 1]).isNaN(); // log(0.1 − 1)
        assertThat(result.charts()).hasSize(1);
        assertThat(result.notes()).anyMatch(n -> n.contains("leaves the domain"));
    }

    @Test
    void aCubeAtOneHasExactQuotientsAndTheNotesSaySo() {
        FiniteDifferenceErrorExperiment experiment = new FiniteDifferenceErrorExperiment();
        Result result =
                experiment.run(Arguments.parse(experiment, Map.of("function", "cube", "x0", "1")), Progress.NONE);
        assertThat(result.notes()).anyMatch(n -> n.contains("exactly 0"));
    }

    @Test
    void theSameArgumentsGiveTheSameResult() {
        FiniteDifferenceErrorExperiment experiment = new FiniteDifferenceErrorExperiment();
        Arguments arguments = Arguments.parse(experiment, Map.of("function", "tanh", "x0", "2.5"));
        Result first = experiment.run(arguments, Progress.NONE);
        Result second = experiment.run(arguments, Progress.NONE);
        assertThat(second.tables()).isEqualTo(first.tables());
        assertThat(second.notes()).isEqualTo(first.notes());
        for (int s = 0; s < first.charts().getFirst().series().size(); s++) {
            Series.Line a = (Series.Line) first.charts().getFirst().series().get(s);
            Series.Line b = (Series.Line) second.charts().getFirst().series().get(s);
            assertThat(b.y()).isEqualTo(a.y());
        }
    }

    private static double min(double[] x) {
        double m = Double.POSITIVE_INFINITY;
        for (double v : x) {
            if (v > 0) {
                m = Math.min(m, v);
            }
        }
        return m;
    }
}
