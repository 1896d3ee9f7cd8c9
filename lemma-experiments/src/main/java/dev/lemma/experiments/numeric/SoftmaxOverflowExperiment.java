package dev.lemma.experiments.numeric;

import dev.lemma.experiments.Arguments;
import dev.lemma.experiments.Experiment;
import dev.lemma.experiments.Format;
import dev.lemma.experiments.Palette;
import dev.lemma.experiments.Parameter;
import dev.lemma.experiments.Progress;
import dev.lemma.experiments.Result;
import dev.lemma.experiments.Table;
import dev.lemma.numeric.StableFunctions;
import dev.lemma.viz.Axis;
import dev.lemma.viz.Chart;
import dev.lemma.viz.Series;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/// Chapter 7: the softmax of logits $z_i = \text{shift} + \text{scale} \cdot g_i$ ($g_i$ seeded standard
/// normals) computed naively, $e^{z_i} / \sum_j e^{z_j}$, and stably,
/// $e^{z_i - m} / \sum_j e^{z_j - m}$ with $m = \max_j z_j$ ([StableFunctions#softmax]), side by side.
///
/// `Math.exp` overflows to $\infty$ above $\ln(\text{MAX\_VALUE}) \approx 709.78$ and underflows to 0
/// below $-745.13$. So once some $z_i > 709.78$ the naive denominator is $\infty$: the entries whose
/// own exponential is finite become $x/\infty = 0$ and those that overflowed become
/// $\infty/\infty = $ NaN. Once every $z_i < -745.13$ everything is $0/0 = $ NaN. The shift by $m$
/// changes nothing mathematically (numerator and denominator are both multiplied by $e^{-m}$) but
/// puts the largest exponent at 0, so the denominator lies in $[1, k]$.
///
/// References: P. Blanchard, D. J. Higham and N. J. Higham, "Accurately computing the log-sum-exp
/// and softmax functions", IMA J. Numer. Anal. 41(4), 2021.
public final class SoftmaxOverflowExperiment implements Experiment {

    /// $\ln(\text{Double.MAX\_VALUE}) \approx 709.78$: above it `Math.exp` overflows.
    static final double OVERFLOW = Math.log(Double.MAX_VALUE);

    private static final List<Parameter> PARAMETERS = List.of(
            Parameter.integer("k", "Classes $k$", "the number of logits", 2, 20, 8),
            Parameter.number(
                    "shift",
                    "Shift",
                    "added to every logit; exp overflows above 709.78 and underflows below −745.13",
                    -1000,
                    1000,
                    5,
                    710),
            Parameter.number("scale", "Scale", "the spread of the logits around the shift", 0, 20, 0.5, 3),
            Parameter.seed(3));

    /// Creates the experiment.
    public SoftmaxOverflowExperiment() {}

    @Override
    public String id() {
        return "softmax-overflow";
    }

    @Override
    public String title() {
        return "Softmax: overflow in the naive formula, none in the shifted one";
    }

    @Override
    public int chapter() {
        return 7;
    }

    @Override
    public String summary() {
        return "Computes the softmax of $k$ logits $z_i = \\text{shift} + \\text{scale}\\cdot g_i$ naively and"
                + " after subtracting $m = \\max z$. Both agree while every $e^{z_i}$ is a finite, non-zero"
                + " double; move the shift past 709.78 and the naive sum overflows to $\\infty$ (entries become"
                + " 0 or NaN), below −745 it underflows to 0 ($0/0$ = NaN). The shifted formula never notices.";
    }

    @Override
    public String formula() {
        return "\\mathrm{softmax}(z)_i = \\frac{e^{z_i}}{\\sum_j e^{z_j}} = \\frac{e^{z_i - m}}{\\sum_j e^{z_j - m}},"
                + " \\quad m = \\max_j z_j";
    }

    @Override
    public List<Parameter> parameters() {
        return PARAMETERS;
    }

    /// The logits $z_i = \text{shift} + \text{scale} \cdot g_i$.
    static double[] logits(int k, double shift, double scale, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] z = new double[k];
        for (int i = 0; i < k; i++) {
            z[i] = shift + scale * normal(rng);
        }
        return z;
    }

    /// A standard normal by Box–Muller, from two uniforms (the first kept away from 0).
    private static double normal(SplittableRandom rng) {
        double u1 = 1 - rng.nextDouble(); // in (0, 1]
        double u2 = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    /// $\sum_j e^{z_j}$, the naive denominator: $\infty$ or 0 when the exponentials overflow or underflow.
    static double naiveDenominator(double[] z) {
        double s = 0;
        for (double v : z) {
            s += Math.exp(v);
        }
        return s;
    }

    /// $e^{z_i} / \sum_j e^{z_j}$ as written: NaN or 0 when the exponentials overflow or underflow.
    static double[] naiveSoftmax(double[] z) {
        double s = naiveDenominator(z);
        double[] p = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            p[i] = Math.exp(z[i]) / s;
        }
        return p;
    }

    @Override
    public Result run(Arguments arguments, Progress progress) {
        int k = arguments.integer("k");
        double shift = arguments.number("shift");
        double scale = arguments.number("scale");
        double[] z = logits(k, shift, scale, arguments.seed("seed"));
        double[] naive = naiveSoftmax(z);
        double[] stable = StableFunctions.softmax(z);
        double[] logStable = StableFunctions.logSoftmax(z);
        double m = max(z);
        double naiveSum = naiveDenominator(z);
        double shiftedSum = 0;
        for (double v : z) {
            shiftedSum += Math.exp(v - m);
        }

        List<String> categories = new ArrayList<>();
        double[] naiveBars = new double[k];
        int nan = 0;
        int zero = 0;
        for (int i = 0; i < k; i++) {
            // The category says which naive entries are NaN: their bar (height 0) cannot.
            categories.add("z" + Format.subscript(i + 1) + (Double.isNaN(naive[i]) ? " NaN" : ""));
            // A chart bar must be a number: NaN is drawn as a missing bar (height 0) and the note says so.
            naiveBars[i] = Double.isNaN(naive[i]) ? 0 : naive[i];
            nan += Double.isNaN(naive[i]) ? 1 : 0;
            zero += naive[i] == 0 ? 1 : 0;
        }
        Chart probabilities = Chart.builder("Softmax of " + k + " logits around " + Format.num(shift))
                .x(Axis.of("logit"))
                .y(Axis.range("probability", 0, 1))
                .add(new Series.Bar(
                        "naive e^z / Σ e^z" + missing(nan, zero), categories, naiveBars, Palette.solid(Palette.RED, 0)))
                .add(new Series.Bar("stable e^(z−m) / Σ e^(z−m)", categories, stable, Palette.solid(Palette.BLUE, 0)))
                .build();
        Chart logs = Chart.builder("Log-softmax (stable), z − m − log Σ e^(z−m)")
                .x(Axis.of("logit"))
                .y(Axis.of("log probability"))
                .add(new Series.Bar("log-softmax", categories, logStable, Palette.solid(Palette.GREEN, 0)))
                .build();

        double naiveTotal = sum(naive);
        double stableTotal = sum(stable);
        Table table = new Table(
                "The two softmaxes, shift " + Format.num(shift) + ", scale " + Format.num(scale),
                List.of("quantity", "naive", "stable (shifted by m)"),
                List.of(
                        List.of("max z = m", cell(m), cell(m)),
                        List.of("denominator", cell(naiveSum), cell(shiftedSum)),
                        List.of("log Σ e^z", cell(Math.log(naiveSum)), cell(m + Math.log(shiftedSum))),
                        List.of("Σ softmax", cell(naiveTotal), cell(stableTotal)),
                        List.of("sums to 1 (within 1e-12)", sumsToOne(naiveTotal), sumsToOne(stableTotal)),
                        List.of("NaN entries", nan, count(stable, Double.NaN)),
                        List.of("entries exactly 0", zero, count(stable, 0))));

        Result.Builder result =
                Result.builder().chart(probabilities).chart(logs).table(table);
        if (nan > 0) {
            result.note(nan + " of the " + k + " naive probabilities are NaN and drawn as missing bars (a bar must"
                    + " have a height). "
                    + (naiveSum == 0
                            ? "Every $e^{z_i}$ underflowed to 0 (all $z_i < -745.13$), so each entry is $0/0$."
                            : "$\\sum_j e^{z_j}$ overflowed to $\\infty$ because some $z_i > 709.78$; those entries"
                                    + " are $\\infty/\\infty$ and the others $x/\\infty = 0$."));
        } else if (zero > 0 && naiveSum == Double.POSITIVE_INFINITY) {
            result.note("The naive denominator overflowed to $\\infty$: every naive probability is 0.");
        } else {
            result.note("Every $e^{z_i}$ is a finite double, so the naive and the stable formula agree to rounding"
                    + " (the largest difference is $" + Format.sci(maxDifference(naive, stable)) + "$). Move the"
                    + " shift above about $709.78 - 2\\cdot\\text{scale}$ to make the naive sum overflow.");
        }
        result.note("The stable formula subtracts $m = \\max_j z_j = " + Format.num(m) + "$ first: the largest"
                + " exponential is then $e^0 = 1$ and the denominator $" + Format.num(shiftedSum)
                + "$ lies in $[1, k]$, whatever the shift. Its probabilities sum to " + deviation(stableTotal)
                + ". Probabilities below $e^{-745}$ relative to the largest underflow to 0, which is their"
                + " correct value to double precision; the log-softmax keeps them as ordinary negative numbers.");
        return result.build();
    }

    /// What the naive series' legend says about its missing bars: `" (4 NaN, 4 zero: no bars)"`.
    private static String missing(int nan, int zero) {
        List<String> parts = new ArrayList<>();
        if (nan > 0) {
            parts.add(nan + " NaN");
        }
        if (zero > 0) {
            parts.add(zero + " zero");
        }
        return parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ": no bars)";
    }

    private static String deviation(double total) {
        double d = total - 1;
        return d == 0 ? "exactly 1" : "$1 " + (d > 0 ? "+ " : "- ") + Format.sci(Math.abs(d)) + "$";
    }

    private static boolean sumsToOne(double total) {
        return Math.abs(total - 1) <= 1e-12;
    }

    private static int count(double[] x, double value) {
        int c = 0;
        for (double v : x) {
            if (Double.compare(v, value) == 0 || (v == value)) {
                c++;
            }
        }
        return c;
    }

    private static double sum(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s;
    }

    private static double max(double[] x) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            m = Math.max(m, v);
        }
        return m;
    }

    private static double maxDifference(double[] a, double[] b) {
        double d = 0;
        for (int i = 0; i < a.length; i++) {
            d = Math.max(d, Math.abs(a[i] - b[i]));
        }
        return d;
    }

    private static Object cell(double v) {
        return Double.isFinite(v) ? (Object) v : (Object) (Double.isNaN(v) ? "NaN" : v > 0 ? "∞" : "−∞");
    }
}
