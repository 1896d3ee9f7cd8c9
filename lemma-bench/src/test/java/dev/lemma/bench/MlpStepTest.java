package dev.lemma.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lemma.autodiff.Tensor;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/// The hand-written step and the engine compute the same loss and gradients (each is checked against
/// central differences elsewhere: the engine's operations in `TensorGradientTest`; here the two agree to
/// rounding), so the benchmark compares equal work.
class MlpStepTest {

    @ParameterizedTest(name = "batch {0}, {1} → {2} → {3}")
    @CsvSource({"5, 7, 4, 3", "32, 20, 17, 6", "256, 784, 256, 10"})
    void theEngineAndTheHandWrittenStepAgree(int n, int in, int hidden, int out) {
        SplittableRandom rng = new SplittableRandom(n + in);
        double[] x = random(rng, n * in, 1);
        int[] labels = rng.ints(n, 0, out).toArray();
        double[] w1 = random(rng, in * hidden, 1 / Math.sqrt(in));
        double[] b1 = random(rng, hidden, 0.1);
        double[] w2 = random(rng, hidden * out, 1 / Math.sqrt(hidden));
        double[] b2 = random(rng, out, 0.1);

        MlpStep.Gradients hand = MlpStep.handWritten(x, labels, w1, b1, w2, b2, n, in, hidden, out);
        Tensor tw1 = Tensor.of(w1, in, hidden);
        Tensor tb1 = Tensor.of(b1, hidden);
        Tensor tw2 = Tensor.of(w2, hidden, out);
        Tensor tb2 = Tensor.of(b2, out);
        MlpStep.Gradients engine = MlpStep.engine(Tensor.constant(x, n, in), labels, tw1, tb1, tw2, tb2);
        // A second step from the same parameters must give the same gradients: zeroGrad works.
        MlpStep.Gradients again = MlpStep.engine(Tensor.constant(x, n, in), labels, tw1, tb1, tw2, tb2);

        assertThat(engine.loss()).isCloseTo(hand.loss(), within(1e-13));
        assertClose(engine.w1(), hand.w1());
        assertClose(engine.b1(), hand.b1());
        assertClose(engine.w2(), hand.w2());
        assertClose(engine.b2(), hand.b2());
        assertThat(again.w1()).containsExactly(engine.w1());
    }

    private static void assertClose(double[] actual, double[] expected) {
        assertThat(actual).hasSameSizeAs(expected);
        int worst = 0;
        for (int i = 0; i < actual.length; i++) {
            if (Math.abs(actual[i] - expected[i]) > Math.abs(actual[worst] - expected[worst])) {
                worst = i;
            }
        }
        assertThat(actual[worst]).as("entry %d, the worst", worst).isCloseTo(expected[worst], within(1e-13));
    }

    private static double[] random(SplittableRandom rng, int size, double scale) {
        double[] a = new double[size];
        for (int i = 0; i < size; i++) {
            a[i] = scale * rng.nextGaussian();
        }
        return a;
    }
}
