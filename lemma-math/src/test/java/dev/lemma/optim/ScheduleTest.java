package dev.lemma.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/// The schedules' closed forms against PyTorch's own definitions, re-implemented here independently:
/// the *recursive* forms that `torch.optim.lr_scheduler` evaluates in `get_lr()` (StepLR, ExponentialLR,
/// CosineAnnealingLR, LinearLR) and OneCycleLR's phase table, transcribed from PyTorch 2.x
/// `torch/optim/lr_scheduler.py`. The two agree to rounding (`CLOSE`, relative).
class ScheduleTest {
    /// Relative agreement between a closed form and a recursion of up to 200 multiplications.
    private static final double CLOSE = 1e-12;

    @Test
    void stepDecayIsStepLrsRecursion() {
        Schedule s = Schedule.step(0.1, 0.5, 7);
        double lr = 0.1;
        for (int t = 0; t < 60; t++) {
            if (t > 0 && t % 7 == 0) { // StepLR: multiply by gamma when last_epoch is a multiple of step_size
                lr *= 0.5;
            }
            assertThat(s.rate(t)).as("step %d", t).isCloseTo(lr, within(CLOSE * lr));
        }
        assertThat(s.rate(6)).isEqualTo(0.1);
        assertThat(s.rate(7)).isEqualTo(0.05);
    }

    @Test
    void exponentialDecayIsExponentialLrsRecursion() {
        Schedule s = Schedule.exponential(0.3, 0.97);
        double lr = 0.3;
        for (int t = 0; t < 200; t++) {
            assertThat(s.rate(t)).as("step %d", t).isCloseTo(lr, within(CLOSE * lr));
            lr *= 0.97;
        }
    }

    @Test
    void cosineIsCosineAnnealingLrsRecursionAndHoldsItsMinimumAfterwards() {
        double base = 0.1;
        double min = 0.001;
        int total = 50;
        Schedule s = Schedule.cosine(base, min, total);
        double lr = base;
        for (int t = 0; t <= total; t++) {
            if (t > 0) { // CosineAnnealingLR.get_lr(), the chainable form, for 0 < t ≤ T_max
                lr = (1 + Math.cos(Math.PI * t / total)) / (1 + Math.cos(Math.PI * (t - 1) / total)) * (lr - min) + min;
            }
            assertThat(s.rate(t)).as("step %d", t).isCloseTo(lr, within(CLOSE * base));
        }
        assertThat(s.rate(0)).isEqualTo(base);
        assertThat(s.rate(total / 2)).isCloseTo((base + min) / 2, within(1e-15));
        assertThat(s.rate(total)).isCloseTo(min, within(1e-17));
        for (int t = 1; t <= 3 * total; t++) {
            assertThat(s.rate(t)).as("non-increasing at %d", t).isLessThanOrEqualTo(s.rate(t - 1));
        }
        assertThat(s.rate(3 * total)).isCloseTo(min, within(1e-17));
    }

    @Test
    void warmupIsLinearLrChainedWithTheSchedule() {
        Schedule inner = Schedule.exponential(0.1, 0.99);
        Schedule s = Schedule.warmup(inner, 10, 1.0 / 3);
        for (int t = 0; t < 30; t++) {
            // LinearLR closed form: start + (end − start)·min(t, total)/total, end_factor 1
            double factor = 1.0 / 3 + (1 - 1.0 / 3) * Math.min(t, 10) / 10;
            assertThat(s.rate(t)).as("step %d", t).isCloseTo(factor * inner.rate(t), within(CLOSE * 0.1));
        }
        Schedule fromZero = Schedule.warmup(Schedule.constant(0.2), 4);
        assertThat(new double[] {
                    fromZero.rate(0), fromZero.rate(1), fromZero.rate(2), fromZero.rate(4), fromZero.rate(9)
                })
                .containsExactly(0, 0.05, 0.1, 0.2, 0.2);
    }

    @Test
    void oneCycleIsOneCycleLrsPhaseTable() {
        for (int total : new int[] {100, 37, 1000}) {
            double max = 0.4;
            Schedule s = Schedule.oneCycle(max, total);
            List<Double> expected = pytorchOneCycle(max, total, 0.3, 25, 1e4);
            for (int t = 0; t < total; t++) {
                assertThat(s.rate(t)).as("T = %d, step %d", total, t).isCloseTo(expected.get(t), within(CLOSE * max));
            }
            assertThat(s.rate(0)).isCloseTo(max / 25, within(1e-15));
            assertThat(s.rate(total - 1)).isCloseTo(max / 25 / 1e4, within(1e-15));
            assertThat(s.rate(total + 5)).isEqualTo(s.rate(total - 1));
            // Rises to the peak at step ⌈0.3 T − 1⌉ or just before, then falls.
            int peak = 0;
            for (int t = 1; t < total; t++) {
                if (s.rate(t) > s.rate(peak)) {
                    peak = t;
                }
            }
            for (int t = 1; t < total; t++) {
                if (t <= peak) {
                    assertThat(s.rate(t)).isGreaterThanOrEqualTo(s.rate(t - 1));
                } else {
                    assertThat(s.rate(t)).isLessThanOrEqualTo(s.rate(t - 1));
                }
            }
            assertThat((double) peak).isCloseTo(0.3 * total - 1, within(1.0));
            if (total == 100) {
                assertThat(peak).isEqualTo(29);
                assertThat(s.rate(29)).isCloseTo(max, within(1e-15));
            }
        }
    }

    /// OneCycleLR.get_lr() with anneal_strategy='cos', three_phase=False, transcribed: phases end at
    /// `pct_start·T − 1` and `T − 1`; each step finds its phase and anneals across it.
    private static List<Double> pytorchOneCycle(double maxLr, int total, double pctStart, double div, double finalDiv) {
        double initialLr = maxLr / div;
        double minLr = initialLr / finalDiv;
        double[][] phases = { // end_step, start_lr, end_lr
            {pctStart * total - 1, initialLr, maxLr}, {total - 1, maxLr, minLr}
        };
        List<Double> out = new ArrayList<>();
        for (int stepNum = 0; stepNum < total; stepNum++) {
            double startStep = 0;
            double lr = Double.NaN;
            for (int i = 0; i < phases.length; i++) {
                double endStep = phases[i][0];
                if (stepNum <= endStep || i == phases.length - 1) {
                    double pct = (stepNum - startStep) / (endStep - startStep);
                    double cosOut = Math.cos(Math.PI * pct) + 1;
                    lr = phases[i][2] + (phases[i][1] - phases[i][2]) / 2.0 * cosOut;
                    break;
                }
                startStep = phases[i][0];
            }
            out.add(lr);
        }
        return out;
    }

    @Test
    void badSettingsAreNamed() {
        assertThatThrownBy(() -> Schedule.constant(-1))
                .hasMessage("Schedule.constant: rate must be finite and > 0, got -1.0");
        assertThatThrownBy(() -> Schedule.step(0.1, 0.5, 0)).hasMessage("Schedule.step: every must be ≥ 1, got 0");
        assertThatThrownBy(() -> Schedule.exponential(0.1, Double.NaN))
                .hasMessage("Schedule.exponential: gamma must be finite and > 0, got NaN");
        assertThatThrownBy(() -> Schedule.cosine(0.1, 0.2, 10))
                .hasMessage("Schedule.cosine: min must be in [0, initial = 0.1], got 0.2");
        assertThatThrownBy(() -> Schedule.warmup(Schedule.constant(1), 5, 1.5))
                .hasMessage("Schedule.warmup: startFactor must be in [0, 1], got 1.5");
        assertThatThrownBy(() -> Schedule.oneCycle(0.1, 3))
                .hasMessage("Schedule.oneCycle: pctStart·total must exceed 1 so that the rise has a step, got 0.3·3");
        assertThatThrownBy(() -> Schedule.constant(1).rate(-1)).hasMessage("a schedule's step must be ≥ 0, got -1");
    }
}
