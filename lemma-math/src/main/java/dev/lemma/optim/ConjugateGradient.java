package dev.lemma.optim;

import dev.lemma.linalg.Matrix;
import dev.lemma.linalg.Vector;
import dev.lemma.numeric.DimensionMismatchException;

/// Linear conjugate gradients: solves $Ax = b$ for symmetric positive definite $A$, that is, minimises
/// $f(x) = \tfrac12 x^\top A x - b^\top x$, using $A$ only through products $Ap$.
///
/// With the residual $r = b - Ax = -\nabla f(x)$ (Nocedal and Wright, Algorithm 5.2):
/// $$\alpha_k = \frac{r_k^\top r_k}{p_k^\top A p_k}, \quad x_{k+1} = x_k + \alpha_k p_k, \quad
///   r_{k+1} = r_k - \alpha_k A p_k, \quad \beta_{k+1} = \frac{r_{k+1}^\top r_{k+1}}{r_k^\top r_k}, \quad
///   p_{k+1} = r_{k+1} + \beta_{k+1} p_k,$$
/// from $p_0 = r_0$. The directions are $A$-conjugate ($p_i^\top A p_j = 0$ for $i \ne j$) and each step
/// minimises $f$ exactly along its direction, so $x_k$ minimises $f$ over $x_0$ plus the Krylov space
/// $\operatorname{span}\{r_0, A r_0, \dots, A^{k-1} r_0\}$. In exact arithmetic it therefore ends in at
/// most $n$ steps, and in at most $k$ when $A$ has $k$ distinct eigenvalues (Nocedal and Wright,
/// Theorems 5.1 and 5.4); in floating point the same holds to rounding for well-conditioned $A$.
///
/// The value is carried by the recurrence $f(x_{k+1}) = f(x_k) - \tfrac12 \alpha_k r_k^\top r_k$ (the
/// decrease of an exact line search), and the gradient by $-r_k$, so one iteration costs one product
/// $Ap_k$ and the objective is evaluated once, at $x_0$ (`evaluations` is 1). Stops when
/// $\|r_k\|_2 \le$ `tolerance` $\cdot \|r_0\|_2$ (relative to $\|b\|$ when $x_0 = 0$).
///
/// Reference: M. R. Hestenes and E. Stiefel, "Methods of conjugate gradients for solving linear systems",
/// *J. Research of the National Bureau of Standards* 49(6), 1952, 409–436; J. Nocedal and S. J. Wright,
/// *Numerical Optimization*, 2nd ed., Springer 2006, §5.1, Algorithm 5.2.
///
/// Book: chapter 5, "Conjugate gradients".
///
/// @param maxIterations the iteration limit
/// @param tolerance the relative residual at which to stop, $\ge 0$
public record ConjugateGradient(int maxIterations, double tolerance) implements Optimizer {

    /// Checks the settings.
    ///
    /// @throws IllegalArgumentException naming a negative limit or tolerance
    public ConjugateGradient {
        Stepping.checkLimits("ConjugateGradient", maxIterations, tolerance);
    }

    /// Defaults: 10 000 iterations, relative tolerance $10^{-10}$.
    public ConjugateGradient() {
        this(10_000, 1e-10);
    }

    /// Solves $Ax = b$ from $x_0$.
    ///
    /// @param a $A$, symmetric positive definite, $n \times n$
    /// @param b $b$, of length $n$
    /// @param x0 the starting point, of length $n$
    /// @return the result: `x` solves the system when the status is [Status#CONVERGED]
    /// @throws DimensionMismatchException if the shapes disagree
    public OptimizationResult solve(Matrix a, double[] b, double[] x0) {
        int n = a.rows();
        if (a.cols() != n || b.length != n || x0.length != n) {
            throw new DimensionMismatchException(
                    "ConjugateGradient: A is " + a.rows() + "×" + a.cols() + ", b has length " + b.length
                            + " and x0 has length " + x0.length + "; need A square and both of its size");
        }
        double[] bb = b.clone();
        Objective quadratic = new Objective() {
            @Override
            public double value(double[] x) {
                return 0.5 * Flat.dot(x, a.times(Vector.of(x)).toArray()) - Flat.dot(bb, x);
            }

            @Override
            public double[] gradient(double[] x) {
                return Flat.minus(a.times(Vector.of(x)).toArray(), bb);
            }

            @Override
            public Matrix hessian(double[] x) {
                return a;
            }

            @Override
            public double[] hessianVector(double[] x, double[] v) {
                return a.times(Vector.of(v)).toArray();
            }
        };
        return minimize(quadratic, x0);
    }

    /// Minimises a quadratic objective matrix-free: $A$ enters only through `f.hessianVector` (taken at
    /// $x_0$; for a quadratic it is the same everywhere) and $b$ through $r_0 = -\nabla f(x_0)$. On an
    /// objective that is not quadratic this runs CG on its second-order model at $x_0$.
    ///
    /// @param f a quadratic objective with positive definite Hessian
    /// @param x0 the starting point
    /// @return the result; [Status#STALLED] if a direction of non-positive curvature appears
    @Override
    public OptimizationResult minimize(Objective f, double[] x0) {
        Recorder run = new Recorder(f);
        double[] x = x0.clone();
        Objective.Evaluation e = run.evaluate(x);
        double[] r = Flat.negate(e.gradient());
        double[] p = r.clone();
        double rr = Flat.dot(r, r);
        double value = e.value();
        double target = tolerance * Math.sqrt(rr);
        for (int k = 0; ; k++) {
            OptimizationResult done = run.record(
                    k, x, new Objective.Evaluation(value, Flat.negate(r)), Math.sqrt(rr), "‖r‖", target, maxIterations);
            if (done != null) {
                return done;
            }
            double[] ap = f.hessianVector(x0, p);
            double curvature = Flat.dot(p, ap);
            if (!(curvature > 0)) {
                return run.stop(
                        x,
                        value,
                        Math.sqrt(rr),
                        Status.STALLED,
                        "pᵀAp = " + curvature + " at iteration " + k + ": A is not positive definite",
                        k);
            }
            double alpha = rr / curvature;
            x = Flat.along(x, p, alpha);
            r = Flat.along(r, ap, -alpha);
            value -= 0.5 * alpha * rr;
            double rrNext = Flat.dot(r, r);
            p = Flat.along(r, p, rrNext / rr);
            rr = rrNext;
        }
    }
}
