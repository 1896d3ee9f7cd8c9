/// The experiments of chapter 2, "Calculus", in the order the chapter embeds them:
/// [TangentLineExperiment] (the derivative as the limit of secant slopes, and where finite differences
/// stop improving), [TaylorSeriesExperiment] (Taylor polynomials from jets, and their radius of
/// convergence), [GradientFieldExperiment] (the gradient is orthogonal to the level sets) and
/// [ComputationalGraphExperiment] (reverse-mode differentiation on a graph of `Value` nodes).
///
/// Each computes with `dev.lemma.calculus` and `dev.lemma.autodiff` only, and its notes say what the
/// numbers mean. `Format` and `Palette` are copies of chapter 1's package-private helpers, kept here so
/// that the two chapters' packages stay independent.
///
/// Book: chapter 2, calculus.
package dev.lemma.experiments.calculus;
