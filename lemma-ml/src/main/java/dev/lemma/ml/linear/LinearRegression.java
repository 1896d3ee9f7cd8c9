package dev.lemma.ml.linear;

import dev.lemma.data.Dataset;
import dev.lemma.linalg.Matrix;
import dev.lemma.linalg.Vector;
import dev.lemma.ml.Inputs;
import dev.lemma.ml.Learner;
import dev.lemma.numeric.NotPositiveDefiniteException;
import dev.lemma.optim.GradientDescent;
import dev.lemma.optim.Objective;
import dev.lemma.optim.OptimizationResult;
import dev.lemma.optim.Status;
import java.util.Map;

/// Ordinary least squares, scikit-learn's `LinearRegression`: the $w$ and $b$ that minimise
/// $\sum_i (y_i - x_i^\top w - b)^2$, by one of four solvers that chapter 8 compares:
/// - [Solver#NORMAL_EQUATION]: solve $X^\top X w = X^\top y$ by Cholesky. Fast ($O(md^2 + d^3)$) but it squares
///   the condition number, $\kappa(X^\top X) = \kappa(X)^2$, and fails on collinear features;
/// - [Solver#QR]: Householder QR of $X$, $Rw = Q^\top y$. Backward stable, $\kappa(X)$ not squared;
/// - [Solver#SVD]: $w = X^+ y$, the minimum-norm solution, defined even when the features are collinear
///   (what scikit-learn computes, through LAPACK's `gelsd`);
/// - [Solver#GRADIENT_DESCENT]: gradient descent on $\frac{1}{2m}\|Xw - y\|^2$ with the optimal fixed step
///   $2/(L + \mu)$ from the extreme eigenvalues of $X^\top X/m$; converges at rate $(\kappa - 1)/(\kappa + 1)$
///   (chapter 5), slowly when the features are badly scaled.
///
/// The intercept is fitted by centring (see `Centered`): $b = \bar y - \bar x^\top w$.
///
/// @param solver the solver
/// @param fitIntercept whether to fit $b$ (otherwise $b = 0$)
public record LinearRegression(Solver solver, boolean fitIntercept) implements Learner<LinearRegressor> {

    /// How the least-squares problem is solved.
    public enum Solver {
        /// The normal equations by Cholesky.
        NORMAL_EQUATION,
        /// Householder QR.
        QR,
        /// The pseudo-inverse by SVD (minimum-norm solution).
        SVD,
        /// Gradient descent with the optimal fixed step.
        GRADIENT_DESCENT
    }

    /// Checks the settings.
    ///
    /// @throws IllegalArgumentException if the solver is missing
    public LinearRegression {
        if (solver == null) {
            throw new IllegalArgumentException(
                    "LinearRegression: solver must be one of NORMAL_EQUATION, QR, SVD," + " GRADIENT_DESCENT");
        }
    }

    /// scikit-learn's defaults: the SVD solver and an intercept.
    public LinearRegression() {
        this(Solver.SVD, true);
    }

    @Override
    public LinearRegressor fit(Dataset data) {
        double[] y = data.target();
        Inputs.training("linear-regression", data, y);
        Centered c = Centered.of(data.features(), y, fitIntercept);
        double[] w = switch (solver) {
            case NORMAL_EQUATION -> normalEquation(c.x(), c.y(), 0);
            case QR -> c.x().leastSquares(Vector.of(c.y())).toArray();
            case SVD -> c.x().pseudoInverse().times(Vector.of(c.y())).toArray();
            case GRADIENT_DESCENT -> gradientDescent(c.x(), c.y());
        };
        return new LinearRegressor(
                "linear-regression",
                Map.of(
                        "solver",
                        solver.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                        "fit_intercept",
                        fitIntercept),
                w,
                c.intercept(w));
    }

    /// $(X^\top X + \alpha I) w = X^\top y$ by Cholesky.
    static double[] normalEquation(Matrix x, double[] y, double alpha) {
        Matrix gram = x.transpose().times(x);
        if (alpha > 0) {
            gram = gram.plus(Matrix.identity(x.cols()).times(alpha));
        }
        try {
            return gram.cholesky().solve(x.transpose().times(Vector.of(y))).toArray();
        } catch (NotPositiveDefiniteException e) {
            throw new IllegalArgumentException(
                    "the normal equations are singular: the features are linearly dependent" + " (" + e.getMessage()
                            + "); use the svd solver, or ridge regression",
                    e);
        }
    }

    private static double[] gradientDescent(Matrix x, double[] y) {
        int m = x.rows();
        Matrix gram = x.transpose().times(x).times(1.0 / m);
        Vector xty = x.transpose().times(Vector.of(y)).times(1.0 / m);
        Vector eig = gram.symmetricEigen().values();
        double mu = eig.get(0);
        double l = eig.get(eig.size() - 1);
        if (!(mu > 1e-12 * l)) {
            throw new IllegalArgumentException("gradient descent needs linearly independent features: the smallest"
                    + " eigenvalue of XᵀX/m is " + mu + " (the largest " + l + "); use the svd solver or ridge");
        }
        // f(w) = (1/2m)‖Xw − y‖², ∇f = (XᵀX/m) w − Xᵀy/m, written with the d×d Gram matrix.
        Objective f = Objective.of(
                w -> {
                    Vector r = x.times(Vector.of(w)).minus(Vector.of(y));
                    return r.dot(r) / (2 * m);
                },
                w -> gram.times(Vector.of(w)).minus(xty).toArray());
        double tolerance = 1e-10 * Math.max(1, xty.norm2());
        OptimizationResult r = new GradientDescent(2 / (l + mu), GradientDescent.Rule.FIXED, 1_000_000, tolerance)
                .minimize(f, new double[x.cols()]);
        if (r.status() != Status.CONVERGED) {
            throw new IllegalStateException("gradient descent did not converge: " + r.reason() + " (κ = " + l / mu
                    + "; standardise the features or use another solver)");
        }
        return r.x();
    }
}
