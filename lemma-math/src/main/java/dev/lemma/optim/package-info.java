/// Optimisation. For now the [Objective] that optimisers minimise, with its bridge from the tensor
/// engine ([Objective#fromTensors]); the optimisers, line searches and schedules follow.
///
/// Book: chapter 5, "Optimisation" (planned).
package dev.lemma.optim;
