package dev.lemma.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/// The update rules in their stepping form against the textbook forms of the same methods, written out
/// here independently: heavy ball as $x_{k+1} = x_k - \alpha\nabla f(x_k) + \beta(x_k - x_{k-1})$ (Polyak),
/// Nesterov as $y_k = x_k + \beta(x_k - x_{k-1})$, $x_{k+1} = y_k - \eta\nabla f(y_k)$ (whose $y_k$ is the
/// point [Nesterov] stores, after Sutskever et al.'s change of variables), plain steps as gradient descent
/// with a fixed step. On Rosenbrock's function, not a quadratic, so that no linear identity hides a slip.
class UpdateRuleTest {
    private static final int STEPS = 300;
    /// Agreement of two orderings of the same arithmetic over 300 steps on a curved valley.
    private static final double CLOSE = 1e-11;

    private final Objective rosenbrock = TestFunctions.rosenbrock(2).objective();
    private final double[] start = {-1.2, 1};

    @Test
    void momentumIsPolyaksHeavyBall() {
        double alpha = 1e-4;
        double beta = 0.9;
        OptimizationResult r = new Momentum(alpha, beta, STEPS, 0).minimize(rosenbrock, start);
        double[] previous = start.clone();
        double[] x = start.clone();
        for (int k = 0; k <= STEPS; k++) {
            assertThat(r.trajectory().get(k)).as("step %d", k).containsExactly(x, within(CLOSE));
            double[] g = rosenbrock.gradient(x);
            double[] next = new double[2];
            for (int i = 0; i < 2; i++) {
                next[i] = x[i] - alpha * g[i] + beta * (x[i] - previous[i]);
            }
            previous = x;
            x = next;
        }
    }

    @Test
    void nesterovStoresTheLookAheadPointOfTheClassicalMethod() {
        double eta = 1e-4;
        double beta = 0.9;
        OptimizationResult r = new Nesterov(eta, beta).withLimits(STEPS, 0).minimize(rosenbrock, start);
        double[] previous = start.clone(); // x_{-1} = x_0: no velocity at the start
        double[] x = start.clone();
        for (int k = 0; k <= STEPS; k++) {
            double[] y = new double[2];
            for (int i = 0; i < 2; i++) {
                y[i] = x[i] + beta * (x[i] - previous[i]);
            }
            assertThat(r.trajectory().get(k)).as("step %d", k).containsExactly(y, within(CLOSE));
            double[] g = rosenbrock.gradient(y);
            previous = x;
            x = new double[] {y[0] - eta * g[0], y[1] - eta * g[1]};
        }
    }

    @Test
    void thePlainRuleIsGradientDescentWithAFixedStep() {
        OptimizationResult gd =
                new GradientDescent(1e-3, GradientDescent.Rule.FIXED, STEPS, 0).minimize(rosenbrock, start);
        UpdateRule plain = UpdateRule.plain(1e-3);
        UpdateRule.State state = plain.start(2);
        double[] x = start.clone();
        for (int k = 0; k <= STEPS; k++) {
            assertThat(gd.trajectory().get(k)).containsExactly(x, within(1e-15));
            state.step(x, rosenbrock.gradient(x), plain.rate(k));
        }
    }

    @Test
    void schedulesPrintWhatTheyAre() {
        assertThat(new Adam().toString()).contains("learningRate=constant(0.001)");
        assertThat(Schedule.cosine(0.1, 0, 50)).hasToString("cosine(0.1 to 0.0 in 50)");
        assertThat(Schedule.warmup(Schedule.constant(1), 5)).hasToString("warmup(constant(1.0), 5 steps from ×0.0)");
    }
}
