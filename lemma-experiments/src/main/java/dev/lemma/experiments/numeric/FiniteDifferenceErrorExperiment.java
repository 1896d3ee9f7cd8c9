package dev.lemma.experiments.numeric;

import dev.lemma.calculus.Complex;
import dev.lemma.calculus.ComplexFunction;
import dev.lemma.calculus.Derivative;
import dev.lemma.experiments.Arguments;
import dev.lemma.experiments.Experiment;
import dev.lemma.experiments.Format;
import dev.lemma.experiments.Palette;
import dev.lemma.experiments.Parameter;
import dev.lemma.experiments.Progress;
import dev.lemma.experiments.Result;
import dev.lemma.experiments.Table;
import dev.lemma.numeric.Tolerances;
import dev.lemma.viz.Annotation;
import dev.lemma.viz.Axis;
import dev.lemma.viz.Chart;
import dev.lemma.viz.Series;
import dev.lemma.viz.Style;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/// Chapter 7: the error $|D(h) - f'(x_0)|$ of the forward difference, the central difference and the
/// complex step against the step $h$ from $10^{-16}$ to 1, on log–log axes.
///
/// A difference quotient makes two errors ([Derivative] derives them): truncation, $\frac{h}{2}|f''|$
/// for the forward and $\frac{h^2}{6}|f'''|$ for the central difference, falling with $h$; and
/// rounding, about $u|f|/h$, rising as $h$ shrinks. Their sum is a V on log–log axes whose bottom
/// is at
///
/// - forward: $h^* = \sqrt{2u|f|/|f''|}$, error $\sqrt{2u|f||f''|}$;
/// - central: $h^* = \sqrt[3]{3u|f|/|f'''|}$, error $\frac32 (3u|f|)^{2/3}|f'''|^{1/3}/3^{1/3}$, i.e. the
///   value of $\frac{h^2}{6}|f'''| + \frac{u|f|}{h}$ at $h^*$.
///
/// These are the constants [Derivative]'s defaults take as 1 ($\sqrt u$, $\sqrt[3]u$). The complex
/// step $\operatorname{Im} f(x_0 + ih)/h$ subtracts nothing, so it has no rounding branch: its error
/// falls as $\frac{h^2}{6}|f'''|$ until it reaches a few $u|f'|$ and stays there.
///
/// The steps are those the library takes: $h$ is rounded to $(x_0 + h) - x_0$, and a step with
/// $x_0 + h = x_0$ cannot be taken at all (the point is left out; a note says how many). A difference
/// that leaves the function's domain ($\log$ of a negative number) gives NaN and is left out too.
///
/// References: Nocedal & Wright, *Numerical Optimization*, 2nd ed., §8.1; Squire & Trapp, SIAM
/// Review 40(1), 1998; N. J. Higham, *Accuracy and Stability of Numerical Algorithms*, 2nd ed., §1.14.
public final class FiniteDifferenceErrorExperiment implements Experiment {

    /// The unit roundoff $u = 2^{-53}$.
    static final double U = Tolerances.UNIT_ROUNDOFF;

    /// The steps run over $10^{-16}, \dots, 10^0$, this many per decade: enough for the V's bottom to
    /// be located within a factor $10^{1/20} \approx 1.12$.
    static final int STEPS_PER_DECADE = 20;

    /// The smallest step, $10^{-16}$, just below $u$: at $|x_0| \ge 1$ it is below the spacing of the
    /// doubles near $x_0$, so the left end shows where a step stops existing.
    static final int SMALLEST_EXPONENT = -16;

    /// A function with its first three derivatives, written twice: for doubles and for [Complex].
    ///
    /// @param name the name the control shows
    /// @param formula the function in LaTeX
    /// @param f the function
    /// @param complex the same function for a complex argument
    /// @param d1 $f'$
    /// @param d2 $f''$
    /// @param d3 $f'''$
    record Function(
            String name,
            String formula,
            DoubleUnaryOperator f,
            ComplexFunction complex,
            DoubleUnaryOperator d1,
            DoubleUnaryOperator d2,
            DoubleUnaryOperator d3) {}

    static final List<Function> FUNCTIONS = List.of(
            new Function("sin", "\\sin x", Math::sin, Complex::sin, Math::cos, x -> -Math.sin(x), x -> -Math.cos(x)),
            new Function("exp", "e^x", Math::exp, Complex::exp, Math::exp, Math::exp, Math::exp),
            new Function("cube", "x^3", x -> x * x * x, z -> z.pow(3), x -> 3 * x * x, x -> 6 * x, x -> 6.0),
            new Function(
                    "log", "\\log x", Math::log, Complex::log, x -> 1 / x, x -> -1 / (x * x), x -> 2 / (x * x * x)),
            new Function(
                    "tanh",
                    "\\tanh x",
                    Math::tanh,
                    FiniteDifferenceErrorExperiment::complexTanh,
                    x -> 1 / (Math.cosh(x) * Math.cosh(x)),
                    x -> -2 * Math.tanh(x) / (Math.cosh(x) * Math.cosh(x)),
                    x -> {
                        double t = Math.tanh(x);
                        double s = 1 - t * t;
                        return -2 * s * (1 - 3 * t * t);
                    }));

    private static final List<Parameter> PARAMETERS = List.of(
            Parameter.choice(
                    "function",
                    "Function $f$",
                    "the function to differentiate; its derivatives are known exactly",
                    FUNCTIONS.stream().map(Function::name).toList(),
                    "sin"),
            Parameter.number(
                    "x0",
                    "Point $x_0$",
                    "where to differentiate; near 0 the wide steps of log leave its domain",
                    0.1,
                    5,
                    0.1,
                    1));

    /// Creates the experiment.
    public FiniteDifferenceErrorExperiment() {}

    @Override
    public String id() {
        return "finite-difference-error";
    }

    @Override
    public String title() {
        return "Finite differences: truncation against rounding";
    }

    @Override
    public int chapter() {
        return 7;
    }

    @Override
    public String summary() {
        return "Differentiates $f$ at $x_0$ by forward and central differences for every step $h$ from"
                + " $10^{-16}$ to 1 and plots the error. Large steps suffer truncation (slope 1 for forward, 2"
                + " for central), small steps rounding (slope $-1$); the bottom of the V is where the two"
                + " meet, near $\\sqrt{u} \\approx 10^{-8}$ and $\\sqrt[3]{u} \\approx 5 \\times 10^{-6}$. The complex"
                + " step has no V. Try `exp` at large $x_0$ (rounding grows with $|f|$), `cube` (central"
                + " truncation is exactly $h^2$) and `log` near 0.";
    }

    @Override
    public String formula() {
        return "\\Big|\\tfrac{f(x_0+h)-f(x_0)}{h} - f'(x_0)\\Big| \\approx \\tfrac{h}{2}|f''| + \\tfrac{u|f|}{h},"
                + " \\quad \\Big|\\tfrac{f(x_0+h)-f(x_0-h)}{2h} - f'(x_0)\\Big| \\approx \\tfrac{h^2}{6}|f'''|"
                + " + \\tfrac{u|f|}{h}";
    }

    @Override
    public List<Parameter> parameters() {
        return PARAMETERS;
    }

    static Function function(String name) {
        return FUNCTIONS.stream()
                .filter(f -> f.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no function " + name));
    }

    /// The errors of the three methods at every step, NaN where the step cannot be taken or leaves
    /// the domain, and the model's predictions.
    ///
    /// @param h the nominal steps, increasing
    /// @param forward $|D_+(h) - f'(x_0)|$
    /// @param central $|D_0(h) - f'(x_0)|$
    /// @param complex $|\operatorname{Im} f(x_0 + ih)/h - f'(x_0)|$
    /// @param exact $f'(x_0)$
    /// @param fx $|f(x_0)|$
    /// @param f2 $|f''(x_0)|$
    /// @param f3 $|f'''(x_0)|$
    @SuppressWarnings("ArrayRecordComponent") // package-private, read by the test only
    record Measurement(
            double[] h,
            double[] forward,
            double[] central,
            double[] complex,
            double exact,
            double fx,
            double f2,
            double f3) {

        /// $\sqrt{2u|f|/|f''|}$, where $\frac{h}{2}|f''| + \frac{u|f|}{h}$ is smallest.
        double forwardOptimalStep() {
            return Math.sqrt(2 * U * fx / f2);
        }

        /// $\sqrt[3]{3u|f|/|f'''|}$, where $\frac{h^2}{6}|f'''| + \frac{u|f|}{h}$ is smallest.
        double centralOptimalStep() {
            return Math.cbrt(3 * U * fx / f3);
        }

        double forwardModel(double step) {
            return step * f2 / 2 + U * fx / step;
        }

        double centralModel(double step) {
            return step * step * f3 / 6 + U * fx / step;
        }
    }

    /// Measures the three errors of `f` at `x0` over the step grid.
    static Measurement measure(Function fn, double x0) {
        int count = -SMALLEST_EXPONENT * STEPS_PER_DECADE + 1;
        double[] h = new double[count];
        double[] forward = new double[count];
        double[] central = new double[count];
        double[] complex = new double[count];
        double exact = fn.d1().applyAsDouble(x0);
        for (int i = 0; i < count; i++) {
            double step = Math.pow(10, SMALLEST_EXPONENT + (double) i / STEPS_PER_DECADE);
            h[i] = step;
            forward[i] = error(() -> Derivative.forward(fn.f(), x0, step), exact);
            central[i] = error(() -> Derivative.central(fn.f(), x0, step), exact);
            complex[i] = error(() -> Derivative.complexStep(fn.complex(), x0, step), exact);
        }
        return new Measurement(
                h,
                forward,
                central,
                complex,
                exact,
                Math.abs(fn.f().applyAsDouble(x0)),
                Math.abs(fn.d2().applyAsDouble(x0)),
                Math.abs(fn.d3().applyAsDouble(x0)));
    }

    private interface Estimate {
        double get();
    }

    /// $|D - f'|$, NaN where the step vanishes next to $x_0$ (the library refuses it).
    private static double error(Estimate estimate, double exact) {
        try {
            return Math.abs(estimate.get() - exact);
        } catch (IllegalArgumentException e) {
            return Double.NaN;
        }
    }

    /// Half the window of [#typical]: 4 steps either side, nearly half a decade.
    static final int HALF_WINDOW = 4;

    /// The typical error near each step: the median of the errors at the $2 \cdot$ [#HALF_WINDOW]
    /// $+ 1$ nearest steps (fewer at the ends), NaN where none is finite. Rounding errors scatter by a
    /// decade or more from one step to the next, and a lucky step where they happen to cancel is not
    /// an optimum one could choose in advance; the median is.
    static double[] typical(double[] error) {
        double[] out = new double[error.length];
        for (int i = 0; i < error.length; i++) {
            List<Double> window = new ArrayList<>();
            for (int j = Math.max(0, i - HALF_WINDOW); j <= Math.min(error.length - 1, i + HALF_WINDOW); j++) {
                if (Double.isFinite(error[j])) {
                    window.add(error[j]);
                }
            }
            window.sort(null);
            out[i] = window.isEmpty() ? Double.NaN : window.get(window.size() / 2);
        }
        return out;
    }

    /// The step index where the typical error ([#typical]) is smallest and positive; -1 if there is none.
    static int argmin(double[] error) {
        double[] t = typical(error);
        int best = -1;
        for (int i = 0; i < t.length; i++) {
            if (t[i] > 0 && (best < 0 || t[i] < t[best])) {
                best = i;
            }
        }
        return best;
    }

    @Override
    public Result run(Arguments arguments, Progress progress) {
        Function fn = function(arguments.choice("function"));
        double x0 = arguments.number("x0");
        progress.report(0, "differentiating " + fn.name());
        Measurement m = measure(fn, x0);
        progress.report(0.8, "drawing");

        double[] h = m.h();
        int n = h.length;
        // The model lines stop a decade below the lowest measured error: a truncation line running on
        // down to 1e-33 would squash the measured curves into the top of the chart.
        double floor = Math.min(positiveMin(m.forward()), positiveMin(m.central())) / 10;
        double[] forwardTruncation = new double[n];
        double[] centralTruncation = new double[n];
        double[] rounding = new double[n];
        for (int i = 0; i < n; i++) {
            forwardTruncation[i] = aboveOrGap(h[i] * m.f2() / 2, floor);
            centralTruncation[i] = aboveOrGap(h[i] * h[i] * m.f3() / 6, floor);
            rounding[i] = aboveOrGap(U * m.fx() / h[i], floor);
        }
        String where = "f(x) = " + fn.name() + " at x₀ = " + Format.num(x0);
        Chart.Builder chart = Chart.builder("Error of numerical derivatives against the step, " + where)
                .x(Axis.log("step h"))
                .y(Axis.log("|approximation − f′(x₀)|"));
        // A line with no drawable point (a vanishing derivative, a point outside the domain) is left
        // out. The measured curves overlap (all three share a truncation or rounding branch), so the
        // widest is drawn first and the narrowest on top.
        addIfAny(chart, "forward truncation h|f″|/2", h, forwardTruncation, Palette.dashed(Palette.BLUE, 1.2));
        addIfAny(chart, "central truncation h²|f‴|/6", h, centralTruncation, Palette.dashed(Palette.ORANGE, 1.2));
        addIfAny(chart, "rounding u|f|/h", h, rounding, Palette.dotted(Palette.GREY, 1.5));
        addIfAny(chart, "complex step", h, gaps(m.complex()), Palette.solid(Palette.GREEN, 4));
        addIfAny(chart, "central difference", h, gaps(m.central()), Palette.solid(Palette.ORANGE, 2.5));
        addIfAny(chart, "forward difference", h, gaps(m.forward()), Palette.solid(Palette.BLUE, 1.5));
        double hForward = m.forwardOptimalStep();
        double hCentral = m.centralOptimalStep();
        if (Double.isFinite(hForward) && hForward > 0 && hForward <= 1) {
            chart.annotate(new Annotation.Point(
                    hForward, m.forwardModel(hForward), "predicted h* (forward)", Palette.solid(Palette.BLUE, 9)));
        }
        if (Double.isFinite(hCentral) && hCentral > 0 && hCentral <= 1) {
            chart.annotate(new Annotation.Point(
                    hCentral, m.centralModel(hCentral), "predicted h* (central)", Palette.solid(Palette.ORANGE, 9)));
        }

        int bf = argmin(m.forward());
        int bc = argmin(m.central());
        int bx = argmin(m.complex());
        double defaultForward = error(() -> Derivative.forward(fn.f(), x0), m.exact());
        double defaultCentral = error(() -> Derivative.central(fn.f(), x0), m.exact());
        double defaultComplex = error(() -> Derivative.complexStep(fn.complex(), x0), m.exact());
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of(
                "forward",
                cell(at(h, bf)),
                cell(hForward),
                cell(at(typical(m.forward()), bf)),
                cell(m.forwardModel(hForward)),
                cell(Derivative.forwardStep(x0)),
                cell(defaultForward)));
        rows.add(List.of(
                "central",
                cell(at(h, bc)),
                cell(hCentral),
                cell(at(typical(m.central()), bc)),
                cell(m.centralModel(hCentral)),
                cell(Derivative.centralStep(x0)),
                cell(defaultCentral)));
        rows.add(List.of(
                "complex step",
                cell(at(h, bx)),
                "none: no rounding branch",
                cell(at(typical(m.complex()), bx)),
                "≈ u|f′|",
                Derivative.COMPLEX_STEP,
                cell(defaultComplex)));
        Table table = new Table(
                "Best step measured and predicted, " + where + ", f′(x₀) = " + Format.num(m.exact()),
                List.of(
                        "method",
                        "best h (measured)",
                        "h* (predicted)",
                        "typical error at the best h",
                        "predicted error at h*",
                        "library's default step",
                        "error at the default step"),
                rows);

        Result.Builder result = Result.builder().chart(chart.build()).table(table);
        result.note("Predicted optimal steps: forward $h^* = \\sqrt{2u|f|/|f''|} = " + sci(hForward)
                + "$, central $h^* = \\sqrt[3]{3u|f|/|f'''|} = " + sci(hCentral) + "$ (with $|f(x_0)| = "
                + Format.sci(m.fx()) + "$, $|f''(x_0)| = " + Format.sci(m.f2()) + "$, $|f'''(x_0)| = "
                + Format.sci(m.f3()) + "$). Measured: forward $" + sci(at(h, bf)) + "$, central $"
                + sci(at(h, bc)) + "$, where the median error over the nearest " + (2 * HALF_WINDOW + 1)
                + " steps is smallest (single steps scatter: a lucky one says nothing). The library's defaults $\\sqrt u \\max(1,|x_0|)$ and"
                + " $\\sqrt[3]u \\max(1,|x_0|)$ take the unknown constants as 1.");
        result.note("Right of the V the error follows the truncation lines: slope 1 for the forward difference,"
                + " slope 2 for the central one. Left of it rounding takes over, $u|f|/h$ with slope $-1$: the"
                + " measured curve scatters about that line because the rounding errors of $f(x_0 \\pm h)$ are"
                + " as random as the last bits of $f$. The central difference wins at its best step,"
                + " $O(u^{2/3})$ against $O(u^{1/2})$.");
        result.note("The complex step $\\operatorname{Im} f(x_0 + ih)/h$ subtracts nothing, so it has no rounding"
                + " branch: once $\\frac{h^2}{6}|f'''|$ is below $u|f'|$ the error stays at rounding level (often"
                + " exactly 0, which a logarithmic axis cannot show: those points are gaps).");
        if (m.fx() == 0 || m.f2() == 0 || m.f3() == 0) {
            result.note("Here a model constant vanishes ($f$, $f''$ or $f'''$ is 0 at $x_0$), so a predicted line"
                    + " or optimum degenerates: the actual error then comes from the next Taylor term or from the"
                    + " rounding of $f(x_0 \\pm h)$ themselves, which the model does not see.");
        }
        int vanished = 0;
        int outside = 0;
        for (int i = 0; i < n; i++) {
            if ((x0 + h[i]) - x0 == 0) {
                vanished++;
            } else if (Double.isNaN(m.central()[i])) {
                outside++;
            }
        }
        if (vanished > 0) {
            result.note(vanished + " of the " + n + " steps could not be taken: $x_0 + h$ rounds to $x_0$ when $h$ is"
                    + " below half the spacing of the doubles near $x_0$ ($" + Format.sci(Math.ulp(x0))
                    + "$ here). Those points are gaps.");
        }
        if (outside > 0) {
            result.note("At " + outside + " steps $x_0 - h$ leaves the domain of " + fn.name() + " and the central"
                    + " difference is NaN; those points are gaps. The forward difference and the complex step never"
                    + " evaluate left of $x_0$.");
        }
        int exact = countZeros(m.forward()) + countZeros(m.central());
        if (exact > n / 4) {
            result.note(exact + " of the forward and central errors are exactly 0, drawn as gaps: at this $x_0$ the"
                    + " values $f(x_0 \\pm h)$ happen to round so that the quotient is exact, and the rounding"
                    + " branch $u|f|/h$ the model predicts does not appear. Move $x_0$ a little (to 1.3, say) to"
                    + " see it.");
        }
        progress.report(1, "done");
        return result.build();
    }

    /// $\tanh z = (e^{2z} - 1)/(e^{2z} + 1)$, analytic and real on the real axis; $e^{2z}$ cannot
    /// overflow for the $x_0 \le 5$ and $|h| \le 1$ used here.
    static Complex complexTanh(Complex z) {
        Complex e = z.times(2).exp();
        return e.minus(1).divide(e.plus(1));
    }

    private static void addIfAny(Chart.Builder chart, String name, double[] x, double[] y, Style style) {
        for (double v : y) {
            if (!Double.isNaN(v)) {
                chart.add(new Series.Line(name, x, y, style));
                return;
            }
        }
    }

    private static double[] gaps(double[] error) {
        double[] y = new double[error.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = positiveOrGap(error[i]);
        }
        return y;
    }

    private static double positiveOrGap(double v) {
        return v > 0 && Double.isFinite(v) ? v : Double.NaN;
    }

    private static double aboveOrGap(double v, double floor) {
        return v >= floor && Double.isFinite(v) ? v : Double.NaN;
    }

    private static double positiveMin(double[] x) {
        double m = Double.POSITIVE_INFINITY;
        for (double v : x) {
            if (v > 0 && v < m) {
                m = v;
            }
        }
        return Double.isFinite(m) ? m : U;
    }

    private static int countZeros(double[] x) {
        int c = 0;
        for (double v : x) {
            if (v == 0) {
                c++;
            }
        }
        return c;
    }

    private static double at(double[] x, int i) {
        return i < 0 ? Double.NaN : x[i];
    }

    private static Object cell(double v) {
        return Double.isFinite(v) ? (Object) v : (Object) (Double.isNaN(v) ? "NaN" : "∞");
    }

    private static String sci(double v) {
        return Double.isFinite(v) ? Format.sci(v) : "\\infty";
    }
}
