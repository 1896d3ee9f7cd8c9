package dev.lemma.bench;

import dev.lemma.linalg.Matrix;
import dev.lemma.linalg.kernel.Gemm;
import dev.lemma.linalg.kernel.GemmKernel;
import dev.lemma.linalg.kernel.ParallelGemm;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import org.ejml.concurrency.EjmlConcurrency;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.CommonOps_MT_DDRM;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/// $C = AB$ for random $n \times n$ matrices: Lemma's GEMM against EJML's `CommonOps_DDRM.mult`, on
/// one thread and on two. Time per product; GFLOP/s $= 2n^3 / t$.
///
/// - `lemmaOneThread`: [Gemm#sequential()], the SIMD kernel on the calling thread.
/// - `lemmaTwoThreads`: the same kernel split over a fork-join pool of exactly two threads.
/// - `lemmaMatrixTimes`: what a user writes, `A.times(B)`: dispatch by size, all cores, a new result.
/// - `ejmlOneThread`: `CommonOps_DDRM.mult` (EJML's blocked or row-major kernel, chosen by size).
/// - `ejmlTwoThreads`: `CommonOps_MT_DDRM.mult` with `EjmlConcurrency.setMaxThreads(2)`.
///
/// Run: `java --add-modules=jdk.incubator.vector -jar lemma-bench/target/benchmarks.jar Gemm` (the
/// forked JVMs add the module themselves, see [Fork]).
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-XX:+UseParallelGC"})
public class GemmBenchmark {

    /// The matrix size.
    @Param({"256", "512", "1024", "2048"})
    public int n;

    private double[] a;
    private double[] b;
    private double[] c;
    private Matrix lemmaA;
    private Matrix lemmaB;
    private DMatrixRMaj ejmlA;
    private DMatrixRMaj ejmlB;
    private DMatrixRMaj ejmlC;
    private ForkJoinPool twoThreads;
    private GemmKernel lemmaParallel;

    /// Creates the state; JMH calls [#setUp()] before the measurements.
    public GemmBenchmark() {}

    /// Random matrices with entries uniform in $[-1, 1)$, the same for both libraries.
    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(42);
        a = random.doubles((long) n * n, -1, 1).toArray();
        b = random.doubles((long) n * n, -1, 1).toArray();
        c = new double[n * n];
        lemmaA = Matrix.ofRowMajor(n, n, a);
        lemmaB = Matrix.ofRowMajor(n, n, b);
        ejmlA = new DMatrixRMaj(n, n, true, a);
        ejmlB = new DMatrixRMaj(n, n, true, b);
        ejmlC = new DMatrixRMaj(n, n);
        twoThreads = new ForkJoinPool(2);
        lemmaParallel = new ParallelGemm(Gemm.sequential(), twoThreads);
        EjmlConcurrency.setMaxThreads(2);
    }

    /// Shuts the two-thread pool down.
    @TearDown
    public void tearDown() {
        twoThreads.close();
    }

    /// Lemma's SIMD kernel on one thread.
    ///
    /// @return the product's entries
    @Benchmark
    public double[] lemmaOneThread() {
        Gemm.sequential().gemm(n, n, n, 1.0, a, 0, n, b, 0, n, 0.0, c, 0, n);
        return c;
    }

    /// Lemma's SIMD kernel on a pool of two threads.
    ///
    /// @return the product's entries
    @Benchmark
    public double[] lemmaTwoThreads() {
        lemmaParallel.gemm(n, n, n, 1.0, a, 0, n, b, 0, n, 0.0, c, 0, n);
        return c;
    }

    /// `A.times(B)`, as a user writes it.
    ///
    /// @return the product
    @Benchmark
    public Matrix lemmaMatrixTimes() {
        return lemmaA.times(lemmaB);
    }

    /// EJML on one thread.
    ///
    /// @return the product
    @Benchmark
    public DMatrixRMaj ejmlOneThread() {
        return CommonOps_DDRM.mult(ejmlA, ejmlB, ejmlC);
    }

    /// EJML's concurrent multiply, limited to two threads.
    ///
    /// @return the product
    @Benchmark
    public DMatrixRMaj ejmlTwoThreads() {
        return CommonOps_MT_DDRM.mult(ejmlA, ejmlB, ejmlC);
    }
}
