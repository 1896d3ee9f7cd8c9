package dev.lemma.experiments.calculus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lemma.experiments.Result;
import dev.lemma.experiments.Runs;
import dev.lemma.experiments.Table;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/// The computational-graph experiment: every node's backpropagated gradient agrees with a central
/// difference, and micrograd's README example gives the numbers micrograd prints.
class ComputationalGraphExperimentTest {

    private static final ComputationalGraphExperiment EXPERIMENT = new ComputationalGraphExperiment();

    /// Central differences with a step of $10^{-5}$ are good to about $10^{-10}$ relative here.
    private static final double RELATIVE = 1e-6;

    /// micrograd prints its README example to 4 decimals.
    private static final double FOUR_DECIMALS = 5e-5;

    private static final int VALUE = 4;
    private static final int GRAD = 5;
    private static final int FINITE_DIFFERENCE = 6;

    private static double cell(Table t, String node, int column) {
        return t.rows().stream()
                .filter(r -> r.getFirst().equals(node))
                .map(r -> ((Number) r.get(column)).doubleValue())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no node " + node));
    }

    /// https://github.com/karpathy/micrograd, README.md: `g.data` 24.7041, `a.grad` 138.8338, `b.grad`
    /// 645.5773 at a = −4, b = 2.
    @Test
    void microgradsExampleGivesItsPublishedValues() {
        Result r = Runs.run(EXPERIMENT, "expression", "micrograd", "a", "-4", "b", "2");
        Table t = r.tables().getFirst();
        assertThat(cell(t, "out", VALUE)).isCloseTo(24.7041, within(FOUR_DECIMALS));
        assertThat(cell(t, "out", GRAD)).isEqualTo(1);
        assertThat(cell(t, "a", GRAD)).isCloseTo(138.8338, within(FOUR_DECIMALS));
        assertThat(cell(t, "b", GRAD)).isCloseTo(645.5773, within(FOUR_DECIMALS));
    }

    /// Karpathy's "neuron" in *The spelled-out intro to backpropagation*: tanh(wx + b) at x = 2, w = −3, b =
    /// 6.8813735870195432 is $1/\sqrt2$, and ∂/∂w = x(1 − out²) = 1.
    @Test
    void theNeuronMatchesItsClosedForm() {
        Result r = Runs.run(EXPERIMENT, "expression", "neuron", "a", "2", "b", "-3", "c", "5");
        Table t = r.tables().getFirst();
        double out = Math.tanh(-3 * 2 + 5);
        assertThat(cell(t, "out", VALUE)).isCloseTo(out, within(1e-15));
        assertThat(cell(t, "w", GRAD)).isCloseTo(2 * (1 - out * out), within(1e-15));
        assertThat(cell(t, "x", GRAD)).isCloseTo(-3 * (1 - out * out), within(1e-15));
        assertThat(cell(t, "bias", GRAD)).isCloseTo(1 - out * out, within(1e-15));
    }

    @Test
    void everyNodesGradientMatchesCentralDifferences() {
        SplittableRandom rng = new SplittableRandom(3);
        for (String expression : List.of("micrograd", "neuron", "square", "softplus")) {
            for (int trial = 0; trial < 25; trial++) {
                String a = String.valueOf(Math.rint(rng.nextDouble(-5, 5) * 10) / 10);
                String b = String.valueOf(Math.rint(rng.nextDouble(-5, 5) * 10) / 10);
                String c = String.valueOf(Math.rint(rng.nextDouble(-5, 5) * 10) / 10);
                Result r = Runs.run(EXPERIMENT, "expression", expression, "a", a, "b", b, "c", c);
                for (List<Object> row : r.tables().getFirst().rows()) {
                    double grad = ((Number) row.get(GRAD)).doubleValue();
                    double fd = ((Number) row.get(FINITE_DIFFERENCE)).doubleValue();
                    if (!Double.isFinite(grad)) {
                        continue; // the output itself is not finite at these inputs, as a note says
                    }
                    assertThat(Math.abs(fd - grad) / Math.max(1, Math.abs(grad)))
                            .as("%s at a=%s b=%s c=%s, node %s", expression, a, b, c, row.getFirst())
                            .isLessThan(RELATIVE);
                }
            }
        }
    }

    @Test
    void everyNodeIsDrawnAndTabulatedOnce() {
        Result r = Runs.run(EXPERIMENT, "expression", "square", "a", "1", "b", "2", "c", "3");
        // (a·b + c)²: a, b, c, a·b, +, ^2.
        assertThat(r.tables().getFirst().rows()).hasSize(6);
        assertThat(cell(r.tables().getFirst(), "out", VALUE)).isEqualTo(25);
        assertThat(cell(r.tables().getFirst(), "a", GRAD)).isEqualTo(2 * 5 * 2);
        assertThat(r.charts().getFirst().series().getFirst().name()).startsWith("operations");
    }

    @Test
    void equalArgumentsGiveEqualResults() {
        Result x = Runs.run(EXPERIMENT, "expression", "micrograd", "a", "1.5", "b", "-0.5");
        Result y = Runs.run(EXPERIMENT, "expression", "micrograd", "a", "1.5", "b", "-0.5");
        assertThat(y.tables()).isEqualTo(x.tables());
        assertThat(y.notes()).isEqualTo(x.notes());
    }
}
