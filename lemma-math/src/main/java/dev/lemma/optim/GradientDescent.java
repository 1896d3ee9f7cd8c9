package dev.lemma.optim;

/// Gradient descent, $x_{k+1} = x_k - t_k\,\nabla f(x_k)$, with one of three rules for the step $t_k$:
/// - [Rule#FIXED]: $t_k = \eta$;
/// - [Rule#ARMIJO]: backtracking from $\eta$, halving until $f(x - t\nabla f) \le f(x) - c\,t\,\|\nabla
///   f\|^2$ with $c = 10^{-4}$ ([LineSearch.Armijo]);
/// - [Rule#EXACT]: the exact minimiser along $-g$ of a quadratic, $t_k = \frac{g^\top g}{g^\top H g}$ with
///   $g = \nabla f(x_k)$, $H = \nabla^2 f(x_k)$ (one Hessian-vector product per step); on a function that
///   is not quadratic this minimises the second-order model along $-g$.
///
/// On a quadratic with Hessian eigenvalues in $[\mu, L]$ the fixed step $\eta = 2/(L + \mu)$ contracts
/// the error by $\frac{\kappa - 1}{\kappa + 1}$ per step, $\kappa = L/\mu$, and exact line search
/// decreases $f - f^\star$ by at least $\bigl(\frac{\kappa - 1}{\kappa + 1}\bigr)^2$ per step (chapter 5
/// derives both; the tests measure them).
///
/// Reference: J. Nocedal and S. J. Wright, *Numerical Optimization*, 2nd ed., Springer 2006, §3.1 (Armijo)
/// and §3.3 (rates on quadratics).
///
/// Book: chapter 5, "Gradient descent".
///
/// @param step $\eta > 0$ (the first trial step with Armijo; unused by the exact rule)
/// @param rule how the step is chosen
/// @param maxIterations the iteration limit
/// @param tolerance stop when $\|\nabla f\|_2 \le$ `tolerance`
public record GradientDescent(double step, Rule rule, int maxIterations, double tolerance) implements Optimizer {

    /// How gradient descent chooses its step.
    public enum Rule {
        /// The fixed step $\eta$.
        FIXED,
        /// Armijo backtracking from $\eta$.
        ARMIJO,
        /// The exact minimiser along $-\nabla f$ of the local quadratic model.
        EXACT
    }

    /// Checks the settings.
    ///
    /// @throws IllegalArgumentException naming a step or tolerance that is not positive, or a negative limit
    public GradientDescent {
        if (!(step > 0) || Double.isInfinite(step)) {
            throw new IllegalArgumentException("GradientDescent: step must be finite and > 0, got " + step);
        }
        if (rule == null) {
            throw new IllegalArgumentException("GradientDescent: rule must be FIXED, ARMIJO or EXACT, got null");
        }
        Stepping.checkLimits("GradientDescent", maxIterations, tolerance);
    }

    /// Defaults: Armijo backtracking from step 1, 10 000 iterations, tolerance $10^{-8}$.
    public GradientDescent() {
        this(1.0, Rule.ARMIJO, 10_000, 1e-8);
    }

    /// A fixed step, 10 000 iterations, tolerance $10^{-8}$.
    ///
    /// @param step $\eta$
    /// @return the optimiser
    public static GradientDescent fixedStep(double step) {
        return new GradientDescent(step, Rule.FIXED, 10_000, 1e-8);
    }

    /// Exact line search on a quadratic, 10 000 iterations, tolerance $10^{-8}$.
    ///
    /// @return the optimiser
    public static GradientDescent exact() {
        return new GradientDescent(1.0, Rule.EXACT, 10_000, 1e-8);
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
            double[] d = Flat.negate(g);
            switch (rule) {
                case FIXED -> {
                    x = Flat.along(x, d, step);
                    e = run.evaluate(x);
                }
                case ARMIJO -> {
                    LineSearch.Step s = armijo.search(run.objective(), x, e, d, step);
                    if (!s.satisfied()) {
                        return run.stalled(x, e, k, "");
                    }
                    x = s.x();
                    e = s.evaluation();
                }
                case EXACT -> {
                    double curvature = Flat.dot(g, f.hessianVector(x, g));
                    if (!(curvature > 0)) {
                        return run.stop(
                                x,
                                e.value(),
                                Trouble.norm(g),
                                Status.STALLED,
                                "the curvature along the gradient is " + curvature + " at iteration " + k
                                        + ": the exact step needs a positive one",
                                k);
                    }
                    x = Flat.along(x, d, Flat.dot(g, g) / curvature);
                    e = run.evaluate(x);
                }
            }
        }
    }
}
