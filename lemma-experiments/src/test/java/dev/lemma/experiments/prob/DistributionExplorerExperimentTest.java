package dev.lemma.experiments.prob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lemma.experiments.Result;
import dev.lemma.experiments.Runs;
import dev.lemma.experiments.Table;
import dev.lemma.viz.Series;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/// The distribution explorer: for every family the sample's moments and average surprise agree with
/// the theory within a few standard errors, the histogram is a density, the CDF curves reach 1, a
/// refused parameter is reported with the family's own message, and runs are reproducible.
class DistributionExplorerExperimentTest {

    private static final DistributionExplorerExperiment EXPERIMENT = new DistributionExplorerExperiment();

    /// Draws per check: 10⁵ makes a standard error of the mean $\sigma/316$.
    private static final String N = "100000";

    @ParameterizedTest
    @CsvSource({
        "normal, 1, 2",
        "uniform, -1, 3",
        "exponential, 2, 0",
        "gamma, 2, 1.5",
        "beta, 0.5, 0.5",
        "chi-squared, 3, 0",
        "student-t, 5, 0",
        "f, 5, 10",
        "log-normal, 0, 0.5",
        "laplace, 1, 2",
        "bernoulli, 0.3, 0",
        "binomial, 20, 0.3",
        "poisson, 4, 0",
        "geometric, 0.2, 0"
    })
    void theSampleAgreesWithTheTheory(String family, String a, String b) {
        Result r = Runs.run(EXPERIMENT, "family", family, "a", a, "b", b, "n", N);
        Table t = r.tables().getFirst();
        double sd = Runs.cell(t, "standard deviation", 1);
        double n = Double.parseDouble(N);
        // Five standard errors of the mean; the median's is 1.25 σ/√n for a normal, more for others.
        assertThat(Runs.cell(t, "mean", 2)).isCloseTo(Runs.cell(t, "mean", 1), within(5 * sd / Math.sqrt(n)));
        assertThat(Runs.cell(t, "median", 2)).isCloseTo(Runs.cell(t, "median", 1), within(10 * sd / Math.sqrt(n)));
        assertThat(Runs.cell(t, "variance", 2)).isCloseTo(Runs.cell(t, "variance", 1), within(0.05 * sd * sd));
        // The average surprise −log f(Xᵢ) has a finite variance for these families; 0.02 nats is many
        // standard errors at n = 10⁵.
        assertThat(Runs.cell(t, "entropy", 2)).isCloseTo(Runs.cell(t, "entropy", 1), within(0.02));
        Series.Histogram h = Runs.series(r.charts().getFirst(), Series.Histogram.class, "");
        double area = 0;
        double[] e = h.edges();
        double[] c = h.counts();
        for (int i = 0; i < c.length; i++) {
            area += c[i] * (e[i + 1] - e[i]);
        }
        assertThat(area).isBetween(0.99, 1.0 + 1e-9);
        double[] f = Runs.series(r.charts().get(1), Series.Line.class, "CDF").y();
        assertThat(f[f.length - 1]).isGreaterThan(0.99);
        assertThat(f).isSorted();
    }

    @Test
    void aRefusedParameterIsReportedWithTheFamilysMessage() {
        Result r = Runs.run(EXPERIMENT, "family", "gamma", "a", "-1", "b", "1");
        assertThat(r.notes().getFirst()).contains("Gamma").contains("shape").contains("-1");
        // The map of accepted parameters is the open quadrant a > 0, b > 0.
        Series.Heatmap map = Runs.series(r.charts().getFirst(), Series.Heatmap.class, "accepted");
        double[] a = map.x();
        double[] b = map.y();
        double[][] z = map.z();
        for (int i = 0; i < b.length; i++) {
            for (int j = 0; j < a.length; j++) {
                assertThat(z[i][j]).as("(%s, %s)", a[j], b[i]).isEqualTo(a[j] > 0 && b[i] > 0 ? 1.0 : 0.0);
            }
        }
        Result u = Runs.run(EXPERIMENT, "family", "uniform", "a", "2", "b", "1");
        assertThat(u.tables().getFirst().title()).isEqualTo("Refused parameters");
        assertThat(u.notes().getFirst()).contains("refuses");
        Result binomial = Runs.run(EXPERIMENT, "family", "binomial", "a", "2.5", "b", "0.5");
        assertThat(binomial.charts()).hasSize(1);
        assertThat(binomial.notes().getFirst()).contains("whole number");
        Result bernoulli = Runs.run(EXPERIMENT, "family", "bernoulli", "a", "2");
        assertThat(bernoulli.charts()).hasSize(1);
        assertThat(bernoulli.notes().getFirst()).contains("p");
    }

    /// The mass chart's bars are the sample's frequencies: they sum to 1, and the staircase CDF rises by
    /// the mass at each integer.
    @Test
    void aDiscreteFamilyDrawsFrequenciesAndAStaircase() {
        Result r = Runs.run(EXPERIMENT, "family", "poisson", "a", "3");
        double[] f = Runs.series(r.charts().getFirst(), Series.Histogram.class, "frequency")
                .counts();
        double total = 0;
        for (double v : f) {
            total += v;
        }
        assertThat(total).isCloseTo(1, within(1e-9));
        double[] mass =
                Runs.series(r.charts().getFirst(), Series.Scatter.class, "mass").y();
        double[] stairs =
                Runs.series(r.charts().get(1), Series.Line.class, "CDF").y();
        for (int i = 0; i < mass.length; i++) {
            assertThat(stairs[2 * i + 2] - stairs[2 * i + 1]).isCloseTo(mass[i], within(1e-12));
        }
    }

    @Test
    void cauchyHasNoMeanAndTheWindowKeepsItsBody() {
        Result r = Runs.run(EXPERIMENT, "family", "student-t", "a", "1");
        assertThat(r.tables().getFirst().rows().getFirst().get(1)).isEqualTo("undefined");
        assertThat(String.join(" ", r.notes())).contains("no mean");
        double[] x =
                Runs.series(r.charts().getFirst(), Series.Line.class, "density").x();
        // Median 0 and interquartile range 2: the window is [−12, 12], not the ±636 of the 0.05 % tails.
        assertThat(x[0]).isCloseTo(-12, within(1e-9));
        assertThat(x[x.length - 1]).isCloseTo(12, within(1e-9));
    }

    @ParameterizedTest
    @CsvSource({
        "normal, -50, 200, 10",
        "normal, 200, 0.1, 200000",
        "chi-squared, 200, 0, 10",
        "chi-squared, 0.1, 0, 1000",
        "beta, 0.1, 200, 1000",
        "f, 0.1, 0.1, 1000",
        "gamma, 200, 200, 1000",
        "log-normal, -50, 3, 1000",
        "exponential, 0.1, -50, 1000",
        "binomial, 200, 1, 1000",
        "binomial, 0, 0.5, 10",
        "poisson, 200, 0, 200000",
        "poisson, 0.01, 0, 1000",
        "geometric, 0.01, 0, 1000",
        "geometric, 1, 0, 1000",
        "bernoulli, 0, 0, 10"
    })
    void theEndsOfTheRangesRun(String family, String a, String b, String n) {
        Result r = Runs.run(EXPERIMENT, "family", family, "a", a, "b", b, "n", n);
        assertThat(r.charts()).hasSize(2);
        assertThat(r.tables()).hasSize(1);
    }

    @Test
    void theSameSeedGivesTheSameResult() {
        Result a = Runs.run(EXPERIMENT, "seed", "5");
        Result b = Runs.run(EXPERIMENT, "seed", "5");
        Result c = Runs.run(EXPERIMENT, "seed", "6");
        assertThat(b.tables()).isEqualTo(a.tables());
        assertThat(c.tables()).isNotEqualTo(a.tables());
    }
}
