package dev.lemma.optim;

import java.util.Arrays;

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
/// The Armijo rule compares values of $f$, whose differences near the minimiser fall below the rounding of
/// $f$ itself once the measure is below roughly $\sqrt{u L |f|}$ ($u = 2^{-53}$, $L$ the curvature), about
/// $10^{-7}$ for $|f| \approx 1$, $L \approx 30$. There, when $f(x(t))$ and $f(x)$ agree to a relative
/// $10^{-10}$, the decrease is judged instead by the trapezoid rule $f(x(t)) - f(x) \approx \tfrac12(\nabla
/// f(x) + \nabla f(x(t)))^\top (x(t) - x)$, exact for quadratics, which compares no values (after the
/// approximate Wolfe conditions of W. W. Hager and H. Zhang, *SIAM J. Optimization* 16(1), 2005, 170–192).
/// A second floor remains on sets whose projection rounds every coordinate (the simplex, the ball): the arc
/// is then computed with an absolute error near $u\|x\|$, and as $\nabla f$ does not vanish at a constrained
/// minimiser, the slope $\nabla f^\top (x(t) - x)$ is lost once the measure is below about
/// $\sqrt{u\,\|\nabla f\|\,\|x\| / t}$, some $10^{-8}$. If no trial step passes, the run ends
/// [Status#STALLED] and says so; the fixed step $\eta \le 1/L$, which compares nothing, goes on to the
/// rounding of the projection itself.
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

    /// The sufficient-decrease constant $\sigma$ of the Armijo rule (Bertsekas suggests $10^{-5}$ to
    /// $10^{-1}$; $10^{-4}$ as in [LineSearch#armijo()]).
    private static final double SIGMA = 1e-4;

    /// The relative difference of two values of $f$ below which they are taken to agree to within rounding:
    /// far above the error of a sum of thousands of terms ($u \approx 1.1 \times 10^{-16}$ each) and far below
    /// any decrease worth measuring.
    private static final double ROUNDING = 1e-10;

    private static final String STATIONARITY = "‖x − P(x − ∇f(x))‖";

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
        Stepping.checkLimits("ProjectedGradient", maxIterations, tolerance);
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
            OptimizationResult done = run.record(k, x, e, mapping, STATIONARITY, tolerance, maxIterations);
            if (done != null) {
                return done;
            }
            if (rule == Rule.FIXED) {
                x = set.project(Flat.along(x, g, -step));
                e = run.evaluate(x);
                continue;
            }
            double[] accepted = null;
            Objective.Evaluation atAccepted = null;
            double t = step;
            for (int trial = 0; trial < 60 && accepted == null; trial++) {
                double[] next = set.project(Flat.along(x, g, -t));
                if (Arrays.equals(next, x)) {
                    break; // the arc has shrunk to x: no step is left to try
                }
                Objective.Evaluation en = run.evaluate(next);
                if (sufficientDecrease(e, en, Flat.minus(next, x))) {
                    accepted = next;
                    atAccepted = en;
                }
                t *= 0.5;
            }
            if (accepted == null) {
                return run.stop(
                        x,
                        e.value(),
                        Trouble.norm(g),
                        Status.STALLED,
                        "no step along the projection arc decreased f = " + e.value() + " at iteration " + k
                                + ", with " + STATIONARITY + " = " + mapping
                                + " (near a minimiser the decrease falls below the rounding of f)",
                        k);
            }
            x = accepted;
            e = atAccepted;
        }
    }

    /// Armijo's test, $f(x(t)) \le f(x) + \sigma\,\nabla f(x)^\top d$ with $d = x(t) - x$ and $f(x(t))$
    /// strictly below $f(x)$ (an equal value only means the change was lost in rounding); or, when the two
    /// values agree to within rounding, the same test on the trapezoid estimate of the change,
    /// $\tfrac12(\nabla f(x) + \nabla f(x(t)))^\top d \le \sigma\,\nabla f(x)^\top d$.
    private static boolean sufficientDecrease(Objective.Evaluation at, Objective.Evaluation next, double[] d) {
        double slope = Flat.dot(at.gradient(), d);
        if (next.value() < at.value() && next.value() <= at.value() + SIGMA * slope) {
            return true;
        }
        return Math.abs(next.value() - at.value()) <= ROUNDING * Math.abs(at.value())
                && 0.5 * (slope + Flat.dot(next.gradient(), d)) <= SIGMA * slope;
    }
}
