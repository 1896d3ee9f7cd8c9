package dev.lemma.ml.metrics;

/// Errors of numeric predictions $\hat y$ against the truth $y$, as scikit-learn defines them:
/// $$\text{MSE} = \frac1m \sum (y_i - \hat y_i)^2, \quad \text{MAE} = \frac1m \sum |y_i - \hat y_i|, \quad
/// R^2 = 1 - \frac{\sum (y_i - \hat y_i)^2}{\sum (y_i - \bar y)^2}.$$
/// $R^2$ is 1 for a perfect fit, 0 for predicting the mean, and negative for worse; when $y$ is constant
/// it is 1 if the fit is perfect and 0 otherwise (scikit-learn's convention).
///
/// Book: chapter 8, "Evaluating a model".
public final class RegressionMetrics {
    private RegressionMetrics() {}

    /// @param truth $y$
    /// @param predicted $\hat y$
    /// @return the mean squared error
    public static double mse(double[] truth, double[] predicted) {
        check(truth, predicted);
        double s = 0;
        for (int i = 0; i < truth.length; i++) {
            double r = truth[i] - predicted[i];
            s += r * r;
        }
        return s / truth.length;
    }

    /// @param truth $y$
    /// @param predicted $\hat y$
    /// @return $\sqrt{\text{MSE}}$, in the units of $y$
    public static double rmse(double[] truth, double[] predicted) {
        return Math.sqrt(mse(truth, predicted));
    }

    /// @param truth $y$
    /// @param predicted $\hat y$
    /// @return the mean absolute error
    public static double mae(double[] truth, double[] predicted) {
        check(truth, predicted);
        double s = 0;
        for (int i = 0; i < truth.length; i++) {
            s += Math.abs(truth[i] - predicted[i]);
        }
        return s / truth.length;
    }

    /// @param truth $y$
    /// @param predicted $\hat y$
    /// @return the coefficient of determination $R^2$
    public static double r2(double[] truth, double[] predicted) {
        check(truth, predicted);
        double mean = 0;
        for (double v : truth) {
            mean += v;
        }
        mean /= truth.length;
        double residual = 0;
        double total = 0;
        for (int i = 0; i < truth.length; i++) {
            residual += (truth[i] - predicted[i]) * (truth[i] - predicted[i]);
            total += (truth[i] - mean) * (truth[i] - mean);
        }
        if (total == 0) {
            return residual == 0 ? 1 : 0;
        }
        return 1 - residual / total;
    }

    private static void check(double[] truth, double[] predicted) {
        if (truth.length != predicted.length || truth.length == 0) {
            throw new IllegalArgumentException("there are " + truth.length + " true values and " + predicted.length
                    + " predictions (need the same number, at least one)");
        }
        for (int i = 0; i < truth.length; i++) {
            if (!Double.isFinite(truth[i]) || !Double.isFinite(predicted[i])) {
                throw new IllegalArgumentException("example " + i + " has true value " + truth[i] + " and prediction "
                        + predicted[i] + "; both must be finite");
            }
        }
    }
}
