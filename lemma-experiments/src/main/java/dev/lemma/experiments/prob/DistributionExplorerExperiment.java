package dev.lemma.experiments.prob;

import dev.lemma.experiments.Arguments;
import dev.lemma.experiments.Experiment;
import dev.lemma.experiments.Format;
import dev.lemma.experiments.Palette;
import dev.lemma.experiments.Parameter;
import dev.lemma.experiments.Progress;
import dev.lemma.experiments.Result;
import dev.lemma.experiments.Table;
import dev.lemma.prob.Bernoulli;
import dev.lemma.prob.Beta;
import dev.lemma.prob.Binomial;
import dev.lemma.prob.ChiSquared;
import dev.lemma.prob.ContinuousDistribution;
import dev.lemma.prob.DiscreteDistribution;
import dev.lemma.prob.Distribution;
import dev.lemma.prob.Exponential;
import dev.lemma.prob.FDistribution;
import dev.lemma.prob.Gamma;
import dev.lemma.prob.Geometric;
import dev.lemma.prob.Laplace;
import dev.lemma.prob.LogNormal;
import dev.lemma.prob.Normal;
import dev.lemma.prob.Poisson;
import dev.lemma.prob.StudentT;
import dev.lemma.prob.Uniform;
import dev.lemma.stats.Descriptive;
import dev.lemma.stats.HypothesisTests;
import dev.lemma.stats.Summary;
import dev.lemma.stats.TestResult;
import dev.lemma.viz.Axis;
import dev.lemma.viz.Chart;
import dev.lemma.viz.ColorScale;
import dev.lemma.viz.Series;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/// One distribution of `dev.lemma.prob`, chosen with its parameters, against a seeded sample of it: the
/// density (or mass) under the sample's histogram, the CDF beside the empirical CDF
/// $\hat F_n(x) = \frac1n\#\{i : X_i \le x\}$, and the theoretical mean, variance and entropy against the
/// sample's. The sample's entropy is the average surprise $-\frac1n\sum_i \log f(X_i)$, which tends to
/// $H = E[-\log f(X)]$ by the law of large numbers. For a continuous family the one-sample
/// Kolmogorov–Smirnov test ([HypothesisTests#ksOneSample]) says whether the sample is consistent with
/// the CDF, as it should be: its p-value is uniform on $[0, 1]$ when the sampler is right.
///
/// Every family takes at most two numbers, `a` and `b`, whose meaning the help line gives; a value the
/// family refuses is reported with the family's own message.
public final class DistributionExplorerExperiment implements Experiment {

    /// Points of the density and CDF curves of a continuous family.
    static final int GRID = 401;

    /// Bins of a continuous family's histogram.
    static final int BINS = 60;

    /// Integers shown at most for a discrete family.
    static final int MOST_VALUES = 400;

    /// The families, continuous first.
    static final List<String> FAMILIES = List.of(
            "normal",
            "uniform",
            "exponential",
            "gamma",
            "beta",
            "chi-squared",
            "student-t",
            "f",
            "log-normal",
            "laplace",
            "bernoulli",
            "binomial",
            "poisson",
            "geometric");

    /// The families that use `a` only.
    static final List<String> ONE_PARAMETER =
            List.of("exponential", "chi-squared", "student-t", "bernoulli", "poisson", "geometric");

    private static final List<Parameter> PARAMETERS = List.of(
            Parameter.choice(
                    "family", "Family", "the distribution; a and b mean different things for each", FAMILIES, "gamma"),
            Parameter.number(
                    "a",
                    "Parameter $a$",
                    "normal: mean μ; uniform: lower end; exponential: rate λ; gamma: shape k; beta: α;"
                            + " chi-squared: degrees of freedom; student-t: degrees of freedom ν; f: d₁; log-normal: μ"
                            + " of log X; laplace: location; bernoulli: p; binomial: trials n (whole); poisson: rate λ;"
                            + " geometric: p (counts trials up to the first success)",
                    -50,
                    200,
                    0.01,
                    2),
            Parameter.number(
                    "b",
                    "Parameter $b$",
                    "normal: standard deviation σ; uniform: upper end; gamma: scale θ; beta: β; f: d₂;"
                            + " log-normal: σ of log X; laplace: scale; binomial: p; unused by the others",
                    -50,
                    200,
                    0.01,
                    1.5),
            Parameter.integer("n", "Sample size $n$", "how many values are drawn", 10, 200_000, 2000),
            Parameter.seed(7));

    /// Creates the experiment.
    public DistributionExplorerExperiment() {}

    @Override
    public String id() {
        return "distribution-explorer";
    }

    @Override
    public String title() {
        return "Distribution explorer: density, CDF and a sample";
    }

    @Override
    public int chapter() {
        return 3;
    }

    @Override
    public String summary() {
        return "Choose a family and its parameters $a$, $b$: the density is drawn over the histogram of $n$"
                + " seeded draws, the CDF beside the sample's empirical CDF, and the table sets the mean, variance"
                + " and entropy against the sample's. Raise $n$ and watch the histogram settle on the curve."
                + " Try student-t with $a = 1$ (no mean) or $a = 2$ (no variance), or a beta with $a, b < 1$.";
    }

    @Override
    public String formula() {
        return "F(x) = P(X \\le x) = \\int_{-\\infty}^x f(t)\\,dt, \\quad \\hat F_n(x) = \\frac1n \\#\\{i : X_i \\le x\\},"
                + " \\quad H = E[-\\log f(X)] \\approx -\\frac1n \\sum_i \\log f(X_i)";
    }

    @Override
    public List<Parameter> parameters() {
        return PARAMETERS;
    }

    /// The distribution of `family` with parameters `a` and `b`.
    ///
    /// @throws IllegalArgumentException with the family's own message if it refuses the parameters
    static Distribution distribution(String family, double a, double b) {
        return switch (family) {
            case "normal" -> new Normal(a, b);
            case "uniform" -> new Uniform(a, b);
            case "exponential" -> new Exponential(a);
            case "gamma" -> new Gamma(a, b);
            case "beta" -> new Beta(a, b);
            case "chi-squared" -> new ChiSquared(a);
            case "student-t" -> new StudentT(a);
            case "f" -> new FDistribution(a, b);
            case "log-normal" -> new LogNormal(a, b);
            case "laplace" -> new Laplace(a, b);
            case "bernoulli" -> new Bernoulli(a);
            case "binomial" -> {
                // Binomial(n, p) takes a whole number of trials; a slider gives a real number.
                if (a != Math.rint(a)) {
                    throw new IllegalArgumentException(
                            "Binomial: the number of trials n = a must be a whole number, got " + a);
                }
                yield new Binomial((int) a, b);
            }
            case "poisson" -> new Poisson(a);
            case "geometric" -> new Geometric(a);
            default -> throw new IllegalArgumentException("unknown family " + family);
        };
    }

    @Override
    public Result run(Arguments arguments, Progress progress) {
        String family = arguments.choice("family");
        double a = arguments.number("a");
        double b = arguments.number("b");
        int n = arguments.integer("n");
        Distribution d;
        try {
            d = distribution(family, a, b);
        } catch (IllegalArgumentException e) {
            return refused(family, a, b, e.getMessage());
        }
        double[] x = d.sample(new SplittableRandom(arguments.seed("seed")), n);
        progress.report(0.5, "drawn " + n + " values");
        Result.Builder result = Result.builder();
        switch (d) {
            case ContinuousDistribution c -> continuous(c, family, x, result);
            case DiscreteDistribution k -> discrete(k, family, x, result);
        }
        result.table(moments(d, x));
        if (ONE_PARAMETER.contains(family)) {
            result.note("The " + family + " family has one parameter, $a$; $b$ is not used.");
        }
        if (!Double.isFinite(d.mean())) {
            result.note("This distribution has no mean: $E|X| = \\infty$, so the sample mean does not settle as"
                    + " $n$ grows (the law of large numbers needs $E|X| < \\infty$) and the sample variance is"
                    + " meaningless too. Rerun with other seeds and watch them jump.");
        } else if (!Double.isFinite(d.variance())) {
            result.note("This distribution has a mean but an infinite variance: the sample mean converges, slowly,"
                    + " while the sample variance grows without bound as $n$ grows.");
        }
        return result.build();
    }

    /// Whether `family` accepts `a` and `b`: the library's own checks decide.
    static boolean accepts(String family, double a, double b) {
        try {
            distribution(family, a, b);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /// The result of a refused choice: the family's message, and a map of the $(a, b)$ plane around the
    /// choice showing where the family's constructor accepts its parameters and where it refuses them.
    static Result refused(String family, double a, double b, String message) {
        double[] as = axis(Math.min(-1, a - 1), Math.max(3, a + 1));
        double[] bs = axis(Math.min(-1, b - 1), Math.max(3, b + 1));
        double[][] z = new double[bs.length][as.length];
        for (int i = 0; i < bs.length; i++) {
            for (int j = 0; j < as.length; j++) {
                z[i][j] = accepts(family, as[j], bs[i]) ? 1 : 0;
            }
        }
        Chart map = Chart.builder("Where the " + family + " family accepts its parameters")
                .x(Axis.range("a", as[0], as[as.length - 1]))
                .y(Axis.range("b", bs[0], bs[bs.length - 1]))
                .add(new Series.Heatmap("accepted (yellow, 1) or refused (dark, 0)", as, bs, z, ColorScale.VIRIDIS))
                .add(new Series.Scatter(
                        "your choice (refused)",
                        new double[] {a},
                        new double[] {b},
                        List.of(),
                        Palette.solid(Palette.RED, 12)))
                .build();
        Table table = new Table(
                "Refused parameters",
                List.of("family", "a", "b", "message"),
                List.<List<Object>>of(List.of(family, a, b, message)));
        return Result.builder()
                .chart(map)
                .table(table)
                .note("The " + family + " family refuses $a = " + Format.num(a) + "$, $b = " + Format.num(b) + "$: \""
                        + message + "\". The map shows, around your choice, the parameters its constructor accepts"
                        + " (yellow) and refuses (dark); the help line of $a$ and $b$ says what each means for this"
                        + " family.")
                .build();
    }

    /// Grid points from `lo` to `hi` (about 80) in a step of 0.05, 0.1, 0.25, 0.5, 1, 2 or 5 starting at a
    /// whole number, so that whole numbers (a binomial's trials) fall on the grid.
    private static double[] axis(double lo, double hi) {
        double from = Math.floor(lo);
        double to = Math.ceil(hi);
        double step = 5;
        for (double s : new double[] {0.05, 0.1, 0.25, 0.5, 1, 2}) {
            if ((to - from) / s <= 80) {
                step = s;
                break;
            }
        }
        int count = (int) Math.round((to - from) / step) + 1;
        double[] x = new double[count];
        for (int i = 0; i < count; i++) {
            x[i] = from + i * step;
        }
        return x;
    }

    /// The window of a continuous family's charts: the support where it is finite, otherwise six
    /// interquartile ranges either side of the median, cut to the 0.05 % and 99.95 % quantiles, so that
    /// heavy tails (Cauchy's) do not squash the body of the density into a spike.
    static double[] window(ContinuousDistribution c) {
        double median = c.quantile(0.5);
        double iqr = c.quantile(0.75) - c.quantile(0.25);
        double lo = Double.isFinite(c.supportLowerBound())
                ? c.supportLowerBound()
                : Math.max(c.quantile(0.0005), median - 6 * iqr);
        double hi = Double.isFinite(c.supportUpperBound())
                ? c.supportUpperBound()
                : Math.min(c.quantile(0.9995), median + 6 * iqr);
        return new double[] {lo, hi};
    }

    private static void continuous(ContinuousDistribution c, String family, double[] x, Result.Builder result) {
        double[] w = window(c);
        double lo = w[0];
        double hi = w[1];
        int n = x.length;
        double[] sorted = x.clone();
        Arrays.sort(sorted);
        double[] grid = new double[GRID];
        double[] pdf = new double[GRID];
        double[] cdf = new double[GRID];
        double[] ecdf = new double[GRID];
        for (int i = 0; i < GRID; i++) {
            grid[i] = lo + (hi - lo) * i / (GRID - 1);
            double f = c.pdf(grid[i]);
            pdf[i] = Double.isFinite(f) ? f : Double.NaN; // a density may be infinite at an end (beta, χ²₁)
            cdf[i] = c.cdf(grid[i]);
            ecdf[i] = atMost(sorted, grid[i]) / (double) n;
        }
        double[] edges = new double[BINS + 1];
        for (int i = 0; i <= BINS; i++) {
            edges[i] = lo + (hi - lo) * i / BINS;
        }
        double width = (hi - lo) / BINS;
        double[] density = new double[BINS];
        int outside = 0;
        for (double v : x) {
            int bin = (int) Math.floor((v - lo) / width);
            if (v == hi) {
                bin = BINS - 1;
            }
            if (bin >= 0 && bin < BINS) {
                density[bin] += 1 / (n * width);
            } else {
                outside++;
            }
        }
        String name = describe(family, c);
        result.chart(Chart.builder("Density of " + name + " and a histogram of " + n + " draws")
                .x(Axis.range("x", lo, hi))
                .y(Axis.of("density"))
                .add(new Series.Histogram(
                        "sample of " + n + " (density scale)", edges, density, Palette.solid(Palette.BLUE, 1)))
                .add(new Series.Line("density f(x)", grid, pdf, Palette.solid(Palette.RED, 2.5)))
                .build());
        result.chart(Chart.builder("CDF of " + name + " and the empirical CDF")
                .x(Axis.range("x", lo, hi))
                .y(Axis.range("P(X ≤ x)", 0, 1))
                .add(new Series.Line("empirical CDF F̂ₙ(x)", grid, ecdf, Palette.solid(Palette.BLUE, 2.5)))
                .add(new Series.Line("CDF F(x)", grid, cdf, Palette.dashed(Palette.RED, 2)))
                .build());
        TestResult ks = HypothesisTests.ksOneSample(x, c::cdf);
        result.note("The histogram is scaled to unit area (count over $n$ times the bin width), so it estimates"
                + " the density; each bar's relative error is about $1/\\sqrt{\\text{count}}$, so quadrupling $n$"
                + " halves the scatter. The empirical CDF is within $D = \\sup_x |\\hat F_n(x) - F(x)| = "
                + Format.num(ks.statistic()) + "$ of the CDF everywhere; the Kolmogorov–Smirnov test gives $p = "
                + Format.num(ks.pValue()) + "$, and with a correct sampler $p$ is uniform on $[0, 1]$: a seed with"
                + " $p < 0.05$ turns up once in twenty.");
        if (outside > 0) {
            result.note(outside + " of the " + n + " draws lie outside the window $[" + Format.num(lo) + ", "
                    + Format.num(hi) + "]$ drawn here (heavy tails); they count in the table and in $\\hat F_n$.");
        }
    }

    private static void discrete(DiscreteDistribution k, String family, double[] x, Result.Builder result) {
        int lo = (int) k.quantile(0.0005);
        int hi = Math.min((int) k.quantile(0.9995), lo + MOST_VALUES - 1);
        int values = hi - lo + 1;
        int n = x.length;
        double[] frequency = new double[values];
        int outside = 0;
        for (double v : x) {
            int i = (int) v - lo;
            if (i >= 0 && i < values) {
                frequency[i] += 1.0 / n;
            } else {
                outside++;
            }
        }
        double[] edges = new double[values + 1];
        double[] ks = new double[values];
        double[] mass = new double[values];
        for (int i = 0; i < values; i++) {
            edges[i] = lo + i - 0.5;
            ks[i] = lo + i;
            mass[i] = k.pmf(lo + i);
        }
        edges[values] = hi + 0.5;
        // The CDFs as staircases: flat from k to k + 1, rising at each integer.
        double[] sx = new double[2 * values + 2];
        double[] sf = new double[2 * values + 2];
        double[] se = new double[2 * values + 2];
        double below = k.cdf(lo - 1);
        double counted = 0;
        for (double v : x) {
            counted += v < lo ? 1.0 / n : 0;
        }
        sx[0] = lo - 1;
        sf[0] = below;
        se[0] = counted;
        double gap = 0;
        for (int i = 0; i < values; i++) {
            sx[2 * i + 1] = lo + i;
            sf[2 * i + 1] = sf[2 * i];
            se[2 * i + 1] = se[2 * i];
            sx[2 * i + 2] = lo + i;
            sf[2 * i + 2] = k.cdf(lo + i);
            se[2 * i + 2] = se[2 * i] + frequency[i];
            gap = Math.max(gap, Math.abs(sf[2 * i + 2] - se[2 * i + 2]));
        }
        sx[2 * values + 1] = hi + 1;
        sf[2 * values + 1] = sf[2 * values];
        se[2 * values + 1] = se[2 * values];
        String name = describe(family, k);
        result.chart(Chart.builder("Mass function of " + name + " and the frequencies of " + n + " draws")
                .x(Axis.range("k", lo - 1, hi + 1))
                .y(Axis.of("probability"))
                .add(new Series.Histogram("frequency in the sample", edges, frequency, Palette.solid(Palette.BLUE, 1)))
                .add(new Series.Scatter("mass p(k)", ks, mass, List.of(), Palette.solid(Palette.RED, 9)))
                .build());
        result.chart(Chart.builder("CDF of " + name + " and the empirical CDF")
                .x(Axis.range("k", lo - 1, hi + 1))
                .y(Axis.range("P(X ≤ k)", 0, 1))
                .add(new Series.Line("empirical CDF F̂ₙ(k)", sx, se, Palette.solid(Palette.BLUE, 2.5)))
                .add(new Series.Line("CDF F(k)", sx, sf, Palette.dashed(Palette.RED, 2)))
                .build());
        result.note("Each bar is the fraction of the " + n + " draws equal to $k$, an estimate of $p(k)$ with"
                + " standard error $\\sqrt{p(k)(1 - p(k))/n}$. The CDF of a discrete distribution is a staircase"
                + " that jumps by $p(k)$ at each $k$; the largest gap between it and the sample's is $"
                + Format.num(gap) + "$, of order $1/\\sqrt n = " + Format.num(1 / Math.sqrt(n)) + "$.");
        if (outside > 0) {
            result.note(outside + " of the " + n + " draws lie outside the values drawn here; they count in the"
                    + " table.");
        }
    }

    /// The number of sorted values $\le v$.
    private static int atMost(double[] sorted, double v) {
        int i = Arrays.binarySearch(sorted, v);
        if (i < 0) {
            return -i - 1;
        }
        while (i + 1 < sorted.length && sorted[i + 1] == v) {
            i++;
        }
        return i + 1;
    }

    /// Theory against the sample: mean, variance, standard deviation, median and entropy.
    static Table moments(Distribution d, double[] x) {
        Summary s = Summary.of(x);
        double surprise = 0;
        for (double v : x) {
            surprise -= switch (d) {
                case ContinuousDistribution c -> c.logPdf(v);
                case DiscreteDistribution k -> k.logPmf((int) v);
            };
        }
        surprise /= x.length;
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("mean", cell(d.mean()), s.mean()));
        rows.add(List.of("variance", cell(d.variance()), s.variance()));
        rows.add(List.of("standard deviation", cell(d.standardDeviation()), s.standardDeviation()));
        rows.add(List.of("median", d.quantile(0.5), Descriptive.median(x)));
        rows.add(List.of("entropy (nats); sample: −mean log f(Xᵢ)", cell(d.entropy()), surprise));
        return new Table("Theory against a sample of " + x.length, List.of("quantity", "theory", "sample"), rows);
    }

    private static Object cell(double v) {
        if (Double.isNaN(v)) {
            return "undefined";
        }
        return Double.isInfinite(v) ? (v > 0 ? "∞" : "−∞") : (Object) v;
    }

    /// The family with its parameters, as a title names it.
    static String describe(String family, Distribution d) {
        String s = d.toString();
        return s.isEmpty() ? family : s;
    }
}
