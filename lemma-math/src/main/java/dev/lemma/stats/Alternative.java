package dev.lemma.stats;

/// The alternative hypothesis of a test, as SciPy names it: the parameter differs from the null value
/// in either direction, is less, or is greater.
///
/// Book: chapter 4, "Hypothesis tests".
public enum Alternative {
    /// $H_1: \theta \ne \theta_0$; the p-value counts both tails.
    TWO_SIDED,
    /// $H_1: \theta < \theta_0$; the p-value is the lower tail.
    LESS,
    /// $H_1: \theta > \theta_0$; the p-value is the upper tail.
    GREATER
}
