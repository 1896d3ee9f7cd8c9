package dev.lemma.experiments.prob;

import dev.lemma.experiments.Arguments;
import dev.lemma.experiments.Experiment;
import dev.lemma.experiments.Format;
import dev.lemma.experiments.Palette;
import dev.lemma.experiments.Parameter;
import dev.lemma.experiments.Progress;
import dev.lemma.experiments.Result;
import dev.lemma.experiments.Table;
import dev.lemma.prob.Binomial;
import dev.lemma.viz.Axis;
import dev.lemma.viz.Chart;
import dev.lemma.viz.Series;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/// How often the mean of $n$ Bernoulli($p$) variables strays from $p$ by at least $\varepsilon$,
/// against two bounds on that probability:
///
/// - Chebyshev's inequality, $P(|\bar X_n - \mu| \ge \varepsilon) \le \sigma^2/(n\varepsilon^2)$, which
///   needs only a variance and falls like $1/n$;
/// - Hoeffding's inequality, $P(|\bar X_n - \mu| \ge \varepsilon) \le 2e^{-2n\varepsilon^2}$ for
///   independent variables in $[0, 1]$, which uses their boundedness and falls exponentially.
///
/// The frequency is measured over many seeded repetitions; since the sum of $n$ independent
/// Bernoulli($p$) draws is Binomial($n$, $p$), each repetition draws that sum directly ([Binomial]),
/// which costs one draw instead of $n$. The exact probability, $\sum p(k)$ over the $k$ with
/// $|k/n - p| \ge \varepsilon$, is drawn too: it falls like $e^{-n D}$ with $D$ the Kullback–Leibler
/// divergence of Bernoulli($p \pm \varepsilon$) from Bernoulli($p$) (Chernoff), faster than Hoeffding's
/// $e^{-2n\varepsilon^2}$ because $D \ge 2\varepsilon^2$ (Pinsker).
///
/// References: W. Hoeffding, "Probability inequalities for sums of bounded random variables", J. Amer.
/// Statist. Assoc. 58(301), 1963, Theorem 1; S. Boucheron, G. Lugosi and P. Massart, *Concentration
/// Inequalities*, Oxford 2013, §2.1–2.6.
public final class HoeffdingBoundExperiment implements Experiment {

    /// Sizes per decade of $n$.
    static final int SIZES_PER_DECADE = 12;

    /// How close $|k - np|$ may come below $n\varepsilon$ and still count as a deviation of $\varepsilon$:
    /// $k/n - p$ rounds, and $0.6 - 0.5$ is $0.09999999999999998$ in doubles.
    static final double TIE = 1e-9;

    private static final List<Parameter> PARAMETERS = List.of(
            Parameter.number(
                    "p",
                    "Success probability $p$",
                    "each variable is 1 with probability p, else 0",
                    0.01,
                    0.99,
                    0.01,
                    0.5),
            Parameter.number(
                    "epsilon",
                    "Deviation $\\varepsilon$",
                    "how far the mean must stray from p to count",
                    0.01,
                    0.5,
                    0.01,
                    0.1),
            Parameter.integer(
                    "repetitions",
                    "Repetitions",
                    "independent means of each size; the smallest frequency seen is 1 over this",
                    100,
                    100_000,
                    10_000),
            Parameter.integer("maxN", "Largest $n$", "the largest number of variables averaged", 10, 10_000, 1000),
            Parameter.seed(7));

    /// Creates the experiment.
    public HoeffdingBoundExperiment() {}

    @Override
    public String id() {
        return "hoeffding-bound";
    }

    @Override
    public String title() {
        return "Hoeffding's and Chebyshev's bounds on a straying mean";
    }

    @Override
    public int chapter() {
        return 3;
    }

    @Override
    public String summary() {
        return "Averages $n$ Bernoulli($p$) variables many times and counts how often the mean strays from $p$ by"
                + " $\\varepsilon$ or more, against Chebyshev's bound $\\sigma^2/(n\\varepsilon^2)$ and Hoeffding's"
                + " $2e^{-2n\\varepsilon^2}$ on a logarithmic axis. Chebyshev's falls like $1/n$, Hoeffding's"
                + " exponentially, and the frequency faster still. For small $n$ Chebyshev's is the tighter"
                + " bound (up to $n \\approx 100$ at the defaults); try $p = 0.05$, whose small variance keeps it"
                + " ahead longer, and then a largest $n$ of $10^4$, where Hoeffding's is smaller by 83 orders of magnitude.";
    }

    @Override
    public String formula() {
        return "P\\bigl(|\\bar X_n - p| \\ge \\varepsilon\\bigr) \\le \\min\\Bigl(\\frac{p(1-p)}{n\\varepsilon^2},\\"
                + " 2e^{-2n\\varepsilon^2}\\Bigr), \\quad X_i \\sim \\mathrm{Bernoulli}(p) \\text{ independent}";
    }

    @Override
    public List<Parameter> parameters() {
        return PARAMETERS;
    }

    /// Whether $k$ successes in $n$ trials stray from $p$ by at least $\varepsilon$.
    static boolean strays(int k, int n, double p, double epsilon) {
        return Math.abs(k - n * p) >= n * epsilon * (1 - TIE);
    }

    /// The exact $P(|S/n - p| \ge \varepsilon)$ for $S \sim$ Binomial($n$, $p$).
    static double exact(int n, double p, double epsilon) {
        Binomial b = new Binomial(n, p);
        double sum = 0;
        for (int k = 0; k <= n; k++) {
            if (strays(k, n, p, epsilon)) {
                sum += b.pmf(k);
            }
        }
        return Math.min(sum, 1);
    }

    /// Hoeffding's bound $2e^{-2n\varepsilon^2}$.
    static double hoeffding(int n, double epsilon) {
        return 2 * Math.exp(-2 * n * epsilon * epsilon);
    }

    /// Chebyshev's bound $p(1 - p)/(n\varepsilon^2)$.
    static double chebyshev(int n, double p, double epsilon) {
        return p * (1 - p) / (n * epsilon * epsilon);
    }

    /// The fraction of `repetitions` means of `n` Bernoulli($p$) variables that stray by $\varepsilon$.
    static double frequency(int n, double p, double epsilon, int repetitions, SplittableRandom rng) {
        Binomial b = new Binomial(n, p);
        int strayed = 0;
        for (int r = 0; r < repetitions; r++) {
            if (strays((int) b.sample(rng), n, p, epsilon)) {
                strayed++;
            }
        }
        return (double) strayed / repetitions;
    }

    /// The sizes $1, \dots,$ `maxN`, about [#SIZES_PER_DECADE] per decade.
    static int[] sizes(int maxN) {
        List<Integer> n = new ArrayList<>();
        for (int i = 0; ; i++) {
            int k = (int) Math.round(Math.pow(10, (double) i / SIZES_PER_DECADE));
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

    @Override
    public Result run(Arguments arguments, Progress progress) {
        double p = arguments.number("p");
        double epsilon = arguments.number("epsilon");
        int repetitions = arguments.integer("repetitions");
        int maxN = arguments.integer("maxN");
        SplittableRandom root = new SplittableRandom(arguments.seed("seed"));
        int[] sizes = sizes(maxN);
        int count = sizes.length;
        double[] n = new double[count];
        double[] observed = new double[count];
        double[] exact = new double[count];
        double[] hoeffding = new double[count];
        double[] chebyshev = new double[count];
        List<List<Object>> rows = new ArrayList<>();
        int zeros = 0;
        for (int i = 0; i < count; i++) {
            int size = sizes[i];
            progress.report((double) i / count, "n = " + size);
            n[i] = size;
            double f = frequency(size, p, epsilon, repetitions, root.split());
            double e = exact(size, p, epsilon);
            observed[i] = f > 0 ? f : Double.NaN;
            zeros += f > 0 ? 0 : 1;
            exact[i] = e > 0 ? e : Double.NaN;
            hoeffding[i] = Math.min(1, hoeffding(size, epsilon));
            chebyshev[i] = Math.min(1, chebyshev(size, p, epsilon));
            if (isRound(size) || i == count - 1) {
                rows.add(List.of(size, f, e, hoeffding(size, epsilon), chebyshev(size, p, epsilon)));
            }
        }
        progress.report(1, "done");
        // A scatter takes no gaps: the sizes where nothing strayed are left out (a log axis cannot show 0).
        double[] seenN = new double[count - zeros];
        double[] seen = new double[count - zeros];
        for (int i = 0, j = 0; i < count; i++) {
            if (!Double.isNaN(observed[i])) {
                seenN[j] = n[i];
                seen[j++] = observed[i];
            }
        }
        Chart chart = Chart.builder("P(|X̄ₙ − p| ≥ ε) for Bernoulli(" + Format.num(p) + "), ε = " + Format.num(epsilon))
                .x(Axis.log("number of variables n"))
                .y(Axis.log("probability of straying by ε"))
                .add(new Series.Line("Chebyshev σ²/(nε²)", n, chebyshev, Palette.dashed(Palette.ORANGE, 2)))
                .add(new Series.Line("Hoeffding 2exp(−2nε²)", n, hoeffding, Palette.dashed(Palette.RED, 2)))
                .add(new Series.Line("exact (binomial)", n, exact, Palette.solid(Palette.GREY, 1.5)))
                .add(new Series.Scatter(
                        "observed in " + repetitions + " repetitions",
                        seenN,
                        seen,
                        List.of(),
                        Palette.solid(Palette.BLUE, 7)))
                .build();
        Table table = new Table(
                "Frequency of straying by ε = " + Format.num(epsilon) + " against the bounds",
                List.of("n", "observed", "exact", "Hoeffding", "Chebyshev"),
                rows);

        int last = lastChebyshevWin(sizes, p, epsilon);
        Result.Builder result = Result.builder().chart(chart).table(table);
        result.note("Both bounds hold for every $n$: the grey exact probability lies below both dashed lines,"
                + " and the blue points (frequencies from " + repetitions + " repetitions) scatter around it by"
                + " about $\\sqrt{P/" + repetitions + "}$. The bounds are drawn at 1"
                + " where they exceed it and say nothing. Chebyshev's bound uses only the variance $p(1 - p) = "
                + Format.num(p * (1 - p)) + "$ and falls like $1/n$, a slope of $-1$ on these axes. Hoeffding's uses"
                + " only that each variable lies in $[0, 1]$ and falls like $e^{-2n\\varepsilon^2}$, bending down"
                + " ever faster; "
                + (last < 0
                        ? "it is at least as good as Chebyshev's at every $n$ shown."
                        : last == count - 1
                                ? "within these $n$ it never beats Chebyshev's: raise the largest $n$ or"
                                        + " $\\varepsilon$."
                                : "Chebyshev's is the better bound up to $n = " + sizes[last]
                                        + "$ (a small variance helps it), Hoeffding's from $n = " + sizes[last + 1]
                                        + "$ on."));
        result.note("The exact probability falls faster than Hoeffding's bound: like $e^{-nD}$ with $D$ the"
                + " Kullback–Leibler divergence between Bernoulli$(p \\pm \\varepsilon)$ and Bernoulli$(p)$"
                + " (Chernoff), and $D \\ge 2\\varepsilon^2$ (Pinsker's inequality), with equality only as"
                + " $\\varepsilon \\to 0$ at $p = 1/2$. Hoeffding's bound is the price of knowing nothing but the"
                + " range.");
        if (zeros > 0) {
            result.note("At " + zeros + " of the sizes no repetition strayed: a frequency of 0 cannot be drawn on a"
                    + " logarithmic axis, and the smallest frequency " + repetitions + " repetitions can show is $"
                    + Format.num(1.0 / repetitions) + "$. More repetitions reach further down.");
        }
        return result.build();
    }

    /// The index of the last size at which Chebyshev's bound, capped at 1, is below Hoeffding's, capped
    /// at 1 (where both are 1 neither says anything, and neither wins); -1 if there is none.
    static int lastChebyshevWin(int[] sizes, double p, double epsilon) {
        int last = -1;
        for (int i = 0; i < sizes.length; i++) {
            if (Math.min(1, chebyshev(sizes[i], p, epsilon)) < Math.min(1, hoeffding(sizes[i], epsilon))) {
                last = i;
            }
        }
        return last;
    }

    /// Whether `n` is 1, 2 or 5 times a power of ten (the rows of the table).
    private static boolean isRound(int n) {
        int m = n;
        while (m % 10 == 0) {
            m /= 10;
        }
        return m == 1 || m == 2 || m == 5;
    }
}
