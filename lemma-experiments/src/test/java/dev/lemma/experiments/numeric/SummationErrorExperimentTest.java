package dev.lemma.experiments.numeric;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lemma.experiments.Arguments;
import dev.lemma.experiments.Progress;
import dev.lemma.experiments.Result;
import dev.lemma.viz.Series;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/// The summation-error experiment against the bounds of Higham, *Accuracy and Stability*, chapter 4
/// and Ogita, Rump and Oishi (2005): every measured error lies below its bound, for every size and
/// every kind of data, and cancellation separates the naive sum from the compensated one.
class SummationErrorExperimentTest {

    /// The sizes the tests sum up to: 10⁵ keeps them quick and spans four decades.
    private static final int MAX_TERMS = 100_000;

    @ParameterizedTest
    @ValueSource(strings = {"positive", "mixed", "cancelling"})
    void everyErrorLiesWithinItsBound(String data) {
        for (long seed : new long[] {1, 7}) {
            List<SummationErrorExperiment.Point> points =
                    SummationErrorExperiment.measure(data, MAX_TERMS, seed, Progress.NONE);
            assertThat(points).hasSizeGreaterThan(15);
            for (SummationErrorExperiment.Point p : points) {
                assertThat(p.kappa()).as("κ at n = %d", p.n()).isGreaterThanOrEqualTo(1);
                assertThat(p.compensated())
                        .as("compensated at n = %d", p.n())
                        .isLessThanOrEqualTo(p.compensatedBound());
                assertThat(p.naive()).as("naive at n = %d", p.n()).isLessThanOrEqualTo(p.naiveBound());
                assertThat(p.naive())
                        .as("naive within n·u·κ at n = %d", p.n())
                        .isLessThanOrEqualTo(p.n() * SummationErrorExperiment.U * p.kappa());
                assertThat(p.pairwise()).as("pairwise at n = %d", p.n()).isLessThanOrEqualTo(p.pairwiseBound());
            }
        }
    }

    @Test
    void onCancellingDataTheNaiveSumIsOrdersOfMagnitudeWorseThanTheCompensatedOne() {
        List<SummationErrorExperiment.Point> points =
                SummationErrorExperiment.measure("cancelling", MAX_TERMS, 7, Progress.NONE);
        for (SummationErrorExperiment.Point p : points) {
            assertThat(p.kappa()).as("κ at n = %d", p.n()).isGreaterThan(1e10);
            // Neumaier's sum is as good as the doubled precision: a few u, whatever κ.
            assertThat(p.compensated()).as("compensated at n = %d", p.n()).isLessThan(4 * SummationErrorExperiment.U);
            if (p.n() >= 100) {
                assertThat(p.naive())
                        .as("naive against compensated at n = %d", p.n())
                        .isGreaterThan(1e4 * Math.max(p.compensated(), SummationErrorExperiment.U));
            }
        }
    }

    @Test
    void positiveTermsHaveConditionNumberOneAndMixedOnesAboutRootN() {
        SummationErrorExperiment.Point positive =
                SummationErrorExperiment.point(SummationErrorExperiment.terms("positive", 10_000, 3));
        assertThat(positive.kappa()).isEqualTo(1.0);
        SummationErrorExperiment.Point mixed =
                SummationErrorExperiment.point(SummationErrorExperiment.terms("mixed", 10_000, 3));
        // |Σx| ≈ √(n/3) against Σ|x| ≈ n/2: κ ≈ 87 typically, within a wide random spread.
        assertThat(mixed.kappa()).isBetween(5.0, 5000.0);
    }

    /// The exact sum is exact: `{1, 1e100, 1, -1e100}` sums to 2 (Summation's own example).
    @Test
    void theBigDecimalReferenceIsExact() {
        double[] x = {1, 1e100, 1, -1e100};
        assertThat(SummationErrorExperiment.relativeError(2, new BigDecimal(2))).isZero();
        SummationErrorExperiment.Point p = SummationErrorExperiment.point(x);
        assertThat(p.compensated()).isZero();
        assertThat(p.naive()).isEqualTo(1.0); // the naive loop returns 0
    }

    @Test
    void theSizesAreIncreasingAndEndAtTheLargest() {
        List<Integer> sizes = SummationErrorExperiment.sizes(1_000_000);
        assertThat(sizes)
                .startsWith(10, 18, 32, 56, 100)
                .endsWith(1_000_000)
                .isSorted()
                .doesNotHaveDuplicates();
        assertThat(SummationErrorExperiment.sizes(100)).containsExactly(10, 18, 32, 56, 100);
    }

    @Test
    void theChartDrawsThreeErrorsAndThreeBoundsAndTheSameArgumentsGiveTheSameResult() {
        SummationErrorExperiment experiment = new SummationErrorExperiment();
        Arguments arguments = Arguments.parse(experiment, Map.of("maxTerms", "20000", "data", "mixed"));
        Result first = experiment.run(arguments, Progress.NONE);
        Result second = experiment.run(arguments, Progress.NONE);
        assertThat(first.charts().getFirst().series()).hasSize(6);
        assertThat(second.tables()).isEqualTo(first.tables());
        assertThat(second.notes()).isEqualTo(first.notes());
        for (int s = 0; s < 6; s++) {
            Series.Line a = (Series.Line) first.charts().getFirst().series().get(s);
            Series.Line b = (Series.Line) second.charts().getFirst().series().get(s);
            assertThat(b.y()).isEqualTo(a.y());
        }
    }
}
