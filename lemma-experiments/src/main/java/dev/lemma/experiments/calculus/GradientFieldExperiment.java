package dev.lemma.experiments.calculus;

import dev.lemma.calculus.Dual;
import dev.lemma.calculus.DualField;
import dev.lemma.calculus.ForwardMode;
import dev.lemma.calculus.MultivariateDerivatives;
import dev.lemma.experiments.Arguments;
import dev.lemma.experiments.Experiment;
import dev.lemma.experiments.Format;
import dev.lemma.experiments.Palette;
import dev.lemma.experiments.Parameter;
import dev.lemma.experiments.Progress;
import dev.lemma.experiments.Result;
import dev.lemma.experiments.Table;
import dev.lemma.linalg.Vector;
import dev.lemma.viz.Annotation;
import dev.lemma.viz.Axis;
import dev.lemma.viz.Chart;
import dev.lemma.viz.Series;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/// The gradient of $f: \mathbb{R}^2 \to \mathbb{R}$ is orthogonal to its level sets. Along a level curve
/// through $p$ the value does not change, so $\nabla f(p) \cdot t = 0$ for its tangent $t$; by the
/// implicit function theorem that tangent is $t = (-\partial_y f, \partial_x f)$ wherever $\nabla f(p) \ne
/// 0$. Gradients are exact from dual numbers ([ForwardMode#gradient(DualField, Vector)]) and checked against
/// central differences ([MultivariateDerivatives#gradient]).
public final class GradientFieldExperiment implements Experiment {

    /// Points per side of the grid the level sets are traced on.
    static final int GRID = 121;

    /// Arrows per side of the vector field.
    static final int ARROWS = 15;

    /// Level sets drawn (plus the one through the chosen point).
    static final int LEVELS = 14;

    /// The functions offered, each with the window it is best seen in.
    enum Function {
        BOWL("bowl", "the bowl", "½(x² + κy²)", -2, 2, -2, 2),
        ROSENBROCK("rosenbrock", "Rosenbrock's function", "(1 − x)² + 100(y − x²)²", -2, 2, -1, 3),
        HIMMELBLAU("himmelblau", "Himmelblau's function", "(x² + y − 11)² + (x + y² − 7)²", -5, 5, -5, 5),
        SADDLE("saddle", "the saddle", "x² − y²", -2, 2, -2, 2),
        BEALE(
                "beale",
                "Beale's function",
                "(1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)²",
                -4.5,
                4.5,
                -4.5,
                4.5);

        final String key;
        final String name;
        final String label;
        final double xmin;
        final double xmax;
        final double ymin;
        final double ymax;

        Function(String key, String name, String label, double xmin, double xmax, double ymin, double ymax) {
            this.key = key;
            this.name = name;
            this.label = label;
            this.xmin = xmin;
            this.xmax = xmax;
            this.ymin = ymin;
            this.ymax = ymax;
        }

        static Function of(String key) {
            for (Function fn : values()) {
                if (fn.key.equals(key)) {
                    return fn;
                }
            }
            throw new IllegalStateException("no function " + key);
        }

        /// The function written with duals; `kappa` is the bowl's condition number.
        DualField field(double kappa) {
            return switch (this) {
                case BOWL ->
                    v -> v[0].times(v[0]).plus(v[1].times(v[1]).times(kappa)).times(0.5);
                case ROSENBROCK ->
                    v -> {
                        Dual a = Dual.constant(1).minus(v[0]);
                        Dual b = v[1].minus(v[0].times(v[0]));
                        return a.times(a).plus(b.times(b).times(100));
                    };
                case HIMMELBLAU ->
                    v -> {
                        Dual a = v[0].times(v[0]).plus(v[1]).minus(11);
                        Dual b = v[0].plus(v[1].times(v[1])).minus(7);
                        return a.times(a).plus(b.times(b));
                    };
                case SADDLE -> v -> v[0].times(v[0]).minus(v[1].times(v[1]));
                case BEALE ->
                    v -> {
                        Dual x = v[0];
                        Dual y = v[1];
                        Dual a = Dual.constant(1.5).minus(x).plus(x.times(y));
                        Dual b = Dual.constant(2.25).minus(x).plus(x.times(y).times(y));
                        Dual c = Dual.constant(2.625)
                                .minus(x)
                                .plus(x.times(y).times(y).times(y));
                        return a.times(a).plus(b.times(b)).plus(c.times(c));
                    };
            };
        }
    }

    private static final List<Parameter> PARAMETERS = List.of(
            Parameter.choice(
                    "function",
                    "Function $f$",
                    "the surface whose level sets and gradients are drawn",
                    Arrays.stream(Function.values()).map(fn -> fn.key).toList(),
                    "himmelblau"),
            Parameter.number(
                    "kappa", "Condition number $\\kappa$", "the bowl's ratio of curvatures (bowl only)", 1, 100, 1, 10),
            Parameter.number("x", "Point $x$", "abscissa of the chosen point", -4.5, 4.5, 0.1, 1),
            Parameter.number("y", "Point $y$", "ordinate of the chosen point", -4.5, 4.5, 0.1, 1));

    /// Creates the experiment.
    public GradientFieldExperiment() {}

    @Override
    public String id() {
        return "gradient-field";
    }

    @Override
    public String title() {
        return "The gradient is orthogonal to the level sets";
    }

    @Override
    public int chapter() {
        return 2;
    }

    @Override
    public String summary() {
        return "Level sets of $f$ with arrows along $\\nabla f$ everywhere. Move the point and its gradient (red)"
                + " stays at 90° to the level set through it (its tangent in green). Try the bowl with a large"
                + " $\\kappa$: the gradient no longer points at the minimum, which is why gradient descent zig-zags.";
    }

    @Override
    public String formula() {
        return "\\nabla f(p) \\cdot t = 0, \\qquad t = \\begin{pmatrix} -\\partial_y f(p) \\\\ \\partial_x f(p)"
                + " \\end{pmatrix}";
    }

    @Override
    public List<Parameter> parameters() {
        return PARAMETERS;
    }

    /// The drawing window: the function's own, widened to hold the point with a margin.
    static double[] window(Function fn, double x, double y) {
        double margin = 0.5;
        return new double[] {
            Math.min(fn.xmin, x - margin), Math.max(fn.xmax, x + margin),
            Math.min(fn.ymin, y - margin), Math.max(fn.ymax, y + margin)
        };
    }

    static double value(DualField f, double x, double y) {
        return f.apply(new Dual[] {Dual.constant(x), Dual.constant(y)}).value();
    }

    /// Draws the level sets, the field of gradient directions, and the point with its gradient and tangent.
    ///
    /// @param arguments `function`, `kappa`, `x`, `y`
    /// @param progress not used: the run takes milliseconds
    /// @return the chart, the table and the notes
    @Override
    public Result run(Arguments arguments, Progress progress) {
        Function fn = Function.of(arguments.choice("function"));
        double kappa = arguments.number("kappa");
        double px = arguments.number("x");
        double py = arguments.number("y");
        DualField f = fn.field(kappa);
        double[] w = window(fn, px, py);
        double width = w[1] - w[0];
        double height = w[3] - w[2];

        double[] gx = new double[GRID];
        double[] gy = new double[GRID];
        for (int i = 0; i < GRID; i++) {
            gx[i] = w[0] + width * i / (GRID - 1);
            gy[i] = w[2] + height * i / (GRID - 1);
        }
        double[][] z = new double[GRID][GRID];
        double[] all = new double[GRID * GRID];
        for (int i = 0; i < GRID; i++) {
            for (int j = 0; j < GRID; j++) {
                z[i][j] = value(f, gx[j], gy[i]);
                all[i * GRID + j] = z[i][j];
            }
        }
        Arrays.sort(all);
        double fp = value(f, px, py);
        TreeSet<Double> levels = new TreeSet<>();
        // Quantiles of the values on the grid: even spacing in area, which suits both a bowl and the steep
        // walls of Rosenbrock's and Beale's functions.
        for (int l = 0; l < LEVELS; l++) {
            double q = Math.pow((l + 0.5) / LEVELS, 2); // denser near the minimum
            levels.add(all[(int) Math.min(all.length - 1, Math.floor(q * all.length))]);
        }
        levels.add(fp);
        double[] levelArray = levels.stream().mapToDouble(Double::doubleValue).toArray();

        // The field: directions of ∇f, all drawn the same length so that steep and flat regions both read.
        double spacing = Math.min(width, height) / ARROWS;
        double length = 0.7 * spacing;
        List<double[]> arrows = new ArrayList<>();
        for (int i = 0; i < ARROWS; i++) {
            for (int j = 0; j < ARROWS; j++) {
                double ax = w[0] + width * (j + 0.5) / ARROWS;
                double ay = w[2] + height * (i + 0.5) / ARROWS;
                Vector g = ForwardMode.gradient(f, Vector.of(ax, ay));
                double norm = Math.hypot(g.get(0), g.get(1));
                if (norm > 0 && Double.isFinite(norm)) {
                    arrows.add(new double[] {ax, ay, length * g.get(0) / norm, length * g.get(1) / norm});
                }
            }
        }
        Chart.Builder chart = Chart.builder("Level sets of " + fn.name + " and the directions of ∇f")
                .x(Axis.range("x", w[0], w[1]))
                .y(Axis.range("y", w[2], w[3]))
                .equalAspect()
                .add(new Series.Contour("level sets f = c", gx, gy, z, levelArray))
                .add(new Series.VectorField(
                        "direction of ∇f (arrows of equal length)",
                        arrows.stream().mapToDouble(a -> a[0]).toArray(),
                        arrows.stream().mapToDouble(a -> a[1]).toArray(),
                        arrows.stream().mapToDouble(a -> a[2]).toArray(),
                        arrows.stream().mapToDouble(a -> a[3]).toArray(),
                        Palette.solid(Palette.GREY, 1)));

        Vector point = Vector.of(px, py);
        Vector grad = ForwardMode.gradient(f, point);
        Vector numeric = MultivariateDerivatives.gradient(v -> value(f, v.get(0), v.get(1)), point);
        double fx = grad.get(0);
        double fy = grad.get(1);
        double norm = Math.hypot(fx, fy);
        double tx = -fy;
        double ty = fx;
        boolean critical = norm == 0;
        double reach = 0.12 * Math.min(width, height);
        if (critical) {
            chart.add(new Series.Scatter(
                    "critical point: ∇f = 0",
                    new double[] {px},
                    new double[] {py},
                    List.of("∇f = 0"),
                    Palette.solid(Palette.RED, 10)));
        } else {
            double ux = fx / norm;
            double uy = fy / norm;
            chart.add(new Series.Line(
                    "tangent to the level set, (−∂f/∂y, ∂f/∂x)",
                    new double[] {px + 2 * reach * uy, px - 2 * reach * uy},
                    new double[] {py - 2 * reach * ux, py + 2 * reach * ux},
                    Palette.solid(Palette.GREEN, 2.5)));
            chart.add(new Series.Scatter(
                    "chosen point p",
                    new double[] {px},
                    new double[] {py},
                    List.of("p"),
                    Palette.solid(Palette.RED, 9)));
            chart.annotate(new Annotation.Arrow(
                    px, py, px + reach * ux, py + reach * uy, "∇f(p)", Palette.solid(Palette.RED, 3)));
        }
        double cosine = critical ? Double.NaN : (fx * tx + fy * ty) / (norm * Math.hypot(tx, ty));
        double angle = Math.toDegrees(Math.acos(Math.max(-1, Math.min(1, cosine))));

        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("f(p)", fp, ""));
        rows.add(List.of("∂f/∂x (dual numbers)", fx, numeric.get(0)));
        rows.add(List.of("∂f/∂y (dual numbers)", fy, numeric.get(1)));
        rows.add(List.of("|∇f(p)|", norm, Math.hypot(numeric.get(0), numeric.get(1))));
        rows.add(List.of("cos ∠(∇f, tangent)", critical ? "undefined" : cosine, ""));
        rows.add(List.of("angle between ∇f and the tangent (degrees)", critical ? "undefined" : angle, ""));
        Result.Builder result = Result.builder()
                .chart(chart.build())
                .table(new Table(
                        "Gradient at p = (" + Format.num(px) + ", " + Format.num(py) + ")",
                        List.of("quantity", "exact", "central difference"),
                        rows));
        if (critical) {
            result.note("$\\nabla f(p) = 0$: $p$ is a critical point (a minimum, maximum or saddle). The level set"
                    + " through it need not be a smooth curve, so there is no tangent and no angle to measure.");
        } else {
            result.note("$\\nabla f(p) = (" + Format.num(fx) + ", " + Format.num(fy) + ")$ and the tangent $t = (-"
                    + "\\partial_y f, \\partial_x f)$ give $\\nabla f \\cdot t = 0$: the angle is "
                    + Format.num(angle) + "°. Central differences agree to about $10^{-8}$ relative.");
        }
        result.note("$f(x, y) = " + fn.label + "$ (" + fn.name + "), drawn over $[" + Format.num(w[0]) + ", "
                + Format.num(w[1]) + "] \\times [" + Format.num(w[2]) + ", " + Format.num(w[3]) + "]$, with"
                + " level sets at quantiles of its values on the grid and one through $p$.");
        result.note("The grey arrows show only the direction of $\\nabla f$; they are drawn with equal length"
                + " ($" + Format.num(length) + "$ units) because $|\\nabla f|$ varies over orders of magnitude"
                + " here. The red arrow at $p$ is also a direction; its length is $|\\nabla f(p)| = "
                + Format.num(norm) + "$, given in the table.");
        if (fn == Function.BOWL) {
            result.note("For the bowl with $\\kappa = " + Format.num(kappa) + "$ the level sets are ellipses with axes"
                    + " in ratio $\\sqrt{\\kappa} = " + Format.num(Math.sqrt(kappa)) + "$; the gradient is normal"
                    + " to them, so away from the axes it does not point at the minimum.");
        }
        return result.build();
    }
}
