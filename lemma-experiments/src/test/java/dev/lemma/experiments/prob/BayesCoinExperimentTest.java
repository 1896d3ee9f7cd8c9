package dev.lemma.experiments.prob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lemma.experiments.Result;
import dev.lemma.experiments.Runs;
import dev.lemma.experiments.Table;
import dev.lemma.prob.Conjugate;
import dev.lemma.viz.Series;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/// The Bayes-coin experiment: the posterior is Beta(a + s, b + k − s) with the heads counted from the
/// flips, its interval holds 95 % of its mass and shrinks like 1/√k, the 95 % intervals cover the truth
/// about 95 % of the time over seeds, and runs are reproducible and run at the ends of their ranges.
class BayesCoinExperimentTest {

    private static final BayesCoinExperiment EXPERIMENT = new BayesCoinExperiment();

    @Test
    void thePosteriorCountsTheHeadsAndHoldsNinetyFivePercent() {
        int[] x = BayesCoinExperiment.flips(0.3, 500, 9);
        int s = 0;
        for (int v : x) {
            s += v;
        }
        var post = BayesCoinExperiment.Posterior.of(new Conjugate.BetaBernoulli(2, 3), 500, s);
        assertThat(post.alpha()).isEqualTo(2.0 + s);
        assertThat(post.beta()).isEqualTo(3.0 + 500 - s);
        assertThat(post.mean()).isCloseTo((2.0 + s) / 505, within(1e-15));
        var beta = new dev.lemma.prob.Beta(post.alpha(), post.beta());
        assertThat(beta.cdf(post.upper()) - beta.cdf(post.lower())).isCloseTo(0.95, within(1e-9));
        // The frequency of heads in 500 flips is within 5 standard errors of p.
        assertThat(s / 500.0).isCloseTo(0.3, within(5 * Math.sqrt(0.21 / 500)));
    }

    @Test
    void theTableFollowsTheCheckpointsAndTheIntervalShrinksLikeOneOverRootK() {
        Result r = Runs.run(EXPERIMENT, "flips", "10000", "p", "0.5", "a", "1", "b", "1");
        Table t = r.tables().getFirst();
        List<Object> first = t.rows().getFirst();
        assertThat(first.getFirst()).isEqualTo(0);
        assertThat(first.get(4)).isEqualTo(0.5); // the uniform prior's mean
        double width100 = width(t, 100);
        double width10000 = width(t, 10_000);
        // 2·1.96·√(p(1 − p)/k): 0.196 at k = 100 and 0.0196 at k = 10⁴, up to the spread of s/k.
        assertThat(width100).isCloseTo(0.196, within(0.01));
        assertThat(width10000).isCloseTo(0.0196, within(0.0005));
        assertThat(r.charts().getFirst().series()).hasSize(BayesCoinExperiment.CHECKPOINTS.length + 1);
    }

    private static double width(Table t, int k) {
        return t.rows().stream()
                .filter(row -> row.getFirst().equals(k))
                .map(row -> ((Number) row.get(6)).doubleValue() - ((Number) row.get(5)).doubleValue())
                .findFirst()
                .orElseThrow();
    }

    /// Under a uniform prior and a true p drawn from it, the credible interval covers p with probability
    /// exactly 95 %; for a fixed p and 100 flips it does so approximately (Bernstein–von Mises): over
    /// 200 seeds, 190 ± 3 standard errors (√(200·0.05·0.95) ≈ 3.1).
    @Test
    void theIntervalsCoverTheTruthAboutNinetyFivePercentOfTheTime() {
        int covered = 0;
        for (long seed = 0; seed < 200; seed++) {
            int[] x = BayesCoinExperiment.flips(0.4, 100, seed);
            int s = 0;
            for (int v : x) {
                s += v;
            }
            if (BayesCoinExperiment.Posterior.of(new Conjugate.BetaBernoulli(1, 1), 100, s)
                    .contains(0.4)) {
                covered++;
            }
        }
        assertThat(covered).isBetween(180, 200);
    }

    @Test
    void theMeanChartStartsNearTheFrequencyAndEndsNearTheTruth() {
        Result r = Runs.run(EXPERIMENT, "flips", "5000", "p", "0.7");
        double[] mean = Runs.series(r.charts().get(1), Series.Line.class, "posterior mean")
                .y();
        assertThat(mean[mean.length - 1]).isCloseTo(0.7, within(5 * Math.sqrt(0.21 / 5000)));
    }

    @ParameterizedTest
    @CsvSource({"0.1, 0.1, 0, 1", "100, 100, 1, 1", "0.1, 100, 0, 10000", "100, 0.1, 1, 10000", "1, 1, 0.5, 1"})
    void theEndsOfTheRangesRun(String a, String b, String p, String flips) {
        Result r = Runs.run(EXPERIMENT, "a", a, "b", b, "p", p, "flips", flips);
        assertThat(r.charts()).hasSize(2);
        assertThat(r.tables().getFirst().rows()).isNotEmpty();
    }

    @Test
    void theSameSeedGivesTheSameResult() {
        Result a = Runs.run(EXPERIMENT, "seed", "3");
        Result b = Runs.run(EXPERIMENT, "seed", "3");
        assertThat(b.tables()).isEqualTo(a.tables());
        assertThat(b.notes()).isEqualTo(a.notes());
    }
}
