package dev.lemma.optim;

import java.util.List;

/// The outcome of a minimisation: the last point and its value, why the run stopped, what it cost, and
/// the whole trajectory, so that any run can be drawn.
///
/// @param x the last point (the minimiser, when `status` is [Status#CONVERGED])
/// @param value $f(x)$
/// @param gradientNorm $\|\nabla f(x)\|_2$
/// @param status why the run stopped
/// @param reason the same in words, with the numbers (e.g. where a NaN appeared)
/// @param iterations the steps taken
/// @param evaluations the evaluations of the objective (value and gradient together count as one)
/// @param trajectory the points $x_0, x_1, \dots$, copies
/// @param values $f(x_0), f(x_1), \dots$
@SuppressWarnings("ArrayRecordComponent") // results are read and drawn, never compared or hashed
public record OptimizationResult(
        double[] x,
        double value,
        double gradientNorm,
        Status status,
        String reason,
        int iterations,
        int evaluations,
        List<double[]> trajectory,
        double[] values) {}
