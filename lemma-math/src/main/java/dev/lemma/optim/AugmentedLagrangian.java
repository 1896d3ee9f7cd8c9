package dev.lemma.optim;

import java.util.ArrayList;
import java.util.List;

/// The augmented Lagrangian method (the method of multipliers) for
/// $$\min_x f(x) \quad\text{subject to}\quad h_i(x) = 0,\ i = 1..p, \qquad g_j(x) \le 0,\ j = 1..q.$$
///
/// Each outer iteration minimises, without constraints and from the previous point, the augmented
/// Lagrangian of Powell, Hestenes and Rockafellar
/// $$L_\rho(x, \lambda, \mu) = f(x) + \sum_i \Bigl(\lambda_i h_i(x) + \frac\rho2 h_i(x)^2\Bigr)
///   + \frac1{2\rho} \sum_j \Bigl(\max(0, \mu_j + \rho\,g_j(x))^2 - \mu_j^2\Bigr),$$
/// whose gradient is
/// $\nabla f + \sum_i (\lambda_i + \rho h_i)\nabla h_i + \sum_j \max(0, \mu_j + \rho g_j)\nabla g_j$,
/// and then updates the multipliers to the coefficients of that gradient,
/// $$\lambda_i \leftarrow \lambda_i + \rho\,h_i(x), \qquad \mu_j \leftarrow \max(0, \mu_j + \rho\,g_j(x)),$$
/// so that the inner solver's gradient at its answer is exactly the gradient of the ordinary Lagrangian
/// at the new multipliers: the stationarity residual is the inner solver's final gradient norm, and the
/// inner tolerance must be below the outer one. The max form folds each inequality into a smooth
/// ($C^1$) penalty and keeps $\mu \ge 0$; an inactive constraint ($g_j < -\mu_j/\rho$) drops out.
///
/// Unlike a pure penalty method, $\rho$ need not grow without bound: the multipliers converge
/// (linearly, faster for larger $\rho$), and $\rho$ is multiplied by `penaltyGrowth` only when the
/// infeasibility $\max\bigl(\max_i|h_i|, \max_j|\max(g_j, -\mu_j/\rho)|\bigr)$ did not fall below a
/// quarter of its previous value (a rule of the kind Bertsekas recommends, §2.2). The run stops when
/// every KKT residual of [ConstrainedResult] is $\le$ `tolerance`.
///
/// The inner solver is any [Optimizer]; a quasi-Newton method plugs in the same way. The default is
/// [GradientDescent] with Armijo backtracking, tolerance $10^{-7}$: slow when $\rho$ makes $L_\rho$
/// ill-conditioned, and unable to go much below $\|\nabla L_\rho\| \approx \sqrt{u L |L_\rho|}$
/// ($u = 2^{-53}$), where the decrease Armijo looks for is smaller than the rounding of the value. For
/// residuals near $10^{-10}$ on a convex problem, use the exact step, which compares no values:
/// `new AugmentedLagrangian(new GradientDescent(1, GradientDescent.Rule.EXACT, 100_000, 1e-12), 10, 10,
/// 100, 1e-10)`.
///
/// References: J. Nocedal and S. J. Wright, *Numerical Optimization*, 2nd ed., Springer 2006, ch. 17
/// (Framework 17.3; §17.4 for inequalities); D. P. Bertsekas, *Constrained Optimization and Lagrange
/// Multiplier Methods*, Academic Press 1982, ch. 2 and §3.1; R. T. Rockafellar, "The multiplier method of
/// Hestenes and Powell applied to convex programming", *J. Optimization Theory and Applications* 12,
/// 1973, 555–562.
///
/// Book: chapter 5, "Constraints".
///
/// @param inner the unconstrained solver for each $\min_x L_\rho$
/// @param penalty the initial $\rho > 0$
/// @param penaltyGrowth the factor by which $\rho$ grows, $> 1$
/// @param maxOuterIterations the limit on multiplier updates
/// @param tolerance the bound on every KKT residual at which to stop
public record AugmentedLagrangian(
        Optimizer inner, double penalty, double penaltyGrowth, int maxOuterIterations, double tolerance) {

    /// Checks the settings.
    ///
    /// @throws IllegalArgumentException naming a setting out of range or a missing inner solver
    public AugmentedLagrangian {
        if (inner == null) {
            throw new IllegalArgumentException("AugmentedLagrangian: inner must be an Optimizer, got null");
        }
        if (!(penalty > 0) || Double.isInfinite(penalty)) {
            throw new IllegalArgumentException("AugmentedLagrangian: penalty must be finite and > 0, got " + penalty);
        }
        if (!(penaltyGrowth > 1) || Double.isInfinite(penaltyGrowth)) {
            throw new IllegalArgumentException(
                    "AugmentedLagrangian: penaltyGrowth must be finite and > 1, got " + penaltyGrowth);
        }
        if (maxOuterIterations < 0) {
            throw new IllegalArgumentException(
                    "AugmentedLagrangian: maxOuterIterations must be ≥ 0, got " + maxOuterIterations);
        }
        if (!(tolerance >= 0)) {
            throw new IllegalArgumentException("AugmentedLagrangian: tolerance must be ≥ 0, got " + tolerance);
        }
    }

    /// Defaults: inner solver gradient descent with Armijo from step 1 (10 000 iterations, tolerance
    /// $10^{-7}$), $\rho = 10$, growth 10, 100 outer iterations, tolerance $10^{-6}$.
    public AugmentedLagrangian() {
        this(new GradientDescent(1.0, GradientDescent.Rule.ARMIJO, 10_000, 1e-7), 10, 10, 100, 1e-6);
    }

    /// Minimises `f` subject to $h_i = 0$ for each of `equalities` and $g_j \le 0$ for each of
    /// `inequalities`, from `x0` (not modified; it need not be feasible). The multipliers start at 0.
    ///
    /// @param f the objective
    /// @param equalities the $h_i$, each with its gradient (may be empty)
    /// @param inequalities the $g_j$, each with its gradient (may be empty)
    /// @param x0 the starting point
    /// @return the result, with the multipliers and the KKT residuals
    /// @throws IllegalArgumentException if a list or a constraint is null
    public ConstrainedResult minimize(
            Objective f, List<Objective> equalities, List<Objective> inequalities, double[] x0) {
        if (f == null || equalities == null || inequalities == null) {
            throw new IllegalArgumentException(
                    "AugmentedLagrangian: f and both constraint lists must not be null (use List.of() for none)");
        }
        for (int i = 0; i < equalities.size(); i++) {
            if (equalities.get(i) == null) {
                throw new IllegalArgumentException("AugmentedLagrangian: equality constraint " + i + " is null");
            }
        }
        for (int j = 0; j < inequalities.size(); j++) {
            if (inequalities.get(j) == null) {
                throw new IllegalArgumentException("AugmentedLagrangian: inequality constraint " + j + " is null");
            }
        }
        List<Objective> h = List.copyOf(equalities);
        List<Objective> g = List.copyOf(inequalities);
        double[] lambda = new double[h.size()];
        double[] mu = new double[g.size()];
        double rho = penalty;
        double[] x = x0.clone();
        List<double[]> trajectory = new ArrayList<>();
        int evaluations = 0;
        double previousInfeasibility = Double.POSITIVE_INFINITY;
        String lastInner = "none";
        for (int k = 0; ; k++) {
            Kkt kkt = Kkt.at(f, h, g, x, lambda, mu);
            evaluations++;
            trajectory.add(x.clone());
            String bad = kkt.nonFinite();
            if (bad != null) {
                return kkt.result(
                        x,
                        lambda,
                        mu,
                        Status.DIVERGED,
                        bad + " at outer iteration " + k,
                        k,
                        evaluations,
                        rho,
                        trajectory);
            }
            if (kkt.residual() <= tolerance) {
                return kkt.result(
                        x,
                        lambda,
                        mu,
                        Status.CONVERGED,
                        "every KKT residual ≤ " + tolerance + " (largest " + kkt.residual() + ")",
                        k,
                        evaluations,
                        rho,
                        trajectory);
            }
            if (k >= maxOuterIterations) {
                return kkt.result(
                        x,
                        lambda,
                        mu,
                        Status.ITERATION_LIMIT,
                        maxOuterIterations + " outer iterations, largest KKT residual " + kkt.residual()
                                + "; the last inner solve: " + lastInner,
                        k,
                        evaluations,
                        rho,
                        trajectory);
            }
            OptimizationResult solved = inner.minimize(augmented(f, h, g, lambda, mu, rho), x);
            lastInner = solved.status() + " (" + solved.reason() + ")";
            evaluations += solved.evaluations();
            if (solved.status() == Status.DIVERGED) {
                return kkt.result(
                        x,
                        lambda,
                        mu,
                        Status.DIVERGED,
                        "the inner solver diverged at outer iteration " + k + ": " + solved.reason(),
                        k,
                        evaluations,
                        rho,
                        trajectory);
            }
            x = solved.x();
            // The new multipliers are the coefficients of the constraint gradients in ∇L_ρ.
            double infeasibility = 0;
            for (int i = 0; i < lambda.length; i++) {
                double hi = h.get(i).value(x);
                lambda[i] += rho * hi;
                infeasibility = Math.max(infeasibility, Math.abs(hi));
            }
            for (int j = 0; j < mu.length; j++) {
                double gj = g.get(j).value(x);
                infeasibility = Math.max(infeasibility, Math.abs(Math.max(gj, -mu[j] / rho)));
                mu[j] = Math.max(0, mu[j] + rho * gj);
            }
            if (infeasibility > 0.25 * previousInfeasibility) {
                rho *= penaltyGrowth;
            }
            previousInfeasibility = infeasibility;
        }
    }

    /// $L_\rho(\cdot, \lambda, \mu)$ as an [Objective], for the inner solver. The multipliers are copied,
    /// so the objective is fixed for one outer iteration.
    static Objective augmented(
            Objective f, List<Objective> h, List<Objective> g, double[] lambda, double[] mu, double rho) {
        double[] l = lambda.clone();
        double[] m = mu.clone();
        return new Objective() {
            @Override
            public double value(double[] x) {
                double v = f.value(x);
                for (int i = 0; i < l.length; i++) {
                    double hi = h.get(i).value(x);
                    v += l[i] * hi + 0.5 * rho * hi * hi;
                }
                for (int j = 0; j < m.length; j++) {
                    double shifted = Math.max(0, m[j] + rho * g.get(j).value(x));
                    v += (shifted * shifted - m[j] * m[j]) / (2 * rho);
                }
                return v;
            }

            @Override
            public double[] gradient(double[] x) {
                return evaluate(x).gradient();
            }

            @Override
            public Evaluation evaluate(double[] x) {
                Evaluation e = f.evaluate(x);
                double v = e.value();
                double[] grad = e.gradient().clone();
                for (int i = 0; i < l.length; i++) {
                    Evaluation hi = h.get(i).evaluate(x);
                    v += l[i] * hi.value() + 0.5 * rho * hi.value() * hi.value();
                    addScaled(grad, hi.gradient(), l[i] + rho * hi.value());
                }
                for (int j = 0; j < m.length; j++) {
                    Evaluation gj = g.get(j).evaluate(x);
                    double shifted = Math.max(0, m[j] + rho * gj.value());
                    v += (shifted * shifted - m[j] * m[j]) / (2 * rho);
                    addScaled(grad, gj.gradient(), shifted);
                }
                return new Evaluation(v, grad);
            }
        };
    }

    private static void addScaled(double[] into, double[] v, double c) {
        if (c == 0) {
            return;
        }
        for (int i = 0; i < into.length; i++) {
            into[i] += c * v[i];
        }
    }

    /// $f$ and the KKT residuals at $(x, \lambda, \mu)$.
    private record Kkt(
            double value,
            double stationarity,
            double equalityViolation,
            double inequalityViolation,
            double dualInfeasibility,
            double complementarity) {

        static Kkt at(Objective f, List<Objective> h, List<Objective> g, double[] x, double[] lambda, double[] mu) {
            Objective.Evaluation e = f.evaluate(x);
            double[] grad = e.gradient().clone();
            double equality = 0;
            for (int i = 0; i < lambda.length; i++) {
                Objective.Evaluation hi = h.get(i).evaluate(x);
                addScaled(grad, hi.gradient(), lambda[i]);
                equality = Math.max(equality, Math.abs(hi.value()));
            }
            double inequality = 0;
            double dual = 0;
            double complementarity = 0;
            for (int j = 0; j < mu.length; j++) {
                Objective.Evaluation gj = g.get(j).evaluate(x);
                addScaled(grad, gj.gradient(), mu[j]);
                inequality = Math.max(inequality, gj.value());
                dual = Math.max(dual, -mu[j]);
                complementarity = Math.max(complementarity, Math.abs(mu[j] * gj.value()));
            }
            return new Kkt(e.value(), Trouble.norm(grad), equality, inequality, dual, complementarity);
        }

        double residual() {
            return Math.max(
                    Math.max(stationarity, Math.max(equalityViolation, inequalityViolation)),
                    Math.max(dualInfeasibility, complementarity));
        }

        /// @return a message naming the first non-finite quantity, or `null`
        String nonFinite() {
            if (!Double.isFinite(value)) {
                return "f became " + value;
            }
            if (!Double.isFinite(residual())) { // Math.max propagates NaN
                return "a constraint or a gradient became non-finite (largest KKT residual " + residual() + ")";
            }
            return null;
        }

        ConstrainedResult result(
                double[] x,
                double[] lambda,
                double[] mu,
                Status status,
                String reason,
                int k,
                int evaluations,
                double rho,
                List<double[]> trajectory) {
            return new ConstrainedResult(
                    x.clone(),
                    value,
                    lambda.clone(),
                    mu.clone(),
                    stationarity,
                    equalityViolation,
                    inequalityViolation,
                    dualInfeasibility,
                    complementarity,
                    status,
                    reason,
                    k,
                    evaluations,
                    rho,
                    List.copyOf(trajectory));
        }
    }
}
