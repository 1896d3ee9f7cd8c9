/// The experiments of chapter 3, "Probability", in the order the chapter embeds them:
/// [DistributionExplorerExperiment] (a family's density or mass and CDF against a seeded sample),
/// [LawOfLargeNumbersExperiment] (running means settle on the mean, unless there is none),
/// [CentralLimitTheoremExperiment] (standardised means become normal, at the Berry–Esseen rate),
/// [HoeffdingBoundExperiment] (how often a mean strays by $\varepsilon$, against Hoeffding's and
/// Chebyshev's bounds) and [BayesCoinExperiment] (a Beta prior updated by coin flips).
///
/// Each computes with `dev.lemma.prob` and `dev.lemma.stats` only, and its notes say what the
/// numbers mean.
///
/// Book: chapter 3, "Probability".
package dev.lemma.experiments.prob;
