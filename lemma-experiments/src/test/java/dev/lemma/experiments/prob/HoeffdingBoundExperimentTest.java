package dev.lemma.experiments.prob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lemma.experiments.Result;
import dev.lemma.experiments.Runs;
import dev.lemma.experiments.Table;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/// The Hoeffding-bound experiment: the exact binomial probability lies under both bounds for every
/// size, agrees with a direct count of straying outcomes, the simulated frequency agrees with it within
/// its standard error, and runs are reproducible and run at the ends of their ranges.
class HoeffdingBoundExperimentTest {

    private static final HoeffdingBoundExperiment EXPERIMENT = new HoeffdingBoundExperiment();

    @ParameterizedTest
    @CsvSource({"0.5, 0.1", "0.05, 0.02", "0.9, 0.3", "0.01, 0.5", "0.99, 0.01"})
    void theExactProbabilityLiesUnderBothBounds(double p, double epsilon) {
        for (int n : HoeffdingBoundExperiment.sizes(3000)) {
            double exact = HoeffdingBoundExperiment.exact(n, p, epsilon);
            assertThat(exact)
                    .as("n = %d", n)
                    .isLessThanOrEqualTo(HoeffdingBoundExperiment.hoeffding(n, epsilon) * (1 + 1e-12));
            assertThat(exact)
                    .as("n = %d", n)
                    .isLessThanOrEqualTo(HoeffdingBoundExperiment.chebyshev(n, p, epsilon) * (1 + 1e-12));
        }
    }

    /// A small case by hand: n = 10, p = ½, ε = 0.1 counts k ≤ 4 and k ≥ 6, so the probability is
    /// 1 − C(10, 5)/2¹⁰ = 1 − 252/1024 (the tie k/n − p = 0.1 counts despite rounding).
    @Test
    void theExactProbabilityOfASmallCaseIsTheCountByHand() {
        assertThat(HoeffdingBoundExperiment.exact(10, 0.5, 0.1)).isCloseTo(1 - 252.0 / 1024, within(1e-14));
        assertThat(HoeffdingBoundExperiment.strays(6, 10, 0.5, 0.1)).isTrue();
        assertThat(HoeffdingBoundExperiment.strays(5, 10, 0.5, 0.1)).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"0.5, 0.1, 20", "0.2, 0.05, 100", "0.7, 0.2, 10"})
    void theFrequencyAgreesWithTheExactProbability(double p, double epsilon, int n) {
        int repetitions = 40_000;
        double f = HoeffdingBoundExperiment.frequency(n, p, epsilon, repetitions, new SplittableRandom(n));
        double exact = HoeffdingBoundExperiment.exact(n, p, epsilon);
        double se = Math.sqrt(exact * (1 - exact) / repetitions);
        assertThat(f).isCloseTo(exact, within(5 * se + 1e-12));
    }

    /// With ε = 0.1 Hoeffding's bound is 2e^{−n/50}. At p = 0.05 Chebyshev's 4.75/n is below it up to
    /// n = 228, and at p = ½ Chebyshev's 25/n up to n = 107 (both found by comparing the capped bounds
    /// at every n in Python). Just after Chebyshev's bound drops below 1 it always wins, since
    /// Hoeffding's is still above 1 there.
    @Test
    void chebyshevWinsForSmallVarianceAndSmallNOnly() {
        int[] sizes = HoeffdingBoundExperiment.sizes(1000);
        int last = HoeffdingBoundExperiment.lastChebyshevWin(sizes, 0.05, 0.1);
        assertThat(sizes[last]).isLessThanOrEqualTo(228);
        assertThat(sizes[last + 1]).isGreaterThan(228);
        int half = HoeffdingBoundExperiment.lastChebyshevWin(sizes, 0.5, 0.1);
        assertThat(sizes[half]).isLessThanOrEqualTo(107);
        assertThat(sizes[half + 1]).isGreaterThan(107);
        Result r = Runs.run(EXPERIMENT, "p", "0.05");
        assertThat(String.join(" ", r.notes())).contains("Chebyshev's is the better bound up to");
    }

    @Test
    void theTableShowsRoundSizesAndTheBoundsAreCappedInTheChart() {
        Result r = Runs.run(EXPERIMENT);
        Table t = r.tables().getFirst();
        assertThat(t.rows().getFirst().getFirst()).isEqualTo(1);
        assertThat(t.rows().getLast().getFirst()).isEqualTo(1000);
        double[] chebyshev = Runs.series(r.charts().getFirst(), dev.lemma.viz.Series.Line.class, "Chebyshev")
                .y();
        for (double v : chebyshev) {
            assertThat(v).isLessThanOrEqualTo(1);
        }
    }

    @ParameterizedTest
    @CsvSource({"0.01, 0.01, 100, 10", "0.99, 0.5, 100, 10000", "0.5, 0.01, 100000, 10000", "0.01, 0.5, 100000, 10"})
    void theEndsOfTheRangesRun(String p, String epsilon, String repetitions, String maxN) {
        long start = System.nanoTime();
        Result r = Runs.run(EXPERIMENT, "p", p, "epsilon", epsilon, "repetitions", repetitions, "maxN", maxN);
        assertThat(r.charts()).hasSize(1);
        assertThat((System.nanoTime() - start) / 1e9)
                .isLessThan(EXPERIMENT.budget().toMillis() / 1e3);
    }

    @Test
    void theSameSeedGivesTheSameResult() {
        Result a = Runs.run(EXPERIMENT, "seed", "4", "repetitions", "1000");
        Result b = Runs.run(EXPERIMENT, "seed", "4", "repetitions", "1000");
        assertThat(b.tables()).isEqualTo(a.tables());
    }
}
