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
import dev.lemma.optim.SGD;
import dev.lemma.optim.Schedule;
import dev.lemma.optim.StochasticObjective;
import dev.lemma.optim.UpdateRule;
import dev.lemma.viz.Annotation;
import dev.lemma.viz.Axis;
import dev.lemma.viz.Chart;
import dev.lemma.viz.Series;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;

/// Mini-batch SGD on a least-squares problem in two parameters, $f(x) = \frac1{2m}\sum_i (a_i^\top x - b_i)^2$,
/// so that its paths can be drawn over the level sets of the full loss. The mini-batch gradient $g_B$ is an
/// unbiased estimate of $\nabla f$ whose variance, for a batch of $B$ drawn without replacement from $m$
/// examples, is $\mathbb{E}\|g_B - \nabla f\|^2 = \frac{\sigma^2}{B}\cdot\frac{m - B}{m - 1}$, $\sigma^2$
/// the mean squared deviation of the example gradients. The experiment measures that variance from the
/// example gradients themselves (not through the library's [SGD]) and runs [SGD] for a few batch sizes.
public final class SgdBatchNoiseExperiment implements Experiment {

    /// The number of examples $m$.
    static final int EXAMPLES = 100;

    /// The seed of the data set, fixed so that the level sets stay put while the shuffles change.
    static final long DATA_SEED = 20_261_122L;

    /// The parameters that generate the targets, $b_i = a_i^\top x_{\mathrm{true}} + 0.5\,\varepsilon_i$.
    static final double[] TRUE = {1, -0.5};

    /// The start of every run.
    static final double[] START = {-2, 2};

    /// The random batches drawn per batch size to measure the variance.
    static final int DRAWS = 2000;

    /// The batch sizes at which the variance is measured (the chosen one is added).
    static final int[] VARIANCE_SIZES = {1, 2, 5, 10, 20, 50, 80, 95};

    /// Grid points per side of the contour plot.
    static final int GRID = 81;

    private static final List<String> SCHEDULES = List.of("constant", "inverse", "cosine");

    private static final List<Parameter> PARAMETERS = List.of(
            Parameter.integer(
                    "batchSize",
                    "Batch size $B$",
                    "examples per mini-batch; paths are drawn for 1, B and m = " + EXAMPLES,
                    1,
                    EXAMPLES,
                    10),
            Parameter.number("learningRate", "Learning rate $\\eta$", "the rate at step 0", 0.01, 1, 0.01, 0.2),
            Parameter.choice(
                    "schedule",
                    "Schedule",
                    "constant η; inverse η/(1 + t/s), s the steps per epoch (Robbins–Monro); cosine to 0",
                    SCHEDULES,
                    "constant"),
            Parameter.integer("epochs", "Epochs", "passes over the m examples", 1, 50, 20),
            Parameter.seed(7));

    /// Creates the experiment.
    public SgdBatchNoiseExperiment() {}

    @Override
    public String id() {
        return "sgd-batch-noise";
    }

    @Override
    public String title() {
        return "Mini-batch SGD: the batch size sets the noise";
    }

    @Override
    public int chapter() {
        return 5;
    }

    @Override
    public String summary() {
        return "Paths of mini-batch SGD over the level sets of a least-squares loss, for a batch of 1, of $B$ and"
                + " of all $m$ examples. Small batches wander: their gradient's variance is"
                + " $\\frac{\\sigma^2}{B}\\frac{m-B}{m-1}$, measured here against the formula. With a constant rate"
                + " the small-batch path never settles; switch to a decaying schedule and it does.";
    }

    @Override
    public String formula() {
        return "\\mathbb{E}\\,\\lVert g_B - \\nabla f\\rVert^2 = \\frac{\\sigma^2}{B}\\cdot\\frac{m - B}{m - 1},"
                + " \\qquad \\sigma^2 = \\frac1m \\sum_{i=1}^m \\lVert \\nabla f_i - \\nabla f\\rVert^2";
    }

    @Override
    public List<Parameter> parameters() {
        return PARAMETERS;
    }

    /// The data: row $i$ of `a` is $a_i = (z_1, 0.6 z_1 + 0.8 z_2)$ with $z$ standard normal (correlated
    /// features, so the level sets are tilted ellipses), and
    /// $b_i = a_i^\top x_{\mathrm{true}} + 0.5\,\varepsilon_i$.
    ///
    /// @return `a` ($m$ rows of 2) followed by one row holding `b`
    static double[][] data() {
        SplittableRandom rng = new SplittableRandom(DATA_SEED);
        double[][] out = new double[EXAMPLES + 1][];
        double[] b = new double[EXAMPLES];
        for (int i = 0; i < EXAMPLES; i++) {
            double z1 = rng.nextGaussian();
            double z2 = rng.nextGaussian();
            out[i] = new double[] {z1, 0.6 * z1 + 0.8 * z2};
            b[i] = out[i][0] * TRUE[0] + out[i][1] * TRUE[1] + 0.5 * rng.nextGaussian();
        }
        out[EXAMPLES] = b;
        return out;
    }

    /// The full loss $\frac1{2m}\sum_i (a_i^\top x - b_i)^2$.
    static double loss(double[][] a, double[] b, double x, double y) {
        double sum = 0;
        for (int i = 0; i < b.length; i++) {
            double r = a[i][0] * x + a[i][1] * y - b[i];
            sum += r * r;
        }
        return sum / (2 * b.length);
    }

    /// The least-squares solution from the 2×2 normal equations $A^\top A x = A^\top b$ (Cramer's rule).
    static double[] minimiser(double[][] a, double[] b) {
        double s00 = 0;
        double s01 = 0;
        double s11 = 0;
        double r0 = 0;
        double r1 = 0;
        for (int i = 0; i < b.length; i++) {
            s00 += a[i][0] * a[i][0];
            s01 += a[i][0] * a[i][1];
            s11 += a[i][1] * a[i][1];
            r0 += a[i][0] * b[i];
            r1 += a[i][1] * b[i];
        }
        double det = s00 * s11 - s01 * s01;
        return new double[] {(r0 * s11 - s01 * r1) / det, (s00 * r1 - s01 * r0) / det};
    }

    /// The schedule named by the control for a run of `stepsPerEpoch · epochs` steps.
    static Schedule schedule(String name, double eta, int stepsPerEpoch, int epochs) {
        return switch (name) {
            case "constant" -> Schedule.constant(eta);
            case "inverse" -> t -> eta / (1 + (double) t / stepsPerEpoch);
            case "cosine" -> Schedule.cosine(eta, 0, stepsPerEpoch * epochs);
            default -> throw new IllegalStateException("no schedule " + name);
        };
    }

    /// The variance $\sigma^2$ of the example gradients at `x` about their mean, and the mean.
    ///
    /// @return the example gradients (rows 0 to m − 1), their mean (row m) and, in row m + 1, $\sigma^2$
    static double[][] exampleGradients(double[][] a, double[] b, double[] x) {
        int m = b.length;
        double[][] g = new double[m + 2][];
        double[] mean = new double[2];
        for (int i = 0; i < m; i++) {
            double r = a[i][0] * x[0] + a[i][1] * x[1] - b[i];
            g[i] = new double[] {r * a[i][0], r * a[i][1]};
            mean[0] += g[i][0] / m;
            mean[1] += g[i][1] / m;
        }
        double sigma2 = 0;
        for (int i = 0; i < m; i++) {
            double dx = g[i][0] - mean[0];
            double dy = g[i][1] - mean[1];
            sigma2 += (dx * dx + dy * dy) / m;
        }
        g[m] = mean;
        g[m + 1] = new double[] {sigma2};
        return g;
    }

    /// The mean and the standard error of $\|g_B - \bar g\|^2$ over [#DRAWS] batches of `size` drawn
    /// uniformly without replacement (a partial Fisher–Yates shuffle).
    static double[] measuredVariance(double[][] g, int size, SplittableRandom rng) {
        int m = g.length - 2;
        double[] mean = g[m];
        int[] order = new int[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
        }
        double sum = 0;
        double sumSquares = 0;
        for (int draw = 0; draw < DRAWS; draw++) {
            double gx = 0;
            double gy = 0;
            for (int k = 0; k < size; k++) {
                int j = k + rng.nextInt(m - k);
                int swap = order[k];
                order[k] = order[j];
                order[j] = swap;
                gx += g[order[k]][0];
                gy += g[order[k]][1];
            }
            double dx = gx / size - mean[0];
            double dy = gy / size - mean[1];
            double d2 = dx * dx + dy * dy;
            sum += d2;
            sumSquares += d2 * d2;
        }
        double average = sum / DRAWS;
        double variance = Math.max(0, sumSquares / DRAWS - average * average);
        return new double[] {average, Math.sqrt(variance / (DRAWS - 1))};
    }

    /// The formula $\frac{\sigma^2}{B}\cdot\frac{m - B}{m - 1}$.
    static double formulaVariance(double sigma2, int size, int m) {
        return sigma2 / size * (m - size) / (m - 1);
    }

    /// The batch sizes whose paths are drawn: 1, the chosen one and $m$, without repeats.
    static List<Integer> pathSizes(int chosen) {
        return List.copyOf(new TreeSet<>(List.of(1, chosen, EXAMPLES)));
    }

    /// Draws the paths, the loss per step and the measured variance.
    ///
    /// @param arguments `batchSize`, `learningRate`, `schedule`, `epochs`, `seed`
    /// @param progress reported once per path
    /// @return the charts, tables and notes
    @Override
    public Result run(Arguments arguments, Progress progress) {
        int chosen = arguments.integer("batchSize");
        double eta = arguments.number("learningRate");
        String scheduleName = arguments.choice("schedule");
        int epochs = arguments.integer("epochs");
        long seed = arguments.seed("seed");

        double[][] data = data();
        double[] b = data[EXAMPLES];
        double[][] a = java.util.Arrays.copyOf(data, EXAMPLES);
        double[] best = minimiser(a, b);
        double fBest = loss(a, b, best[0], best[1]);
        double fStart = loss(a, b, START[0], START[1]);
        StochasticObjective objective = StochasticObjective.leastSquares(Matrix.of(a), b);

        // The window holds the start and the minimiser with a margin.
        double margin = 0.8;
        double xmin = Math.min(START[0], best[0]) - margin;
        double xmax = Math.max(START[0], best[0]) + margin;
        double ymin = Math.min(START[1], best[1]) - margin;
        double ymax = Math.max(START[1], best[1]) + margin;
        double[] gx = new double[GRID];
        double[] gy = new double[GRID];
        for (int i = 0; i < GRID; i++) {
            gx[i] = xmin + (xmax - xmin) * i / (GRID - 1);
            gy[i] = ymin + (ymax - ymin) * i / (GRID - 1);
        }
        double[][] z = new double[GRID][GRID];
        for (int i = 0; i < GRID; i++) {
            for (int j = 0; j < GRID; j++) {
                z[i][j] = loss(a, b, gx[j], gy[i]);
            }
        }
        double[] levels = new double[12];
        for (int l = 0; l < levels.length; l++) {
            levels[l] = fBest + (fStart - fBest) * Math.pow(0.5, levels.length - 1 - l) * 1.5;
        }
        Chart.Builder paths = Chart.builder("SGD paths over the level sets of the full loss f")
                .x(Axis.range("x₁", xmin, xmax))
                .y(Axis.range("x₂", ymin, ymax))
                .equalAspect()
                .add(new Series.Contour("level sets of f", gx, gy, z, levels));
        Chart.Builder losses = Chart.builder("Full loss above its minimum, after every step")
                .x(Axis.of("epochs (passes over the data)"))
                .y(Axis.log("f(xₜ) − f*"));

        String[] colors = {Palette.ORANGE, Palette.BLUE, Palette.GREEN};
        List<Integer> sizes = pathSizes(chosen);
        List<List<Object>> runRows = new ArrayList<>();
        List<String> runNotes = new ArrayList<>();
        double smallestTail = Double.NaN; // the mean excess over the last epoch of the smallest batch
        for (int k = 0; k < sizes.size(); k++) {
            int size = sizes.get(k);
            progress.report((double) k / (sizes.size() + 1), "B = " + size);
            int stepsPerEpoch = (EXAMPLES + size - 1) / size;
            Schedule rate = schedule(scheduleName, eta, stepsPerEpoch, epochs);
            SGD.Result run =
                    new SGD(UpdateRule.plain(rate), size, epochs, seed, SGD.Trace.STEP).minimize(objective, START);
            List<double[]> points = finite(run.trajectory());
            double[] px = new double[points.size()];
            double[] py = new double[points.size()];
            double[] t = new double[points.size()];
            double[] excess = new double[points.size()];
            for (int i = 0; i < points.size(); i++) {
                px[i] = points.get(i)[0];
                py[i] = points.get(i)[1];
                t[i] = (double) i / stepsPerEpoch;
                double gap = loss(a, b, px[i], py[i]) - fBest;
                excess[i] = gap > 0 && Double.isFinite(gap) ? gap : Double.NaN;
            }
            String name = "B = " + size + (size == EXAMPLES ? " (full batch: gradient descent)" : "");
            paths.add(new Series.Line(name, px, py, Palette.solid(colors[k], size == 1 ? 1 : 2)));
            losses.add(new Series.Line(name, t, excess, Palette.solid(colors[k], size == 1 ? 1 : 2)));
            double[] last = points.getLast();
            double distance = Math.hypot(last[0] - best[0], last[1] - best[1]);
            // The mean excess over the last epoch: one step of a small batch is a noisy sample.
            double lastEpoch = 0;
            int counted = 0;
            for (int i = Math.max(0, excess.length - stepsPerEpoch); i < excess.length; i++) {
                if (!Double.isNaN(excess[i])) {
                    lastEpoch += excess[i];
                    counted++;
                }
            }
            if (k == 0) {
                smallestTail = counted == 0 ? Double.NaN : lastEpoch / counted;
            }
            runRows.add(List.of(
                    size,
                    run.steps(),
                    cell(run.value() - fBest),
                    counted == 0 ? "—" : cell(lastEpoch / counted),
                    cell(distance),
                    run.status().toString()));
            runNotes.add("$B = " + size + "$: " + run.status() + ", " + run.reason() + ".");
        }
        paths.add(new Series.Scatter(
                "start x₀ and minimiser x*",
                new double[] {START[0], best[0]},
                new double[] {START[1], best[1]},
                List.of("x₀", "x*"),
                Palette.solid(Palette.RED, 9)));
        paths.annotate(new Annotation.Text(best[0], best[1] - 0.25, "x*"));

        // The variance of the mini-batch gradient at the start, from the example gradients.
        progress.report((double) sizes.size() / (sizes.size() + 1), "variance of the mini-batch gradient");
        double[][] g = exampleGradients(a, b, START);
        double sigma2 = g[EXAMPLES + 1][0];
        TreeSet<Integer> measuredSizes = new TreeSet<>();
        for (int s : VARIANCE_SIZES) {
            measuredSizes.add(s);
        }
        if (chosen < EXAMPLES) {
            measuredSizes.add(chosen);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        double[] mb = new double[measuredSizes.size()];
        double[] mv = new double[mb.length];
        double[] barX = new double[3 * mb.length];
        double[] barY = new double[3 * mb.length];
        List<List<Object>> varianceRows = new ArrayList<>();
        int idx = 0;
        double worst = 0;
        for (int size : measuredSizes) {
            double[] measured = measuredVariance(g, size, rng);
            double formula = formulaVariance(sigma2, size, EXAMPLES);
            mb[idx] = size;
            mv[idx] = measured[0];
            barX[3 * idx] = size;
            barY[3 * idx] = Math.max(measured[0] - 2 * measured[1], 1e-3 * measured[0]);
            barX[3 * idx + 1] = size;
            barY[3 * idx + 1] = measured[0] + 2 * measured[1];
            barX[3 * idx + 2] = size;
            barY[3 * idx + 2] = Double.NaN;
            worst = Math.max(worst, Math.abs(measured[0] - formula) / measured[1]);
            varianceRows.add(List.of(size, measured[0], formula, sigma2 / size, (measured[0] - formula) / measured[1]));
            idx++;
        }
        double[] fb = new double[EXAMPLES - 1];
        double[] fv = new double[fb.length];
        double[] rv = new double[fb.length];
        for (int size = 1; size < EXAMPLES; size++) {
            fb[size - 1] = size;
            fv[size - 1] = formulaVariance(sigma2, size, EXAMPLES);
            rv[size - 1] = sigma2 / size;
        }
        Chart variance = Chart.builder("Variance of the mini-batch gradient at x₀ (m = " + EXAMPLES + ")")
                .x(Axis.log("batch size B"))
                .y(Axis.log("E‖g_B − ∇f(x₀)‖²"))
                .add(new Series.Line(
                        "formula σ²/B · (m − B)/(m − 1), without replacement", fb, fv, Palette.solid(Palette.BLUE, 2)))
                .add(new Series.Line("σ²/B, with replacement", fb, rv, Palette.dashed(Palette.GREY, 1.5)))
                .add(new Series.Scatter(
                        "measured, " + DRAWS + " batches per size", mb, mv, List.of(), Palette.solid(Palette.RED, 8)))
                .add(new Series.Line("± 2 standard errors", barX, barY, Palette.solid(Palette.RED, 1.2)))
                .build();

        Result.Builder result = Result.builder()
                .chart(paths.build())
                .chart(losses.build())
                .chart(variance)
                .table(new Table(
                        "SGD runs (" + scheduleName + " schedule, η = " + Format.num(eta) + ", " + epochs + " epochs)",
                        List.of(
                                "B",
                                "steps",
                                "f(x) − f* at the end",
                                "mean f − f* over the last epoch",
                                "‖x − x*‖",
                                "status"),
                        runRows))
                .table(new Table(
                        "Variance of the mini-batch gradient at x₀ = (−2, 2), σ² = " + Format.num(sigma2),
                        List.of("B", "measured", "formula", "σ²/B", "(measured − formula) / standard error"),
                        varianceRows));
        result.note("The least-squares loss of $m = " + EXAMPLES + "$ examples has its minimum $f^* = "
                + Format.num(fBest) + "$ at $x^* = (" + Format.num(best[0]) + ", " + Format.num(best[1])
                + ")$ (the normal equations); the start $x_0 = (-2, 2)$ has $f = " + Format.num(fStart) + "$.");
        result.note("At $x_0$ the example gradients scatter about $\\nabla f$ with $\\sigma^2 = " + Format.num(sigma2)
                + "$. A batch of $B = " + Math.min(chosen, EXAMPLES - 1) + "$ has variance $"
                + Format.num(formulaVariance(sigma2, Math.min(chosen, EXAMPLES - 1), EXAMPLES))
                + "$ by the formula. Each measured point is the mean of " + DRAWS + " random batches; the farthest"
                + " lies " + Format.num(worst) + " standard errors from the formula (at most about 3 is what chance"
                + " allows). The full batch has no variance: it is gradient descent.");
        for (String note : runNotes) {
            result.note(note);
        }
        int smallest = sizes.getFirst();
        if (!(smallestTail < fStart - fBest)) {
            result.note("With $B = " + smallest + "$ and $\\eta = " + Format.num(eta) + "$ the loss did not come down:"
                    + " the steps of single noisy gradients are too long, and the path is thrown about. Lower"
                    + " $\\eta$, or take a larger batch.");
        } else if (scheduleName.equals("constant")) {
            result.note("With a constant rate the smallest batch ($B = " + smallest + "$) ends its last epoch $"
                    + Format.num(smallestTail) + "$ above $f^*$ on average: it hovers around $x^*$ at a distance set"
                    + " by $\\eta$ and the variance, and the loss jitters instead of falling. Try the inverse or"
                    + " cosine schedule.");
        } else {
            result.note("With the decaying rate the steps shrink, and the noise with them: the smallest batch ($B = "
                    + smallest + "$) ends its last epoch $" + Format.num(smallestTail) + "$ above $f^*$ on average;"
                    + " compare the constant schedule.");
        }
        return result.build();
    }

    /// A number for a table cell, or its name when it is not finite (a diverged run).
    static Object cell(double v) {
        return Double.isFinite(v) ? (Object) v : String.valueOf(v);
    }

    /// The points up to the first one that is not finite (a diverging run ends with overflow).
    private static List<double[]> finite(List<double[]> trajectory) {
        List<double[]> out = new ArrayList<>();
        for (double[] p : trajectory) {
            if (!(Double.isFinite(p[0]) && Double.isFinite(p[1]))) {
                break;
            }
            out.add(p);
        }
        return out;
    }
}
