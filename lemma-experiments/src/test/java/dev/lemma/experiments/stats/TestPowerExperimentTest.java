package dev.lemma.experiments.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lemma.experiments.Result;
import dev.lemma.experiments.Runs;
import dev.lemma.stats.Alternative;
import dev.lemma.stats.Power;
import dev.lemma.viz.Chart;
import dev.lemma.viz.Series;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/// The power experiment against theory: every curve passes through $\alpha$ at $d = 0$, two-sided curves
/// are symmetric, the simulated points lie within their binomial noise of the curves, and the sample
/// sizes for power 0.8 are the textbook ones (Cohen 1988; R's `pwr.t.test`).
class TestPowerExperimentTest {

    private static final TestPowerExperiment EXPERIMENT = new TestPowerExperiment();

    /// The quadrature of the power integral is accurate to about $10^{-12}$, so a power of 1 may print
    /// as $1 + 3 \times 10^{-15}$.
    private static final double QUADRATURE = 1e-12;

    private static Series.Line curve(Chart chart, int n) {
        return Runs.series(chart, Series.Line.class, "n = " + n + " "); // "n = 5 (formula)", "n = 5 per group (…"
    }

    @ParameterizedTest
    @CsvSource({
        "one-sample, two-sided, 0.05",
        "one-sample, greater, 0.01",
        "one-sample, less, 0.2",
        "two-sample, two-sided, 0.1"
    })
    void everyCurvePassesThroughAlphaAtZeroEffect(String test, String alternative, double alpha) {
        Result r = Runs.run(
                EXPERIMENT,
                "test",
                test,
                "alternative",
                alternative,
                "alpha",
                Double.toString(alpha),
                "simulations",
                "100");
        Chart chart = r.charts().getFirst();
        for (int n : TestPowerExperiment.sizes(20)) {
            Series.Line line = curve(chart, n);
            double[] x = line.x();
            double[] y = line.y();
            int zero = TestPowerExperiment.CURVE_POINTS / 2;
            assertThat(x[zero]).isZero();
            assertThat(y[zero]).as("power at d = 0, n = %d", n).isCloseTo(alpha, within(1e-6));
            for (int i = 0; i < x.length; i++) {
                assertThat(y[i]).isBetween(-QUADRATURE, 1 + QUADRATURE);
                if (alternative.equals("two-sided")) {
                    assertThat(x[x.length - 1 - i]).isEqualTo(-x[i]);
                    assertThat(y[x.length - 1 - i]).isEqualTo(y[i]);
                } else if (i > 0) {
                    // A one-sided test's power is monotone in d: rising for "greater", falling for "less".
                    assertThat(alternative.equals("greater") ? y[i] - y[i - 1] : y[i - 1] - y[i])
                            .isGreaterThan(-1e-9);
                }
            }
        }
    }

    /// Each simulated point is a binomial fraction of $S$ tests around the formula's power: within
    /// 4.5 standard errors $\sqrt{p(1-p)/S}$ (or 3 tests, where $p$ is near 0 or 1).
    @ParameterizedTest
    @CsvSource({"one-sample, two-sided", "one-sample, greater", "two-sample, two-sided"})
    void theSimulatedPointsLieWithinTheirNoiseOfTheCurves(String test, String alternative) {
        int s = 400;
        Result r = Runs.run(EXPERIMENT, "test", test, "alternative", alternative, "n", "12");
        Chart chart = r.charts().getFirst();
        Alternative alt = TestPowerExperiment.alternative(alternative);
        for (int n : TestPowerExperiment.sizes(12)) {
            Series.Scatter points = Runs.series(
                    chart, Series.Scatter.class, "n = " + n + (test.equals("two-sample") ? " per group," : ","));
            double[] x = points.x();
            double[] y = points.y();
            assertThat(x).hasSize(13);
            for (int i = 0; i < x.length; i++) {
                double p = TestPowerExperiment.power(test.equals("two-sample"), x[i], n, 0.05, alt);
                double tolerance = Math.max(4.5 * Math.sqrt(p * (1 - p) / s), 3.0 / s);
                assertThat(y[i])
                        .as("simulated power at d = %s, n = %d", x[i], n)
                        .isCloseTo(p, within(tolerance));
            }
        }
    }

    /// $d = 0.5$, $\alpha = 0.05$, two-sided: 34 for one sample and 64 per group for two (Cohen 1988,
    /// table 2.4.1, gives 64 per group; R's `pwr.t.test` gives 33.37 and 63.77); $d = 0.2$, one-sided: 156.
    /// All three agree with Guenther's correction of the normal approximation (W. C. Guenther, "Sample
    /// size formulas for normal theory t tests", Amer. Statist. 35(4), 1981), $((z_{1-\alpha'} +
    /// z_{0.8})/d)^2 + z_{1-\alpha'}^2/2$ (per group: twice the first term plus $z^2/4$): 33.3, 63.8 and
    /// 155.96, rounded up.
    @ParameterizedTest
    @CsvSource({"false, 0.5, TWO_SIDED, 34", "true, 0.5, TWO_SIDED, 64", "false, 0.2, GREATER, 156"})
    void theSampleSizeForPowerPointEightIsTheTextbookOne(
            boolean twoSample, double d, Alternative alternative, int expected) {
        int n = TestPowerExperiment.sampleSize(twoSample, d, 0.05, alternative);
        assertThat(n).isEqualTo(expected);
        assertThat(TestPowerExperiment.power(twoSample, d, n, 0.05, alternative))
                .isGreaterThanOrEqualTo(0.8);
        assertThat(TestPowerExperiment.power(twoSample, d, n - 1, 0.05, alternative))
                .isLessThan(0.8);
    }

    @Test
    void anEffectTheTestDoesNotLookForIsNeverDetected() {
        assertThat(TestPowerExperiment.sampleSize(false, -0.5, 0.05, Alternative.GREATER))
                .isZero();
        assertThat(TestPowerExperiment.sampleSize(false, 0.5, 0.05, Alternative.LESS))
                .isZero();
        assertThat(TestPowerExperiment.sampleSize(false, 0, 0.05, Alternative.TWO_SIDED))
                .isZero();
        assertThat(Power.oneSampleT(-0.5, 1000, 0.05, Alternative.GREATER)).isLessThan(0.05);
        Result r = Runs.run(EXPERIMENT, "alternative", "greater", "d", "-0.5");
        assertThat(r.tables().getFirst().rows().get(4).get(1)).isEqualTo("never");
    }

    /// The drawn range reaches the effect where the smallest sample's power is about 1, at most 1.5.
    @ParameterizedTest
    @CsvSource({"false, 5, 1.5", "false, 50, 0.9", "true, 50, 1.2", "false, 100, 0.6"})
    void theEffectRangeShrinksForLargeSamples(boolean twoSample, int smallestN, double expected) {
        double range = TestPowerExperiment.effectRange(twoSample, smallestN);
        assertThat(range).isCloseTo(expected, within(1e-12));
        double delta = range * Math.sqrt(twoSample ? smallestN / 2.0 : smallestN);
        assertThat(delta).isGreaterThanOrEqualTo(range < TestPowerExperiment.D_MAX ? 6 : 0);
        if (range < TestPowerExperiment.D_MAX) {
            assertThat(TestPowerExperiment.power(twoSample, range, smallestN, 0.001, Alternative.TWO_SIDED))
                    .isGreaterThan(0.99);
        }
    }

    @Test
    void theCurveSizesAreQuarterHalfOneAndTwiceN() {
        assertThat(TestPowerExperiment.sizes(20)).containsExactly(5, 10, 20, 40);
        assertThat(TestPowerExperiment.sizes(4)).containsExactly(2, 4, 8);
        assertThat(TestPowerExperiment.sizes(200)).containsExactly(50, 100, 200, 400);
    }

    @ParameterizedTest
    @CsvSource({
        "one-sample, two-sided, 0.001, 4, -1.5, 100",
        "one-sample, less, 0.2, 200, 1.5, 2000",
        "two-sample, greater, 0.2, 200, 0, 2000",
        "two-sample, two-sided, 0.001, 4, -1.5, 100"
    })
    void runsAtTheEndsOfEveryRange(String test, String alternative, double alpha, int n, double d, int simulations) {
        Result r = Runs.run(
                EXPERIMENT,
                "test",
                test,
                "alternative",
                alternative,
                "alpha",
                Double.toString(alpha),
                "n",
                Integer.toString(n),
                "d",
                Double.toString(d),
                "simulations",
                Integer.toString(simulations));
        assertThat(r.charts()).hasSize(2);
        double power = Runs.cell(r.tables().getFirst(), "power by formula", 1);
        assertThat(power).isBetween(-QUADRATURE, 1 + QUADRATURE);
        assertThat(r.notes()).isNotEmpty();
    }

    @Test
    void theSameSeedGivesTheSameRun() {
        Result a = Runs.run(EXPERIMENT, "seed", "9", "simulations", "100");
        Result b = Runs.run(EXPERIMENT, "seed", "9", "simulations", "100");
        assertThat(b.tables()).isEqualTo(a.tables());
        Series.Scatter sa = Runs.series(a.charts().getFirst(), Series.Scatter.class, "n = 20,");
        Series.Scatter sb = Runs.series(b.charts().getFirst(), Series.Scatter.class, "n = 20,");
        assertThat(sb.y()).isEqualTo(sa.y());
    }
}
