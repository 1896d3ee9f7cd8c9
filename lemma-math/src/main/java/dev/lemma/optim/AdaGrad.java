package dev.lemma.optim;

/// AdaGrad (diagonal form): each coordinate's step is divided by the root of the sum of its squared
/// gradients so far,
///
/// $$G_t = G_{t-1} + g_t^2, \qquad x_{t+1} = x_t - \eta_t\,\frac{g_t}{\sqrt{G_t} + \varepsilon},$$
///
/// with $G_0 = 0$ and the operations taken entry by entry. Coordinates with large past gradients take
/// small steps and rare, small-gradient coordinates large ones; the effective rate $\eta/\sqrt{G_t}$ only
/// decreases, as $1/\sqrt t$ while the gradients stay of one size, which is what the regret bound of
/// Duchi et al. needs and what makes AdaGrad slow on long non-convex runs (RMSProp's motivation).
///
/// Reference: J. Duchi, E. Hazan and Y. Singer, "Adaptive subgradient methods for online learning and
/// stochastic optimization", *JMLR* 12, 2011, pp. 2121–2159 (the diagonal update, their eq. (6) with
/// $\delta = \varepsilon$ added to the root); defaults and the placement of $\varepsilon$ outside the root as
/// in PyTorch's `torch.optim.Adagrad` (`lr` 0.01, `eps` $10^{-10}$, initial accumulator 0).
///
/// Book: chapter 5, "Adaptive methods".
///
/// @param learningRate the schedule of $\eta_t$
/// @param epsilon $\varepsilon \ge 0$, keeps the division finite while $G_t = 0$
/// @param maxIterations the iteration limit of [#minimize]
/// @param tolerance [#minimize] stops when $\|\nabla f\|_2 \le$ `tolerance`
public record AdaGrad(Schedule learningRate, double epsilon, int maxIterations, double tolerance)
        implements Optimizer, UpdateRule {

    /// Checks the settings.
    ///
    /// @throws IllegalArgumentException naming a setting out of range
    public AdaGrad {
        Stepping.checkSchedule("AdaGrad", learningRate);
        Stepping.checkEpsilon("AdaGrad", epsilon);
        Stepping.checkLimits("AdaGrad", maxIterations, tolerance);
    }

    /// PyTorch's defaults: $\eta = 0.01$, $\varepsilon = 10^{-10}$; 100 000 iterations, tolerance
    /// $10^{-6}$.
    public AdaGrad() {
        this(0.01);
    }

    /// A constant rate, $\varepsilon = 10^{-10}$, 100 000 iterations, tolerance $10^{-6}$.
    ///
    /// @param learningRate $\eta > 0$
    public AdaGrad(double learningRate) {
        this(Schedule.constant(learningRate), 1e-10, 100_000, 1e-6);
    }

    /// The same rule with other limits for [#minimize].
    ///
    /// @param maxIterations the iteration limit
    /// @param tolerance the gradient-norm tolerance
    /// @return the optimiser
    public AdaGrad withLimits(int maxIterations, double tolerance) {
        return new AdaGrad(learningRate, epsilon, maxIterations, tolerance);
    }

    /// The same rule with another learning-rate schedule.
    ///
    /// @param schedule the schedule of $\eta_t$
    /// @return the optimiser
    public AdaGrad withLearningRate(Schedule schedule) {
        return new AdaGrad(schedule, epsilon, maxIterations, tolerance);
    }

    @Override
    public double rate(int step) {
        return learningRate.rate(step);
    }

    @Override
    public State start(int n) {
        double[] sum = new double[n]; // G, the running sum of squared gradients
        return (x, g, eta) -> {
            for (int i = 0; i < x.length; i++) {
                sum[i] += g[i] * g[i];
                x[i] -= eta * g[i] / (Math.sqrt(sum[i]) + epsilon);
            }
        };
    }

    @Override
    public OptimizationResult minimize(Objective f, double[] x0) {
        return Stepping.minimize(this, f, x0, maxIterations, tolerance);
    }
}
