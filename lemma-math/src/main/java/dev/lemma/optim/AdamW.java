package dev.lemma.optim;

/// AdamW: Adam with *decoupled* weight decay. Each step first shrinks the weights, then takes Adam's step
/// with the gradient of $f$ alone:
///
/// $$x_t = (1 - \eta_t\lambda)\,x_{t-1} - \eta_t\,\frac{\hat m_t}{\sqrt{\hat v_t} + \varepsilon},$$
///
/// with $\hat m_t, \hat v_t$ exactly as in [Adam] (bias-corrected). Adam with an $L_2$ penalty
/// $\tfrac\lambda2\|x\|^2$ instead adds $\lambda x$ to the gradient, where it is divided by
/// $\sqrt{\hat v_t}$ like the rest: weights with large gradients are then barely decayed, and with
/// no gradient from $f$ the penalty's own step is normalised to about $\eta$ whatever $\lambda$ is.
/// Decoupled, the decay is a plain factor $1 - \eta_t\lambda$ per step, independent of the gradients
/// (tested: with $\nabla f = 0$ the weights shrink by exactly that factor).
///
/// With exact gradients and a constant rate the difference shows at the end of a run. Near a minimum of
/// $f$, $\sqrt{\hat v}$ shrinks with the gradient, the gradient term outweighs the fixed decay, and AdamW
/// settles close to the minimiser of $f$ itself, though not exactly where $\nabla f = 0$, so that a
/// full-batch run need not reach $\|\nabla f\| \le$ `tolerance` (on Booth's function with the defaults it
/// ends at the iteration limit $3.5 \cdot 10^{-6}$ from the minimiser); Adam + $L_2$ settles at the minimiser
/// of the penalised function instead, $0.0072$ away (tested). With noisy gradients $\hat v$ stays away from
/// zero and the decay acts as a regulariser of its own.
///
/// The decay is multiplied by the scheduled rate $\eta_t$, as in PyTorch's `torch.optim.AdamW`; the
/// paper writes $\eta_t$ as a schedule multiplier applied to both terms, with its $\lambda$ equal to
/// PyTorch's $\lambda$ times the base rate.
///
/// Reference: I. Loshchilov and F. Hutter, "Decoupled weight decay regularization", ICLR 2019
/// (Algorithm 2, line 12); defaults as in PyTorch's `AdamW`: $\eta = 0.001$, $\beta = (0.9, 0.999)$,
/// $\varepsilon = 10^{-8}$, $\lambda = 0.01$.
///
/// Book: chapter 5, "Adam".
///
/// @param learningRate the schedule of $\eta_t$
/// @param beta1 $\beta_1 \in [0, 1)$
/// @param beta2 $\beta_2 \in [0, 1)$
/// @param epsilon $\varepsilon \ge 0$
/// @param weightDecay $\lambda \ge 0$
/// @param maxIterations the iteration limit of [#minimize]
/// @param tolerance [#minimize] stops when $\|\nabla f\|_2 \le$ `tolerance` (the gradient of $f$, without
///     the decay)
public record AdamW(
        Schedule learningRate,
        double beta1,
        double beta2,
        double epsilon,
        double weightDecay,
        int maxIterations,
        double tolerance)
        implements Optimizer, UpdateRule {

    /// Checks the settings.
    ///
    /// @throws IllegalArgumentException naming a setting out of range
    public AdamW {
        Adam.check("AdamW", learningRate, beta1, beta2, epsilon);
        dev.lemma.numeric.Checks.argument(
                weightDecay >= 0 && Double.isFinite(weightDecay),
                "AdamW: weightDecay must be finite and ≥ 0, got %s",
                weightDecay);
        Stepping.checkLimits("AdamW", maxIterations, tolerance);
    }

    /// PyTorch's defaults: $\eta = 0.001$, $\beta_1 = 0.9$, $\beta_2 = 0.999$, $\varepsilon = 10^{-8}$,
    /// $\lambda = 0.01$; 100 000 iterations, tolerance $10^{-6}$.
    public AdamW() {
        this(0.001, 0.01);
    }

    /// A constant rate, the given decay, the other defaults.
    ///
    /// @param learningRate $\eta > 0$
    /// @param weightDecay $\lambda \ge 0$
    public AdamW(double learningRate, double weightDecay) {
        this(Schedule.constant(learningRate), 0.9, 0.999, 1e-8, weightDecay, 100_000, 1e-6);
    }

    /// The same rule with another learning-rate schedule.
    ///
    /// @param schedule the schedule of $\eta_t$
    /// @return the optimiser
    public AdamW withLearningRate(Schedule schedule) {
        return new AdamW(schedule, beta1, beta2, epsilon, weightDecay, maxIterations, tolerance);
    }

    /// The same rule with other limits for [#minimize].
    ///
    /// @param maxIterations the iteration limit
    /// @param tolerance the gradient-norm tolerance
    /// @return the optimiser
    public AdamW withLimits(int maxIterations, double tolerance) {
        return new AdamW(learningRate, beta1, beta2, epsilon, weightDecay, maxIterations, tolerance);
    }

    @Override
    public double rate(int step) {
        return learningRate.rate(step);
    }

    @Override
    public State start(int n) {
        State adam = new Adam(learningRate, beta1, beta2, epsilon, true, maxIterations, tolerance).start(n);
        return (x, g, eta) -> {
            for (int i = 0; i < x.length; i++) {
                x[i] *= 1 - eta * weightDecay; // the decoupled decay; g was taken before it, at the old x
            }
            adam.step(x, g, eta);
        };
    }

    @Override
    public OptimizationResult minimize(Objective f, double[] x0) {
        return Stepping.minimize(this, f, x0, maxIterations, tolerance);
    }
}
