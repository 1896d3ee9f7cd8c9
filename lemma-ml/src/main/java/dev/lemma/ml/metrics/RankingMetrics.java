package dev.lemma.ml.metrics;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/// Scores that rank examples rather than label them: the ROC curve and the area under it, and the
/// precision–recall curve with average precision. Binary labels 0/1; a higher score means "more likely
/// 1". Every distinct score is a threshold $t$, and an example is predicted positive when its score is
/// $\ge t$.
///
/// The area under the ROC curve is the probability that a random positive scores above a random
/// negative, ties counting one half: the Mann–Whitney $U$ statistic divided by $n_+ n_-$. The tests check
/// the trapezoidal area against exactly that.
///
/// Book: chapter 8, "Evaluating a model".
public final class RankingMetrics {
    private RankingMetrics() {}

    /// A curve through points $(x_i, y_i)$ with the thresholds that produce them.
    ///
    /// @param x the first coordinates (false-positive rate; or recall)
    /// @param y the second coordinates (true-positive rate; or precision)
    /// @param thresholds the threshold of each point (`+∞` for the point where nothing is positive)
    @SuppressWarnings("ArrayRecordComponent") // a curve to draw or integrate, never compared
    public record Curve(double[] x, double[] y, double[] thresholds) {}

    /// The ROC curve: for each threshold, from the highest down, the false-positive rate
    /// $FP/n_-$ against the true-positive rate $TP/n_+$; it starts at $(0, 0)$ (threshold $+\infty$) and
    /// ends at $(1, 1)$. All thresholds are kept (scikit-learn's `drop_intermediate=False`).
    ///
    /// @param truth labels 0 or 1, both present
    /// @param scores one score per example
    /// @return the curve
    public static Curve roc(int[] truth, double[] scores) {
        Sweep s = sweep(truth, scores);
        int n = s.tp().length;
        double[] fpr = new double[n + 1];
        double[] tpr = new double[n + 1];
        double[] thresholds = new double[n + 1];
        thresholds[0] = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            fpr[i + 1] = (double) s.fp()[i] / s.negatives();
            tpr[i + 1] = (double) s.tp()[i] / s.positives();
            thresholds[i + 1] = s.thresholds()[i];
        }
        return new Curve(fpr, tpr, thresholds);
    }

    /// The area under the ROC curve, by the trapezoidal rule.
    ///
    /// @param truth labels 0 or 1, both present
    /// @param scores one score per example
    /// @return the AUC in $[0, 1]$
    public static double rocAuc(int[] truth, double[] scores) {
        Curve c = roc(truth, scores);
        double area = 0;
        for (int i = 1; i < c.x().length; i++) {
            area += (c.x()[i] - c.x()[i - 1]) * (c.y()[i] + c.y()[i - 1]) / 2;
        }
        return area;
    }

    /// The precision–recall curve: for each threshold from the lowest up, recall $TP/n_+$ and precision
    /// $TP/(TP + FP)$, then the point (recall 0, precision 1) with threshold $+\infty$, as scikit-learn
    /// orders it (recall decreasing). Thresholds beyond the one that reaches full recall are kept.
    ///
    /// @param truth labels 0 or 1, with at least one 1
    /// @param scores one score per example
    /// @return the curve, `x` = recall, `y` = precision
    public static Curve precisionRecall(int[] truth, double[] scores) {
        Sweep s = sweep(truth, scores);
        int n = s.tp().length;
        double[] recall = new double[n + 1];
        double[] precision = new double[n + 1];
        double[] thresholds = new double[n + 1];
        for (int i = 0; i < n; i++) { // s goes from the highest threshold down; the curve from the lowest up
            int j = n - 1 - i;
            recall[i] = (double) s.tp()[j] / s.positives();
            precision[i] = (double) s.tp()[j] / (s.tp()[j] + s.fp()[j]);
            thresholds[i] = s.thresholds()[j];
        }
        recall[n] = 0;
        precision[n] = 1;
        thresholds[n] = Double.POSITIVE_INFINITY;
        return new Curve(recall, precision, thresholds);
    }

    /// Average precision, $\sum_n (R_n - R_{n-1}) P_n$ over the thresholds from the highest down: the
    /// precision at each threshold weighted by the recall it adds (a step function, not a trapezoid, as
    /// scikit-learn computes it).
    ///
    /// @param truth labels 0 or 1, with at least one 1
    /// @param scores one score per example
    /// @return the average precision in $[0, 1]$
    public static double averagePrecision(int[] truth, double[] scores) {
        Curve c = precisionRecall(truth, scores);
        double ap = 0;
        for (int i = c.x().length - 2; i >= 0; i--) {
            ap += (c.x()[i] - c.x()[i + 1]) * c.y()[i];
        }
        return ap;
    }

    /// The cumulative counts at each distinct threshold, from the highest score down.
    @SuppressWarnings("ArrayRecordComponent") // internal
    private record Sweep(long[] tp, long[] fp, double[] thresholds, long positives, long negatives) {}

    private static Sweep sweep(int[] truth, double[] scores) {
        if (truth.length != scores.length || truth.length == 0) {
            throw new IllegalArgumentException("there are " + truth.length + " labels and " + scores.length
                    + " scores (need the same number, at least one)");
        }
        long positives = 0;
        for (int i = 0; i < truth.length; i++) {
            if (truth[i] != 0 && truth[i] != 1) {
                throw new IllegalArgumentException("label " + i + " is " + truth[i] + ", not 0 or 1");
            }
            if (!Double.isFinite(scores[i])) {
                throw new IllegalArgumentException("score " + i + " is " + scores[i]);
            }
            positives += truth[i];
        }
        long negatives = truth.length - positives;
        if (positives == 0 || negatives == 0) {
            throw new IllegalArgumentException(
                    "the curve needs both classes; the labels are all " + (positives == 0 ? 0 : 1));
        }
        Integer[] order = IntStream.range(0, truth.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> scores[i]).reversed());
        long[] tp = new long[truth.length];
        long[] fp = new long[truth.length];
        double[] thresholds = new double[truth.length];
        int distinct = 0;
        long t = 0;
        long f = 0;
        for (int r = 0; r < order.length; r++) {
            int i = order[r];
            t += truth[i];
            f += 1 - truth[i];
            boolean last = r + 1 == order.length || scores[order[r + 1]] != scores[i];
            if (last) { // a tie group ends: one point for the whole group
                tp[distinct] = t;
                fp[distinct] = f;
                thresholds[distinct] = scores[i];
                distinct++;
            }
        }
        return new Sweep(
                Arrays.copyOf(tp, distinct),
                Arrays.copyOf(fp, distinct),
                Arrays.copyOf(thresholds, distinct),
                positives,
                negatives);
    }
}
