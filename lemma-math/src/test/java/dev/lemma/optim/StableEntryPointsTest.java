package dev.lemma.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/// The names that checks from outside the project call (issue 6, "Stable entry points"), used exactly as
/// such a check would: `Objective.of` with a value and a gradient function, the optimisers' no-argument
/// constructors, `minimize(Objective, double[])`, and the result's `x()`, `value()`, `iterations()`,
/// `evaluations()` and `status()`. Each default optimiser must minimise Booth's function, whose minimum
/// 0 at (1, 3) is known in closed form.
class StableEntryPointsTest {

    @Test
    void theDefaultOptimisersMinimiseBoothsFunctionThroughTheStableNames() {
        ToDoubleFunction<double[]> value = v -> {
            double a = v[0] + 2 * v[1] - 7;
            double b = 2 * v[0] + v[1] - 5;
            return a * a + b * b;
        };
        Function<double[], double[]> gradient = v -> {
            double a = v[0] + 2 * v[1] - 7;
            double b = 2 * v[0] + v[1] - 5;
            return new double[] {2 * a + 4 * b, 4 * a + 2 * b};
        };
        Objective booth = Objective.of(value, gradient);
        List<Optimizer> optimizers = List.of(new LBFGS(), new BFGS(), new GradientDescent(), new Adam());
        for (Optimizer o : optimizers) {
            OptimizationResult r = o.minimize(booth, new double[] {-5, 7});
            assertThat(r.status()).as("%s", o).isEqualTo(Status.CONVERGED);
            assertThat(r.x()[0]).as("%s", o).isCloseTo(1, within(1e-4));
            assertThat(r.x()[1]).as("%s", o).isCloseTo(3, within(1e-4));
            assertThat(r.value()).as("%s", o).isCloseTo(0, within(1e-8));
            assertThat(r.iterations()).as("%s", o).isPositive();
            assertThat(r.evaluations()).as("%s", o).isGreaterThanOrEqualTo(r.iterations());
        }
    }
}
