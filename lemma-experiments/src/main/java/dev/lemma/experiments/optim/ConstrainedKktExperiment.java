package dev.lemma.experiments.optim;

import dev.lemma.experiments.Arguments;
import dev.lemma.experiments.Experiment;
import dev.lemma.experiments.Format;
import dev.lemma.experiments.Palette;
import dev.lemma.experiments.Parameter;
import dev.lemma.experiments.Progress;
import dev.lemma.experiments.Result;
import dev.lemma.experiments.Table;
import dev.lemma.optim.AugmentedLagrangian;
import dev.lemma.optim.ConstrainedResult;
import dev.lemma.optim.ConvexSet;
import dev.lemma.optim.GradientDescent;
import dev.lemma.optim.Objective;
import dev.lemma.optim.OptimizationResult;
import dev.lemma.optim.Optimizer;
import dev.lemma.optim.ProjectedGradient;
import dev.lemma.viz.Axis;
import dev.lemma.viz.Chart;
import dev.lemma.viz.Series;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/// Constrained minimisation in the plane, where the Karush–Kuhn–Tucker conditions can be seen: at the
/// solution $x^*$ the gradient of $f$ is balanced by the constraint gradients scaled by their multipliers,
/// $\nabla f + \sum_i \lambda_i \nabla h_i + \sum_j \mu_j \nabla g_j = 0$, with $\mu_j \ge 0$ and
/// $\mu_j g_j(x^*) = 0$. The [AugmentedLagrangian] solves each problem from a chosen start; its outer iterates
/// are drawn over the level sets of $f$ and the feasible set, and on the convex sets that have a projection
/// (the disk, the simplex) [ProjectedGradient] runs too.
public final class ConstrainedKktExperiment implements Experiment {

    /// Grid points per side of the contour plot.
    static final int GRID = 101;

    /// The outer tolerance on every KKT residual.
    static final double TOLERANCE = 1e-9;

    /// The longest drawn arrow, as a fraction of the window's smaller side.
    static final double ARROW_REACH = 0.3;

    /// A constraint or objective in the plane: value and gradient by hand.
    record Function2(String formula, Objective objective) {
        static Function2 of(String formula, Objective objective) {
            return new Function2(formula, objective);
        }
    }

    /// The problems offered.
    enum Problem {
        LINE(
                "line-and-half-plane",
                "a QP on a line, cut by a half-plane",
                "f(x) = ½(x₁ − 3)² + (x₂ − 2)²",
                -1,
                4,
                -1,
                3.5),
        DISK(
                "disk",
                "an anisotropic bowl outside the unit disk",
                "f(x) = ½(x₁ − 1.8)² + 2(x₂ − 1.2)²",
                -1.5,
                2.5,
                -1.5,
                2),
        SIMPLEX(
                "simplex",
                "a bowl projected onto the simplex",
                "f(x) = ½(x₁ − 1.2)² + 1.5(x₂ + 0.2)²",
                -0.8,
                2,
                -1,
                1.5),
        CIRCLE("circle", "a bowl on the unit circle (not convex)", "f(x) = (x₁ − 2)² + (x₂ − 1)²", -1.5, 2.5, -1.5, 2);

        final String key;
        final String description;
        final String label;
        final double xmin;
        final double xmax;
        final double ymin;
        final double ymax;

        Problem(String key, String description, String label, double xmin, double xmax, double ymin, double ymax) {
            this.key = key;
            this.description = description;
            this.label = label;
            this.xmin = xmin;
            this.xmax = xmax;
            this.ymin = ymin;
            this.ymax = ymax;
        }

        static Problem of(String key) {
            for (Problem p : values()) {
                if (p.key.equals(key)) {
                    return p;
                }
            }
            throw new IllegalStateException("no problem " + key);
        }

        /// $f$ with its gradient.
        Objective f() {
            return switch (this) {
                case LINE -> quadratic(1, 2, 3, 2);
                case DISK -> quadratic(1, 4, 1.8, 1.2);
                case SIMPLEX -> quadratic(1, 3, 1.2, -0.2);
                case CIRCLE -> quadratic(2, 2, 2, 1);
            };
        }

        /// The largest curvature of $f$, for projected gradient's step $1/L$.
        double curvature() {
            return switch (this) {
                case LINE -> 2;
                case DISK -> 4;
                case SIMPLEX -> 3;
                case CIRCLE -> 2;
            };
        }

        /// The equality constraints $h_i(x) = 0$.
        List<Function2> equalities() {
            return switch (this) {
                case LINE -> List.of(Function2.of("h(x) = x₁ + x₂ − 2", affine(1, 1, 2)));
                case DISK -> List.of();
                case SIMPLEX -> List.of(Function2.of("h(x) = x₁ + x₂ − 1", affine(1, 1, 1)));
                case CIRCLE -> List.of(Function2.of("h(x) = x₁² + x₂² − 1", circle()));
            };
        }

        /// The inequality constraints $g_j(x) \le 0$.
        List<Function2> inequalities() {
            return switch (this) {
                case LINE -> List.of(Function2.of("g(x) = x₁ − 0.5", affine(1, 0, 0.5)));
                case DISK -> List.of(Function2.of("g(x) = x₁² + x₂² − 1", circle()));
                case SIMPLEX ->
                    List.of(
                            Function2.of("g₁(x) = −x₁", affine(-1, 0, 0)),
                            Function2.of("g₂(x) = −x₂", affine(0, -1, 0)));
                case CIRCLE -> List.of();
            };
        }

        /// The set for projected gradient, where there is one.
        ConvexSet set() {
            return switch (this) {
                case DISK -> new ConvexSet.Ball(new double[2], 1);
                case SIMPLEX -> new ConvexSet.Simplex(1);
                case LINE, CIRCLE -> null;
            };
        }
    }

    /// $f(x) = \frac{p}2(x_1 - c_1)^2 + \frac{q}2(x_2 - c_2)^2$.
    static Objective quadratic(double p, double q, double c1, double c2) {
        return Objective.of(x -> 0.5 * p * (x[0] - c1) * (x[0] - c1) + 0.5 * q * (x[1] - c2) * (x[1] - c2), x ->
                new double[] {p * (x[0] - c1), q * (x[1] - c2)});
    }

    /// $a_1 x_1 + a_2 x_2 - c$.
    static Objective affine(double a1, double a2, double c) {
        return Objective.of(x -> a1 * x[0] + a2 * x[1] - c, x -> new double[] {a1, a2});
    }

    /// $x_1^2 + x_2^2 - 1$.
    static Objective circle() {
        return Objective.of(x -> x[0] * x[0] + x[1] * x[1] - 1, x -> new double[] {2 * x[0], 2 * x[1]});
    }

    private static final List<Parameter> PARAMETERS = List.of(
            Parameter.choice(
                    "problem",
                    "Problem",
                    "line-and-half-plane: h = x₁ + x₂ − 2, g = x₁ − 0.5; disk: ‖x‖ ≤ 1; simplex: x ≥ 0,"
                            + " x₁ + x₂ = 1; circle: ‖x‖ = 1",
                    Arrays.stream(Problem.values()).map(p -> p.key).toList(),
                    "line-and-half-plane"),
            Parameter.number(
                    "penalty", "Penalty $\\rho$", "the augmented Lagrangian's initial penalty", 0.1, 100, 0.1, 1),
            Parameter.number(
                    "penaltyGrowth",
                    "Growth of $\\rho$",
                    "the factor applied to ρ when the infeasibility did not fall to a quarter",
                    1.5,
                    100,
                    0.5,
                    10),
            Parameter.number("x0", "Start $x_1$", "first coordinate of the starting point", -3, 3, 0.1, -2),
            Parameter.number("y0", "Start $x_2$", "second coordinate of the starting point", -3, 3, 0.1, -2));

    /// Creates the experiment.
    public ConstrainedKktExperiment() {}

    @Override
    public String id() {
        return "constrained-kkt";
    }

    @Override
    public String title() {
        return "Constraints and the KKT conditions";
    }

    @Override
    public int chapter() {
        return 5;
    }

    @Override
    public String summary() {
        return "The augmented Lagrangian method on a constrained problem in the plane: its outer iterates over the"
                + " level sets of $f$ and the feasible set (green), and at the solution the arrows of $\\nabla f$"
                + " and of each constraint gradient times its multiplier, which add up to zero. Try a small"
                + " penalty $\\rho$: the outer iterates approach from outside the feasible set.";
    }

    @Override
    public String formula() {
        return "\\nabla f(x^*) + \\sum_i \\lambda_i \\nabla h_i(x^*) + \\sum_j \\mu_j \\nabla g_j(x^*) = 0, \\quad"
                + " \\mu_j \\ge 0, \\quad \\mu_j\\,g_j(x^*) = 0";
    }

    @Override
    public List<Parameter> parameters() {
        return PARAMETERS;
    }

    /// The inner solver: Armijo's gradient descent, safe where $L_\rho$ is not convex, to $10^{-6}$; then
    /// the exact step to $10^{-12}$, which compares no values and so gets below Armijo's rounding floor
    /// (see [AugmentedLagrangian]).
    static Optimizer inner() {
        GradientDescent armijo = new GradientDescent(1.0, GradientDescent.Rule.ARMIJO, 10_000, 1e-6);
        GradientDescent exact = new GradientDescent(1.0, GradientDescent.Rule.EXACT, 20_000, 1e-12);
        return (objective, start) -> {
            OptimizationResult first = armijo.minimize(objective, start);
            OptimizationResult polished = exact.minimize(objective, first.x());
            return polished.gradientNorm() <= first.gradientNorm() ? polished : first;
        };
    }

    /// The drawing window: the problem's own, widened to hold the start with a margin.
    static double[] window(Problem problem, double x0, double y0) {
        return new double[] {
            Math.min(problem.xmin, x0 - 0.5),
            Math.max(problem.xmax, x0 + 0.5),
            Math.min(problem.ymin, y0 - 0.5),
            Math.max(problem.ymax, y0 + 0.5)
        };
    }

    /// Solves the problem and draws the path, the feasible set and the KKT arrows.
    ///
    /// @param arguments `problem`, `penalty`, `penaltyGrowth`, `x0`, `y0`
    /// @param progress not used: a run takes milliseconds
    /// @return the charts, the table and the notes
    @Override
    public Result run(Arguments arguments, Progress progress) {
        Problem problem = Problem.of(arguments.choice("problem"));
        double rho = arguments.number("penalty");
        double growth = arguments.number("penaltyGrowth");
        double[] start = {arguments.number("x0"), arguments.number("y0")};
        Objective f = problem.f();
        List<Function2> eq = problem.equalities();
        List<Function2> ineq = problem.inequalities();

        ConstrainedResult solved = new AugmentedLagrangian(inner(), rho, growth, 100, TOLERANCE)
                .minimize(
                        f,
                        eq.stream().map(Function2::objective).toList(),
                        ineq.stream().map(Function2::objective).toList(),
                        start);
        double[] x = solved.x();

        double[] w = window(problem, start[0], start[1]);
        double[] gx = new double[GRID];
        double[] gy = new double[GRID];
        for (int i = 0; i < GRID; i++) {
            gx[i] = w[0] + (w[1] - w[0]) * i / (GRID - 1);
            gy[i] = w[2] + (w[3] - w[2]) * i / (GRID - 1);
        }
        double[][] z = new double[GRID][GRID];
        double[] all = new double[GRID * GRID];
        for (int i = 0; i < GRID; i++) {
            for (int j = 0; j < GRID; j++) {
                z[i][j] = f.value(new double[] {gx[j], gy[i]});
                all[i * GRID + j] = z[i][j];
            }
        }
        Arrays.sort(all);
        java.util.TreeSet<Double> levels = new java.util.TreeSet<>();
        for (int l = 0; l < 12; l++) {
            double q = Math.pow((l + 0.5) / 12, 2);
            levels.add(all[(int) Math.min(all.length - 1, Math.floor(q * all.length))]);
        }
        boolean finite = Double.isFinite(solved.value());
        if (finite) {
            levels.add(solved.value()); // the level set through the solution touches the feasible set there
        }
        Chart.Builder chart = Chart.builder("Level sets of f, the feasible set and the outer iterates")
                .x(Axis.range("x₁", w[0], w[1]))
                .y(Axis.range("x₂", w[2], w[3]))
                .equalAspect()
                .add(new Series.Contour(
                        "level sets of " + problem.label,
                        gx,
                        gy,
                        z,
                        levels.stream().mapToDouble(Double::doubleValue).toArray()));
        feasibleSet(problem, w, chart);

        List<double[]> outer = new ArrayList<>();
        for (double[] p : solved.trajectory()) {
            if (Double.isFinite(p[0]) && Double.isFinite(p[1])) {
                outer.add(p);
            }
        }
        double[] ox = outer.stream().mapToDouble(p -> p[0]).toArray();
        double[] oy = outer.stream().mapToDouble(p -> p[1]).toArray();
        List<String> labels = new ArrayList<>();
        for (int k = 0; k < outer.size(); k++) {
            labels.add("x" + Format.subscript(k));
        }
        chart.add(new Series.Line("augmented Lagrangian: outer iterates", ox, oy, Palette.solid(Palette.RED, 1.5)));
        chart.add(new Series.Scatter("outer iterates x_k", ox, oy, labels, Palette.solid(Palette.RED, 7)));

        OptimizationResult projected = null;
        ConvexSet set = problem.set();
        if (set != null) {
            projected = new ProjectedGradient(1 / problem.curvature(), ProjectedGradient.Rule.FIXED, 10_000, 1e-12, set)
                    .minimize(f, start);
            List<double[]> path = new ArrayList<>();
            path.add(start);
            path.addAll(projected.trajectory());
            chart.add(new Series.Line(
                    "projected gradient (step 1/L), from x₀ then P(x₀)",
                    path.stream().mapToDouble(p -> p[0]).toArray(),
                    path.stream().mapToDouble(p -> p[1]).toArray(),
                    Palette.dashed(Palette.ORANGE, 1.5)));
        }

        // The KKT arrows at the solution, all scaled by one factor so that their sum stays zero.
        List<String> names = new ArrayList<>();
        List<double[]> vectors = new ArrayList<>();
        names.add("∇f(x*)");
        vectors.add(f.gradient(x));
        double[] lambda = solved.equalityMultipliers();
        double[] mu = solved.inequalityMultipliers();
        for (int i = 0; i < lambda.length; i++) {
            names.add((lambda.length == 1 ? "λ" : "λ" + Format.subscript(i + 1)) + " ∇h"
                    + (lambda.length == 1 ? "" : Format.subscript(i + 1)) + "(x*)");
            vectors.add(scaled(eq.get(i).objective().gradient(x), lambda[i]));
        }
        for (int j = 0; j < mu.length; j++) {
            names.add((mu.length == 1 ? "μ" : "μ" + Format.subscript(j + 1)) + " ∇g"
                    + (mu.length == 1 ? "" : Format.subscript(j + 1)) + "(x*)");
            vectors.add(scaled(ineq.get(j).objective().gradient(x), mu[j]));
        }
        double longest = 0;
        double[] sum = new double[2];
        for (double[] v : vectors) {
            longest = Math.max(longest, Math.hypot(v[0], v[1]));
            sum[0] += v[0];
            sum[1] += v[1];
        }
        double side = Math.min(w[1] - w[0], w[3] - w[2]);
        double scale = longest > 0 && Double.isFinite(longest) ? ARROW_REACH * side / longest : 1;
        String[] colors = {Palette.BLUE, Palette.PURPLE, Palette.BROWN, Palette.PINK};
        boolean drawable = finite && Double.isFinite(x[0]) && Double.isFinite(x[1]) && Double.isFinite(longest);
        if (drawable) {
            for (int k = 0; k < vectors.size(); k++) {
                chart.add(new Series.VectorField(
                        names.get(k) + " (drawn ×" + Format.num(scale) + ")",
                        new double[] {x[0]},
                        new double[] {x[1]},
                        new double[] {scale * vectors.get(k)[0]},
                        new double[] {scale * vectors.get(k)[1]},
                        Palette.solid(colors[k % colors.length], 2.5)));
            }
            chart.add(new Series.Scatter(
                    "solution x*",
                    new double[] {x[0]},
                    new double[] {x[1]},
                    List.of("x*"),
                    Palette.solid(Palette.RED, 11)));
        }

        // How far each outer iterate is from feasible.
        double[] k = new double[outer.size()];
        double[] violation = new double[outer.size()];
        for (int i = 0; i < outer.size(); i++) {
            k[i] = i;
            double worst = 0;
            for (Function2 h : eq) {
                worst = Math.max(worst, Math.abs(h.objective().value(outer.get(i))));
            }
            for (Function2 g : ineq) {
                worst = Math.max(worst, g.objective().value(outer.get(i)));
            }
            violation[i] = worst > 0 ? worst : Double.NaN;
        }
        double[] badK = java.util.stream.IntStream.range(0, k.length)
                .filter(i -> !Double.isNaN(violation[i]))
                .mapToDouble(i -> k[i])
                .toArray();
        double[] badV = Arrays.stream(violation).filter(v -> !Double.isNaN(v)).toArray();
        Chart infeasibility = Chart.builder("Constraint violation of the outer iterates")
                .x(Axis.of("outer iteration k"))
                .y(Axis.log("max(|hᵢ(x_k)|, max(gⱼ(x_k), 0))"))
                .add(new Series.Line(
                        "violation (a feasible iterate leaves a gap)", k, violation, Palette.solid(Palette.RED, 1.5)))
                .add(new Series.Scatter(
                        "infeasible outer iterates", badK, badV, List.of(), Palette.solid(Palette.RED, 8)))
                .build();

        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("x*₁", x[0]));
        rows.add(List.of("x*₂", x[1]));
        rows.add(List.of("f(x*)", solved.value()));
        for (int i = 0; i < lambda.length; i++) {
            rows.add(List.of("λ" + Format.subscript(i + 1) + " for " + eq.get(i).formula() + " = 0", lambda[i]));
        }
        for (int j = 0; j < mu.length; j++) {
            rows.add(List.of(
                    "μ" + Format.subscript(j + 1) + " for " + ineq.get(j).formula() + " ≤ 0", mu[j]));
        }
        rows.add(List.of("stationarity ‖∇f + Σλ∇h + Σμ∇g‖", solved.stationarity()));
        rows.add(List.of("equality violation max|hᵢ|", solved.equalityViolation()));
        rows.add(List.of("inequality violation max(0, max gⱼ)", solved.inequalityViolation()));
        rows.add(List.of("dual infeasibility max(0, −min μⱼ)", solved.dualInfeasibility()));
        rows.add(List.of("complementarity max|μⱼ gⱼ|", solved.complementarity()));
        rows.add(List.of("sum of the drawn arrows, unscaled (norm)", Math.hypot(sum[0], sum[1])));
        rows.add(List.of("outer iterations", solved.outerIterations()));
        rows.add(List.of("evaluations", solved.evaluations()));
        rows.add(List.of("final penalty ρ", solved.penalty()));
        rows.add(List.of("status", solved.status().toString()));
        if (projected != null) {
            rows.add(List.of("projected gradient: x₁", projected.x()[0]));
            rows.add(List.of("projected gradient: x₂", projected.x()[1]));
            rows.add(List.of("projected gradient: iterations", projected.iterations()));
            rows.add(List.of("projected gradient: status", projected.status().toString()));
        }

        Result.Builder result = Result.builder()
                .chart(chart.build())
                .chart(infeasibility)
                .table(new Table(
                        "KKT multipliers and residuals at the augmented Lagrangian's answer",
                        List.of("quantity", "value"),
                        rows));
        StringBuilder constraints = new StringBuilder();
        for (Function2 h : eq) {
            constraints.append(", ").append(h.formula()).append(" = 0");
        }
        for (Function2 g : ineq) {
            constraints.append(", ").append(g.formula()).append(" ≤ 0");
        }
        result.note("Minimise " + problem.label + " (" + problem.description + ") subject to"
                + constraints.substring(1) + ", from $(" + Format.num(start[0]) + ", " + Format.num(start[1])
                + ")$ with $\\rho = " + Format.num(rho) + "$, growth " + Format.num(growth) + ".");
        result.note("The augmented Lagrangian: " + solved.status() + " after " + solved.outerIterations()
                + " outer iterations (" + solved.reason() + "), at $x^* = (" + Format.num(x[0]) + ", "
                + Format.num(x[1]) + ")$ with $f = " + Format.num(solved.value()) + "$; final $\\rho = "
                + Format.num(solved.penalty()) + "$.");
        result.note(("At $x^*$: $\\nabla f = (" + Format.num(vectors.get(0)[0]) + ", " + Format.num(vectors.get(0)[1])
                        + ")$, and with the multipliers the sum $\\nabla f + \\sum\\lambda\\nabla h + \\sum\\mu\\nabla g$ has"
                        + " norm $" + Format.num(Math.hypot(sum[0], sum[1])) + "$: the drawn arrows close. "
                        + multiplierWords(mu, ineq))
                .strip());
        if (problem == Problem.CIRCLE) {
            result.note("The circle is not a convex set: the KKT conditions also hold at the farthest point"
                    + " $-x^* = (-2, -1)/\\sqrt5$, a maximum, with $\\lambda = -1 - \\sqrt5$. There they are necessary"
                    + " but not sufficient; and an equality's multiplier has no sign condition. The method finds the"
                    + " minimum because each inner solve minimises $L_\\rho$.");
        }
        if (projected != null) {
            result.note("Projected gradient with step $1/L = " + Format.num(1 / problem.curvature()) + "$: "
                    + projected.status() + " (" + projected.reason() + "), at $("
                    + Format.num(projected.x()[0])
                    + ", " + Format.num(projected.x()[1]) + ")$. It never leaves the set, but gives no multipliers.");
        }
        return result.build();
    }

    /// Which inequalities are active, in words.
    private static String multiplierWords(double[] mu, List<Function2> ineq) {
        StringBuilder s = new StringBuilder();
        for (int j = 0; j < mu.length; j++) {
            s.append(
                    mu[j] > 0
                            ? ineq.get(j).formula() + " ≤ 0 is active, $\\mu = " + Format.num(mu[j]) + " > 0$. "
                            : ineq.get(j).formula() + " ≤ 0 is inactive: $\\mu = 0$, its arrow has length 0. ");
        }
        return s.toString().strip();
    }

    /// Draws the feasible set in green and the constraints' boundaries dotted.
    private static void feasibleSet(Problem problem, double[] w, Chart.Builder chart) {
        switch (problem) {
            case LINE -> {
                chart.add(new Series.Line(
                        "x₁ + x₂ = 2",
                        new double[] {w[0], w[1]},
                        new double[] {2 - w[0], 2 - w[1]},
                        Palette.dotted(Palette.GREY, 1.5)));
                chart.add(new Series.Line(
                        "x₁ = 0.5",
                        new double[] {0.5, 0.5},
                        new double[] {w[2], w[3]},
                        Palette.dotted(Palette.GREY, 1.5)));
                double from = Math.max(w[0], 2 - w[3]);
                chart.add(new Series.Line(
                        "feasible set: the ray x₁ + x₂ = 2, x₁ ≤ 0.5",
                        new double[] {from, 0.5},
                        new double[] {2 - from, 1.5},
                        Palette.solid(Palette.GREEN, 4)));
            }
            case SIMPLEX -> {
                chart.add(new Series.Line(
                        "x₁ = 0 and x₂ = 0",
                        new double[] {0, 0, 0, w[0], w[1]},
                        new double[] {w[2], w[3], Double.NaN, 0, 0},
                        Palette.dotted(Palette.GREY, 1.5)));
                chart.add(new Series.Line(
                        "feasible set: the simplex x ≥ 0, x₁ + x₂ = 1",
                        new double[] {1, 0},
                        new double[] {0, 1},
                        Palette.solid(Palette.GREEN, 4)));
            }
            case DISK, CIRCLE -> {
                int n = 181;
                double[] cx = new double[n];
                double[] cy = new double[n];
                for (int i = 0; i < n; i++) {
                    double t = 2 * Math.PI * i / (n - 1);
                    cx[i] = Math.cos(t);
                    cy[i] = Math.sin(t);
                }
                chart.add(new Series.Line(
                        problem == Problem.DISK
                                ? "feasible set: the unit disk ‖x‖ ≤ 1 (its boundary)"
                                : "feasible set: the unit circle ‖x‖ = 1",
                        cx,
                        cy,
                        Palette.solid(Palette.GREEN, problem == Problem.DISK ? 2 : 4)));
            }
        }
    }

    private static double[] scaled(double[] v, double c) {
        return new double[] {c * v[0], c * v[1]};
    }
}
