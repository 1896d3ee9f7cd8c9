package dev.lemma.optim;

/// A first-order update rule: how a point moves given the gradient there, with whatever state the rule
/// carries from step to step (a velocity, running averages of the gradient and of its square).
///
/// Each optimiser of chapter 5 writes its rule once, in its [State]; the same rule then runs full-batch
/// through the optimiser's own `minimize` (one exact gradient per step) and on mini-batches through [SGD]
/// (one noisy gradient per step). The learning rate at step $t$ is [#rate], usually from a [Schedule].
///
/// ```java
/// Adam adam = new Adam();
/// UpdateRule.State s = adam.start(x.length);
/// for (int t = 0; t < steps; t++) {
///     s.step(x, gradientAt(x), adam.rate(t)); // x moves in place
/// }
/// ```
///
/// Book: chapter 5, "Stochastic gradient descent" and "Adaptive methods".
public interface UpdateRule {

    /// The learning rate $\eta_t$ at step $t$ (counted from 0).
    ///
    /// @param step $t \ge 0$
    /// @return $\eta_t \ge 0$
    double rate(int step);

    /// A fresh state for `n` variables: zero velocity, zero running averages, step counter 0.
    ///
    /// @param n the number of variables
    /// @return the state
    State start(int n);

    /// The mutable state of a rule during one run. Not thread-safe: one run, one state.
    interface State {

        /// Moves `x` in place by one step of the rule, given the gradient (or a mini-batch estimate of it)
        /// at `x` and the learning rate of this step.
        ///
        /// @param x the point, modified
        /// @param gradient $g_t$ at `x`, not modified
        /// @param rate $\eta_t$
        void step(double[] x, double[] gradient, double rate);
    }

    /// Plain gradient descent, $x_{t+1} = x_t - \eta_t\,g_t$: stochastic gradient descent's own step when
    /// given mini-batch gradients.
    ///
    /// @param learningRate the schedule of $\eta_t$
    /// @return the rule
    /// @throws IllegalArgumentException if `learningRate` is null
    static UpdateRule plain(Schedule learningRate) {
        Stepping.checkSchedule("UpdateRule.plain", learningRate);
        return new UpdateRule() {
            @Override
            public double rate(int step) {
                return learningRate.rate(step);
            }

            @Override
            public State start(int n) {
                return (x, g, eta) -> {
                    for (int i = 0; i < x.length; i++) {
                        x[i] -= eta * g[i];
                    }
                };
            }

            @Override
            public String toString() {
                return "plain gradient step";
            }
        };
    }

    /// Plain gradient descent with a constant rate.
    ///
    /// @param learningRate $\eta > 0$
    /// @return the rule
    /// @throws IllegalArgumentException if `learningRate` is not finite and positive
    static UpdateRule plain(double learningRate) {
        return plain(Schedule.constant(learningRate));
    }
}
