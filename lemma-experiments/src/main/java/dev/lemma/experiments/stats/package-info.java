/// The experiments of chapter 4, "Statistics", in the order the chapter embeds them:
/// [ConfidenceCoverageExperiment] (a hundred confidence intervals against the true mean, and how many
/// miss), [TestPowerExperiment] (the power of the t test against the effect size, by formula and by
/// simulation) and [BootstrapDistributionExperiment] (the bootstrap distribution of a statistic beside
/// its true sampling distribution).
///
/// Each computes with `dev.lemma.prob` and `dev.lemma.stats` only, and its notes say what the numbers
/// mean.
///
/// Book: chapter 4 (search for "```experiment").
package dev.lemma.experiments.stats;
