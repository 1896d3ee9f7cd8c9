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
import dev.lemma.ml.Classifier;
import dev.lemma.ml.Learner;
import dev.lemma.ml.Pipeline;
import dev.lemma.ml.metrics.ClassificationMetrics;
import dev.lemma.ml.neighbors.KNeighborsClassifier;
import dev.lemma.ml.preprocessing.StandardScaler;
import dev.lemma.viz.Axis;
import dev.lemma.viz.Chart;
import dev.lemma.viz.ColorScale;
import dev.lemma.viz.Series;
import java.util.ArrayList;
import java.util.List;

/// The number of neighbours $k$ of k-NN as a dial from variance to bias: with $k = 1$ every training point
/// is its own island (training accuracy 1, a ragged boundary), with $k$ near $n$ every point gets the
/// majority class. The test accuracy over $k$ peaks in between.
public final class KnnKExperiment implements Experiment {

    private static final List<Parameter> PARAMETERS = List.of(
            Parameter.dataset(
                    "dataset",
                    "Dataset",
                    "a 2-D synthetic dataset (features standardised)",
                    DecisionBoundariesExperiment.DATASETS,
                    "xor"),
            Parameter.integer("k", "Neighbours $k$", "how many neighbours vote (the boundary drawn)", 1, 100, 1),
            Parameter.integer("maxK", "Largest $k$", "the accuracy curve runs over k = 1 … this", 5, 150, 100),
            Parameter.integer("n", "Points $n$", "how many points the dataset has (30% held out)", 40, 1000, 300),
            Parameter.number("noise", "Noise", "the dataset's noise", 0, 1, 0.05, 0.35),
            Parameter.seed(1));

    /// Creates the experiment.
    public KnnKExperiment() {}

    @Override
    public String id() {
        return "knn-k";
    }

    @Override
    public String title() {
        return "k nearest neighbours: choosing k";
    }

    @Override
    public int chapter() {
        return 8;
    }

    @Override
    public String summary() {
        return "k-NN's boundary and its training and test accuracy for every $k$. At $k = 1$ the training"
                + " accuracy is perfect and the boundary ragged; as $k$ grows the boundary smooths, training accuracy"
                + " falls, and test accuracy rises to a peak before the vote drowns in distant points.";
    }

    @Override
    public String formula() {
        return "\\hat y(x) = \\arg\\max_c \\#\\{ i \\in N_k(x) : y_i = c \\}";
    }

    @Override
    public List<Parameter> parameters() {
        return PARAMETERS;
    }

    /// k-NN after standardising the features on the training rows.
    static Learner<? extends Classifier> learner(int k) {
        return Pipeline.classifier(List.of(new StandardScaler()), new KNeighborsClassifier(k));
    }

    /// The dataset and its split, as the experiment makes them.
    static Dataset.Split split(String dataset, int n, double noise, long seed) {
        return DecisionBoundariesExperiment.dataset(dataset, n, noise, seed)
                .split(DecisionBoundariesExperiment.TEST_FRACTION, seed, true);
    }

    @Override
    public Result run(Arguments arguments, Progress progress) {
        String name = arguments.choice("dataset");
        long seed = arguments.seed("seed");
        Dataset data =
                DecisionBoundariesExperiment.dataset(name, arguments.integer("n"), arguments.number("noise"), seed);
        Dataset.Split split = split(name, arguments.integer("n"), arguments.number("noise"), seed);
        Dataset train = split.train();
        Dataset test = split.test();
        int[] trainY = train.labels();
        int[] testY = test.labels();
        int maxK = Math.min(arguments.integer("maxK"), train.size());
        int k = Math.min(arguments.integer("k"), train.size());

        double[] ks = new double[maxK];
        double[] trainAccuracy = new double[maxK];
        double[] testAccuracy = new double[maxK];
        int best = 0;
        for (int j = 1; j <= maxK; j++) {
            if (j % 10 == 0) {
                progress.report((double) j / maxK, "k = " + j);
            }
            Classifier model = learner(j).fit(train);
            ks[j - 1] = j;
            trainAccuracy[j - 1] = ClassificationMetrics.accuracy(trainY, model.predict(train.features()));
            testAccuracy[j - 1] = ClassificationMetrics.accuracy(testY, model.predict(test.features()));
            if (testAccuracy[j - 1] > testAccuracy[best]) {
                best = j - 1;
            }
        }
        int bestK = best + 1;

        Classifier model = learner(k).fit(train);
        double[][] axes = DecisionBoundariesExperiment.grid(data);
        double[] xs = axes[0];
        double[] ys = axes[1];
        int side = DecisionBoundariesExperiment.GRID;
        int[] predicted = model.predict(DecisionBoundariesExperiment.gridPoints(xs, ys));
        double[][] z = new double[side][side];
        for (int i = 0; i < side; i++) {
            for (int j = 0; j < side; j++) {
                z[i][j] = predicted[i * side + j];
            }
        }
        List<String> classNames = DecisionBoundariesExperiment.classNames(data);
        Chart.Builder boundary = Chart.builder("k-NN with k = " + k + " on " + name)
                .x(Axis.range(data.featureNames().get(0), xs[0], xs[side - 1]))
                .y(Axis.range(data.featureNames().get(1), ys[0], ys[side - 1]))
                .add(new Series.Heatmap("predicted class", xs, ys, z, ColorScale.VIRIDIS));
        DecisionBoundariesExperiment.addPoints(boundary, train, classNames, "train", 7);
        DecisionBoundariesExperiment.addPoints(boundary, test, classNames, "test", 4);

        Chart curve = Chart.builder("Accuracy against k")
                .x(Axis.of("neighbours k"))
                .y(Axis.of("accuracy"))
                .add(new Series.Line("training accuracy", ks, trainAccuracy, Palette.solid(Palette.BLUE, 2)))
                .add(new Series.Line("test accuracy", ks, testAccuracy, Palette.solid(Palette.ORANGE, 2)))
                .add(new Series.Scatter(
                        "k = " + k,
                        new double[] {k},
                        new double[] {ClassificationMetrics.accuracy(testY, model.predict(test.features()))},
                        List.of(),
                        Palette.solid(Palette.RED, 9)))
                .build();

        List<List<Object>> rows = new ArrayList<>();
        for (int j = 1; j <= maxK; j++) {
            if (j <= 10 || j % 5 == 0 || j == k || j == bestK) {
                rows.add(List.of(j, trainAccuracy[j - 1], testAccuracy[j - 1]));
            }
        }
        double trainAtK = ClassificationMetrics.accuracy(trainY, model.predict(train.features()));
        double testAtK = ClassificationMetrics.accuracy(testY, model.predict(test.features()));
        Result.Builder result = Result.builder()
                .chart(boundary.build())
                .chart(curve)
                .table(new Table(
                        "Accuracy by k (" + train.size() + " training, " + test.size() + " test points)",
                        List.of("k", "train accuracy", "test accuracy"),
                        rows));
        result.note("With $k = " + k + "$: training accuracy " + Format.num(trainAtK) + ", test accuracy "
                + Format.num(testAtK) + ". The best test accuracy over $k = 1, \\dots, " + maxK + "$ is "
                + Format.num(testAccuracy[best]) + " at $k = " + bestK + "$ (the smallest such $k$).");
        result.note("At $k = 1$ each training point is its own nearest neighbour, so the training accuracy is "
                + Format.num(trainAccuracy[0]) + " (below 1 only where points coincide with different labels):"
                + " training accuracy says nothing about $k$; the held-out points do. Choosing $k$ by the test"
                + " accuracy, as here, flatters it; cross-validation is the honest way.");
        return result.build();
    }
}
