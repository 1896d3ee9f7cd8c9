package dev.lemma.experiments.calculus;

import dev.lemma.calculus.Jet;
import dev.lemma.calculus.JetFunction;
import dev.lemma.calculus.Taylor;
import dev.lemma.calculus.TaylorPolynomial;
import dev.lemma.experiments.Arguments;
import dev.lemma.experiments.Experiment;
import dev.lemma.experiments.Format;
import dev.lemma.experiments.Palette;
import dev.lemma.experiments.Parameter;
import dev.lemma.experiments.Progress;
import dev.lemma.experiments.Result;
import dev.lemma.experiments.Table;
import dev.lemma.viz.Annotation;
import dev.lemma.viz.Axis;
import dev.lemma.viz.Chart;
import dev.lemma.viz.Series;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/// Taylor polynomials $p_d(x) = \sum_{k \le d} \frac{f^{(k)}(x_0)}{k!}(x - x_0)^k$ of order 1 to 5, with
/// coefficients exact to rounding from jets ([Taylor#expand(JetFunction, double, int)]), not from finite
/// differences. Taylor's theorem makes the error of order $d$ behave like $h^{d+1}$ near $x_0$; where $f$
/// has a singularity (in the complex plane too), the series converges only within the distance to it.
public final class TaylorSeriesExperiment implements Experiment {

    /// The highest order offered.
    static final int MAX_ORDER = 5;

    /// The steps $h$ of the error table, before scaling to the radius of convergence.
    static final double[] STEPS = {0.4, 0.2, 0.1, 0.05};

    /// How close $x_0$ may come to the edge of the domain or a pole.
    static final double MARGIN = 0.1;

    /// The functions offered, with jets (for the coefficients), doubles (for the curve), and the
    /// distance from $x_0$ to the nearest singularity in the complex plane (infinite for entire ones).
    @SuppressWarnings("ImmutableEnumChecker") // the functional fields hold stateless lambdas
    enum Function {
        EXP("exp", "eˣ", Jet::exp, Math::exp, x0 -> Double.POSITIVE_INFINITY),
        SIN("sin", "sin x", Jet::sin, Math::sin, x0 -> Double.POSITIVE_INFINITY),
        COS("cos", "cos x", Jet::cos, Math::cos, x0 -> Double.POSITIVE_INFINITY),
        LOG1P("log(1+x)", "log(1 + x)", x -> x.plus(1).log(), Math::log1p, x0 -> Math.abs(1 + x0)),
        GEOMETRIC(
                "1/(1-x)",
                "1/(1 − x)",
                x -> Jet.constant(1, x.degree())
                        .divide(Jet.constant(1, x.degree()).minus(x)),
                x -> 1 / (1 - x),
                x0 -> Math.abs(1 - x0)),
        // tanh z has poles at ±iπ/2: the radius at a real x₀ is the distance to them.
        TANH(
                "tanh",
                "tanh x",
                x -> {
                    Jet e = x.times(2).exp();
                    return e.minus(1).divide(e.plus(1));
                },
                Math::tanh,
                x0 -> Math.hypot(x0, Math.PI / 2)),
        SQRT1P("sqrt(1+x)", "√(1 + x)", x -> x.plus(1).sqrt(), x -> Math.sqrt(1 + x), x0 -> Math.abs(1 + x0));

        final String key;
        final String label;
        final JetFunction jet;
        final DoubleUnaryOperator f;
        final DoubleUnaryOperator radius;

        Function(String key, String label, JetFunction jet, DoubleUnaryOperator f, DoubleUnaryOperator radius) {
            this.key = key;
            this.label = label;
            this.jet = jet;
            this.f = f;
            this.radius = radius;
        }

        static Function of(String key) {
            for (Function fn : values()) {
                if (fn.key.equals(key)) {
                    return fn;
                }
            }
            throw new IllegalStateException("no function " + key);
        }

        /// $x_0$ moved, if need be, at least [#MARGIN] inside the domain and away from a pole.
        double admissible(double x0) {
            return switch (this) {
                case LOG1P, SQRT1P -> Math.max(x0, -1 + MARGIN);
                case GEOMETRIC -> Math.abs(1 - x0) >= MARGIN ? x0 : (x0 <= 1 ? 1 - MARGIN : 1 + MARGIN);
                default -> x0;
            };
        }
    }

    private static final List<String> KEYS =
            Arrays.stream(Function.values()).map(fn -> fn.key).toList();

    private static final List<Parameter> PARAMETERS = List.of(
            Parameter.choice("function", "Function $f$", "the function to expand", KEYS, "exp"),
            Parameter.number(
                    "x0",
                    "Centre $x_0$",
                    "the point of expansion; moved 0.1 inside the domain of log(1+x) and √(1+x) and away from"
                            + " the pole of 1/(1−x)",
                    -3,
                    3,
                    0.1,
                    0),
            Parameter.integer(
                    "order", "Order $d$", "the highest order drawn; lower orders are drawn fainter", 1, MAX_ORDER, 3));

    /// Creates the experiment.
    public TaylorSeriesExperiment() {}

    @Override
    public String id() {
        return "taylor-series";
    }

    @Override
    public String title() {
        return "Taylor polynomials of order 1 to 5";
    }

    @Override
    public int chapter() {
        return 2;
    }

    @Override
    public String summary() {
        return "Raise the order and watch the polynomials hug $f$ over a wider and wider interval around $x_0$."
                + " The coefficients come exactly from jets (truncated Taylor arithmetic). Try $\\log(1+x)$ or"
                + " $1/(1-x)$: beyond the radius of convergence, higher orders make things worse, not better.";
    }

    @Override
    public String formula() {
        return "p_d(x) = \\sum_{k=0}^{d} \\frac{f^{(k)}(x_0)}{k!}(x - x_0)^k, \\qquad"
                + " f(x_0 + h) - p_d(x_0 + h) = \\frac{f^{(d+1)}(\\xi)}{(d+1)!} h^{d+1}";
    }

    @Override
    public List<Parameter> parameters() {
        return PARAMETERS;
    }

    /// The Taylor polynomial of order `order` truncated from the expansion `full`.
    static TaylorPolynomial truncated(TaylorPolynomial full, int order) {
        return new TaylorPolynomial(full.center(), Arrays.copyOf(full.coefficients(), order + 1));
    }

    /// Expands $f$ at $x_0$ and draws the polynomials of every order up to the chosen one.
    ///
    /// @param arguments `function`, `x0`, `order`
    /// @param progress not used: the run takes microseconds
    /// @return the chart, the coefficient and error tables, and the notes
    @Override
    public Result run(Arguments arguments, Progress progress) {
        Function fn = Function.of(arguments.choice("function"));
        double asked = arguments.number("x0");
        double x0 = fn.admissible(asked);
        int order = arguments.integer("order");
        TaylorPolynomial full = Taylor.expand(fn.jet, x0, order);
        double radius = fn.radius.applyAsDouble(x0);

        Result.Builder result = Result.builder();
        result.chart(chart(fn, x0, order, full));

        List<List<Object>> coefficients = new ArrayList<>();
        for (int k = 0; k <= order; k++) {
            coefficients.add(List.of(k, full.coefficient(k), full.derivative(k)));
        }
        result.table(new Table(
                "Taylor coefficients of " + fn.label + " at x₀ = " + Format.num(x0),
                List.of("k", "aₖ = f⁽ᵏ⁾(x₀)/k!", "f⁽ᵏ⁾(x₀)"),
                coefficients));

        // Inside the radius of convergence, so that every point of the table is in the domain.
        double scale = Double.isFinite(radius) ? Math.min(1, radius) : 1;
        List<List<Object>> errors = new ArrayList<>();
        for (double step : STEPS) {
            double h = step * scale;
            double exact = fn.f.applyAsDouble(x0 + h);
            double error = Math.abs(exact - full.evaluate(x0 + h));
            errors.add(List.of(h, exact, full.evaluate(x0 + h), error, error / Math.pow(h, order + 1)));
        }
        result.table(new Table(
                "Error of the order-" + order + " polynomial at x₀ + h",
                List.of("h", "f(x₀ + h)", "p(x₀ + h)", "|f − p|", "|f − p| / h^(d+1)"),
                errors));

        if (x0 != asked) {
            result.note("$x_0 = " + Format.num(asked) + "$ is outside the domain of " + fn.label
                    + " or too close to its pole; the expansion is taken at $x_0 = " + Format.num(x0) + "$.");
        }
        result.note("Each halving of $h$ divides the error of order " + order + " by about $2^{" + (order + 1)
                + "} = " + (1 << (order + 1)) + "$: the last column, $|f - p|/h^{d+1}$, settles to"
                + " $|f^{(d+1)}(x_0)|/(d+1)!$ as $h \\to 0$.");
        result.note(
                switch (fn) {
                    case EXP, SIN, COS ->
                        fn.label + " is entire: its Taylor series converges to it for every $x$,"
                                + " so adding orders widens the interval of good agreement without limit.";
                    case LOG1P ->
                        "$\\log(1+x)$ has a singularity at $x = -1$: its series at $x_0$ converges only for"
                                + " $|x - x_0| < " + Format.num(radius)
                                + "$ (the distance to $-1$). Beyond that, higher"
                                + " orders diverge faster.";
                    case GEOMETRIC ->
                        "$1/(1-x)$ has a pole at $x = 1$: its series at $x_0$ is geometric and"
                                + " converges only for $|x - x_0| < " + Format.num(radius) + "$ (the distance to 1).";
                    case SQRT1P ->
                        "$\\sqrt{1+x}$ has a branch point at $x = -1$: its series converges only for $|x -" + " x_0| < "
                                + Format.num(radius) + "$.";
                    case TANH ->
                        "$\\tanh$ is smooth on the real line, yet its series has radius $\\sqrt{x_0^2 +"
                                + " \\pi^2/4} = " + Format.num(radius)
                                + "$: $\\tanh z$ has poles at $z = \\pm i\\pi/2$ in the"
                                + " complex plane, which limit convergence on the real line too.";
                });
        return result.build();
    }

    private static Chart chart(Function fn, double x0, int order, TaylorPolynomial full) {
        double lo = x0 - 2;
        double hi = x0 + 2;
        int n = 401;
        double[] xs = new double[n];
        double[] ys = new double[n];
        double fx0 = fn.f.applyAsDouble(x0);
        double ymin = fx0;
        double ymax = fx0;
        for (int i = 0; i < n; i++) {
            xs[i] = lo + (hi - lo) * i / (n - 1);
            double y = fn.f.applyAsDouble(xs[i]);
            ys[i] = Double.isFinite(y) ? y : Double.NaN; // outside the domain or at the pole: a gap
            if (Double.isFinite(y)) {
                ymin = Math.min(ymin, y);
                ymax = Math.max(ymax, y);
            }
        }
        ymin = Math.max(ymin, fx0 - 4);
        ymax = Math.min(ymax, fx0 + 4);
        double pad = Math.max(0.5, 0.15 * (ymax - ymin));
        Chart.Builder chart = Chart.builder("Taylor polynomials of " + fn.label + " at x₀ = " + Format.num(x0))
                .x(Axis.range("x", lo, hi))
                .y(Axis.range("y", ymin - pad, ymax + pad))
                .add(new Series.Line("f(x) = " + fn.label, xs, ys, Palette.solid(Palette.BLUE, 3)));
        String[] shades = {"#fdd0a2", "#fdae6b", "#fd8d3c", "#e6550d", "#a63603"};
        for (int d = 1; d <= order; d++) {
            TaylorPolynomial p = truncated(full, d);
            double[] ps = new double[n];
            for (int i = 0; i < n; i++) {
                ps[i] = p.evaluate(xs[i]);
            }
            boolean top = d == order;
            String color = top ? Palette.RED : shades[d - 1];
            chart.add(new Series.Line(
                    "order " + d, xs, ps, top ? Palette.solid(color, 2.5) : Palette.dashed(color, 1.5)));
        }
        double radius = fn.radius.applyAsDouble(x0);
        double bottom = ymin - pad;
        double top = ymax + pad;
        if (radius < 2) {
            // The interval of convergence |x − x₀| < R, where it fits in the window.
            double[] edges = {x0 - radius, x0 + radius};
            chart.add(new Series.Line(
                    "radius of convergence, |x − x₀| = " + Format.num(radius),
                    new double[] {edges[0], edges[0], edges[0], edges[1], edges[1]}, // NaN in y breaks the line,
                    new double[] {bottom, top, Double.NaN, bottom, top},
                    Palette.dotted(Palette.GREY, 1.5)));
        }
        return chart.annotate(new Annotation.Point(x0, fx0, "x₀", Palette.solid(Palette.GREY, 8)))
                .build();
    }
}
