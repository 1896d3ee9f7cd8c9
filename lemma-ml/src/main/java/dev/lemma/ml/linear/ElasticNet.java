package dev.lemma.ml.linear;

import dev.lemma.data.Dataset;
import dev.lemma.linalg.Matrix;
import dev.lemma.ml.Inputs;
import dev.lemma.ml.Learner;
import java.util.LinkedHashMap;
import java.util.Map;

/// The elastic net, scikit-learn's `ElasticNet` (and, with `l1Ratio = 1`, its `Lasso`): least squares with
/// an L1 and an L2 penalty,
/// $$\min_{w, b}\ \frac{1}{2m}\|y - Xw - b\mathbf 1\|^2 + \alpha\rho\|w\|_1 + \frac{\alpha(1 - \rho)}{2}\|w\|^2,$$
/// $\rho$ = `l1Ratio`. The L1 term sets coefficients exactly to zero (feature selection); the L2 term
/// keeps groups of correlated features together and makes the problem strictly convex.
///
/// Solved by cyclic coordinate descent, as scikit-learn does: with the residual $r = y - Xw$ kept up to
/// date, each coordinate's exact minimiser given the others is
/// $$w_j \leftarrow \frac{S\bigl(\tfrac1m x_j^\top r + z_j w_j,\ \alpha\rho\bigr)}{z_j + \alpha(1 - \rho)}, \qquad
/// z_j = \tfrac1m\|x_j\|^2, \quad S(u, t) = \operatorname{sign}(u)\max(|u| - t, 0),$$
/// the soft-threshold (chapter 5 derives it; `dev.lemma.optim.CoordinateDescent#lasso` is the plain
/// lasso form). Sweeps stop when the largest change of a coefficient in a sweep is below `tolerance`
/// times the largest coefficient. The intercept is fitted by centring, unpenalised.
///
/// Book: chapter 5, "Coordinate descent" and "Regularisation as constraint and as prior".
///
/// @param alpha $\alpha \ge 0$
/// @param l1Ratio $\rho \in [0, 1]$
/// @param maxIterations the sweep limit
/// @param tolerance the relative change that ends the sweeps
/// @param fitIntercept whether to fit $b$
public record ElasticNet(double alpha, double l1Ratio, int maxIterations, double tolerance, boolean fitIntercept)
        implements Learner<LinearRegressor> {

    /// Checks the settings.
    ///
    /// @throws IllegalArgumentException naming a setting out of range
    public ElasticNet {
        if (!(alpha >= 0) || Double.isInfinite(alpha)) {
            throw new IllegalArgumentException("ElasticNet: alpha must be finite and ≥ 0, got " + alpha);
        }
        if (!(l1Ratio >= 0 && l1Ratio <= 1)) {
            throw new IllegalArgumentException("ElasticNet: l1_ratio must be in [0, 1], got " + l1Ratio);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("ElasticNet: max_iter must be ≥ 1, got " + maxIterations);
        }
        if (!(tolerance > 0)) {
            throw new IllegalArgumentException("ElasticNet: tol must be > 0, got " + tolerance);
        }
    }

    /// scikit-learn's defaults: $\alpha = 1$, $\rho = 0.5$, 1 000 sweeps, tolerance $10^{-4}$, intercept.
    public ElasticNet() {
        this(1.0, 0.5, 1_000, 1e-4, true);
    }

    /// The lasso, $\rho = 1$, with scikit-learn's other defaults.
    ///
    /// @param alpha $\alpha$
    /// @return the learner
    public static ElasticNet lasso(double alpha) {
        return new ElasticNet(alpha, 1.0, 1_000, 1e-4, true);
    }

    @Override
    public LinearRegressor fit(Dataset data) {
        double[] y = data.target();
        Inputs.training(kind(), data, y);
        Centered c = Centered.of(data.features(), y, fitIntercept);
        double[] w = descend(c.x(), c.y(), alpha, new double[data.dimension()]);
        return new LinearRegressor(kind(), parameters(), w, c.intercept(w));
    }

    /// The regularisation path: the coefficients for each $\alpha$, from the largest down, each fit
    /// starting from the previous one's coefficients (warm starts, as scikit-learn's `enet_path`).
    ///
    /// @param data the training data
    /// @param alphas the penalties, in the order given (largest first is fastest)
    /// @return `coefficients[i]` = $w$ at `alphas[i]`
    public double[][] path(Dataset data, double[] alphas) {
        double[] y = data.target();
        Inputs.training(kind(), data, y);
        Centered c = Centered.of(data.features(), y, fitIntercept);
        double[][] path = new double[alphas.length][];
        double[] w = new double[data.dimension()];
        for (int i = 0; i < alphas.length; i++) {
            w = descend(c.x(), c.y(), alphas[i], w);
            path[i] = w.clone();
        }
        return path;
    }

    /// The smallest $\alpha$ at which every coefficient is zero: $\alpha_{\max} = \max_j |x_j^\top y| / (m\rho)$
    /// on centred data (the subgradient condition at $w = 0$). Infinite for $\rho = 0$.
    ///
    /// @param data the training data
    /// @return $\alpha_{\max}$
    public double alphaMax(Dataset data) {
        Centered c = Centered.of(data.features(), data.target(), fitIntercept);
        double max = 0;
        for (int j = 0; j < data.dimension(); j++) {
            double s = 0;
            for (int i = 0; i < data.size(); i++) {
                s += c.x().get(i, j) * c.y()[i];
            }
            max = Math.max(max, Math.abs(s));
        }
        return max / (data.size() * l1Ratio);
    }

    private double[] descend(Matrix x, double[] y, double a, double[] start) {
        int m = x.rows();
        int d = x.cols();
        double[] cols = x.transpose().toRowMajorArray(); // column j at [j·m, (j+1)·m)
        double[] z = new double[d];
        for (int j = 0; j < d; j++) {
            for (int i = 0; i < m; i++) {
                z[j] += cols[j * m + i] * cols[j * m + i];
            }
            z[j] /= m;
        }
        double[] w = start.clone();
        double[] r = y.clone();
        for (int j = 0; j < d; j++) {
            if (w[j] != 0) {
                for (int i = 0; i < m; i++) {
                    r[i] -= cols[j * m + i] * w[j];
                }
            }
        }
        double l1 = a * l1Ratio;
        double l2 = a * (1 - l1Ratio);
        for (int sweep = 0; sweep < maxIterations; sweep++) {
            double largestChange = 0;
            double largestCoefficient = 0;
            for (int j = 0; j < d; j++) {
                if (z[j] == 0) {
                    continue; // a constant column: its coefficient stays 0
                }
                double dot = 0;
                for (int i = 0; i < m; i++) {
                    dot += cols[j * m + i] * r[i];
                }
                double u = dot / m + z[j] * w[j];
                double updated = Math.signum(u) * Math.max(Math.abs(u) - l1, 0) / (z[j] + l2);
                double change = updated - w[j];
                if (change != 0) {
                    for (int i = 0; i < m; i++) {
                        r[i] -= cols[j * m + i] * change;
                    }
                    w[j] = updated;
                }
                largestChange = Math.max(largestChange, Math.abs(change));
                largestCoefficient = Math.max(largestCoefficient, Math.abs(updated));
            }
            if (largestChange <= tolerance * Math.max(largestCoefficient, Double.MIN_NORMAL)) {
                return w;
            }
        }
        throw new IllegalStateException(kind() + ": coordinate descent did not converge in " + maxIterations
                + " sweeps (alpha = " + a + "); raise max_iter or tol, or standardise the features");
    }

    private String kind() {
        return l1Ratio == 1 ? "lasso" : "elastic-net";
    }

    private Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("alpha", alpha);
        if (l1Ratio != 1) {
            p.put("l1_ratio", l1Ratio);
        }
        p.put("max_iter", maxIterations);
        p.put("tol", tolerance);
        p.put("fit_intercept", fitIntercept);
        return p;
    }
}
