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
import dev.lemma.prob.Conjugate;
import dev.lemma.viz.Axis;
import dev.lemma.viz.Chart;
import dev.lemma.viz.Series;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/// Bayes' rule for a coin: a Beta$(a, b)$ prior on the probability $p$ of heads, and $s$ heads in $k$
/// flips, give the posterior Beta$(a + s, b + k - s)$ ([Conjugate.BetaBernoulli]), because
/// $p^{a-1}(1-p)^{b-1} \cdot p^s(1-p)^{k-s}$ has the Beta form again. The experiment flips a coin with a
/// chosen true $p$ and draws the posterior density after $0, 1, 2, 5, 10, 20, 50, \dots$ flips; a
/// second chart follows the posterior mean
///
/// $$E[p \mid s, k] = \frac{a + s}{a + b + k} = \frac{a + b}{a + b + k}\cdot\frac{a}{a + b} +
/// \frac{k}{a + b + k}\cdot\frac{s}{k},$$
///
/// a weighted average of the prior mean and the frequency, and the equal-tailed 95 % credible
/// interval between the posterior's 2.5 % and 97.5 % quantiles ([Beta#quantile(double)]), whose width
/// shrinks like $2 \cdot 1.96\sqrt{p(1 - p)/k}$ (the posterior is asymptotically normal, the
/// Bernstein–von Mises theorem).
///
/// References: A. Gelman et al., *Bayesian Data Analysis*, 3rd ed., CRC 2013, §2.1–2.4.
public final class BayesCoinExperiment implements Experiment {

    /// The numbers of flips after which the posterior is drawn and tabulated (those up to the chosen
    /// number, which is always added).
    static final int[] CHECKPOINTS = {0, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000};

    /// Grid points of the density chart on $[0, 1]$.
    static final int GRID = 501;

    /// Points per decade of the credible-interval chart.
    static final int POINTS_PER_DECADE = 30;

    private static final List<Parameter> PARAMETERS = List.of(
            Parameter.number(
                    "a",
                    "Prior $a$",
                    "the prior Beta(a, b) counts a − 1 imagined heads; a = b = 1 is the uniform prior",
                    0.1,
                    100,
                    0.1,
                    2),
            Parameter.number("b", "Prior $b$", "the prior Beta(a, b) counts b − 1 imagined tails", 0.1, 100, 0.1, 2),
            Parameter.number("p", "True $p$", "the probability that the simulated coin lands heads", 0, 1, 0.01, 0.7),
            Parameter.integer("flips", "Flips", "how many times the coin is flipped", 1, 10_000, 200),
            Parameter.seed(7));

    /// Creates the experiment.
    public BayesCoinExperiment() {}

    @Override
    public String id() {
        return "bayes-coin";
    }

    @Override
    public String title() {
        return "Bayes' rule for a coin: a Beta prior meets the flips";
    }

    @Override
    public int chapter() {
        return 3;
    }

    @Override
    public String summary() {
        return "Flips a coin whose probability of heads is $p$ and updates a Beta$(a, b)$ belief about $p$"
                + " after each flip. The posterior narrows around the truth like $1/\\sqrt k$; the 95 % credible"
                + " interval usually contains it. Try a confident wrong prior, $a = 90$, $b = 10$ with"
                + " $p = 0.3$: the data need about $a + b$ flips to outweigh it.";
    }

    @Override
    public String formula() {
        return "p \\sim \\mathrm{Beta}(a, b),\\ s \\text{ heads in } k \\text{ flips} \\ \\Rightarrow\\ "
                + "p \\mid s \\sim \\mathrm{Beta}(a + s,\\ b + k - s), \\quad E[p \\mid s] = \\frac{a + s}{a + b + k}";
    }

    @Override
    public List<Parameter> parameters() {
        return PARAMETERS;
    }

    /// The posterior after `k` flips with `s` heads, with its mean and 95 % credible interval.
    record Posterior(int flips, int heads, double alpha, double beta, double mean, double lower, double upper) {
        static Posterior of(Conjugate.BetaBernoulli prior, int flips, int heads) {
            Conjugate.BetaBernoulli post = prior.update(heads, flips - heads);
            Beta belief = new Beta(post.alpha(), post.beta());
            return new Posterior(
                    flips,
                    heads,
                    post.alpha(),
                    post.beta(),
                    post.mean(),
                    belief.quantile(0.025),
                    belief.quantile(0.975));
        }

        boolean contains(double p) {
            return lower <= p && p <= upper;
        }
    }

    /// The flips, 1 for heads, reproducible from `seed`.
    static int[] flips(double p, int n, long seed) {
        Bernoulli coin = new Bernoulli(p);
        SplittableRandom rng = new SplittableRandom(seed);
        int[] x = new int[n];
        for (int i = 0; i < n; i++) {
            x[i] = (int) coin.sample(rng);
        }
        return x;
    }

    /// The checkpoints up to `n`, and `n`.
    static int[] checkpoints(int n) {
        List<Integer> k = new ArrayList<>();
        for (int c : CHECKPOINTS) {
            if (c < n) {
                k.add(c);
            }
        }
        k.add(n);
        return k.stream().mapToInt(Integer::intValue).toArray();
    }

    @Override
    public Result run(Arguments arguments, Progress progress) {
        double a = arguments.number("a");
        double b = arguments.number("b");
        double p = arguments.number("p");
        int n = arguments.integer("flips");
        int[] x = flips(p, n, arguments.seed("seed"));
        int[] heads = new int[n + 1]; // heads[k] = heads among the first k flips
        for (int i = 0; i < n; i++) {
            heads[i + 1] = heads[i] + x[i];
        }
        Conjugate.BetaBernoulli prior = new Conjugate.BetaBernoulli(a, b);

        double[] grid = new double[GRID];
        for (int i = 0; i < GRID; i++) {
            grid[i] = (double) i / (GRID - 1);
        }
        String[] colours = {
            Palette.BLUE,
            Palette.ORANGE,
            Palette.GREEN,
            Palette.RED,
            Palette.PURPLE,
            Palette.BROWN,
            Palette.PINK,
            Palette.OLIVE,
            Palette.CYAN
        };
        Chart.Builder densities = Chart.builder("Prior and posterior densities of p (true p = " + Format.num(p) + ")")
                .x(Axis.range("probability of heads p", 0, 1))
                .y(Axis.of("density"));
        List<List<Object>> rows = new ArrayList<>();
        double highest = 0;
        int[] checkpoints = checkpoints(n);
        for (int c = 0; c < checkpoints.length; c++) {
            int k = checkpoints[c];
            Posterior post = Posterior.of(prior, k, heads[k]);
            Beta belief = new Beta(post.alpha(), post.beta());
            double[] f = new double[GRID];
            for (int i = 0; i < GRID; i++) {
                double v = belief.pdf(grid[i]);
                f[i] = Double.isFinite(v) ? v : Double.NaN; // a < 1 or b < 1: infinite at an end
                if (Double.isFinite(v)) {
                    highest = Math.max(highest, v);
                }
            }
            String name = k == 0
                    ? "prior Beta(" + Format.num(a) + ", " + Format.num(b) + ")"
                    : "after " + k + (k == 1 ? " flip" : " flips") + " (" + heads[k]
                            + (heads[k] == 1 ? " head)" : " heads)");
            densities.add(new Series.Line(
                    name,
                    grid,
                    f,
                    k == 0 ? Palette.dashed(Palette.GREY, 2) : Palette.solid(colours[(c - 1) % colours.length], 2)));
            rows.add(List.of(
                    k,
                    heads[k],
                    k == 0 ? "—" : (Object) ((double) heads[k] / k),
                    "Beta(" + Format.num(post.alpha()) + ", " + Format.num(post.beta()) + ")",
                    post.mean(),
                    post.lower(),
                    post.upper(),
                    post.contains(p)));
        }
        densities.add(new Series.Line(
                "true p", new double[] {p, p}, new double[] {0, highest}, Palette.dotted("#000000", 2)));

        progress.report(0.5, "credible intervals");
        List<Integer> ks = new ArrayList<>();
        for (int i = 0; ; i++) {
            int k = (int) Math.round(Math.pow(10, (double) i / POINTS_PER_DECADE));
            if (k >= n) {
                break;
            }
            if (ks.isEmpty() || k > ks.getLast()) {
                ks.add(k);
            }
        }
        ks.add(n);
        double[] kx = new double[ks.size()];
        double[] mean = new double[ks.size()];
        double[] lower = new double[ks.size()];
        double[] upper = new double[ks.size()];
        double[] frequency = new double[ks.size()];
        for (int i = 0; i < ks.size(); i++) {
            int k = ks.get(i);
            Posterior post = Posterior.of(prior, k, heads[k]);
            kx[i] = k;
            mean[i] = post.mean();
            lower[i] = post.lower();
            upper[i] = post.upper();
            frequency[i] = (double) heads[k] / k;
        }
        progress.report(1, "done");
        Chart interval = Chart.builder("Posterior mean and 95 % credible interval against the number of flips")
                .x(Axis.log("flips k"))
                .y(Axis.range("probability of heads p", 0, 1))
                .add(new Series.Line("97.5 % quantile", kx, upper, Palette.dashed(Palette.BLUE, 1.5)))
                .add(new Series.Line("2.5 % quantile", kx, lower, Palette.dashed(Palette.BLUE, 1.5)))
                .add(new Series.Line("frequency of heads s/k", kx, frequency, Palette.solid(Palette.ORANGE, 1.5)))
                .add(new Series.Line("posterior mean (a + s)/(a + b + k)", kx, mean, Palette.solid(Palette.BLUE, 2.5)))
                .add(new Series.Line(
                        "true p", new double[] {1, Math.max(n, 2)}, new double[] {p, p}, Palette.dotted("#000000", 2)))
                .build();

        Table table = new Table(
                "Posterior after k flips, prior Beta(" + Format.num(a) + ", " + Format.num(b) + "), true p = "
                        + Format.num(p),
                List.of("flips k", "heads s", "frequency s/k", "posterior", "mean", "2.5 %", "97.5 %", "contains p"),
                rows);

        Posterior last = Posterior.of(prior, n, heads[n]);
        Result.Builder result =
                Result.builder().chart(densities.build()).chart(interval).table(table);
        result.note("The posterior is the prior times the likelihood $p^s(1 - p)^{k - s}$, renormalised: a Beta"
                + " prior stays Beta, and updating adds the heads to $a$ and the tails to $b$. After all $" + n
                + "$ flips ($" + heads[n] + "$ heads) it is Beta$(" + Format.num(last.alpha()) + ", "
                + Format.num(last.beta()) + ")$, with mean $" + Format.num(last.mean()) + "$ and 95 % credible"
                + " interval $[" + Format.num(last.lower()) + ", " + Format.num(last.upper()) + "]$, which "
                + (last.contains(p) ? "contains" : "misses") + " the true $p = " + Format.num(p) + "$.");
        result.note("The posterior mean is a weighted average of the prior mean $a/(a + b) = "
                + Format.num(a / (a + b)) + "$ and the frequency $s/k$, the frequency's weight $k/(a + b + k)$"
                + " growing to 1: the prior counts like $a + b = " + Format.num(a + b) + "$ earlier flips. The"
                + " interval's width shrinks like $2 \\cdot 1.96\\sqrt{p(1 - p)/k}$, here $"
                + Format.num(2 * 1.96 * Math.sqrt(p * (1 - p) / n)) + "$ at $k = " + n + "$ against the measured $"
                + Format.num(last.upper() - last.lower()) + "$.");
        if (p == 0 || p == 1) {
            result.note("A coin with $p = " + Format.num(p) + "$ always shows the same face, so the frequency is"
                    + " exactly $" + Format.num(p) + "$; the posterior never reaches it, only piles up beside it,"
                    + " because Beta densities give the end points themselves no mass.");
        }
        return result.build();
    }
}
