package dev.lemma.experiments.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lemma.experiments.Progress;
import dev.lemma.experiments.Result;
import dev.lemma.experiments.Runs;
import dev.lemma.prob.ContinuousDistribution;
import dev.lemma.stats.Descriptive;
import dev.lemma.stats.Summary;
import dev.lemma.viz.Series;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/// The bootstrap experiment against theory: for the mean the bootstrap standard error is the plug-in
/// $\hat\sigma\sqrt{(n-1)/n}/\sqrt n$ and the simulated true one is $\sigma/\sqrt n$; the intervals come
/// from the drawn replicates; the population values are the closed forms.
class BootstrapDistributionExperimentTest {

    private static final BootstrapDistributionExperiment EXPERIMENT = new BootstrapDistributionExperiment();

    /// With $B = 20000$ resamples the bootstrap standard deviation has relative error about
    /// $1/\sqrt{2B} = 0.5\,\%$; 3 % is six of those.
    @ParameterizedTest
    @CsvSource({"normal, 20", "exponential, 50", "uniform, 200"})
    void forTheMeanTheBootstrapStandardErrorIsThePlugInOne(String population, int n) {
        var b = BootstrapDistributionExperiment.compute(
                Populations.of(population), "mean", n, 20_000, 0.95, 3, Progress.NONE);
        Summary sample = Summary.of(b.sample());
        double plugIn = sample.populationStandardDeviation() / Math.sqrt(n);
        assertThat(Summary.of(b.replicates()).standardDeviation()).isCloseTo(plugIn, within(0.03 * plugIn));
        assertThat(b.estimate()).isEqualTo(sample.mean());
    }

    /// 4000 fresh samples give the standard deviation of the mean to about 1.1 %; 5 % is over four of those.
    @ParameterizedTest
    @CsvSource({"normal, 10", "exponential, 30", "uniform, 100"})
    void theTrueStandardErrorOfTheMeanIsSigmaOverRootN(String population, int n) {
        ContinuousDistribution d = Populations.of(population);
        var b = BootstrapDistributionExperiment.compute(d, "mean", n, 200, 0.95, 5, Progress.NONE);
        double exact = d.standardDeviation() / Math.sqrt(n);
        assertThat(Summary.of(b.sampling()).standardDeviation()).isCloseTo(exact, within(0.05 * exact));
        assertThat(Summary.of(b.sampling()).mean()).isCloseTo(d.mean(), within(4 * exact / Math.sqrt(4000)));
    }

    @ParameterizedTest
    @CsvSource({"mean, 0.9", "median, 0.95", "sd, 0.8", "trimmed-mean, 0.99"})
    void thePercentileIntervalIsReadFromTheDrawnReplicates(String statistic, double c) {
        var b = BootstrapDistributionExperiment.compute(
                Populations.of("exponential"), statistic, 40, 1000, c, 8, Progress.NONE);
        assertThat(b.percentile().lower()).isEqualTo(Descriptive.quantile(b.replicates(), (1 - c) / 2));
        assertThat(b.percentile().upper()).isEqualTo(Descriptive.quantile(b.replicates(), (1 + c) / 2));
        assertThat(b.bca()).isNotNull();
        assertThat(b.bca().lower()).isLessThan(b.bca().upper());
    }

    /// The exponential with rate 1 has median $\ln 2$ and 10 % trimmed mean $\frac{1}{0.8}[(1-u)\ln(1-u) +
    /// u]_{0.1}^{0.9}$ (the antiderivative of $F^{-1}(u) = -\ln(1-u)$); symmetric populations have their
    /// trimmed mean at the centre.
    @Test
    void thePopulationValuesAreTheClosedForms() {
        ContinuousDistribution exp = Populations.of("exponential");
        assertThat(BootstrapDistributionExperiment.populationValue(exp, "median"))
                .isCloseTo(Math.log(2), within(1e-12));
        assertThat(BootstrapDistributionExperiment.populationValue(exp, "sd")).isCloseTo(1.0, within(1e-12));
        double trimmed = (antiderivative(0.9) - antiderivative(0.1)) / 0.8;
        assertThat(BootstrapDistributionExperiment.populationValue(exp, "trimmed-mean"))
                .isCloseTo(trimmed, within(1e-6));
        assertThat(BootstrapDistributionExperiment.populationValue(Populations.of("uniform"), "trimmed-mean"))
                .isCloseTo(0.5, within(1e-9));
        assertThat(BootstrapDistributionExperiment.populationValue(Populations.of("normal"), "trimmed-mean"))
                .isCloseTo(0.0, within(1e-9));
    }

    private static double antiderivative(double u) {
        return (1 - u) * Math.log(1 - u) + u;
    }

    @Test
    void theTrimmedMeanDropsATenthFromEachEnd() {
        assertThat(BootstrapDistributionExperiment.trimmedMean(new double[] {10, 1, 9, 2, 8, 3, 7, 4, 6, 5}))
                .isEqualTo(5.5);
        assertThat(BootstrapDistributionExperiment.trimmedMean(new double[] {1, 2, 3, 4, 1000, 5, 6, 7, 8, -1000}))
                .isEqualTo(4.5);
        assertThat(BootstrapDistributionExperiment.trimmedMean(new double[] {1, 2, 3}))
                .isEqualTo(2.0);
    }

    /// The bins hold every bootstrap replicate (area 1) and at least the middle 99 % of the true
    /// sampling distribution (area between 0.99 and 1), even for the long tail of log-normal data's $s$.
    @ParameterizedTest
    @CsvSource({"exponential, median", "lognormal, sd"})
    void theHistogramsAreDensities(String population, String statistic) {
        Result r = Runs.run(EXPERIMENT, "distribution", population, "statistic", statistic);
        for (String prefix : new String[] {"true sampling", "bootstrap distribution"}) {
            Series.Histogram h = Runs.series(r.charts().getFirst(), Series.Histogram.class, prefix);
            double[] e = h.edges();
            double[] c = h.counts();
            double area = 0;
            for (int i = 0; i < c.length; i++) {
                area += c[i] * (e[i + 1] - e[i]);
            }
            if (prefix.startsWith("bootstrap")) {
                assertThat(area).as(prefix).isCloseTo(1.0, within(1e-9));
            } else {
                assertThat(area).as(prefix).isBetween(1 - 2 * BootstrapDistributionExperiment.TAIL - 1e-9, 1 + 1e-9);
            }
        }
    }

    @ParameterizedTest
    @CsvSource({
        "normal, mean, 5, 200, 0.8",
        "lognormal, sd, 500, 20000, 0.99",
        "uniform, median, 5, 20000, 0.99",
        "exponential, trimmed-mean, 500, 200, 0.8",
        "lognormal, median, 5, 200, 0.95"
    })
    void runsAtTheEndsOfEveryRange(String population, String statistic, int n, int resamples, double c) {
        Result r = Runs.run(
                EXPERIMENT,
                "distribution",
                population,
                "statistic",
                statistic,
                "n",
                Integer.toString(n),
                "resamples",
                Integer.toString(resamples),
                "confidence",
                Double.toString(c));
        var t = r.tables().getFirst();
        assertThat(Runs.cell(t, "bootstrap standard error", 1)).isPositive();
        assertThat(Runs.cell(t, "true standard error (simulated)", 1)).isPositive();
        assertThat(r.notes()).isNotEmpty();
    }

    @Test
    void theSameSeedGivesTheSameRun() {
        Result a = Runs.run(EXPERIMENT, "seed", "12");
        Result b = Runs.run(EXPERIMENT, "seed", "12");
        assertThat(b.tables()).isEqualTo(a.tables());
        assertThat(b.notes()).isEqualTo(a.notes());
    }
}
