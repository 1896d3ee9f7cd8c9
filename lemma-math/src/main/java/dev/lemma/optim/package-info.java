/// Optimisation: the [Objective] that optimisers minimise (by hand, from the tensor engine
/// ([Objective#fromTensors]), or numerically), the [Optimizer] contract and its [OptimizationResult]
/// (solution, status with its reason, cost and the whole trajectory), and the optimisers:
/// - first order: [GradientDescent] (fixed, Armijo or exact step), [Momentum], [Nesterov], [AdaGrad],
///   [RMSProp], [Adam], [AdamW], each an [UpdateRule] that [SGD] also drives over mini-batches of a
///   [StochasticObjective], with learning-rate [Schedule]s;
/// - second order and quasi-Newton: [Newton] (pure or damped), [BFGS], [LBFGS], [NonlinearConjugateGradient],
///   and linear [ConjugateGradient];
/// - structured and constrained: [CoordinateDescent] (with the lasso), [ProximalGradient] (ISTA, FISTA),
///   [ProjectedGradient] onto a [ConvexSet], and the [AugmentedLagrangian] with its KKT report
///   ([ConstrainedResult]).
///
/// Line searches: [LineSearch] (Armijo, strong Wolfe). Test functions: [TestFunctions].
///
/// Book: chapter 5, "Optimisation".
package dev.lemma.optim;
