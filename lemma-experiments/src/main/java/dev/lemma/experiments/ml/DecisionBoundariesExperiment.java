package dev.lemma.experiments.ml;

import dev.lemma.data.Dataset;
import dev.lemma.data.Frame;
import dev.lemma.data.Synthetic;
import dev.lemma.experiments.Arguments;
import dev.lemma.experiments.Experiment;
import dev.lemma.experiments.Format;
import dev.lemma.experiments.Palette;
import dev.lemma.experiments.Parameter;
import dev.lemma.experiments.ParameterException;
import dev.lemma.experiments.Progress;
import dev.lemma.experiments.Result;
import dev.lemma.experiments.Table;
import dev.lemma.experiments.UserData;
import dev.lemma.linalg.Matrix;
import dev.lemma.ml.Classifier;
import dev.lemma.ml.Learner;
import dev.lemma.ml.Pipeline;
import dev.lemma.ml.bayes.GaussianNB;
import dev.lemma.ml.discriminant.LinearDiscriminantAnalysis;
import dev.lemma.ml.discriminant.QuadraticDiscriminantAnalysis;
import dev.lemma.ml.linear.LogisticRegression;
import dev.lemma.ml.linear.Perceptron;
import dev.lemma.ml.metrics.ClassificationMetrics;
import dev.lemma.ml.neighbors.KNeighborsClassifier;
import dev.lemma.ml.preprocessing.PolynomialFeatures;
import dev.lemma.ml.preprocessing.StandardScaler;
import dev.lemma.viz.Axis;
import dev.lemma.viz.Chart;
import dev.lemma.viz.ColorScale;
import dev.lemma.viz.Series;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/// Decision boundaries in the plane: each classifier is fitted on 70% of a 2-D dataset and asked for its
/// class (or, with two classes and probabilities, $P(y = 1 \mid x)$) at every point of a grid; the
/// boundary is where the answer changes. Linear models and LDA draw straight lines unless given polynomial
/// features; Gaussian naive Bayes and QDA draw conics; k-NN follows the points as closely as $k$ lets it;
/// the perceptron has no probabilities, only a side.
public final class DecisionBoundariesExperiment implements Experiment {

    /// Points per side of the prediction grid.
    static final int GRID = 101;

    /// The part of the data held out for the test accuracy.
    static final double TEST_FRACTION = 0.3;

    /// A classifier the experiment offers: its parameter value, a description, and how it is built from
    /// the experiment's hyper-parameters. A new classifier is one more line in [#CLASSIFIERS].
    ///
    /// @param key the parameter value
    /// @param description what it is, for the table
    /// @param factory the learner for the shared hyper-parameters
    record Choice(String key, String description, Factory factory) {}

    /// The hyper-parameters the controls set; each classifier uses those that apply to it.
    ///
    /// @param c the inverse penalty strength of logistic regression
    /// @param degree the degree of the polynomial features
    /// @param k the number of neighbours of k-NN
    /// @param seed the run's seed
    record Settings(double c, int degree, int k, long seed) {}

    /// Builds a learner from the shared hyper-parameters.
    @FunctionalInterface
    interface Factory {
        /// @param settings the hyper-parameters
        /// @return the learner
        Learner<? extends Classifier> learner(Settings settings);
    }

    /// Standardise, expand to polynomial features of the degree (none for degree 1), then `last`.
    static Learner<? extends Classifier> polynomial(int degree, Learner<? extends Classifier> last) {
        return degree == 1
                ? Pipeline.classifier(List.of(new StandardScaler()), last)
                : Pipeline.classifier(
                        List.of(new StandardScaler(), new PolynomialFeatures(degree, false), new StandardScaler()),
                        last);
    }

    /// Every classifier offered, in the order of the choice.
    static final List<Choice> CLASSIFIERS = List.of(
            new Choice(
                    "logistic-regression",
                    "logistic regression on polynomial features",
                    s -> polynomial(s.degree(), new LogisticRegression(s.c()))),
            new Choice("gaussian-nb", "Gaussian naive Bayes (raw features)", s -> new GaussianNB()),
            new Choice(
                    "perceptron",
                    "perceptron on polynomial features",
                    s -> polynomial(s.degree(), new Perceptron(1.0, 1_000, s.seed()))),
            new Choice(
                    "knn", "k nearest neighbours (standardised)", s -> polynomial(1, new KNeighborsClassifier(s.k()))),
            new Choice("lda", "linear discriminant analysis (raw features)", s -> new LinearDiscriminantAnalysis()),
            new Choice(
                    "qda", "quadratic discriminant analysis (raw features)", s -> new QuadraticDiscriminantAnalysis()));

    /// The synthetic datasets offered.
    static final List<String> DATASETS = List.of("moons", "circles", "blobs", "xor", "spirals");

    private static final List<Parameter> PARAMETERS = List.of(
            Parameter.datasetOrUpload(
                    "dataset",
                    "Dataset",
                    "a 2-D dataset, or your own CSV: the first two numeric columns are the features, the last"
                            + " column the class",
                    DATASETS,
                    "moons",
                    UserData.Kind.CSV),
            Parameter.choice(
                    "classifier",
                    "Classifier",
                    "the model whose boundary is drawn (the table compares them all)",
                    CLASSIFIERS.stream().map(Choice::key).toList(),
                    "logistic-regression"),
            Parameter.number(
                    "logC",
                    "$\\log_{10} C$",
                    "logistic regression's inverse penalty: small C, strong penalty, smooth boundary",
                    -3,
                    4,
                    0.5,
                    1),
            Parameter.integer(
                    "degree",
                    "Polynomial degree",
                    "degree of the polynomial features given to logistic regression and the perceptron",
                    1,
                    6,
                    3),
            Parameter.integer("k", "Neighbours $k$", "how many neighbours k-NN's vote takes", 1, 50, 15),
            Parameter.integer("n", "Points $n$", "how many points the synthetic dataset has", 40, 1000, 300),
            Parameter.number("noise", "Noise", "the synthetic dataset's noise", 0, 1, 0.05, 0.25),
            Parameter.seed(1));

    /// Creates the experiment.
    public DecisionBoundariesExperiment() {}

    @Override
    public String id() {
        return "decision-boundaries";
    }

    @Override
    public String title() {
        return "Decision boundaries of classifiers in the plane";
    }

    @Override
    public int chapter() {
        return 8;
    }

    @Override
    public String summary() {
        return "Each classifier's answer over the plane, with the training points (large) and test points"
                + " (small) on top. Logistic regression with degree 1 can only draw a line; raise the degree to"
                + " bend it round the moons, lower $C$ to smooth it. Upload a CSV of your own to see its boundaries.";
    }

    @Override
    public String formula() {
        return "\\hat y(x) = \\arg\\max_k P(y = k \\mid x), \\qquad \\text{boundary: } P(y = 1 \\mid x) = \\tfrac12";
    }

    @Override
    public List<Parameter> parameters() {
        return PARAMETERS;
    }

    static Choice choice(String key) {
        return CLASSIFIERS.stream()
                .filter(c -> c.key().equals(key))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no classifier " + key));
    }

    /// The dataset named by the parameter: a synthetic one, or the user's CSV.
    ///
    /// @throws ParameterException if an uploaded table has no two numeric feature columns or one class only
    static Dataset dataset(String name, int n, double noise, long seed) {
        return switch (name) {
            case "moons" -> Synthetic.moons(n, noise, seed);
            case "circles" -> Synthetic.circles(n, 0.5, noise / 2, seed);
            case "blobs" -> Synthetic.blobs(n, new double[][] {{-1.5, -1}, {1.5, -1}, {0, 1.5}}, 0.5 + 2 * noise, seed);
            case "xor" -> jitter(Synthetic.xor(n, seed), noise / 4, seed);
            case "spirals" -> Synthetic.spirals(n, 3, noise / 2, seed);
            default -> uploaded(name);
        };
    }

    /// XOR has no noise of its own: move its points a little so that the control does something.
    private static Dataset jitter(Dataset data, double sd, long seed) {
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed ^ 0x9E3779B97F4A7C15L);
        double[][] x = data.features().toArray();
        for (double[] row : x) {
            row[0] += sd * random.nextGaussian();
            row[1] += sd * random.nextGaussian();
        }
        return data.withFeatures(Matrix.of(x));
    }

    /// The first two numeric columns as features, the last column as the class: its distinct values, sorted,
    /// become classes 0, 1, ….
    static Dataset uploaded(String key) {
        UserData.Upload upload = UserData.get(key)
                .orElseThrow(() -> new ParameterException(
                        "dataset", "parameter 'dataset': the upload '" + key + "' is no longer kept; upload it again"));
        Frame frame = UserData.csv(upload);
        return fromTable(frame, upload.fileName());
    }

    static Dataset fromTable(Frame frame, String fileName) {
        List<String> names = frame.names();
        if (names.size() < 3) {
            throw new ParameterException(
                    "dataset",
                    "'" + fileName + "' has " + names.size() + " column(s); two feature columns and a class column are"
                            + " needed");
        }
        String label = names.getLast();
        Dataset all;
        try {
            all = frame.toDataset(fileName, Frame.MissingValues.REJECT, label);
        } catch (IllegalArgumentException e) {
            throw new ParameterException("dataset", "'" + fileName + "': " + e.getMessage());
        }
        List<Integer> numeric = new ArrayList<>();
        for (int j = 0; j < frame.names().size() - 1 && numeric.size() < 2; j++) {
            if (frame.columns().get(j) instanceof dev.lemma.data.Column.Numeric) {
                numeric.add(all.featureNames().indexOf(frame.names().get(j)));
            }
        }
        if (numeric.size() < 2) {
            throw new ParameterException(
                    "dataset", "'" + fileName + "' needs two numeric feature columns before its class column");
        }
        double[] target = all.target();
        double[] values = Arrays.stream(target).distinct().sorted().toArray();
        if (values.length < 2) {
            throw new ParameterException(
                    "dataset",
                    "'" + fileName + "': the class column '" + label + "' has one"
                            + " value only; two classes are needed");
        }
        if (values.length > 10) {
            throw new ParameterException(
                    "dataset",
                    "'" + fileName + "': the class column '" + label + "' has " + values.length
                            + " values; at most 10 classes are drawn");
        }
        double[] codes = new double[target.length];
        double[][] x = new double[target.length][2];
        double[][] features = all.features().toArray();
        for (int i = 0; i < target.length; i++) {
            codes[i] = Arrays.binarySearch(values, target[i]);
            x[i][0] = features[i][numeric.get(0)];
            x[i][1] = features[i][numeric.get(1)];
        }
        List<String> classNames = new ArrayList<>();
        for (double v : values) {
            classNames.add(
                    all.classNames().isEmpty()
                            ? Format.num(v)
                            : all.classNames().get((int) v));
        }
        return Dataset.of(
                fileName,
                Matrix.of(x),
                List.of(
                        all.featureNames().get(numeric.get(0)),
                        all.featureNames().get(numeric.get(1))),
                codes,
                label,
                classNames);
    }

    /// The prediction grid: the data's bounding box with a 10% margin.
    static double[][] grid(Dataset data) {
        double[] x0 = data.features().column(0).toArray();
        double[] x1 = data.features().column(1).toArray();
        double[] xs = axis(x0);
        double[] ys = axis(x1);
        return new double[][] {xs, ys};
    }

    private static double[] axis(double[] v) {
        double lo = Arrays.stream(v).min().orElse(0);
        double hi = Arrays.stream(v).max().orElse(1);
        double margin = Math.max(0.1 * (hi - lo), 1e-6);
        double[] out = new double[GRID];
        for (int i = 0; i < GRID; i++) {
            out[i] = lo - margin + (hi - lo + 2 * margin) * i / (GRID - 1);
        }
        return out;
    }

    /// The grid's points, row $i$ (ordinate) by column $j$ (abscissa), as Plotly's `z[i][j]` expects.
    static Matrix gridPoints(double[] xs, double[] ys) {
        double[][] p = new double[xs.length * ys.length][];
        for (int i = 0; i < ys.length; i++) {
            for (int j = 0; j < xs.length; j++) {
                p[i * xs.length + j] = new double[] {xs[j], ys[i]};
            }
        }
        return Matrix.of(p);
    }

    /// Whether the heatmap shows $P(y = 1 \mid x)$ rather than the predicted class.
    static boolean showsProbability(Classifier model) {
        return model.classes() == 2 && model.hasProbabilities();
    }

    @Override
    public Result run(Arguments arguments, Progress progress) {
        String datasetName = arguments.choice("dataset");
        Choice chosen = choice(arguments.choice("classifier"));
        double c = Math.pow(10, arguments.number("logC"));
        int degree = arguments.integer("degree");
        long seed = arguments.seed("seed");
        Settings settings = new Settings(c, degree, arguments.integer("k"), seed);
        Dataset data = dataset(datasetName, arguments.integer("n"), arguments.number("noise"), seed);
        Dataset.Split split;
        try {
            split = data.split(TEST_FRACTION, seed, true);
        } catch (IllegalArgumentException e) {
            throw new ParameterException("dataset", "cannot split '" + data.name() + "': " + e.getMessage());
        }
        Dataset train = split.train();
        Dataset test = split.test();
        int[] trainY = train.labels();
        int[] testY = test.labels();

        List<List<Object>> rows = new ArrayList<>();
        Classifier model = null;
        for (Choice each : CLASSIFIERS) {
            progress.report(rows.size() / (double) CLASSIFIERS.size(), each.key());
            try {
                Classifier fitted = each.factory().learner(settings).fit(train);
                double trainAccuracy = ClassificationMetrics.accuracy(trainY, fitted.predict(train.features()));
                double testAccuracy = ClassificationMetrics.accuracy(testY, fitted.predict(test.features()));
                rows.add(List.of(each.key(), each.description(), trainAccuracy, testAccuracy));
                if (each == chosen) {
                    model = fitted;
                }
            } catch (IllegalArgumentException | IllegalStateException e) {
                rows.add(List.of(each.key(), "failed: " + e.getMessage(), "—", "—"));
            }
        }
        Result.Builder result = Result.builder();
        double[][] axes = grid(data);
        double[] xs = axes[0];
        double[] ys = axes[1];
        List<String> classNames = classNames(data);
        Chart.Builder chart = Chart.builder(chosen.description() + " on " + data.name())
                .x(Axis.range(data.featureNames().get(0), xs[0], xs[GRID - 1]))
                .y(Axis.range(data.featureNames().get(1), ys[0], ys[GRID - 1]));
        if (model != null) {
            Matrix points = gridPoints(xs, ys);
            boolean probability = showsProbability(model);
            double[][] z = new double[GRID][GRID];
            if (probability) {
                double[][] p = model.predictProba(points);
                for (int i = 0; i < GRID; i++) {
                    for (int j = 0; j < GRID; j++) {
                        z[i][j] = p[i * GRID + j][1];
                    }
                }
                chart.add(new Series.Heatmap("P(" + classNames.get(1) + " | x)", xs, ys, z, ColorScale.RED_BLUE));
                chart.add(new Series.Contour("boundary P = ½", xs, ys, z, new double[] {0.5}));
            } else {
                int[] predicted = model.predict(points);
                for (int i = 0; i < GRID; i++) {
                    for (int j = 0; j < GRID; j++) {
                        z[i][j] = predicted[i * GRID + j];
                    }
                }
                chart.add(new Series.Heatmap("predicted class", xs, ys, z, ColorScale.VIRIDIS));
            }
        }
        addPoints(chart, train, classNames, "train", 7);
        addPoints(chart, test, classNames, "test", 4);
        result.chart(chart.build());
        result.table(new Table(
                "Accuracy on " + train.size() + " training and " + test.size() + " test points",
                List.of("classifier", "model", "train accuracy", "test accuracy"),
                rows));
        if (model == null) {
            result.note("The " + chosen.key() + " failed on this data; the table says why.");
        } else {
            List<Object> row = rows.get(CLASSIFIERS.indexOf(chosen));
            result.note("The " + chosen.description() + " classifies " + percent(row.get(2)) + " of the training"
                    + " points and " + percent(row.get(3)) + " of the held-out test points correctly ($C = "
                    + Format.num(c) + "$, degree " + degree + ").");
        }
        result.note("Data: " + data.name() + ", " + data.size() + " points, " + classNames.size() + " classes; "
                + Math.round(100 * TEST_FRACTION) + "% held out, stratified by class. $C$ applies to logistic"
                + " regression only, $k$ to k-NN only, the degree to logistic regression and the perceptron (after"
                + " standardising the two features); naive Bayes, LDA and QDA always see the raw features.");
        return result.build();
    }

    private static String percent(Object accuracy) {
        return accuracy instanceof Number a ? Format.num(100 * a.doubleValue()) + "%" : "—";
    }

    static List<String> classNames(Dataset data) {
        int classes = Arrays.stream(data.labels()).max().orElse(0) + 1;
        List<String> names = new ArrayList<>(data.classNames());
        for (int k = names.size(); k < classes; k++) {
            names.add("class " + k);
        }
        return names;
    }

    private static final String[] COLOURS = {
        Palette.BLUE, Palette.ORANGE, Palette.GREEN, Palette.RED, Palette.PURPLE,
        Palette.BROWN, Palette.PINK, Palette.GREY, Palette.OLIVE, Palette.CYAN
    };

    static void addPoints(Chart.Builder chart, Dataset part, List<String> classNames, String what, double size) {
        int[] y = part.labels();
        double[] x0 = part.features().column(0).toArray();
        double[] x1 = part.features().column(1).toArray();
        TreeSet<Integer> present = new TreeSet<>();
        for (int label : y) {
            present.add(label);
        }
        for (int k : present) {
            List<Integer> idx = new ArrayList<>();
            for (int i = 0; i < y.length; i++) {
                if (y[i] == k) {
                    idx.add(i);
                }
            }
            chart.add(new Series.Scatter(
                    classNames.get(k) + " (" + what + ")",
                    idx.stream().mapToDouble(i -> x0[i]).toArray(),
                    idx.stream().mapToDouble(i -> x1[i]).toArray(),
                    List.of(),
                    Palette.solid(COLOURS[k % COLOURS.length], size)));
        }
    }
}
