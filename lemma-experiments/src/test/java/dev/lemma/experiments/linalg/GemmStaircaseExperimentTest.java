package dev.lemma.experiments.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lemma.experiments.Arguments;
import dev.lemma.experiments.Progress;
import dev.lemma.experiments.Result;
import dev.lemma.experiments.RunCancelledException;
import dev.lemma.linalg.kernel.Gemm;
import dev.lemma.viz.Series;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/// The gemm-staircase experiment: every step's product agrees with the reference, every speed is a
/// positive finite number, progress rises after each measurement, and a cancelled run stops. No
/// assertion is made about the speeds themselves: they are this machine's, at this moment.
class GemmStaircaseExperimentTest {

    private static final double U = 0x1.0p-53;

    private static final GemmStaircaseExperiment EXPERIMENT = new GemmStaircaseExperiment();

    private static Arguments shortRun() {
        return Arguments.parse(EXPERIMENT, Map.of("maxSize", "48", "referenceMax", "32", "repeats", "1"));
    }

    @Test
    void sizesDoubleFromSixteenAndEndAtTheMaximum() {
        assertThat(GemmStaircaseExperiment.sizes(16)).containsExactly(16);
        assertThat(GemmStaircaseExperiment.sizes(128)).containsExactly(16, 32, 64, 128);
        assertThat(GemmStaircaseExperiment.sizes(100)).containsExactly(16, 32, 64, 100);
    }

    @Test
    void everyStepAgreesWithTheReferenceAndReportsAPositiveFiniteSpeed() {
        List<Double> fractions = new ArrayList<>();
        Result result = EXPERIMENT.run(shortRun(), (fraction, message) -> fractions.add(fraction));
        int steps = Gemm.staircase().size();
        List<List<Object>> rows = result.tables().getFirst().rows();
        assertThat(rows).hasSize(3 * steps); // n = 16, 32, 48
        for (List<Object> row : rows) {
            int n = (int) row.get(0);
            String step = (String) row.get(1);
            if (step.equals("reference") && n > 32) {
                assertThat(row.get(2)).asString().startsWith("skipped");
                continue;
            }
            double gflops = (double) row.get(2);
            double error = (double) row.get(4);
            assertThat(gflops).as("%s at n=%d", step, n).isPositive().isFinite();
            assertThat((double) row.get(3)).isPositive().isFinite();
            // |Ĉ − AB| ≤ γ_n |A||B| with entries in [−1, 1]: at most about n·u·n.
            assertThat(error).as("%s at n=%d", step, n).isLessThanOrEqualTo(2.0 * n * n * U);
            if (step.equals("reference")) {
                // The comparison product is the i-k-j step's: the same sums in the same order, the same bits.
                assertThat(error).isZero();
            }
        }
        // One line per step, through the measured sizes only.
        assertThat(result.charts().getFirst().series()).hasSize(steps);
        Series.Line reference =
                (Series.Line) result.charts().getFirst().series().getFirst();
        assertThat(reference.x()).containsExactly(16, 32);
        // Progress after each warm-up and each measurement, never going back, ending at 1.
        assertThat(fractions).hasSize(1 + steps + 3 * steps);
        for (int i = 1; i < fractions.size(); i++) {
            assertThat(fractions.get(i)).isGreaterThanOrEqualTo(fractions.get(i - 1));
        }
        assertThat(fractions.getFirst()).isZero();
        assertThat(fractions.getLast()).isEqualTo(1.0);
        assertThat(EXPERIMENT.summary()).contains("measurement of this machine");
    }

    @Test
    void aProgressThatCancelsStopsTheRun() {
        List<String> messages = new ArrayList<>();
        Progress cancelAfterThree = (fraction, message) -> {
            messages.add(message);
            if (messages.size() == 3) {
                throw new RunCancelledException("stopped by the test");
            }
        };
        assertThatThrownBy(() -> EXPERIMENT.run(shortRun(), cancelAfterThree))
                .isInstanceOf(RunCancelledException.class)
                .hasMessage("stopped by the test");
        assertThat(messages).hasSize(3);
    }

    @Test
    void theBudgetIsLongerThanTheDefaultTenSeconds() {
        assertThat(EXPERIMENT.budget().toSeconds()).isEqualTo(30);
    }
}
