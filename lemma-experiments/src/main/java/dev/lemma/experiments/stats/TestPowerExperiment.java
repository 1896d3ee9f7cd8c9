package dev.lemma.experiments.stats;

import dev.lemma.experiments.Arguments;
import dev.lemma.experiments.Experiment;
import dev.lemma.experiments.Format;
import dev.lemma.experiments.Palette;
import dev.lemma.experiments.Parameter;
import dev.lemma.experiments.Progress;
import dev.lemma.experiments.Result;
import dev.lemma.experiments.Table;
import dev.lemma.prob.Normal;
import dev.lemma.stats.Alternative;
import dev.lemma.stats.HypothesisTests;
import dev.lemma.stats.Power;
import dev.lemma.viz.Annotation;
import dev.lemma.viz.Axis;
import dev.lemma.viz.Chart;
import dev.lemma.viz.Series;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/// The power of the t test, $1 - \beta = P(\text{reject } H_0 \mid d)$, against Cohen's effect size
/// $d = (\mu - \mu_0)/\sigma$ for several sample sizes: the curves from the noncentral t distribution
/// ([Power#oneSampleT], [Power#twoSampleT]), and on top of them the fraction of simulated tests that
/// rejected ([Power#simulatedOneSampleT], or [HypothesisTests#pooledT] on two simulated groups), each
/// with its 95 % binomial error bar $\pm 1.96\sqrt{p(1-p)/S}$.
///
/// The second chart is the sample size that reaches power 0.8 against $|d|$, found by bisection on the
/// exact power, beside the normal approximation $n \approx ((z_{1-\alpha'} + z_{0.8})/d)^2$ (twice that
/// per group for two samples), with $\alpha' = \alpha/2$ two-sided and $\alpha$ one-sided.
///
/// References: J. Cohen, *Statistical Power Analysis for the Behavioral Sciences*, 2nd ed., Erlbaum 1988,
/// chapter 2; L. Wasserman, *All of Statistics*, Springer 2004, §10.1.
public final class TestPowerExperiment implements Experiment {

    /// The target power of the second chart: 0.8, Cohen's conventional choice (1988, §2.4).
    static final double TARGET = 0.8;

    /// The widest range of effect sizes drawn, $[-1.5, 1.5]$; see [#effectRange].
    static final double D_MAX = 1.5;

    /// Power by formula costs a quadrature of 4000 intervals (about 6 ms), so the curves have 41 points,
    /// the two-sided ones computed on one half and mirrored ($\beta(-d) = \beta(d)$).
    static final int CURVE_POINTS = 41;

    /// Effect sizes on the sample-size chart, geometric from 0.1 to 2 (the line is nearly straight).
    static final int SAMPLE_SIZE_POINTS = 12;

    /// Effect sizes where the tests are simulated: 13, evenly spaced over the drawn range.
    static final int SIMULATED_POINTS = 13;

    /// The largest sample size the search for power 0.8 looks at.
    static final int MAX_N = 100_000;

    static final List<String> TESTS = List.of("one-sample", "two-sample");

    static final List<String> ALTERNATIVES = List.of("two-sided", "greater", "less");

    private static final List<Parameter> PARAMETERS = List.of(
            Parameter.choice(
                    "test",
                    "Test",
                    "one-sample: H₀ μ = 0 from n values; two-sample: H₀ μₐ = μ_b from n values per group"
                            + " (two-sided only)",
                    TESTS,
                    "one-sample"),
            Parameter.choice(
                    "alternative",
                    "Alternative $H_1$",
                    "two-sided: μ ≠ μ₀; greater: μ > μ₀; less: μ < μ₀ (one-sample test only)",
                    ALTERNATIVES,
                    "two-sided"),
            Parameter.number("alpha", "Level $\\alpha$", "the test's false-positive rate", 0.001, 0.2, 0.001, 0.05),
            Parameter.integer(
                    "n",
                    "Sample size $n$",
                    "the middle curve's sample size (per group for two samples); the others are n/4, n/2 and 2n",
                    4,
                    200,
                    20),
            Parameter.number(
                    "d",
                    "Effect size $d$",
                    "the effect (μ − μ₀)/σ for the power table and the sample size needed",
                    -1.5,
                    1.5,
                    0.05,
                    0.5),
            Parameter.integer(
                    "simulations",
                    "Simulations $S$",
                    "simulated tests per point; the error bars shrink like 1/√S",
                    100,
                    2000,
                    400),
            Parameter.seed(5));

    /// Creates the experiment.
    public TestPowerExperiment() {}

    @Override
    public String id() {
        return "test-power";
    }

    @Override
    public String title() {
        return "The power of the t test";
    }

    @Override
    public int chapter() {
        return 4;
    }

    @Override
    public String summary() {
        return "The probability that a t test detects an effect of size $d$, against $d$, for four sample"
                + " sizes: curves from the noncentral t distribution, points from simulated tests. At $d = 0$"
                + " every curve passes through $\\alpha$. Try a one-sided test and an effect in the wrong"
                + " direction, a smaller $\\alpha$, and read off how many observations power 0.8 needs.";
    }

    @Override
    public String formula() {
        return "1 - \\beta(d) = P\\bigl(|T'| > t_{1-\\alpha/2,\\,\\nu}\\bigr), \\quad T' \\sim t_\\nu(\\delta),"
                + " \\ \\delta = d\\sqrt n,\\ \\nu = n - 1, \\qquad n_{0.8} \\approx"
                + " \\Bigl(\\frac{z_{1-\\alpha/2} + z_{0.8}}{d}\\Bigr)^2";
    }

    @Override
    public List<Parameter> parameters() {
        return PARAMETERS;
    }

    /// The power by formula.
    static double power(boolean twoSample, double d, int n, double alpha, Alternative alternative) {
        return twoSample ? Power.twoSampleT(d, n, alpha) : Power.oneSampleT(d, n, alpha, alternative);
    }

    /// The power by simulating `simulations` tests.
    static double simulated(
            boolean twoSample,
            double d,
            int n,
            double alpha,
            Alternative alternative,
            int simulations,
            RandomGenerator rng) {
        if (!twoSample) {
            return Power.simulatedOneSampleT(d, n, alpha, alternative, simulations, rng);
        }
        int rejected = 0;
        double[] a = new double[n];
        double[] b = new double[n];
        for (int s = 0; s < simulations; s++) {
            for (int i = 0; i < n; i++) {
                a[i] = d + rng.nextGaussian();
                b[i] = rng.nextGaussian();
            }
            if (HypothesisTests.pooledT(a, b).rejectsAt(alpha)) {
                rejected++;
            }
        }
        return (double) rejected / simulations;
    }

    /// The smallest $n \ge 2$ with power at least [#TARGET], or 0 if there is none: an effect of 0, or one
    /// in the direction a one-sided test does not look, has power at most $\alpha < 0.8$ at every $n$.
    /// Power grows with $n$ for an effect in the tested direction, so the search starts at the normal
    /// approximation ([#approximateSampleSize]), which is within a few of the answer, and steps from there.
    static int sampleSize(boolean twoSample, double d, double alpha, Alternative alternative) {
        if (d == 0 || (alternative == Alternative.GREATER && d < 0) || (alternative == Alternative.LESS && d > 0)) {
            return 0;
        }
        double approx = approximateSampleSize(twoSample, Math.abs(d), alpha, alternative);
        int n = (int) Math.max(2, Math.min(MAX_N, Math.ceil(approx)));
        if (power(twoSample, d, n, alpha, alternative) >= TARGET) {
            while (n > 2 && power(twoSample, d, n - 1, alpha, alternative) >= TARGET) {
                n--;
            }
            return n;
        }
        while (n < MAX_N) {
            n++;
            if (power(twoSample, d, n, alpha, alternative) >= TARGET) {
                return n;
            }
        }
        return 0;
    }

    /// The normal approximation to [#sampleSize], $((z_{1-\alpha'} + z_{0.8})/d)^2$, doubled for two samples.
    static double approximateSampleSize(boolean twoSample, double d, double alpha, Alternative alternative) {
        Normal z = new Normal(0, 1);
        double za = z.quantile(1 - (alternative == Alternative.TWO_SIDED ? alpha / 2 : alpha));
        double m = Math.pow((za + z.quantile(TARGET)) / d, 2);
        return twoSample ? 2 * m : m;
    }

    /// The sample sizes of the curves: $n/4$, $n/2$, $n$, $2n$, at least 2 and without repeats.
    static List<Integer> sizes(int n) {
        List<Integer> sizes = new ArrayList<>();
        for (int m : new int[] {Math.round(n / 4f), Math.round(n / 2f), n, 2 * n}) {
            int k = Math.max(2, m);
            if (!sizes.contains(k)) {
                sizes.add(k);
            }
        }
        return sizes;
    }

    /// The effect sizes drawn, $[-D, D]$: the range where the smallest sample size's power climbs from
    /// $\alpha$ to about 1. Its noncentrality $\delta = d\sqrt{n_{\text{eff}}}$ ($n_{\text{eff}} = n$,
    /// or $n/2$ for two groups) must reach about $z_{1-\alpha/2} + 3 \le 6.3$, so $D = 6/\sqrt{n_{\text{eff}}}$
    /// rounded up to a tenth, at most [#D_MAX]: large samples get a close-up instead of a step.
    static double effectRange(boolean twoSample, int smallestN) {
        double effective = twoSample ? smallestN / 2.0 : smallestN;
        return Math.min(D_MAX, Math.ceil(10 * 6 / Math.sqrt(effective)) / 10);
    }

    static Alternative alternative(String name) {
        return Alternative.valueOf(name.replace('-', '_').toUpperCase(Locale.ROOT));
    }

    @Override
    public Result run(Arguments arguments, Progress progress) {
        boolean twoSample = arguments.choice("test").equals("two-sample");
        String alternativeName = twoSample ? "two-sided" : arguments.choice("alternative");
        Alternative alternative = alternative(alternativeName);
        double alpha = arguments.number("alpha");
        int n = arguments.integer("n");
        double d = arguments.number("d");
        int simulations = arguments.integer("simulations");
        SplittableRandom rng = new SplittableRandom(arguments.seed("seed"));
        List<Integer> sizes = sizes(n);
        String[] colors = {Palette.ORANGE, Palette.GREEN, Palette.BLUE, Palette.PURPLE};
        String perGroup = twoSample ? " per group" : "";

        double range = effectRange(twoSample, sizes.getFirst());
        double[] ds = new double[CURVE_POINTS];
        for (int i = 0; i < CURVE_POINTS / 2; i++) {
            ds[i] = -range + 2 * range * i / (CURVE_POINTS - 1);
            ds[CURVE_POINTS - 1 - i] = -ds[i]; // exactly symmetric, for the mirrored two-sided curves
        }
        int simulatedPoints = SIMULATED_POINTS;
        Chart.Builder curves = Chart.builder("Power of the " + (twoSample ? "two-sample" : "one-sample") + " t test ("
                        + alternativeName + ", α = " + Format.num(alpha) + ") against the effect size")
                .x(Axis.range("effect size d = (μ − μ₀)/σ", -range * 1.03, range * 1.03))
                .y(Axis.range("power: P(reject H₀)", 0, 1.02));
        for (int k = 0; k < sizes.size(); k++) {
            int m = sizes.get(k);
            progress.report((double) k / (sizes.size() + 1), "n = " + m);
            double[] p = new double[CURVE_POINTS];
            for (int i = CURVE_POINTS - 1; i >= 0; i--) {
                boolean mirrored = alternative == Alternative.TWO_SIDED && i < CURVE_POINTS / 2;
                p[i] = mirrored ? p[CURVE_POINTS - 1 - i] : power(twoSample, ds[i], m, alpha, alternative);
            }
            curves.add(new Series.Line("n = " + m + perGroup + " (formula)", ds, p, Palette.solid(colors[k], 2)));
            double[] sx = new double[simulatedPoints];
            double[] sy = new double[simulatedPoints];
            double[] barX = new double[3 * simulatedPoints];
            double[] barY = new double[3 * simulatedPoints];
            for (int j = 0; j < simulatedPoints; j++) {
                sx[j] = range * (2.0 * j / (SIMULATED_POINTS - 1) - 1);
                sy[j] = simulated(twoSample, sx[j], m, alpha, alternative, simulations, rng);
                double half = 1.96 * Math.sqrt(sy[j] * (1 - sy[j]) / simulations);
                barX[3 * j] = sx[j];
                barY[3 * j] = Math.max(0, sy[j] - half);
                barX[3 * j + 1] = sx[j];
                barY[3 * j + 1] = Math.min(1, sy[j] + half);
                barX[3 * j + 2] = sx[j];
                barY[3 * j + 2] = Double.NaN;
            }
            curves.add(new Series.Scatter(
                    "n = " + m + perGroup + ", " + simulations + " simulated tests per point",
                    sx,
                    sy,
                    List.of(),
                    Palette.solid(colors[k], 7)));
            curves.add(new Series.Line(
                    "± 1.96 binomial standard errors (n = " + m + ")", barX, barY, Palette.solid(colors[k], 1.2)));
        }
        curves.add(new Series.Line(
                "α = " + Format.num(alpha) + " (the power at d = 0)",
                new double[] {-range, range},
                new double[] {alpha, alpha},
                Palette.dotted(Palette.GREY, 1.2)));

        // The sample size for power 0.8 against |d|, in the direction the test looks.
        progress.report((double) sizes.size() / (sizes.size() + 1), "sample sizes for power 0.8");
        double sign = alternative == Alternative.LESS ? -1 : 1;
        double[] effects = new double[SAMPLE_SIZE_POINTS];
        double[] needed = new double[effects.length];
        double[] approx = new double[effects.length];
        for (int i = 0; i < effects.length; i++) {
            effects[i] = 0.1 * Math.pow(20, (double) i / (effects.length - 1)); // 0.1 … 2, geometric
            needed[i] = sampleSize(twoSample, sign * effects[i], alpha, alternative);
            approx[i] = approximateSampleSize(twoSample, effects[i], alpha, alternative);
        }
        int chosen = d == 0 ? 0 : sampleSize(twoSample, d, alpha, alternative);
        double chosenApprox = d == 0 ? Double.NaN : approximateSampleSize(twoSample, Math.abs(d), alpha, alternative);
        Chart.Builder sample = Chart.builder("Sample size" + perGroup + " for power " + Format.num(TARGET) + " ("
                        + alternativeName + ", α = " + Format.num(alpha) + ")")
                .x(Axis.log("effect size |d|"))
                .y(Axis.log("n needed" + perGroup))
                .add(new Series.Line("exact (noncentral t)", effects, needed, Palette.solid(Palette.BLUE, 2)))
                .add(new Series.Line(
                        "normal approximation ((z₁₋α' + z₀.₈)/d)²" + (twoSample ? " × 2" : ""),
                        effects,
                        approx,
                        Palette.dashed(Palette.GREY, 1.5)));
        if (chosen > 0 && Math.abs(d) >= 0.1) {
            sample.annotate(new Annotation.Point(
                    Math.abs(d), chosen, "d = " + Format.num(d) + ": n = " + chosen, Palette.solid(Palette.RED, 9)));
        }

        double powerAtD = power(twoSample, d, n, alpha, alternative);
        double simulatedAtD = simulated(twoSample, d, n, alpha, alternative, simulations, rng);
        double se = Math.sqrt(powerAtD * (1 - powerAtD) / simulations);
        Table table = new Table(
                "Power at d = " + Format.num(d) + ", n = " + n + perGroup,
                List.of("quantity", "value"),
                List.of(
                        List.of("power by formula", powerAtD),
                        List.of("power by simulation (" + simulations + " tests)", simulatedAtD),
                        List.of("binomial standard error of the simulation", se),
                        List.of(
                                "simulation − formula, in standard errors",
                                se == 0 ? 0.0 : (simulatedAtD - powerAtD) / se),
                        List.of(
                                "n" + perGroup + " needed for power 0.8",
                                chosen == 0 ? "never" : Integer.toString(chosen)),
                        List.of(
                                "normal approximation of that n",
                                Double.isNaN(chosenApprox) ? "—" : Format.num(chosenApprox))));

        Result.Builder result =
                Result.builder().chart(curves.build()).chart(sample.build()).table(table);
        result.note("At $d = " + Format.num(d) + "$ with $n = " + n + "$" + perGroup + " the test rejects with"
                + " probability $" + Format.num(powerAtD) + "$ by the noncentral t distribution, and in $"
                + Format.num(simulatedAtD) + "$ of " + simulations + " simulated tests, a fraction whose binomial"
                + " standard error is $" + Format.num(se) + "$.");
        result.note("Under the alternative the statistic $T' = (Z + \\delta)/\\sqrt{V/\\nu}$ has the noncentral t"
                + " distribution with noncentrality $\\delta = d\\sqrt n$"
                + (twoSample ? " ($d\\sqrt{n/2}$ for two" + " groups)" : "")
                + ": power grows with $\\delta$, so the sample size needed grows like"
                + " $1/d^2$: halving the effect quadruples the data, which the straight line of slope $-2$ on the"
                + " log–log chart shows. At $d = 0$ the null hypothesis is true and every curve passes through"
                + " $\\alpha$, the rate of false positives.");
        if (alternative != Alternative.TWO_SIDED) {
            result.note("A one-sided test puts all of $\\alpha$ in one tail: it is more powerful than the"
                    + " two-sided test for effects in its direction and has power below $\\alpha$, falling to 0,"
                    + " for effects in the other.");
        }
        if (chosen == 0) {
            result.note(
                    d == 0
                            ? "At $d = 0$ there is no effect to detect: the power is $\\alpha$ at every $n$."
                            : "This one-sided test looks the other way: an effect $d = " + Format.num(d) + "$ is never"
                                    + " detected with probability 0.8, at any $n$.");
        }
        if (twoSample && !arguments.choice("alternative").equals("two-sided")) {
            result.note("The two-sample test here is two-sided only; the alternative control is ignored.");
        }
        return result.build();
    }
}
