package dev.lemma.experiments.numeric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lemma.experiments.Arguments;
import dev.lemma.experiments.Progress;
import dev.lemma.experiments.Result;
import dev.lemma.numeric.StableFunctions;
import dev.lemma.viz.Series;
import java.util.Map;
import org.junit.jupiter.api.Test;

/// The softmax-overflow experiment: the naive formula overflows past $z = 709.78$ (IEEE 754 double,
/// `Math.exp`'s range) and underflows below $-745.13$, the shifted one (Blanchard, Higham and Higham
/// 2021) never does and agrees with the naive one wherever that is finite.
class SoftmaxOverflowExperimentTest {

    /// The stable probabilities sum to 1 within this: $k \le 20$ terms of relative error a few $u$.
    private static final double SUM_TOLERANCE = 1e-15;

    /// Where both are finite, naive and stable agree to this relative error: both are a few roundings
    /// from the exact value, $e^{z_i}$ and $e^{z_i - m}$ each off by $|z_i|u$ at most.
    private static final double AGREEMENT = 1e-12;

    @Test
    void atShiftOneThousandTheNaiveSoftmaxIsNaNAndTheStableOneSumsToOne() {
        for (long seed = 0; seed < 5; seed++) {
            double[] z = SoftmaxOverflowExperiment.logits(8, 1000, 3, seed);
            double[] naive = SoftmaxOverflowExperiment.naiveSoftmax(z);
            assertThat(SoftmaxOverflowExperiment.naiveDenominator(z)).isInfinite();
            assertThat(naive).contains(Double.NaN);
            double[] stable = StableFunctions.softmax(z);
            assertThat(sum(stable)).isCloseTo(1, within(SUM_TOLERANCE));
            for (double p : stable) {
                assertThat(p).isBetween(0.0, 1.0);
            }
        }
    }

    @Test
    void atShiftMinusOneThousandEverythingUnderflowsToZeroOverZero() {
        double[] z = SoftmaxOverflowExperiment.logits(5, -1000, 1, 2);
        assertThat(SoftmaxOverflowExperiment.naiveDenominator(z)).isZero();
        assertThat(SoftmaxOverflowExperiment.naiveSoftmax(z)).containsOnly(Double.NaN);
        assertThat(sum(StableFunctions.softmax(z))).isCloseTo(1, within(SUM_TOLERANCE));
    }

    @Test
    void atASmallShiftNaiveAndStableAgree() {
        for (double shift : new double[] {-50, 0, 100, 680}) {
            double[] z = SoftmaxOverflowExperiment.logits(20, shift, 5, 11);
            double[] naive = SoftmaxOverflowExperiment.naiveSoftmax(z);
            double[] stable = StableFunctions.softmax(z);
            for (int i = 0; i < z.length; i++) {
                assertThat(naive[i]).as("shift %s, entry %d", shift, i).isFinite();
                assertThat(naive[i]).isCloseTo(stable[i], within(AGREEMENT * stable[i]));
            }
            assertThat(sum(stable)).isCloseTo(1, within(SUM_TOLERANCE));
        }
    }

    @Test
    void theRunDrawsNaNAsAMissingBarAndSaysSo() {
        SoftmaxOverflowExperiment experiment = new SoftmaxOverflowExperiment();
        Result result = experiment.run(Arguments.parse(experiment, Map.of("shift", "1000")), Progress.NONE);
        Series.Bar naive = (Series.Bar) result.charts().getFirst().series().getFirst();
        Series.Bar stable = (Series.Bar) result.charts().getFirst().series().get(1);
        assertThat(naive.name()).contains("NaN");
        assertThat(naive.values()).containsOnly(0.0);
        assertThat(sum(stable.values())).isCloseTo(1, within(SUM_TOLERANCE));
        assertThat(result.notes().getFirst()).contains("NaN").contains("missing bars");
        assertThat(result.tables().getFirst().rows())
                .anySatisfy(row -> assertThat(row).containsExactly("sums to 1 (within 1e-12)", false, true));
    }

    @Test
    void theSameArgumentsGiveTheSameResult() {
        SoftmaxOverflowExperiment experiment = new SoftmaxOverflowExperiment();
        Arguments arguments = Arguments.parse(experiment, Map.of("k", "13", "scale", "7.5"));
        Result first = experiment.run(arguments, Progress.NONE);
        Result second = experiment.run(arguments, Progress.NONE);
        assertThat(second.tables()).isEqualTo(first.tables());
        assertThat(second.notes()).isEqualTo(first.notes());
        for (int c = 0; c < 2; c++) {
            for (int s = 0; s < first.charts().get(c).series().size(); s++) {
                Series.Bar a = (Series.Bar) first.charts().get(c).series().get(s);
                Series.Bar b = (Series.Bar) second.charts().get(c).series().get(s);
                assertThat(b.values()).isEqualTo(a.values());
                assertThat(b.categories()).isEqualTo(a.categories());
            }
        }
    }

    private static double sum(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s;
    }
}
