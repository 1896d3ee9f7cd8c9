package dev.lemma.experiments.info;

import dev.lemma.experiments.Arguments;
import dev.lemma.experiments.Experiment;
import dev.lemma.experiments.Format;
import dev.lemma.experiments.Palette;
import dev.lemma.experiments.Parameter;
import dev.lemma.experiments.Progress;
import dev.lemma.experiments.Result;
import dev.lemma.experiments.Table;
import dev.lemma.info.Divergence;
import dev.lemma.info.Entropy;
import dev.lemma.viz.Annotation;
import dev.lemma.viz.Axis;
import dev.lemma.viz.Chart;
import dev.lemma.viz.Series;
import java.util.ArrayList;
import java.util.List;

/// Entropy, cross-entropy and the Kullback–Leibler divergence of two distributions $p$ and $q$ on $K$
/// outcomes, each a discretised bump: the softmax of the logits $\ell_k = -(k - m)^2/(2w^2)$, $k = 1,
/// \dots, K$, with a centre $m$ and a width $w$ (a wide bump is nearly uniform, a narrow one nearly a
/// point mass). Everything is computed by [Entropy] and [Divergence].
///
/// A second chart follows the mixture path $q_t = (1 - t)p + tq$ from $p$ to $q$: both divergences
/// start at 0 and are convex in $t$ (KL is jointly convex), but $\mathrm{KL}(p \| q_t)$ and
/// $\mathrm{KL}(q_t \| p)$ differ, the asymmetry of the divergence. A third, optional, chart is the
/// closed form for two Gaussians ([Divergence#gaussianKullbackLeibler(double, double, double, double)]),
/// $\mathrm{KL}(N(0, 1) \| N(\mu, \sigma^2))$ and the reverse against $\sigma$: the first is least at
/// $\sigma^2 = 1 + \mu^2$ (the $q$ that matches $p$'s second moment, as maximum likelihood does), the
/// second at $\sigma = 1$.
///
/// References: T. M. Cover and J. A. Thomas, *Elements of Information Theory*, 2nd ed., Wiley 2006,
/// §2.3 and Theorem 2.7.2 (convexity); C. M. Bishop, *Pattern Recognition and Machine Learning*,
/// Springer 2006, §10.1.2 (the two directions of KL).
public final class EntropyAndKlExperiment implements Experiment {

    /// Points along the path from $p$ to $q$.
    static final int PATH_POINTS = 101;

    /// Points of the Gaussian curves, geometric in $\sigma$ from [#SIGMA_MIN] to [#SIGMA_MAX].
    static final int GAUSSIAN_POINTS = 200;

    static final double SIGMA_MIN = 0.2;

    static final double SIGMA_MAX = 5;

    /// The narrowest bump: at $w = 0.3$ and $K = 12$ the smallest probability is about $e^{-672}
    /// \approx 10^{-292}$, still a normal double, so that no outcome becomes impossible and every
    /// divergence stays finite.
    static final double MIN_WIDTH = 0.3;

    private static final List<Parameter> PARAMETERS = List.of(
            Parameter.integer("k", "Outcomes $K$", "the number of outcomes of p and q", 2, 12, 8),
            Parameter.number("pCentre", "Centre of $p$", "where p's bump peaks, m_p", 1, 12, 0.5, 3),
            Parameter.number(
                    "pWidth",
                    "Width of $p$",
                    "p's spread w_p: small is nearly certain, large nearly uniform",
                    MIN_WIDTH,
                    10,
                    0.1,
                    1),
            Parameter.number("qCentre", "Centre of $q$", "where q's bump peaks, m_q", 1, 12, 0.5, 6),
            Parameter.number(
                    "qWidth",
                    "Width of $q$",
                    "q's spread w_q: small is nearly certain, large nearly uniform",
                    MIN_WIDTH,
                    10,
                    0.1,
                    2.5),
            Parameter.flag(
                    "gaussian",
                    "Gaussian case",
                    "also draw KL(N(0,1) ‖ N(μ, σ²)) and its reverse against σ, in closed form",
                    true),
            Parameter.number("mu", "Gaussian mean $\\mu$", "the mean of the second Gaussian N(μ, σ²)", -3, 3, 0.1, 1),
            Parameter.number(
                    "sigma",
                    "Gaussian sd $\\sigma$",
                    "the standard deviation marked on the Gaussian chart",
                    SIGMA_MIN,
                    SIGMA_MAX,
                    0.05,
                    2));

    /// Creates the experiment.
    public EntropyAndKlExperiment() {}

    @Override
    public String id() {
        return "entropy-and-kl";
    }

    @Override
    public String title() {
        return "Entropy, cross-entropy and the two Kullback–Leibler divergences";
    }

    @Override
    public int chapter() {
        return 6;
    }

    @Override
    public String summary() {
        return "Two distributions $p$ and $q$ on $K$ outcomes, each a bump with a centre and a width, with their"
                + " entropies, cross-entropy and divergences in nats and bits. Make $q$ wide and $p$ narrow:"
                + " $\\mathrm{KL}(p \\| q)$ stays small, since $q$ covers all of $p$, while $\\mathrm{KL}(q \\| p)$"
                + " is large, since $p$ gives almost no probability to much of what $q$ produces. Then swap them.";
    }

    @Override
    public String formula() {
        return "H(p) = -\\sum_k p_k \\ln p_k, \\quad H(p, q) = -\\sum_k p_k \\ln q_k = H(p) + \\mathrm{KL}(p \\|"
                + " q), \\quad \\mathrm{KL}(p \\| q) = \\sum_k p_k \\ln \\frac{p_k}{q_k} \\ge 0";
    }

    @Override
    public List<Parameter> parameters() {
        return PARAMETERS;
    }

    /// The bump $\operatorname{softmax}(\ell)_k$, $\ell_k = -(k - m)^2/(2w^2)$, $k = 1, \dots, K$; the
    /// largest logit is subtracted first (chapter 7's stable softmax), so nothing overflows.
    static double[] bump(int k, double centre, double width) {
        double[] logits = new double[k];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < k; i++) {
            double z = (i + 1 - centre) / width;
            logits[i] = -z * z / 2;
            max = Math.max(max, logits[i]);
        }
        double sum = 0;
        for (int i = 0; i < k; i++) {
            logits[i] = Math.exp(logits[i] - max);
            sum += logits[i];
        }
        for (int i = 0; i < k; i++) {
            logits[i] /= sum;
        }
        return logits;
    }

    /// $(1 - t)p + tq$.
    static double[] mixture(double[] p, double[] q, double t) {
        double[] m = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            m[i] = (1 - t) * p[i] + t * q[i];
        }
        return m;
    }

    @Override
    public Result run(Arguments arguments, Progress progress) {
        int k = arguments.integer("k");
        double[] p = bump(k, arguments.number("pCentre"), arguments.number("pWidth"));
        double[] q = bump(k, arguments.number("qCentre"), arguments.number("qWidth"));

        List<String> outcomes = new ArrayList<>();
        for (int i = 1; i <= k; i++) {
            outcomes.add(Integer.toString(i));
        }
        Chart bars = Chart.builder("The two distributions on " + k + " outcomes")
                .x(Axis.of("outcome k"))
                .y(Axis.range("probability", 0, 1))
                .add(new Series.Bar("p", outcomes, p, Palette.solid(Palette.BLUE, 0)))
                .add(new Series.Bar("q", outcomes, q, Palette.solid(Palette.ORANGE, 0)))
                .build();

        double hp = Entropy.entropy(p);
        double hq = Entropy.entropy(q);
        double hpq = Entropy.crossEntropy(p, q);
        double hqp = Entropy.crossEntropy(q, p);
        double klpq = Divergence.kullbackLeibler(p, q);
        double klqp = Divergence.kullbackLeibler(q, p);
        double js = Divergence.jensenShannon(p, q);
        double ln2 = Math.log(2);
        Table table = new Table(
                "Information quantities of p and q",
                List.of("quantity", "nats", "bits"),
                List.of(
                        List.of("H(p)", hp, hp / ln2),
                        List.of("H(q)", hq, hq / ln2),
                        List.of("H(p, q)", hpq, hpq / ln2),
                        List.of("H(q, p)", hqp, hqp / ln2),
                        List.of("KL(p ‖ q)", klpq, klpq / ln2),
                        List.of("KL(q ‖ p)", klqp, klqp / ln2),
                        List.of("JS(p, q)", js, js / ln2),
                        List.of("log K (the largest entropy)", Math.log(k), Math.log(k) / ln2)));

        double[] t = new double[PATH_POINTS];
        double[] forward = new double[PATH_POINTS];
        double[] reverse = new double[PATH_POINTS];
        double[] jensen = new double[PATH_POINTS];
        for (int i = 0; i < PATH_POINTS; i++) {
            t[i] = (double) i / (PATH_POINTS - 1);
            double[] qt = i == PATH_POINTS - 1 ? q : mixture(p, q, t[i]);
            forward[i] = Divergence.kullbackLeibler(p, qt);
            reverse[i] = Divergence.kullbackLeibler(qt, p);
            jensen[i] = Divergence.jensenShannon(p, qt);
        }
        Chart path = Chart.builder("Along the path qₜ = (1 − t)p + tq: the two divergences differ")
                .x(Axis.range("t (0: qₜ = p, 1: qₜ = q)", 0, 1))
                .y(Axis.of("nats"))
                .add(new Series.Line("KL(p ‖ qₜ)", t, forward, Palette.solid(Palette.BLUE, 2.5)))
                .add(new Series.Line("KL(qₜ ‖ p)", t, reverse, Palette.solid(Palette.ORANGE, 2.5)))
                .add(new Series.Line("JS(p, qₜ), symmetric, at most ln 2", t, jensen, Palette.dashed(Palette.GREEN, 2)))
                .build();

        Result.Builder result = Result.builder().chart(bars).chart(path).table(table);
        result.note("$\\mathrm{KL}(p \\| q) = " + Format.num(klpq) + "$ nats but $\\mathrm{KL}(q \\| p) = "
                + Format.num(klqp) + "$ nats: the divergence is not symmetric. $\\mathrm{KL}(p \\| q)$ averages"
                + " $\\ln(p_k/q_k)$ over $p$, so it is large where $p$ puts mass that $q$ lacks; $\\mathrm{KL}(q \\|"
                + " p)$ is large where $q$ puts mass that $p$ lacks. The Jensen–Shannon divergence, $"
                + Format.num(js) + "$ nats, compares both with their average and is symmetric and at most"
                + " $\\ln 2$.");
        result.note("The cross-entropy is the entropy plus the divergence: $H(p, q) = " + Format.num(hpq) + " = "
                + Format.num(hp) + " + " + Format.num(klpq) + "$. Coding outcomes of $p$ with a code built for $q$"
                + " costs $\\mathrm{KL}(p \\| q)$ extra nats per outcome (divide by $\\ln 2$ for bits); a"
                + " classifier trained on cross-entropy minimises exactly that extra.");
        result.note("Along the mixture path both divergences start at 0 and are convex in $t$ (KL is jointly"
                + " convex in its two arguments), and near $t = 0$ both grow like $\\tfrac{t^2}{2}\\sum_k"
                + " (q_k - p_k)^2/p_k$: to second order they agree, and the asymmetry appears only farther out.");

        if (arguments.flag("gaussian")) {
            result.chart(gaussian(arguments.number("mu"), arguments.number("sigma"), result));
        }
        return result.build();
    }

    /// The Gaussian chart, its table and its note.
    private static Chart gaussian(double mu, double sigma, Result.Builder result) {
        double[] s = new double[GAUSSIAN_POINTS];
        double[] forward = new double[GAUSSIAN_POINTS];
        double[] reverse = new double[GAUSSIAN_POINTS];
        for (int i = 0; i < GAUSSIAN_POINTS; i++) {
            s[i] = SIGMA_MIN * Math.pow(SIGMA_MAX / SIGMA_MIN, (double) i / (GAUSSIAN_POINTS - 1));
            forward[i] = Divergence.gaussianKullbackLeibler(0, 1, mu, s[i] * s[i]);
            reverse[i] = Divergence.gaussianKullbackLeibler(mu, s[i] * s[i], 0, 1);
        }
        double bestForward = Math.sqrt(1 + mu * mu);
        double forwardMin = Divergence.gaussianKullbackLeibler(0, 1, mu, bestForward * bestForward);
        double reverseMin = Divergence.gaussianKullbackLeibler(mu, 1, 0, 1);
        double forwardAt = Divergence.gaussianKullbackLeibler(0, 1, mu, sigma * sigma);
        double reverseAt = Divergence.gaussianKullbackLeibler(mu, sigma * sigma, 0, 1);
        // The curves rise steeply at both ends; the interesting part is near the minima and the marked σ.
        double top = Math.max(2.5, 1.5 * Math.max(Math.max(forwardAt, reverseAt), Math.max(forwardMin, reverseMin)));
        Chart chart = Chart.builder("Two Gaussians, p = N(0, 1) and q = N(" + Format.num(mu) + ", σ²): KL against σ")
                .x(Axis.log("σ, the standard deviation of q"))
                .y(Axis.range("nats", 0, top))
                .add(new Series.Line("KL(p ‖ q)", s, forward, Palette.solid(Palette.BLUE, 2.5)))
                .add(new Series.Line("KL(q ‖ p)", s, reverse, Palette.solid(Palette.ORANGE, 2.5)))
                .annotate(new Annotation.Point(
                        bestForward, forwardMin, "min KL(p ‖ q): σ² = 1 + μ²", Palette.solid(Palette.BLUE, 9)))
                .annotate(new Annotation.Point(1, reverseMin, "min KL(q ‖ p): σ = 1", Palette.solid(Palette.ORANGE, 9)))
                .annotate(new Annotation.Point(sigma, forwardAt, "", Palette.solid("#000000", 6)))
                .annotate(new Annotation.Point(sigma, reverseAt, "", Palette.solid("#000000", 6)))
                .build();
        result.table(new Table(
                "Two Gaussians, p = N(0, 1), q = N(μ, σ²), μ = " + Format.num(mu) + ", σ = " + Format.num(sigma),
                List.of("quantity", "nats", "bits"),
                List.of(
                        List.of("KL(p ‖ q)", forwardAt, forwardAt / Math.log(2)),
                        List.of("KL(q ‖ p)", reverseAt, reverseAt / Math.log(2)),
                        List.of("least KL(p ‖ q) over σ, at σ = √(1 + μ²)", forwardMin, forwardMin / Math.log(2)),
                        List.of("least KL(q ‖ p) over σ, at σ = 1", reverseMin, reverseMin / Math.log(2)))));
        result.note("For Gaussians the divergence has a closed form, $\\mathrm{KL}(N(\\mu_1, \\sigma_1^2) \\|"
                + " N(\\mu_2, \\sigma_2^2)) = \\ln\\frac{\\sigma_2}{\\sigma_1} + \\frac{\\sigma_1^2 + (\\mu_1 -"
                + " \\mu_2)^2}{2\\sigma_2^2} - \\frac12$. Over $\\sigma$, $\\mathrm{KL}(p \\| q)$ is least at"
                + " $\\sigma^2 = 1 + \\mu^2$: a $q$ fitted this way (as maximum likelihood does) widens to cover"
                + " $p$'s mass around its own off-centre mean. $\\mathrm{KL}(q \\| p)$ is least at $\\sigma = 1$,"
                + " whatever $\\mu$: the direction variational inference minimises prefers to stay inside $p$."
                + " The black dots mark $\\sigma = " + Format.num(sigma) + "$.");
        return chart;
    }
}
