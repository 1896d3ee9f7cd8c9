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
import dev.lemma.ml.Learner;
import dev.lemma.ml.Pipeline;
import dev.lemma.ml.Regressor;
import dev.lemma.ml.linear.LinearRegression;
import dev.lemma.ml.metrics.RegressionMetrics;
import dev.lemma.ml.preprocessing.PolynomialFeatures;
import dev.lemma.viz.Axis;
import dev.lemma.viz.Chart;
import dev.lemma.viz.Series;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;

/// Bias and variance through the degree of a polynomial fit: [PolynomialFeatures] then least squares
/// ([LinearRegression], minimum-norm SVD solver) on noisy samples of $f(x) = \sin(\pi x)$ on $[-1, 1]$.
/// The models are nested, so the training error can only fall as the degree grows; the error on fresh
/// points falls while the bias shrinks, then rises as the fit starts following the noise: the U curve.
public final class PolynomialDegreeExperiment implements Experiment {

    /// Fresh points the test error is measured on.
    static final int TEST_POINTS = 500;

    /// Points on which the fitted curves are drawn.
    static final int CURVE_POINTS = 201;

    private static final List<Parameter> PARAMETERS = List.of(
            Parameter.number(
                    "noise", "Noise $\\sigma$", "standard deviation of the Gaussian noise on y", 0, 1, 0.05, 0.3),
            Parameter.integer(
                    "n", "Training points $n$", "how many noisy samples the polynomials are fitted to", 5, 200, 20),
            Parameter.integer("maxDegree", "Largest degree", "the degrees fitted are 1 to this", 1, 20, 15),
            Parameter.seed(3));

    /// Creates the experiment.
    public PolynomialDegreeExperiment() {}

    @Override
    public String id() {
        return "polynomial-degree";
    }

    @Override
    public String title() {
        return "Polynomial degree: underfitting, overfitting and the U curve";
    }

    @Override
    public int chapter() {
        return 8;
    }

    @Override
    public String summary() {
        return "Polynomials of degree 1 to $p$ fitted by least squares to noisy samples of $\\sin(\\pi x)$. The"
                + " training error only falls with the degree; the error on fresh points falls, bottoms out and"
                + " rises again. Add points and the rise moves to higher degrees; add noise and it comes sooner.";
    }

    @Override
    public String formula() {
        return "\\mathbb E\\bigl[(y - \\hat f(x))^2\\bigr] = \\operatorname{bias}^2 + \\operatorname{variance} +"
                + " \\sigma^2";
    }

    @Override
    public List<Parameter> parameters() {
        return PARAMETERS;
    }

    /// The function sampled.
    static double truth(double x) {
        return Math.sin(Math.PI * x);
    }

    /// `n` points spread over $[-1, 1]$ with noise $\sigma$: one uniform in each of `n` equal cells when
    /// `stratified` (no wide gaps for a polynomial to fly through), else uniform over the interval.
    static Dataset sample(int n, double noise, boolean stratified, SplittableRandom random) {
        double[][] x = new double[n][1];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i][0] = stratified ? -1 + 2 * (i + random.nextDouble()) / n : random.nextDouble(-1, 1);
            y[i] = truth(x[i][0]) + noise * random.nextGaussian();
        }
        return Dataset.of("sin", Matrix.of(x), List.of("x"), y, "y", List.of());
    }

    /// The training and test sets for a seed: the training points first, then the test points, from one
    /// stream.
    static Dataset[] data(int n, double noise, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Dataset train = sample(n, noise, true, random);
        Dataset test = sample(TEST_POINTS, noise, false, random);
        return new Dataset[] {train, test};
    }

    /// The learner of degree `degree`.
    static Learner<Pipeline.Regressing> learner(int degree) {
        return Pipeline.regressor(List.of(new PolynomialFeatures(degree, false)), new LinearRegression());
    }

    @Override
    public Result run(Arguments arguments, Progress progress) {
        double noise = arguments.number("noise");
        int n = arguments.integer("n");
        int maxDegree = arguments.integer("maxDegree");
        Dataset[] data = data(n, noise, arguments.seed("seed"));
        Dataset train = data[0];
        Dataset test = data[1];
        double[] curveX = new double[CURVE_POINTS];
        double[][] grid = new double[CURVE_POINTS][1];
        double[] curveTruth = new double[CURVE_POINTS];
        for (int i = 0; i < CURVE_POINTS; i++) {
            curveX[i] = -1 + 2.0 * i / (CURVE_POINTS - 1);
            grid[i][0] = curveX[i];
            curveTruth[i] = truth(curveX[i]);
        }
        Matrix gridMatrix = Matrix.of(grid);

        double[] degrees = new double[maxDegree];
        double[] trainMse = new double[maxDegree];
        double[] testMse = new double[maxDegree];
        List<double[]> curves = new ArrayList<>();
        List<List<Object>> rows = new ArrayList<>();
        for (int d = 1; d <= maxDegree; d++) {
            progress.report((d - 1.0) / maxDegree, "degree " + d);
            Regressor model = learner(d).fit(train);
            degrees[d - 1] = d;
            trainMse[d - 1] = RegressionMetrics.mse(train.target(), model.predict(train.features()));
            testMse[d - 1] = RegressionMetrics.mse(test.target(), model.predict(test.features()));
            curves.add(model.predict(gridMatrix));
            rows.add(List.of(d, trainMse[d - 1], testMse[d - 1]));
        }
        int best = 0;
        for (int d = 1; d < maxDegree; d++) {
            if (testMse[d] < testMse[best]) {
                best = d;
            }
        }
        int bestDegree = best + 1;

        // Error curves, on a log axis (the high degrees' test error can be huge); a floor keeps an
        // interpolating fit's zero training error drawable.
        double floor = 1e-6;
        Chart errors = Chart.builder("Mean squared error against the degree")
                .x(Axis.of("degree"))
                .y(Axis.log("mean squared error"))
                .add(new Series.Line(
                        "training error", degrees, floored(trainMse, floor), Palette.solid(Palette.BLUE, 2)))
                .add(new Series.Line(
                        "test error (" + TEST_POINTS + " fresh points)",
                        degrees,
                        floored(testMse, floor),
                        Palette.solid(Palette.ORANGE, 2)))
                .add(new Series.Line(
                        "noise σ² (the best possible test error)",
                        new double[] {1, Math.max(1.0001, maxDegree)},
                        new double[] {Math.max(noise * noise, floor), Math.max(noise * noise, floor)},
                        Palette.dashed(Palette.GREY, 1)))
                .build();

        TreeSet<Integer> shown = new TreeSet<>(List.of(1, Math.min(3, maxDegree), bestDegree, maxDegree));
        String[] colours = {Palette.GREEN, Palette.PURPLE, Palette.RED, Palette.BROWN};
        Chart.Builder fits = Chart.builder("The fitted polynomials")
                .x(Axis.range("x", -1, 1))
                .y(Axis.range("y", -2.5, 2.5))
                .add(new Series.Scatter(
                        "training points",
                        train.features().column(0).toArray(),
                        train.target(),
                        List.of(),
                        Palette.solid(Palette.BLUE, 6)))
                .add(new Series.Line("sin(πx)", curveX, curveTruth, Palette.dashed(Palette.GREY, 1.5)));
        int colour = 0;
        for (int d : shown) {
            // Clip what leaves the window, so that a wild high-degree fit does not flatten the others.
            double[] y = curves.get(d - 1).clone();
            for (int i = 0; i < y.length; i++) {
                if (Math.abs(y[i]) > 2.5) {
                    y[i] = Double.NaN;
                }
            }
            fits.add(new Series.Line(
                    "degree " + d + (d == bestDegree ? " (lowest test error)" : ""),
                    curveX,
                    y,
                    Palette.solid(colours[colour++ % colours.length], 2)));
        }

        Result.Builder result = Result.builder()
                .chart(errors)
                .chart(fits.build())
                .table(new Table("Error by degree", List.of("degree", "training MSE", "test MSE"), rows));
        result.note("Lowest test error at degree " + bestDegree + ": " + num(testMse[best]) + ", against the"
                + " noise floor $\\sigma^2 = " + num(noise * noise) + "$. Degree 1 (a line) has training error "
                + num(trainMse[0]) + " and test error " + num(testMse[0]) + ": bias. Degree "
                + maxDegree + " has training error " + num(trainMse[maxDegree - 1]) + " and test error "
                + num(testMse[maxDegree - 1])
                + (testMse[maxDegree - 1] > 2 * testMse[best]
                        ? ": variance, the fit follows the noise of " + n + " points."
                        : "."));
        result.note("Each degree's model contains the previous one's, so least squares can only lower the"
                + " training error as the degree grows; with $n = " + n + "$ points a polynomial of degree $n - 1$"
                + " interpolates them. The test error is measured on " + TEST_POINTS + " fresh points from the"
                + " same distribution; errors below $" + Format.sci(floor) + "$ are drawn at that floor.");
        return result.build();
    }

    /// A number for a note: plain, or as math when it needs a power of ten.
    static String num(double x) {
        String s = Format.num(x);
        return s.contains("\\times") ? "$" + s + "$" : s;
    }

    private static double[] floored(double[] values, double floor) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Math.max(values[i], floor);
        }
        return out;
    }
}
