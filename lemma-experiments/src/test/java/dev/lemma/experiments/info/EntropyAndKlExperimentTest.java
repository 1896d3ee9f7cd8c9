package dev.lemma.experiments.info;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lemma.experiments.Result;
import dev.lemma.experiments.Runs;
import dev.lemma.experiments.Table;
import dev.lemma.viz.Chart;
import dev.lemma.viz.Series;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/// The entropy and KL experiment against the identities of Cover and Thomas, chapter 2: $H(p, q) = H(p)
/// + \mathrm{KL}(p \| q)$, $0 \le H \le \ln K$, $\mathrm{KL} \ge 0$ with equality for $p = q$, JS at most
/// $\ln 2$, bits are nats over $\ln 2$; along the mixture path both divergences are convex; and the
/// Gaussian minima are the closed forms $\frac12\ln(1 + \mu^2)$ at $\sigma^2 = 1 + \mu^2$ and $\mu^2/2$ at
/// $\sigma = 1$.
class EntropyAndKlExperimentTest {

    private static final EntropyAndKlExperiment EXPERIMENT = new EntropyAndKlExperiment();

    private static final double TOLERANCE = 1e-12;

    @Test
    void aBumpIsADistributionPeakedAtItsCentre() {
        double[] p = EntropyAndKlExperiment.bump(8, 3, 1);
        double sum = 0;
        for (double v : p) {
            sum += v;
            assertThat(v).isPositive();
        }
        assertThat(sum).isCloseTo(1, within(TOLERANCE));
        for (int i = 0; i < p.length; i++) {
            assertThat(p[i]).isLessThanOrEqualTo(p[2]);
        }
        assertThat(p[1]).isCloseTo(p[3], within(TOLERANCE)); // symmetric about k = 3
        // The narrowest bump at the far end still gives every outcome a positive probability.
        assertThat(EntropyAndKlExperiment.bump(12, 1, EntropyAndKlExperiment.MIN_WIDTH)[11])
                .isPositive();
    }

    @ParameterizedTest
    @CsvSource({
        "8, 3, 1, 6, 2.5",
        "2, 1, 0.3, 12, 0.3",
        "12, 1, 0.3, 12, 10",
        "12, 12, 10, 1, 0.3",
        "5, 2.5, 10, 2.5, 10"
    })
    void theTableObeysTheIdentities(int k, double pCentre, double pWidth, double qCentre, double qWidth) {
        Result r = Runs.run(
                EXPERIMENT,
                "k",
                Integer.toString(k),
                "pCentre",
                Double.toString(pCentre),
                "pWidth",
                Double.toString(pWidth),
                "qCentre",
                Double.toString(qCentre),
                "qWidth",
                Double.toString(qWidth));
        Table t = r.tables().getFirst();
        double hp = Runs.cell(t, "H(p)", 1);
        double hq = Runs.cell(t, "H(q)", 1);
        double hpq = Runs.cell(t, "H(p, q)", 1);
        double hqp = Runs.cell(t, "H(q, p)", 1);
        double klpq = Runs.cell(t, "KL(p ‖ q)", 1);
        double klqp = Runs.cell(t, "KL(q ‖ p)", 1);
        double js = Runs.cell(t, "JS", 1);
        assertThat(hpq).isCloseTo(hp + klpq, within(1e-9 * Math.max(1, hpq)));
        assertThat(hqp).isCloseTo(hq + klqp, within(1e-9 * Math.max(1, hqp)));
        assertThat(hp).isBetween(0.0, Math.log(k) + TOLERANCE);
        assertThat(hq).isBetween(0.0, Math.log(k) + TOLERANCE);
        assertThat(klpq).isGreaterThanOrEqualTo(0).isFinite();
        assertThat(klqp).isGreaterThanOrEqualTo(0).isFinite();
        assertThat(js).isBetween(0.0, Math.log(2) + TOLERANCE);
        for (var row : t.rows()) {
            double nats = ((Number) row.get(1)).doubleValue();
            assertThat(((Number) row.get(2)).doubleValue())
                    .isCloseTo(nats / Math.log(2), within(TOLERANCE * (1 + nats)));
        }
        // A wide bump is nearly uniform: its entropy approaches ln K.
        if (pWidth == 10 && pCentre == (k + 1) / 2.0) {
            assertThat(hp).isCloseTo(Math.log(k), within(0.01));
        }
    }

    @Test
    void identicalDistributionsHaveNoDivergence() {
        Result r = Runs.run(EXPERIMENT, "qCentre", "3", "qWidth", "1");
        Table t = r.tables().getFirst();
        assertThat(Runs.cell(t, "KL(p ‖ q)", 1)).isZero();
        assertThat(Runs.cell(t, "KL(q ‖ p)", 1)).isZero();
        assertThat(Runs.cell(t, "JS", 1)).isCloseTo(0, within(TOLERANCE));
        assertThat(Runs.cell(t, "H(p, q)", 1)).isCloseTo(Runs.cell(t, "H(p)", 1), within(TOLERANCE));
    }

    /// KL is jointly convex, so along $q_t = (1 - t)p + tq$ both divergences are convex in $t$: second
    /// differences are non-negative. They start at 0 and end at the table's values; by default they differ.
    @Test
    void alongThePathBothDivergencesAreConvexFromZero() {
        Result r = Runs.run(EXPERIMENT);
        Chart path = r.charts().get(1);
        Table t = r.tables().getFirst();
        double[] forward = Runs.series(path, Series.Line.class, "KL(p ‖ qₜ)").y();
        double[] reverse = Runs.series(path, Series.Line.class, "KL(qₜ ‖ p)").y();
        for (double[] y : new double[][] {forward, reverse}) {
            assertThat(y[0]).isZero();
            for (int i = 1; i + 1 < y.length; i++) {
                assertThat(y[i + 1] - 2 * y[i] + y[i - 1])
                        .as("second difference at %d", i)
                        .isGreaterThan(-1e-12);
            }
        }
        assertThat(forward[forward.length - 1]).isEqualTo(Runs.cell(t, "KL(p ‖ q)", 1));
        assertThat(reverse[reverse.length - 1]).isEqualTo(Runs.cell(t, "KL(q ‖ p)", 1));
        assertThat(reverse[reverse.length - 1]).isGreaterThan(2 * forward[forward.length - 1]);
    }

    @ParameterizedTest
    @CsvSource({"1, 2", "0, 1", "-3, 0.2", "3, 5", "0.5, 0.7"})
    void theGaussianMinimaAreTheClosedForms(double mu, double sigma) {
        Result r = Runs.run(EXPERIMENT, "mu", Double.toString(mu), "sigma", Double.toString(sigma));
        assertThat(r.charts()).hasSize(3);
        Table g = r.tables().get(1);
        assertThat(Runs.cell(g, "least KL(p ‖ q)", 1)).isCloseTo(0.5 * Math.log(1 + mu * mu), within(TOLERANCE));
        assertThat(Runs.cell(g, "least KL(q ‖ p)", 1)).isCloseTo(mu * mu / 2, within(TOLERANCE));
        // KL(N(0,1) ‖ N(μ, σ²)) = ln σ + (1 + μ²)/(2σ²) − ½, and the reverse = −ln σ + (σ² + μ²)/2 − ½.
        double s2 = sigma * sigma;
        assertThat(Runs.cell(g, "KL(p ‖ q)", 1))
                .isCloseTo(Math.log(sigma) + (1 + mu * mu) / (2 * s2) - 0.5, within(1e-12));
        assertThat(Runs.cell(g, "KL(q ‖ p)", 1)).isCloseTo(-Math.log(sigma) + (s2 + mu * mu) / 2 - 0.5, within(1e-12));
        // The drawn curves are least at the grid points nearest the minimisers.
        Chart chart = r.charts().get(2);
        Series.Line forward = Runs.series(chart, Series.Line.class, "KL(p ‖ q)");
        Series.Line reverse = Runs.series(chart, Series.Line.class, "KL(q ‖ p)");
        double step = Math.log(EntropyAndKlExperiment.SIGMA_MAX / EntropyAndKlExperiment.SIGMA_MIN)
                / (EntropyAndKlExperiment.GAUSSIAN_POINTS - 1);
        double bestForward = Math.sqrt(1 + mu * mu);
        if (bestForward < EntropyAndKlExperiment.SIGMA_MAX) {
            assertThat(Math.log(forward.x()[argmin(forward.y())] / bestForward)).isCloseTo(0, within(step));
        }
        assertThat(Math.log(reverse.x()[argmin(reverse.y())])).isCloseTo(0, within(step));
    }

    private static int argmin(double[] y) {
        int best = 0;
        for (int i = 1; i < y.length; i++) {
            if (y[i] < y[best]) {
                best = i;
            }
        }
        return best;
    }

    @Test
    void withoutTheGaussianCaseThereAreTwoChartsAndOneTable() {
        Result r = Runs.run(EXPERIMENT, "gaussian", "false");
        assertThat(r.charts()).hasSize(2);
        assertThat(r.tables()).hasSize(1);
    }

    @Test
    void theSameArgumentsGiveTheSameResult() {
        Result a = Runs.run(EXPERIMENT, "k", "5");
        Result b = Runs.run(EXPERIMENT, "k", "5");
        assertThat(b.tables()).isEqualTo(a.tables());
        assertThat(b.notes()).isEqualTo(a.notes());
    }
}
