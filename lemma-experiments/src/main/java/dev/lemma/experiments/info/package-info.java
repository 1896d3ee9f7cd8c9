/// The experiments of chapter 6, "Information theory": [EntropyAndKlExperiment] (entropy,
/// cross-entropy and the two Kullback–Leibler divergences of two discrete distributions, and of two
/// Gaussians in closed form).
///
/// Each computes with `dev.lemma.info` only, and its notes say what the numbers mean.
///
/// Book: chapter 6 (search for "```experiment").
package dev.lemma.experiments.info;
