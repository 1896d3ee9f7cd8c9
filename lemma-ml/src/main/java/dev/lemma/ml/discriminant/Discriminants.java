package dev.lemma.ml.discriminant;

import dev.lemma.data.Dataset;
import java.util.Arrays;

/// What both discriminant analyses share: class counts, means and the log-sum-exp normalisation.
final class Discriminants {
    private Discriminants() {}

    /// The labels, checked: at least two classes, each with at least `minimum` examples.
    static int[] labels(String who, Dataset data) {
        int[] y;
        try {
            y = data.labels();
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException(who + ": " + e.getMessage(), e);
        }
        return y;
    }

    static int classes(String who, Dataset data, int[] y, int minimum) {
        int classes = Math.max(data.classNames().size(), Arrays.stream(y).max().orElse(0) + 1);
        if (classes < 2) {
            throw new IllegalArgumentException(who + ": the target has one class only; two are needed");
        }
        int[] counts = counts(y, classes);
        for (int k = 0; k < classes; k++) {
            if (counts[k] < minimum) {
                throw new IllegalArgumentException(who + ": class " + k + " has " + counts[k]
                        + " training example(s); it needs at least " + minimum);
            }
        }
        return classes;
    }

    static int[] counts(int[] y, int classes) {
        int[] counts = new int[classes];
        for (int label : y) {
            counts[label]++;
        }
        return counts;
    }

    /// The class means, $\mu_k = \frac{1}{m_k}\sum_{y_i = k} x_i$.
    static double[][] means(double[][] x, int[] y, int classes) {
        int d = x[0].length;
        double[][] mean = new double[classes][d];
        int[] counts = counts(y, classes);
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < d; j++) {
                mean[y[i]][j] += x[i][j];
            }
        }
        for (int k = 0; k < classes; k++) {
            for (int j = 0; j < d; j++) {
                mean[k][j] /= counts[k];
            }
        }
        return mean;
    }

    /// Turns each row of scores into probabilities in place: $p_k = e^{s_k - \max}/\sum_c e^{s_c - \max}$.
    static double[][] softmax(double[][] scores) {
        for (double[] row : scores) {
            double max = Double.NEGATIVE_INFINITY;
            for (double v : row) {
                max = Math.max(max, v);
            }
            double sum = 0;
            for (int k = 0; k < row.length; k++) {
                row[k] = Math.exp(row[k] - max);
                sum += row[k];
            }
            for (int k = 0; k < row.length; k++) {
                row[k] /= sum;
            }
        }
        return scores;
    }

    static int[] argmax(double[][] scores) {
        int[] labels = new int[scores.length];
        for (int i = 0; i < scores.length; i++) {
            int best = 0;
            for (int k = 1; k < scores[i].length; k++) {
                if (scores[i][k] > scores[i][best]) {
                    best = k;
                }
            }
            labels[i] = best;
        }
        return labels;
    }

    static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }
}
