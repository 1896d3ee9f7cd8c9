package dev.lemma.ml.linear;

import dev.lemma.linalg.Matrix;

/// Features and target with their means removed, for fitting an intercept without penalising it: with
/// $\bar x$, $\bar y$ the means, the best $w$ for the centred data is the best $w$ for the original, and
/// then $b = \bar y - \bar x^\top w$ (the normal equation for $b$).
///
/// @param x the centred features $X - \mathbf 1 \bar x^\top$
/// @param y the centred target $y - \bar y$
/// @param xMean $\bar x$ (zeros without intercept)
/// @param yMean $\bar y$ (0 without intercept)
@SuppressWarnings("ArrayRecordComponent") // internal to the fits
record Centered(Matrix x, double[] y, double[] xMean, double yMean) {

    static Centered of(Matrix features, double[] target, boolean fitIntercept) {
        int m = features.rows();
        int d = features.cols();
        double[] xMean = new double[d];
        double yMean = 0;
        double[][] x = features.toArray();
        double[] y = target.clone();
        if (fitIntercept) {
            for (double[] row : x) {
                for (int j = 0; j < d; j++) {
                    xMean[j] += row[j];
                }
            }
            for (int j = 0; j < d; j++) {
                xMean[j] /= m;
            }
            for (double v : y) {
                yMean += v;
            }
            yMean /= m;
            for (double[] row : x) {
                for (int j = 0; j < d; j++) {
                    row[j] -= xMean[j];
                }
            }
            for (int i = 0; i < m; i++) {
                y[i] -= yMean;
            }
        }
        return new Centered(Matrix.of(x), y, xMean, yMean);
    }

    /// $b = \bar y - \bar x^\top w$.
    double intercept(double[] w) {
        double b = yMean;
        for (int j = 0; j < w.length; j++) {
            b -= xMean[j] * w[j];
        }
        return b;
    }
}
