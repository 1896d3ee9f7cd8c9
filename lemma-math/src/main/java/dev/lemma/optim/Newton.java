package dev.lemma.optim;

import dev.lemma.linalg.Matrix;
import dev.lemma.linalg.Vector;
import dev.lemma.numeric.NotPositiveDefiniteException;
import dev.lemma.numeric.SingularMatrixException;

/// Newton's method: minimise the second-order model $f(x) + g^\top d + \tfrac12 d^\top H d$ at each step,
/// $d = -H^{-1} g$ with $g = \nabla f(x_k)$, $H = \nabla^2 f(x_k)$.
///
/// Near a minimiser where the Hessian is positive definite and Lipschitz, the error squares at every step,
/// $\|x_{k+1} - x^\star\| \le C\,\|x_k - x^\star\|^2$: the number of correct digits doubles (chapter 5
/// proves it; `NewtonTest` measures the order). Far from it, the pure step can climb, jump, or head for a
/// saddle or a maximum, where $H$ is indefinite. Two variants:
/// - [Variant#PURE]: $x_{k+1} = x_k + d$, the method of the theorem;
/// - [Variant#DAMPED]: the Hessian is made positive definite by adding $\tau I$ (the smallest
///   $\tau \in \{0, \tau_0, 2\tau_0, 4\tau_0, \dots\}$ for which Cholesky succeeds), so $d$ is a descent
///   direction, and the step length comes from Armijo backtracking from 1. Near the minimiser $\tau = 0$
///   and $t = 1$: it becomes the pure method and keeps its quadratic rate.
///
/// Each iteration evaluates the Hessian once ([Objective#hessian]; exact when the objective provides it,
/// else by differences of the gradient) and factors it, $O(n^3)$: for large $n$ see [LBFGS].
///
/// Reference: J. Nocedal and S. J. Wright, *Numerical Optimization*, 2nd ed., Springer 2006, Theorem 3.5
/// (quadratic convergence) and Algorithm 3.3 (Cholesky with added multiple of the identity).
///
/// Book: chapter 5, "Newton's method".
///
/// @param variant pure or damped
/// @param maxIterations the iteration limit
/// @param tolerance stop when $\|\nabla f\|_2 \le$ `tolerance`
public record Newton(Variant variant, int maxIterations, double tolerance) implements Optimizer {

    /// Which Newton step.
    public enum Variant {
        /// The full step $-H^{-1}g$; stops (stalled) if $H$ is singular.
        PURE,
        /// A modified Hessian $H + \tau I \succ 0$ and an Armijo line search.
        DAMPED
    }

    /// Checks the settings.
    ///
    /// @throws IllegalArgumentException naming a setting out of range
    public Newton {
        if (variant == null) {
            throw new IllegalArgumentException("Newton: variant must be PURE or DAMPED, got null");
        }
        Stepping.checkLimits("Newton", maxIterations, tolerance);
    }

    /// Defaults: the damped variant, 200 iterations, tolerance $10^{-10}$ (Newton gets there in a few
    /// steps once close, so a tight tolerance is cheap).
    public Newton() {
        this(Variant.DAMPED, 200, 1e-10);
    }

    @Override
    public OptimizationResult minimize(Objective f, double[] x0) {
        Recorder run = new Recorder(f);
        LineSearch armijo = LineSearch.armijo();
        double[] x = x0.clone();
        Objective.Evaluation e = run.evaluate(x);
        for (int k = 0; ; k++) {
            OptimizationResult done = run.record(k, x, e, tolerance, maxIterations);
            if (done != null) {
                return done;
            }
            double[] g = e.gradient();
            Matrix h = f.hessian(x);
            h = h.plus(h.transpose()).times(0.5); // exactly symmetric: sums in another order differ by rounding
            double[] d;
            if (variant == Variant.PURE) {
                try {
                    d = Flat.negate(h.solve(Vector.of(g)).toArray());
                } catch (SingularMatrixException ex) {
                    return run.stop(
                            x,
                            e.value(),
                            Trouble.norm(g),
                            Status.STALLED,
                            "the Hessian is singular at iteration " + k + ": " + ex.getMessage(),
                            k);
                }
                x = Flat.along(x, d, 1);
                e = run.evaluate(x);
            } else {
                d = Flat.negate(positiveDefinite(h, k).solve(Vector.of(g)).toArray());
                LineSearch.Step s = armijo.search(run.objective(), x, e, d, 1);
                if (!s.satisfied()) {
                    return run.stalled(x, e, k, "");
                }
                x = s.x();
                e = s.evaluation();
            }
        }
    }

    /// The Cholesky factor of $H + \tau I$ for the smallest $\tau$ of the sequence $0, \tau_0, 2\tau_0,
    /// \dots$ that is positive definite, $\tau_0 = \max(10^{-3}\|H\|_F, -\min_i H_{ii} + 10^{-3}\|H\|_F)$
    /// when $H$ itself is not.
    private static dev.lemma.linalg.Cholesky positiveDefinite(Matrix h, int iteration) {
        int n = h.rows();
        double beta = 1e-3 * Math.max(h.normFrobenius(), Double.MIN_NORMAL);
        double minDiagonal = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            minDiagonal = Math.min(minDiagonal, h.get(i, i));
        }
        double tau = minDiagonal > 0 ? 0 : beta - minDiagonal;
        for (int attempt = 0; attempt < 200; attempt++) {
            try {
                return (tau == 0 ? h : h.plus(Matrix.identity(n).times(tau))).cholesky();
            } catch (NotPositiveDefiniteException ex) {
                tau = Math.max(2 * tau, beta);
            }
        }
        throw new IllegalStateException("Newton: no multiple of the identity made the Hessian positive definite at"
                + " iteration " + iteration + " (is it finite?)");
    }
}
