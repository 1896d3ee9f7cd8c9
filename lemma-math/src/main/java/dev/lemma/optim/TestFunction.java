package dev.lemma.optim;

import java.util.List;

/// A function from the optimisation literature, with what is known about it: its minimisers, its
/// minimum, the usual starting point, and a box to draw it in.
///
/// @param name the function's name, e.g. `"Rosenbrock"`
/// @param objective the function with its exact gradient and Hessian
/// @param dimension $n$
/// @param minimizers the global minimisers (several for Himmelblau's; empty when none is known in closed
///     form)
/// @param minimum the global minimum value ($-\infty$ for a function unbounded below, NaN if unknown)
/// @param start the customary starting point
/// @param box `{xmin, xmax, ymin, ymax}`, a window that shows the function's features (for 2-D plots)
@SuppressWarnings("ArrayRecordComponent") // descriptions handed to optimisers and plots, never compared
public record TestFunction(
        String name,
        Objective objective,
        int dimension,
        List<double[]> minimizers,
        double minimum,
        double[] start,
        double[] box) {}
