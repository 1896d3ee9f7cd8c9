package dev.lemma.experiments.optim;

import dev.lemma.experiments.Arguments;
import dev.lemma.experiments.Experiment;
import dev.lemma.experiments.Format;
import dev.lemma.experiments.Palette;
import dev.lemma.experiments.Parameter;
import dev.lemma.experiments.Progress;
import dev.lemma.experiments.Result;
import dev.lemma.experiments.Table;
import dev.lemma.optim.AdaGrad;
import dev.lemma.optim.Adam;
import dev.lemma.optim.AdamW;
import dev.lemma.optim.BFGS;
import dev.lemma.optim.GradientDescent;
import dev.lemma.optim.LBFGS;
import dev.lemma.optim.Momentum;
import dev.lemma.optim.Nesterov;
import dev.lemma.optim.Newton;
import dev.lemma.optim.NonlinearConjugateGradient;
import dev.lemma.optim.OptimizationResult;
import dev.lemma.optim.Optimizer;
import dev.lemma.optim.RMSProp;
import dev.lemma.optim.Schedule;
import dev.lemma.optim.Status;
import dev.lemma.optim.TestFunction;
import dev.lemma.optim.TestFunctions;
import dev.lemma.viz.Axis;
import dev.lemma.viz.Chart;
import dev.lemma.viz.Series;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Stream;

/// The optimisers of chapter 5 side by side on a 2-D test function: each one's path over the level sets
/// and its excess value $f(x_k) - f^\star$ per iteration, with the library's own status and reason for
/// stopping. Every hyper-parameter is a control; the paths drawn are the runs' trajectories
/// ([OptimizationResult#trajectory()]), point for point.
///
/// The optimisers are the entries of [Racer]: adding one to the race is one line there, which also gives
/// it its on/off switch among the controls.
public final class OptimiserRaceExperiment implements Experiment {

    /// The settings the controls give, from which each [Racer] builds its optimiser.
    ///
    /// @param rate the learning rate or first trial step $\eta$
    /// @param rule gradient descent's step rule
    /// @param beta the momentum coefficient $\beta$ (Adam's $\beta_1$)
    /// @param beta2 the decay of the squared gradients' running mean (Adam's $\beta_2$, RMSProp's $\rho$)
    /// @param weightDecay AdamW's decoupled weight decay $\lambda$
    /// @param memory L-BFGS's number of pairs $m$
    /// @param iterations the iteration limit of every optimiser
    /// @param tolerance the gradient-norm tolerance of every optimiser
    record Settings(
            double rate,
            GradientDescent.Rule rule,
            double beta,
            double beta2,
            double weightDecay,
            int memory,
            int iterations,
            double tolerance) {}

    /// The optimisers in the race, in the order of the legend. To add one, add a line: its key (also the
    /// name of its on/off control), its legend name, whether it races by default, its colour, and how it is
    /// built from the [Settings].
    @SuppressWarnings("ImmutableEnumChecker") // `build` is a stateless lambda: the constants are immutable
    enum Racer {
        GD(
                "gd",
                "gradient descent",
                true,
                Palette.BLUE,
                s -> new GradientDescent(s.rate(), s.rule(), s.iterations(), s.tolerance())),
        HEAVY_BALL(
                "heavyBall",
                "heavy-ball momentum",
                true,
                Palette.ORANGE,
                s -> new Momentum(s.rate(), s.beta(), s.iterations(), s.tolerance())),
        NESTEROV(
                "nesterov",
                "Nesterov momentum",
                false,
                Palette.PINK,
                s -> new Nesterov(s.rate(), s.beta()).withLimits(s.iterations(), s.tolerance())),
        ADAGRAD(
                "adagrad",
                "AdaGrad",
                false,
                Palette.CYAN,
                s -> new AdaGrad(s.rate()).withLimits(s.iterations(), s.tolerance())),
        RMSPROP(
                "rmsprop",
                "RMSProp",
                false,
                Palette.GREY,
                s -> new RMSProp(Schedule.constant(s.rate()), s.beta2(), 1e-8, s.iterations(), s.tolerance())),
        ADAM(
                "adam",
                "Adam",
                false,
                "#000080",
                s -> new Adam(s.rate(), s.beta(), s.beta2(), 1e-8).withLimits(s.iterations(), s.tolerance())),
        ADAMW(
                "adamw",
                "AdamW",
                false,
                "#800000",
                s -> new AdamW(
                        Schedule.constant(s.rate()),
                        s.beta(),
                        s.beta2(),
                        1e-8,
                        s.weightDecay(),
                        s.iterations(),
                        s.tolerance())),
        NEWTON(
                "newton",
                "Newton (damped)",
                true,
                Palette.GREEN,
                s -> new Newton(Newton.Variant.DAMPED, s.iterations(), s.tolerance())),
        PURE_NEWTON(
                "pureNewton",
                "Newton (pure)",
                false,
                Palette.OLIVE,
                s -> new Newton(Newton.Variant.PURE, s.iterations(), s.tolerance())),
        BFGS_("bfgs", "BFGS", true, Palette.RED, s -> new BFGS(s.iterations(), s.tolerance())),
        L_BFGS("lbfgs", "L-BFGS", false, Palette.PURPLE, s -> new LBFGS(s.memory(), s.iterations(), s.tolerance())),
        CG(
                "cg",
                "conjugate gradients (PR+)",
                true,
                Palette.BROWN,
                s -> new NonlinearConjugateGradient(
                        NonlinearConjugateGradient.Formula.POLAK_RIBIERE_PLUS, s.iterations(), s.tolerance()));

        final String key;
        final String label;
        final boolean racesByDefault;
        final String color;
        final Function<Settings, Optimizer> build;

        Racer(String key, String label, boolean racesByDefault, String color, Function<Settings, Optimizer> build) {
            this.key = key;
            this.label = label;
            this.racesByDefault = racesByDefault;
            this.color = color;
            this.build = build;
        }
    }

    /// The functions offered: the library's test functions, and an ill-conditioned quadratic whose
    /// condition number is a control.
    enum Landscapes {
        ROSENBROCK("rosenbrock", true),
        BEALE("beale", true),
        HIMMELBLAU("himmelblau", true),
        BOOTH("booth", true),
        RASTRIGIN("rastrigin", false),
        SADDLE("saddle", false),
        QUADRATIC("quadratic", true);

        final String key;
        /// Whether the values span decades, so that the level sets are spaced logarithmically.
        final boolean decades;

        Landscapes(String key, boolean decades) {
            this.key = key;
            this.decades = decades;
        }

        static Landscapes of(String key) {
            return Stream.of(values())
                    .filter(l -> l.key.equals(key))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no function " + key));
        }

        /// The test function; the quadratic is $\tfrac12 x^\top A x$ with eigenvalues 1 and $\kappa$ and
        /// eigenvectors rotated by a fixed seeded rotation.
        TestFunction function(double kappa) {
            return switch (this) {
                case ROSENBROCK -> TestFunctions.rosenbrock(2);
                case BEALE -> TestFunctions.beale();
                case HIMMELBLAU -> TestFunctions.himmelblau();
                case BOOTH -> TestFunctions.booth();
                case RASTRIGIN -> TestFunctions.rastrigin(2);
                case SADDLE -> TestFunctions.saddle();
                case QUADRATIC -> TestFunctions.quadratic(2, 1, kappa, QUADRATIC_SEED);
            };
        }
    }

    /// The seed of the quadratic's rotation.
    static final long QUADRATIC_SEED = 5;

    private static final List<Parameter> PARAMETERS = parameters(Racer.values());

    static List<Parameter> parameters(Racer[] racers) {
        List<Parameter> p = new ArrayList<>();
        p.add(Parameter.choice(
                "function",
                "Function $f$",
                "the landscape: a curved valley, plateaus, four minima, a plain bowl, many local minima, a saddle,"
                        + " or a bowl with condition number κ",
                Stream.of(Landscapes.values()).map(l -> l.key).toList(),
                "rosenbrock"));
        p.add(Parameter.number(
                "kappa",
                "Condition number $\\kappa$",
                "the quadratic's ratio of largest to smallest curvature (quadratic only)",
                1,
                1000,
                1,
                50));
        p.add(Parameter.choice(
                "start",
                "Start",
                "usual: the function's customary starting point; chosen: (x₀, y₀) below",
                List.of("usual", "chosen"),
                "usual"));
        p.add(Parameter.number("x0", "$x_0$", "the starting abscissa, when the start is chosen", -5, 5, 0.1, -1.5));
        p.add(Parameter.number("y0", "$y_0$", "the starting ordinate, when the start is chosen", -5, 5, 0.1, 2.5));
        p.add(Parameter.number(
                "logRate",
                "Learning rate $\\log_{10}\\eta$",
                "the step of gradient descent (its first trial step with Armijo), the momentum methods and the adaptive"
                        + " ones, as a power of ten",
                -5,
                0,
                0.1,
                -3));
        p.add(Parameter.choice(
                "rule",
                "Gradient descent's step rule",
                "fixed: η every step; armijo: backtracking from η; exact: the minimiser of the quadratic model",
                List.of("fixed", "armijo", "exact"),
                "fixed"));
        p.add(Parameter.number(
                "beta",
                "Momentum $\\beta$",
                "heavy ball's and Nesterov's weight on the previous step; Adam's β₁",
                0,
                0.99,
                0.01,
                0.9));
        p.add(Parameter.number(
                "beta2",
                "Second-moment decay $\\beta_2$",
                "Adam's and AdamW's β₂, RMSProp's ρ: the weight of the past in the running mean of g²",
                0.5,
                0.9999,
                0.0001,
                0.999));
        p.add(Parameter.number(
                "weightDecay",
                "AdamW's weight decay $\\lambda$",
                "AdamW shrinks x by ηλx each step, apart from the gradient",
                0,
                1,
                0.001,
                0.01));
        p.add(Parameter.integer("memory", "L-BFGS memory $m$", "the (s, y) pairs L-BFGS keeps", 1, 20, 5));
        p.add(Parameter.integer("iterations", "Iteration budget", "every optimiser's iteration limit", 1, 5000, 1000));
        p.add(Parameter.number(
                "logTolerance",
                "Tolerance $\\log_{10}\\varepsilon$",
                "every optimiser stops when ‖∇f‖ ≤ ε",
                -12,
                -2,
                1,
                -8));
        for (Racer r : racers) {
            p.add(Parameter.flag(r.key, "Race " + r.label, "whether " + r.label + " takes part", r.racesByDefault));
        }
        return List.copyOf(p);
    }

    /// Creates the experiment.
    public OptimiserRaceExperiment() {}

    @Override
    public String id() {
        return "optimiser-race";
    }

    @Override
    public String title() {
        return "The optimisers race";
    }

    @Override
    public int chapter() {
        return 5;
    }

    @Override
    public String summary() {
        return "The chapter's optimisers on one function, each path drawn over the level sets and each excess value"
                + " $f(x_k) - f^\\star$ on a log axis. On Rosenbrock's valley gradient descent crawls, momentum"
                + " overshoots and recovers, and Newton and BFGS arrive in a few dozen steps. Raise the learning"
                + " rate until gradient descent diverges; try Rastrigin to see every local method caught in a local"
                + " minimum, and the saddle from the usual start. Nesterov and the adaptive methods (AdaGrad, RMSProp,"
                + " Adam, AdamW) can be switched on too.";
    }

    @Override
    public String formula() {
        return "x_{k+1} = x_k - t_k\\,B_k^{-1}\\nabla f(x_k), \\qquad B_k = I \\text{ (gradient descent)},\\ "
                + "\\nabla^2 f(x_k) \\text{ (Newton)},\\ \\text{a secant estimate (BFGS)}";
    }

    @Override
    public List<Parameter> parameters() {
        return PARAMETERS;
    }

    /// The settings the arguments give.
    static Settings settings(Arguments a) {
        return new Settings(
                Math.pow(10, a.number("logRate")),
                GradientDescent.Rule.valueOf(a.choice("rule").toUpperCase(Locale.ROOT)),
                a.number("beta"),
                a.number("beta2"),
                a.number("weightDecay"),
                a.integer("memory"),
                a.integer("iterations"),
                Math.pow(10, a.number("logTolerance")));
    }

    /// The starting point the arguments choose.
    static double[] start(Arguments a, TestFunction f) {
        return a.choice("start").equals("chosen") ? new double[] {a.number("x0"), a.number("y0")} : f.start();
    }

    /// Runs every chosen optimiser from the same start and draws the race.
    ///
    /// @param arguments the function, the start, the hyper-parameters and one switch per optimiser
    /// @param progress reported after each optimiser
    /// @return the paths, the excess values, the table and the notes
    @Override
    public Result run(Arguments arguments, Progress progress) {
        Landscapes landscape = Landscapes.of(arguments.choice("function"));
        TestFunction f = landscape.function(arguments.number("kappa"));
        Settings s = settings(arguments);
        double[] x0 = start(arguments, f);
        double fStar = f.minimum();
        List<Racer> racers =
                Stream.of(Racer.values()).filter(r -> arguments.flag(r.key)).toList();

        List<double[]> visible = new ArrayList<>(f.minimizers());
        visible.add(x0);
        double[] w = Landscape.window(f.box(), visible);
        Chart.Builder paths = Chart.builder("Paths over the level sets of " + f.name())
                .x(Axis.range("x", w[0], w[1]))
                .y(Axis.range("y", w[2], w[3]))
                .equalAspect()
                .add(Landscape.contour(
                        landscape.decades ? "level sets f* + 10^t" : "level sets",
                        f.objective(),
                        fStar,
                        w,
                        landscape.decades));
        Chart.Builder losses = Chart.builder("Excess value f(x_k) − f* against the iteration")
                .x(Axis.of("iteration k"))
                .y(Axis.log("f(x_k) − f*"));
        List<List<Object>> rows = new ArrayList<>();
        Result.Builder result = Result.builder();
        List<String> truncated = new ArrayList<>();
        List<String> elsewhere = new ArrayList<>();
        List<String> diverged = new ArrayList<>();
        OptimizationResult best = null;
        Racer winner = null;
        for (int i = 0; i < racers.size(); i++) {
            Racer r = racers.get(i);
            OptimizationResult run = r.build.apply(s).minimize(f.objective(), x0);
            paths.add(Landscape.path(r.label, run, w, Palette.solid(r.color, 2)));
            if (Landscape.drawable(run.trajectory(), w) < run.trajectory().size()) {
                truncated.add(r.label);
            }
            losses.add(new Series.Line(
                    r.label,
                    Landscape.iterations(run.values().length),
                    Landscape.excess(run.values(), fStar),
                    Palette.solid(r.color, 2)));
            rows.add(List.of(
                    r.label,
                    run.status().name(),
                    run.reason(),
                    run.iterations(),
                    run.evaluations(),
                    Landscape.cell(run.value()),
                    Landscape.cell(run.gradientNorm()),
                    Landscape.cell(Landscape.nearest(run.x(), f.minimizers()))));
            if (run.status() == Status.DIVERGED) {
                diverged.add(r.label + " (" + run.reason() + ")");
            }
            if (run.status() == Status.CONVERGED) {
                if (!atGlobalMinimum(run, f)) {
                    elsewhere.add(r.label + " at " + point(run.x()) + ", $f = " + Format.num(run.value()) + "$");
                } else if (best == null || run.evaluations() < best.evaluations()) {
                    best = run;
                    winner = r;
                }
            }
            progress.report((i + 1.0) / racers.size(), r.label);
        }
        paths.add(new Series.Scatter(
                "start", new double[] {x0[0]}, new double[] {x0[1]}, List.of("x₀"), Palette.solid("#000000", 9)));
        if (!f.minimizers().isEmpty()) {
            paths.add(new Series.Scatter(
                    f.minimizers().size() == 1 ? "minimiser" : "global minimisers",
                    f.minimizers().stream().mapToDouble(m -> m[0]).toArray(),
                    f.minimizers().stream().mapToDouble(m -> m[1]).toArray(),
                    List.of(),
                    Palette.solid(Palette.GREY, 9)));
        }
        result.chart(paths.build());
        if (!racers.isEmpty()) {
            result.chart(losses.build());
        }
        result.table(new Table(
                "The race on " + f.name() + " from (" + Landscape.plain(x0[0]) + ", " + Landscape.plain(x0[1]) + ")",
                List.of(
                        "optimiser",
                        "status",
                        "reason",
                        "iterations",
                        "evaluations",
                        "final f",
                        "final ‖∇f‖",
                        "distance to the nearest global minimiser"),
                rows));
        notes(result, f, landscape, s, x0, racers, winner, best, truncated, elsewhere, diverged);
        return result.build();
    }

    private static void notes(
            Result.Builder result,
            TestFunction f,
            Landscapes landscape,
            Settings s,
            double[] x0,
            List<Racer> racers,
            Racer winner,
            OptimizationResult best,
            List<String> truncated,
            List<String> elsewhere,
            List<String> diverged) {
        if (racers.isEmpty()) {
            result.note("No optimiser is racing: switch one on.");
            return;
        }
        result.note("Every optimiser starts at $x_0 = (" + Format.num(x0[0]) + ", " + Format.num(x0[1]) + ")$ and"
                + " stops when $\\|\\nabla f\\| \\le " + Format.sci(s.tolerance()) + "$ or after " + s.iterations()
                + " iterations. Gradient descent (" + s.rule().name().toLowerCase(Locale.ROOT) + " rule), the"
                + " momentum methods and the adaptive ones use $\\eta = 10^{" + Format.num(Math.log10(s.rate()))
                + "} = "
                + Format.num(s.rate()) + "$, with $\\beta = " + Format.num(s.beta()) + "$ (Adam's $\\beta_1$) and"
                + " $\\beta_2 = " + Format.num(s.beta2()) + "$. Newton, BFGS, L-BFGS and conjugate gradients choose"
                + " their own step lengths by line search.");
        if (winner != null) {
            result.note("Fewest evaluations to reach a global minimiser: " + winner.label + ", " + best.evaluations()
                    + " evaluations in " + best.iterations() + (best.iterations() == 1 ? " iteration" : " iterations")
                    + ". An evaluation is one value-and-gradient;"
                    + " Newton also computes a Hessian each iteration, which the count leaves out.");
        } else {
            result.note("No optimiser reached a global minimiser within the tolerance: the table says why each one"
                    + " stopped.");
        }
        if (!diverged.isEmpty()) {
            result.note("Diverged: " + String.join("; ", diverged) + ". A fixed step is stable only below"
                    + " $2/\\lambda_{\\max}$ of the Hessian along the path (heavy ball: below $2(1 + \\beta)/\\lambda_{\\max}$);"
                    + " lower $\\log_{10}\\eta$.");
        }
        if (!elsewhere.isEmpty()) {
            result.note(
                    "Converged (the gradient vanished) but not at a global minimiser: " + String.join("; ", elsewhere)
                            + ". $\\nabla f = 0$ also holds at local minima, saddles and maxima; pure Newton heads"
                            + " for whichever stationary point its quadratic model points to.");
        }
        if (!truncated.isEmpty()) {
            result.note("The path of " + String.join(", ", truncated) + " left the picture (non-finite, or more than "
                    + Format.num(Landscape.FAR) + " window widths away) and is drawn only up to there; the table"
                    + " gives the status and the reason.");
        }
        if (f.minimum() == 0 || landscape.decades) {
            result.note("The loss axis is logarithmic, so a value that reaches $f^\\star = " + Format.num(f.minimum())
                    + "$ exactly, or rounds below it, leaves a gap: there is nothing left to draw.");
        }
        switch (landscape) {
            case RASTRIGIN ->
                result.note("Rastrigin's function has a local minimum near every integer point: local methods stop"
                        + " in the basin they start in, with $\\nabla f = 0$ and $f > 0$. Only the origin is global.");
            case SADDLE ->
                result.note("The saddle at the origin has curvatures $1$ and $-1$. From the usual start $(1, 10^{-6})$,"
                        + " a hair off the axis $y = 0$, gradient methods are drawn along the axis towards it, where"
                        + " $\\nabla f$ is tiny, and leave it only as fast as the $10^{-6}$ offset grows.");
            case QUADRATIC ->
                result.note("The quadratic has curvatures $1$ and $\\kappa$; fixed-step gradient descent is stable for"
                        + " $\\eta < 2/\\kappa$ and contracts by $\\max(|1 - \\eta|, |1 - \\eta\\kappa|)$ per step.");
            default -> {}
        }
    }

    /// Whether a run ended within $10^{-4}$ of a known global minimiser (or, when none is known, with a
    /// value within $10^{-8}$ of the minimum).
    static boolean atGlobalMinimum(OptimizationResult run, TestFunction f) {
        double d = Landscape.nearest(run.x(), f.minimizers());
        return d <= 1e-4 || (Double.isNaN(d) && Math.abs(run.value() - f.minimum()) <= 1e-8);
    }

    private static String point(double[] x) {
        return "$(" + Format.num(x[0]) + ", " + Format.num(x[1]) + ")$";
    }

    /// The racers' keys, in legend order (for tests and the book).
    static List<String> keys() {
        return Arrays.stream(Racer.values()).map(r -> r.key).toList();
    }
}
