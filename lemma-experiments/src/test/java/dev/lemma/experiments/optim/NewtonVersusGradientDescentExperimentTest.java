package dev.lemma.experiments.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.lemma.experiments.ParameterException;
import dev.lemma.experiments.Result;
import dev.lemma.experiments.Runs;
import dev.lemma.optim.TestFunction;
import dev.lemma.viz.Series;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/// Newton against gradient descent, checked from the drawn paths: the order of Newton's convergence,
/// recomputed here from the path and the known minimiser, is 2 where the function is clean near the
/// minimiser (Himmelblau's at (3, 2), the logistic loss); gradient descent's error ratio on the quadratic
/// is $\max(|1 - \eta\mu|, |1 - \eta L|)$; and from far away the damped variant still finds the minimiser.
class NewtonVersusGradientDescentExperimentTest {

    private static final NewtonVersusGradientDescentExperiment EXPERIMENT = new NewtonVersusGradientDescentExperiment();

    private static double[] errors(Result r, String method, double[] star) {
        Series.Line path = Runs.series(r.charts().get(1), Series.Line.class, method);
        double[] e = new double[path.x().length];
        for (int k = 0; k < e.length; k++) {
            e[k] = Math.hypot(path.x()[k] - star[0], path.y()[k] - star[1]);
        }
        return e;
    }

    /// Quadratic convergence means $C_k = e_{k+1}/e_k^2$ stays bounded; the measured order then obeys the
    /// identity $q_k = 2 + \log(C_k/C_{k-1}) / \log(C_{k-1} e_{k-1})$. So the test checks that the $C_k$
    /// agree within a factor 3 in the quadratic regime (steps that gained at least a digit, $C_{k-1}e_{k-1}
    /// = e_k/e_{k-1} \le 10^{-1}$, above the floor $10^{-11}$), which bounds $|q_k - 2|$ by
    /// $\log 3 / \log 10 \approx 0.48$, and then that bound: far from gradient descent's order 1.
    @ParameterizedTest
    @CsvSource({"himmelblau, 0.5, 200", "himmelblau, 0.3, 45", "logistic, 0.5, 200", "beale, 0.05, 90"})
    void newtonsMeasuredOrderIsTwo(String function, double distance, double angle) {
        Result r = Runs.run(
                EXPERIMENT,
                "function",
                function,
                "distance",
                Double.toString(distance),
                "angle",
                Double.toString(angle));
        double[] star =
                NewtonVersusGradientDescentExperiment.problem(function, 1).minimizer();
        double[] e = errors(r, "Newton (pure)", star);
        List<Double> orders = new ArrayList<>();
        List<Double> constants = new ArrayList<>();
        for (int k = 1; k + 1 < e.length; k++) {
            if (e[k] <= 0.1 * e[k - 1] && e[k + 1] > 1e-11) {
                orders.add(Math.log(e[k + 1] / e[k]) / Math.log(e[k] / e[k - 1]));
                constants.add(e[k] / (e[k - 1] * e[k - 1]));
                constants.add(e[k + 1] / (e[k] * e[k]));
            }
        }
        String errors = java.util.Arrays.toString(e);
        assertThat(orders).as("%s: errors %s", function, errors).isNotEmpty();
        double cMax = constants.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        double cMin = constants.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        assertThat(cMax / cMin).as("C_k of %s", errors).isLessThan(3);
        assertThat(orders).allSatisfy(q -> assertThat(q).isCloseTo(2, within(Math.log(3) / Math.log(10))));
    }

    /// On the quadratic with curvatures 1 and κ = 10 and $\eta L = 1.5$, the error ratio tends to
    /// $\max(|1 - 0.15|, |1 - 1.5|) = 0.85$; after 100 steps the other component is $(0.5/0.85)^{100}
    /// \approx 10^{-23}$ of it.
    @Test
    void gradientDescentShrinksByItsTheoreticalFactorOnTheQuadratic() {
        Result r = Runs.run(EXPERIMENT, "function", "quadratic", "kappa", "10", "gdStep", "1.5", "iterations", "200");
        double[] e = errors(r, "gradient descent", new double[2]);
        assertThat(e[101] / e[100]).isCloseTo(0.85, within(1e-9));
        assertThat(r.notes()).anyMatch(n -> n.contains("= 0.85$ per step"));
    }

    /// From distance 1 on Himmelblau's function the pure step first jumps away (the Hessian is indefinite
    /// on the way) and ends at another stationary point; the damped one reaches (3, 2).
    @Test
    void fromFarAwayDampedNewtonStillFindsTheMinimiser() {
        Result r = Runs.run(EXPERIMENT, "function", "himmelblau", "distance", "3");
        double[] star = {3, 2};
        double[] pure = errors(r, "Newton (pure)", star);
        double[] damped = errors(r, "Newton (damped)", star);
        assertThat(damped[damped.length - 1]).isLessThan(1e-12);
        assertThat(pure[pure.length - 1]).isGreaterThan(1);
        assertThat(r.notes()).anyMatch(n -> n.startsWith("The pure and damped Newton runs differ"));
    }

    @Test
    void theLogisticMinimiserIsAStationaryPoint() {
        TestFunction f = NewtonVersusGradientDescentExperiment.logistic();
        double[] star =
                NewtonVersusGradientDescentExperiment.problem("logistic", 1).minimizer();
        double[] g = f.objective().gradient(star);
        assertThat(Math.hypot(g[0], g[1])).isLessThan(1e-14);
    }

    @Test
    void badParametersAreNamedWithWhatTheyAccept() {
        assertThatThrownBy(() -> Runs.run(EXPERIMENT, "distance", "0"))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("'distance' is a number from 0.01 to 3");
        assertThatThrownBy(() -> Runs.run(EXPERIMENT, "gdStep", "2"))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("'gdStep' is a number from 0.1 to 1.99");
    }
}
