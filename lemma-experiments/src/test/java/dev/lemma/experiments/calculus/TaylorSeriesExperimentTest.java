package dev.lemma.experiments.calculus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lemma.experiments.Result;
import dev.lemma.experiments.Runs;
import dev.lemma.experiments.Table;
import java.util.List;
import org.junit.jupiter.api.Test;

/// The Taylor experiment against the textbook series (any calculus text, e.g. Apostol, *Calculus* I,
/// §7.3): $e^x = \sum x^k/k!$, $\sin x = x - x^3/6 + x^5/120 - \dots$, $\log(1+x) = x - x^2/2 + x^3/3 -
/// \dots$, $1/(1-x) = \sum x^k$; and Taylor's theorem: the order-$d$ error behaves like $h^{d+1}$.
class TaylorSeriesExperimentTest {

    private static final TaylorSeriesExperiment EXPERIMENT = new TaylorSeriesExperiment();

    /// Jet arithmetic is exact to a few roundings.
    private static final double EXACT = 1e-14;

    private static double[] coefficients(String function, String x0) {
        Result r = Runs.run(EXPERIMENT, "function", function, "x0", x0, "order", "5");
        Table t = r.tables().getFirst();
        return t.rows().stream()
                .mapToDouble(row -> ((Number) row.get(1)).doubleValue())
                .toArray();
    }

    @Test
    void coefficientsAreTheTextbookOnes() {
        assertThat(coefficients("exp", "0"))
                .containsExactly(new double[] {1, 1, 1 / 2.0, 1 / 6.0, 1 / 24.0, 1 / 120.0}, within(EXACT));
        assertThat(coefficients("sin", "0"))
                .containsExactly(new double[] {0, 1, 0, -1 / 6.0, 0, 1 / 120.0}, within(EXACT));
        assertThat(coefficients("cos", "0"))
                .containsExactly(new double[] {1, 0, -1 / 2.0, 0, 1 / 24.0, 0}, within(EXACT));
        assertThat(coefficients("log(1+x)", "0"))
                .containsExactly(new double[] {0, 1, -1 / 2.0, 1 / 3.0, -1 / 4.0, 1 / 5.0}, within(EXACT));
        assertThat(coefficients("1/(1-x)", "0")).containsExactly(new double[] {1, 1, 1, 1, 1, 1}, within(EXACT));
        // tanh x = x − x³/3 + 2x⁵/15 − …; √(1+x) = 1 + x/2 − x²/8 + x³/16 − 5x⁴/128 + 7x⁵/256.
        assertThat(coefficients("tanh", "0"))
                .containsExactly(new double[] {0, 1, 0, -1 / 3.0, 0, 2 / 15.0}, within(EXACT));
        assertThat(coefficients("sqrt(1+x)", "0"))
                .containsExactly(new double[] {1, 1 / 2.0, -1 / 8.0, 1 / 16.0, -5 / 128.0, 7 / 256.0}, within(EXACT));
        // Away from 0: e^x at x₀ has aₖ = e^{x₀}/k!.
        double e = Math.exp(1.5);
        assertThat(coefficients("exp", "1.5"))
                .containsExactly(new double[] {e, e, e / 2, e / 6, e / 24, e / 120}, within(EXACT * e));
    }

    /// Halving $h$ divides the order-$d$ error by $2^{d+1}$, up to the next term's $O(h)$ relative
    /// correction: within 15 % between the table's two smallest steps.
    @Test
    void theOrderDErrorScalesLikeHToTheDPlusOne() {
        for (String function : List.of("exp", "sin", "cos", "log(1+x)", "1/(1-x)", "tanh", "sqrt(1+x)")) {
            for (int order = 1; order <= 5; order++) {
                Result r = Runs.run(EXPERIMENT, "function", function, "x0", "0.5", "order", String.valueOf(order));
                List<List<Object>> rows = r.tables().get(1).rows();
                double coarse = ((Number) rows.get(rows.size() - 2).get(3)).doubleValue();
                double fine = ((Number) rows.getLast().get(3)).doubleValue();
                assertThat(coarse / fine)
                        .as("%s, order %d", function, order)
                        .isCloseTo(Math.pow(2, order + 1), within(0.15 * Math.pow(2, order + 1)));
            }
        }
    }

    @Test
    void aCentreOutsideTheDomainIsMovedInsideAndSaysSo() {
        Result r = Runs.run(EXPERIMENT, "function", "log(1+x)", "x0", "-3");
        assertThat(r.notes()).anyMatch(n -> n.contains("outside the domain"));
        assertThat(r.notes()).anyMatch(n -> n.contains("converges only"));
    }

    @Test
    void equalArgumentsGiveEqualResults() {
        Result a = Runs.run(EXPERIMENT, "function", "tanh", "x0", "0.7", "order", "4");
        Result b = Runs.run(EXPERIMENT, "function", "tanh", "x0", "0.7", "order", "4");
        assertThat(b.tables()).isEqualTo(a.tables());
        assertThat(b.notes()).isEqualTo(a.notes());
    }
}
