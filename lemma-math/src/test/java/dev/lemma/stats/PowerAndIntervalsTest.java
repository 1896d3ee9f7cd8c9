package dev.lemma.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.lemma.linalg.Json;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/// The power of the t test against SciPy's noncentral t and against simulation; confidence intervals
/// against SciPy's `t.interval` and by their coverage over repeated samples.
class PowerAndIntervalsTest {
    private static double mean(double[] x) {
        return Summary.of(x).mean();
    }

    /// Reference powers from SciPy 1.17.1: `nct.sf(c, nu, delta) + nct.cdf(-c, nu, delta)` with `c =
    /// t.ppf(1 - alpha/2, nu)` (two-sided) or `nct.sf(t.ppf(1 - alpha, nu), nu, delta)` (greater),
    /// computed for this test (the shared reference set has no power values).
    @ParameterizedTest
    @CsvSource({
        "0.5, 20, 0.05, 0.564504418439021, 0.6951493382443412",
        "0.2, 50, 0.05, 0.2835924146674736, 0.40122150499319453",
        "1.0, 8, 0.01, 0.3478113581383198, 0.4843304576305653",
        "0.8, 15, 0.05, 0.8213105387241096, 0.9029761519331443"
    })
    void oneSamplePowerMatchesTheNoncentralT(double d, int n, double alpha, double twoSided, double greater) {
        assertThat(Power.oneSampleT(d, n, alpha, Alternative.TWO_SIDED)).isCloseTo(twoSided, within(1e-10));
        assertThat(Power.oneSampleT(d, n, alpha, Alternative.GREATER)).isCloseTo(greater, within(1e-10));
        assertThat(Power.oneSampleT(-d, n, alpha, Alternative.LESS)).isCloseTo(greater, within(1e-10));
    }

    @Test
    void twoSamplePowerMatchesTheNoncentralT() {
        // Cohen's rule of thumb: d = 0.5 needs 64 per group for power 0.80 (SciPy 1.17.1: 0.8014595579222541).
        assertThat(Power.twoSampleT(0.5, 64, 0.05)).isCloseTo(0.8014595579222541, within(1e-10));
        assertThat(Power.twoSampleT(0.8, 26, 0.05)).isCloseTo(0.8074866151465276, within(1e-10));
    }

    @Test
    void withNoEffectThePowerIsTheLevel() {
        assertThat(Power.oneSampleT(0, 12, 0.05, Alternative.TWO_SIDED)).isCloseTo(0.05, within(1e-12));
        assertThat(Power.oneSampleT(0, 12, 0.01, Alternative.GREATER)).isCloseTo(0.01, within(1e-12));
    }

    @ParameterizedTest
    @CsvSource({"0.5, 20", "0.3, 40", "1.0, 6"})
    void theFormulaAgreesWithSimulation(double d, int n) {
        int simulations = 20_000;
        double formula = Power.oneSampleT(d, n, 0.05, Alternative.TWO_SIDED);
        double simulated =
                Power.simulatedOneSampleT(d, n, 0.05, Alternative.TWO_SIDED, simulations, new SplittableRandom(n));
        double se = Math.sqrt(formula * (1 - formula) / simulations);
        assertThat(simulated).isCloseTo(formula, within(5 * se));
    }

    @Test
    @SuppressWarnings("unchecked") // JSON objects read as maps
    void tIntervalMatchesScipy() {
        Map<String, Object> root = Json.resource("/reference/scipy-sklearn/hypothesis_tests.json");
        Map<String, Object> c = (Map<String, Object>) root.get("t_confidence_interval_mean");
        List<Number> xs = (List<Number>) ((Map<String, Object>) root.get("samples")).get("x");
        double[] x = xs.stream().mapToDouble(Number::doubleValue).toArray();
        ConfidenceIntervals.Interval interval = ConfidenceIntervals.tMean(x, 0.95);
        assertThat(interval.lower()).isCloseTo(((Number) c.get("lower")).doubleValue(), within(1e-10 * 9));
        assertThat(interval.upper()).isCloseTo(((Number) c.get("upper")).doubleValue(), within(1e-10 * 11));
    }

    /// Over repeated normal samples the 95 % t interval covers the mean 95 % of the time (exactly, in
    /// theory); the percentile and BCa intervals for the mean of a skewed (exponential) sample come close,
    /// BCa closer. Bounds: 4.5 binomial standard deviations around the nominal level for the exact
    /// interval; for the bootstrap, whose coverage is only asymptotically nominal, a floor.
    @Test
    void coverageOfRepeatedIntervals() {
        SplittableRandom rng = new SplittableRandom(5);
        int trials = 2000;
        int tCovers = 0;
        for (int s = 0; s < trials; s++) {
            double[] x = new double[10];
            for (int i = 0; i < x.length; i++) {
                x[i] = 3 + 2 * rng.nextGaussian();
            }
            if (ConfidenceIntervals.tMean(x, 0.95).contains(3)) {
                tCovers++;
            }
        }
        double slack = 4.5 * Math.sqrt(0.95 * 0.05 / trials);
        assertThat((double) tCovers / trials).isCloseTo(0.95, within(slack));

        int bootTrials = 300;
        int percentile = 0;
        int bca = 0;
        for (int s = 0; s < bootTrials; s++) {
            double[] x = new double[40];
            for (int i = 0; i < x.length; i++) {
                x[i] = -Math.log(1 - rng.nextDouble()); // exponential, mean 1
            }
            if (ConfidenceIntervals.bootstrapPercentile(x, PowerAndIntervalsTest::mean, 1000, 0.95, rng)
                    .contains(1)) {
                percentile++;
            }
            if (ConfidenceIntervals.bootstrapBca(x, PowerAndIntervalsTest::mean, 1000, 0.95, rng)
                    .contains(1)) {
                bca++;
            }
        }
        assertThat((double) percentile / bootTrials).isGreaterThan(0.87);
        assertThat((double) bca / bootTrials).isGreaterThan(0.88);
    }

    /// The bootstrap standard error of a mean converges to the plug-in value $\hat\sigma/\sqrt n$ with
    /// $\hat\sigma^2 = \frac1n\sum (x_i - \bar x)^2$ (the variance of the empirical distribution).
    @Test
    void theBootstrapStandardErrorOfAMeanIsThePlugInOne() {
        SplittableRandom rng = new SplittableRandom(9);
        double[] x = new double[30];
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextGaussian() * 4 + 1;
        }
        int b = 40_000;
        double[] replicates = ConfidenceIntervals.bootstrap(x, PowerAndIntervalsTest::mean, b, rng);
        double se = Summary.of(replicates).standardDeviation();
        double plugIn = Math.sqrt(Summary.of(x).populationVariance() / x.length);
        // The sample standard deviation of B replicates has relative standard error about 1/sqrt(2B).
        assertThat(se).isCloseTo(plugIn, within(5 * plugIn / Math.sqrt(2.0 * b)));
    }

    @Test
    void badInputIsNamed() {
        assertThatThrownBy(() -> ConfidenceIntervals.tMean(new double[] {1, 2}, 1.5))
                .hasMessageContaining("confidence must be in (0, 1), got 1.5");
        assertThatThrownBy(() -> Power.oneSampleT(0.5, 1, 0.05, Alternative.TWO_SIDED))
                .hasMessageContaining("sample size must be ≥ 2, got 1");
        double[] constant = new double[10];
        Arrays.fill(constant, 2.0);
        assertThatThrownBy(() -> ConfidenceIntervals.bootstrapBca(
                        constant, PowerAndIntervalsTest::mean, 100, 0.9, new SplittableRandom(1)))
                .isInstanceOf(ArithmeticException.class)
                .hasMessageContaining("one side");
    }
}
