package dev.lemma.experiments.prob;

import dev.lemma.experiments.Arguments;
import dev.lemma.experiments.Experiment;
import dev.lemma.experiments.Format;
import dev.lemma.experiments.Palette;
import dev.lemma.experiments.Parameter;
import dev.lemma.experiments.Progress;
import dev.lemma.experiments.Result;
import dev.lemma.experiments.Table;
import dev.lemma.numeric.Welford;
import dev.lemma.prob.Bernoulli;
import dev.lemma.prob.Distribution;
import dev.lemma.prob.Exponential;
import dev.lemma.prob.LogNormal;
import dev.lemma.prob.StudentT;
import dev.lemma.prob.Uniform;
import dev.lemma.viz.Axis;
import dev.lemma.viz.Chart;
import dev.lemma.viz.Series;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/// The strong law of large numbers: the running mean $\bar X_n = \frac1n\sum_{i \le n} X_i$ of
/// independent draws converges to $\mu = E[X]$ almost surely when $E|X| < \infty$. Several independent
/// streams are drawn against $n$ on a logarithmic axis, inside the band $\mu \pm 2\sigma/\sqrt n$ that
/// the central limit theorem gives where the variance is finite. Student's t with one degree of
/// freedom (the Cauchy distribution) has no mean: its running mean is itself Cauchy for every $n$ and
/// never settles. With two degrees of freedom the mean exists but the variance does not, so the mean
/// settles, slowly, with no $1/\sqrt n$ band.
///
/// References: W. Feller, *An Introduction to Probability Theory and Its Applications*, vol. II,
/// 2nd ed., Wiley 1971, §VII.8 (strong law) and §II.4 (the mean of Cauchy variables is Cauchy).
public final class LawOfLargeNumbersExperiment implements Experiment {

    /// Recorded points per decade of $n$ on the chart.
    static final int POINTS_PER_DECADE = 40;

    /// The distributions offered, in the order of the menu.
    static final List<String> DISTRIBUTIONS =
            List.of("bernoulli", "uniform", "exponential", "log-normal", "student-t-2", "student-t-1");

    private static final List<Parameter> PARAMETERS = List.of(
            Parameter.choice(
                    "distribution",
                    "Distribution",
                    "bernoulli: coin flips with p = 0.3; uniform: U(0, 1); exponential: rate 1; log-normal: μ = 0, σ = 1 (skewed); student-t-2: mean 0,"
                            + " infinite variance; student-t-1: the Cauchy distribution, which has no mean",
                    DISTRIBUTIONS,
                    "exponential"),
            Parameter.integer("streams", "Streams", "independent sequences of draws, each its own line", 1, 10, 5),
            Parameter.integer("maxN", "Largest $n$", "the number of draws in each stream", 10, 1_000_000, 100_000),
            Parameter.seed(7));

    /// Creates the experiment.
    public LawOfLargeNumbersExperiment() {}

    @Override
    public String id() {
        return "law-of-large-numbers";
    }

    @Override
    public String title() {
        return "The law of large numbers: running means settle on the mean";
    }

    @Override
    public int chapter() {
        return 3;
    }

    @Override
    public String summary() {
        return "Draws several independent streams from one distribution and plots each running mean against"
                + " the number of draws $n$ (logarithmic axis), with the band $\\mu \\pm 2\\sigma/\\sqrt n$."
                + " Every stream enters the band and narrows with it. Then choose `student-t-1`, the Cauchy"
                + " distribution: it has no mean, and its running means jump for ever.";
    }

    @Override
    public String formula() {
        return "\\bar X_n = \\frac1n \\sum_{i=1}^n X_i \\xrightarrow{\\text{a.s.}} \\mu = E[X]"
                + " \\ \\text{if } E|X| < \\infty, \\qquad \\operatorname{sd}(\\bar X_n) = \\frac{\\sigma}{\\sqrt n}";
    }

    @Override
    public List<Parameter> parameters() {
        return PARAMETERS;
    }

    /// The distribution behind a menu entry.
    static Distribution distribution(String name) {
        return switch (name) {
            case "bernoulli" -> new Bernoulli(0.3);
            case "uniform" -> new Uniform(0, 1);
            case "exponential" -> new Exponential(1);
            case "log-normal" -> new LogNormal(0, 1);
            case "student-t-2" -> new StudentT(2);
            case "student-t-1" -> new StudentT(1);
            default -> throw new IllegalArgumentException("unknown distribution " + name);
        };
    }

    /// The values of $n$ at which the running means are recorded: about [#POINTS_PER_DECADE] per decade
    /// from 1, and `maxN` itself.
    static int[] checkpoints(int maxN) {
        List<Integer> n = new ArrayList<>();
        for (int i = 0; ; i++) {
            int k = (int) Math.round(Math.pow(10, (double) i / POINTS_PER_DECADE));
            if (k >= maxN) {
                break;
            }
            if (n.isEmpty() || k > n.getLast()) {
                n.add(k);
            }
        }
        n.add(maxN);
        return n.stream().mapToInt(Integer::intValue).toArray();
    }

    /// The running means of one stream at the `checkpoints`, by Welford's update
    /// $\bar x_i = \bar x_{i-1} + (x_i - \bar x_{i-1})/i$ ([Welford]), which never forms a large sum.
    static double[] runningMeans(Distribution d, SplittableRandom rng, int[] checkpoints) {
        double[] means = new double[checkpoints.length];
        Welford running = new Welford();
        int next = 0;
        for (int i = 1; i <= checkpoints[checkpoints.length - 1]; i++) {
            running.add(d.sample(rng));
            if (i == checkpoints[next]) {
                means[next++] = running.mean();
            }
        }
        return means;
    }

    @Override
    public Result run(Arguments arguments, Progress progress) {
        String name = arguments.choice("distribution");
        int streams = arguments.integer("streams");
        int maxN = arguments.integer("maxN");
        Distribution d = distribution(name);
        SplittableRandom root = new SplittableRandom(arguments.seed("seed"));
        int[] checkpoints = checkpoints(maxN);
        double[] n = new double[checkpoints.length];
        for (int i = 0; i < n.length; i++) {
            n[i] = checkpoints[i];
        }
        double mu = d.mean();
        double sigma = d.standardDeviation();
        boolean hasMean = Double.isFinite(mu);
        boolean hasVariance = Double.isFinite(sigma);

        Chart.Builder chart = Chart.builder("Running means of " + streams + " streams, " + name)
                .x(Axis.log("number of draws n"))
                .y(Axis.of("running mean X̄ₙ"));
        if (hasVariance) {
            double[] upper = new double[n.length];
            double[] lower = new double[n.length];
            for (int i = 0; i < n.length; i++) {
                upper[i] = mu + 2 * sigma / Math.sqrt(n[i]);
                lower[i] = mu - 2 * sigma / Math.sqrt(n[i]);
            }
            chart.add(new Series.Line("μ + 2σ/√n", n, upper, Palette.dashed(Palette.GREY, 1.5)));
            chart.add(new Series.Line("μ − 2σ/√n", n, lower, Palette.dashed(Palette.GREY, 1.5)));
        }
        if (hasMean) {
            chart.add(new Series.Line(
                    "mean μ = " + Format.num(mu),
                    new double[] {1, maxN},
                    new double[] {mu, mu},
                    Palette.solid("#000000", 1.5)));
        }
        String[] colours = {
            Palette.BLUE, Palette.ORANGE, Palette.GREEN, Palette.RED, Palette.PURPLE,
            Palette.BROWN, Palette.PINK, Palette.OLIVE, Palette.CYAN, Palette.GREY
        };
        List<List<Object>> rows = new ArrayList<>();
        int outsideAtEnd = 0;
        for (int s = 0; s < streams; s++) {
            progress.report((double) s / streams, "stream " + (s + 1) + " of " + streams);
            double[] means = runningMeans(d, root.split(), checkpoints);
            chart.add(new Series.Line("stream " + (s + 1), n, means, Palette.solid(colours[s], 1.5)));
            double last = means[means.length - 1];
            double error = last - mu;
            if (hasVariance && Math.abs(error) > 2 * sigma / Math.sqrt(maxN)) {
                outsideAtEnd++;
            }
            rows.add(List.of(
                    "stream " + (s + 1),
                    last,
                    hasMean ? (Object) error : "no mean",
                    hasVariance ? (Object) (error / (sigma / Math.sqrt(maxN))) : "no variance"));
        }
        progress.report(1, "done");
        Table table = new Table(
                "Running means at n = " + maxN, List.of("stream", "X̄ₙ", "X̄ₙ − μ", "(X̄ₙ − μ)/(σ/√n)"), rows);

        Result.Builder result = Result.builder().chart(chart.build()).table(table);
        if (hasVariance) {
            result.note("Each running mean is the average of $n$ independent draws with mean $\\mu = "
                    + Format.num(mu) + "$ and standard deviation $\\sigma = " + Format.num(sigma) + "$, so its own"
                    + " standard deviation is $\\sigma/\\sqrt n$: the dashed band $\\mu \\pm 2\\sigma/\\sqrt n$ holds it"
                    + " about 95 % of the time for large $n$ (the central limit theorem), and the band shrinks by"
                    + " $\\sqrt{10} \\approx 3.2$ every decade. At $n = " + maxN + "$, " + outsideAtEnd + " of "
                    + streams + " streams lie outside it. The last column of the table is the error in units of"
                    + " $\\sigma/\\sqrt n$: roughly standard normal numbers.");
        }
        if (name.equals("bernoulli")) {
            result.note("With coin flips the running mean is the frequency of heads, and the law of large numbers"
                    + " is the frequency interpretation of probability: the fraction of heads tends to $p = 0.3$.");
        }
        if (name.equals("log-normal")) {
            result.note("The log-normal is skewed: rare large draws pull the running mean up in jumps, after which"
                    + " it drifts down, so at small $n$ most streams sit below $\\mu$ and the band, drawn for a"
                    + " symmetric spread, is not yet accurate.");
        }
        if (name.equals("student-t-2")) {
            result.note("Student's t with 2 degrees of freedom has mean 0 but infinite variance: the law of large"
                    + " numbers still holds (it needs only $E|X| < \\infty$), but there is no $\\sigma/\\sqrt n$"
                    + " band, and the running means settle more slowly and with occasional jumps.");
        }
        if (!hasMean) {
            result.note("Student's t with 1 degree of freedom is the Cauchy distribution: $E|X| = \\int"
                    + " \\frac{|x|}{\\pi(1 + x^2)}\\,dx = \\infty$, so there is no mean to converge to. Worse, the"
                    + " mean of $n$ independent Cauchy draws is again standard Cauchy, as spread out as a single"
                    + " draw: however long the stream, one huge draw (a tail of probability about $2/(\\pi x)$"
                    + " beyond $x$) can move the running mean anywhere. The lines never settle.");
        }
        return result.build();
    }
}
