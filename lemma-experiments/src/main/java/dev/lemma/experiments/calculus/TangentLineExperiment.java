package dev.lemma.experiments.calculus;

import dev.lemma.calculus.Dual;
import dev.lemma.calculus.DualFunction;
import dev.lemma.calculus.ForwardMode;
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
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/// The derivative as a limit: the secant through $(x_0, f(x_0))$ and $(x_0 + h, f(x_0 + h))$ turns into
/// the tangent as $h \to 0$. The tangent's slope is exact, from dual numbers ([ForwardMode]); the
/// secant's slope $(f(x_0 + h) - f(x_0))/h$ has a truncation error $\tfrac12 |f''(x_0)|\,h$ that
/// shrinks with $h$ and a rounding error of about $u\,|f(x_0)|/h$ ($u = 2^{-53}$) that grows as $h$
/// shrinks, so the error is smallest near $h \approx \sqrt{u} \approx 10^{-8}$.
public final class TangentLineExperiment implements Experiment {

    /// The unit roundoff of `double`, $2^{-53}$.
    static final double UNIT_ROUNDOFF = 0x1p-53;

    /// The largest $k$: $h = 10^{-8}$ is past the optimum $\sqrt{u}$, where rounding dominates.
    static final int MAX_K = 24;

    /// The functions offered, each written once with duals (for the exact slope) and once with
    /// doubles, with its second derivative written by hand for the truncation guide.
    @SuppressWarnings("ImmutableEnumChecker") // the functional fields hold stateless lambdas
    enum Function {
        SQUARE("x^2", "x²", x -> x.times(x), x -> x * x, x -> 2),
        SIN("sin", "sin x", Dual::sin, Math::sin, x -> -Math.sin(x)),
        EXP("exp", "eˣ", Dual::exp, Math::exp, Math::exp),
        CUBIC("x^3-x", "x³ − x", x -> x.times(x).times(x).minus(x), x -> x * x * x - x, x -> 6 * x),
        ABS("abs", "|x|", x -> x.value() < 0 ? x.negate() : x, Math::abs, x -> 0);

        final String key;
        final String label;
        final DualFunction dual;
        final DoubleUnaryOperator f;
        final DoubleUnaryOperator second;

        Function(String key, String label, DualFunction dual, DoubleUnaryOperator f, DoubleUnaryOperator second) {
            this.key = key;
            this.label = label;
            this.dual = dual;
            this.f = f;
            this.second = second;
        }

        static Function of(String key) {
            for (Function fn : values()) {
                if (fn.key.equals(key)) {
                    return fn;
                }
            }
            throw new IllegalStateException("no function " + key);
        }
    }

    private static final List<Parameter> PARAMETERS = List.of(
            Parameter.choice(
                    "function",
                    "Function $f$",
                    "the function whose derivative is approximated",
                    List.of("x^2", "sin", "exp", "x^3-x", "abs"),
                    "sin"),
            Parameter.number("x0", "Point $x_0$", "where the derivative is taken", -2, 2, 0.1, 1),
            Parameter.integer(
                    "k",
                    "Step exponent $k$",
                    "the secant's step is h = 10^(−k/2): k = 0 is h = 1, k = 16 is h = 1e-8",
                    0,
                    MAX_K,
                    2));

    /// Creates the experiment.
    public TangentLineExperiment() {}

    @Override
    public String id() {
        return "tangent-line";
    }

    @Override
    public String title() {
        return "The derivative as a limit: secants turning into the tangent";
    }

    @Override
    public int chapter() {
        return 2;
    }

    @Override
    public String summary() {
        return "Raise $k$ to shrink $h = 10^{-k/2}$ and watch the secant (orange) turn into the tangent (green),"
                + " whose slope is exact from dual numbers. The second chart shows the secant slope's error"
                + " against $h$: it falls like $h$ until about $h = 10^{-8}$, then rounding makes it grow again."
                + " Try $|x|$ at $x_0 = 0$, where the secant slope is $+1$ from the right and $-1$ from the left.";
    }

    @Override
    public String formula() {
        return "f'(x_0) = \\lim_{h \\to 0} \\frac{f(x_0 + h) - f(x_0)}{h}, \\qquad"
                + " \\left|\\frac{f(x_0+h)-f(x_0)}{h} - f'(x_0)\\right| \\approx \\tfrac12 |f''(x_0)|\\,h"
                + " + \\frac{2u\\,|f(x_0)|}{h}";
    }

    @Override
    public List<Parameter> parameters() {
        return PARAMETERS;
    }

    /// The step $h = 10^{-k/2}$.
    ///
    /// @param k the exponent
    /// @return the step
    static double step(int k) {
        return Math.pow(10, -k / 2.0);
    }

    /// The forward-difference slope, computed as a reader would: $(f(x_0 + h) - f(x_0))/h$.
    static double secantSlope(Function fn, double x0, double h) {
        return (fn.f.applyAsDouble(x0 + h) - fn.f.applyAsDouble(x0)) / h;
    }

    /// Computes the slopes and draws the secant, the tangent and the error curve.
    ///
    /// @param arguments `function`, `x0`, `k`
    /// @param progress not used: the run takes microseconds
    /// @return the two charts, the table and the notes
    @Override
    public Result run(Arguments arguments, Progress progress) {
        Function fn = Function.of(arguments.choice("function"));
        double x0 = arguments.number("x0");
        int k = arguments.integer("k");
        double h = step(k);
        double fx0 = fn.f.applyAsDouble(x0);
        boolean kink = fn == Function.ABS && x0 == 0;
        double exact = ForwardMode.derivative(fn.dual, x0);
        double secant = secantSlope(fn, x0, h);
        double error = Math.abs(secant - exact);

        Result.Builder result = Result.builder();
        result.chart(picture(fn, x0, h, fx0, exact, secant, kink));
        result.chart(errorChart(fn, x0, k, kink));

        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("step h", h));
        rows.add(List.of("secant slope (f(x₀+h) − f(x₀))/h", secant));
        if (kink) {
            rows.add(List.of("left secant slope (f(x₀) − f(x₀−h))/h", (fx0 - fn.f.applyAsDouble(x0 - h)) / h));
            rows.add(List.of("exact derivative f′(x₀)", "does not exist"));
            rows.add(List.of("error", "undefined"));
        } else {
            rows.add(List.of("exact derivative f′(x₀) (dual numbers)", exact));
            rows.add(List.of("error |secant − exact|", error));
            rows.add(List.of("truncation estimate ½|f″(x₀)|h", 0.5 * Math.abs(fn.second.applyAsDouble(x0)) * h));
            rows.add(List.of("rounding estimate 2u|f(x₀)|/h", 2 * UNIT_ROUNDOFF * Math.abs(fx0) / h));
        }
        result.table(new Table(
                "Slopes at x₀ = " + Format.num(x0) + " for f(x) = " + fn.label, List.of("quantity", "value"), rows));

        if (kink) {
            result.note("$|x|$ has no derivative at $0$: the secant slope is $+1$ for every $h > 0$ and $-1$ for"
                    + " every $h < 0$, so the limit does not exist (left and right slopes differ). The dual"
                    + " numbers return " + Format.num(exact) + ", the slope of the branch they took, not a"
                    + " derivative; the error chart shows the gap of 2 between the right and left secant slopes,"
                    + " which no $h$ closes.");
        } else {
            result.note("With $h = " + Format.sci(h) + "$ the secant slope is " + Format.num(secant)
                    + " against the exact " + Format.num(exact) + ": an error of $" + Format.sci(error) + "$.");
            result.note("For large $h$ the error is the truncation $\\tfrac12|f''(x_0)|h$ and falls tenfold when"
                    + " $h$ does (slope 1 on the log–log chart). Below $h \\approx \\sqrt{u} \\approx 10^{-8}$ the"
                    + " subtraction $f(x_0+h) - f(x_0)$ cancels most digits and the rounding error $\\approx"
                    + " 2u|f(x_0)|/h$ takes over: the slider stops at $h = 10^{-12}$, well past that point.");
            if (fn.second.applyAsDouble(x0) == 0) {
                result.note("Here $f''(x_0) = 0$, so the first-order term vanishes and the truncation error falls"
                        + " like $h^2$ instead.");
            }
            if (fn == Function.ABS && Math.abs(x0) <= 1) {
                result.note("While $h > |x_0|$ the secant jumps across the kink at $0$; once $h < |x_0|$ it lies"
                        + " on one straight branch and is exact.");
            }
        }
        return result.build();
    }

    private static Chart picture(
            Function fn, double x0, double h, double fx0, double exact, double secant, boolean kink) {
        double fxh = fn.f.applyAsDouble(x0 + h);
        // Equal aspect (true slopes) while the secant's rise fits in the square window; a steep secant
        // (eˣ at x₀ = 2 with h = 1) gets a taller window instead.
        double half = 2;
        double rise = Math.max(half, 1.2 * Math.abs(fxh - fx0));
        double lo = x0 - half;
        double hi = x0 + half;
        int n = 401;
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = lo + (hi - lo) * i / (n - 1);
            ys[i] = fn.f.applyAsDouble(xs[i]);
        }
        double[] ends = {lo, hi};
        Chart.Builder chart = Chart.builder(
                        kink
                                ? "|x| at 0: right and left secants with h = " + Format.plain(h) + ", no tangent"
                                : "f, the secant with h = " + Format.plain(h) + " and the tangent at x₀")
                .x(Axis.range("x", lo, hi))
                .y(Axis.range("y", fx0 - rise, fx0 + rise))
                .add(new Series.Line("f(x) = " + fn.label, xs, ys, Palette.solid(Palette.BLUE, 2)))
                .add(new Series.Line(
                        "secant, slope " + Format.num(secant),
                        ends,
                        new double[] {fx0 + secant * (lo - x0), fx0 + secant * (hi - x0)},
                        Palette.solid(Palette.ORANGE, 2)));
        if (rise == half) {
            chart.equalAspect();
        }
        if (kink) {
            double left = secantSlope(fn, x0, -h);
            chart.add(new Series.Line(
                    "left secant, slope " + Format.num(left),
                    ends,
                    new double[] {fx0 + left * (lo - x0), fx0 + left * (hi - x0)},
                    Palette.dashed(Palette.PURPLE, 2)));
        } else {
            chart.add(new Series.Line(
                    "tangent, slope f′(x₀) = " + Format.num(exact),
                    ends,
                    new double[] {fx0 + exact * (lo - x0), fx0 + exact * (hi - x0)},
                    Palette.dashed(Palette.GREEN, 2)));
        }
        return chart.annotate(new Annotation.Point(x0, fx0, "x₀", marker(Palette.GREEN)))
                .annotate(new Annotation.Point(x0 + h, fxh, "x₀ + h", marker(Palette.ORANGE)))
                .build();
    }

    private static dev.lemma.viz.Style marker(String color) {
        return Palette.solid(color, 8);
    }

    private static Chart errorChart(Function fn, double x0, int k, boolean kink) {
        int n = 4 * MAX_K + 1;
        double[] hs = new double[n];
        double[] errors = new double[n];
        double[] rounding = new double[n];
        double exact = ForwardMode.derivative(fn.dual, x0);
        double fx0 = fn.f.applyAsDouble(x0);
        double scale = Math.max(Math.abs(fx0), 1);
        for (int i = 0; i < n; i++) {
            hs[i] = Math.pow(10, -i / 8.0);
            double e = kink
                    ? Math.abs(secantSlope(fn, x0, hs[i]) - secantSlope(fn, x0, -hs[i]))
                    : Math.abs(secantSlope(fn, x0, hs[i]) - exact);
            errors[i] = e > 0 ? e : Double.NaN; // an exact zero has no place on a log axis
            rounding[i] = 2 * UNIT_ROUNDOFF * scale / hs[i];
        }
        double h = step(k);
        double here = kink
                ? Math.abs(secantSlope(fn, x0, h) - secantSlope(fn, x0, -h))
                : Math.abs(secantSlope(fn, x0, h) - exact);
        Chart.Builder chart = Chart.builder(
                        kink ? "Right minus left secant slope against h" : "Error of the secant slope against h")
                .x(Axis.log("step h"))
                .y(Axis.log(kink ? "|right slope − left slope|" : "|secant slope − f′(x₀)|"))
                .add(new Series.Line(
                        kink ? "right − left slope" : "secant error", hs, errors, Palette.solid(Palette.BLUE, 2)));
        double second = Math.abs(fn.second.applyAsDouble(x0));
        if (!kink && second > 0) {
            double[] truncation = new double[n];
            for (int i = 0; i < n; i++) {
                truncation[i] = 0.5 * second * hs[i];
            }
            chart.add(new Series.Line("truncation ½|f″(x₀)|h", hs, truncation, Palette.dashed(Palette.GREEN, 1.5)));
        }
        chart.add(new Series.Line("rounding 2u·max(|f(x₀)|, 1)/h", hs, rounding, Palette.dashed(Palette.GREY, 1.5)));
        if (here > 0) {
            chart.annotate(new Annotation.Point(h, here, "current h", marker(Palette.ORANGE)));
        }
        return chart.build();
    }
}
