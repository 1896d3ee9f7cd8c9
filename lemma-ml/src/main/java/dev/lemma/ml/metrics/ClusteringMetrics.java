package dev.lemma.ml.metrics;

import dev.lemma.linalg.Matrix;

/// How well a clustering fits: the silhouette (from the points alone) and the adjusted Rand index (the
/// agreement of two labellings, corrected for chance).
///
/// Book: chapter 8, "Clustering".
public final class ClusteringMetrics {
    private ClusteringMetrics() {}

    /// The mean silhouette coefficient (Rousseeuw, 1987) with Euclidean distances: for point $i$, $a_i$ is
    /// its mean distance to the other points of its cluster, $b_i$ the smallest mean distance to the
    /// points of another cluster, and $s_i = \frac{b_i - a_i}{\max(a_i, b_i)}$ ($s_i = 0$ for a point
    /// alone in its cluster). Near 1: tight, well-separated clusters; near 0: overlapping; negative:
    /// points closer to another cluster than to their own.
    ///
    /// @param points $m \times d$
    /// @param labels cluster codes $\ge 0$, at least two clusters and fewer than $m$
    /// @return the mean of $s_i$
    public static double silhouette(Matrix points, int[] labels) {
        int m = points.rows();
        if (labels.length != m) {
            throw new IllegalArgumentException("silhouette: " + m + " points but " + labels.length + " labels");
        }
        int k = ClassificationMetrics.classes(labels, labels);
        if (k < 2 || k > m - 1) {
            throw new IllegalArgumentException("silhouette: needs 2 to m − 1 = " + (m - 1) + " clusters, got " + k);
        }
        int[] size = new int[k];
        for (int label : labels) {
            if (label < 0) {
                throw new IllegalArgumentException("silhouette: labels are cluster codes ≥ 0, found " + label);
            }
            size[label]++;
        }
        double[][] x = points.toArray();
        double total = 0;
        for (int i = 0; i < m; i++) {
            double[] sum = new double[k];
            for (int j = 0; j < m; j++) {
                if (j != i) {
                    sum[labels[j]] += distance(x[i], x[j]);
                }
            }
            int own = labels[i];
            if (size[own] == 1) {
                continue; // s_i = 0
            }
            double a = sum[own] / (size[own] - 1);
            double b = Double.POSITIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                if (c != own && size[c] > 0) {
                    b = Math.min(b, sum[c] / size[c]);
                }
            }
            total += (b - a) / Math.max(a, b);
        }
        return total / m;
    }

    /// The adjusted Rand index (Hubert and Arabie, 1985): the Rand index, the fraction of pairs of points
    /// on which two labellings agree (same cluster in both, or different in both), rescaled so that
    /// random labellings score 0 in expectation and identical ones 1:
    /// $$\text{ARI} = \frac{I - E}{M - E}, \quad I = \sum_{ij}\tbinom{n_{ij}}{2}, \quad
    /// E = \frac{\sum_i\binom{a_i}{2}\sum_j\binom{b_j}{2}}{\binom m2}, \quad
    /// M = \tfrac12\Bigl[\sum_i\tbinom{a_i}{2} + \sum_j\tbinom{b_j}{2}\Bigr],$$
    /// with $n_{ij}$ the contingency table and $a_i$, $b_j$ its row and column sums.
    ///
    /// @param a the first labelling
    /// @param b the second
    /// @return the ARI, 1 for identical partitions (whatever the names of the clusters)
    public static double adjustedRandIndex(int[] a, int[] b) {
        ClassificationMetrics.check(a, b);
        int[][] n = ClassificationMetrics.confusionMatrix(a, b);
        double index = 0;
        double rows = 0;
        double cols = 0;
        for (int i = 0; i < n.length; i++) {
            int rowSum = 0;
            int colSum = 0;
            for (int j = 0; j < n.length; j++) {
                index += pairs(n[i][j]);
                rowSum += n[i][j];
                colSum += n[j][i];
            }
            rows += pairs(rowSum);
            cols += pairs(colSum);
        }
        double expected = rows * cols / pairs(a.length);
        double max = (rows + cols) / 2;
        if (max == expected) { // both labellings put everything in one cluster, or each point alone
            return 1;
        }
        return (index - expected) / (max - expected);
    }

    private static double pairs(long n) {
        return n * (n - 1) / 2.0;
    }

    private static double distance(double[] p, double[] q) {
        double s = 0;
        for (int j = 0; j < p.length; j++) {
            s += (p[j] - q[j]) * (p[j] - q[j]);
        }
        return Math.sqrt(s);
    }
}
