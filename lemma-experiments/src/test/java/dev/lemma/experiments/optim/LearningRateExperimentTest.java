package dev.lemma.experiments.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.lemma.experiments.ParameterException;
import dev.lemma.experiments.Result;
import dev.lemma.experiments.Runs;
import dev.lemma.experiments.Table;
import dev.lemma.viz.Series;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/// The learning-rate experiment against the algebra of the quadratic $\tfrac12(x^2 + \kappa y^2)$: the
/// error's component along the eigenvector of $L = \kappa$ is multiplied by exactly $1 - \eta L$ per step
/// and the other by $1 - \eta$, so once one dominates the error ratio is that factor's modulus. The
/// ratios are recomputed here from the drawn paths, not read from the experiment's table.
class LearningRateExperimentTest {

    private static final LearningRateExperiment EXPERIMENT = new LearningRateExperiment();

    /// After 60 steps the other component is smaller by $(0.78/1.2)^{60} \approx 10^{-11}$ (too large) or
    /// has died (right step): the ratio is the factor to about $10^{-10}$.
    private static final double RATIO = 1e-9;

    private static double[] ratios(Result r, int chart) {
        Series.Line path = (Series.Line) r.charts().get(chart).series().get(1);
        double[] x = path.x();
        double[] y = path.y();
        double[] q = new double[x.length - 1];
        for (int k = 0; k + 1 < x.length; k++) {
            q[k] = Math.hypot(x[k + 1], y[k + 1]) / Math.hypot(x[k], y[k]);
        }
        return q;
    }

    private static List<Object> row(Result r, String run) {
        Table t = r.tables().getFirst();
        return t.rows().stream()
                .filter(row -> row.getFirst().equals(run))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void theTooLargeStepMultipliesTheErrorByItsFactorEveryStep() {
        Result r = Runs.run(EXPERIMENT);
        double eta = ((Number) row(r, "too large").get(1)).doubleValue();
        assertThat(eta).isCloseTo(2.2 / 10, within(1e-15));
        double[] q = ratios(r, 2);
        assertThat(q[q.length - 1]).isCloseTo(Math.abs(1 - eta * 10), within(RATIO));
        assertThat(q[q.length - 1]).isGreaterThan(1);
        assertThat(((Number) row(r, "too large").get(4)).doubleValue()).isCloseTo(1.2, within(RATIO));
    }

    @Test
    void theRightStepShrinksTheErrorByKappaMinusOneOverKappaPlusOne() {
        Result r = Runs.run(EXPERIMENT);
        double[] q = ratios(r, 1);
        assertThat(q[q.length - 1]).isCloseTo(9.0 / 11, within(RATIO));
        assertThat(((Number) row(r, "right: 2/(L + μ)").get(3)).doubleValue()).isCloseTo(9.0 / 11, within(1e-15));
    }

    /// Just below $2/L$ the run converges (slowly, by $|1 - 1.99| = 0.99$ per step); just above it diverges.
    @ParameterizedTest
    @CsvSource({"1.99, true", "2.01, false"})
    void theThresholdIsTwoOverL(double large, boolean converges) {
        Result r = Runs.run(EXPERIMENT, "large", Double.toString(large), "iterations", "500");
        double[] q = ratios(r, 2);
        assertThat(q[q.length - 1] < 1).isEqualTo(converges);
    }

    @Test
    void scalingAllStepsTipsTheRightOneOverTheEdge() {
        Result r = Runs.run(EXPERIMENT, "scale", "1.2");
        double eta = ((Number) row(r, "right: 2/(L + μ)").get(1)).doubleValue();
        assertThat(eta * 10).isCloseTo(1.2 * 20 / 11, within(1e-12)).isGreaterThan(2);
        double[] q = ratios(r, 1);
        assertThat(q[q.length - 1]).isCloseTo(eta * 10 - 1, within(RATIO));
    }

    @Test
    void onRosenbrockTheCurvaturesAreThoseOfTheHessianAtTheMinimiser() {
        LearningRateExperiment.Problem p = LearningRateExperiment.problem("rosenbrock", 1);
        // ∇²f(1, 1) = [[802, −400], [−400, 200]]: trace 1002, determinant 400.
        assertThat(p.l() + p.mu()).isCloseTo(1002, within(1e-9));
        assertThat(p.l() * p.mu()).isCloseTo(400, within(1e-9));
        Result r = Runs.run(EXPERIMENT, "function", "rosenbrock");
        assertThat(r.notes()).anyMatch(n -> n.contains("quadratic model at the minimiser"));
    }

    @Test
    void badParametersAreNamedWithWhatTheyAccept() {
        assertThatThrownBy(() -> Runs.run(EXPERIMENT, "large", "3.5"))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("'large' is a number from 1 to 3");
        assertThatThrownBy(() -> Runs.run(EXPERIMENT, "function", "beale"))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("one of quadratic, rosenbrock");
    }
}
