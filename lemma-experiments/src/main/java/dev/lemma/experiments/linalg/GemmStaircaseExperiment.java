package dev.lemma.experiments.linalg;

import dev.lemma.experiments.Arguments;
import dev.lemma.experiments.Experiment;
import dev.lemma.experiments.Format;
import dev.lemma.experiments.Palette;
import dev.lemma.experiments.Parameter;
import dev.lemma.experiments.Progress;
import dev.lemma.experiments.Result;
import dev.lemma.experiments.Table;
import dev.lemma.linalg.kernel.Gemm;
import dev.lemma.linalg.kernel.GemmKernel;
import dev.lemma.linalg.kernel.GemmTimer;
import dev.lemma.viz.Axis;
import dev.lemma.viz.Chart;
import dev.lemma.viz.Series;
import dev.lemma.viz.Style;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/// §1.15: the GEMM staircase measured live. For each size $n$ and each step of [Gemm#staircase()]
/// (reference, reordered, blocked, simd when `jdk.incubator.vector` is present, parallel), $C = AB$
/// for random $n \times n$ matrices is timed and reported as $2n^3 / t$ floating-point operations per
/// second, the best of `repeats` runs after a warm-up; as `lemma bench gemm` does
/// (`GemmBenchCommand`), but within the lab's time budget.
///
/// Each timed run repeats the product until [#MIN_RUN_NANOS] have passed, so that small sizes are
/// not timed below the clock's resolution. Every step's product is compared with the reference
/// product, computed once per size by the staircase's own i-k-j step (which adds the same products in
/// the same order as the i-j-k reference, so gives the same bits); the difference must stay within
/// the GEMM error bound, of order $n u \sum_p |a_{ip}||b_{pj}|$.
///
/// Defaults: $n$ up to 512, where the matrices ($3 \times 2$ MiB) have left the L2 cache and the
/// steps separate as the book's tables show; the triple loop up to 256, where one product still
/// takes a few milliseconds; the best of 3 runs. A default run takes about 5 seconds on the book's
/// 2-core machine.
///
/// This experiment measures the machine it runs on: the figures vary from run to run and with
/// whatever else the machine is doing. It is the only chapter-1 experiment whose result is not
/// determined by its arguments.
public final class GemmStaircaseExperiment implements Experiment {

    /// The smallest size measured; sizes double from here up to `maxSize`.
    static final int SMALLEST = 16;

    /// Each timed run lasts at least this long (10 ms): long against `System.nanoTime`'s resolution and
    /// a loop's overhead, short enough that five steps × six sizes × four runs fit the budget.
    static final long MIN_RUN_NANOS = 10_000_000L;

    /// Before anything is timed, each step multiplies two matrices of this size for [#WARM_UP_NANOS],
    /// so that HotSpot has compiled its loops: until then the Vector API kernel runs slower than the
    /// triple loop, and the first runs of any kernel time the compiler. The same size as the bench's.
    static final int WARM_UP_SIZE = 100;

    /// Warm-up time per step (150 ms; the bench uses 500 ms when time is not counted).
    static final long WARM_UP_NANOS = 150_000_000L;

    private static final List<Parameter> PARAMETERS = List.of(
            Parameter.integer(
                    "maxSize",
                    "Largest $n$",
                    "sizes double from 16 up to this (which is added if not a power of two)",
                    SMALLEST,
                    512,
                    512),
            Parameter.integer(
                    "referenceMax",
                    "Largest $n$ for the triple loop",
                    "the reference step (i-j-k triple loop) is slow; it is measured only up to this size",
                    SMALLEST,
                    512,
                    256),
            Parameter.integer(
                    "repeats", "Runs per measurement", "timed runs per step and size; the best counts", 1, 5, 3));

    /// Creates the experiment.
    public GemmStaircaseExperiment() {}

    @Override
    public String id() {
        return "gemm-staircase";
    }

    @Override
    public String title() {
        return "The GEMM staircase, measured on this machine";
    }

    @Override
    public int chapter() {
        return 1;
    }

    @Override
    public String summary() {
        return "Times $C = AB$ for $n \\times n$ matrices with each step of the staircase: the triple loop, the"
                + " i-k-j loop order, cache blocking, packing with SIMD registers, and all cores. Each point is"
                + " $2n^3/t$ GFLOP/s, the best of a few runs. **This is a measurement of this machine**: the"
                + " numbers change from run to run and with whatever else is running, unlike every other"
                + " experiment of the chapter. Try a larger $n$ to see the blocked steps pull away as the"
                + " matrices leave the caches.";
    }

    @Override
    public String formula() {
        return "\\text{GFLOP/s} = \\frac{2n^3}{t \\cdot 10^9}, \\qquad c_{ij} = \\sum_{p=1}^{n} a_{ip} b_{pj}";
    }

    @Override
    public List<Parameter> parameters() {
        return PARAMETERS;
    }

    /// The worst case (`maxSize` = `referenceMax` = 512, 5 repeats) on a busy 2-core machine: the triple
    /// loop at $n = 512$ takes about a second per product, six times; everything else a few seconds.
    @Override
    public Duration budget() {
        return Duration.ofSeconds(30);
    }

    /// One measurement.
    ///
    /// @param n the size
    /// @param step the step's name
    /// @param seconds the best time of one product, or NaN if skipped
    /// @param maxError the largest entrywise difference from the reference product, or NaN if skipped
    record Measurement(int n, String step, double seconds, double maxError) {
        boolean skipped() {
            return Double.isNaN(seconds);
        }

        double gflops() {
            return GemmTimer.gflops(n, seconds);
        }
    }

    /// The sizes measured: $16, 32, 64, \dots \le$ `maxSize`, and `maxSize` itself.
    static List<Integer> sizes(int maxSize) {
        List<Integer> sizes = new ArrayList<>();
        for (int n = SMALLEST; n <= maxSize; n *= 2) {
            sizes.add(n);
        }
        if (sizes.getLast() != maxSize) {
            sizes.add(maxSize);
        }
        return sizes;
    }

    /// Warms up every step, then times each step at each size, reporting progress after every
    /// warm-up and every measurement (where a cancelled run stops).
    ///
    /// @param arguments `maxSize`, `referenceMax` and `repeats`
    /// @param progress told after each measurement; may throw [dev.lemma.experiments.RunCancelledException]
    /// @return the GFLOP/s chart, the table of measurements and notes on this machine
    @Override
    public Result run(Arguments arguments, Progress progress) {
        int maxSize = arguments.integer("maxSize");
        int referenceMax = arguments.integer("referenceMax");
        int repeats = arguments.integer("repeats");
        List<GemmKernel> steps = Gemm.staircase();
        List<Integer> sizes = sizes(maxSize);
        int total = steps.size() * (1 + sizes.size());
        int done = 0;
        progress.report(0, "warming up");
        for (GemmKernel step : steps) {
            warmUp(step);
            done++;
            progress.report((double) done / total, "warmed up " + step.name());
        }
        GemmKernel reordered = steps.get(1);
        List<Measurement> measurements = new ArrayList<>();
        for (int n : sizes) {
            SplittableRandom random = new SplittableRandom(n);
            double[] a = random.doubles((long) n * n, -1, 1).toArray();
            double[] b = random.doubles((long) n * n, -1, 1).toArray();
            double[] expected = reordered.multiply(n, n, n, a, b);
            for (GemmKernel step : steps) {
                if (step == steps.getFirst() && n > referenceMax) {
                    measurements.add(new Measurement(n, step.name(), Double.NaN, Double.NaN));
                } else {
                    double[] c = new double[n * n];
                    GemmTimer.secondsPerProduct(
                            step,
                            n,
                            a,
                            b,
                            c,
                            MIN_RUN_NANOS); // one untimed run: the caches and branch predictors warm up
                    double best = Double.POSITIVE_INFINITY;
                    for (int r = 0; r < repeats; r++) {
                        best = Math.min(best, GemmTimer.secondsPerProduct(step, n, a, b, c, MIN_RUN_NANOS));
                    }
                    measurements.add(new Measurement(n, step.name(), best, GemmTimer.maxDifference(c, expected)));
                }
                done++;
                progress.report((double) done / total, "n = " + n + ", " + step.name());
            }
        }
        return result(steps, sizes, referenceMax, repeats, measurements);
    }

    private static void warmUp(GemmKernel step) {
        int n = WARM_UP_SIZE;
        double[] a = new SplittableRandom(1).doubles((long) n * n, -1, 1).toArray();
        double[] c = new double[n * n];
        long start = System.nanoTime();
        do {
            step.gemm(n, n, n, 1.0, a, 0, n, a, 0, n, 0.0, c, 0, n);
        } while (System.nanoTime() - start < WARM_UP_NANOS);
    }

    /// One colour per step, by name, so that a step keeps its colour whether or not the simd step is
    /// present: grey and brown for the two plain loops, then orange, blue and green as the staircase
    /// climbs.
    private static final Map<String, String> COLORS = Map.of(
            "reference", Palette.GREY,
            "reordered", Palette.BROWN,
            "blocked", Palette.ORANGE,
            "simd", Palette.BLUE,
            "parallel", Palette.GREEN);

    private static Result result(
            List<GemmKernel> steps,
            List<Integer> sizes,
            int referenceMax,
            int repeats,
            List<Measurement> measurements) {
        Chart.Builder chart = Chart.builder("GFLOP/s of each step of the staircase against n (this machine, now)")
                .x(Axis.log("matrix size n"))
                .y(Axis.log("GFLOP/s = 2n³ / t"));
        for (int s = 0; s < steps.size(); s++) {
            String name = steps.get(s).name();
            List<Measurement> mine = measurements.stream()
                    .filter(m -> m.step().equals(name) && !m.skipped())
                    .toList();
            double[] x = new double[mine.size()];
            double[] y = new double[mine.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = mine.get(i).n();
                y[i] = mine.get(i).gflops();
            }
            Style style = Palette.solid(COLORS.getOrDefault(name, Palette.PURPLE), 2.5);
            chart.add(new Series.Line(name, x, y, style));
        }

        List<List<Object>> rows = new ArrayList<>();
        for (Measurement m : measurements) {
            if (m.skipped()) {
                rows.add(List.of(m.n(), m.step(), "skipped (n > " + referenceMax + ")", "", ""));
            } else {
                rows.add(List.of(m.n(), m.step(), m.gflops(), m.seconds() * 1e3, m.maxError()));
            }
        }
        Table table = new Table(
                "C = AB for n×n matrices: best of " + repeats + " runs",
                List.of("n", "step", "GFLOP/s", "time per product (ms)", "max |C − C_reference|"),
                rows);

        Result.Builder result = Result.builder().chart(chart.build()).table(table);
        result.note(String.format(
                Locale.ROOT,
                "Measured on this machine: %d cores seen by the JVM (the parallel step uses the common fork-join"
                        + " pool), Vector API %s, Java %s. Other programs running at the same time slow the"
                        + " measurements down, the parallel step most.",
                Runtime.getRuntime().availableProcessors(),
                Gemm.simdAvailable()
                        ? "present (" + Gemm.simdLanes() + " doubles per register)"
                        : "absent, so the simd step is left out (start the JVM with"
                                + " --add-modules=jdk.incubator.vector)",
                Runtime.version().feature()));
        double worst = measurements.stream()
                .filter(m -> !m.skipped())
                .mapToDouble(m -> m.maxError() / m.n())
                .max()
                .orElse(0);
        result.note("Every step computes the same sums in a different order, so the products agree to rounding:"
                + " the largest difference from the reference product, divided by $n$, is $" + Format.sci(worst)
                + "$, within the bound $\\gamma_n \\sum_p |a_{ip}||b_{pj}| \\le n u \\cdot n$ for entries in"
                + " $[-1, 1]$ (Higham, §3.5).");
        if (sizes.getLast() > referenceMax) {
            result.note("The reference triple loop was measured only up to $n = " + referenceMax + "$: it is the"
                    + " slowest step by far, and raising its limit is the quickest way to exceed the time budget.");
        }
        return result.build();
    }
}
