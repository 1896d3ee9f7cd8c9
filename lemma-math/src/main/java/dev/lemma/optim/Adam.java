package dev.lemma.optim;

/// Adam: a running mean of the gradient (momentum) divided by the root of a running mean of its square
/// (RMSProp), both corrected for their start at zero. With $m_0 = v_0 = 0$ and $t = 1, 2, \dots$,
///
/// $$m_t = \beta_1 m_{t-1} + (1 - \beta_1)\,g_t, \qquad v_t = \beta_2 v_{t-1} + (1 - \beta_2)\,g_t^2,$$
/// $$\hat m_t = \frac{m_t}{1 - \beta_1^t}, \qquad \hat v_t = \frac{v_t}{1 - \beta_2^t}, \qquad
/// x_t = x_{t-1} - \eta_t\,\frac{\hat m_t}{\sqrt{\hat v_t} + \varepsilon},$$
///
/// entry by entry. **Bias correction.** Unrolled, $m_t = (1 - \beta_1)\sum_{s \le t} \beta_1^{t-s} g_s$,
/// whose weights sum to $1 - \beta_1^t$, not 1: for a constant gradient $g$, $m_t = (1 - \beta_1^t)\,g$ and
/// $v_t = (1 - \beta_2^t)\,g^2$, so dividing by those factors gives $\hat m_t = g$ and $\hat v_t = g^2$
/// exactly. With the correction the first step is $\eta\,g/(|g| + \varepsilon)$, about $\eta$ in every
/// coordinate whatever the gradient's size; without it ([#biasCorrection] false) it is
/// $\eta\,(1 - \beta_1)/\sqrt{1 - \beta_2} \approx 3.16\,\eta$ for the defaults.
///
/// **Defaults for [#minimize].** Each coordinate's step is about $\eta$ or less in common cases (Kingma
/// and Ba, §2.1; at most $\eta(1 - \beta_1)/\sqrt{1 - \beta_2}$ in the worst), so on a deterministic
/// problem Adam needs at least about $D/\eta$ steps from a start at distance $D$: 1000 per unit with the
/// default rate (Booth's function from $(-5, -5)$ takes about 17 500). Hence the limit of 100 000
/// iterations, with the tolerance $10^{-6}$ on $\|\nabla f\|_2$; raise the rate for a faster run on a
/// well-scaled problem.
///
/// Reference: D. P. Kingma and J. Ba, "Adam: a method for stochastic optimization", ICLR 2015
/// (Algorithm 1; defaults $\eta = 0.001$, $\beta_1 = 0.9$, $\beta_2 = 0.999$, $\varepsilon = 10^{-8}$;
/// §3 for the bias correction). PyTorch's `torch.optim.Adam` adds $\varepsilon$ outside the root, as
/// here.
///
/// Book: chapter 5, "Adam".
///
/// @param learningRate the schedule of $\eta_t$ (indexed from 0: step $t$ of the formula uses the
///     rate at index $t - 1$)
/// @param beta1 $\beta_1 \in [0, 1)$, the decay of the gradient's running mean
/// @param beta2 $\beta_2 \in [0, 1)$, the decay of the squared gradient's running mean
/// @param epsilon $\varepsilon \ge 0$
/// @param biasCorrection whether to divide by $1 - \beta_1^t$ and $1 - \beta_2^t$ (true in the paper)
/// @param maxIterations the iteration limit of [#minimize]
/// @param tolerance [#minimize] stops when $\|\nabla f\|_2 \le$ `tolerance`
public record Adam(
        Schedule learningRate,
        double beta1,
        double beta2,
        double epsilon,
        boolean biasCorrection,
        int maxIterations,
        double tolerance)
        implements Optimizer, UpdateRule {

    /// Checks the settings.
    ///
    /// @throws IllegalArgumentException naming a setting out of range
    public Adam {
        check("Adam", learningRate, beta1, beta2, epsilon);
        Stepping.checkLimits("Adam", maxIterations, tolerance);
    }

    /// The paper's defaults: $\eta = 0.001$, $\beta_1 = 0.9$, $\beta_2 = 0.999$, $\varepsilon = 10^{-8}$,
    /// bias correction on; 100 000 iterations, tolerance $10^{-6}$.
    public Adam() {
        this(0.001);
    }

    /// A constant rate, the paper's other defaults, 100 000 iterations, tolerance $10^{-6}$.
    ///
    /// @param learningRate $\eta > 0$
    public Adam(double learningRate) {
        this(learningRate, 0.9, 0.999, 1e-8);
    }

    /// A constant rate with the given decays, bias correction on, 100 000 iterations, tolerance $10^{-6}$.
    ///
    /// @param learningRate $\eta > 0$
    /// @param beta1 $\beta_1 \in [0, 1)$
    /// @param beta2 $\beta_2 \in [0, 1)$
    /// @param epsilon $\varepsilon \ge 0$
    public Adam(double learningRate, double beta1, double beta2, double epsilon) {
        this(Schedule.constant(learningRate), beta1, beta2, epsilon, true, 100_000, 1e-6);
    }

    /// The same rule with another learning-rate schedule.
    ///
    /// @param schedule the schedule of $\eta_t$
    /// @return the optimiser
    public Adam withLearningRate(Schedule schedule) {
        return new Adam(schedule, beta1, beta2, epsilon, biasCorrection, maxIterations, tolerance);
    }

    /// The same rule with other limits for [#minimize].
    ///
    /// @param maxIterations the iteration limit
    /// @param tolerance the gradient-norm tolerance
    /// @return the optimiser
    public Adam withLimits(int maxIterations, double tolerance) {
        return new Adam(learningRate, beta1, beta2, epsilon, biasCorrection, maxIterations, tolerance);
    }

    /// The same rule with bias correction on or off.
    ///
    /// @param on whether to correct
    /// @return the optimiser
    public Adam withBiasCorrection(boolean on) {
        return new Adam(learningRate, beta1, beta2, epsilon, on, maxIterations, tolerance);
    }

    @Override
    public double rate(int step) {
        return learningRate.rate(step);
    }

    @Override
    public State start(int n) {
        return new Moments(n);
    }

    @Override
    public OptimizationResult minimize(Objective f, double[] x0) {
        return Stepping.minimize(this, f, x0, maxIterations, tolerance);
    }

    static void check(String owner, Schedule learningRate, double beta1, double beta2, double epsilon) {
        Stepping.checkSchedule(owner, learningRate);
        Stepping.checkUnit(owner, "beta1", beta1);
        Stepping.checkUnit(owner, "beta2", beta2);
        Stepping.checkEpsilon(owner, epsilon);
    }

    /// Adam's state: the running means $m$ and $v$ and the step count $t$.
    final class Moments implements State {
        final double[] m;
        final double[] v;
        int t;

        Moments(int n) {
            m = new double[n];
            v = new double[n];
        }

        @Override
        public void step(double[] x, double[] g, double eta) {
            t++;
            double c1 = biasCorrection ? 1 - Math.pow(beta1, t) : 1;
            double c2 = biasCorrection ? 1 - Math.pow(beta2, t) : 1;
            for (int i = 0; i < x.length; i++) {
                m[i] = beta1 * m[i] + (1 - beta1) * g[i];
                v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i];
                double mHat = m[i] / c1;
                double vHat = v[i] / c2;
                x[i] -= eta * mHat / (Math.sqrt(vHat) + epsilon);
            }
        }
    }
}
