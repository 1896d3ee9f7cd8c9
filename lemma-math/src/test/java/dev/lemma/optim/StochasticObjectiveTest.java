package dev.lemma.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.lemma.autodiff.Tensor;
import dev.lemma.linalg.Matrix;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/// The example-by-example objectives against their closed forms: the per-example logistic loss averages
/// to [TestFunctions#logisticLoss] (an independent, vectorised implementation), least squares to
/// $\frac1{2m}\|Ax - b\|^2$ with gradient $\frac1m A^\top(Ax - b)$, and the tensor version to the
/// hand-written one on random batches.
class StochasticObjectiveTest {
    private static final double CLOSE = 1e-12;

    @Test
    void theFullLogisticLossIsTestFunctionsLogisticLoss() {
        Matrix x = Matrix.random(40, 3, 1);
        SplittableRandom random = new SplittableRandom(2);
        int[] y = random.ints(40, 0, 2).toArray();
        for (double lambda : new double[] {0, 0.1}) {
            Objective reference = TestFunctions.logisticLoss(x, y, lambda).objective();
            Objective full = StochasticObjective.logistic(x, y, lambda).full();
            for (int trial = 0; trial < 10; trial++) {
                double[] w = random.doubles(4, -3, 3).toArray();
                assertThat(full.value(w)).isCloseTo(reference.value(w), within(CLOSE));
                double[] g = full.gradient(w);
                double[] expected = reference.gradient(w);
                for (int j = 0; j < 4; j++) {
                    assertThat(g[j]).isCloseTo(expected[j], within(CLOSE));
                }
            }
        }
    }

    @Test
    void leastSquaresIsHalfTheMeanSquaredResidual() {
        Matrix a = Matrix.random(30, 4, 3);
        double[] b = new SplittableRandom(4).doubles(30, -1, 1).toArray();
        StochasticObjective f = StochasticObjective.leastSquares(a, b);
        double[] x = {0.3, -1, 2, 0.5};
        double[] r = Flat.minus(a.times(dev.lemma.linalg.Vector.of(x)).toArray(), b);
        Objective.Evaluation e = f.full().evaluate(x);
        assertThat(e.value()).isCloseTo(Flat.dot(r, r) / 60, within(CLOSE));
        double[] expected = a.transpose().times(dev.lemma.linalg.Vector.of(r)).toArray();
        for (int j = 0; j < 4; j++) {
            assertThat(e.gradient()[j]).isCloseTo(expected[j] / 30, within(CLOSE));
        }
        // A batch is the mean over its examples; a repeated index counts twice.
        Objective.Evaluation twice = f.evaluate(x, new int[] {7, 7, 2});
        assertThat(twice.value()).isCloseTo((r[7] * r[7] + r[7] * r[7] + r[2] * r[2]) / 6, within(CLOSE));
    }

    @Test
    void theTensorVersionAgreesWithTheHandWrittenOneOnRandomBatches() {
        Matrix a = Matrix.random(25, 3, 5);
        double[] b = new SplittableRandom(6).doubles(25, -2, 2).toArray();
        double[][] rows = a.toArray();
        StochasticObjective tensors = StochasticObjective.fromTensors(
                25,
                (w, i) -> w.mul(Tensor.constant(rows[i], 3))
                        .sum()
                        .sub(b[i])
                        .pow(2)
                        .mul(0.5),
                3);
        StochasticObjective hand = StochasticObjective.leastSquares(a, b);
        SplittableRandom random = new SplittableRandom(7);
        for (int trial = 0; trial < 20; trial++) {
            int[] batch = random.ints(1 + trial % 6, 0, 25).toArray();
            double[] x = random.doubles(3, -1, 1).toArray();
            Objective.Evaluation t = tensors.evaluate(x, batch);
            Objective.Evaluation h = hand.evaluate(x, batch);
            assertThat(t.value()).isCloseTo(h.value(), within(CLOSE));
            for (int j = 0; j < 3; j++) {
                assertThat(t.gradient()[j]).isCloseTo(h.gradient()[j], within(CLOSE));
            }
        }
        assertThat(tensors.full().value(new double[3])).isCloseTo(hand.full().value(new double[3]), within(CLOSE));
    }

    @Test
    void badBatchesAndDataAreNamed() {
        StochasticObjective f = StochasticObjective.leastSquares(Matrix.random(5, 2, 1), new double[5]);
        assertThatThrownBy(() -> f.evaluate(new double[2], new int[0]))
                .hasMessage("a mini-batch needs at least one example index");
        assertThatThrownBy(() -> f.evaluate(new double[2], new int[] {0, 5}))
                .hasMessage("batch entry 1 is example 5, outside [0, 5)");
        assertThatThrownBy(() -> StochasticObjective.leastSquares(Matrix.random(5, 2, 1), new double[4]))
                .hasMessage("A is 5×2 but b has length 4");
        assertThatThrownBy(() -> StochasticObjective.logistic(Matrix.random(3, 2, 1), new int[] {0, 2, 1}, 0))
                .hasMessage("logistic: label 1 is 2, not 0 or 1");
        assertThatThrownBy(() -> StochasticObjective.of(0, (i, x) -> null))
                .hasMessage("StochasticObjective: need at least one example, got m = 0");
    }
}
