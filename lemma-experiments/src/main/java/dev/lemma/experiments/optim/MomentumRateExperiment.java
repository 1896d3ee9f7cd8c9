package dev.lemma.experiments.optim;

import dev.lemma.experiments.Arguments;
import dev.lemma.experiments.Experiment;
import dev.lemma.experiments.Format;
import dev.lemma.experiments.Palette;
import dev.lemma.experiments.Parameter;
import dev.lemma.experiments.Progress;
import dev.lemma.experiments.Result;
import dev.lemma.experiments.Table;
import dev.lemma.optim.GradientDescent;
import dev.lemma.optim.Momentum;
import dev.lemma.optim.OptimizationResult;
import dev.lemma.optim.TestFunction;
import dev.lemma.optim.TestFunctions;
import dev.lemma.viz.Axis;
import dev.lemma.viz.Chart;
import dev.lemma.viz.ColorScale;
import dev.lemma.viz.Series;
import java.util.ArrayList;
import java.util.List;

/// Why momentum works, computed (after G. Goh, "Why momentum really works", Distill 2017). On the
/// quadratic $\tfrac12 x^\top A x$ with eigenvalues $\lambda$ in $[\mu, L]$, heavy ball
/// $x_{k+1} = x_k - \alpha A x_k + \beta (x_k - x_{k-1})$ acts on each eigen-direction separately, through
/// the $2 \times 2$ matrix
/// $$M(\lambda) = \begin{pmatrix} 1 + \beta - \alpha\lambda & -\beta \\ 1 & 0 \end{pmatrix},$$
/// so the error shrinks asymptotically by $\max_\lambda \rho(M(\lambda))$ per step. The experiment computes
/// that spectral radius in closed form ([#spectralRadius]), draws it over $[\mu, L]$ and over the
/// $(\alpha, \beta)$ plane, and sets it beside the rate the library's [Momentum] actually achieves.
///
/// The quadratic is normalised to $L = 1$, $\mu = 1/\kappa$, so $\alpha$ reads as a multiple of $1/L$.
public final class MomentumRateExperiment implements Experiment {

    /// Points of the curve $\rho(\lambda)$.
    static final int CURVE = 300;

    /// Cells of the heatmap along $\alpha$ and along $\beta$.
    static final int ALPHA_CELLS = 120;

    static final int BETA_CELLS = 100;

    /// The largest step of the heatmap: heavy ball is stable only for $\alpha L < 2(1 + \beta) < 4$.
    static final double ALPHA_MAX = 4;

    /// The seed of the quadratic's random eigenvectors.
    static final long SEED = 3;

    /// Errors below this are not used to measure the rate: they are near the bottom of the double range,
    /// where subnormal numbers lose digits.
    static final double SMALLEST_ERROR = 1e-250;

    private static final List<Parameter> PARAMETERS = List.of(
            Parameter.number(
                    "kappa", "Condition number $\\kappa = L/\\mu$", "the spread of the curvatures", 1, 10000, 1, 100),
            Parameter.number(
                    "alpha",
                    "Step $\\alpha$ (in units of $1/L$)",
                    "heavy ball's learning rate; stable only below 2(1 + β)",
                    0.01,
                    4,
                    0.01,
                    2),
            Parameter.number("beta", "Momentum $\\beta$", "the weight on the previous step", 0, 0.99, 0.01, 0.6),
            Parameter.flag(
                    "optimal",
                    "Use the optimal $(\\alpha^\\star, \\beta^\\star)$",
                    "replace α and β by the parameters that minimise the rate",
                    false),
            Parameter.integer(
                    "dimension",
                    "Dimension $n$",
                    "how many eigenvalues, evenly spaced from μ to L (2: just the two ends)",
                    2,
                    50,
                    10),
            Parameter.integer("iterations", "Iterations", "heavy-ball steps to take", 10, 2000, 300));

    /// Creates the experiment.
    public MomentumRateExperiment() {}

    @Override
    public String id() {
        return "momentum-rate";
    }

    @Override
    public String title() {
        return "Why momentum works: the rate is a spectral radius";
    }

    @Override
    public int chapter() {
        return 5;
    }

    @Override
    public String summary() {
        return "Heavy ball on an ill-conditioned quadratic: the measured rate of convergence beside the largest"
                + " spectral radius of the $2 \\times 2$ iteration matrices, one per eigenvalue. Move $\\alpha$ and"
                + " $\\beta$ over the map of rates, or tick *optimal* to see the curve $\\rho(\\lambda)$ go flat at"
                + " $\\frac{\\sqrt\\kappa - 1}{\\sqrt\\kappa + 1}$.";
    }

    @Override
    public String formula() {
        return "\\rho(\\lambda) = \\max |z| : z^2 - (1 + \\beta - \\alpha\\lambda) z + \\beta = 0, \\qquad "
                + "\\text{rate} = \\max_{\\lambda \\in \\{\\lambda_i\\}} \\rho(\\lambda)";
    }

    @Override
    public List<Parameter> parameters() {
        return PARAMETERS;
    }

    /// The spectral radius of $M(\lambda) = \begin{pmatrix} 1 + \beta - \alpha\lambda & -\beta \\ 1 & 0
    /// \end{pmatrix}$, from its characteristic polynomial $z^2 - bz + \beta$, $b = 1 + \beta - \alpha\lambda$:
    /// when $b^2 < 4\beta$ the roots are complex conjugates of modulus $\sqrt\beta$; otherwise they are
    /// real, $\frac{b \pm \sqrt{b^2 - 4\beta}}{2}$, and the larger modulus is $\frac{|b| + \sqrt{b^2 -
    /// 4\beta}}{2}$.
    ///
    /// @param alpha the step $\alpha$
    /// @param beta the momentum $\beta \ge 0$
    /// @param lambda the eigenvalue $\lambda$
    /// @return $\rho(M(\lambda))$
    static double spectralRadius(double alpha, double beta, double lambda) {
        double b = 1 + beta - alpha * lambda;
        double discriminant = b * b - 4 * beta;
        return discriminant < 0 ? Math.sqrt(beta) : 0.5 * (Math.abs(b) + Math.sqrt(discriminant));
    }

    /// The rate on the quadratic: the largest spectral radius over its eigenvalues.
    static double rate(double alpha, double beta, double[] eigenvalues) {
        double r = 0;
        for (double lambda : eigenvalues) {
            r = Math.max(r, spectralRadius(alpha, beta, lambda));
        }
        return r;
    }

    /// The eigenvalues $\mu + (L - \mu)\,i/(n - 1)$ of the experiment's quadratic, as the library builds it
    /// ([TestFunctions#quadratic(int, double, double, long)]).
    static double[] eigenvalues(int n, double mu, double l) {
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = mu + (l - mu) * i / (n - 1);
        }
        return d;
    }

    /// The rate observed in a run: $e^{s}$ for the least-squares slope $s$ of $\log e_k$ against $k$ over
    /// the second half of the usable errors (finite, and at least [#SMALLEST_ERROR]). Fitting a line rather
    /// than taking the ratio of two errors averages out the oscillation of complex eigenvalues.
    ///
    /// @param errors $e_0, e_1, \dots$
    /// @return the rate, or NaN if fewer than four errors are usable
    static double observedRate(double[] errors) {
        int usable = 0;
        while (usable < errors.length && Double.isFinite(errors[usable]) && errors[usable] >= SMALLEST_ERROR) {
            usable++;
        }
        int from = usable / 2;
        int m = usable - from;
        if (m < 4) {
            return Double.NaN;
        }
        double mk = 0;
        double ml = 0;
        for (int k = from; k < usable; k++) {
            mk += k;
            ml += Math.log(errors[k]);
        }
        mk /= m;
        ml /= m;
        double sxy = 0;
        double sxx = 0;
        for (int k = from; k < usable; k++) {
            sxy += (k - mk) * (Math.log(errors[k]) - ml);
            sxx += (k - mk) * (k - mk);
        }
        return Math.exp(sxy / sxx);
    }

    /// The distance of each iterate from the minimiser $x^\star = 0$.
    static double[] errors(OptimizationResult r) {
        double[] e = new double[r.trajectory().size()];
        for (int k = 0; k < e.length; k++) {
            double s = 0;
            for (double v : r.trajectory().get(k)) {
                s += v * v;
            }
            e[k] = Math.sqrt(s);
        }
        return e;
    }

    /// Runs heavy ball and gradient descent on the quadratic and draws the rates.
    ///
    /// @param arguments `kappa`, `alpha`, `beta`, `optimal`, `dimension`, `iterations`
    /// @param progress not used: the run takes milliseconds
    /// @return the error curves, $\rho(\lambda)$, the map of rates, the table and the notes
    @Override
    public Result run(Arguments arguments, Progress progress) {
        double kappa = arguments.number("kappa");
        int n = arguments.integer("dimension");
        int iterations = arguments.integer("iterations");
        double l = 1;
        double mu = l / kappa;
        double sk = Math.sqrt(kappa);
        Momentum best = Momentum.optimalFor(mu, l, iterations, 0);
        double optimalRate = (sk - 1) / (sk + 1);
        boolean optimal = arguments.flag("optimal");
        double alpha = optimal ? best.learningRate() : arguments.number("alpha");
        double beta = optimal ? best.momentum() : arguments.number("beta");
        double[] lambdas = eigenvalues(n, mu, l);
        double theory = rate(alpha, beta, lambdas);

        TestFunction q = TestFunctions.quadratic(n, mu, l, SEED);
        OptimizationResult heavy = new Momentum(alpha, beta, iterations, 0).minimize(q.objective(), q.start());
        double[] e = errors(heavy);
        double observed = observedRate(e);
        double gdStep = 2 / (l + mu);
        double gdRate = (kappa - 1) / (kappa + 1);
        OptimizationResult gd = new GradientDescent(gdStep, GradientDescent.Rule.FIXED, iterations, 0)
                .minimize(q.objective(), q.start());
        double[] eGd = errors(gd);

        Result.Builder result = Result.builder()
                .chart(errorChart(e, eGd, theory, gdRate, alpha, beta))
                .chart(radiusChart(alpha, beta, best, lambdas, mu, l, optimalRate))
                .chart(rateMap(alpha, beta, best, mu, l));
        result.table(new Table(
                "Heavy ball on a quadratic with κ = " + Landscape.plain(kappa) + " in " + n + " dimensions",
                List.of("quantity", "value"),
                List.of(
                        List.of("step α (L = 1)", alpha),
                        List.of("momentum β", beta),
                        List.of("theoretical rate max ρ(M(λᵢ))", theory),
                        List.of("observed rate (fit over the second half)", Landscape.cell(observed)),
                        List.of("status of the run", heavy.status().name() + ": " + heavy.reason()),
                        List.of("optimal α* = 4/(√L + √μ)²", best.learningRate()),
                        List.of("optimal β* = ((√κ − 1)/(√κ + 1))²", best.momentum()),
                        List.of("optimal rate (√κ − 1)/(√κ + 1)", optimalRate),
                        List.of("gradient descent's best rate (κ − 1)/(κ + 1)", gdRate),
                        List.of("gradient descent's observed rate", Landscape.cell(observedRate(eGd))),
                        List.of("iterations per digit at the theoretical rate", digitsCost(theory)),
                        List.of("iterations per digit for gradient descent", digitsCost(gdRate)))));
        notes(result, kappa, alpha, beta, theory, observed, optimalRate, gdRate, heavy, lambdas);
        return result.build();
    }

    /// Iterations per decimal digit at a rate: $-1/\log_{10}\rho$ (infinite at $\rho \ge 1$, written as
    /// NaN-free text in the table by returning a string there).
    private static Object digitsCost(double rate) {
        if (!(rate < 1)) {
            return "never (rate ≥ 1)";
        }
        if (rate == 0) {
            return 0.0;
        }
        return -1 / Math.log10(rate);
    }

    private static void notes(
            Result.Builder result,
            double kappa,
            double alpha,
            double beta,
            double theory,
            double observed,
            double optimalRate,
            double gdRate,
            OptimizationResult heavy,
            double[] lambdas) {
        if (theory >= 1) {
            result.note("With $\\alpha = " + Format.num(alpha) + "$ and $\\beta = " + Format.num(beta) + "$ the"
                    + " largest spectral radius is $" + Format.num(theory)
                    + " \\ge 1$: heavy ball does not converge, and"
                    + " diverges when it exceeds 1 (it needs $0 < \\alpha\\lambda < 2(1 + \\beta)$ for every"
                    + " eigenvalue). The run ended "
                    + heavy.status().name() + ": " + heavy.reason() + ".");
        } else if (Double.isNaN(observed)) {
            result.note("The error fell to zero (or below $10^{-250}$) too quickly to measure a rate: the theory"
                    + " gives $" + Format.num(theory) + "$ per step.");
        } else {
            result.note("The error shrinks by $" + Format.num(observed) + "$ per step over the second half of the"
                    + " run; the largest spectral radius of the iteration matrices predicts $" + Format.num(theory)
                    + "$ (relative difference $" + Format.sci(Math.abs(observed / theory - 1)) + "$). That is "
                    + Landscape.plain(-1 / Math.log10(theory)) + " iterations per digit, against "
                    + Landscape.plain(-1 / Math.log10(gdRate)) + " for gradient descent at its best step.");
        }
        result.note("Where $(1 + \\beta - \\alpha\\lambda)^2 < 4\\beta$ the two eigenvalues of $M(\\lambda)$ are"
                + " complex with modulus $\\sqrt\\beta = " + Format.num(Math.sqrt(beta)) + "$ whatever $\\lambda$: the"
                + " error spirals. At the optimal parameters every $\\lambda \\in [\\mu, L]$ is in that region and"
                + " the rate is $\\frac{\\sqrt\\kappa - 1}{\\sqrt\\kappa + 1} = " + Format.num(optimalRate) + "$ for"
                + " $\\kappa = " + Format.num(kappa) + "$, against $\\frac{\\kappa - 1}{\\kappa + 1} = "
                + Format.num(gdRate) + "$ for gradient descent.");
        result.note("The quadratic has " + lambdas.length + " eigenvalues evenly spaced from $\\mu = 1/\\kappa$ to"
                + " $L = 1$ with random eigenvectors; it starts at $(1, \\dots, 1)$. $\\rho(\\lambda)$ is largest at"
                + " an end of $[\\mu, L]$, so the map of rates uses $\\max(\\rho(\\mu), \\rho(L))$ and leaves blank"
                + " the $(\\alpha, \\beta)$ where it is $\\ge 1$.");
    }

    private static Chart errorChart(double[] e, double[] eGd, double theory, double gdRate, double alpha, double beta) {
        double[] theoryLine = new double[e.length];
        double[] gdLine = new double[eGd.length];
        for (int k = 0; k < e.length; k++) {
            theoryLine[k] = e[0] * Math.pow(theory, k);
        }
        for (int k = 0; k < eGd.length; k++) {
            gdLine[k] = eGd[0] * Math.pow(gdRate, k);
        }
        return Chart.builder("Error ‖x_k − x*‖ per iteration")
                .x(Axis.of("iteration k"))
                .y(Axis.log("‖x_k − x*‖"))
                .add(new Series.Line(
                        "heavy ball, α = " + Landscape.plain(alpha) + ", β = " + Landscape.plain(beta),
                        Landscape.iterations(e.length),
                        Landscape.positive(e),
                        Palette.solid(Palette.BLUE, 2)))
                .add(new Series.Line(
                        "‖x₀‖ · (max ρ)^k",
                        Landscape.iterations(e.length),
                        Landscape.positive(theoryLine),
                        Palette.dashed(Palette.BLUE, 1.5)))
                .add(new Series.Line(
                        "gradient descent, η = 2/(L + μ)",
                        Landscape.iterations(eGd.length),
                        Landscape.positive(eGd),
                        Palette.solid(Palette.GREY, 2)))
                .add(new Series.Line(
                        "‖x₀‖ · ((κ − 1)/(κ + 1))^k",
                        Landscape.iterations(eGd.length),
                        Landscape.positive(gdLine),
                        Palette.dashed(Palette.GREY, 1.5)))
                .build();
    }

    private static Chart radiusChart(
            double alpha, double beta, Momentum best, double[] lambdas, double mu, double l, double optimalRate) {
        double[] x = new double[CURVE];
        double[] rho = new double[CURVE];
        double[] rhoBest = new double[CURVE];
        for (int i = 0; i < CURVE; i++) {
            x[i] = mu * Math.pow(l / mu, (double) i / (CURVE - 1)); // even on the logarithmic axis
            rho[i] = spectralRadius(alpha, beta, x[i]);
            rhoBest[i] = spectralRadius(best.learningRate(), best.momentum(), x[i]);
        }
        double[] at = new double[lambdas.length];
        for (int i = 0; i < lambdas.length; i++) {
            at[i] = spectralRadius(alpha, beta, lambdas[i]);
        }
        Chart.Builder chart = Chart.builder("Spectral radius ρ(M(λ)) over the eigenvalues λ ∈ [μ, L]")
                .x(mu < l ? Axis.log("eigenvalue λ") : Axis.of("eigenvalue λ"))
                .y(Axis.of("ρ(M(λ))"))
                .add(new Series.Line("ρ(λ) at the chosen α, β", x, rho, Palette.solid(Palette.BLUE, 2)))
                .add(new Series.Line(
                        "ρ(λ) at the optimal α*, β* (flat at " + Landscape.plain(optimalRate) + ")",
                        x,
                        rhoBest,
                        Palette.dashed(Palette.GREEN, 2)))
                .add(new Series.Scatter(
                        "the quadratic's eigenvalues", lambdas, at, List.of(), Palette.solid(Palette.BLUE, 7)));
        return chart.build();
    }

    private static Chart rateMap(double alpha, double beta, Momentum best, double mu, double l) {
        double[] as = new double[ALPHA_CELLS];
        double[] bs = new double[BETA_CELLS];
        for (int j = 0; j < ALPHA_CELLS; j++) {
            as[j] = ALPHA_MAX * (j + 0.5) / ALPHA_CELLS;
        }
        for (int i = 0; i < BETA_CELLS; i++) {
            bs[i] = (i + 0.5) / BETA_CELLS;
        }
        double[][] z = new double[BETA_CELLS][ALPHA_CELLS];
        for (int i = 0; i < BETA_CELLS; i++) {
            for (int j = 0; j < ALPHA_CELLS; j++) {
                double r = Math.max(spectralRadius(as[j], bs[i], mu), spectralRadius(as[j], bs[i], l));
                z[i][j] = r < 1 ? r : Double.NaN;
            }
        }
        List<String> labels = new ArrayList<>(List.of("chosen"));
        return Chart.builder("Rate max(ρ(μ), ρ(L)) over the step α and the momentum β (blank: diverges)")
                .x(Axis.range("step α", 0, ALPHA_MAX))
                .y(Axis.range("momentum β", 0, 1))
                .add(new Series.Heatmap("rate", as, bs, z, ColorScale.VIRIDIS))
                .add(new Series.Scatter(
                        "chosen (α, β)",
                        new double[] {alpha},
                        new double[] {beta},
                        labels,
                        Palette.solid(Palette.ORANGE, 10)))
                .add(new Series.Scatter(
                        "optimal (α*, β*)",
                        new double[] {best.learningRate()},
                        new double[] {best.momentum()},
                        List.of("optimal"),
                        Palette.solid(Palette.RED, 10)))
                .build();
    }
}
