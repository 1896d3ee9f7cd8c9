package dev.lemma.optim;

/// RMSProp: each coordinate's step is divided by the root of a running (exponentially weighted) mean of
/// its squared gradients,
///
/// $$v_t = \rho\,v_{t-1} + (1 - \rho)\,g_t^2, \qquad x_{t+1} = x_t - \eta_t\,\frac{g_t}{\sqrt{v_t} + \varepsilon},$$
///
/// with $v_0 = 0$, entry by entry. Where AdaGrad's sum only grows, the running mean forgets gradients
/// older than about $1/(1 - \rho)$ steps, so the effective rate can recover. With $v_0 = 0$ the first
/// steps are larger than later ones ($v_1 = (1 - \rho)g_1^2$ makes the first step
/// $\eta/\sqrt{1 - \rho}$, ten times $\eta$ for $\rho = 0.99$): the bias Adam corrects.
///
/// Once $v_t$ has caught up with the gradients the step is about $\eta$ in size however small the gradient,
/// so with a constant rate RMSProp need not converge: near a minimum it can settle into a cycle of size
/// $O(\eta)$ (the tests show one on a quadratic). A decaying [Schedule] shrinks the cycle away.
///
/// Reference: G. Hinton, N. Srivastava and K. Swersky, *Neural Networks for Machine Learning*, lecture 6e
/// "rmsprop: divide the gradient by a running average of its recent magnitude", Coursera 2012 (proposes
/// $\rho = 0.9$); defaults as in PyTorch's `torch.optim.RMSprop` (`lr` 0.01, `alpha` $= \rho = 0.99$, `eps`
/// $10^{-8}$ added outside the root).
///
/// Book: chapter 5, "Adaptive methods".
///
/// @param learningRate the schedule of $\eta_t$
/// @param decay $\rho \in [0, 1)$, the weight of the past in the running mean
/// @param epsilon $\varepsilon \ge 0$
/// @param maxIterations the iteration limit of [#minimize]
/// @param tolerance [#minimize] stops when $\|\nabla f\|_2 \le$ `tolerance`
public record RMSProp(Schedule learningRate, double decay, double epsilon, int maxIterations, double tolerance)
        implements Optimizer, UpdateRule {

    /// Checks the settings.
    ///
    /// @throws IllegalArgumentException naming a setting out of range
    public RMSProp {
        Stepping.checkSchedule("RMSProp", learningRate);
        Stepping.checkUnit("RMSProp", "decay", decay);
        Stepping.checkEpsilon("RMSProp", epsilon);
        Stepping.checkLimits("RMSProp", maxIterations, tolerance);
    }

    /// PyTorch's defaults: $\eta = 0.01$, $\rho = 0.99$, $\varepsilon = 10^{-8}$; 100 000 iterations,
    /// tolerance $10^{-6}$.
    public RMSProp() {
        this(0.01);
    }

    /// A constant rate, $\rho = 0.99$, $\varepsilon = 10^{-8}$, 100 000 iterations, tolerance $10^{-6}$.
    ///
    /// @param learningRate $\eta > 0$
    public RMSProp(double learningRate) {
        this(Schedule.constant(learningRate), 0.99, 1e-8, 100_000, 1e-6);
    }

    /// The same rule with other limits for [#minimize].
    ///
    /// @param maxIterations the iteration limit
    /// @param tolerance the gradient-norm tolerance
    /// @return the optimiser
    public RMSProp withLimits(int maxIterations, double tolerance) {
        return new RMSProp(learningRate, decay, epsilon, maxIterations, tolerance);
    }

    /// The same rule with another learning-rate schedule.
    ///
    /// @param schedule the schedule of $\eta_t$
    /// @return the optimiser
    public RMSProp withLearningRate(Schedule schedule) {
        return new RMSProp(schedule, decay, epsilon, maxIterations, tolerance);
    }

    @Override
    public double rate(int step) {
        return learningRate.rate(step);
    }

    @Override
    public State start(int n) {
        double[] v = new double[n]; // the running mean of g²
        return (x, g, eta) -> {
            for (int i = 0; i < x.length; i++) {
                v[i] = decay * v[i] + (1 - decay) * g[i] * g[i];
                x[i] -= eta * g[i] / (Math.sqrt(v[i]) + epsilon);
            }
        };
    }

    @Override
    public OptimizationResult minimize(Objective f, double[] x0) {
        return Stepping.minimize(this, f, x0, maxIterations, tolerance);
    }
}
