package dev.lemma.ml.linear;

import dev.lemma.data.Dataset;
import dev.lemma.linalg.Matrix;
import dev.lemma.linalg.Svd;
import dev.lemma.linalg.Vector;
import dev.lemma.ml.Inputs;
import dev.lemma.ml.Learner;
import dev.lemma.optim.LBFGS;
import dev.lemma.optim.Objective;
import dev.lemma.optim.OptimizationResult;
import dev.lemma.optim.Status;
import java.util.Map;

/// Ridge regression, scikit-learn's `Ridge`: the $w$, $b$ minimising
/// $\|y - Xw - b\mathbf 1\|^2 + \alpha\|w\|^2$ (the intercept is not penalised). Setting the gradient to
/// zero on centred data gives $(X^\top X + \alpha I)\,w = X^\top y$, which has a unique solution for every
/// $\alpha > 0$, however collinear the features: the penalty lifts every eigenvalue of $X^\top X$ by
/// $\alpha$. Solvers:
/// - [Solver#CHOLESKY]: the closed form by Cholesky (scikit-learn's choice here);
/// - [Solver#SVD]: with $X = U \Sigma V^\top$, $w = V \operatorname{diag}\bigl(\frac{\sigma_i}{\sigma_i^2 +
///   \alpha}\bigr) U^\top y$: the filter factors that shrink the directions of small singular value most;
/// - [Solver#LBFGS]: the iterative solver, L-BFGS on $\tfrac12\|Xw - y\|^2 + \tfrac\alpha2\|w\|^2$ without
///   forming $X^\top X$ (two products with $X$ per gradient), stopped when the gradient is below
///   $10^{-10}\,\|X^\top y\|$, or where rounding stops the line search with the gradient below
///   $10^{-6}\,\|X^\top y\|$.
///
/// Book: chapter 5, "Regularisation as constraint and as prior"; `book/models/`.
///
/// @param alpha $\alpha \ge 0$
/// @param solver the solver
/// @param fitIntercept whether to fit $b$
public record Ridge(double alpha, Solver solver, boolean fitIntercept) implements Learner<LinearRegressor> {

    /// How the penalised normal equations are solved.
    public enum Solver {
        /// Cholesky of $X^\top X + \alpha I$.
        CHOLESKY,
        /// The SVD of $X$ with filter factors.
        SVD,
        /// L-BFGS, matrix-free.
        LBFGS
    }

    /// Checks the settings.
    ///
    /// @throws IllegalArgumentException naming a negative or non-finite alpha, or a missing solver
    public Ridge {
        if (!(alpha >= 0) || Double.isInfinite(alpha)) {
            throw new IllegalArgumentException("Ridge: alpha must be finite and ≥ 0, got " + alpha);
        }
        if (solver == null) {
            throw new IllegalArgumentException("Ridge: solver must be one of CHOLESKY, SVD, LBFGS");
        }
    }

    /// scikit-learn's defaults: $\alpha = 1$, Cholesky, an intercept.
    public Ridge() {
        this(1.0, Solver.CHOLESKY, true);
    }

    /// With the given penalty, Cholesky and an intercept.
    ///
    /// @param alpha $\alpha$
    public Ridge(double alpha) {
        this(alpha, Solver.CHOLESKY, true);
    }

    @Override
    public LinearRegressor fit(Dataset data) {
        double[] y = data.target();
        Inputs.training("ridge", data, y);
        Centered c = Centered.of(data.features(), y, fitIntercept);
        double[] w = switch (solver) {
            case CHOLESKY -> LinearRegression.normalEquation(c.x(), c.y(), alpha);
            case SVD -> svd(c.x(), c.y(), alpha);
            case LBFGS -> lbfgs(c.x(), c.y(), alpha);
        };
        return new LinearRegressor(
                "ridge",
                Map.of(
                        "alpha",
                        alpha,
                        "solver",
                        solver.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                        "fit_intercept",
                        fitIntercept),
                w,
                c.intercept(w));
    }

    private static double[] svd(Matrix x, double[] y, double alpha) {
        Svd s = x.svd();
        Vector uty = s.u().transpose().times(Vector.of(y));
        double[] filtered = new double[s.singularValues().size()];
        for (int i = 0; i < filtered.length; i++) {
            double sigma = s.singularValues().get(i);
            filtered[i] = sigma == 0 ? 0 : sigma / (sigma * sigma + alpha) * uty.get(i);
        }
        return s.v().times(Vector.of(filtered)).toArray();
    }

    private static double[] lbfgs(Matrix x, double[] y, double alpha) {
        Matrix xt = x.transpose();
        Vector target = Vector.of(y);
        Objective f = Objective.of(
                w -> {
                    Vector r = x.times(Vector.of(w)).minus(target);
                    return 0.5 * r.dot(r) + 0.5 * alpha * Vector.of(w).dot(Vector.of(w));
                },
                w -> xt.times(x.times(Vector.of(w)).minus(target))
                        .plus(Vector.of(w).times(alpha))
                        .toArray());
        double scale = Math.max(1, xt.times(target).norm2());
        OptimizationResult r = new LBFGS(10, 100_000, 1e-10 * scale).minimize(f, new double[x.cols()]);
        // Near the minimum f changes by less than its rounding error, and the line search can stall before
        // the gradient test holds; a gradient within 1e-6 of the scale is then as close as doubles get.
        boolean atRoundingFloor = r.status() == Status.STALLED && r.gradientNorm() <= 1e-6 * scale;
        if (r.status() != Status.CONVERGED && !atRoundingFloor) {
            throw new IllegalStateException("ridge: L-BFGS did not converge: " + r.reason());
        }
        return r.x();
    }
}
