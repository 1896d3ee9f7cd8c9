/// Optimisation: the [Objective] that optimisers minimise (with its bridge from the tensor engine,
/// [Objective#fromTensors]), the [Optimizer] contract and its [OptimizationResult] (solution, status,
/// cost and the whole trajectory), and the optimisers, starting with [GradientDescent].
///
/// Book: chapter 5, "Optimisation" (planned).
package dev.lemma.optim;
