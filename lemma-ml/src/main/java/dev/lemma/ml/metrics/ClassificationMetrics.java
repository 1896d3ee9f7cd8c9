package dev.lemma.ml.metrics;

import java.util.Arrays;

/// Scores of predicted class labels against the true ones, as scikit-learn's `sklearn.metrics` defines
/// them. Labels are class codes $0, 1, \dots, K-1$; $K$ is one more than the largest code in either
/// array. With $TP_k$, $FP_k$, $FN_k$ the true positives, false positives and false negatives of class
/// $k$:
/// $$\text{precision}_k = \frac{TP_k}{TP_k + FP_k}, \quad \text{recall}_k = \frac{TP_k}{TP_k + FN_k}, \quad
/// F_1 = \frac{2\,\text{precision}\cdot\text{recall}}{\text{precision} + \text{recall}}.$$
/// A ratio with a zero denominator is 0, scikit-learn's `zero_division` default (without its warning).
///
/// Book: chapter 8, "Evaluating a model".
public final class ClassificationMetrics {
    private ClassificationMetrics() {}

    /// The fraction of predictions that are right.
    ///
    /// @param truth the true labels
    /// @param predicted the predicted labels
    /// @return the accuracy in $[0, 1]$
    public static double accuracy(int[] truth, int[] predicted) {
        check(truth, predicted);
        int right = 0;
        for (int i = 0; i < truth.length; i++) {
            right += truth[i] == predicted[i] ? 1 : 0;
        }
        return (double) right / truth.length;
    }

    /// The confusion matrix $C$, $C_{ij}$ = the number of examples of true class $i$ predicted as $j$.
    ///
    /// @param truth the true labels
    /// @param predicted the predicted labels
    /// @return $C$, $K \times K$
    public static int[][] confusionMatrix(int[] truth, int[] predicted) {
        check(truth, predicted);
        int k = classes(truth, predicted);
        int[][] c = new int[k][k];
        for (int i = 0; i < truth.length; i++) {
            c[truth[i]][predicted[i]]++;
        }
        return c;
    }

    /// Precision per class.
    ///
    /// @param truth the true labels
    /// @param predicted the predicted labels
    /// @return $\text{precision}_k$ for each class
    public static double[] precisionPerClass(int[] truth, int[] predicted) {
        Counts c = counts(truth, predicted);
        double[] p = new double[c.k()];
        for (int k = 0; k < p.length; k++) {
            p[k] = ratio(c.tp()[k], c.tp()[k] + c.fp()[k]);
        }
        return p;
    }

    /// Recall per class.
    ///
    /// @param truth the true labels
    /// @param predicted the predicted labels
    /// @return $\text{recall}_k$ for each class
    public static double[] recallPerClass(int[] truth, int[] predicted) {
        Counts c = counts(truth, predicted);
        double[] r = new double[c.k()];
        for (int k = 0; k < r.length; k++) {
            r[k] = ratio(c.tp()[k], c.tp()[k] + c.fn()[k]);
        }
        return r;
    }

    /// $F_1$ per class.
    ///
    /// @param truth the true labels
    /// @param predicted the predicted labels
    /// @return $F_{1,k}$ for each class
    public static double[] f1PerClass(int[] truth, int[] predicted) {
        double[] p = precisionPerClass(truth, predicted);
        double[] r = recallPerClass(truth, predicted);
        double[] f = new double[p.length];
        for (int k = 0; k < f.length; k++) {
            f[k] = ratio(2 * p[k] * r[k], p[k] + r[k]);
        }
        return f;
    }

    /// Averaged precision.
    ///
    /// @param truth the true labels
    /// @param predicted the predicted labels
    /// @param average how to average over classes
    /// @return the precision
    public static double precision(int[] truth, int[] predicted, Average average) {
        Counts c = counts(truth, predicted);
        if (average == Average.MICRO) {
            return ratio(sum(c.tp()), sum(c.tp()) + sum(c.fp()));
        }
        return mean(precisionPerClass(truth, predicted), c.support(), average);
    }

    /// Averaged recall.
    ///
    /// @param truth the true labels
    /// @param predicted the predicted labels
    /// @param average how to average over classes
    /// @return the recall
    public static double recall(int[] truth, int[] predicted, Average average) {
        Counts c = counts(truth, predicted);
        if (average == Average.MICRO) {
            return ratio(sum(c.tp()), sum(c.tp()) + sum(c.fn()));
        }
        return mean(recallPerClass(truth, predicted), c.support(), average);
    }

    /// Averaged $F_1$. Macro and weighted average the per-class $F_1$ (not the $F_1$ of averaged
    /// precision and recall), as scikit-learn does; micro is the $F_1$ of the pooled counts.
    ///
    /// @param truth the true labels
    /// @param predicted the predicted labels
    /// @param average how to average over classes
    /// @return $F_1$
    public static double f1(int[] truth, int[] predicted, Average average) {
        Counts c = counts(truth, predicted);
        if (average == Average.MICRO) {
            double p = precision(truth, predicted, Average.MICRO);
            double r = recall(truth, predicted, Average.MICRO);
            return ratio(2 * p * r, p + r);
        }
        return mean(f1PerClass(truth, predicted), c.support(), average);
    }

    /// Binary log loss (cross-entropy), $-\frac1m \sum_i y_i \log p_i + (1 - y_i)\log(1 - p_i)$, with
    /// $p_i = P(y_i = 1)$ clipped to $[10^{-15}, 1 - 10^{-15}]$ as scikit-learn 1.2 does, so a confident
    /// mistake costs about 34.5 nats rather than infinity.
    ///
    /// @param truth labels 0 or 1
    /// @param probability $P(y = 1)$ for each example, in $[0, 1]$
    /// @return the mean log loss in nats
    public static double logLoss(int[] truth, double[] probability) {
        if (truth.length != probability.length || truth.length == 0) {
            throw new IllegalArgumentException("logLoss: " + truth.length + " labels but " + probability.length
                    + " probabilities (need the same number, at least one)");
        }
        double s = 0;
        for (int i = 0; i < truth.length; i++) {
            if (truth[i] != 0 && truth[i] != 1) {
                throw new IllegalArgumentException("logLoss: label " + i + " is " + truth[i] + ", not 0 or 1");
            }
            double p = probability(probability[i], i, -1);
            s -= truth[i] == 1 ? Math.log(p) : Math.log1p(-p);
        }
        return s / truth.length;
    }

    /// Multiclass log loss, $-\frac1m \sum_i \log P_{i, y_i}$. Each row of probabilities is first divided by
    /// its sum (as scikit-learn does) and clipped to $[10^{-15}, 1 - 10^{-15}]$.
    ///
    /// @param truth labels $0 \dots K-1$
    /// @param probabilities $m \times K$, row $i$ the predicted distribution of example $i$
    /// @return the mean log loss in nats
    public static double logLoss(int[] truth, double[][] probabilities) {
        if (truth.length != probabilities.length || truth.length == 0) {
            throw new IllegalArgumentException("logLoss: " + truth.length + " labels but " + probabilities.length
                    + " rows of probabilities (need the same number, at least one)");
        }
        double s = 0;
        for (int i = 0; i < truth.length; i++) {
            double[] row = probabilities[i];
            if (truth[i] < 0 || truth[i] >= row.length) {
                throw new IllegalArgumentException("logLoss: label " + i + " is " + truth[i] + " but row " + i + " has "
                        + row.length + " class probabilities");
            }
            double total = 0;
            for (int k = 0; k < row.length; k++) {
                total += probability(row[k], i, k);
            }
            double p = Math.clamp(row[truth[i]] / total, 1e-15, 1 - 1e-15);
            s -= Math.log(p);
        }
        return s / truth.length;
    }

    private static double probability(double p, int row, int column) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("logLoss: the probability at row " + row
                    + (column >= 0 ? ", column " + column : "") + " is " + p + ", not in [0, 1]");
        }
        return column >= 0 ? p : Math.clamp(p, 1e-15, 1 - 1e-15);
    }

    /// The counts of one comparison.
    @SuppressWarnings("ArrayRecordComponent") // internal
    private record Counts(int k, int[] tp, int[] fp, int[] fn, int[] support) {}

    private static Counts counts(int[] truth, int[] predicted) {
        int[][] c = confusionMatrix(truth, predicted);
        int k = c.length;
        int[] tp = new int[k];
        int[] fp = new int[k];
        int[] fn = new int[k];
        int[] support = new int[k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                if (i == j) {
                    tp[i] += c[i][j];
                } else {
                    fn[i] += c[i][j];
                    fp[j] += c[i][j];
                }
                support[i] += c[i][j];
            }
        }
        return new Counts(k, tp, fp, fn, support);
    }

    private static double mean(double[] perClass, int[] support, Average average) {
        if (average == Average.MACRO) {
            return Arrays.stream(perClass).sum() / perClass.length;
        }
        double s = 0;
        long total = 0;
        for (int k = 0; k < perClass.length; k++) {
            s += perClass[k] * support[k];
            total += support[k];
        }
        return s / total;
    }

    private static double ratio(double a, double b) {
        return b == 0 ? 0 : a / b;
    }

    private static double sum(int[] a) { // exact: counts are far below 2^53
        double s = 0;
        for (int v : a) {
            s += v;
        }
        return s;
    }

    static int classes(int[] truth, int[] predicted) {
        int max = -1;
        for (int v : truth) {
            max = Math.max(max, v);
        }
        for (int v : predicted) {
            max = Math.max(max, v);
        }
        return max + 1;
    }

    static void check(int[] truth, int[] predicted) {
        if (truth.length != predicted.length || truth.length == 0) {
            throw new IllegalArgumentException("there are " + truth.length + " true labels and " + predicted.length
                    + " predictions (need the same number, at least one)");
        }
        for (int i = 0; i < truth.length; i++) {
            if (truth[i] < 0 || predicted[i] < 0) {
                throw new IllegalArgumentException("labels are class codes ≥ 0; example " + i + " has true label "
                        + truth[i] + " and prediction " + predicted[i]);
            }
        }
    }
}
