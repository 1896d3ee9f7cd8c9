/// The experiments of chapter 7, "Numerical methods", in the order the chapter embeds them:
/// [FiniteDifferenceErrorExperiment] (the V-shaped error of forward and central differences against
/// the step, and the complex step that has no V), [SummationErrorExperiment] (naive, pairwise and
/// compensated summation against their error bounds) and [SoftmaxOverflowExperiment] (the naive
/// softmax overflowing to NaN where the shifted one does not).
///
/// Each computes with `dev.lemma.calculus` and `dev.lemma.numeric` only, and its notes say what the
/// numbers mean.
///
/// Book: chapter 7 (search for "```experiment").
package dev.lemma.experiments.numeric;
