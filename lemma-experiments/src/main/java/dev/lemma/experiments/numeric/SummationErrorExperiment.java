package dev.lemma.experiments.numeric;

import dev.lemma.experiments.Arguments;
import dev.lemma.experiments.Experiment;
import dev.lemma.experiments.Format;
import dev.lemma.experiments.Palette;
import dev.lemma.experiments.Parameter;
import dev.lemma.experiments.Progress;
import dev.lemma.experiments.Result;
import dev.lemma.experiments.Table;
import dev.lemma.numeric.Summation;
import dev.lemma.numeric.Tolerances;
import dev.lemma.viz.Axis;
import dev.lemma.viz.Chart;
import dev.lemma.viz.Series;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/// Chapter 7: the relative error $|\hat s - s| / |s|$ of the naive (recursive), pairwise and
/// compensated (Kahan–Babuška–Neumaier) sums of $n$ terms, against $n$ on log–log axes, beside the
/// error bound of each ([Summation] states them), all scaled by the condition number
/// $\kappa = \sum_i |x_i| / |\sum_i x_i|$:
///
/// - naive: $\gamma_{n-1}\kappa \approx (n-1)u\kappa$;
/// - pairwise with blocks of $b = 128$ ([Summation#PAIRWISE_BLOCK]):
///   $\gamma_{b-1+\lceil\log_2\lceil n/b\rceil\rceil}\kappa$, which is $\lceil\log_2 n\rceil u \kappa$ plus a
///   constant $127u\kappa$;
/// - compensated: $2u + \gamma_{n-1}^2\kappa$ (Ogita, Rump and Oishi 2005, Proposition 4.5, for the
///   cascaded sum the Neumaier sum performs; its $u|s|$ is doubled here for the final rounding).
///
/// The exact sum $s$ comes from [BigDecimal], which adds doubles without rounding. Each $n$ gets its
/// own terms, drawn from the seed and $n$, so that the ill-conditioned data cancel within every
/// sample. Data:
///
/// - `positive`: $x_i \sim U(0, 1)$, $\kappa = 1$;
/// - `mixed`: $x_i \sim U(-1, 1)$, $\kappa \approx \sqrt{n}$ (the sum is a random walk);
/// - `cancelling`: $n/4$ pairs $b_j, -b_j$ with $b_j \sim 10^{12}\,U(-1, 1)$ and $n/2$ terms
///   $c_i \sim U(0, 1)$, shuffled: the large terms cancel exactly, the sum $\sum c_i$ is about $n/4$,
///   and $\kappa \approx 10^{12}$.
///
/// References: N. J. Higham, *Accuracy and Stability of Numerical Algorithms*, 2nd ed., SIAM 2002,
/// chapter 4; T. Ogita, S. M. Rump and S. Oishi, "Accurate sum and dot product", SIAM J. Sci. Comput.
/// 26(6), 2005.
public final class SummationErrorExperiment implements Experiment {

    /// The unit roundoff $u = 2^{-53}$.
    static final double U = Tolerances.UNIT_ROUNDOFF;

    /// The size of the large terms of the `cancelling` data: $10^{12}$ makes $\kappa \approx 10^{12}$,
    /// so that the naive sum of $10^6$ terms loses almost every digit while the compensated one keeps
    /// them all.
    static final double CANCELLING_SCALE = 1e12;

    /// Sizes per decade: 4, so $n = 10, 18, 32, 56, 100, \dots$
    static final int SIZES_PER_DECADE = 4;

    /// The smallest $n$.
    static final int SMALLEST = 10;

    static final List<String> DATA = List.of("positive", "mixed", "cancelling");

    private static final List<Parameter> PARAMETERS = List.of(
            Parameter.choice(
                    "data",
                    "Terms",
                    "positive: U(0,1), κ = 1; mixed: U(−1,1), κ ≈ √n; cancelling: pairs ±b, |b| ≤ 10¹², that"
                            + " cancel exactly, and as many U(0,1) terms, κ ≈ 10¹²",
                    DATA,
                    "cancelling"),
            Parameter.integer(
                    "maxTerms",
                    "Largest $n$",
                    "the largest number of terms summed (up to a million)",
                    100,
                    1_000_000,
                    1_000_000),
            Parameter.seed(7));

    /// Creates the experiment.
    public SummationErrorExperiment() {}

    @Override
    public String id() {
        return "summation-error";
    }

    @Override
    public String title() {
        return "Summation: naive, pairwise and compensated against their bounds";
    }

    @Override
    public int chapter() {
        return 7;
    }

    @Override
    public String summary() {
        return "Adds $n$ random numbers three ways and plots the relative error of each against the exact sum"
                + " (from `BigDecimal`), with the error bounds as dashed lines. The naive loop's bound grows like"
                + " $nu\\kappa$, pairwise summation's like $u\\kappa\\log_2 n$, and the compensated sum stays"
                + " near $u$. Try the `cancelling` data, where $\\kappa \\approx 10^{12}$: the naive sum loses"
                + " most of its digits, the compensated one none.";
    }

    @Override
    public String formula() {
        return "\\frac{|\\hat s - s|}{|s|} \\le \\gamma_{n-1}\\,\\kappa \\ \\text{(naive)}, \\quad"
                + " \\gamma_{\\lceil \\log_2 n \\rceil}\\,\\kappa \\ \\text{(pairwise)}, \\quad"
                + " 2u + \\gamma_{n-1}^2\\,\\kappa \\ \\text{(compensated)}, \\qquad"
                + " \\kappa = \\frac{\\sum_i |x_i|}{|\\sum_i x_i|}, \\ \\gamma_k = \\frac{ku}{1-ku}";
    }

    @Override
    public List<Parameter> parameters() {
        return PARAMETERS;
    }

    /// One size: the relative errors of the three sums, the condition number and the bounds.
    ///
    /// @param n the number of terms
    /// @param kappa $\sum|x_i| / |\sum x_i|$
    /// @param naive the naive sum's relative error
    /// @param pairwise the pairwise sum's relative error
    /// @param compensated the compensated sum's relative error
    record Point(int n, double kappa, double naive, double pairwise, double compensated) {

        double naiveBound() {
            return gamma(n - 1) * kappa;
        }

        double pairwiseBound() {
            int b = Summation.PAIRWISE_BLOCK;
            int blocks = (n + b - 1) / b;
            int depth = 32 - Integer.numberOfLeadingZeros(Math.max(blocks - 1, 0)); // ⌈log₂ blocks⌉
            return gamma(Math.min(n, b) - 1 + depth) * kappa;
        }

        double compensatedBound() {
            double g = gamma(n - 1);
            return 2 * U + g * g * kappa;
        }
    }

    /// $\gamma_k = ku/(1 - ku)$.
    static double gamma(int k) {
        return k * U / (1 - k * U);
    }

    /// The sizes $10, 18, 32, \dots$ up to `maxTerms`, and `maxTerms` itself, all even.
    static List<Integer> sizes(int maxTerms) {
        List<Integer> sizes = new ArrayList<>();
        for (int i = 0; ; i++) {
            int n = 2 * (int) Math.round(SMALLEST * Math.pow(10, (double) i / SIZES_PER_DECADE) / 2);
            if (n >= maxTerms) {
                break;
            }
            if (sizes.isEmpty() || n > sizes.getLast()) {
                sizes.add(n);
            }
        }
        sizes.add(maxTerms);
        return sizes;
    }

    /// The `n` terms of the chosen data, from `seed` and `n`.
    static double[] terms(String data, int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed * 1_000_003L + n);
        double[] x = new double[n];
        switch (data) {
            case "positive" -> {
                for (int i = 0; i < n; i++) {
                    x[i] = rng.nextDouble();
                }
            }
            case "mixed" -> {
                for (int i = 0; i < n; i++) {
                    x[i] = 2 * rng.nextDouble() - 1;
                }
            }
            case "cancelling" -> {
                // Half the terms are pairs b, −b (exact negatives), the other half small c ∈ [0, 1): the
                // exact sum is Σc, which needs more bits than a double has, while Σ|x| is 10¹² times larger.
                int big = 2 * (n / 4);
                for (int i = 0; i < big; i += 2) {
                    x[i] = CANCELLING_SCALE * (2 * rng.nextDouble() - 1);
                    x[i + 1] = -x[i];
                }
                for (int i = big; i < n; i++) {
                    x[i] = rng.nextDouble();
                }
                for (int i = n - 1; i > 0; i--) { // Fisher–Yates, so that partners are far apart
                    int j = rng.nextInt(i + 1);
                    double t = x[i];
                    x[i] = x[j];
                    x[j] = t;
                }
            }
            default -> throw new IllegalArgumentException("unknown data " + data);
        }
        return x;
    }

    /// The three relative errors for one sample.
    static Point point(double[] x) {
        BigDecimal exact = BigDecimal.ZERO;
        double[] abs = new double[x.length];
        boolean cancels = false;
        for (int i = 0; i < x.length; i++) {
            exact = exact.add(new BigDecimal(x[i]));
            abs[i] = Math.abs(x[i]);
            cancels |= x[i] < 0;
        }
        // Without a negative term Σ|x| = Σx and κ is exactly 1; otherwise Σ|x| (no cancellation, so
        // compensated summation gives it to a few u) over the exact |Σx|.
        double kappa = cancels ? Summation.compensated(abs) / Math.abs(exact.doubleValue()) : 1;
        return new Point(
                x.length,
                kappa,
                relativeError(Summation.naive(x), exact),
                relativeError(Summation.pairwise(x), exact),
                relativeError(Summation.compensated(x), exact));
    }

    /// $|\hat s - s|/|s|$ with the difference taken exactly; NaN if $s = 0$.
    static double relativeError(double computed, BigDecimal exact) {
        if (exact.signum() == 0) {
            return Double.NaN;
        }
        return new BigDecimal(computed)
                .subtract(exact)
                .abs()
                .divide(exact.abs(), MathContext.DECIMAL64)
                .doubleValue();
    }

    /// Every size up to `maxTerms`.
    static List<Point> measure(String data, int maxTerms, long seed, Progress progress) {
        List<Integer> sizes = sizes(maxTerms);
        double total = sizes.stream().mapToDouble(Integer::doubleValue).sum();
        double done = 0;
        List<Point> points = new ArrayList<>();
        for (int n : sizes) {
            progress.report(done / total, "n = " + n);
            points.add(point(terms(data, n, seed)));
            done += n;
        }
        progress.report(1, "done");
        return points;
    }

    @Override
    public Result run(Arguments arguments, Progress progress) {
        String data = arguments.choice("data");
        int maxTerms = arguments.integer("maxTerms");
        List<Point> points = measure(data, maxTerms, arguments.seed("seed"), progress);

        int count = points.size();
        double[] n = new double[count];
        double[] naive = new double[count];
        double[] pairwise = new double[count];
        double[] compensated = new double[count];
        double[] naiveBound = new double[count];
        double[] pairwiseBound = new double[count];
        double[] compensatedBound = new double[count];
        int zeros = 0;
        for (int i = 0; i < count; i++) {
            Point p = points.get(i);
            n[i] = p.n();
            naive[i] = positiveOrGap(p.naive());
            pairwise[i] = positiveOrGap(p.pairwise());
            compensated[i] = positiveOrGap(p.compensated());
            naiveBound[i] = positiveOrGap(p.naiveBound());
            pairwiseBound[i] = positiveOrGap(p.pairwiseBound());
            compensatedBound[i] = positiveOrGap(p.compensatedBound());
            zeros += (p.naive() == 0 ? 1 : 0) + (p.pairwise() == 0 ? 1 : 0) + (p.compensated() == 0 ? 1 : 0);
        }
        Chart chart = Chart.builder("Relative error of three sums against n, " + data + " terms")
                .x(Axis.log("number of terms n"))
                .y(Axis.log("relative error |ŝ − s| / |s|"))
                .add(new Series.Line("naive bound γₙ₋₁κ", n, naiveBound, Palette.dashed(Palette.RED, 1.2)))
                .add(new Series.Line(
                        "pairwise bound γₘκ, m = 127 + ⌈log₂(n/128)⌉",
                        n,
                        pairwiseBound,
                        Palette.dashed(Palette.BLUE, 1.2)))
                .add(new Series.Line(
                        "compensated bound 2u + γₙ₋₁²κ", n, compensatedBound, Palette.dashed(Palette.GREEN, 1.2)))
                .add(new Series.Line("naive", n, naive, Palette.solid(Palette.RED, 2.5)))
                .add(new Series.Line("pairwise", n, pairwise, Palette.solid(Palette.BLUE, 2.5)))
                .add(new Series.Line("compensated (Neumaier)", n, compensated, Palette.solid(Palette.GREEN, 2.5)))
                .build();

        List<List<Object>> rows = new ArrayList<>();
        for (Point p : points) {
            rows.add(List.of(
                    p.n(),
                    cell(p.kappa()),
                    cell(p.naive()),
                    cell(p.naiveBound()),
                    cell(p.pairwise()),
                    cell(p.pairwiseBound()),
                    cell(p.compensated()),
                    cell(p.compensatedBound())));
        }
        Table table = new Table(
                "Relative errors and bounds, " + data + " terms",
                List.of(
                        "n",
                        "κ",
                        "naive",
                        "naive bound",
                        "pairwise",
                        "pairwise bound",
                        "compensated",
                        "compensated bound"),
                rows);

        Point last = points.getLast();
        Result.Builder result = Result.builder().chart(chart).table(table);
        result.note("At $n = " + last.n() + "$ the condition number is $\\kappa = " + sci(last.kappa())
                + "$; relative errors: naive $" + sci(last.naive()) + "$, pairwise $" + sci(last.pairwise())
                + "$, compensated $" + sci(last.compensated()) + "$ (the unit roundoff is $u \\approx 1.1 \\times"
                + " 10^{-16}$).");
        result.note("The bounds are worst cases: each rounding error could have the same sign. Random rounding"
                + " errors partly cancel, so the naive error usually grows like $\\sqrt n\\, u\\kappa$ and stays far"
                + " below $nu\\kappa$. Pairwise summation adds blocks of " + Summation.PAIRWISE_BLOCK
                + " terms with the plain loop (as NumPy does), so up to $n = " + Summation.PAIRWISE_BLOCK
                + "$ it is the naive sum and its bound starts at $" + (Summation.PAIRWISE_BLOCK - 1)
                + "u\\kappa$ before growing like $\\log_2 n$.");
        if (data.equals("cancelling")) {
            result.note(
                    "Half the cancelling terms come in pairs $b_j$, $-b_j$ with $|b_j| \\le 10^{12}$, the other half"
                            + " are $c_i \\in [0, 1)$, all shuffled: the exact sum $\\sum c_i$ is about $n/4$ while"
                            + " $\\sum|x_i| \\approx n/4 \\cdot 10^{12}$."
                            + " Every addition to a running sum of size $10^{12}$ rounds away everything below"
                            + " $10^{-4}$, and the naive loop keeps those errors; the compensated sum collects them in its"
                            + " second variable and adds them back.");
        } else if (data.equals("mixed")) {
            result.note("Terms of both signs from $U(-1, 1)$: the sum is a random walk of size about"
                    + " $\\sqrt{n/3}$ while $\\sum|x_i| \\approx n/2$, so $\\kappa$ grows like $\\sqrt n$ and"
                    + " every bound grows with it.");
        } else {
            result.note("Positive terms cannot cancel: $\\kappa = 1$, and the bounds are $(n-1)u$, about"
                    + " $(127 + \\log_2(n/128))u$ and $2u$.");
        }
        if (zeros > 0) {
            result.note(zeros + " of the errors are exactly 0 (the sum happened to round to the exact value);"
                    + " a logarithmic axis cannot show 0, so those points are gaps.");
        }
        return result.build();
    }

    private static double positiveOrGap(double v) {
        return v > 0 && Double.isFinite(v) ? v : Double.NaN;
    }

    private static Object cell(double v) {
        return Double.isFinite(v) ? (Object) v : (Object) (Double.isNaN(v) ? "NaN" : "∞");
    }

    private static String sci(double v) {
        return Double.isFinite(v) ? Format.sci(v) : "\\infty";
    }
}
