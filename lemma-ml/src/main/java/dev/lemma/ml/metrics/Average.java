package dev.lemma.ml.metrics;

/// How a per-class score is averaged into one number (scikit-learn's `average=`).
public enum Average {
    /// The unweighted mean over classes: every class counts the same, however rare.
    MACRO,
    /// The score of the pooled counts: true positives, false positives and false negatives summed over
    /// classes first. For single-label multiclass data, micro precision = micro recall = accuracy.
    MICRO,
    /// The mean over classes weighted by each class's support (its number of true examples).
    WEIGHTED
}
