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
import dev.lemma.prob.ChiSquared;
import dev.lemma.prob.DiscreteDistribution;
import dev.lemma.prob.Distribution;
import dev.lemma.prob.Exponential;
import dev.lemma.prob.LogNormal;
import dev.lemma.prob.Normal;
import dev.lemma.prob.Uniform;
import dev.lemma.stats.HypothesisTests;
import dev.lemma.stats.Summary;
import dev.lemma.viz.Axis;
import dev.lemma.viz.Chart;
import dev.lemma.viz.Series;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/// The central limit theorem: if $X_1, \dots, X_n$ are independent with mean $\mu$ and variance
/// $\sigma^2 < \infty$, the standardised mean $Z_n = \sqrt n(\bar X_n - \mu)/\sigma$ tends in
/// distribution to $N(0, 1)$. The experiment draws $m$ standardised means of $n$ draws from a skewed
/// distribution and shows their histogram against the normal density $\varphi$; a second chart measures
/// the distance to normality, the Kolmogorov–Smirnov distance $D_n = \sup_z |\hat F_{Z_n}(z) - \Phi(z)|$
/// of the $m$ means' empirical CDF, for $n = 1, 2, 4, \dots, 1024$, beside the Berry–Esseen bound
///
/// $$\sup_z |F_{Z_n}(z) - \Phi(z)| \le \frac{C \rho}{\sigma^3 \sqrt n}, \qquad \rho = E|X - \mu|^3,$$
///
/// with $C = 0.4748$ (Shevtsova 2011, the best constant known for identically distributed summands).
/// The sampled $D_n$ cannot fall below the sampling noise of an empirical CDF of $m$ points, whose
/// expected distance from its own CDF is about $\sqrt{\pi/2}\,\ln 2/\sqrt m \approx 0.8687/\sqrt m$
/// (the mean of Kolmogorov's limiting distribution); that floor is drawn too.
///
/// The third absolute moments are exact: for the exponential with rate 1, $\rho = 12/e - 2$; for
/// $\chi^2_1 = Z^2$, $\rho = E(Z^2 - 1)^3 + 2E[(1 - Z^2)^3; |Z| < 1] = 8 + 2(M_0 - 3M_2 + 3M_4 - M_6)$
/// with the truncated normal moments $M_{2k} = \int_{-1}^1 z^{2k}\varphi = (2k - 1)M_{2k-2} - 2\varphi(1)$;
/// for the log-normal, the same split at $\mu$ with the partial moments $E[X^k; X < c] =
/// e^{k^2/2}\Phi(\ln c - k)$; for $U(0, 1)$, $\rho = 1/32$.
///
/// References: W. Feller, *An Introduction to Probability Theory and Its Applications*, vol. II,
/// 2nd ed., Wiley 1971, §XVI.5 (Berry–Esseen); I. G. Shevtsova, "On the absolute constants in the
/// Berry–Esseen type inequalities for identically distributed summands", arXiv:1111.6554, 2011;
/// G. Marsaglia, W. W. Tsang and J. Wang, "Evaluating Kolmogorov's distribution", J. Stat. Softw. 8(18),
/// 2003.
public final class CentralLimitTheoremExperiment implements Experiment {

    /// The Berry–Esseen constant for identically distributed summands (Shevtsova 2011).
    static final double BERRY_ESSEEN = 0.4748;

    /// The mean of Kolmogorov's limiting distribution, $\sqrt{\pi/2}\ln 2$: the expected
    /// $\sqrt m\,D$ of an empirical CDF of $m$ points against its own continuous CDF, for large $m$.
    static final double KOLMOGOROV_MEAN = Math.sqrt(Math.PI / 2) * Math.log(2);

    /// The largest $n$ of the distance chart: $2^{10}$.
    static final int LARGEST_N = 1024;

    /// The histogram's half-width in standard units, and its bin width.
    static final double HALF_WIDTH = 4;

    static final double BIN = 0.2;

    static final List<String> DISTRIBUTIONS =
            List.of("exponential", "chi-squared-1", "log-normal", "bernoulli-0.1", "uniform");

    private static final List<Parameter> PARAMETERS = List.of(
            Parameter.choice(
                    "distribution",
                    "Distribution of each draw",
                    "exponential: rate 1, skewness 2; chi-squared-1: Z², skewness 2.83; log-normal: μ = 0, σ = 1,"
                            + " skewness 6.18; bernoulli-0.1: coin flips with p = 0.1, skewness 2.67, on a lattice; uniform: U(0, 1), symmetric, for contrast",
                    DISTRIBUTIONS,
                    "exponential"),
            Parameter.integer("n", "Draws per mean $n$", "how many draws each mean averages", 1, 1000, 10),
            Parameter.integer(
                    "repetitions",
                    "Means $m$",
                    "how many independent means make the histogram and each distance",
                    1000,
                    20_000,
                    5000),
            Parameter.seed(7));

    /// Creates the experiment.
    public CentralLimitTheoremExperiment() {}

    @Override
    public String id() {
        return "central-limit-theorem";
    }

    @Override
    public String title() {
        return "The central limit theorem and the Berry–Esseen bound";
    }

    @Override
    public int chapter() {
        return 3;
    }

    @Override
    public String summary() {
        return "Averages $n$ draws from a skewed distribution, many times, and compares the standardised means"
                + " with the standard normal. At $n = 1$ the histogram is the skewed distribution itself; by"
                + " $n = 30$ it is close to the bell, though still leaning. The second chart shows the distance"
                + " to the normal CDF falling like $1/\\sqrt n$, under the Berry–Esseen bound, until it reaches"
                + " the noise of a finite sample. Try the log-normal, whose skew takes longest to wash out.";
    }

    @Override
    public String formula() {
        return "Z_n = \\frac{\\sqrt n\\,(\\bar X_n - \\mu)}{\\sigma} \\xrightarrow{d} N(0, 1), \\qquad"
                + " \\sup_z |P(Z_n \\le z) - \\Phi(z)| \\le \\frac{0.4748\\,E|X - \\mu|^3}{\\sigma^3 \\sqrt n}";
    }

    @Override
    public List<Parameter> parameters() {
        return PARAMETERS;
    }

    /// A distribution to average, with its third absolute central moment $\rho = E|X - \mu|^3$ and its
    /// skewness $\gamma = E(X - \mu)^3/\sigma^3$.
    record Source(String name, Distribution distribution, double rho, double skewness) {}

    /// The distribution behind a menu entry, with its exact $\rho$ and skewness.
    static Source source(String name) {
        Normal z = Normal.standard();
        return switch (name) {
            case "exponential" -> new Source(name, new Exponential(1), 12 / Math.E - 2, 2);
            case "chi-squared-1" -> {
                double phi1 = z.pdf(1);
                double m0 = 2 * z.cdf(1) - 1;
                double m2 = m0 - 2 * phi1;
                double m4 = 3 * m2 - 2 * phi1;
                double m6 = 5 * m4 - 2 * phi1;
                // E(Z² − 1)³ = 15 − 9 + 3 − 1 = 8, and the part below the mean counted with its sign flipped.
                double rho = 8 + 2 * (m0 - 3 * m2 + 3 * m4 - m6);
                yield new Source(name, new ChiSquared(1), rho, Math.sqrt(8));
            }
            case "log-normal" -> {
                double mu = Math.exp(0.5);
                double[] partial = new double[4]; // E[X^k; X < μ] = e^{k²/2} Φ(ln μ − k), ln μ = ½
                double[] full = new double[4]; // E[X^k] = e^{k²/2}
                for (int k = 0; k < 4; k++) {
                    full[k] = Math.exp(k * k / 2.0);
                    partial[k] = full[k] * z.cdf(0.5 - k);
                }
                double third = full[3] - 3 * mu * full[2] + 3 * mu * mu * full[1] - mu * mu * mu;
                double below = mu * mu * mu * partial[0] - 3 * mu * mu * partial[1] + 3 * mu * partial[2] - partial[3];
                LogNormal d = new LogNormal(0, 1);
                double sigma = d.standardDeviation();
                yield new Source(name, d, third + 2 * below, third / (sigma * sigma * sigma));
            }
            case "bernoulli-0.1" -> {
                double p = 0.1;
                double q = 1 - p;
                // |X − p|³ is q³ with probability p and p³ with probability q.
                yield new Source(name, new Bernoulli(p), p * q * (p * p + q * q), (q - p) / Math.sqrt(p * q));
            }
            case "uniform" -> new Source(name, new Uniform(0, 1), 1.0 / 32, 0);
            default -> throw new IllegalArgumentException("unknown distribution " + name);
        };
    }

    /// `m` standardised means $\sqrt n(\bar X_n - \mu)/\sigma$ of `n` draws each.
    static double[] standardisedMeans(Distribution d, int n, int m, SplittableRandom rng) {
        double mu = d.mean();
        double scale = Math.sqrt(n) / d.standardDeviation();
        double[] z = new double[m];
        for (int r = 0; r < m; r++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += d.sample(rng);
            }
            z[r] = (sum / n - mu) * scale;
        }
        return z;
    }

    /// The Kolmogorov–Smirnov distance of a sample's empirical CDF from $\Phi$.
    static double distanceFromNormal(double[] z) {
        Normal standard = Normal.standard();
        return HypothesisTests.ksOneSample(z, standard::cdf).statistic();
    }

    /// The Berry–Esseen bound $C\rho/(\sigma^3\sqrt n)$.
    static double berryEsseen(Source s, int n) {
        double sigma = s.distribution().standardDeviation();
        return BERRY_ESSEEN * s.rho() / (sigma * sigma * sigma * Math.sqrt(n));
    }

    @Override
    public Result run(Arguments arguments, Progress progress) {
        Source s = source(arguments.choice("distribution"));
        int n = arguments.integer("n");
        int m = arguments.integer("repetitions");
        SplittableRandom root = new SplittableRandom(arguments.seed("seed"));
        Distribution d = s.distribution();

        progress.report(0, "means of n = " + n);
        double[] z = standardisedMeans(d, n, m, root.split());
        double dAtN = distanceFromNormal(z);
        Summary summary = Summary.of(z);

        double[] edges;
        double[] density;
        int outside = 0;
        if (d instanceof DiscreteDistribution) {
            // A sum of integer draws lives on a lattice of spacing h = 1/(σ√n) in standard units: one bin per
            // lattice point, or bins of 0.2 would hold one point or none and draw spikes.
            double h = 1 / (d.standardDeviation() * Math.sqrt(n));
            double centre = n * d.mean();
            long lo = (long) Math.floor(centre - HALF_WIDTH / h);
            long hi = (long) Math.ceil(centre + HALF_WIDTH / h);
            int bins = (int) (hi - lo + 1);
            edges = new double[bins + 1];
            for (int i = 0; i <= bins; i++) {
                edges[i] = (lo + i - 0.5 - centre) * h;
            }
            density = new double[bins];
            for (double v : z) {
                long k = Math.round(v / h + centre);
                if (k >= lo && k <= hi) {
                    density[(int) (k - lo)] += 1.0 / (m * h);
                } else {
                    outside++;
                }
            }
        } else {
            int bins = (int) Math.round(2 * HALF_WIDTH / BIN);
            edges = new double[bins + 1];
            for (int i = 0; i <= bins; i++) {
                edges[i] = -HALF_WIDTH + i * BIN;
            }
            density = new double[bins];
            for (double v : z) {
                int bin = (int) Math.floor((v + HALF_WIDTH) / BIN);
                if (bin >= 0 && bin < bins) {
                    density[bin] += 1.0 / (m * BIN);
                } else {
                    outside++;
                }
            }
        }
        int points = 161;
        double[] x = new double[points];
        double[] phi = new double[points];
        for (int i = 0; i < points; i++) {
            x[i] = -HALF_WIDTH + 2 * HALF_WIDTH * i / (points - 1);
            phi[i] = Normal.standard().pdf(x[i]);
        }
        Chart histogram = Chart.builder("Standardised means of n = " + n + " " + s.name() + " draws (" + m + " means)")
                .x(Axis.range("standardised mean √n (X̄ₙ − μ)/σ", -HALF_WIDTH, HALF_WIDTH))
                .y(Axis.of("density"))
                .add(new Series.Histogram("standardised means", edges, density, Palette.solid(Palette.BLUE, 1)))
                .add(new Series.Line("standard normal density φ", x, phi, Palette.solid(Palette.RED, 2.5)))
                .build();

        List<Double> sizes = new ArrayList<>();
        List<Double> distances = new ArrayList<>();
        for (int k = 1; k <= LARGEST_N; k *= 2) {
            progress.report(0.1 + 0.9 * (2.0 * k - 1) / (2 * LARGEST_N - 1), "distance at n = " + k);
            sizes.add((double) k);
            distances.add(distanceFromNormal(standardisedMeans(d, k, m, root.split())));
        }
        progress.report(1, "done");
        double[] ns = sizes.stream().mapToDouble(Double::doubleValue).toArray();
        double[] ds = distances.stream().mapToDouble(Double::doubleValue).toArray();
        double[] bound = new double[ns.length];
        double[] floor = new double[ns.length];
        for (int i = 0; i < ns.length; i++) {
            bound[i] = berryEsseen(s, (int) ns[i]);
            floor[i] = KOLMOGOROV_MEAN / Math.sqrt(m);
        }
        Chart distance = Chart.builder("Distance from the normal CDF against n, " + s.name())
                .x(Axis.log("draws per mean n"))
                .y(Axis.log("KS distance sup |F̂(z) − Φ(z)|"))
                .add(new Series.Line("Berry–Esseen bound 0.4748 ρ/(σ³√n)", ns, bound, Palette.dashed(Palette.RED, 2)))
                .add(new Series.Line(
                        "sampling noise ≈ 0.87/√m of " + m + " means", ns, floor, Palette.dotted(Palette.GREY, 2)))
                .add(new Series.Line("measured distance Dₙ", ns, ds, Palette.solid(Palette.BLUE, 2.5)))
                .build();

        double sigma = d.standardDeviation();
        Table table = new Table(
                "Standardised means of n = " + n + " draws",
                List.of("quantity", "theory", "sample of " + m + " means"),
                List.of(
                        List.of("mean", 0.0, summary.mean()),
                        List.of("variance", 1.0, summary.variance()),
                        List.of("skewness γ/√n", s.skewness() / Math.sqrt(n), summary.skewness()),
                        List.of("KS distance from Φ (theory: Berry–Esseen bound)", berryEsseen(s, n), dAtN),
                        List.of("ρ = E|X − μ|³ of one draw", s.rho(), "σ = " + Format.num(sigma))));

        Result.Builder result =
                Result.builder().chart(histogram).chart(distance).table(table);
        result.note("Each mean averages $n = " + n + "$ independent draws and is standardised with the exact"
                + " $\\mu = " + Format.num(d.mean()) + "$ and $\\sigma = " + Format.num(sigma) + "$, so it has mean"
                + " 0 and variance 1 for every $n$; only its shape changes. The skewness of a mean of $n$ draws"
                + " is $\\gamma/\\sqrt n$ (third cumulants add, and standardising divides by $n^{3/2}$): here"
                + " $" + Format.num(s.skewness()) + "/\\sqrt{" + n + "} = " + Format.num(s.skewness() / Math.sqrt(n))
                + "$, which is why the histogram still leans"
                + (s.skewness() > 0
                        ? " right (a long right tail, the mode left of 0)."
                        : " nowhere: the uniform is"
                                + " symmetric, and its means look normal already at $n = 3$ or so."));
        result.note("The Berry–Esseen theorem bounds the distance of $Z_n$'s CDF from $\\Phi$ by $C\\rho/(\\sigma^3"
                + "\\sqrt n)$ with $\\rho = E|X - \\mu|^3 = " + Format.num(s.rho()) + "$: on the log–log chart it is"
                + " a line of slope $-1/2$. The measured distance runs parallel to it, below (the bound holds for"
                + " every distribution with these moments, so it is not tight for this one), until it meets the"
                + " dotted floor: an empirical CDF of $m = " + m + "$ points is itself about $0.87/\\sqrt m = "
                + Format.num(KOLMOGOROV_MEAN / Math.sqrt(m)) + "$ from the CDF it samples, so the simulation cannot"
                + " see smaller distances. More means lower the floor.");
        if (d instanceof DiscreteDistribution) {
            result.note("A mean of $n$ coin flips takes only the values $k/n$: in standard units a lattice of"
                    + " spacing $1/(\\sigma\\sqrt n) = " + Format.num(1 / (sigma * Math.sqrt(n))) + "$, one bar per"
                    + " value. The CDF of $Z_n$ is a staircase, and its jumps of about $\\varphi(z)/(\\sigma\\sqrt n)$"
                    + " keep it from $\\Phi$ by at least half a jump: that is the $1/\\sqrt n$ of Berry–Esseen, and"
                    + " lattice distributions come closest to the bound.");
        }
        if (outside > 0) {
            result.note(outside + " of the " + m + " means fall outside $[-4, 4]$ and are not drawn (a normal"
                    + " variable does so with probability $6 \\times 10^{-5}$).");
        }
        return result.build();
    }
}
