/// Probability: reproducible random generators ([Randomness]), and distributions, continuous
/// ([ContinuousDistribution]), discrete ([DiscreteDistribution]: [Bernoulli], [Binomial], [Poisson],
/// [Geometric], [Categorical]) and multivariate ([MultivariateDistribution]: [MultivariateNormal],
/// [Dirichlet]), each with its density or mass, CDF, quantile, sampling, moments, entropy and
/// maximum-likelihood fit; the rules of probability on a table of two discrete variables ([JointTable],
/// with Bayes' rule); and conjugate Bayesian updating ([Conjugate]).
///
/// Book: chapter 3, "Probability".
package dev.lemma.prob;
