package dev.lemma.experiments.ml;

import dev.lemma.data.Dataset;
import dev.lemma.data.Synthetic;
import dev.lemma.experiments.Arguments;
import dev.lemma.experiments.Experiment;
import dev.lemma.experiments.Format;
import dev.lemma.experiments.Palette;
import dev.lemma.experiments.Parameter;
import dev.lemma.experiments.Progress;
import dev.lemma.experiments.Result;
import dev.lemma.experiments.Table;
import dev.lemma.linalg.Matrix;
import dev.lemma.ml.linear.LogisticClassifier;
import dev.lemma.ml.linear.LogisticRegression;
import dev.lemma.ml.preprocessing.StandardScaler;
import dev.lemma.optim.GradientDescent;
import dev.lemma.optim.LBFGS;
import dev.lemma.optim.Newton;
import dev.lemma.optim.Objective;
import dev.lemma.optim.OptimizationResult;
import dev.lemma.optim.Optimizer;
import dev.lemma.optim.Status;
import dev.lemma.viz.Axis;
import dev.lemma.viz.Chart;
import dev.lemma.viz.Series;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/// Logistic regression trained in the open: the penalised negative log-likelihood
/// $f(w, b) = \sum_i [\log(1 + e^{z_i}) - y_i z_i] + \|w\|^2/(2C)$, $z_i = x_i^\top w + b$, written out here
/// with its gradient $X^\top(\sigma(z) - y) + w/C$ and Hessian $X^\top D X$ ($D = \sigma(1 - \sigma)$) and
/// handed to the three optimisers [LogisticRegression] uses, with its settings, so that every iterate can
/// be drawn. The final coefficients are compared with the library's fit.
public final class LogisticTrainingExperiment implements Experiment {

    /// The solvers, by parameter value.
    static final List<String> SOLVERS = List.of("gradient-descent", "lbfgs", "newton");

    /// The iteration limit, as [LogisticRegression]'s default.
    static final int MAX_ITERATIONS = 1_000;

    /// The tolerance per example, as [LogisticRegression]'s default.
    static final double TOLERANCE = 1e-6;

    private static final List<Parameter> PARAMETERS = List.of(
            Parameter.choice(
                    "dataset",
                    "Dataset",
                    "two classes in the plane (standardised before training)",
                    List.of("moons", "blobs", "overlapping-blobs"),
                    "blobs"),
            Parameter.choice(
                    "solver",
                    "Solver",
                    "whose iterates are drawn (the table compares all three)",
                    SOLVERS,
                    "gradient-descent"),
            Parameter.number(
                    "logC", "$\\log_{10} C$", "inverse penalty strength: large C, little penalty", -3, 4, 0.5, 2),
            Parameter.integer("snapshots", "Boundaries drawn", "how many iterates' boundaries are drawn", 2, 10, 6),
            Parameter.integer("n", "Points $n$", "how many points the dataset has", 20, 1000, 200),
            Parameter.seed(5));

    /// Creates the experiment.
    public LogisticTrainingExperiment() {}

    @Override
    public String id() {
        return "logistic-training";
    }

    @Override
    public String title() {
        return "Training logistic regression: three optimisers, one optimum";
    }

    @Override
    public int chapter() {
        return 8;
    }

    @Override
    public String summary() {
        return "The loss at every iteration of gradient descent, L-BFGS and Newton's method on the same convex"
                + " problem, and the decision boundary of the chosen solver every few iterations. All three reach"
                + " the same line; Newton needs a handful of steps, gradient descent hundreds. Raise $C$ on the"
                + " separable blobs and watch the weights grow and every solver slow down.";
    }

    @Override
    public String formula() {
        return "f(w, b) = \\sum_i \\bigl[\\log(1 + e^{z_i}) - y_i z_i\\bigr] + \\frac{\\|w\\|^2}{2C}, \\quad"
                + " \\nabla_w f = X^\\top(\\sigma(z) - y) + \\frac{w}{C}";
    }

    @Override
    public List<Parameter> parameters() {
        return PARAMETERS;
    }

    /// The dataset, standardised.
    static Dataset data(String name, int n, long seed) {
        Dataset raw = switch (name) {
            case "moons" -> Synthetic.moons(n, 0.2, seed);
            case "blobs" -> Synthetic.blobs(n, new double[][] {{-2, -1}, {2, 1}}, 0.8, seed);
            case "overlapping-blobs" -> Synthetic.blobs(n, new double[][] {{-0.7, -0.3}, {0.7, 0.3}}, 1, seed);
            default -> throw new IllegalStateException("no dataset " + name);
        };
        return raw.withFeatures(new StandardScaler().fit(raw).transform(raw.features()));
    }

    /// The objective over $\theta = (w_1, w_2, b)$, the library's layout.
    static Objective objective(Dataset data, double c) {
        double[][] x = data.features().toArray();
        int[] y = data.labels();
        int m = x.length;
        return Objective.withHessian(
                theta -> {
                    double f = (theta[0] * theta[0] + theta[1] * theta[1]) / (2 * c);
                    for (int i = 0; i < m; i++) {
                        double z = x[i][0] * theta[0] + x[i][1] * theta[1] + theta[2];
                        f += softplus(z) - y[i] * z;
                    }
                    return f;
                },
                theta -> {
                    double[] g = {theta[0] / c, theta[1] / c, 0};
                    for (int i = 0; i < m; i++) {
                        double r = sigmoid(x[i][0] * theta[0] + x[i][1] * theta[1] + theta[2]) - y[i];
                        g[0] += r * x[i][0];
                        g[1] += r * x[i][1];
                        g[2] += r;
                    }
                    return g;
                },
                theta -> {
                    double[][] h = new double[3][3];
                    for (int i = 0; i < m; i++) {
                        double s = sigmoid(x[i][0] * theta[0] + x[i][1] * theta[1] + theta[2]);
                        double weight = s * (1 - s);
                        double[] a = {x[i][0], x[i][1], 1};
                        for (int p = 0; p < 3; p++) {
                            for (int q = 0; q < 3; q++) {
                                h[p][q] += weight * a[p] * a[q];
                            }
                        }
                    }
                    h[0][0] += 1 / c;
                    h[1][1] += 1 / c;
                    return Matrix.of(h);
                });
    }

    /// $\log(1 + e^z)$ without overflow.
    static double softplus(double z) {
        return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
    }

    static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }

    /// The optimiser [LogisticRegression] uses for the solver, with its settings.
    static Optimizer optimizer(String solver, int m) {
        double tolerance = TOLERANCE * m;
        return switch (solver) {
            case "lbfgs" -> new LBFGS(10, MAX_ITERATIONS, tolerance);
            case "newton" -> new Newton(Newton.Variant.DAMPED, MAX_ITERATIONS, tolerance);
            case "gradient-descent" -> new GradientDescent(1.0, GradientDescent.Rule.ARMIJO, MAX_ITERATIONS, tolerance);
            default -> throw new IllegalStateException("no solver " + solver);
        };
    }

    static LogisticRegression.Solver librarySolver(String solver) {
        return LogisticRegression.Solver.valueOf(solver.toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    @Override
    public Result run(Arguments arguments, Progress progress) {
        String chosen = arguments.choice("solver");
        double c = Math.pow(10, arguments.number("logC"));
        int snapshots = arguments.integer("snapshots");
        Dataset data = data(arguments.choice("dataset"), arguments.integer("n"), arguments.seed("seed"));
        Objective f = objective(data, c);
        int m = data.size();

        List<OptimizationResult> runs = new ArrayList<>();
        for (String solver : SOLVERS) {
            progress.report(runs.size() / 3.0, solver);
            runs.add(optimizer(solver, m).minimize(f, new double[3]));
        }
        double best = runs.stream().mapToDouble(OptimizationResult::value).min().orElseThrow();

        Chart.Builder loss = Chart.builder("Loss above the optimum, f(θₖ) − f*, at each iteration")
                .x(Axis.of("iteration k"))
                .y(Axis.log("f(θₖ) − f*"));
        String[] colours = {Palette.BLUE, Palette.ORANGE, Palette.GREEN};
        double floor = 1e-12 * Math.max(1, Math.abs(best));
        List<List<Object>> rows = new ArrayList<>();
        for (int s = 0; s < SOLVERS.size(); s++) {
            OptimizationResult r = runs.get(s);
            double[] values = r.values();
            double[] k = new double[values.length];
            double[] gap = new double[values.length];
            for (int i = 0; i < values.length; i++) {
                k[i] = i;
                gap[i] = Math.max(values[i] - best, floor);
            }
            loss.add(new Series.Line(SOLVERS.get(s), k, gap, Palette.solid(colours[s], 2)));
            LogisticClassifier library =
                    new LogisticRegression(c, librarySolver(SOLVERS.get(s)), MAX_ITERATIONS, TOLERANCE).fit(data);
            double[] theta = r.x();
            double difference = Math.max(
                    Math.max(
                            Math.abs(theta[0] - library.coefficients()[0][0]),
                            Math.abs(theta[1] - library.coefficients()[0][1])),
                    Math.abs(theta[2] - library.intercepts()[0]));
            rows.add(List.of(
                    SOLVERS.get(s),
                    r.iterations(),
                    r.evaluations(),
                    r.value(),
                    r.gradientNorm(),
                    r.status() == Status.CONVERGED,
                    theta[0],
                    theta[1],
                    theta[2],
                    library.iterations(),
                    Format.plain(difference)));
        }

        OptimizationResult run = runs.get(SOLVERS.indexOf(chosen));
        double[][] x = data.features().toArray();
        int[] y = data.labels();
        double lo = -3;
        double hi = 3;
        Chart.Builder boundary = Chart.builder(chosen + ": the boundary w·x + b = 0 along the way")
                .x(Axis.range("x₁ (standardised)", lo, hi))
                .y(Axis.range("x₂ (standardised)", lo, hi))
                .equalAspect();
        for (int label = 0; label < 2; label++) {
            List<double[]> pts = new ArrayList<>();
            for (int i = 0; i < x.length; i++) {
                if (y[i] == label) {
                    pts.add(x[i]);
                }
            }
            boundary.add(new Series.Scatter(
                    data.classNames().isEmpty()
                            ? "class " + label
                            : data.classNames().get(label),
                    pts.stream().mapToDouble(p -> p[0]).toArray(),
                    pts.stream().mapToDouble(p -> p[1]).toArray(),
                    List.of(),
                    Palette.solid(label == 0 ? Palette.BLUE : Palette.ORANGE, 6)));
        }
        List<double[]> trajectory = run.trajectory();
        int last = trajectory.size() - 1;
        TreeSet<Integer> shown = new TreeSet<>();
        for (int s = 1; s <= snapshots; s++) {
            // Denser early, where the boundary moves most: k = last · (s/snapshots)².
            shown.add((int) Math.round(last * Math.pow((double) s / snapshots, 2)));
        }
        int drawn = 0;
        for (int k : shown) {
            double[] theta = trajectory.get(k);
            double[][] segment = clip(theta, lo, hi);
            if (segment == null) {
                continue;
            }
            boolean isLast = k == last;
            boundary.add(new Series.Line(
                    "iteration " + k + (isLast ? " (final)" : ""),
                    segment[0],
                    segment[1],
                    isLast
                            ? Palette.solid(Palette.RED, 2.5)
                            : Palette.dashed(Palette.GREY, 0.8 + 1.2 * drawn / Math.max(1, snapshots))));
            drawn++;
        }

        Result.Builder result = Result.builder()
                .chart(loss.build())
                .chart(boundary.build())
                .table(new Table(
                        "Three optimisers on the same objective (C = " + Format.num(c) + ", " + m + " points)",
                        List.of(
                                "solver",
                                "iterations",
                                "evaluations",
                                "final loss",
                                "‖∇f‖",
                                "converged",
                                "w₁",
                                "w₂",
                                "b",
                                "library's iterations",
                                "max |θ − library's θ|"),
                        rows));
        result.note("Iterations to $\\|\\nabla f\\| \\le 10^{-6} m$: gradient descent "
                + runs.get(0).iterations()
                + ", L-BFGS " + runs.get(1).iterations() + ", Newton "
                + runs.get(2).iterations() + ". The objective"
                + " is strictly convex, so all stop at the same $\\theta$ up to the tolerance; the table also"
                + " refits with `LogisticRegression` and shows the same iterates.");
        for (OptimizationResult r : runs) {
            if (r.status() != Status.CONVERGED) {
                result.note("A solver stopped without converging: " + r.reason() + ".");
            }
        }
        result.note("The loss curve is drawn above the best final value $f^* = " + Format.num(best) + "$ on a log"
                + " scale: a straight line is linear convergence (gradient descent), a curve that plunges is"
                + " Newton's quadratic convergence. Gaps below $" + Format.sci(floor) + "$ are drawn at that floor.");
        return result.build();
    }

    /// The part of the line $w_1 x_1 + w_2 x_2 + b = 0$ inside the square $[lo, hi]^2$, or null.
    static double[][] clip(double[] theta, double lo, double hi) {
        double w1 = theta[0];
        double w2 = theta[1];
        double b = theta[2];
        List<double[]> points = new ArrayList<>();
        if (w2 != 0) {
            for (double x1 : new double[] {lo, hi}) {
                double x2 = -(w1 * x1 + b) / w2;
                if (x2 >= lo && x2 <= hi) {
                    points.add(new double[] {x1, x2});
                }
            }
        }
        if (w1 != 0) {
            for (double x2 : new double[] {lo, hi}) {
                double x1 = -(w2 * x2 + b) / w1;
                if (x1 >= lo && x1 <= hi) {
                    points.add(new double[] {x1, x2});
                }
            }
        }
        if (points.size() < 2) {
            return null;
        }
        double[] a = points.getFirst();
        double[] z = points.getLast();
        return new double[][] {{a[0], z[0]}, {a[1], z[1]}};
    }
}
