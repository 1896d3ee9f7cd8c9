package dev.lemma.optim;

import java.util.ArrayList;
import java.util.List;

/// The bookkeeping every optimiser shares: it counts the evaluations, keeps the trajectory and the values,
/// and applies the common stopping tests (non-finite numbers, the gradient tolerance, the iteration
/// limit), so that each optimiser's class holds only its update rule.
final class Recorder {
    private final Objective counted;
    private final List<double[]> trajectory = new ArrayList<>();
    private final List<Double> values = new ArrayList<>();
    private int evaluations;

    Recorder(Objective f) {
        this.counted = new Objective() {
            @Override
            public double value(double[] x) {
                evaluations++;
                return f.value(x);
            }

            @Override
            public double[] gradient(double[] x) {
                evaluations++;
                return f.gradient(x);
            }

            @Override
            public Evaluation evaluate(double[] x) {
                evaluations++;
                return f.evaluate(x);
            }

            @Override
            public dev.lemma.linalg.Matrix hessian(double[] x) {
                return f.hessian(x);
            }

            @Override
            public double[] hessianVector(double[] x, double[] v) {
                return f.hessianVector(x, v);
            }
        };
    }

    /// The objective, counting every evaluation (a value, a gradient, or both together count as one);
    /// hand this to line searches.
    Objective objective() {
        return counted;
    }

    /// Evaluates the objective and counts it.
    Objective.Evaluation evaluate(double[] x) {
        return counted.evaluate(x);
    }

    int evaluations() {
        return evaluations;
    }

    /// Records iterate `k` and applies the common stopping tests.
    ///
    /// @return the result if the run stops here, else `null`
    OptimizationResult record(int k, double[] x, Objective.Evaluation e, double tolerance, int maxIterations) {
        trajectory.add(x.clone());
        values.add(e.value());
        String bad = Trouble.find(e, k);
        double norm = Trouble.norm(e.gradient());
        if (bad != null) {
            return stop(x, e.value(), norm, Status.DIVERGED, bad, k);
        }
        if (norm <= tolerance) {
            return stop(x, e.value(), norm, Status.CONVERGED, "‖∇f‖ = " + norm + " ≤ " + tolerance, k);
        }
        if (k >= maxIterations) {
            return stop(x, e.value(), norm, Status.ITERATION_LIMIT, maxIterations + " iterations, ‖∇f‖ = " + norm, k);
        }
        return null;
    }

    /// Records a point whose gradient is not known (e.g. a stochastic method's epoch end), without tests.
    void recordPoint(double[] x, double value) {
        trajectory.add(x.clone());
        values.add(value);
    }

    /// Ends the run with the given status (the last recorded point is `x`).
    OptimizationResult stop(double[] x, double value, double gradientNorm, Status status, String reason, int k) {
        return new OptimizationResult(
                x.clone(),
                value,
                gradientNorm,
                status,
                reason,
                k,
                evaluations,
                List.copyOf(trajectory),
                values.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
