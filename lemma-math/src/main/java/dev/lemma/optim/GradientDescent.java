package dev.lemma.optim;

import java.util.ArrayList;
import java.util.List;

/// Gradient descent, $x_{k+1} = x_k - \eta\,\nabla f(x_k)$, with a fixed step $\eta$ or with Armijo's
/// backtracking line search (start from $\eta$, halve until $f(x - t\nabla f) \le f(x) - c\,t\,\|\nabla
/// f\|^2$ with $c = 10^{-4}$).
///
/// On a quadratic with Hessian eigenvalues in $[\mu, L]$ the fixed step $\eta = 2/(L + \mu)$ contracts
/// the error by $\frac{\kappa - 1}{\kappa + 1}$ per step, $\kappa = L/\mu$ (chapter 5 derives it; the tests
/// measure it).
///
/// Reference: J. Nocedal and S. J. Wright, *Numerical Optimization*, 2nd ed., Springer 2006, §3.1 (Armijo)
/// and §3.3 (rate on quadratics).
///
/// Book: chapter 5, "Gradient descent".
///
/// @param step $\eta > 0$ (the first trial step with Armijo)
/// @param backtracking whether to use Armijo's line search
/// @param maxIterations the iteration limit
/// @param tolerance stop when $\|\nabla f\|_2 \le$ `tolerance`
public record GradientDescent(double step, boolean backtracking, int maxIterations, double tolerance)
        implements Optimizer {

    /// Armijo's sufficient-decrease constant.
    static final double ARMIJO = 1e-4;

    /// Checks the settings.
    ///
    /// @throws IllegalArgumentException naming a step or tolerance that is not positive, or a negative limit
    public GradientDescent {
        if (!(step > 0) || Double.isInfinite(step)) {
            throw new IllegalArgumentException("GradientDescent: step must be finite and > 0, got " + step);
        }
        if (maxIterations < 0) {
            throw new IllegalArgumentException("GradientDescent: maxIterations must be ≥ 0, got " + maxIterations);
        }
        if (!(tolerance >= 0)) {
            throw new IllegalArgumentException("GradientDescent: tolerance must be ≥ 0, got " + tolerance);
        }
    }

    /// Defaults: step 1 with backtracking, 10 000 iterations, tolerance $10^{-8}$.
    public GradientDescent() {
        this(1.0, true, 10_000, 1e-8);
    }

    /// A fixed step, 10 000 iterations, tolerance $10^{-8}$.
    ///
    /// @param step $\eta$
    /// @return the optimiser
    public static GradientDescent fixedStep(double step) {
        return new GradientDescent(step, false, 10_000, 1e-8);
    }

    @Override
    public OptimizationResult minimize(Objective f, double[] x0) {
        double[] x = x0.clone();
        List<double[]> trajectory = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        Objective.Evaluation e = f.evaluate(x);
        int evaluations = 1;
        for (int k = 0; ; k++) {
            trajectory.add(x.clone());
            values.add(e.value());
            String bad = Trouble.find(e, k);
            double norm = Trouble.norm(e.gradient());
            if (bad != null) {
                return result(x, e, norm, Status.DIVERGED, bad, k, evaluations, trajectory, values);
            }
            if (norm <= tolerance) {
                return result(
                        x,
                        e,
                        norm,
                        Status.CONVERGED,
                        "‖∇f‖ = " + norm + " ≤ " + tolerance,
                        k,
                        evaluations,
                        trajectory,
                        values);
            }
            if (k == maxIterations) {
                return result(
                        x,
                        e,
                        norm,
                        Status.ITERATION_LIMIT,
                        maxIterations + " iterations, ‖∇f‖ = " + norm,
                        k,
                        evaluations,
                        trajectory,
                        values);
            }
            double[] g = e.gradient();
            double t = step;
            double[] next = step(x, g, t);
            Objective.Evaluation candidate = f.evaluate(next);
            evaluations++;
            if (backtracking) {
                while (!(candidate.value() <= e.value() - ARMIJO * t * norm * norm)) {
                    t /= 2;
                    if (t < step * 1e-20) { // 66 halvings: no step of any useful length decreases f
                        return result(
                                x,
                                e,
                                norm,
                                Status.STALLED,
                                "the line search found no decrease from f = " + e.value() + " at iteration " + k,
                                k,
                                evaluations,
                                trajectory,
                                values);
                    }
                    next = step(x, g, t);
                    candidate = f.evaluate(next);
                    evaluations++;
                }
            }
            x = next;
            e = candidate;
        }
    }

    private static double[] step(double[] x, double[] g, double t) {
        double[] next = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            next[i] = x[i] - t * g[i];
        }
        return next;
    }

    private static OptimizationResult result(
            double[] x,
            Objective.Evaluation e,
            double norm,
            Status status,
            String reason,
            int iterations,
            int evaluations,
            List<double[]> trajectory,
            List<Double> values) {
        return new OptimizationResult(
                x.clone(),
                e.value(),
                norm,
                status,
                reason,
                iterations,
                evaluations,
                List.copyOf(trajectory),
                values.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
