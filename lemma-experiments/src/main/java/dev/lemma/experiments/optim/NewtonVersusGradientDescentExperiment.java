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
import dev.lemma.optim.Newton;
import dev.lemma.optim.OptimizationResult;
import dev.lemma.optim.TestFunction;
import dev.lemma.optim.TestFunctions;
import dev.lemma.viz.Axis;
import dev.lemma.viz.Chart;
import dev.lemma.viz.Series;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/// Newton's method against gradient descent near a minimiser $x^\star$. Newton's error squares each step,
/// $e_{k+1} \le C e_k^2$, so the digits double; fixed-step gradient descent's shrinks by a constant factor,
/// $e_{k+1} \approx \max(|1 - \eta\mu|, |1 - \eta L|)\,e_k$ with $\mu, L$ the extreme curvatures at
/// $x^\star$. The order of convergence is measured step by step as
/// $q_k = \frac{\log(e_{k+1}/e_k)}{\log(e_k/e_{k-1})}$: 2 for Newton, 1 for gradient descent. From far away
/// the pure Newton step can go astray, where the damped one ([Newton.Variant#DAMPED]) still descends.
public final class NewtonVersusGradientDescentExperiment implements Experiment {

    /// Newton's iteration limit: from near the minimiser it needs fewer than ten.
    static final int NEWTON_ITERATIONS = 30;

    /// Errors below this multiple of $\max(1, \|x^\star\|)$ are at the rounding floor (a few units in the last
    /// place of $x^\star$): ratios of them measure rounding, not the method, so no order is computed there.
    static final double FLOOR = 1e-13;

    /// Rows of the step-by-step table at most: Newton is at the rounding floor well before.
    static final int TABLE_ROWS = 12;

    /// The logistic loss's data: points, the seed of their labels, and the penalty.
    static final int LOGISTIC_POINTS = 40;

    static final long LOGISTIC_SEED = 11;

    static final double LOGISTIC_LAMBDA = 0.1;

    private static final List<Parameter> PARAMETERS = List.of(
            Parameter.choice(
                    "function",
                    "Function $f$",
                    "the function minimised; Himmelblau's near its minimum (3, 2); logistic: a regularised"
                            + " logistic regression's loss over (intercept, slope)",
                    List.of("himmelblau", "rosenbrock", "beale", "logistic", "quadratic"),
                    "himmelblau"),
            Parameter.number(
                    "kappa",
                    "Condition number $\\kappa$",
                    "the quadratic's ratio of curvatures (quadratic only)",
                    1,
                    1000,
                    1,
                    10),
            Parameter.number(
                    "distance",
                    "Start distance $\\|x_0 - x^\\star\\|$",
                    "how far from the minimiser both methods start; far away, pure Newton may go astray",
                    0.01,
                    3,
                    0.01,
                    0.5),
            Parameter.number(
                    "angle",
                    "Start direction (degrees)",
                    "the direction of x₀ − x* from the minimiser",
                    0,
                    360,
                    5,
                    200),
            Parameter.number(
                    "gdStep",
                    "Gradient descent's step $\\eta L$",
                    "the fixed step in units of 1/L, L the largest curvature at x*; stable below 2",
                    0.1,
                    1.99,
                    0.01,
                    1),
            Parameter.integer(
                    "iterations",
                    "Gradient descent's iterations",
                    "the iteration limit of gradient descent",
                    10,
                    3000,
                    100));

    /// Creates the experiment.
    public NewtonVersusGradientDescentExperiment() {}

    @Override
    public String id() {
        return "newton-vs-gradient-descent";
    }

    @Override
    public String title() {
        return "Newton squares the error, gradient descent shrinks it";
    }

    @Override
    public int chapter() {
        return 5;
    }

    @Override
    public String summary() {
        return "Near a minimum Newton's error squares at each step (its digits double) while gradient descent's"
                + " shrinks by a constant factor. The table measures the order $q_k$ step by step. Move the start"
                + " away to see pure Newton go astray where damped Newton does not.";
    }

    @Override
    public String formula() {
        return "q_k = \\frac{\\log(e_{k+1}/e_k)}{\\log(e_k/e_{k-1})}, \\qquad e_{k+1} \\le C e_k^2 \\text{ (Newton)},"
                + " \\quad e_{k+1} \\approx \\max_\\lambda|1 - \\eta\\lambda|\\, e_k \\text{ (gradient descent)}";
    }

    @Override
    public List<Parameter> parameters() {
        return PARAMETERS;
    }

    /// A function with the minimiser the runs are measured against, and its curvatures there.
    @SuppressWarnings("ArrayRecordComponent") // built and read within a run, never compared or hashed
    record Problem(TestFunction f, double[] minimizer, double mu, double l) {}

    /// The logistic loss of a linear classifier with intercept on [#LOGISTIC_POINTS] points $x_i$ evenly
    /// spread over $[-2, 2]$, labels drawn from $P(y = 1) = \sigma(1 + 2x)$ with seed [#LOGISTIC_SEED],
    /// and penalty $\lambda = 0.1$ on the slope.
    static TestFunction logistic() {
        SplittableRandom rng = new SplittableRandom(LOGISTIC_SEED);
        double[][] x = new double[LOGISTIC_POINTS][1];
        int[] y = new int[LOGISTIC_POINTS];
        for (int i = 0; i < LOGISTIC_POINTS; i++) {
            x[i][0] = -2 + 4.0 * i / (LOGISTIC_POINTS - 1);
            y[i] = rng.nextDouble() < 1 / (1 + Math.exp(-(1 + 2 * x[i][0]))) ? 1 : 0;
        }
        return TestFunctions.logisticLoss(Matrix.of(x), y, LOGISTIC_LAMBDA);
    }

    static Problem problem(String function, double kappa) {
        TestFunction f;
        double[] star;
        switch (function) {
            case "beale" -> {
                f = TestFunctions.beale();
                star = f.minimizers().getFirst();
            }
            case "himmelblau" -> {
                f = TestFunctions.himmelblau();
                star = f.minimizers().getFirst();
            }
            case "logistic" -> {
                f = logistic();
                // No closed form: pure Newton from 0 to the rounding floor (the loss is strictly convex).
                star = new Newton(Newton.Variant.PURE, 50, 0)
                        .minimize(f.objective(), f.start())
                        .x();
            }
            case "quadratic" -> {
                f = TestFunctions.quadratic(2, 1, kappa, 5);
                star = f.minimizers().getFirst();
            }
            default -> {
                f = TestFunctions.rosenbrock(2);
                star = f.minimizers().getFirst();
            }
        }
        Matrix h = f.objective().hessian(star);
        double[] ev = Landscape.eigenvalues2(h.get(0, 0), h.get(0, 1), h.get(1, 1));
        return new Problem(f, star, ev[0], ev[1]);
    }

    /// The distances $e_k = \|x_k - x^\star\|$.
    static double[] errors(OptimizationResult r, double[] star) {
        double[] e = new double[r.trajectory().size()];
        for (int k = 0; k < e.length; k++) {
            e[k] = Landscape.distance(r.trajectory().get(k), star);
        }
        return e;
    }

    /// The measured order $q_k = \log(e_{k+1}/e_k) / \log(e_k/e_{k-1})$, NaN where $k = 0$, past the end, or
    /// where one of the three errors is at the rounding floor `floor` or not finite.
    static double order(double[] e, int k, double floor) {
        if (k < 1 || k + 1 >= e.length) {
            return Double.NaN;
        }
        for (int j = k - 1; j <= k + 1; j++) {
            if (!(Double.isFinite(e[j]) && e[j] > floor)) {
                return Double.NaN;
            }
        }
        return Math.log(e[k + 1] / e[k]) / Math.log(e[k] / e[k - 1]);
    }

    /// Digits gained in step $k$: $\log_{10}(e_k / e_{k+1})$, NaN past the end or at the floor.
    static double digits(double[] e, int k, double floor) {
        if (k + 1 >= e.length || !(e[k] > floor && e[k + 1] > floor) || !Double.isFinite(e[k])) {
            return Double.NaN;
        }
        return Math.log10(e[k] / e[k + 1]);
    }

    /// Runs pure Newton, damped Newton and gradient descent from the same start and measures their errors.
    ///
    /// @param arguments `function`, `kappa`, `distance`, `angle`, `gdStep`, `iterations`
    /// @param progress not used: the run takes milliseconds
    /// @return the error curves, the paths, the tables and the notes
    @Override
    public Result run(Arguments arguments, Progress progress) {
        Problem p = problem(arguments.choice("function"), arguments.number("kappa"));
        double[] star = p.minimizer();
        double r = arguments.number("distance");
        double theta = Math.toRadians(arguments.number("angle"));
        double[] x0 = {star[0] + r * Math.cos(theta), star[1] + r * Math.sin(theta)};
        double eta = arguments.number("gdStep") / p.l();
        double gdTheory = LearningRateExperiment.predictedFactor(eta, p.mu(), p.l());
        double floor = FLOOR * Math.max(1, Math.hypot(star[0], star[1]));
        TestFunction f = p.f();

        OptimizationResult pure = new Newton(Newton.Variant.PURE, NEWTON_ITERATIONS, 0).minimize(f.objective(), x0);
        OptimizationResult damped = new Newton(Newton.Variant.DAMPED, NEWTON_ITERATIONS, 0).minimize(f.objective(), x0);
        OptimizationResult gd = new GradientDescent(eta, GradientDescent.Rule.FIXED, arguments.integer("iterations"), 0)
                .minimize(f.objective(), x0);
        double[] ePure = errors(pure, star);
        double[] eDamped = errors(damped, star);
        double[] eGd = errors(gd, star);
        double gdObserved = LearningRateExperiment.observedFactor(eGd, 1e3 * floor);

        double[] theoryLine = new double[eGd.length];
        for (int k = 0; k < eGd.length; k++) {
            double t = eGd[0] * Math.pow(gdTheory, k);
            theoryLine[k] = t >= 1e-3 * floor ? t : Double.NaN; // stop where the runs can no longer follow
        }
        Chart errors = Chart.builder("Error ‖x_k − x*‖ per iteration")
                .x(Axis.of("iteration k"))
                .y(Axis.log("‖x_k − x*‖"))
                .add(line("Newton (pure)", ePure, Palette.solid(Palette.GREEN, 2.5)))
                .add(line("Newton (damped)", eDamped, Palette.dashed(Palette.OLIVE, 2)))
                .add(line("gradient descent, η = " + Landscape.plain(eta), eGd, Palette.solid(Palette.BLUE, 2)))
                .add(line(
                        "e₀ · " + Landscape.plain(gdTheory) + "^k (gradient descent's theory)",
                        theoryLine,
                        Palette.dotted(Palette.BLUE, 1.5)))
                .build();

        // A window around x* that holds the start: the local picture the theorem is about.
        double half = 1.6 * r;
        double[] w = {star[0] - half, star[0] + half, star[1] - half, star[1] + half};
        Chart paths = Chart.builder("Paths over the level sets of " + f.name())
                .x(Axis.range(f.name().equals("logistic loss") ? "intercept w₀" : "x", w[0], w[1]))
                .y(Axis.range(f.name().equals("logistic loss") ? "slope w₁" : "y", w[2], w[3]))
                .equalAspect()
                .add(Landscape.contour(
                        "level sets f(x*) + 10^t", f.objective(), f.objective().value(star), w, true))
                .add(Landscape.path("Newton (pure)", pure, w, Palette.solid(Palette.GREEN, 2.5)))
                .add(Landscape.path("Newton (damped)", damped, w, Palette.dashed(Palette.OLIVE, 2)))
                .add(Landscape.path("gradient descent", gd, w, Palette.solid(Palette.BLUE, 2)))
                .add(new Series.Scatter(
                        "start",
                        new double[] {x0[0]},
                        new double[] {x0[1]},
                        List.of("x₀"),
                        Palette.solid("#000000", 9)))
                .add(new Series.Scatter(
                        "x*",
                        new double[] {star[0]},
                        new double[] {star[1]},
                        List.of("x*"),
                        Palette.solid(Palette.GREY, 9)))
                .build();

        List<List<Object>> steps = new ArrayList<>();
        int shown = Math.min(Math.max(ePure.length, eDamped.length), TABLE_ROWS);
        for (int k = 0; k < shown; k++) {
            steps.add(List.of(
                    k,
                    k < ePure.length ? Landscape.cell(ePure[k]) : "—",
                    Landscape.cell(digits(ePure, k, floor)),
                    Landscape.cell(order(ePure, k, floor)),
                    k < eDamped.length ? Landscape.cell(eDamped[k]) : "—",
                    Landscape.cell(order(eDamped, k, floor)),
                    k < eGd.length ? Landscape.cell(eGd[k]) : "—",
                    k + 1 < eGd.length ? Landscape.cell(eGd[k + 1] / eGd[k]) : "—",
                    Landscape.cell(order(eGd, k, floor))));
            if (k >= 2 && !(k < ePure.length && ePure[k] > floor) && !(k < eDamped.length && eDamped[k] > floor)) {
                break; // both Newton runs are at the floor: later rows say nothing more
            }
        }
        Table perStep = new Table(
                "Step by step from distance " + Landscape.plain(r)
                        + ": errors eₖ, digits gained log₁₀(eₖ/eₖ₊₁), order qₖ",
                List.of(
                        "k",
                        "Newton (pure) eₖ",
                        "digits gained",
                        "order qₖ",
                        "Newton (damped) eₖ",
                        "order qₖ (damped)",
                        "gradient descent eₖ",
                        "eₖ₊₁/eₖ",
                        "order qₖ (GD)"),
                steps);
        List<List<Object>> summary = new ArrayList<>();
        for (Object[] run : new Object[][] {
            {"Newton (pure)", pure, ePure}, {"Newton (damped)", damped, eDamped}, {"gradient descent", gd, eGd}
        }) {
            OptimizationResult res = (OptimizationResult) run[1];
            double[] e = (double[]) run[2];
            summary.add(List.of(
                    run[0],
                    res.status().name(),
                    res.reason(),
                    res.iterations(),
                    res.evaluations(),
                    Landscape.cell(e[e.length - 1]),
                    Landscape.cell(f.objective().value(res.x()) - f.objective().value(star))));
        }
        Table runs = new Table(
                "How each run ended (x* = (" + Landscape.plain(star[0]) + ", " + Landscape.plain(star[1]) + "))",
                List.of("method", "status", "reason", "iterations", "evaluations", "final ‖x − x*‖", "f(x) − f(x*)"),
                summary);

        Result.Builder result =
                Result.builder().chart(errors).chart(paths).table(perStep).table(runs);
        notes(result, p, f, pure, damped, ePure, eDamped, eGd, eta, gdTheory, gdObserved, floor);
        return result.build();
    }

    private static Series.Line line(String name, double[] e, dev.lemma.viz.Style style) {
        return new Series.Line(name, Landscape.iterations(e.length), Landscape.positive(e), style);
    }

    /// The median of the finite measured orders of a run, NaN if there are none.
    static double medianOrder(double[] e, double floor) {
        List<Double> q = new ArrayList<>();
        for (int k = 1; k + 1 < e.length; k++) {
            double v = order(e, k, floor);
            if (Double.isFinite(v)) {
                q.add(v);
            }
        }
        if (q.isEmpty()) {
            return Double.NaN;
        }
        q.sort(null);
        return q.get(q.size() / 2);
    }

    private static void notes(
            Result.Builder result,
            Problem p,
            TestFunction f,
            OptimizationResult pure,
            OptimizationResult damped,
            double[] ePure,
            double[] eDamped,
            double[] eGd,
            double eta,
            double gdTheory,
            double gdObserved,
            double floor) {
        int reached = firstBelow(ePure, floor);
        int gdReached = firstBelow(eGd, 1e-8);
        result.note("Pure Newton "
                + (reached >= 0
                        ? "reached the rounding floor ($e_k \\le " + Format.sci(floor) + "$) at step " + reached
                                + "; the last orders it measured before the floor: " + lastOrders(ePure, floor)
                        : "did not reach $x^\\star$ in " + (ePure.length - 1) + " steps ("
                                + pure.status().name() + ": " + pure.reason() + ")")
                + ". Gradient descent"
                + (gdReached >= 0
                        ? " needed " + gdReached + " steps to reach $10^{-8}$."
                        : " did not reach $10^{-8}$ in" + " " + (eGd.length - 1) + " steps."));
        result.note("At $x^\\star$ the curvatures are $\\mu = " + Format.num(p.mu()) + "$ and $L = " + Format.num(p.l())
                + "$ ($\\kappa = " + Format.num(p.l() / p.mu()) + "$). Gradient descent with $\\eta = "
                + Format.num(eta)
                + "$ should shrink the error by $\\max(|1 - \\eta\\mu|, |1 - \\eta L|) = " + Format.num(gdTheory)
                + "$ per step near $x^\\star$; over its last steps it shrank by $"
                + (Double.isFinite(gdObserved) ? Format.num(gdObserved) : "\\text{(not measurable)}") + "$.");
        if (!samePath(pure, damped, ePure, floor)) {
            result.note("The pure and damped Newton runs differ: pure Newton ended "
                    + pure.status().name() + " at "
                    + point(pure.x()) + " with $f - f(x^\\star) = "
                    + Format.num(f.objective().value(pure.x()) - f.objective().value(p.minimizer())) + "$, damped"
                    + " Newton " + damped.status().name() + " at " + point(damped.x()) + ". Far from $x^\\star$ the"
                    + " Hessian may be indefinite and the full step may climb; the damped variant adds $\\tau I$ and"
                    + " backtracks, so it always descends.");
        } else {
            result.note("Pure and damped Newton take the same steps here until the rounding floor: near $x^\\star$"
                    + " the Hessian is positive definite and the full step passes Armijo's test, so the"
                    + " damping never acts.");
        }
        double dampedEnd = eDamped[eDamped.length - 1];
        if (reached >= 0 && dampedEnd > 100 * floor) {
            result.note("Damped Newton stalls at $e = " + Format.num(dampedEnd) + "$, short of the floor: near"
                    + " $x^\\star$, $f(x) - f(x^\\star) \\approx \\tfrac12 e^\\top H e$ falls below the"
                    + " rounding error of $f$ itself once $e \\lesssim \\sqrt{\\varepsilon} \\approx 10^{-8}$,"
                    + " so Armijo's test, which compares values of $f$, can no longer confirm a decrease and"
                    + " the line search backtracks to tiny steps. The pure step needs no such test.");
        }
        if (f.name().equals("logistic loss")) {
            result.note("The logistic loss has no closed-form minimiser: $x^\\star$ is pure Newton's point after 50"
                    + " steps from 0, where the gradient has fallen to rounding level. The data are "
                    + LOGISTIC_POINTS + " points on $[-2, 2]$ with labels drawn from $\\sigma(1 + 2x)$ (seed "
                    + LOGISTIC_SEED + "), penalty $\\lambda = " + Format.num(LOGISTIC_LAMBDA) + "$ on the slope.");
        }
        if (f.name().startsWith("quadratic")) {
            result.note("On a quadratic the second-order model is exact: Newton lands on $x^\\star$ in one step (up to"
                    + " rounding), so there is no order to measure.");
        }
    }

    /// Whether the two Newton runs visit the same points (to $10^{-9}$ relative) until pure Newton reaches
    /// the floor.
    private static boolean samePath(OptimizationResult pure, OptimizationResult damped, double[] ePure, double floor) {
        double scale = Math.max(1, ePure[0]);
        for (int k = 0; k < ePure.length && ePure[k] > floor; k++) {
            if (k >= damped.trajectory().size()
                    || Landscape.distance(
                                    pure.trajectory().get(k),
                                    damped.trajectory().get(k))
                            > 1e-9 * scale) {
                return false;
            }
        }
        return true;
    }

    private static int firstBelow(double[] e, double level) {
        for (int k = 0; k < e.length; k++) {
            if (e[k] <= level) {
                return k;
            }
        }
        return -1;
    }

    private static String lastOrders(double[] e, double floor) {
        List<String> q = new ArrayList<>();
        for (int k = 1; k + 1 < e.length; k++) {
            double v = order(e, k, floor);
            if (Double.isFinite(v)) {
                q.add("$" + Format.num(v) + "$");
            }
        }
        if (q.isEmpty()) {
            return "none (too few steps above the floor)";
        }
        return String.join(", ", q.subList(Math.max(0, q.size() - 3), q.size()));
    }

    private static String point(double[] x) {
        return "$(" + Format.num(x[0]) + ", " + Format.num(x[1]) + ")$";
    }
}
