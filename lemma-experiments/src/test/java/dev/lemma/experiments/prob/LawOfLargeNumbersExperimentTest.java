package dev.lemma.experiments.prob;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lemma.experiments.Result;
import dev.lemma.experiments.Runs;
import dev.lemma.prob.Exponential;
import dev.lemma.viz.Chart;
import dev.lemma.viz.Series;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/// The law-of-large-numbers experiment: running means are the means of their prefixes, they end within
/// a few $\sigma/\sqrt n$ of the mean where the variance is finite, the Cauchy choice shows no band, and
/// the same seed gives the same lines.
class LawOfLargeNumbersExperimentTest {

    private static final LawOfLargeNumbersExperiment EXPERIMENT = new LawOfLargeNumbersExperiment();

    /// Five standard errors: a stream ends further out with probability about $6 \times 10^{-7}$.
    private static final double STANDARD_ERRORS = 5;

    @Test
    void theRunningMeanIsTheMeanOfThePrefix() {
        int[] checkpoints = {1, 2, 10, 100};
        double[] means =
                LawOfLargeNumbersExperiment.runningMeans(new Exponential(1), new SplittableRandom(3), checkpoints);
        double[] x = new Exponential(1).sample(new SplittableRandom(3), 100);
        double sum = 0;
        int next = 0;
        for (int i = 0; i < x.length; i++) {
            sum += x[i];
            if (i + 1 == checkpoints[next]) {
                assertThat(means[next]).isCloseTo(sum / (i + 1), org.assertj.core.data.Offset.offset(1e-12));
                next++;
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"bernoulli", "uniform", "exponential", "log-normal"})
    void withAFiniteVarianceEveryStreamEndsNearTheMean(String distribution) {
        Result r = Runs.run(EXPERIMENT, "distribution", distribution, "maxN", "20000", "streams", "10");
        var table = r.tables().getFirst();
        assertThat(table.rows()).hasSize(10);
        for (var row : table.rows()) {
            double z = ((Number) row.get(3)).doubleValue();
            assertThat(Math.abs(z)).as("%s", row.getFirst()).isLessThan(STANDARD_ERRORS);
        }
        Chart chart = r.charts().getFirst();
        Series.Line upper = Runs.series(chart, Series.Line.class, "μ + 2σ/√n");
        double[] y = upper.y();
        assertThat(y[y.length - 1]).isLessThan(y[0]);
    }

    @Test
    void theCauchyChoiceHasNoMeanAndNoBand() {
        Result r = Runs.run(EXPERIMENT, "distribution", "student-t-1", "maxN", "1000");
        Chart chart = r.charts().getFirst();
        assertThat(chart.series()).allMatch(s -> s.name().startsWith("stream"));
        assertThat(r.tables().getFirst().rows().getFirst().get(2)).isEqualTo("no mean");
        assertThat(String.join(" ", r.notes())).contains("Cauchy");
    }

    @Test
    void checkpointsRiseFromOneToTheLargest() {
        int[] c = LawOfLargeNumbersExperiment.checkpoints(1_000_000);
        assertThat(c[0]).isEqualTo(1);
        assertThat(c[c.length - 1]).isEqualTo(1_000_000);
        for (int i = 1; i < c.length; i++) {
            assertThat(c[i]).isGreaterThan(c[i - 1]);
        }
        assertThat(LawOfLargeNumbersExperiment.checkpoints(10)).startsWith(1, 2).endsWith(10);
    }

    @ParameterizedTest
    @ValueSource(strings = {"bernoulli", "uniform", "exponential", "log-normal", "student-t-2", "student-t-1"})
    void theEndsOfTheRangesRun(String distribution) {
        assertThat(Runs.run(EXPERIMENT, "distribution", distribution, "streams", "1", "maxN", "10")
                        .charts())
                .hasSize(1);
        assertThat(Runs.run(EXPERIMENT, "distribution", distribution, "streams", "10", "maxN", "1000")
                        .tables()
                        .getFirst()
                        .rows())
                .hasSize(10);
    }

    @Test
    void theLargestRunStaysWithinItsBudget() {
        long start = System.nanoTime();
        Runs.run(EXPERIMENT, "distribution", "student-t-2", "streams", "10", "maxN", "1000000");
        assertThat((System.nanoTime() - start) / 1e9)
                .isLessThan(EXPERIMENT.budget().toMillis() / 1e3);
    }

    @Test
    void theSameSeedGivesTheSameLines() {
        Result a = Runs.run(EXPERIMENT, "seed", "11", "maxN", "1000");
        Result b = Runs.run(EXPERIMENT, "seed", "11", "maxN", "1000");
        Result c = Runs.run(EXPERIMENT, "seed", "12", "maxN", "1000");
        assertThat(b.tables()).isEqualTo(a.tables());
        assertThat(c.tables()).isNotEqualTo(a.tables());
    }
}
