package dev.lemma.bench;

import dev.lemma.linalg.kernel.Gemm;
import dev.lemma.linalg.kernel.GemmKernel;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;
import java.util.concurrent.TimeUnit;
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

/// Two ways to split one $n \times n$ product over two threads, the question chapter 1's "How the second
/// target was missed, then met" answers: time per product of
///
/// - `bands`: two bands of rows, one per thread, as `ParallelGemm` cuts now. Each thread packs its
///   half of `A` and all of `B`.
/// - `grid`: a 2×2 grid of tiles, two per thread, as `ParallelGemm` cut before 23 November 2026, so
///   that a thread finishing early could take over a tile. Each tile packs its own rows of `A` and
///   columns of `B`, so both are packed twice.
/// - `oneThread`: the same single-thread kernel on the whole product, for the ratios.
///
/// Both splits cut where `ParallelGemm` does (rows at a multiple of 6 nearest the middle, columns at a
/// multiple of 16) and run [Gemm#sequential()] on each tile in a fork-join pool of two threads.
///
/// Run: `java --add-modules=jdk.incubator.vector -jar lemma-bench/target/benchmarks.jar ParallelSplit`.
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 8, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-XX:+UseParallelGC"})
public class ParallelSplitBenchmark {

    /// The matrix size.
    @Param({"512", "1024"})
    public int n;

    private double[] a;
    private double[] b;
    private double[] c;
    private ForkJoinPool twoThreads;
    private List<int[]> bands;
    private List<int[]> grid;

    /// Creates the state; JMH calls [#setUp()] before the measurements.
    public ParallelSplitBenchmark() {}

    /// Random matrices with entries uniform in $[-1, 1)$, and the two splits as `{row0, rows, col0, cols}`.
    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(42);
        a = random.doubles((long) n * n, -1, 1).toArray();
        b = random.doubles((long) n * n, -1, 1).toArray();
        c = new double[n * n];
        twoThreads = new ForkJoinPool(2);
        int rowCut = nearestMultiple(n / 2.0, 6);
        int columnCut = nearestMultiple(n / 2.0, 16);
        bands = List.of(new int[] {0, rowCut, 0, n}, new int[] {rowCut, n - rowCut, 0, n});
        grid = new ArrayList<>();
        for (int[] rows : new int[][] {{0, rowCut}, {rowCut, n - rowCut}}) {
            grid.add(new int[] {rows[0], rows[1], 0, columnCut});
            grid.add(new int[] {rows[0], rows[1], columnCut, n - columnCut});
        }
    }

    private static int nearestMultiple(double x, int granule) {
        return (int) Math.round(x / granule) * granule;
    }

    /// Shuts the pool down.
    @TearDown
    public void tearDown() {
        twoThreads.close();
    }

    /// The whole product on the calling thread.
    ///
    /// @return the product's entries
    @Benchmark
    public double[] oneThread() {
        Gemm.sequential().gemm(n, n, n, 1.0, a, 0, n, b, 0, n, 0.0, c, 0, n);
        return c;
    }

    /// Two bands of rows, one per thread.
    ///
    /// @return the product's entries
    @Benchmark
    public double[] bands() {
        run(bands);
        return c;
    }

    /// A 2×2 grid of tiles, two per thread.
    ///
    /// @return the product's entries
    @Benchmark
    public double[] grid() {
        run(grid);
        return c;
    }

    private void run(List<int[]> tiles) {
        GemmKernel kernel = Gemm.sequential();
        List<RecursiveAction> tasks = new ArrayList<>();
        for (int[] t : tiles) {
            tasks.add(new RecursiveAction() {
                private static final long serialVersionUID = 1L;

                @Override
                protected void compute() {
                    kernel.gemm(t[1], t[3], n, 1.0, a, t[0] * n, n, b, t[2], n, 0.0, c, t[0] * n + t[2], n);
                }
            });
        }
        twoThreads.invoke(new RecursiveAction() {
            private static final long serialVersionUID = 1L;

            @Override
            protected void compute() {
                invokeAll(tasks);
            }
        });
    }
}
