package dev.lemma.optim;

import dev.lemma.numeric.Checks;
import dev.lemma.prob.Randomness;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/// Mini-batch stochastic gradient descent: any [UpdateRule] driven by mini-batch gradients of a
/// [StochasticObjective]. Each epoch shuffles the $m$ examples (a uniform random permutation, from a
/// seeded generator) and cuts them into consecutive batches of `batchSize` (the last one smaller when
/// `batchSize` does not divide $m$, as PyTorch's `DataLoader` with `drop_last=False`): every example is
/// used once per epoch, the batches are drawn without replacement. Step $t$ (counted across epochs from
/// 0) takes the batch's average gradient $g_t = \nabla f_{B_t}(x_t)$ and moves by the rule with rate
/// $\eta_t$:
///
/// - [UpdateRule#plain]: $x_{t+1} = x_t - \eta_t g_t$, SGD proper (Robbins and Monro 1951);
/// - [Momentum], [Nesterov], [AdaGrad], [RMSProp], [Adam], [AdamW]: their own rules, fed noisy gradients.
///
/// With a constant rate the iterates of plain SGD do not converge but hover around the minimiser at a
/// distance that grows with $\eta$ and the gradient noise; a decaying rate with $\sum \eta_t = \infty$,
/// $\sum \eta_t^2 < \infty$ (for example $\eta_0/(1 + t/t_0)$) lets them converge (Robbins and Monro).
///
/// The same seed gives the same batches, hence (the arithmetic being deterministic) the same trajectory.
/// The run records the full objective $f$ at the start and after each epoch, the batch loss of every
/// step, and the points after each step ([Trace#STEP], for drawing paths in two dimensions) or after each
/// epoch ([Trace#EPOCH]).
///
/// Reference: H. Robbins and S. Monro, "A stochastic approximation method", *Ann. Math. Statist.* 22,
/// 1951; L. Bottou, F. E. Curtis and J. Nocedal, "Optimization methods for large-scale machine learning",
/// *SIAM Review* 60(2), 2018, §4.
///
/// Book: chapter 5, "Stochastic gradient descent".
///
/// @param rule the update rule, with its learning-rate schedule (an optimiser's `maxIterations` and
///     `tolerance` belong to its full-batch `minimize` and are not used here)
/// @param batchSize $B \ge 1$ (clipped to $m$ when larger)
/// @param epochs the passes over the data, $\ge 0$
/// @param seed the seed of the shuffles
/// @param trace which points the trajectory keeps
public record SGD(UpdateRule rule, int batchSize, int epochs, long seed, Trace trace) {

    /// Which points [Result#trajectory] keeps.
    public enum Trace {
        /// $x_0$ and the point after every step.
        STEP,
        /// $x_0$ and the point after every epoch.
        EPOCH
    }

    /// Checks the settings.
    ///
    /// @throws IllegalArgumentException naming a setting out of range
    public SGD {
        Checks.argument(rule != null, "SGD: rule must be an update rule, got null");
        Checks.argument(batchSize >= 1, "SGD: batchSize must be ≥ 1, got %d", batchSize);
        Checks.argument(epochs >= 0, "SGD: epochs must be ≥ 0, got %d", epochs);
        Checks.argument(trace != null, "SGD: trace must be STEP or EPOCH, got null");
    }

    /// Keeps the points after each epoch.
    ///
    /// @param rule the update rule
    /// @param batchSize $B \ge 1$
    /// @param epochs the passes over the data
    /// @param seed the seed of the shuffles
    public SGD(UpdateRule rule, int batchSize, int epochs, long seed) {
        this(rule, batchSize, epochs, seed, Trace.EPOCH);
    }

    /// The same run keeping other points.
    ///
    /// @param which the points to keep
    /// @return the optimiser
    public SGD withTrace(Trace which) {
        return new SGD(rule, batchSize, epochs, seed, which);
    }

    /// The outcome of a run.
    ///
    /// @param x the last point
    /// @param value $f(x)$, the full objective
    /// @param gradientNorm $\|\nabla f(x)\|_2$, the full gradient
    /// @param status [Status#ITERATION_LIMIT] after the epochs, or [Status#DIVERGED]
    /// @param reason the same in words, with the numbers
    /// @param steps the updates taken
    /// @param trajectory $x_0$ and the points after each step or each epoch (see [Trace]), copies
    /// @param epochValues $f(x_0)$ and the full objective after each completed epoch
    /// @param batchLosses $f_{B_t}(x_t)$, the loss of each step's batch before the step
    @SuppressWarnings("ArrayRecordComponent") // results are read and drawn, never compared or hashed
    public record Result(
            double[] x,
            double value,
            double gradientNorm,
            Status status,
            String reason,
            int steps,
            List<double[]> trajectory,
            double[] epochValues,
            double[] batchLosses) {}

    /// Runs the epochs from `x0` (not modified).
    ///
    /// @param f the objective
    /// @param x0 the starting point
    /// @return the result
    public Result minimize(StochasticObjective f, double[] x0) {
        int m = f.size();
        Objective whole = f.full();
        RandomGenerator random = Randomness.of(seed);
        UpdateRule.State state = rule.start(x0.length);
        double[] x = x0.clone();
        List<double[]> trajectory = new ArrayList<>();
        List<Double> epochValues = new ArrayList<>();
        List<Double> batchLosses = new ArrayList<>();
        trajectory.add(x.clone());
        Objective.Evaluation full = whole.evaluate(x);
        epochValues.add(full.value());
        String bad = Trouble.find(full, 0);
        if (bad != null) {
            bad += " (the full objective at x0)";
        }
        int t = 0;
        for (int epoch = 1; epoch <= epochs && bad == null; epoch++) {
            for (int[] batch : batches(m, batchSize, random)) {
                Objective.Evaluation e = f.evaluate(x, batch);
                bad = Trouble.find(e, t);
                if (bad != null) {
                    bad += " (a mini-batch in epoch " + epoch + ")";
                    break;
                }
                batchLosses.add(e.value());
                state.step(x, e.gradient(), Stepping.rate(rule, t));
                t++;
                if (trace == Trace.STEP) {
                    trajectory.add(x.clone());
                }
            }
            if (bad == null) {
                full = whole.evaluate(x);
                epochValues.add(full.value());
                if (trace == Trace.EPOCH) {
                    trajectory.add(x.clone());
                }
                bad = Trouble.find(full, t);
                if (bad != null) {
                    bad += " (the full objective after epoch " + epoch + ")";
                }
            }
        }
        if (bad != null) {
            full = whole.evaluate(x);
        }
        double norm = Trouble.norm(full.gradient());
        Status status = bad == null ? Status.ITERATION_LIMIT : Status.DIVERGED;
        String reason =
                bad != null ? bad : epochs + " epochs (" + t + " steps), f = " + full.value() + ", ‖∇f‖ = " + norm;
        return new Result(
                x.clone(),
                full.value(),
                norm,
                status,
                reason,
                t,
                List.copyOf(trajectory),
                unbox(epochValues),
                unbox(batchLosses));
    }

    /// One epoch's batches: a uniform random permutation of $0, \dots, m - 1$ (Fisher–Yates) cut into
    /// consecutive pieces of `batchSize`, the last one possibly shorter.
    static int[][] batches(int m, int batchSize, RandomGenerator random) {
        int[] order = new int[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
        }
        for (int i = m - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        int size = Math.min(batchSize, m);
        int[][] out = new int[(m + size - 1) / size][];
        for (int k = 0; k < out.length; k++) {
            out[k] = java.util.Arrays.copyOfRange(order, k * size, Math.min(m, (k + 1) * size));
        }
        return out;
    }

    private static double[] unbox(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
