package dev.lemma.experiments.prob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lemma.experiments.Result;
import dev.lemma.experiments.Runs;
import dev.lemma.prob.Normal;
import dev.lemma.viz.Series;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/// The central-limit-theorem experiment: its third absolute moments agree with quadrature, the
/// standardised means have mean 0 and variance 1, their distance from Φ stays under the Berry–Esseen
/// bound and falls with n, and runs are reproducible and run at the ends of their ranges.
class CentralLimitTheoremExperimentTest {

    private static final CentralLimitTheoremExperiment EXPERIMENT = new CentralLimitTheoremExperiment();

    /// Composite Simpson's rule with `panels` (even) panels: an oracle independent of the closed forms.
    private static double simpson(DoubleUnaryOperator f, double a, double b, int panels) {
        double h = (b - a) / panels;
        double sum = f.applyAsDouble(a) + f.applyAsDouble(b);
        for (int i = 1; i < panels; i++) {
            sum += (i % 2 == 1 ? 4 : 2) * f.applyAsDouble(a + i * h);
        }
        return sum * h / 3;
    }

    /// $\rho = E|X - \mu|^3$ by quadrature: the exponential over $[0, 60]$, the others as $E[g(Z)]$
    /// with $Z$ standard normal over $[-12, 12]$ ($\chi^2_1 = Z^2$, log-normal $= e^Z$), the uniform over
    /// $[0, 1]$; each split at its kink so that Simpson's rule keeps its order.
    @Test
    void theThirdAbsoluteMomentsAgreeWithQuadrature() {
        Normal z = Normal.standard();
        double exponential = simpson(x -> Math.pow(1 - x, 3) * Math.exp(-x), 0, 1, 2000)
                + simpson(x -> Math.pow(x - 1, 3) * Math.exp(-x), 1, 60, 200_000);
        double chi = 2 * simpson(t -> Math.pow(1 - t * t, 3) * z.pdf(t), 0, 1, 2000)
                + 2 * simpson(t -> Math.pow(t * t - 1, 3) * z.pdf(t), 1, 12, 200_000);
        double mu = Math.exp(0.5);
        double logNormal = simpson(t -> Math.pow(mu - Math.exp(t), 3) * z.pdf(t), -12, 0.5, 200_000)
                + simpson(t -> Math.pow(Math.exp(t) - mu, 3) * z.pdf(t), 0.5, 12, 200_000);
        double uniform = 2 * simpson(x -> x * x * x, 0, 0.5, 10);
        assertThat(CentralLimitTheoremExperiment.source("exponential").rho()).isCloseTo(exponential, within(1e-9));
        assertThat(CentralLimitTheoremExperiment.source("chi-squared-1").rho()).isCloseTo(chi, within(1e-9));
        assertThat(CentralLimitTheoremExperiment.source("log-normal").rho())
                .isCloseTo(logNormal, within(1e-9 * logNormal));
        assertThat(CentralLimitTheoremExperiment.source("uniform").rho()).isCloseTo(uniform, within(1e-15));
        // Bernoulli(0.1): |X − 0.1|³ is 0.9³ with probability 0.1 and 0.1³ with probability 0.9.
        assertThat(CentralLimitTheoremExperiment.source("bernoulli-0.1").rho())
                .isCloseTo(0.1 * 0.729 + 0.9 * 0.001, within(1e-15));
    }

    /// The skewnesses are the textbook ones: 2 for the exponential, $\sqrt 8$ for $\chi^2_1$,
    /// $(e + 2)\sqrt{e - 1}$ for the standard log-normal.
    @Test
    void theSkewnessesAreTheTextbookOnes() {
        assertThat(CentralLimitTheoremExperiment.source("log-normal").skewness())
                .isCloseTo((Math.E + 2) * Math.sqrt(Math.E - 1), within(1e-12));
        assertThat(CentralLimitTheoremExperiment.source("chi-squared-1").skewness())
                .isCloseTo(2.8284271247461903, within(1e-15));
    }

    @ParameterizedTest
    @ValueSource(strings = {"exponential", "chi-squared-1", "log-normal", "bernoulli-0.1", "uniform"})
    void standardisedMeansHaveMeanZeroVarianceOneAndStayUnderTheBound(String distribution) {
        var s = CentralLimitTheoremExperiment.source(distribution);
        int m = 20_000;
        for (int n : new int[] {1, 4, 16}) {
            double[] z =
                    CentralLimitTheoremExperiment.standardisedMeans(s.distribution(), n, m, new SplittableRandom(n));
            var summary = dev.lemma.stats.Summary.of(z);
            // Standard errors: 1/√m for the mean; for the variance √((κ₄/n + 2)/m), loosely ≤ 0.2 here.
            assertThat(summary.mean()).as("mean at n = %d", n).isCloseTo(0, within(5 / Math.sqrt(m)));
            assertThat(summary.variance()).as("variance at n = %d", n).isCloseTo(1, within(0.2));
            double d = CentralLimitTheoremExperiment.distanceFromNormal(z);
            // The true distance is below the bound; the sample adds noise of about 0.87/√m.
            assertThat(d)
                    .as("distance at n = %d", n)
                    .isLessThan(CentralLimitTheoremExperiment.berryEsseen(s, n) + 2 / Math.sqrt(m));
        }
    }

    @Test
    void theDistanceFallsWithNAndTheBoundHasSlopeMinusOneHalf() {
        Result r = Runs.run(EXPERIMENT, "distribution", "exponential", "repetitions", "20000");
        var chart = r.charts().get(1);
        double[] d = Runs.series(chart, Series.Line.class, "measured").y();
        double[] n = Runs.series(chart, Series.Line.class, "measured").x();
        double[] bound = Runs.series(chart, Series.Line.class, "Berry").y();
        assertThat(n[0]).isEqualTo(1);
        assertThat(n[n.length - 1]).isEqualTo(CentralLimitTheoremExperiment.LARGEST_N);
        // At n = 1 the standardised exponential's CDF is 0 at z = −1 where Φ(−1) = 0.159, so D₁ ≥ 0.159;
        // at n = 16 the Edgeworth term γ(1 − z²)φ(z)/(6√n) is at most 2·0.399/24 ≈ 0.033.
        assertThat(d[0]).isGreaterThan(0.15);
        assertThat(d[4]).isLessThan(0.05);
        for (int i = 0; i < n.length; i++) {
            assertThat(bound[i] * Math.sqrt(n[i])).isCloseTo(bound[0], within(1e-12));
        }
    }

    /// For coin flips the histogram has one bar per lattice point $k$, of area $P(S_n = k)$.
    @Test
    void aLatticeHistogramHasOneBarPerValueOfTheSum() {
        Result r = Runs.run(EXPERIMENT, "distribution", "bernoulli-0.1", "n", "10", "repetitions", "20000");
        Series.Histogram h = Runs.series(r.charts().getFirst(), Series.Histogram.class, "standardised");
        double[] e = h.edges();
        double width = 1 / (0.3 * Math.sqrt(10));
        for (int i = 1; i < e.length; i++) {
            assertThat(e[i] - e[i - 1]).isCloseTo(width, within(1e-12));
        }
        // The bar at k = 0 (z = −1/0.3·… ) holds P(S = 0) = 0.9¹⁰ = 0.3487 of the mass.
        double[] c = h.counts();
        int k0 = (int) Math.round((-1 - e[0] / width) + 0.5); // bin whose centre is z(0) = −np·h
        double centre0 = -10 * 0.1 * width;
        int bin = -1;
        for (int i = 0; i < c.length; i++) {
            if (Math.abs((e[i] + e[i + 1]) / 2 - centre0) < 1e-9) {
                bin = i;
            }
        }
        assertThat(bin).as("bin of k = 0 (%d)", k0).isNotNegative();
        assertThat(c[bin] * width).isCloseTo(Math.pow(0.9, 10), within(5 * Math.sqrt(0.35 * 0.65 / 20_000)));
    }

    @Test
    void theHistogramIsADensity() {
        Result r = Runs.run(EXPERIMENT, "n", "30");
        Series.Histogram h = Runs.series(r.charts().getFirst(), Series.Histogram.class, "standardised");
        double[] e = h.edges();
        double[] c = h.counts();
        double area = 0;
        for (int i = 0; i < c.length; i++) {
            area += c[i] * (e[i + 1] - e[i]);
        }
        assertThat(area).isCloseTo(1, within(1e-3)); // a mean of 30 exponentials beyond ±4σ: rare
    }

    @ParameterizedTest
    @ValueSource(strings = {"exponential", "chi-squared-1", "log-normal", "bernoulli-0.1", "uniform"})
    void theEndsOfTheRangesRun(String distribution) {
        assertThat(Runs.run(EXPERIMENT, "distribution", distribution, "n", "1", "repetitions", "1000")
                        .charts())
                .hasSize(2);
        assertThat(Runs.run(EXPERIMENT, "distribution", distribution, "n", "1000", "repetitions", "1000")
                        .charts())
                .hasSize(2);
    }

    @Test
    void theLargestRunStaysWithinItsBudget() {
        long start = System.nanoTime();
        Runs.run(EXPERIMENT, "distribution", "chi-squared-1", "n", "1000", "repetitions", "20000");
        assertThat((System.nanoTime() - start) / 1e9)
                .isLessThan(EXPERIMENT.budget().toMillis() / 1e3);
    }

    @Test
    void theSameSeedGivesTheSameResult() {
        Result a = Runs.run(EXPERIMENT, "seed", "3", "repetitions", "1000");
        Result b = Runs.run(EXPERIMENT, "seed", "3", "repetitions", "1000");
        assertThat(b.tables()).isEqualTo(a.tables());
        assertThat(b.notes()).isEqualTo(a.notes());
    }
}
