package dev.lemma.autodiff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.lemma.linalg.Matrix;
import dev.lemma.numeric.DimensionMismatchException;
import dev.lemma.numeric.StableFunctions;
import dev.lemma.numeric.Tolerances;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/// The forward values of [Tensor]'s operations against independent computations (explicit loops,
/// Lemma's [Matrix], [StableFunctions]), the closed-form gradients of chapter 2, the semantics of the
/// reverse pass (accumulation, a second call, zeroGrad, noGrad, detach), deep graphs, and the error
/// messages.
class TensorTest {
    private static final double TIGHT = 1e-12;

    /// Unit round-off: results of a few correctly rounded operations on numbers of order 1 agree to a
    /// few of these.
    private static final double U = Tolerances.UNIT_ROUNDOFF;

    private static double[] random(SplittableRandom rng, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = rng.nextDouble(-1, 1);
        }
        return x;
    }

    @Test
    void broadcastingRepeatsLengthOneAndMissingAxes() {
        SplittableRandom rng = new SplittableRandom(1);
        double[] a = random(rng, 2 * 3 * 1);
        double[] b = random(rng, 4);
        Tensor z = Tensor.of(a, 2, 3, 1).add(Tensor.of(b, 4));
        assertThat(z.shape()).containsExactly(2, 3, 4);
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 4; k++) {
                    assertThat(z.get(i, j, k)).isEqualTo(a[i * 3 + j] + b[k]);
                }
            }
        }
    }

    @Test
    void theGradientOfARepeatedOperandIsTheSumOverItsCopies() {
        // z = x + b with x [3, 2] and b [2]: ∂(Σ z_ij w_ij)/∂b_j = Σ_i w_ij.
        Tensor x = Tensor.of(new double[][] {{1, 2}, {3, 4}, {5, 6}});
        Tensor b = Tensor.vector(10, 20);
        Tensor w = Tensor.constant(new double[][] {{1, -1}, {2, 0.5}, {3, 4}});
        x.add(b).mul(w).sum().backward();
        assertThat(b.grad().toArray()).containsExactly(6.0, 3.5);
        assertThat(x.grad().toArray()).containsExactly(1, -1, 2, 0.5, 3, 4);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 40, 130})
    void matmulMatchesLemmasMatrixProduct(int n) {
        Matrix a = Matrix.random(n + 3, n, n);
        Matrix b = Matrix.random(n, n + 1, n + 100L);
        double[] c = Tensor.of(a).matmul(Tensor.of(b)).toArray();
        double[] expected = a.times(b).toRowMajorArray();
        for (int i = 0; i < c.length; i++) {
            assertThat(c[i]).isCloseTo(expected[i], within(TIGHT * n));
        }
    }

    @Test
    void matmulOfStacksIsTheProductOfEachMatrix() {
        SplittableRandom rng = new SplittableRandom(2);
        double[] a = random(rng, 3 * 4 * 5);
        double[] b = random(rng, 3 * 5 * 2);
        Tensor c = Tensor.of(a, 3, 4, 5).matmul(Tensor.of(b, 3, 5, 2));
        Tensor shared = Tensor.of(a, 3, 4, 5).matmul(Tensor.of(b, 3, 5, 2).select(0, 1));
        assertThat(c.shape()).containsExactly(3, 4, 2);
        for (int t = 0; t < 3; t++) {
            Matrix at = Matrix.ofRowMajor(4, 5, java.util.Arrays.copyOfRange(a, t * 20, t * 20 + 20));
            Matrix bt = Matrix.ofRowMajor(5, 2, java.util.Arrays.copyOfRange(b, t * 10, t * 10 + 10));
            Matrix b1 = Matrix.ofRowMajor(5, 2, java.util.Arrays.copyOfRange(b, 10, 20));
            for (int i = 0; i < 4; i++) {
                for (int j = 0; j < 2; j++) {
                    assertThat(c.get(t, i, j)).isCloseTo(at.times(bt).get(i, j), within(TIGHT));
                    assertThat(shared.get(t, i, j)).isCloseTo(at.times(b1).get(i, j), within(TIGHT));
                }
            }
        }
    }

    @Test
    void matmulGradientsAreTheClosedForms() {
        // L = Σ (AB) ⊙ G  ⇒  ∂L/∂A = G Bᵀ and ∂L/∂B = Aᵀ G (chapter 2, "Matrix calculus").
        Matrix a = Matrix.random(6, 4, 1);
        Matrix b = Matrix.random(4, 3, 2);
        Matrix g = Matrix.random(6, 3, 3);
        Tensor ta = Tensor.of(a);
        Tensor tb = Tensor.of(b);
        ta.matmul(tb).mul(Tensor.of(g).detach()).sum().backward();
        assertClose(ta.grad().toArray(), g.times(b.transpose()).toRowMajorArray());
        assertClose(tb.grad().toArray(), a.transpose().times(g).toRowMajorArray());
    }

    @Test
    void vectorOperandsOfMatmulFollowNumpy() {
        Tensor m = Tensor.of(new double[][] {{1, 2, 3}, {4, 5, 6}});
        assertThat(Tensor.vector(1, 1).matmul(m).toArray()).containsExactly(5, 7, 9);
        assertThat(m.matmul(Tensor.vector(1, 0, -1)).toArray()).containsExactly(-2, -2);
        Tensor dot = Tensor.vector(1, 2, 3).matmul(Tensor.vector(4, 5, 6));
        assertThat(dot.shape()).isEmpty();
        assertThat(dot.item()).isEqualTo(32.0);
    }

    @Test
    void softmaxIsStableSumsToOneAndAgreesWithTheScalarLibrary() {
        double[] logits = {1000, 0, -3, 999.5, 2, 1};
        Tensor p = Tensor.constant(logits, 2, 3).softmax(-1);
        for (int r = 0; r < 2; r++) {
            double[] row = java.util.Arrays.copyOfRange(logits, 3 * r, 3 * r + 3);
            double[] expected = StableFunctions.softmax(row);
            double[] logExpected = StableFunctions.logSoftmax(row);
            double total = 0;
            for (int c = 0; c < 3; c++) {
                assertThat(p.get(r, c)).isCloseTo(expected[c], within(4 * U));
                total += p.get(r, c);
            }
            assertThat(total).isCloseTo(1.0, within(1e-15));
            Tensor logP = Tensor.constant(logits, 2, 3).logSoftmax(1);
            for (int c = 0; c < 3; c++) {
                assertThat(logP.get(r, c)).isCloseTo(logExpected[c], within(8 * U));
            }
        }
        // Along the first axis: each column is a distribution.
        Tensor q = Tensor.constant(logits, 2, 3).softmax(0);
        for (int c = 0; c < 3; c++) {
            assertThat(q.get(0, c) + q.get(1, c)).isCloseTo(1.0, within(1e-15));
        }
    }

    @Test
    void crossEntropyIsTheMeanNegativeLogLikelihoodAndItsGradientSoftmaxMinusOneHot() {
        double[][] logits = {{2, -1, 0.5}, {0.1, 0.2, 0.3}, {-5, 5, 0}, {1, 1, 1}};
        int[] targets = {0, 2, 1, 1};
        Tensor x = Tensor.of(logits);
        Tensor loss = x.crossEntropy(targets);
        double expected = 0;
        for (int r = 0; r < 4; r++) {
            expected -= StableFunctions.logSoftmax(logits[r])[targets[r]] / 4;
        }
        assertThat(loss.item()).isCloseTo(expected, within(1e-15));
        loss.backward();
        for (int r = 0; r < 4; r++) {
            double[] p = StableFunctions.softmax(logits[r]);
            for (int c = 0; c < 3; c++) {
                double oneHot = c == targets[r] ? 1 : 0;
                assertThat(x.grad().get(r, c)).isCloseTo((p[c] - oneHot) / 4, within(4 * U));
            }
        }
        // With one-hot soft targets the two forms agree.
        double[] oneHot = new double[12];
        for (int r = 0; r < 4; r++) {
            oneHot[3 * r + targets[r]] = 1;
        }
        assertThat(Tensor.of(logits).crossEntropy(Tensor.constant(oneHot, 4, 3)).item())
                .isCloseTo(expected, within(1e-15));
    }

    @Test
    void shapeOperationsMoveEntriesWhereNumpyDoes() {
        double[] x = new double[24];
        for (int i = 0; i < 24; i++) {
            x[i] = i;
        }
        Tensor t = Tensor.of(x, 2, 3, 4);
        Tensor p = t.permute(2, 0, 1);
        assertThat(p.shape()).containsExactly(4, 2, 3);
        assertThat(p.get(3, 1, 2)).isEqualTo(t.get(1, 2, 3));
        assertThat(t.transpose().get(1, 3, 2)).isEqualTo(t.get(1, 2, 3));
        assertThat(t.reshape(4, -1).shape()).containsExactly(4, 6);
        assertThat(t.slice(1, 1, 3).shape()).containsExactly(2, 2, 4);
        assertThat(t.slice(1, 1, 3).get(1, 0, 2)).isEqualTo(t.get(1, 1, 2));
        Tensor g = t.gather(2, 3, 3, 0);
        assertThat(g.shape()).containsExactly(2, 3, 3);
        assertThat(g.get(1, 2, 1)).isEqualTo(t.get(1, 2, 3));
        assertThat(g.get(1, 2, 2)).isEqualTo(t.get(1, 2, 0));
        assertThat(t.select(0, 1).shape()).containsExactly(3, 4);
        assertThat(t.select(0, 1).get(2, 3)).isEqualTo(23.0);
        Tensor c = Tensor.concat(1, t, t.slice(1, 0, 1));
        assertThat(c.shape()).containsExactly(2, 4, 4);
        assertThat(c.get(1, 3, 2)).isEqualTo(t.get(1, 0, 2));
        assertThat(c.get(1, 2, 2)).isEqualTo(t.get(1, 2, 2));
    }

    @Test
    void reductionsAlongAnAxis() {
        Tensor t = Tensor.of(new double[][] {{1, 5, 3}, {4, 2, 6}});
        assertThat(t.sum(0).toArray()).containsExactly(5, 7, 9);
        assertThat(t.sum(-1, true).shape()).containsExactly(2, 1);
        assertThat(t.mean(1).toArray()).containsExactly(3, 4);
        assertThat(t.max(1).toArray()).containsExactly(5, 6);
        assertThat(t.max().item()).isEqualTo(6.0);
        assertThat(t.sum().item()).isEqualTo(21.0);
        Tensor m = t.max(0);
        m.sum().backward();
        assertThat(t.grad().toArray()).containsExactly(0, 1, 0, 1, 0, 1);
        assertThat(Tensor.vector(1, Double.NaN, 3).max().item()).isNaN();
    }

    @Test
    void leavesAccumulateOverTwoBackwardCallsAndInteriorTensorsDoNot() {
        Tensor x = Tensor.vector(1, 2, 3);
        Tensor h = x.mul(x); // interior, dL/dh = 1
        Tensor loss = h.sum();
        loss.backward();
        assertThat(x.grad().toArray()).containsExactly(2, 4, 6);
        loss.backward();
        assertThat(x.grad().toArray()).containsExactly(4, 8, 12);
        assertThat(h.grad().toArray()).containsExactly(1, 1, 1);
        loss.zeroGrad();
        assertThat(x.grad().toArray()).containsExactly(0, 0, 0);
    }

    @Test
    void noGradRecordsNothingAndNests() {
        Tensor w = Tensor.vector(1, 2);
        assertThat(Tensor.isGradEnabled()).isTrue();
        try (var _ = Tensor.noGrad()) {
            Tensor y = Tensor.noGrad(() -> w.mul(w));
            assertThat(y.requiresGrad()).isFalse();
            assertThat(w.mul(3).requiresGrad()).isFalse();
            assertThat(w.mul(3).inputs()).isEmpty();
            assertThat(Tensor.isGradEnabled()).isFalse();
        }
        assertThat(Tensor.isGradEnabled()).isTrue();
        assertThat(w.mul(3).requiresGrad()).isTrue();
        assertThatThrownBy(() -> Tensor.noGrad(() -> {
                    throw new IllegalStateException("boom");
                }))
                .hasMessage("boom");
        assertThat(Tensor.isGradEnabled()).isTrue();
    }

    @Test
    void detachStopsTheGradient() {
        // L = Σ x ⊙ stop(x): the detached factor is a constant, so ∂L/∂x = x, not 2x.
        Tensor x = Tensor.vector(3, -1);
        x.mul(x.detach()).sum().backward();
        assertThat(x.grad().toArray()).containsExactly(3, -1);
        assertThat(x.detach().requiresGrad()).isFalse();
    }

    @Test
    void constantsGetNoGradientAndSayWhyWhenAsked() {
        Tensor c = Tensor.constant(new double[] {1, 2}, 2);
        Tensor w = Tensor.vector(0.5, 0.5);
        c.mul(w).sum().backward();
        assertThat(w.grad().toArray()).containsExactly(1, 2);
        assertThatThrownBy(c::grad).isInstanceOf(IllegalStateException.class).hasMessageContaining("constant");
        assertThatThrownBy(() -> c.mul(2).sum().backward())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does not track gradients");
    }

    @Test
    void aChainOfOneHundredThousandOperationsDifferentiatesWithoutRecursion() {
        // y = ((x·c) + d)·c + d … 50 000 times each: ∂y/∂x = c^50000, computed here in closed form.
        double c = 0.99999;
        Tensor x = Tensor.vector(1.0, 2.0);
        Tensor y = x;
        for (int i = 0; i < 50_000; i++) {
            y = y.mul(c).add(1e-6);
        }
        y.sum().backward();
        double expected = Math.pow(c, 50_000);
        assertThat(x.grad().get(0)).isCloseTo(expected, within(1e-12));
        assertThat(x.grad().get(1)).isCloseTo(expected, within(1e-12));
    }

    @Test
    void badShapesAndIndicesAreNamed() {
        Tensor a = Tensor.zeros(2, 3);
        assertThatThrownBy(() -> a.add(Tensor.zeros(4)))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessage("add: shapes [2, 3] and [4] do not broadcast (axis -1: 3 vs 4;"
                        + " dimensions must be equal or one of them 1)");
        assertThatThrownBy(() -> a.matmul(Tensor.zeros(2, 3)))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessageContaining("[2, 3] and [2, 3] do not align")
                .hasMessageContaining("3")
                .hasMessageContaining("2");
        assertThatThrownBy(() -> a.reshape(4, 2))
                .hasMessage("reshape: cannot reshape [2, 3] (6 entries) into [4, 2] (8 entries)");
        assertThatThrownBy(() -> a.sum(2)).hasMessageContaining("axis 2 is out of range for shape [2, 3]");
        assertThatThrownBy(() -> a.gather(1, 0, 3))
                .hasMessageContaining("index 3 at position 1 is out of range for axis 1 of length 3");
        assertThatThrownBy(() -> a.crossEntropy(0, 5))
                .hasMessageContaining("target 5 in row 1 is not a class index from 0 to 2");
        assertThatThrownBy(a::backward).hasMessageContaining("shape [2, 3]");
        assertThatThrownBy(() -> Tensor.of(new double[5], 2, 3))
                .hasMessage("shape [2, 3] needs 6 values, 5 were given");
        assertThatThrownBy(() -> a.mse(Tensor.zeros(6))).hasMessageContaining("prediction [2, 3] and target [6]");
        assertThatThrownBy(() -> Tensor.concat(0, a, Tensor.zeros(2, 4)))
                .hasMessageContaining("tensor 1 has shape [2, 4]");
        assertThatThrownBy(() -> a.permute(0, 0)).hasMessageContaining("not a permutation");
    }

    @Test
    void setDataChangesLaterGraphsOnly() {
        Tensor w = Tensor.vector(1, 2);
        Tensor before = w.mul(2);
        w.setData(new double[] {5, 6});
        assertThat(before.toArray()).containsExactly(2, 4);
        assertThat(w.mul(2).toArray()).containsExactly(10, 12);
        assertThatThrownBy(() -> w.setData(new double[3])).hasMessageContaining("3 values for a tensor of shape [2]");
    }

    private static void assertClose(double[] actual, double[] expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < actual.length; i++) {
            assertThat(actual[i]).as("entry %d", i).isCloseTo(expected[i], within(TIGHT));
        }
    }
}
