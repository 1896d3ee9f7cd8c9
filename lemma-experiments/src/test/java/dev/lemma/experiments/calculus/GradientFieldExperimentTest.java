package dev.lemma.experiments.calculus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lemma.experiments.Result;
import dev.lemma.experiments.Runs;
import dev.lemma.experiments.Table;
import dev.lemma.viz.Chart;
import dev.lemma.viz.Series;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/// The gradient-field experiment against hand-written gradients (differentiated on paper from the
/// formulas in the experiment's Javadoc) and against the implicit function theorem: the level set
/// through $p$ has tangent $(-f_y, f_x)$, orthogonal to $\nabla f$.
class GradientFieldExperimentTest {

    private static final GradientFieldExperiment EXPERIMENT = new GradientFieldExperiment();

    /// Relative agreement of exact gradients: rounding only.
    private static final double EXACT = 1e-12;

    /// The cosine between the gradient and the drawn tangent.
    private static final double ORTHOGONAL = 1e-6;

    /// $\nabla f$ by hand, for `kappa` = 10 where the bowl needs it.
    static double[] gradient(String function, double x, double y) {
        return switch (function) {
            case "bowl" -> new double[] {x, 10 * y};
            case "rosenbrock" -> new double[] {-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)};
            case "himmelblau" -> {
                double a = x * x + y - 11;
                double b = x + y * y - 7;
                yield new double[] {4 * x * a + 2 * b, 2 * a + 4 * y * b};
            }
            case "saddle" -> new double[] {2 * x, -2 * y};
            case "beale" -> {
                double a = 1.5 - x + x * y;
                double b = 2.25 - x + x * y * y;
                double c = 2.625 - x + x * y * y * y;
                yield new double[] {
                    2 * a * (y - 1) + 2 * b * (y * y - 1) + 2 * c * (y * y * y - 1),
                    2 * a * x + 4 * b * x * y + 6 * c * x * y * y
                };
            }
            default -> throw new IllegalArgumentException(function);
        };
    }

    private static final List<String> FUNCTIONS = List.of("bowl", "rosenbrock", "himmelblau", "saddle", "beale");

    @Test
    void theTableHoldsTheAnalyticGradientAndTheTangentIsOrthogonal() {
        SplittableRandom rng = new SplittableRandom(7);
        for (String function : FUNCTIONS) {
            for (int trial = 0; trial < 20; trial++) {
                double x = Math.rint(rng.nextDouble(-4.5, 4.5) * 10) / 10;
                double y = Math.rint(rng.nextDouble(-4.5, 4.5) * 10) / 10;
                Result r = Runs.run(
                        EXPERIMENT,
                        "function",
                        function,
                        "kappa",
                        "10",
                        "x",
                        String.valueOf(x),
                        "y",
                        String.valueOf(y));
                Table t = r.tables().getFirst();
                double[] g = gradient(function, x, y);
                double scale = Math.max(1, Math.hypot(g[0], g[1]));
                assertThat(Runs.cell(t, "∂f/∂x", 1)).isCloseTo(g[0], within(EXACT * scale));
                assertThat(Runs.cell(t, "∂f/∂y", 1)).isCloseTo(g[1], within(EXACT * scale));
                // The central differences in the next column agree to their own accuracy.
                assertThat(Runs.cell(t, "∂f/∂x", 2)).isCloseTo(g[0], within(1e-6 * scale));
                if (Math.hypot(g[0], g[1]) == 0) {
                    continue;
                }
                Series.Line tangent = Runs.series(r.charts().getFirst(), Series.Line.class, "tangent");
                double tx = tangent.x()[1] - tangent.x()[0];
                double ty = tangent.y()[1] - tangent.y()[0];
                double cosine = (g[0] * tx + g[1] * ty) / (Math.hypot(g[0], g[1]) * Math.hypot(tx, ty));
                assertThat(Math.abs(cosine))
                        .as("%s at (%s, %s)", function, x, y)
                        .isLessThan(ORTHOGONAL);
                // The tangent is (−f_y, f_x) itself, up to a positive factor.
                assertThat(-g[1] * tx + g[0] * ty).isPositive();
                assertThat(Math.abs(Runs.cell(t, "cos", 1))).isLessThan(ORTHOGONAL);
                assertThat(Runs.cell(t, "angle", 1)).isCloseTo(90, within(1e-6));
            }
        }
    }

    /// Every drawn arrow points along the analytic gradient at its tail.
    @Test
    void theDrawnArrowsPointAlongTheAnalyticGradient() {
        for (String function : FUNCTIONS) {
            Result r = Runs.run(EXPERIMENT, "function", function, "kappa", "10");
            Chart chart = r.charts().getFirst();
            Series.VectorField field = Runs.series(chart, Series.VectorField.class, "direction of ∇f");
            assertThat(field.x()).isNotEmpty();
            for (int i = 0; i < field.x().length; i++) {
                double[] g = gradient(function, field.x()[i], field.y()[i]);
                double u = field.u()[i];
                double v = field.v()[i];
                double cosine = (g[0] * u + g[1] * v) / (Math.hypot(g[0], g[1]) * Math.hypot(u, v));
                assertThat(cosine).as("%s arrow %d", function, i).isCloseTo(1, within(1e-12));
            }
            // Drawn at equal length, as the legend says.
            double first = Math.hypot(field.u()[0], field.v()[0]);
            for (int i = 0; i < field.x().length; i++) {
                assertThat(Math.hypot(field.u()[i], field.v()[i])).isCloseTo(first, within(1e-12 * first));
            }
        }
    }

    @Test
    void aCriticalPointIsReportedInsteadOfAnAngle() {
        Result r = Runs.run(EXPERIMENT, "function", "saddle", "x", "0", "y", "0");
        assertThat(r.notes()).anyMatch(n -> n.contains("critical point"));
        Result minimum = Runs.run(EXPERIMENT, "function", "himmelblau", "x", "3", "y", "2");
        assertThat(minimum.notes()).anyMatch(n -> n.contains("critical point"));
    }

    @Test
    void equalArgumentsGiveEqualResults() {
        Result a = Runs.run(EXPERIMENT, "function", "beale", "x", "1.3", "y", "-0.4");
        Result b = Runs.run(EXPERIMENT, "function", "beale", "x", "1.3", "y", "-0.4");
        assertThat(b.tables()).isEqualTo(a.tables());
        assertThat(b.notes()).isEqualTo(a.notes());
        assertThat(Runs.series(b.charts().getFirst(), Series.VectorField.class, "direction")
                        .u())
                .containsExactly(Runs.series(a.charts().getFirst(), Series.VectorField.class, "direction")
                        .u());
    }
}
