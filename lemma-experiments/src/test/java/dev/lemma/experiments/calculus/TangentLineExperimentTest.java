package dev.lemma.experiments.calculus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lemma.experiments.Result;
import dev.lemma.experiments.Runs;
import dev.lemma.viz.Series;
import org.junit.jupiter.api.Test;

/// The tangent-line experiment against the definition of the derivative: the tangent's slope is the
/// analytic derivative, and the forward difference's error is $\tfrac12 |f''(x_0)|\,h + O(h^2)$ while
/// truncation dominates, so it falls tenfold when $h$ does.
class TangentLineExperimentTest {

    private static final TangentLineExperiment EXPERIMENT = new TangentLineExperiment();

    /// Dual numbers give the derivative to rounding: a few ulps of values of order 1.
    private static final double EXACT = 1e-15;

    @Test
    void theTangentSlopeIsTheAnalyticDerivative() {
        double[] points = {-2, -1.3, 0, 0.7, 2};
        for (double x : points) {
            String x0 = String.valueOf(x);
            assertThat(derivative("sin", x0)).isCloseTo(Math.cos(x), within(EXACT));
            assertThat(derivative("x^2", x0)).isCloseTo(2 * x, within(EXACT));
            assertThat(derivative("exp", x0)).isCloseTo(Math.exp(x), within(EXACT * Math.exp(x)));
            assertThat(derivative("x^3-x", x0)).isCloseTo(3 * x * x - 1, within(10 * EXACT));
            if (x != 0) {
                assertThat(derivative("abs", x0)).isEqualTo(Math.signum(x));
            }
        }
    }

    private static double derivative(String function, String x0) {
        Result r = Runs.run(EXPERIMENT, "function", function, "x0", x0);
        return Runs.cell(r.tables().getFirst(), "exact derivative", 1);
    }

    /// In the truncation region ($10^{-4} \le h \le 10^{-2}$ here, far above $\sqrt u$) the error is
    /// $\tfrac12 |f''(x_0)| h (1 + O(h))$: tenfold smaller $h$, tenfold smaller error, within 2 %.
    @Test
    void theSecantErrorFallsLinearlyWithHInTheTruncationRegion() {
        for (String function : new String[] {"sin", "exp", "x^2", "x^3-x"}) {
            Result r = Runs.run(EXPERIMENT, "function", function, "x0", "1");
            Series.Line error = Runs.series(r.charts().get(1), Series.Line.class, "secant error");
            double[] h = error.x();
            double[] e = error.y();
            for (int i = 0; i < h.length; i++) {
                for (int j = 0; j < h.length; j++) {
                    if (h[i] <= 1e-2 && h[i] >= 1e-3 && Math.abs(h[j] - h[i] / 10) < 1e-9 * h[i]) {
                        assertThat(e[i] / e[j])
                                .as("%s at h = %g", function, h[i])
                                .isCloseTo(10, within(0.2));
                    }
                }
            }
            // And the table's error is the secant slope's distance from the exact derivative.
            double secant = Runs.cell(r.tables().getFirst(), "secant slope", 1);
            double exact = Runs.cell(r.tables().getFirst(), "exact derivative", 1);
            assertThat(Runs.cell(r.tables().getFirst(), "error", 1)).isEqualTo(Math.abs(secant - exact));
        }
    }

    /// At $h = 10^{-12}$ rounding dominates: the error is far above the truncation estimate.
    @Test
    void belowTheSquareRootOfTheRoundoffRoundingTakesOver() {
        Result r = Runs.run(EXPERIMENT, "function", "sin", "x0", "1", "k", "24");
        double error = Runs.cell(r.tables().getFirst(), "error", 1);
        double truncation = Runs.cell(r.tables().getFirst(), "truncation estimate", 1);
        assertThat(error).isGreaterThan(100 * truncation);
    }

    @Test
    void absAtZeroHasNoDerivativeAndSaysSo() {
        Result r = Runs.run(EXPERIMENT, "function", "abs", "x0", "0", "k", "6");
        assertThat(Runs.cell(r.tables().getFirst(), "secant slope", 1)).isEqualTo(1);
        assertThat(Runs.cell(r.tables().getFirst(), "left secant slope", 1)).isEqualTo(-1);
        assertThat(r.notes()).anyMatch(n -> n.contains("does not exist"));
    }

    @Test
    void equalArgumentsGiveEqualResults() {
        Result a = Runs.run(EXPERIMENT, "function", "exp", "x0", "0.3", "k", "7");
        Result b = Runs.run(EXPERIMENT, "function", "exp", "x0", "0.3", "k", "7");
        assertThat(b.tables()).isEqualTo(a.tables());
        assertThat(b.notes()).isEqualTo(a.notes());
        assertThat(Runs.series(b.charts().get(1), Series.Line.class, "secant error")
                        .y())
                .containsExactly(Runs.series(a.charts().get(1), Series.Line.class, "secant error")
                        .y());
    }
}
