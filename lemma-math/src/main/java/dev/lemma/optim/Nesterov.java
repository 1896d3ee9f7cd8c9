package dev.lemma.optim;

/// Nesterov's accelerated gradient with constant momentum, in the form PyTorch's `SGD(nesterov=True)`
/// runs it: with a velocity $b_0 = 0$,
///
/// $$b_{t+1} = \beta\,b_t + g_t, \qquad x_{t+1} = x_t - \eta_t\,(g_t + \beta\,b_{t+1}), \qquad g_t = \nabla f(x_t).$$
///
/// This is Nesterov's method $y_t = x_t + \beta(x_t - x_{t-1})$, $x_{t+1} = y_t - \eta\nabla f(y_t)$
/// rewritten so that the stored point is the look-ahead point $y_t$, where the gradient is taken (Sutskever
/// et al. 2013; chapter 5 shows the change of variables). Heavy-ball [Momentum] takes the gradient
/// before the momentum step; Nesterov takes it after.
///
/// On a quadratic with Hessian eigenvalues in $[\mu, L]$, $\kappa = L/\mu$, the parameters of
/// [#optimalFor] — $\eta = 1/L$, $\beta = \frac{\sqrt\kappa - 1}{\sqrt\kappa + 1}$ — make the iteration
/// matrix of the eigendirection $\mu$ have a double eigenvalue $1 - 1/\sqrt\kappa$ and every other
/// direction a smaller one, so the error contracts asymptotically by $1 - 1/\sqrt\kappa$ per step (against
/// $\frac{\kappa - 1}{\kappa + 1} \approx 1 - 2/\kappa$ for gradient descent).
///
/// References: Y. Nesterov, "A method of solving a convex programming problem with convergence rate
/// $O(1/k^2)$", *Soviet Math. Doklady* 27, 1983; Y. Nesterov, *Introductory Lectures on Convex
/// Optimization*, Kluwer 2004, §2.2 (constant step scheme III for strongly convex functions);
/// I. Sutskever, J. Martens, G. Dahl and G. Hinton, "On the importance of initialization and momentum in
/// deep learning", ICML 2013.
///
/// Book: chapter 5, "Acceleration".
///
/// @param learningRate the schedule of $\eta_t$
/// @param momentum $\beta \in [0, 1)$
/// @param maxIterations the iteration limit of [#minimize]
/// @param tolerance [#minimize] stops when $\|\nabla f\|_2 \le$ `tolerance`
public record Nesterov(Schedule learningRate, double momentum, int maxIterations, double tolerance)
        implements Optimizer, UpdateRule {

    /// Checks the settings.
    ///
    /// @throws IllegalArgumentException naming a setting out of range
    public Nesterov {
        Stepping.checkSchedule("Nesterov", learningRate);
        Stepping.checkUnit("Nesterov", "momentum", momentum);
        Stepping.checkLimits("Nesterov", maxIterations, tolerance);
    }

    /// Defaults: $\eta = 0.01$, $\beta = 0.9$ (the usual choice in deep learning, as [Momentum]'s),
    /// 10 000 iterations, tolerance $10^{-8}$.
    public Nesterov() {
        this(0.01, 0.9);
    }

    /// A constant rate, 10 000 iterations, tolerance $10^{-8}$.
    ///
    /// @param learningRate $\eta > 0$
    /// @param momentum $\beta \in [0, 1)$
    public Nesterov(double learningRate, double momentum) {
        this(Schedule.constant(learningRate), momentum, 10_000, 1e-8);
    }

    /// The constant-momentum parameters for a function with curvatures in $[\mu, L]$: $\eta = 1/L$,
    /// $\beta = \frac{\sqrt\kappa - 1}{\sqrt\kappa + 1}$.
    ///
    /// @param mu the smallest eigenvalue of the Hessian, $> 0$
    /// @param l the largest, $\ge \mu$
    /// @param maxIterations the iteration limit
    /// @param tolerance the gradient-norm tolerance
    /// @return the optimiser
    /// @throws IllegalArgumentException unless $0 < \mu \le L < \infty$
    public static Nesterov optimalFor(double mu, double l, int maxIterations, double tolerance) {
        if (!(mu > 0 && l >= mu && Double.isFinite(l))) {
            throw new IllegalArgumentException("Nesterov.optimalFor needs 0 < mu ≤ L, got mu = " + mu + ", L = " + l);
        }
        double root = Math.sqrt(l / mu);
        return new Nesterov(Schedule.constant(1 / l), (root - 1) / (root + 1), maxIterations, tolerance);
    }

    /// The same rule with another learning-rate schedule.
    ///
    /// @param schedule the schedule of $\eta_t$
    /// @return the optimiser
    public Nesterov withLearningRate(Schedule schedule) {
        return new Nesterov(schedule, momentum, maxIterations, tolerance);
    }

    /// The same rule with other limits for [#minimize].
    ///
    /// @param maxIterations the iteration limit
    /// @param tolerance the gradient-norm tolerance
    /// @return the optimiser
    public Nesterov withLimits(int maxIterations, double tolerance) {
        return new Nesterov(learningRate, momentum, maxIterations, tolerance);
    }

    @Override
    public double rate(int step) {
        return learningRate.rate(step);
    }

    @Override
    public State start(int n) {
        double[] b = new double[n]; // the velocity
        return (x, g, eta) -> {
            for (int i = 0; i < x.length; i++) {
                b[i] = momentum * b[i] + g[i];
                x[i] -= eta * (g[i] + momentum * b[i]);
            }
        };
    }

    @Override
    public OptimizationResult minimize(Objective f, double[] x0) {
        return Stepping.minimize(this, f, x0, maxIterations, tolerance);
    }
}
