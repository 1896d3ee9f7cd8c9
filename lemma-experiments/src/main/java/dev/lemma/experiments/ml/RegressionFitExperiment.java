package dev.lemma.experiments.ml;

import dev.lemma.data.Dataset;
import dev.lemma.experiments.Arguments;
import dev.lemma.experiments.Experiment;
import dev.lemma.experiments.Format;
import dev.lemma.experiments.Palette;
import dev.lemma.experiments.Parameter;
import dev.lemma.experiments.Progress;
import dev.lemma.experiments.Result;
import dev.lemma.experiments.Table;
import dev.lemma.linalg.Matrix;
import dev.lemma.linalg.Vector;
import dev.lemma.ml.linear.LinearRegression;
import dev.lemma.ml.linear.LinearRegressor;
import dev.lemma.viz.Axis;
import dev.lemma.viz.Chart;
import dev.lemma.viz.Series;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/// Least squares on a line: $\hat y = Xw$ is the orthogonal projection of $y$ onto the column space of
/// $X = [\mathbf 1 \; x]$, so the residual $r = y - \hat y$ is orthogonal to both columns ($X^\top r = 0$,
/// the normal equations) and $\|y\|^2 = \|\hat y\|^2 + \|r\|^2$. The four solvers of
/// [LinearRegression] reach the same $w$; a few outliers show how far squared loss lets one point pull
/// the line.
public final class RegressionFitExperiment implements Experiment {

    /// The true line the inliers are drawn around: $y = 2 + 0.8x$, $x \in [0, 10]$.
    static final double TRUE_INTERCEPT = 2;

    /// The true slope.
    static final double TRUE_SLOPE = 0.8;

    /// The right end of the $x$ range.
    static final double X_MAX = 10;

    /// The solvers, by parameter value.
    static final List<String> SOLVERS = List.of("normal-equation", "qr", "svd", "gradient-descent");

    private static final List<Parameter> PARAMETERS = List.of(
            Parameter.integer("n", "Points $n$", "how many points are drawn", 5, 200, 40),
            Parameter.number("noise", "Noise $\\sigma$", "standard deviation of the Gaussian noise on y", 0, 3, 0.1, 1),
            Parameter.integer(
                    "outliers", "Outliers", "how many of the points (those with the largest x) are moved", 0, 10, 2),
            Parameter.number(
                    "shift", "Outlier shift", "how far each outlier is moved up (negative: down)", -20, 20, 0.5, 10),
            Parameter.choice(
                    "solver",
                    "Solver",
                    "how the least-squares problem is solved (all four are compared)",
                    SOLVERS,
                    "qr"),
            Parameter.seed(8));

    /// Creates the experiment.
    public RegressionFitExperiment() {}

    @Override
    public String id() {
        return "regression-fit";
    }

    @Override
    public String title() {
        return "Least squares: fitting a line is a projection";
    }

    @Override
    public int chapter() {
        return 8;
    }

    @Override
    public String summary() {
        return "Noisy points around a line, a few of them moved far away. The least-squares fit $\\hat y = Xw$ is"
                + " the projection of $y$ onto the columns of $X$: the residuals are orthogonal to them (see the"
                + " table), and every solver finds the same $w$. Raise the outlier shift and watch the line tilt.";
    }

    @Override
    public String formula() {
        return "\\hat w = \\arg\\min_w \\|y - Xw\\|^2, \\qquad X^\\top (y - X\\hat w) = 0";
    }

    @Override
    public List<Parameter> parameters() {
        return PARAMETERS;
    }

    /// The points: `x` evenly spread over $[0, 10]$ with a little jitter, `y` on the true line plus noise,
    /// the `outliers` points of largest `x` moved by `shift`.
    ///
    /// @return the dataset, one feature `x`, target `y`
    static Dataset data(int n, double noise, int outliers, double shift, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] x = new double[n][1];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i][0] = X_MAX * (i + random.nextDouble()) / n;
            y[i] = TRUE_INTERCEPT + TRUE_SLOPE * x[i][0] + noise * random.nextGaussian();
            if (i >= n - outliers) {
                y[i] += shift;
            }
        }
        return Dataset.of("line", Matrix.of(x), List.of("x"), y, "y", List.of());
    }

    static LinearRegression.Solver solver(String name) {
        return LinearRegression.Solver.valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    @Override
    public Result run(Arguments arguments, Progress progress) {
        int n = arguments.integer("n");
        double noise = arguments.number("noise");
        int outliers = Math.min(arguments.integer("outliers"), n - 2);
        double shift = arguments.number("shift");
        String chosen = arguments.choice("solver");
        Dataset data = data(n, noise, outliers, shift, arguments.seed("seed"));
        double[] x = data.features().column(0).toArray();
        double[] y = data.target();

        // Every solver, the chosen one drawn.
        List<List<Object>> solverRows = new ArrayList<>();
        LinearRegressor fit = null;
        LinearRegressor reference = new LinearRegression(LinearRegression.Solver.QR, true).fit(data);
        List<String> failures = new ArrayList<>();
        for (String name : SOLVERS) {
            try {
                LinearRegressor model = new LinearRegression(solver(name), true).fit(data);
                double difference = Math.max(
                        Math.abs(model.intercept() - reference.intercept()),
                        Math.abs(model.coefficients()[0] - reference.coefficients()[0]));
                solverRows.add(List.of(name, model.intercept(), model.coefficients()[0], Format.plain(difference)));
                if (name.equals(chosen)) {
                    fit = model;
                }
            } catch (RuntimeException e) {
                failures.add(name + ": " + e.getMessage());
                solverRows.add(List.of(name, "failed", "failed", "—"));
            }
        }
        if (fit == null) {
            fit = reference;
        }
        double b = fit.intercept();
        double w = fit.coefficients()[0];

        // The projection picture: X = [1 x], ŷ = Xw, r = y − ŷ.
        double[] yHat = fit.predict(data.features());
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            r[i] = y[i] - yHat[i];
        }
        Vector ones = Vector.filled(n, 1);
        Vector xv = Vector.of(x);
        Vector yv = Vector.of(y);
        Vector rv = Vector.of(r);
        Vector yHatV = Vector.of(yHat);
        Matrix design = Matrix.ofColumns(ones, xv);
        Vector projected = design.projectOntoColumnSpace(yv);
        double projectionGap = projected.minus(yHatV).normInf();
        double scale = yv.norm2();
        List<List<Object>> projectionRows = List.of(
                List.of(
                        "1ᵀr (residual · constant column)",
                        ones.dot(rv),
                        Format.plain(ones.dot(rv) / (scale * Math.sqrt(n)))),
                List.of("xᵀr (residual · x column)", xv.dot(rv), Format.plain(xv.dot(rv) / (scale * xv.norm2()))),
                List.of("ŷᵀr (residual · fit)", yHatV.dot(rv), Format.plain(yHatV.dot(rv) / (scale * yHatV.norm2()))),
                List.of("‖y‖²", yv.dot(yv), ""),
                List.of(
                        "‖ŷ‖² + ‖r‖²",
                        yHatV.dot(yHatV) + rv.dot(rv),
                        Format.plain((yHatV.dot(yHatV) + rv.dot(rv) - yv.dot(yv)) / yv.dot(yv))),
                List.of("max |ŷ − projection of y onto col(X)|", projectionGap, ""));

        // Charts: the fit with residual segments, and the residuals.
        List<Integer> inliers = new ArrayList<>();
        for (int i = 0; i < n - outliers; i++) {
            inliers.add(i);
        }
        double[] segX = new double[3 * n];
        double[] segY = new double[3 * n];
        for (int i = 0; i < n; i++) {
            segX[3 * i] = x[i];
            segY[3 * i] = y[i];
            segX[3 * i + 1] = x[i];
            segY[3 * i + 1] = yHat[i];
            segX[3 * i + 2] = x[i];
            segY[3 * i + 2] = Double.NaN;
        }
        double[] ends = {0, X_MAX};
        Chart.Builder fitChart = Chart.builder("The least-squares line and its residuals")
                .x(Axis.of("x"))
                .y(Axis.of("y"))
                .add(new Series.Line("residuals y − ŷ", segX, segY, Palette.solid(Palette.LIGHT_GREY, 1)))
                .add(new Series.Line(
                        "true line y = 2 + 0.8x",
                        ends,
                        new double[] {TRUE_INTERCEPT, TRUE_INTERCEPT + TRUE_SLOPE * X_MAX},
                        Palette.dashed(Palette.GREY, 1.5)))
                .add(new Series.Line(
                        "fit (" + chosen + ") ŷ = " + Format.num(b) + " + " + Format.num(w) + "x",
                        ends,
                        new double[] {b, b + w * X_MAX},
                        Palette.solid(Palette.BLUE, 2.5)))
                .add(new Series.Scatter(
                        "points",
                        inliers.stream().mapToDouble(i -> x[i]).toArray(),
                        inliers.stream().mapToDouble(i -> y[i]).toArray(),
                        List.of(),
                        Palette.solid(Palette.BLUE, 6)));
        if (outliers > 0) {
            fitChart.add(new Series.Scatter(
                    "outliers",
                    java.util.Arrays.copyOfRange(x, n - outliers, n),
                    java.util.Arrays.copyOfRange(y, n - outliers, n),
                    List.of(),
                    Palette.solid(Palette.RED, 8)));
        }
        Chart residualChart = Chart.builder("Residuals r = y − ŷ against x")
                .x(Axis.of("x"))
                .y(Axis.of("residual"))
                .add(new Series.Line("zero", ends, new double[] {0, 0}, Palette.dashed(Palette.GREY, 1)))
                .add(new Series.Scatter("residuals", x, r, List.of(), Palette.solid(Palette.ORANGE, 6)))
                .build();

        Result.Builder result = Result.builder()
                .chart(fitChart.build())
                .chart(residualChart)
                .table(new Table(
                        "Coefficients by solver",
                        List.of("solver", "intercept b", "slope w", "max difference from QR"),
                        solverRows))
                .table(new Table(
                        "The residual is orthogonal to the columns of X = [1 x]",
                        List.of("quantity", "value", "relative to the norms"),
                        projectionRows));
        result.note("The " + chosen + " fit is $\\hat y = " + Format.num(b) + " + " + Format.num(w) + "x$; the"
                + " points were drawn around $y = 2 + 0.8x$ with $\\sigma = " + Format.num(noise) + "$"
                + (outliers > 0
                        ? ", and the " + outliers + " rightmost moved by " + Format.num(shift) + "."
                        : ", without outliers."));
        result.note("The residual's dot products with the columns $\\mathbf 1$ and $x$ are $"
                + Format.sci(ones.dot(rv)) + "$ and $" + Format.sci(xv.dot(rv)) + "$: zero up to rounding, the"
                + " normal equations $X^\\top r = 0$. So $\\hat y$ is the orthogonal projection of $y$, and"
                + " $\\|y\\|^2 = \\|\\hat y\\|^2 + \\|r\\|^2$ (Pythagoras).");
        if (outliers > 0 && shift != 0) {
            LinearRegressor clean = new LinearRegression().fit(data(n, noise, 0, 0, arguments.seed("seed")));
            result.note("Without the outliers the slope would be " + Format.num(clean.coefficients()[0])
                    + " and the intercept " + Format.num(clean.intercept()) + ": squared loss lets " + outliers
                    + " point" + (outliers == 1 ? "" : "s") + " of " + n + " move the line that far.");
        }
        result.note("Gradient descent runs on centred data, where with one feature $X^\\top X$ is a number and"
                + " its condition number is 1: the optimal fixed step lands on the minimum at once. The other three"
                + " solve the problem directly; all agree to rounding.");
        for (String failure : failures) {
            result.note("Solver failed: " + failure);
        }
        return result.build();
    }
}
