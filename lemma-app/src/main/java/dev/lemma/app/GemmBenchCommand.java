package dev.lemma.app;

import dev.lemma.linalg.kernel.Gemm;
import dev.lemma.linalg.kernel.GemmKernel;
import dev.lemma.linalg.kernel.GemmTimer;
import dev.lemma.linalg.kernel.ParallelGemm;
import dev.lemma.linalg.kernel.ReorderedGemm;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinPool;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/// `lemma bench gemm`: the GEMM staircase on this machine. For each size $n$, each step of
/// [Gemm#staircase()] multiplies two random $n \times n$ matrices; the command reports its speed,
/// $2n^3 / t$ floating-point operations per second (the best of several timed runs after a warm-up),
/// and the largest entrywise difference from the reference product.
///
/// The reference product is computed once per size, with the i-k-j loop ([ReorderedGemm]), which adds
/// the same products in the same order as the i-j-k reference and so gives the same bits (a test in
/// `lemma-math` checks it), at a fraction of the time. The two slow steps are only timed up to
/// `--naive-max`; the output says which were skipped.
///
/// Book: chapter 1, section "Performance: the GEMM staircase".
@Command(
        name = "gemm",
        description = {
            "The GEMM staircase: GFLOP/s of each matrix-multiply step, from the triple loop to SIMD on all"
                    + " cores, and its error against the reference.",
            "GFLOP/s = 2n^3 / t, best of --repeat runs after a warm-up. Timings vary with whatever else the"
                    + " machine is running."
        },
        mixinStandardHelpOptions = true)
final class GemmBenchCommand implements Callable<Integer> {

    /// The largest size accepted: three $n \times n$ arrays of doubles at $n = 8192$ take 1.5 GiB.
    static final int MAX_SIZE = 8192;

    /// Size of the warm-up problem: large enough to go through every loop of the blocked kernels
    /// (several register tiles, edge tiles), small enough to take microseconds.
    static final int WARM_UP_SIZE = 100;

    /// Warm-up runs per step, each `--run-millis` long: 5 × 100 ms lets HotSpot's C2 compiler, which
    /// starts after about 10,000 loop iterations, finish compiling even on a busy machine.
    static final int WARM_UP_RUNS = 5;

    @Option(
            names = "--sizes",
            split = ",",
            paramLabel = "N",
            defaultValue = "64,128,256,512,1024",
            description = "Matrix sizes n, comma-separated (default: ${DEFAULT-VALUE}).")
    List<Integer> sizes = new ArrayList<>();

    @Option(
            names = "--threads",
            paramLabel = "T",
            description = "Threads of the parallel step (default: the number of cores, here ${DEFAULT-VALUE}).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(
            names = "--repeat",
            paramLabel = "R",
            defaultValue = "5",
            description = "Timed runs per step and size; the best counts (default: ${DEFAULT-VALUE}).")
    int repeat;

    @Option(
            names = "--run-millis",
            paramLabel = "MS",
            defaultValue = "100",
            description = "Each run repeats the product until this many milliseconds have passed, at least"
                    + " once (default: ${DEFAULT-VALUE}).")
    int runMillis;

    @Option(
            names = "--naive-max",
            paramLabel = "N",
            defaultValue = "512",
            description = "Largest n at which the slow reference and reordered steps are timed"
                    + " (default: ${DEFAULT-VALUE}).")
    int naiveMax;

    @Option(names = "--json", description = "Print the results as JSON instead of a table.")
    boolean json;

    @Spec
    CommandSpec spec;

    /// One line of the results: a step at a size, measured or skipped.
    record Result(int n, String step, int threads, double seconds, double maxError, String skipped) {
        double gflops() {
            return GemmTimer.gflops(n, seconds);
        }
    }

    @Override
    public Integer call() {
        validate();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Result> results = new ArrayList<>();
        ForkJoinPool pool = null;
        try {
            List<GemmKernel> steps = new ArrayList<>(Gemm.staircase());
            GemmKernel parallel = steps.removeLast();
            if (threads != ((ParallelGemm) parallel).threads()) {
                pool = new ForkJoinPool(threads);
                parallel = new ParallelGemm(Gemm.sequential(), pool);
            }
            steps.add(parallel);
            int total = steps.size() + sizes.size() * (steps.size() + 1);
            try (ProgressBar progress = ProgressBars.of("gemm", total, 500, err)) {
                for (GemmKernel step : steps) {
                    progress.setExtraMessage("warm-up " + step.name());
                    warmUp(step);
                    progress.step();
                }
                for (int n : sizes) {
                    measureSize(n, steps, progress, results);
                }
            }
            err.println();
        } finally {
            if (pool != null) {
                pool.close();
            }
        }
        if (json) {
            out.println(toJson(results));
        } else {
            printTable(out, results);
        }
        out.flush();
        return 0;
    }

    private void validate() {
        if (sizes.isEmpty()) {
            throw new IllegalArgumentException("--sizes needs at least one size");
        }
        for (int n : sizes) {
            if (n < 1 || n > MAX_SIZE) {
                throw new IllegalArgumentException(
                        "--sizes: every size must be in [1, " + MAX_SIZE + "], but one is " + n);
            }
        }
        requirePositive("--threads", threads);
        requirePositive("--repeat", repeat);
        requirePositive("--run-millis", runMillis);
        if (naiveMax < 0) {
            throw new IllegalArgumentException("--naive-max must be ≥ 0 but is " + naiveMax);
        }
    }

    private static void requirePositive(String option, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(option + " must be ≥ 1 but is " + value);
        }
    }

    private void measureSize(int n, List<GemmKernel> steps, ProgressBar progress, List<Result> results) {
        SplittableRandom random = new SplittableRandom(n);
        double[] a = random.doubles((long) n * n, -1, 1).toArray();
        double[] b = random.doubles((long) n * n, -1, 1).toArray();
        progress.setExtraMessage("n=" + n + " reference product");
        double[] expected = new ReorderedGemm().multiply(n, n, n, a, b);
        progress.step();
        for (GemmKernel step : steps) {
            progress.setExtraMessage("n=" + n + " " + step.name());
            int stepThreads = step instanceof ParallelGemm p ? p.threads() : 1;
            boolean naive = step.name().equals("reference") || step.name().equals("reordered");
            if (naive && n > naiveMax) {
                results.add(new Result(n, step.name(), stepThreads, Double.NaN, Double.NaN, "n > " + naiveMax));
            } else {
                double[] c = new double[n * n];
                GemmTimer.secondsPerProduct(
                        step, n, a, b, c, runMillis * 1_000_000L); // warm-up: the JIT compiles the kernel
                double best = Double.POSITIVE_INFINITY;
                for (int r = 0; r < repeat; r++) {
                    best = Math.min(best, GemmTimer.secondsPerProduct(step, n, a, b, c, runMillis * 1_000_000L));
                }
                results.add(new Result(n, step.name(), stepThreads, best, GemmTimer.maxDifference(c, expected), null));
            }
            progress.step();
        }
    }

    /// Runs `step` on a [#WARM_UP_SIZE] problem for [#WARM_UP_RUNS] runs' time, so that the JIT has
    /// compiled its loops before anything is timed: until then the Vector API kernel is slower than the
    /// triple loop (its vectors are objects in the interpreter), and every kernel's first runs measure
    /// the compiler, not the kernel.
    private void warmUp(GemmKernel step) {
        int n = WARM_UP_SIZE;
        double[] a = new SplittableRandom(1).doubles((long) n * n, -1, 1).toArray();
        double[] c = new double[n * n];
        for (int r = 0; r < WARM_UP_RUNS; r++) {
            GemmTimer.secondsPerProduct(step, n, a, a, c, runMillis * 1_000_000L);
        }
    }

    private void printTable(PrintWriter out, List<Result> results) {
        out.printf(
                Locale.ROOT,
                "GEMM staircase: C = A·B for n×n doubles; GFLOP/s = 2n³/t, best of %d runs after a warm-up.%n",
                repeat);
        out.printf(
                Locale.ROOT,
                "Vector API: %s; cores: %d; parallel step on %d thread%s.%n%n",
                Gemm.simdAvailable()
                        ? Gemm.simdLanes() + " double lanes"
                        : "absent (run with --add-modules=jdk.incubator.vector)",
                Runtime.getRuntime().availableProcessors(),
                threads,
                threads == 1 ? "" : "s");
        out.printf(
                Locale.ROOT,
                "%6s  %-10s %7s %9s %12s %12s%n",
                "n",
                "step",
                "threads",
                "GFLOP/s",
                "time (ms)",
                "max |error|");
        List<String> skipped = new ArrayList<>();
        for (Result r : results) {
            if (r.skipped() != null) {
                out.printf(Locale.ROOT, "%6d  %-10s %7s %9s%n", r.n(), r.step(), "", "skipped");
                skipped.add(r.step() + " at n=" + r.n());
            } else {
                out.printf(
                        Locale.ROOT,
                        "%6d  %-10s %7d %9.2f %12.3f %12.1e%n",
                        r.n(),
                        r.step(),
                        r.threads(),
                        r.gflops(),
                        r.seconds() * 1e3,
                        r.maxError());
            }
        }
        if (!skipped.isEmpty()) {
            out.printf(
                    Locale.ROOT,
                    "%nSkipped (slower than worth waiting for past --naive-max %d): %s.%n",
                    naiveMax,
                    String.join(", ", skipped));
        }
    }

    private String toJson(List<Result> results) {
        StringBuilder s = new StringBuilder();
        s.append("{\"benchmark\":\"gemm\",\"unit\":\"GFLOP/s\"");
        s.append(",\"repeat\":").append(repeat);
        s.append(",\"runMillis\":").append(runMillis);
        s.append(",\"naiveMax\":").append(naiveMax);
        s.append(",\"cores\":").append(Runtime.getRuntime().availableProcessors());
        s.append(",\"threads\":").append(threads);
        s.append(",\"simd\":").append(Gemm.simdAvailable());
        s.append(",\"lanes\":").append(Gemm.simdLanes());
        s.append(",\"results\":[");
        for (int i = 0; i < results.size(); i++) {
            Result r = results.get(i);
            s.append(i == 0 ? "" : ",").append("{\"n\":").append(r.n());
            s.append(",\"step\":").append(jsonString(r.step()));
            s.append(",\"threads\":").append(r.threads());
            if (r.skipped() != null) {
                s.append(",\"skipped\":true,\"reason\":").append(jsonString(r.skipped()));
            } else {
                s.append(",\"skipped\":false");
                s.append(",\"gflops\":").append(jsonNumber(r.gflops()));
                s.append(",\"seconds\":").append(jsonNumber(r.seconds()));
                s.append(",\"maxError\":").append(jsonNumber(r.maxError()));
            }
            s.append('}');
        }
        return s.append("]}").toString();
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped (RFC 8259, §7).
    static String jsonString(String text) {
        StringBuilder s = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                case '\n' -> s.append("\\n");
                case '\r' -> s.append("\\r");
                case '\t' -> s.append("\\t");
                default -> {
                    if (ch < 0x20) {
                        s.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
                    } else {
                        s.append(ch);
                    }
                }
            }
        }
        return s.append('"').toString();
    }

    /// A JSON number, or `null` for NaN and infinities, which JSON cannot express.
    static String jsonNumber(double x) {
        return Double.isFinite(x) ? Double.toString(x) : "null";
    }
}
