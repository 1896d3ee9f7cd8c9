package dev.lemma.experiments.ml;

import dev.lemma.data.Dataset;
import dev.lemma.data.Datasets;
import dev.lemma.experiments.Arguments;
import dev.lemma.experiments.Experiment;
import dev.lemma.experiments.Format;
import dev.lemma.experiments.Palette;
import dev.lemma.experiments.Parameter;
import dev.lemma.experiments.Progress;
import dev.lemma.experiments.Result;
import dev.lemma.experiments.Table;
import dev.lemma.ml.Learner;
import dev.lemma.ml.Model;
import dev.lemma.ml.Pipeline;
import dev.lemma.ml.linear.ElasticNet;
import dev.lemma.ml.linear.LinearRegression;
import dev.lemma.ml.linear.Ridge;
import dev.lemma.ml.preprocessing.StandardScaler;
import dev.lemma.ml.selection.CrossValidation;
import dev.lemma.ml.selection.Folds;
import dev.lemma.viz.Axis;
import dev.lemma.viz.Chart;
import dev.lemma.viz.Series;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/// Ridge and lasso coefficient paths on the diabetes data (442 patients, 10 standardised variables). The
/// lasso's penalty $\alpha\|w\|_1$ sets coefficients exactly to zero, all of them from
/// $\alpha_{\max} = \max_j |x_j^\top (y - \bar y)|/m$ on; ridge's $\alpha\|w\|^2$ only shrinks them. The
/// cross-validated $R^2$ along each path (scaler refitted inside every fold) shows where the penalty helps.
public final class RegularisationPathsExperiment implements Experiment {

    /// The smallest ridge penalty on the path.
    static final double RIDGE_MIN = 1e-2;

    private static final List<Parameter> PARAMETERS = List.of(
            Parameter.integer("points", "Penalties", "how many values of α each path is computed at", 10, 100, 40),
            Parameter.integer(
                    "decades", "Decades below α_max", "how far below α_max the lasso path goes (10^-k α_max)", 1, 5, 3),
            Parameter.integer("folds", "Folds $k$", "k-fold cross-validation along the paths", 2, 10, 5),
            Parameter.seed(0));

    /// Creates the experiment.
    public RegularisationPathsExperiment() {}

    @Override
    public String id() {
        return "regularisation-paths";
    }

    @Override
    public String title() {
        return "Regularisation paths: ridge shrinks, the lasso selects";
    }

    @Override
    public int chapter() {
        return 8;
    }

    @Override
    public String summary() {
        return "Each coefficient of a linear model of diabetes progression as the penalty grows. The lasso's"
                + " coefficients hit zero one by one and all are zero from $\\alpha_{\\max}$ on; ridge's shrink"
                + " smoothly towards zero and never reach it. The cross-validated $R^2$ says how much penalty pays.";
    }

    @Override
    public String formula() {
        return "\\text{lasso: } \\min_w \\tfrac{1}{2m}\\|y - Xw\\|^2 + \\alpha\\|w\\|_1, \\qquad \\text{ridge: } \\min_w"
                + " \\|y - Xw\\|^2 + \\alpha\\|w\\|^2";
    }

    @Override
    public List<Parameter> parameters() {
        return PARAMETERS;
    }

    /// The diabetes data with every feature standardised over all 442 rows.
    static Dataset standardised() {
        Dataset raw = Datasets.load("diabetes");
        return raw.withFeatures(new StandardScaler().fit(raw).transform(raw.features()));
    }

    /// `points` values from `high` down to `low`, evenly spaced in log.
    static double[] logGrid(double high, double low, int points) {
        double[] a = new double[points];
        for (int i = 0; i < points; i++) {
            a[i] = high * Math.pow(low / high, i / (points - 1.0));
        }
        return a;
    }

    @Override
    public Result run(Arguments arguments, Progress progress) {
        int points = arguments.integer("points");
        int decades = arguments.integer("decades");
        Folds folds = Folds.kFold(arguments.integer("folds"), arguments.seed("seed"));
        Dataset data = standardised();
        Dataset raw = Datasets.load("diabetes");
        List<String> names = data.featureNames();
        int d = data.dimension();

        ElasticNet lasso = ElasticNet.lasso(1);
        double alphaMax = lasso.alphaMax(data);
        double[] lassoAlphas = logGrid(alphaMax, alphaMax * Math.pow(10, -decades), points);
        double[][] lassoPath = lasso.path(data, lassoAlphas);
        progress.report(0.2, "ridge path");
        double ridgeMax = RIDGE_MIN * Math.pow(10, 7);
        double[] ridgeAlphas = logGrid(ridgeMax, RIDGE_MIN, points);
        double[][] ridgePath = new double[points][];
        for (int i = 0; i < points; i++) {
            ridgePath[i] = new Ridge(ridgeAlphas[i]).fit(data).coefficients();
        }
        double[] ols = new LinearRegression().fit(data).coefficients();

        progress.report(0.4, "cross-validating the lasso");
        List<CrossValidation.Point> lassoCv =
                CrossValidation.validationCurve(a -> scaled(ElasticNet.lasso(a)), lassoAlphas, raw, folds);
        progress.report(0.7, "cross-validating ridge");
        Function<Double, Learner<? extends Model>> ridgeFactory = a -> scaled(new Ridge(a));
        List<CrossValidation.Point> ridgeCv = CrossValidation.validationCurve(ridgeFactory, ridgeAlphas, raw, folds);
        int bestLasso = best(lassoCv);
        int bestRidge = best(ridgeCv);

        Result.Builder result = Result.builder();
        result.chart(pathChart(
                "Lasso path (α_max = " + Format.num(alphaMax) + ")",
                lassoAlphas,
                lassoPath,
                names,
                lassoAlphas[bestLasso]));
        result.chart(cvChart("Lasso: cross-validated R²", lassoAlphas, lassoCv, bestLasso));
        result.chart(pathChart("Ridge path", ridgeAlphas, ridgePath, names, ridgeAlphas[bestRidge]));
        result.chart(cvChart("Ridge: cross-validated R²", ridgeAlphas, ridgeCv, bestRidge));

        List<List<Object>> rows = new ArrayList<>();
        double[] lassoBest = lassoPath[bestLasso];
        double[] ridgeBest = ridgePath[bestRidge];
        int[] entry = entryOrder(lassoPath);
        for (int j = 0; j < d; j++) {
            rows.add(List.of(
                    names.get(j),
                    ols[j],
                    ridgeBest[j],
                    lassoBest[j],
                    entry[j] < 0 ? "never" : Format.num(lassoAlphas[entry[j]])));
        }
        result.table(new Table(
                "Coefficients (standardised features) at the cross-validated best penalties",
                List.of(
                        "feature",
                        "least squares",
                        "ridge, α = " + Format.num(ridgeAlphas[bestRidge]),
                        "lasso, α = " + Format.num(lassoAlphas[bestLasso]),
                        "lasso: nonzero from α ="),
                rows));
        int nonzero = 0;
        for (double w : lassoBest) {
            nonzero += w != 0 ? 1 : 0;
        }
        result.table(new Table(
                "Cross-validated R² (" + arguments.integer("folds") + " folds)",
                List.of("model", "best α", "best R²", "R² at the smallest α", "R² at the largest α"),
                List.of(
                        List.of(
                                "lasso",
                                lassoAlphas[bestLasso],
                                lassoCv.get(bestLasso).test(),
                                lassoCv.getLast().test(),
                                lassoCv.getFirst().test()),
                        List.of(
                                "ridge",
                                ridgeAlphas[bestRidge],
                                ridgeCv.get(bestRidge).test(),
                                ridgeCv.getLast().test(),
                                ridgeCv.getFirst().test()))));
        result.note("The lasso's coefficients are all exactly zero at $\\alpha_{\\max} = " + Format.num(alphaMax)
                + "$ (the largest $|x_j^\\top (y - \\bar y)|/m$); below it they enter one at a time, "
                + String.join(" and ", firstIn(entry, names))
                + " first (at this grid's resolution). At the cross-validated best $\\alpha = "
                + Format.num(lassoAlphas[bestLasso]) + "$, " + nonzero + " of " + d + " are nonzero, with $R^2 = "
                + Format.num(lassoCv.get(bestLasso).test()) + "$.");
        result.note("Ridge shrinks every coefficient towards zero but leaves them nonzero; its best $\\alpha = "
                + Format.num(ridgeAlphas[bestRidge]) + "$ gives $R^2 = "
                + Format.num(ridgeCv.get(bestRidge).test())
                + "$. The two penalties are on different scales (the lasso's loss is divided by $2m$, $m = "
                + data.size() + "$), so compare the curves' shapes, not their $\\alpha$s.");
        result.note("Cross-validation fits the scaler inside each fold (a pipeline), so the held-out rows never"
                + " inform it; the paths themselves use all 442 rows, standardised once.");
        return result.build();
    }

    private static Learner<? extends Model> scaled(Learner<? extends dev.lemma.ml.Regressor> last) {
        return Pipeline.regressor(List.of(new StandardScaler()), last);
    }

    private static int best(List<CrossValidation.Point> cv) {
        int best = 0;
        for (int i = 1; i < cv.size(); i++) {
            if (cv.get(i).test() > cv.get(best).test()) {
                best = i;
            }
        }
        return best;
    }

    /// For each feature, the first index along the path (from the largest α) where it is nonzero, or −1.
    static int[] entryOrder(double[][] path) {
        int d = path[0].length;
        int[] entry = new int[d];
        for (int j = 0; j < d; j++) {
            entry[j] = -1;
            for (int i = 0; i < path.length; i++) {
                if (path[i][j] != 0) {
                    entry[j] = i;
                    break;
                }
            }
        }
        return entry;
    }

    /// The features that enter the lasso path first.
    private static List<String> firstIn(int[] entry, List<String> names) {
        int first = Integer.MAX_VALUE;
        for (int e : entry) {
            if (e >= 0) {
                first = Math.min(first, e);
            }
        }
        List<String> out = new ArrayList<>();
        for (int j = 0; j < entry.length; j++) {
            if (entry[j] == first) {
                out.add(names.get(j));
            }
        }
        return out;
    }

    private static final String[] COLOURS = {
        Palette.BLUE, Palette.ORANGE, Palette.GREEN, Palette.RED, Palette.PURPLE,
        Palette.BROWN, Palette.PINK, Palette.GREY, Palette.OLIVE, Palette.CYAN
    };

    private static Chart pathChart(String title, double[] alphas, double[][] path, List<String> names, double best) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double[] w : path) {
            for (double v : w) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        Chart.Builder chart = Chart.builder(title).x(Axis.log("penalty α")).y(Axis.of("coefficient"));
        for (int j = 0; j < names.size(); j++) {
            double[] y = new double[alphas.length];
            for (int i = 0; i < alphas.length; i++) {
                y[i] = path[i][j];
            }
            chart.add(new Series.Line(names.get(j), alphas, y, Palette.solid(COLOURS[j % COLOURS.length], 2)));
        }
        chart.add(new Series.Line(
                "cross-validated best α",
                new double[] {best, best},
                new double[] {min, max},
                Palette.dashed(Palette.GREY, 1)));
        return chart.build();
    }

    private static Chart cvChart(String title, double[] alphas, List<CrossValidation.Point> cv, int best) {
        return Chart.builder(title)
                .x(Axis.log("penalty α"))
                .y(Axis.of("R²"))
                .add(new Series.Line(
                        "training folds",
                        alphas,
                        cv.stream().mapToDouble(CrossValidation.Point::train).toArray(),
                        Palette.solid(Palette.BLUE, 2)))
                .add(new Series.Line(
                        "held-out folds",
                        alphas,
                        cv.stream().mapToDouble(CrossValidation.Point::test).toArray(),
                        Palette.solid(Palette.ORANGE, 2)))
                .add(new Series.Scatter(
                        "best",
                        new double[] {alphas[best]},
                        new double[] {cv.get(best).test()},
                        List.of("α = " + Format.num(alphas[best])),
                        Palette.solid(Palette.RED, 9)))
                .build();
    }
}
