package dev.lemma.experiments.stats;

import dev.lemma.experiments.Arguments;
import dev.lemma.experiments.Experiment;
import dev.lemma.experiments.Format;
import dev.lemma.experiments.Palette;
import dev.lemma.experiments.Parameter;
import dev.lemma.experiments.Progress;
import dev.lemma.experiments.Result;
import dev.lemma.experiments.Table;
import dev.lemma.prob.ContinuousDistribution;
import dev.lemma.stats.ConfidenceIntervals;
import dev.lemma.stats.ConfidenceIntervals.Interval;
import dev.lemma.stats.Summary;
import dev.lemma.viz.Axis;
import dev.lemma.viz.Chart;
import dev.lemma.viz.Series;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/// What "95 % confidence" means: [#INTERVALS] samples of size $n$ from a known population, each with
/// its confidence interval for the mean ([ConfidenceIntervals#tMean], [ConfidenceIntervals#bootstrapPercentile]
/// or [ConfidenceIntervals#bootstrapBca]), drawn as horizontal segments against the true mean $\mu$.
///
/// The number of intervals that miss $\mu$ is binomial with $N = 100$ trials and probability $1 - c'$,
/// where $c'$ is the procedure's actual coverage: for the t interval on normal data $c' = c$ exactly
/// (because $(\bar x - \mu)/(s/\sqrt n)$ has Student's t distribution with $n - 1$ degrees of freedom),
/// for skewed data only as $n \to \infty$ (the central limit theorem), and the bootstrap intervals are
/// approximate for every population.
///
/// References: B. Efron and R. J. Tibshirani, *An Introduction to the Bootstrap*, Chapman & Hall, 1993,
/// chapters 12–14; L. Wasserman, *All of Statistics*, Springer 2004, §6.3.2.
public final class ConfidenceCoverageExperiment implements Experiment {

    /// Intervals drawn: 100, so that the count of misses reads as a percentage.
    static final int INTERVALS = 100;

    /// Bootstrap resamples per interval: 1000, Efron and Tibshirani's order of magnitude for a 90–95 %
    /// interval (§19.3), and cheap enough for 100 intervals of 200 values.
    static final int RESAMPLES = 1000;

    static final List<String> METHODS = List.of("t", "percentile", "bca");

    private static final List<Parameter> PARAMETERS = List.of(
            Populations.parameter("exponential"),
            Parameter.integer("n", "Sample size $n$", "values in each of the 100 samples", 2, 200, 10),
            Parameter.choice(
                    "method",
                    "Interval",
                    "t: mean ± t quantile × s/√n; percentile: quantiles of 1000 bootstrap means; bca: the"
                            + " bias-corrected and accelerated bootstrap",
                    METHODS,
                    "t"),
            Parameter.number(
                    "confidence", "Confidence $c$", "the nominal coverage of each interval", 0.5, 0.99, 0.01, 0.95),
            Parameter.seed(4));

    /// Creates the experiment.
    public ConfidenceCoverageExperiment() {}

    @Override
    public String id() {
        return "confidence-coverage";
    }

    @Override
    public String title() {
        return "A hundred confidence intervals: how many miss?";
    }

    @Override
    public int chapter() {
        return 4;
    }

    @Override
    public String summary() {
        return "Draws 100 samples from a population whose mean is known, computes a confidence interval from"
                + " each, and marks in red the ones that miss the true mean. About $100(1 - c)$ should miss."
                + " With normal data the t interval is exact at any $n$; try the log-normal at $n = 5$, where"
                + " it misses far more often than it promises, then raise $n$ and watch the coverage recover.";
    }

    @Override
    public String formula() {
        return "\\bar x \\pm t_{(1+c)/2,\\,n-1}\\,\\frac{s}{\\sqrt n}, \\qquad P\\bigl(\\mu \\in"
                + " [L, U]\\bigr) = c, \\qquad \\#\\text{misses} \\sim \\operatorname{Bin}(100, 1 - c)";
    }

    @Override
    public List<Parameter> parameters() {
        return PARAMETERS;
    }

    /// The intervals of one run, in the order drawn, and the true mean they aim at.
    @SuppressWarnings("ArrayRecordComponent") // built and read here only, never compared
    record Coverage(List<Interval> intervals, double[] means, double trueMean) {
        int misses() {
            int m = 0;
            for (Interval i : intervals) {
                if (!i.contains(trueMean)) {
                    m++;
                }
            }
            return m;
        }

        /// The intervals that lie entirely below the true mean (the rest of the misses lie above it).
        int missesBelow() {
            int m = 0;
            for (Interval i : intervals) {
                if (i.upper() < trueMean) {
                    m++;
                }
            }
            return m;
        }
    }

    /// Draws the samples and their intervals.
    static Coverage intervals(
            ContinuousDistribution population, int n, String method, double confidence, long seed, Progress progress) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<Interval> intervals = new ArrayList<>();
        double[] means = new double[INTERVALS];
        for (int k = 0; k < INTERVALS; k++) {
            if (k % 10 == 0) {
                progress.report((double) k / INTERVALS, "interval " + (k + 1) + " of " + INTERVALS);
            }
            double[] x = population.sample(rng, n);
            means[k] = Summary.of(x).mean();
            intervals.add(
                    switch (method) {
                        case "t" -> ConfidenceIntervals.tMean(x, confidence);
                        case "percentile" ->
                            ConfidenceIntervals.bootstrapPercentile(
                                    x, v -> Summary.of(v).mean(), RESAMPLES, confidence, rng);
                        default -> bca(x, confidence, rng);
                    });
        }
        return new Coverage(intervals, means, population.mean());
    }

    /// The BCa interval; at $n = 2$ every resampled mean can fall on one side of $\bar x$ (no bias
    /// correction exists), and the interval collapses to the point $\bar x$, which misses.
    private static Interval bca(double[] x, double confidence, SplittableRandom rng) {
        try {
            return ConfidenceIntervals.bootstrapBca(x, v -> Summary.of(v).mean(), RESAMPLES, confidence, rng);
        } catch (ArithmeticException e) {
            double mean = Summary.of(x).mean();
            return new Interval(mean, mean, confidence, "bootstrap BCa (undefined)");
        }
    }

    @Override
    public Result run(Arguments arguments, Progress progress) {
        String name = arguments.choice("distribution");
        int n = arguments.integer("n");
        String method = arguments.choice("method");
        double c = arguments.number("confidence");
        ContinuousDistribution population = Populations.of(name);
        Coverage coverage = intervals(population, n, method, c, arguments.seed("seed"), progress);
        double mu = coverage.trueMean();
        int misses = coverage.misses();

        List<Double> hitX = new ArrayList<>();
        List<Double> hitY = new ArrayList<>();
        List<Double> missX = new ArrayList<>();
        List<Double> missY = new ArrayList<>();
        double widths = 0;
        int undefined = 0;
        for (int k = 0; k < INTERVALS; k++) {
            Interval i = coverage.intervals().get(k);
            widths += i.width();
            undefined += i.method().endsWith("(undefined)") ? 1 : 0;
            boolean hit = i.contains(mu);
            List<Double> xs = hit ? hitX : missX;
            List<Double> ys = hit ? hitY : missY;
            xs.add(i.lower()); // a segment, then a NaN to lift the pen
            ys.add(k + 1.0);
            xs.add(i.upper());
            ys.add(k + 1.0);
            xs.add(i.upper());
            ys.add(Double.NaN);
        }
        String label = switch (method) {
            case "t" -> "t interval";
            case "percentile" -> "bootstrap percentile interval";
            default -> "bootstrap BCa interval";
        };
        Chart.Builder chart = Chart.builder(INTERVALS + " " + Format.num(100 * c) + " % " + label + "s, n = " + n + ", "
                        + name + " data: " + misses + " miss")
                .x(Axis.of("value"))
                .y(Axis.range("sample", 0, INTERVALS + 1))
                .add(new Series.Line(
                        "intervals containing μ (" + (INTERVALS - misses) + ")",
                        array(hitX),
                        array(hitY),
                        Palette.solid(Palette.BLUE, 2)));
        if (misses > 0) {
            chart.add(new Series.Line(
                    "intervals missing μ (" + misses + ")", array(missX), array(missY), Palette.solid(Palette.RED, 2)));
        }
        double[] index = new double[INTERVALS];
        for (int k = 0; k < INTERVALS; k++) {
            index[k] = k + 1;
        }
        chart.add(new Series.Scatter("sample means", coverage.means(), index, List.of(), Palette.solid("#000000", 3)));
        chart.add(new Series.Line(
                "true mean μ = " + Format.num(mu),
                new double[] {mu, mu},
                new double[] {0, INTERVALS + 1},
                Palette.dashed("#000000", 1.5)));

        double observed = (double) (INTERVALS - misses) / INTERVALS;
        double se = Math.sqrt(c * (1 - c) / INTERVALS);
        double expectedMisses = INTERVALS * (1 - c);
        double missSd = Math.sqrt(INTERVALS * c * (1 - c));
        Table table = new Table(
                "Coverage of " + INTERVALS + " intervals",
                List.of("quantity", "value"),
                List.of(
                        List.of("intervals", INTERVALS),
                        List.of("intervals missing μ", misses),
                        List.of("… lying below μ", coverage.missesBelow()),
                        List.of("… lying above μ", misses - coverage.missesBelow()),
                        List.of(
                                "expected misses 100(1 − c) ± its binomial sd",
                                Format.num(expectedMisses) + " ± " + Format.num(missSd)),
                        List.of("nominal coverage c", c),
                        List.of("observed coverage", observed),
                        List.of("binomial standard error √(c(1 − c)/100)", se),
                        List.of("observed − nominal, in standard errors", se == 0 ? 0.0 : (observed - c) / se),
                        List.of("mean interval width", widths / INTERVALS)));

        Result.Builder result = Result.builder().chart(chart.build()).table(table);
        result.note(misses + " of the " + INTERVALS + " intervals miss the true mean $\\mu = " + Format.num(mu)
                + "$ of " + Populations.describe(name) + ". If the procedure has coverage exactly $c = "
                + Format.num(c) + "$, the number of misses is binomial with mean $" + Format.num(expectedMisses)
                + "$ and standard deviation $\\sqrt{100\\,c(1-c)} = " + Format.num(missSd) + "$; the observed"
                + " coverage is $" + Format.num(observed) + "$, " + Format.num(Math.abs(observed - c) / se)
                + " standard errors from $c$"
                + (Math.abs(observed - c) > 2 * se
                        ? ", more than chance usually explains."
                        : ", within what chance alone explains."));
        String percent = Format.num(100 * c) + " %";
        result.note("Each interval is a random object and $\\mu$ is fixed: \"" + percent + "\" is a property of"
                + " the procedure (" + percent + " of the intervals it produces contain $\\mu$), not of one"
                + " interval, which either contains $\\mu$ or does not.");
        if (method.equals("t")) {
            if (name.equals("normal")) {
                result.note("For normal data $(\\bar x - \\mu)/(s/\\sqrt n)$ has exactly Student's t distribution"
                        + " with $n - 1$ degrees of freedom, so the t interval's coverage is exactly $c$ at every $n$,"
                        + " even $n = 2$.");
            } else if (name.equals("uniform")) {
                result.note("Uniform data are not normal, but symmetric with light tails: $\\bar x$ is nearly normal"
                        + " already at small $n$ and the t interval's coverage stays close to $c$ (the central limit"
                        + " theorem at work). Skewed populations are where it fails: try the log-normal.");
            } else {
                result.note("For skewed data the t interval is only approximate: $\\bar x$ and $s$ are correlated and"
                        + " $(\\bar x - \\mu)/(s/\\sqrt n)$ is skewed, so at small $n$ the intervals miss more often"
                        + " than promised, mostly on one side (for a right-skewed population, the intervals that miss"
                        + " lie below $\\mu$). The central limit theorem restores the coverage as $n$ grows, slowly"
                        + " for the log-normal.");
            }
        } else {
            result.note("The bootstrap intervals resample each sample " + RESAMPLES + " times and read the"
                    + " quantiles of the resampled means: they assume nothing about the population, but are"
                    + " approximate at every $n$ and too narrow at small $n$ (the resamples never range wider"
                    + " than the sample itself). BCa corrects the percentile interval's bias and skewness and"
                    + " is second-order accurate, which shows as $n$ grows.");
        }
        if (undefined > 0) {
            result.note(undefined + " of the BCa intervals are undefined: every resampled mean fell on one side"
                    + " of $\\bar x$, so the bias correction $z_0 = \\Phi^{-1}(0)$ is infinite. They are drawn"
                    + " as the single point $\\bar x$, which misses.");
        }
        return result.build();
    }

    private static double[] array(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
