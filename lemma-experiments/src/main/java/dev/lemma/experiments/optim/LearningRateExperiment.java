package dev.lemma.experiments.optim;

import dev.lemma.experiments.Arguments;
import dev.lemma.experiments.Experiment;
import dev.lemma.experiments.Format;
import dev.lemma.experiments.Palette;
import dev.lemma.experiments.Parameter;
import dev.lemma.experiments.Progress;
import dev.lemma.experiments.Result;
import dev.lemma.experiments.Table;
import dev.lemma.linalg.Matrix;
import dev.lemma.optim.GradientDescent;
import dev.lemma.optim.OptimizationResult;
import dev.lemma.optim.TestFunction;
import dev.lemma.optim.TestFunctions;
import dev.lemma.viz.Axis;
import dev.lemma.viz.Chart;
import dev.lemma.viz.Series;
import java.util.ArrayList;
import java.util.List;

/// Gradient descent with a fixed step $\eta$ at three step sizes: too small, right, too large. On a
/// quadratic with curvatures in $[\mu, L]$ each eigen-component of the error is multiplied by
/// $1 - \eta\lambda$ per step, so the run converges exactly when $|1 - \eta\lambda| < 1$ for every
/// $\lambda$, that is $\eta < 2/L$; the factor $\max(|1 - \eta\mu|, |1 - \eta L|)$ is smallest at
/// $\eta = 2/(L + \mu)$, where it is $\frac{\kappa - 1}{\kappa + 1}$. On Rosenbrock's function the same
/// numbers come from the Hessian at the minimiser, and hold only near it.
public final class LearningRateExperiment implements Experiment {

    /// Steps averaged for the observed per-step factor at the end of a run.
    static final int TAIL = 10;

    /// The three runs.
    enum Run {
        SMALL("too small", Palette.BLUE),
        RIGHT("right: 2/(L + μ)", Palette.GREEN),
        LARGE("too large", Palette.RED);

        final String label;
        final String color;

        Run(String label, String color) {
            this.label = label;
            this.color = color;
        }
    }

    private static final List<Parameter> PARAMETERS = List.of(
            Parameter.choice(
                    "function",
                    "Function $f$",
                    "quadratic: ½(x² + κy²), curvatures μ = 1 and L = κ; rosenbrock: μ and L of the Hessian"
                            + " at (1, 1)",
                    List.of("quadratic", "rosenbrock"),
                    "quadratic"),
            Parameter.number(
                    "kappa", "Condition number $\\kappa$", "the quadratic's L/μ (quadratic only)", 1, 100, 1, 10),
            Parameter.number(
                    "small", "Too small: $\\eta L$", "the first run's step as a fraction of 1/L", 0.01, 1, 0.01, 0.1),
            Parameter.number(
                    "large",
                    "Too large: $\\eta L$",
                    "the third run's step in units of 1/L; above 2 it diverges",
                    1,
                    3,
                    0.01,
                    2.2),
            Parameter.number(
                    "scale", "Scale all three steps", "multiplies every step, the right one included", 0.1, 2, 0.01, 1),
            Parameter.number("x0", "$x_0$", "the starting abscissa", -2, 2, 0.1, -1.5),
            Parameter.number("y0", "$y_0$", "the starting ordinate", -2, 2, 0.1, 1.5),
            Parameter.integer("iterations", "Iterations", "steps of each run", 5, 500, 60));

    /// Creates the experiment.
    public LearningRateExperiment() {}

    @Override
    public String id() {
        return "learning-rate";
    }

    @Override
    public String title() {
        return "The learning rate: too small, right, too large";
    }

    @Override
    public int chapter() {
        return 5;
    }

    @Override
    public String summary() {
        return "Gradient descent with three fixed steps from the same start. Too small crawls; $2/(L + \\mu)$"
                + " converges fastest; beyond $2/L$ the steepest direction is overshot further each step and the run"
                + " diverges. Scale all three steps and watch the right one tip over the edge.";
    }

    @Override
    public String formula() {
        return "x_{k+1} - x^\\star = (I - \\eta A)(x_k - x^\\star), \\qquad \\text{converges} \\iff "
                + "\\max_\\lambda |1 - \\eta\\lambda| < 1 \\iff \\eta < 2/L";
    }

    @Override
    public List<Parameter> parameters() {
        return PARAMETERS;
    }

    /// The function, its minimiser and its curvatures $\mu \le L$ at the minimiser.
    @SuppressWarnings("ArrayRecordComponent") // built and read within a run, never compared or hashed
    record Problem(TestFunction f, double[] minimizer, double mu, double l) {}

    static Problem problem(String function, double kappa) {
        if (function.equals("rosenbrock")) {
            TestFunction f = TestFunctions.rosenbrock(2);
            double[] star = f.minimizers().getFirst();
            Matrix h = f.objective().hessian(star);
            double[] ev = Landscape.eigenvalues2(h.get(0, 0), h.get(0, 1), h.get(1, 1));
            return new Problem(f, star, ev[0], ev[1]);
        }
        TestFunction f = TestFunctions.quadratic(Matrix.diagonal(new double[] {1, kappa}), new double[2]);
        return new Problem(f, new double[2], 1, kappa);
    }

    /// The three steps: `small`/L, 2/(L + μ) and `large`/L, all times `scale`.
    static double[] steps(Problem p, double small, double large, double scale) {
        return new double[] {scale * small / p.l(), scale * 2 / (p.l() + p.mu()), scale * large / p.l()};
    }

    /// The per-step factor of the error predicted on the quadratic model: $\max(|1 - \eta\mu|, |1 - \eta L|)$.
    static double predictedFactor(double eta, double mu, double l) {
        return Math.max(Math.abs(1 - eta * mu), Math.abs(1 - eta * l));
    }

    /// The distances of the iterates from the minimiser.
    static double[] errors(OptimizationResult r, double[] star) {
        double[] e = new double[r.trajectory().size()];
        for (int k = 0; k < e.length; k++) {
            e[k] = Landscape.distance(r.trajectory().get(k), star);
        }
        return e;
    }

    /// The geometric mean of $e_{k+1}/e_k$ over the last [#TAIL] steps with finite, non-zero errors.
    static double observedFactor(double[] e) {
        return observedFactor(e, 1e-250);
    }

    /// The same over the last [#TAIL] steps whose errors exceed `floor` (below it rounding, not the method,
    /// sets the ratio).
    static double observedFactor(double[] e, double floor) {
        int last = e.length - 1;
        while (last > 0 && !(Double.isFinite(e[last]) && e[last] > floor)) {
            last--;
        }
        int first = Math.max(0, last - TAIL);
        if (last == first || !(e[first] > 0)) {
            return Double.NaN;
        }
        return Math.pow(e[last] / e[first], 1.0 / (last - first));
    }

    /// Runs gradient descent at the three steps and draws them.
    ///
    /// @param arguments `function`, `kappa`, `small`, `large`, `scale`, `x0`, `y0`, `iterations`
    /// @param progress not used: the run takes milliseconds
    /// @return a path chart per run, the excess values, the table and the notes
    @Override
    public Result run(Arguments arguments, Progress progress) {
        Problem p = problem(arguments.choice("function"), arguments.number("kappa"));
        double[] eta = steps(p, arguments.number("small"), arguments.number("large"), arguments.number("scale"));
        double[] x0 = {arguments.number("x0"), arguments.number("y0")};
        int iterations = arguments.integer("iterations");
        TestFunction f = p.f();
        double reach = Math.max(2, 1.2 * Math.max(Math.abs(x0[0]), Math.abs(x0[1])));
        double[] box = f.name().equals("quadratic") ? new double[] {-reach, reach, -reach, reach} : f.box();
        double[] w = Landscape.window(box, List.of(x0, p.minimizer()));
        Series.Contour levels = Landscape.contour("level sets f* + 10^t", f.objective(), 0, w, true);

        Result.Builder result = Result.builder();
        Chart.Builder losses = Chart.builder("Excess value f(x_k) − f* of the three runs")
                .x(Axis.of("iteration k"))
                .y(Axis.log("f(x_k) − f*"));
        List<List<Object>> rows = new ArrayList<>();
        Run[] runs = Run.values();
        for (int i = 0; i < runs.length; i++) {
            OptimizationResult r =
                    new GradientDescent(eta[i], GradientDescent.Rule.FIXED, iterations, 0).minimize(f.objective(), x0);
            String name = runs[i].label + ", η = " + Landscape.plain(eta[i]);
            result.chart(Chart.builder("η = " + Landscape.plain(eta[i]) + " (ηL = " + Landscape.plain(eta[i] * p.l())
                            + "): " + runs[i].label)
                    .x(Axis.range("x", w[0], w[1]))
                    .y(Axis.range("y", w[2], w[3]))
                    .equalAspect()
                    .add(levels)
                    .add(Landscape.path(name, r, w, Palette.solid(runs[i].color, 2)))
                    .add(new Series.Scatter(
                            "minimiser",
                            new double[] {p.minimizer()[0]},
                            new double[] {p.minimizer()[1]},
                            List.of(),
                            Palette.solid(Palette.GREY, 9)))
                    .build());
            losses.add(new Series.Line(
                    name,
                    Landscape.iterations(r.values().length),
                    Landscape.excess(r.values(), 0),
                    Palette.solid(runs[i].color, 2)));
            double[] e = errors(r, p.minimizer());
            rows.add(List.of(
                    runs[i].label,
                    eta[i],
                    eta[i] * p.l(),
                    predictedFactor(eta[i], p.mu(), p.l()),
                    Landscape.cell(observedFactor(e)),
                    r.status().name(),
                    r.reason(),
                    Landscape.cell(r.value()),
                    Landscape.cell(e[e.length - 1])));
        }
        result.chart(losses.build());
        result.table(new Table(
                "Fixed-step gradient descent on " + f.name() + ", L = " + Landscape.plain(p.l()) + ", μ = "
                        + Landscape.plain(p.mu()),
                List.of(
                        "run",
                        "η",
                        "ηL",
                        "predicted factor max|1 − ηλ|",
                        "observed factor e_{k+1}/e_k (last steps)",
                        "status",
                        "reason",
                        "final f",
                        "final distance to x*"),
                rows));
        notes(result, p, eta, x0, f, rows);
        return result.build();
    }

    private static void notes(
            Result.Builder result, Problem p, double[] eta, double[] x0, TestFunction f, List<List<Object>> rows) {
        double l = p.l();
        double mu = p.mu();
        result.note("Here $L = " + Format.num(l) + "$ and $\\mu = " + Format.num(mu) + "$, so the threshold is $2/L = "
                + Format.num(2 / l) + "$ and the best fixed step $2/(L + \\mu) = " + Format.num(2 / (l + mu))
                + "$, which shrinks the error by $\\frac{\\kappa - 1}{\\kappa + 1} = "
                + Format.num((l - mu) / (l + mu)) + "$ per step. Along the eigenvector of $L$ a step multiplies the"
                + " error by $1 - \\eta L$: for $\\eta = " + Format.num(eta[2]) + "$ that is $"
                + Format.num(1 - eta[2] * l) + "$, " + verdict(1 - eta[2] * l) + " on the quadratic model.");
        StringBuilder seen = new StringBuilder("What the runs did, error ratio $e_{k+1}/e_k$ over their last steps:");
        for (int i = 0; i < rows.size(); i++) {
            List<Object> row = rows.get(i);
            seen.append(i == 0 ? " " : "; ")
                    .append(row.get(0))
                    .append(" ")
                    .append(row.get(4) instanceof Double d ? "$" + Format.num(d) + "$" : "(not measurable)")
                    .append(" (")
                    .append(row.get(5))
                    .append(")");
        }
        result.note(seen.append(".").toString());
        result.note("The too-small step $\\eta = " + Format.num(eta[0]) + "$ multiplies the error along the flattest"
                + " direction by $1 - \\eta\\mu = " + String.format(java.util.Locale.ROOT, "%.6g", 1 - eta[0] * mu)
                + "$ per step: it needs about "
                + Landscape.plain(Math.log(10) / -Math.log(Math.abs(1 - eta[0] * mu))) + " steps per digit.");
        if (f.name().startsWith("Rosenbrock")) {
            Matrix h = f.objective().hessian(x0);
            double[] ev = Landscape.eigenvalues2(h.get(0, 0), h.get(0, 1), h.get(1, 1));
            result.note("On Rosenbrock's function these numbers describe the quadratic model at the minimiser"
                    + " $(1, 1)$ only. At the start the largest curvature is $" + Format.num(ev[1]) + "$ (so the"
                    + " local threshold is $2/\\lambda_{\\max} = " + Format.num(2 / ev[1]) + "$)"
                    + (ev[0] < 0 ? " and the smallest is negative, $" + Format.num(ev[0]) + "$" : "")
                    + ": a step that is safe near $(1, 1)$ may not be safe there.");
        }
    }

    private static String verdict(double factor) {
        double a = Math.abs(factor);
        if (a < 1) {
            return factor < 0
                    ? "of modulus below 1, so the run zig-zags across the valley but converges"
                    : "so that component shrinks without oscillating";
        }
        return a == 1
                ? "of modulus exactly 1: that component neither grows nor shrinks"
                : "of modulus above 1, so the error grows by $" + Format.num(a) + "$ per step and the run diverges";
    }
}
