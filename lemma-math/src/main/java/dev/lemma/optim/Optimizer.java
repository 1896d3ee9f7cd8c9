package dev.lemma.optim;

/// An algorithm that minimises an [Objective] from a starting point.
///
/// Book: chapter 5, "Optimisation".
public interface Optimizer {

    /// Minimises `f` starting from `x0` (which is not modified).
    ///
    /// @param f the objective
    /// @param x0 the starting point
    /// @return the result, with the trajectory
    OptimizationResult minimize(Objective f, double[] x0);
}
