/// Probability: reproducible random generators, and distributions, continuous ([ContinuousDistribution]),
/// discrete ([DiscreteDistribution]) and multivariate ([MultivariateDistribution]), each with its density
/// or mass, CDF, quantile, sampling, moments, entropy and maximum-likelihood fit.
///
/// Book: chapter 3, "Probability".
package dev.lemma.prob;
