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

    /// Records iterate `k` and applies the common stopping tests to an explicit stationarity measure in
    /// place of $\|\nabla f\|$: on a constrained or composite problem the gradient need not vanish at the
    /// minimiser (projected and proximal methods test the norm of their gradient mapping instead). The
    /// result's `gradientNorm` is still $\|\nabla f\|_2$ of `e`; the reason names the measure.
    ///
    /// @param e the value to record (e.g. the composite $f + g$) with the gradient of the smooth part
    /// @param stationarity the measure, zero exactly at a stationary point
    /// @param measure its name, for the reason (e.g. `"‖x − P(x − ∇f)‖"`)
    /// @return the result if the run stops here, else `null`
    OptimizationResult record(
            int k,
            double[] x,
            Objective.Evaluation e,
            double stationarity,
            String measure,
            double tolerance,
            int maxIterations) {
        trajectory.add(x.clone());
        values.add(e.value());
        String bad = Trouble.find(e, k);
        double norm = Trouble.norm(e.gradient());
        if (bad != null) {
            return stop(x, e.value(), norm, Status.DIVERGED, bad, k);
        }
        if (!Double.isFinite(stationarity)) {
            return stop(
                    x, e.value(), norm, Status.DIVERGED, measure + " became " + stationarity + " at iteration " + k, k);
        }
        if (stationarity <= tolerance) {
            return stop(x, e.value(), norm, Status.CONVERGED, measure + " = " + stationarity + " ≤ " + tolerance, k);
        }
        if (k >= maxIterations) {
            return stop(
                    x,
                    e.value(),
                    norm,
                    Status.ITERATION_LIMIT,
                    maxIterations + " iterations, " + measure + " = " + stationarity,
                    k);
        }
        return null;
    }

    /// Records a point whose gradient is not known (e.g. a stochastic method's epoch end), without tests.
    void recordPoint(double[] x, double value) {
        trajectory.add(x.clone());
        values.add(value);
    }

    /// Ends the run because the line search found no step that decreases $f$ from `x`.
    ///
    /// @param along what the direction was, e.g. `" along −∇f"`, or empty
    OptimizationResult stalled(double[] x, Objective.Evaluation e, int k, String along) {
        return stop(
                x,
                e.value(),
                Trouble.norm(e.gradient()),
                Status.STALLED,
                "the line search found no decrease" + along + " from f = " + e.value() + " at iteration " + k,
                k);
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
