package dev.lemma.optim;

/// Projected gradient descent on a [ConvexSet] $C$: a gradient step, then back onto the set,
/// $x_{k+1} = P_C\bigl(x_k - t_k\,\nabla f(x_k)\bigr)$, with one of two rules for $t_k$:
/// - [Rule#FIXED]: $t_k = \eta$ (converges for $\eta < 2/L$ when $\nabla f$ is $L$-Lipschitz);
/// - [Rule#ARMIJO]: the Armijo rule *along the projection arc* $x(t) = P_C(x - t\nabla f(x))$, trying
///   $t = \eta, \eta/2, \eta/4, \dots$ until $f(x(t)) \le f(x) + \sigma\,\nabla f(x)^\top (x(t) - x)$ with
///   $\sigma = 10^{-4}$. The path bends where it meets the boundary, so this is not a line search
///   along one direction; the right-hand side is negative unless $x$ is stationary.
///
/// The run starts from $P_C(x_0)$. At a constrained minimiser $\nabla f$ need not vanish (it points out
/// of the set), so the stopping test is on the norm of the *gradient mapping* with unit step,
/// $\|x - P_C(x - \nabla f(x))\|_2 \le$ `tolerance`: this is zero exactly at the points satisfying the
/// first-order condition $\nabla f(x)^\top (y - x) \ge 0$ for all $y \in C$. The result's `gradientNorm`
/// is still $\|\nabla f\|_2$.
///
/// Reference: D. P. Bertsekas, *Nonlinear Programming*, 2nd ed., Athena Scientific 1999, §2.3
/// (the gradient projection method, Armijo rule along the projection arc).
///
/// Book: chapter 5, "Constraints".
///
/// @param step $\eta > 0$ (the first trial step with Armijo)
/// @param rule how the step is chosen
/// @param maxIterations the iteration limit
/// @param tolerance stop when $\|x - P_C(x - \nabla f(x))\|_2 \le$ `tolerance`
/// @param set the feasible set $C$
public record ProjectedGradient(double step, Rule rule, int maxIterations, double tolerance, ConvexSet set)
        implements Optimizer {

    /// The sufficient-decrease constant $\sigma$ of the Armijo rule (Bertsekas's usual $10^{-4}$).
    private static final double SIGMA = 1e-4;

    /// How projected gradient chooses its step.
    public enum Rule {
        /// The fixed step $\eta$.
        FIXED,
        /// Armijo backtracking along the projection arc, from $\eta$, halving.
        ARMIJO
    }

    /// Checks the settings.
    ///
    /// @throws IllegalArgumentException naming a setting out of range, or a missing rule or set
    public ProjectedGradient {
        if (!(step > 0) || Double.isInfinite(step)) {
            throw new IllegalArgumentException("ProjectedGradient: step must be finite and > 0, got " + step);
        }
        if (rule == null) {
            throw new IllegalArgumentException("ProjectedGradient: rule must be FIXED or ARMIJO, got null");
        }
        if (maxIterations < 0) {
            throw new IllegalArgumentException("ProjectedGradient: maxIterations must be ≥ 0, got " + maxIterations);
        }
        if (!(tolerance >= 0)) {
            throw new IllegalArgumentException("ProjectedGradient: tolerance must be ≥ 0, got " + tolerance);
        }
        if (set == null) {
            throw new IllegalArgumentException("ProjectedGradient: set must be a ConvexSet, got null");
        }
    }

    /// Defaults on the given set: Armijo along the projection arc from step 1, 10 000 iterations,
    /// tolerance $10^{-8}$.
    ///
    /// @param set the feasible set
    public ProjectedGradient(ConvexSet set) {
        this(1.0, Rule.ARMIJO, 10_000, 1e-8, set);
    }

    @Override
    public OptimizationResult minimize(Objective f, double[] x0) {
        Recorder run = new Recorder(f);
        double[] x = set.project(x0);
        Objective.Evaluation e = run.evaluate(x);
        for (int k = 0; ; k++) {
            double[] g = e.gradient();
            double mapping = Trouble.norm(Flat.minus(x, set.project(Flat.along(x, g, -1))));
            OptimizationResult done = run.record(k, x, e, mapping, "‖x − P(x − ∇f(x))‖", tolerance, maxIterations);
            if (done != null) {
                return done;
            }
            if (rule == Rule.FIXED) {
                x = set.project(Flat.along(x, g, -step));
                e = run.evaluate(x);
                continue;
            }
            boolean decreased = false;
            double t = step;
            for (int trial = 0; trial < 60 && !decreased; trial++, t *= 0.5) {
                double[] next = set.project(Flat.along(x, g, -t));
                Objective.Evaluation en = run.evaluate(next);
                if (en.value() <= e.value() + SIGMA * Flat.dot(g, Flat.minus(next, x))) {
                    x = next;
                    e = en;
                    decreased = true;
                }
            }
            if (!decreased) {
                return run.stop(
                        x,
                        e.value(),
                        Trouble.norm(g),
                        Status.STALLED,
                        "no step along the projection arc decreased f = " + e.value() + " at iteration " + k,
                        k);
            }
        }
    }
}
