package dev.lemma.ml.neighbors;

/// How the $k$ neighbours' votes (or targets) are weighted, scikit-learn's `weights`.
public enum Weights {
    /// Every neighbour counts the same.
    UNIFORM,
    /// A neighbour at distance $r$ counts $1/r$; if some neighbours are at distance 0, they share all the
    /// weight (each counts 1, the others 0), as in scikit-learn.
    DISTANCE
}
