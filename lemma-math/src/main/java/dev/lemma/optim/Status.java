package dev.lemma.optim;

/// How a minimisation ended.
///
/// Book: chapter 5, "Optimisation".
public enum Status {
    /// The stopping test held: the gradient's norm (or, for constrained and proximal methods, the
    /// stationarity measure the reason names) fell below the tolerance.
    CONVERGED,
    /// The iteration limit was reached first.
    ITERATION_LIMIT,
    /// No step could decrease the value any more (a line search failed), short of convergence.
    STALLED,
    /// The value or the gradient became NaN or infinite; the result says where.
    DIVERGED
}
