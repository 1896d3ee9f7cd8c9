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
import dev.lemma.linalg.Matrix;
import dev.lemma.ml.Classifier;
import dev.lemma.ml.Pipeline;
import dev.lemma.ml.linear.LogisticRegression;
import dev.lemma.ml.metrics.RankingMetrics;
import dev.lemma.ml.preprocessing.StandardScaler;
import dev.lemma.viz.Axis;
import dev.lemma.viz.Chart;
import dev.lemma.viz.Series;
import java.util.List;
import java.util.SplittableRandom;

/// ROC and precision–recall curves of a logistic regression's scores on held-out data. Each threshold $t$
/// turns the scores into decisions (positive when $s \ge t$); the ROC curve traces $(FPR, TPR)$ over all
/// thresholds and its area is the probability that a random positive outscores a random negative (the
/// Mann–Whitney $U/(n_+ n_-)$); the precision–recall curve depends on how rare the positives are, the ROC
/// curve does not.
public final class RocPrCurvesExperiment implements Experiment {

    /// The part of the data held out; the curves are drawn on it.
    static final double TEST_FRACTION = 0.3;

    private static final List<Parameter> PARAMETERS = List.of(
            Parameter.choice(
                    "dataset",
                    "Dataset",
                    "breast_cancer: 569 biopsies, positive = malignant; synthetic: one Gaussian feature per class",
                    List.of("breast_cancer", "synthetic"),
                    "breast_cancer"),
            Parameter.number(
                    "threshold", "Threshold $t$", "predict positive when P(positive | x) ≥ t", 0, 1, 0.01, 0.5),
            Parameter.number("logC", "$\\log_{10} C$", "logistic regression's inverse penalty strength", -4, 3, 0.5, 0),
            Parameter.number(
                    "separation",
                    "Separation $\\Delta$",
                    "synthetic: distance between the class means, in standard deviations",
                    0,
                    4,
                    0.1,
                    1.5),
            Parameter.number(
                    "positives",
                    "Share of positives",
                    "synthetic: the fraction of examples that are positive",
                    0.02,
                    0.5,
                    0.01,
                    0.2),
            Parameter.integer("n", "Examples $n$", "synthetic: how many examples (30% are held out)", 50, 5000, 1000),
            Parameter.seed(2));

    /// Creates the experiment.
    public RocPrCurvesExperiment() {}

    @Override
    public String id() {
        return "roc-pr-curves";
    }

    @Override
    public String title() {
        return "ROC and precision–recall curves";
    }

    @Override
    public int chapter() {
        return 8;
    }

    @Override
    public String summary() {
        return "A classifier gives scores; a threshold makes them decisions. Move the threshold and watch the"
                + " operating point slide along both curves and the confusion matrix change. On synthetic data,"
                + " make positives rare: the ROC curve stays put while precision falls.";
    }

    @Override
    public String formula() {
        return "\\mathrm{AUC} = P(s^+ > s^-) = \\frac{U}{n_+ n_-}, \\qquad \\mathrm{AP} = \\sum_k (R_k - R_{k-1}) P_k";
    }

    @Override
    public List<Parameter> parameters() {
        return PARAMETERS;
    }

    /// Held-out labels (1 = positive) and the model's probability of the positive class.
    ///
    /// @param truth 1 for a positive, 0 for a negative
    /// @param scores $P(\text{positive} \mid x)$
    /// @param positiveName what a positive is
    /// @param negativeName what a negative is
    @SuppressWarnings("ArrayRecordComponent") // internal, read only
    record Scored(int[] truth, double[] scores, String positiveName, String negativeName) {}

    /// One Gaussian feature: negatives from $\mathcal N(0, 1)$, positives from $\mathcal N(\Delta, 1)$.
    static Dataset synthetic(int n, double separation, double positives, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int p = Math.max(5, (int) Math.round(n * positives)); // enough for both parts of the split
        double[][] x = new double[n][1];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = i < p ? 1 : 0;
            x[i][0] = random.nextGaussian() + (i < p ? separation : 0);
        }
        return Dataset.of("synthetic", Matrix.of(x), List.of("x"), y, "class", List.of("negative", "positive"));
    }

    /// Fits on 70% and scores the other 30%.
    static Scored scored(String dataset, double c, double separation, double positives, int n, long seed) {
        Dataset data;
        int positiveClass;
        String positiveName;
        if (dataset.equals("breast_cancer")) {
            data = Datasets.load("breast_cancer");
            positiveClass = data.classNames().indexOf("malignant");
            positiveName = "malignant";
        } else {
            data = synthetic(n, separation, positives, seed);
            positiveClass = 1;
            positiveName = "positive";
        }
        Dataset.Split split = data.split(TEST_FRACTION, seed, true);
        Classifier model = Pipeline.classifier(List.of(new StandardScaler()), new LogisticRegression(c))
                .fit(split.train());
        double[][] p = model.predictProba(split.test().features());
        int[] labels = split.test().labels();
        int[] truth = new int[labels.length];
        double[] scores = new double[labels.length];
        for (int i = 0; i < labels.length; i++) {
            truth[i] = labels[i] == positiveClass ? 1 : 0;
            scores[i] = p[i][positiveClass];
        }
        return new Scored(truth, scores, positiveName, dataset.equals("breast_cancer") ? "benign" : "negative");
    }

    @Override
    public Result run(Arguments arguments, Progress progress) {
        String dataset = arguments.choice("dataset");
        double threshold = arguments.number("threshold");
        double c = Math.pow(10, arguments.number("logC"));
        Scored s = scored(
                dataset,
                c,
                arguments.number("separation"),
                arguments.number("positives"),
                arguments.integer("n"),
                arguments.seed("seed"));
        int[] truth = s.truth();
        double[] scores = s.scores();

        int tp = 0;
        int fp = 0;
        int fn = 0;
        int tn = 0;
        for (int i = 0; i < truth.length; i++) {
            boolean predicted = scores[i] >= threshold;
            if (truth[i] == 1) {
                if (predicted) {
                    tp++;
                } else {
                    fn++;
                }
            } else if (predicted) {
                fp++;
            } else {
                tn++;
            }
        }
        int positives = tp + fn;
        int negatives = fp + tn;
        double tpr = (double) tp / positives;
        double fpr = (double) fp / negatives;
        double precision = tp + fp == 0 ? Double.NaN : (double) tp / (tp + fp);
        double accuracy = (double) (tp + tn) / truth.length;
        double prevalence = (double) positives / truth.length;

        RankingMetrics.Curve roc = RankingMetrics.roc(truth, scores);
        RankingMetrics.Curve pr = RankingMetrics.precisionRecall(truth, scores);
        double auc = RankingMetrics.rocAuc(truth, scores);
        double ap = RankingMetrics.averagePrecision(truth, scores);

        Chart rocChart = Chart.builder("ROC curve (AUC = " + Format.num(auc) + ")")
                .x(Axis.range("false-positive rate FP / n₋", 0, 1))
                .y(Axis.range("true-positive rate TP / n₊", 0, 1))
                .equalAspect()
                .add(new Series.Line(
                        "chance (random scores)",
                        new double[] {0, 1},
                        new double[] {0, 1},
                        Palette.dashed(Palette.GREY, 1)))
                .add(new Series.Line("ROC", roc.x(), roc.y(), Palette.solid(Palette.BLUE, 2.5)))
                .add(new Series.Scatter(
                        "threshold " + Format.num(threshold),
                        new double[] {fpr},
                        new double[] {tpr},
                        List.of("t = " + Format.num(threshold)),
                        Palette.solid(Palette.RED, 10)))
                .build();
        Chart.Builder prChart = Chart.builder("Precision–recall curve (AP = " + Format.num(ap) + ")")
                .x(Axis.range("recall TP / n₊", 0, 1))
                .y(Axis.range("precision TP / (TP + FP)", 0, 1.02))
                .add(new Series.Line(
                        "chance (precision = share of positives, " + Format.num(prevalence) + ")",
                        new double[] {0, 1},
                        new double[] {prevalence, prevalence},
                        Palette.dashed(Palette.GREY, 1)))
                .add(new Series.Line("precision–recall", pr.x(), pr.y(), Palette.solid(Palette.ORANGE, 2.5)));
        if (!Double.isNaN(precision)) {
            prChart.add(new Series.Scatter(
                    "threshold " + Format.num(threshold),
                    new double[] {tpr},
                    new double[] {precision},
                    List.of("t = " + Format.num(threshold)),
                    Palette.solid(Palette.RED, 10)));
        }
        double[] positiveScores = select(truth, scores, 1);
        double[] negativeScores = select(truth, scores, 0);
        double[] edges = new double[21];
        for (int i = 0; i <= 20; i++) {
            edges[i] = i / 20.0;
        }
        Chart histogram = Chart.builder("Scores of the held-out examples by class")
                .x(Axis.range("P(" + s.positiveName() + " | x)", 0, 1))
                .y(Axis.of("examples"))
                .add(new Series.Histogram(
                        "negatives (" + negatives + ")",
                        edges,
                        counts(negativeScores, edges),
                        Palette.solid(Palette.BLUE, 1)))
                .add(new Series.Histogram(
                        "positives (" + positives + ")",
                        edges,
                        counts(positiveScores, edges),
                        Palette.solid(Palette.ORANGE, 1)))
                .add(new Series.Line(
                        "threshold",
                        new double[] {threshold, threshold},
                        new double[] {0, Math.max(negativeScores.length, positiveScores.length)},
                        Palette.solid(Palette.RED, 2)))
                .build();

        Table confusion = new Table(
                "Confusion matrix at t = " + Format.num(threshold),
                List.of("", "predicted " + s.positiveName(), "predicted " + s.negativeName(), "total"),
                List.of(
                        List.of("actual " + s.positiveName(), tp, fn, positives),
                        List.of("actual " + s.negativeName(), fp, tn, negatives)));
        Table summary = new Table(
                "Scores and the operating point",
                List.of("quantity", "value"),
                List.of(
                        List.of("ROC AUC", auc),
                        List.of("average precision", ap),
                        List.of("true-positive rate (recall)", tpr),
                        List.of("false-positive rate", fpr),
                        List.of(
                                "precision",
                                Double.isNaN(precision) ? "undefined (nothing predicted positive)" : precision),
                        List.of("accuracy", accuracy),
                        List.of("share of positives", prevalence)));
        Result.Builder result = Result.builder()
                .chart(rocChart)
                .chart(prChart.build())
                .chart(histogram)
                .table(summary)
                .table(confusion);
        String where = dataset.equals("breast_cancer")
                ? "breast_cancer (positive = malignant)"
                : "synthetic data (separation " + Format.num(arguments.number("separation")) + ")";
        result.note("Logistic regression ($C = " + Format.num(c) + "$, standardised features) fitted on 70% of "
                + where + " and scored on the " + truth.length + " held-out examples: AUC " + Format.num(auc)
                + ", average precision " + Format.num(ap) + ". An AUC of " + Format.num(auc) + " means a random"
                + " positive outscores a random negative with that probability.");
        result.note("At $t = " + Format.num(threshold) + "$: " + tp + " of " + positives + " positives found (recall "
                + Format.num(tpr) + "), " + fp + " of " + negatives + " negatives raised as false alarms (FPR "
                + Format.num(fpr) + ")"
                + (Double.isNaN(precision)
                        ? "; nothing is predicted positive, so precision is undefined."
                        : ", precision " + Format.num(precision) + "."));
        if (auc == 1) {
            result.note("The held-out classes are perfectly separated by the scores: every threshold between the"
                    + " highest negative and the lowest positive makes no mistake.");
        }
        return result.build();
    }

    private static double[] select(int[] truth, double[] scores, int label) {
        return java.util.stream.IntStream.range(0, truth.length)
                .filter(i -> truth[i] == label)
                .mapToDouble(i -> scores[i])
                .toArray();
    }

    private static double[] counts(double[] values, double[] edges) {
        double[] c = new double[edges.length - 1];
        for (double v : values) {
            int bin = (int) Math.floor(v * (edges.length - 1));
            c[Math.max(0, Math.min(c.length - 1, bin))]++;
        }
        return c;
    }
}
