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
import dev.lemma.stats.Descriptive;
import dev.lemma.stats.Summary;
import dev.lemma.viz.Axis;
import dev.lemma.viz.Chart;
import dev.lemma.viz.Series;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/// The bootstrap: one sample of size $n$ stands in for the population, and the statistic recomputed on
/// $B$ resamples drawn from it with replacement ([ConfidenceIntervals#bootstrap]) imitates the
/// statistic's sampling distribution. The histogram of the replicates is drawn beside the true sampling
/// distribution, found by drawing [#TRUE_SAMPLES] fresh samples from the population (which only a
/// simulation can do), with the estimate, the percentile and BCa intervals and the population's value
/// marked.
///
/// The bootstrap standard error $\mathrm{sd}(\theta^*_b)$ estimates the true one; how well depends on
/// the statistic: for the mean it is $\hat\sigma\sqrt{(n-1)}/n$ for large $B$ (the plug-in estimate of
/// $\sigma/\sqrt n$), for the median of a small sample it is lumpy, because the replicates take only
/// the few values of the sample's middle order statistics.
///
/// References: B. Efron and R. J. Tibshirani, *An Introduction to the Bootstrap*, Chapman & Hall, 1993,
/// chapters 6 (standard errors), 13 (percentile) and 14 (BCa); L. Wasserman, *All of Statistics*,
/// Springer 2004, chapter 8.
public final class BootstrapDistributionExperiment implements Experiment {

    /// Fresh samples drawn from the population for the true sampling distribution: 4000 give its
    /// standard deviation to about 1.1 % ($1/\sqrt{2 \cdot 4000}$).
    static final int TRUE_SAMPLES = 4000;

    /// The fraction cut from each end by the trimmed mean: 10 %, a common robust choice.
    static final double TRIM = 0.1;

    /// Points of the midpoint rule for the population's trimmed mean $\frac{1}{1-2a}\int_a^{1-a}
    /// F^{-1}(u)\,du$.
    static final int QUADRATURE_POINTS = 20_000;

    /// The fraction of the true sampling distribution that may fall outside the histogram at each end.
    static final double TAIL = 0.005;

    /// Bins of the histograms.
    static final int BINS = 50;

    static final List<String> STATISTICS = List.of("mean", "median", "sd", "trimmed-mean");

    private static final List<Parameter> PARAMETERS = List.of(
            Populations.parameter("exponential"),
            Parameter.choice(
                    "statistic",
                    "Statistic",
                    "mean; median; sd, the sample standard deviation; trimmed-mean, the mean of the middle 80 %",
                    STATISTICS,
                    "median"),
            Parameter.integer("n", "Sample size $n$", "the size of the one observed sample", 5, 500, 30),
            Parameter.integer(
                    "resamples", "Resamples $B$", "bootstrap resamples drawn from the sample", 200, 20_000, 2000),
            Parameter.number("confidence", "Confidence $c$", "the level of the two intervals", 0.8, 0.99, 0.01, 0.95),
            Parameter.seed(6));

    /// Creates the experiment.
    public BootstrapDistributionExperiment() {}

    @Override
    public String id() {
        return "bootstrap-distribution";
    }

    @Override
    public String title() {
        return "The bootstrap distribution against the true sampling distribution";
    }

    @Override
    public int chapter() {
        return 4;
    }

    @Override
    public String summary() {
        return "Resamples one sample with replacement $B$ times and draws the histogram of a statistic over the"
                + " resamples, beside its true sampling distribution (from fresh samples of the population). The"
                + " bootstrap is centred on the estimate, not on the truth, but its spread estimates the true"
                + " standard error. Try the median at $n = 10$ (a lumpy bootstrap), the standard deviation of"
                + " log-normal data (too narrow), and watch the BCa interval move away from the percentile one.";
    }

    @Override
    public String formula() {
        return "\\hat\\theta^*_b = s(x^*_b),\\ x^*_b \\sim \\hat F_n, \\qquad \\widehat{\\mathrm{se}}_{\\text{boot}}"
                + " = \\sqrt{\\tfrac{1}{B-1}\\textstyle\\sum_b (\\hat\\theta^*_b - \\bar\\theta^*)^2}, \\qquad"
                + " [\\hat\\theta^*_{(\\alpha/2)},\\ \\hat\\theta^*_{(1-\\alpha/2)}]";
    }

    @Override
    public List<Parameter> parameters() {
        return PARAMETERS;
    }

    /// The statistic of a name in [#STATISTICS]; none modifies its argument.
    static ToDoubleFunction<double[]> statistic(String name) {
        return switch (name) {
            case "mean" -> x -> Summary.of(x).mean();
            case "median" -> Descriptive::median;
            case "sd" -> x -> Summary.of(x).standardDeviation();
            case "trimmed-mean" -> BootstrapDistributionExperiment::trimmedMean;
            default -> throw new IllegalArgumentException("unknown statistic " + name);
        };
    }

    /// The mean of the sorted values left after cutting $\lfloor a n \rfloor$ from each end, $a$ =
    /// [#TRIM] (SciPy's `trim_mean`).
    static double trimmedMean(double[] x) {
        double[] sorted = x.clone();
        Arrays.sort(sorted);
        int cut = (int) Math.floor(TRIM * sorted.length);
        return Summary.of(Arrays.copyOfRange(sorted, cut, sorted.length - cut)).mean();
    }

    /// The statistic's value in the population, where it is a property of the population: the mean,
    /// the median $F^{-1}(\frac12)$, the trimmed mean $\frac{1}{1-2a}\int_a^{1-a} F^{-1}(u)\,du$; for the
    /// sample standard deviation, the population's $\sigma$ (which $s$ underestimates slightly).
    static double populationValue(ContinuousDistribution population, String statistic) {
        return switch (statistic) {
            case "mean" -> population.mean();
            case "median" -> population.quantile(0.5);
            case "sd" -> population.standardDeviation();
            default -> {
                double h = (1 - 2 * TRIM) / QUADRATURE_POINTS;
                double sum = 0;
                for (int i = 0; i < QUADRATURE_POINTS; i++) {
                    sum += population.quantile(TRIM + (i + 0.5) * h);
                }
                yield sum * h / (1 - 2 * TRIM);
            }
        };
    }

    /// What one run computes.
    ///
    /// @param sample the observed sample
    /// @param estimate the statistic on it
    /// @param replicates the $B$ bootstrap replicates
    /// @param sampling the statistic on [#TRUE_SAMPLES] fresh samples
    /// @param percentile the percentile interval, from the same replicates
    /// @param bca the BCa interval, from the same replicates, or null where it is undefined
    @SuppressWarnings("ArrayRecordComponent") // built and read here only, never compared
    record Bootstrap(
            double[] sample,
            double estimate,
            double[] replicates,
            double[] sampling,
            Interval percentile,
            Interval bca) {}

    static Bootstrap compute(
            ContinuousDistribution population,
            String statisticName,
            int n,
            int resamples,
            double confidence,
            long seed,
            Progress progress) {
        ToDoubleFunction<double[]> statistic = statistic(statisticName);
        SplittableRandom rng = new SplittableRandom(seed);
        double[] x = population.sample(rng, n);
        long resampleSeed = rng.nextLong();
        progress.report(0.05, "bootstrap");
        // Each interval gets a generator in the same state, so that all three see the same replicates.
        double[] replicates =
                ConfidenceIntervals.bootstrap(x, statistic, resamples, new SplittableRandom(resampleSeed));
        Interval percentile = ConfidenceIntervals.bootstrapPercentile(
                x, statistic, resamples, confidence, new SplittableRandom(resampleSeed));
        Interval bca;
        try {
            bca = ConfidenceIntervals.bootstrapBca(
                    x, statistic, resamples, confidence, new SplittableRandom(resampleSeed));
        } catch (ArithmeticException e) {
            bca = null;
        }
        progress.report(0.6, "the true sampling distribution");
        double[] sampling = new double[TRUE_SAMPLES];
        double[] fresh = new double[n];
        for (int s = 0; s < TRUE_SAMPLES; s++) {
            for (int i = 0; i < n; i++) {
                fresh[i] = population.sample(rng);
            }
            sampling[s] = statistic.applyAsDouble(fresh);
        }
        return new Bootstrap(x, statistic.applyAsDouble(x), replicates, sampling, percentile, bca);
    }

    @Override
    public Result run(Arguments arguments, Progress progress) {
        String name = arguments.choice("distribution");
        String statisticName = arguments.choice("statistic");
        int n = arguments.integer("n");
        int resamples = arguments.integer("resamples");
        double c = arguments.number("confidence");
        ContinuousDistribution population = Populations.of(name);
        Bootstrap b = compute(population, statisticName, n, resamples, c, arguments.seed("seed"), progress);
        double truth = populationValue(population, statisticName);
        Summary boot = Summary.of(b.replicates());
        Summary sampling = Summary.of(b.sampling());

        // Both histograms on the same bins, as densities, so that their shapes compare. The bins span all
        // of the bootstrap replicates but only the middle 99 % of the true sampling distribution: for the
        // standard deviation of log-normal data its far tail would squash everything else into a few bins.
        double lo = Math.min(boot.min(), Descriptive.quantile(b.sampling(), TAIL));
        double hi = Math.max(boot.max(), Descriptive.quantile(b.sampling(), 1 - TAIL));
        if (hi == lo) {
            lo -= 0.5;
            hi += 0.5;
        }
        double[] edges = new double[BINS + 1];
        for (int i = 0; i <= BINS; i++) {
            edges[i] = lo + (hi - lo) * i / BINS;
        }
        int outside = 0;
        for (double v : b.sampling()) {
            outside += v < lo || v > hi ? 1 : 0;
        }
        double[] bootDensity = density(b.replicates(), edges);
        double[] samplingDensity = density(b.sampling(), edges);
        double top = 0;
        for (int i = 0; i < BINS; i++) {
            top = Math.max(top, Math.max(bootDensity[i], samplingDensity[i]));
        }
        top *= 1.05;
        String label = switch (statisticName) {
            case "sd" -> "standard deviation";
            case "trimmed-mean" -> "10 % trimmed mean";
            default -> statisticName;
        };
        Chart.Builder chart = Chart.builder("Bootstrap distribution of the " + label + ", n = " + n + ", " + name
                        + " data, B = " + resamples)
                .x(Axis.of("sample " + label))
                .y(Axis.range("density", 0, top))
                .add(new Series.Histogram(
                        "true sampling distribution (" + TRUE_SAMPLES + " fresh samples)",
                        edges,
                        samplingDensity,
                        Palette.solid(Palette.LIGHT_GREY, 0)))
                .add(new Series.Histogram(
                        "bootstrap distribution (" + resamples + " resamples of one sample)",
                        edges,
                        bootDensity,
                        Palette.solid(Palette.BLUE, 0)));
        chart.add(vertical(
                "estimate θ̂ = " + Format.num(b.estimate()), b.estimate(), top, Palette.solid("#000000", 2.5)));
        chart.add(vertical("population value θ = " + Format.num(truth), truth, top, Palette.dotted("#000000", 2.5)));
        chart.add(interval("percentile interval", b.percentile(), top, Palette.dashed(Palette.ORANGE, 2)));
        if (b.bca() != null) {
            chart.add(interval("BCa interval", b.bca(), top, Palette.dashed(Palette.RED, 2)));
        }

        double exactSe = statisticName.equals("mean") ? population.standardDeviation() / Math.sqrt(n) : Double.NaN;
        List<List<Object>> rows = new java.util.ArrayList<>(List.of(
                List.of("estimate θ̂ (from the sample)", b.estimate()),
                List.of("population value θ", truth),
                List.of("bootstrap standard error sd(θ*)", boot.standardDeviation()),
                List.of("true standard error (simulated)", sampling.standardDeviation()),
                List.of("bootstrap / true standard error", boot.standardDeviation() / sampling.standardDeviation()),
                List.of("bootstrap bias mean(θ*) − θ̂", boot.mean() - b.estimate()),
                List.of("true bias E[θ̂] − θ (simulated)", sampling.mean() - truth)));
        if (statisticName.equals("mean")) {
            rows.add(3, List.of("true standard error σ/√n (exact)", exactSe));
        }
        rows.add(List.of(
                Format.num(100 * c) + " % percentile interval",
                "[" + Format.num(b.percentile().lower()) + ", "
                        + Format.num(b.percentile().upper()) + "]"));
        rows.add(List.of("percentile interval contains θ", b.percentile().contains(truth)));
        if (b.bca() != null) {
            rows.add(List.of(
                    Format.num(100 * c) + " % BCa interval",
                    "[" + Format.num(b.bca().lower()) + ", "
                            + Format.num(b.bca().upper()) + "]"));
            rows.add(List.of("BCa interval contains θ", b.bca().contains(truth)));
        }
        Table table = new Table("Bootstrap against the truth", List.of("quantity", "value"), rows);

        Result.Builder result = Result.builder().chart(chart.build()).table(table);
        result.note("The bootstrap standard error is $" + Format.num(boot.standardDeviation()) + "$, the true one $"
                + Format.num(sampling.standardDeviation()) + "$ (the standard deviation of the " + label + " over "
                + TRUE_SAMPLES + " fresh samples of " + Populations.describe(name) + "). The bootstrap treats"
                + " the sample as the population: its histogram is centred on the estimate $\\hat\\theta = "
                + Format.num(b.estimate()) + "$, not on $\\theta = " + Format.num(truth) + "$, so it cannot"
                + " find where the truth is, only how far estimates stray from it.");
        switch (statisticName) {
            case "mean" ->
                result.note("For the mean the bootstrap standard error tends, as $B \\to \\infty$, to $\\hat\\sigma"
                        + "\\sqrt{n-1}/n$, the plug-in estimate of the exact $\\sigma/\\sqrt n = " + Format.num(exactSe)
                        + "$: it errs only as much as the sample's $\\hat\\sigma$ errs.");
            case "median" ->
                result.note("A resampled median can only be one of the sample's middle values (or the mean of two),"
                        + " so at small $n$ the bootstrap histogram is a comb of a few spikes while the true"
                        + " sampling distribution is smooth: the bootstrap of the median is rough, though its"
                        + " standard error is still of the right size.");
            case "sd" ->
                result.note("A resample never ranges wider than the sample, and heavy-tailed samples often miss"
                        + " the rare large values that make $\\sigma$: for skewed data the bootstrap of $s$ is too"
                        + " narrow and centred too low, and the BCa interval, which corrects bias and skewness,"
                        + " moves up.");
            default ->
                result.note("The trimmed mean drops the " + Format.num(100 * TRIM) + " % smallest and largest values:"
                        + " less variable than the mean for heavy tails, smoother than the median, and its"
                        + " population value $\\frac{1}{1-2a}\\int_a^{1-a} F^{-1}(u)\\,du$ differs from the mean"
                        + " of a skewed population.");
        }
        result.note(
                "The percentile interval reads the $" + Format.num((1 - c) / 2) + "$ and $" + Format.num((1 + c) / 2)
                        + "$ quantiles of the bootstrap distribution; BCa shifts both levels to correct the"
                        + " distribution's"
                        + " median bias $z_0$ and its skewness (the acceleration $a$, from the jackknife).");
        if (outside > 0) {
            result.note("The true sampling distribution has a long tail: " + outside + " of its " + TRUE_SAMPLES
                    + " values lie beyond the right of the axis, which shows its middle 99 %.");
        }
        if (b.bca() == null) {
            result.note("The BCa interval is undefined here: every replicate fell on one side of $\\hat\\theta$,"
                    + " so the bias correction $z_0$ is infinite.");
        }
        return result.build();
    }

    /// Counts per bin divided by the total and the bin width: a density that integrates to the fraction of
    /// the values inside the edges (values outside are not drawn).
    static double[] density(double[] values, double[] edges) {
        int bins = edges.length - 1;
        double lo = edges[0];
        double width = (edges[bins] - lo) / bins;
        double[] d = new double[bins];
        for (double v : values) {
            if (v >= lo && v <= edges[bins]) {
                d[Math.min((int) ((v - lo) / width), bins - 1)]++;
            }
        }
        for (int i = 0; i < bins; i++) {
            d[i] /= values.length * width;
        }
        return d;
    }

    private static Series.Line vertical(String name, double x, double top, dev.lemma.viz.Style style) {
        return new Series.Line(name, new double[] {x, x}, new double[] {0, top}, style);
    }

    private static Series.Line interval(String name, Interval i, double top, dev.lemma.viz.Style style) {
        return new Series.Line(
                name + " [" + Format.num(i.lower()) + ", " + Format.num(i.upper()) + "]",
                new double[] {i.lower(), i.lower(), i.lower(), i.upper(), i.upper()},
                new double[] {0, top, Double.NaN, top, 0},
                style);
    }
}
