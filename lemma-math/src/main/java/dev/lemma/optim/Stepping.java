package dev.lemma.optim;

import dev.lemma.numeric.Checks;

/// The full-batch loop shared by the optimisers that are an [UpdateRule]: evaluate, record and test
/// (through [Recorder]), step; so that each optimiser's class holds only its rule.
final class Stepping {
    private Stepping() {}

    /// Runs `rule` on the exact gradient of `f` from `x0` until $\|\nabla f\| \le$ `tolerance`, a non-finite
    /// number, or `maxIterations` steps.
    static OptimizationResult minimize(UpdateRule rule, Objective f, double[] x0, int maxIterations, double tolerance) {
        Recorder run = new Recorder(f);
        UpdateRule.State state = rule.start(x0.length);
        double[] x = x0.clone();
        for (int k = 0; ; k++) {
            Objective.Evaluation e = run.evaluate(x);
            OptimizationResult done = run.record(k, x, e, tolerance, maxIterations);
            if (done != null) {
                return done;
            }
            state.step(x, e.gradient(), rate(rule, k));
        }
    }

    /// The rule's rate at step `k`, checked: a custom schedule that returns a negative or non-finite rate
    /// is named here rather than producing a silent wrong run.
    static double rate(UpdateRule rule, int k) {
        double eta = rule.rate(k);
        Checks.argument(
                eta >= 0 && Double.isFinite(eta),
                "the learning rate at step %d is %s: it must be finite and ≥ 0",
                k,
                eta);
        return eta;
    }

    static void checkSchedule(String owner, Schedule learningRate) {
        Checks.argument(learningRate != null, "%s: learningRate must be a schedule, got null", owner);
    }

    static void checkLimits(String owner, int maxIterations, double tolerance) {
        Checks.argument(maxIterations >= 0, "%s: maxIterations must be ≥ 0, got %d", owner, maxIterations);
        Checks.argument(tolerance >= 0, "%s: tolerance must be ≥ 0, got %s", owner, tolerance);
    }

    static void checkUnit(String owner, String name, double value) {
        Checks.argument(value >= 0 && value < 1, "%s: %s must be in [0, 1), got %s", owner, name, value);
    }

    static void checkEpsilon(String owner, double epsilon) {
        Checks.argument(
                epsilon >= 0 && Double.isFinite(epsilon), "%s: epsilon must be finite and ≥ 0, got %s", owner, epsilon);
    }
}
