package dev.lemma.bench;

import dev.lemma.autodiff.Tensor;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/// The forward and backward pass of a two-layer perceptron, batch 256, 784 → 256 → 10 (MNIST's
/// shape), by the tensor engine and by hand on the same kernels ([MlpStep]): the engine's overhead is
/// the ratio of the two times. Both use all cores through [dev.lemma.linalg.kernel.Gemm].
///
/// Run: `java --add-modules=jdk.incubator.vector -jar lemma-bench/target/benchmarks.jar Mlp`.
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-XX:+UseParallelGC"})
public class MlpBenchmark {
    static final int BATCH = 256;
    static final int IN = 784;
    static final int HIDDEN = 256;
    static final int OUT = 10;

    private double[] x;
    private int[] labels;
    private double[] w1;
    private double[] b1;
    private double[] w2;
    private double[] b2;
    private Tensor xTensor;
    private Tensor w1Tensor;
    private Tensor b1Tensor;
    private Tensor w2Tensor;
    private Tensor b2Tensor;

    /// Random inputs in $[0, 1)$ (pixel intensities), random labels, weights scaled by $1/\sqrt{\text{fan-in}}$.
    @Setup
    public void setUp() {
        SplittableRandom rng = new SplittableRandom(42);
        x = new double[BATCH * IN];
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextDouble();
        }
        labels = rng.ints(BATCH, 0, OUT).toArray();
        w1 = gaussian(rng, IN * HIDDEN, 1 / Math.sqrt(IN));
        b1 = new double[HIDDEN];
        w2 = gaussian(rng, HIDDEN * OUT, 1 / Math.sqrt(HIDDEN));
        b2 = new double[OUT];
        xTensor = Tensor.constant(x, BATCH, IN);
        w1Tensor = Tensor.of(w1, IN, HIDDEN);
        b1Tensor = Tensor.of(b1, HIDDEN);
        w2Tensor = Tensor.of(w2, HIDDEN, OUT);
        b2Tensor = Tensor.of(b2, OUT);
    }

    private static double[] gaussian(SplittableRandom rng, int n, double scale) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = scale * rng.nextGaussian();
        }
        return a;
    }

    /// The step by the tensor engine; the gradients stay in the parameter tensors, as in training.
    ///
    /// @return the loss (returned so that the JIT cannot drop the work)
    @Benchmark
    public Tensor engine() {
        return MlpStep.engineStep(xTensor, labels, w1Tensor, b1Tensor, w2Tensor, b2Tensor);
    }

    /// The step written by hand.
    ///
    /// @return the gradients
    @Benchmark
    public MlpStep.Gradients handWritten() {
        return MlpStep.handWritten(x, labels, w1, b1, w2, b2, BATCH, IN, HIDDEN, OUT);
    }
}
