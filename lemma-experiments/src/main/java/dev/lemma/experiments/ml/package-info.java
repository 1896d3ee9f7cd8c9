/// The experiments of chapter 8, "Case studies", in the order the chapter embeds them:
/// [RegressionFitExperiment] (least squares as a projection, four solvers agreeing).
///
/// Each computes with `dev.lemma.data` and `dev.lemma.ml` (and `dev.lemma.linalg` for the independent
/// checks it shows), and its notes say what the numbers mean.
///
/// Book: chapter 8, case studies.
package dev.lemma.experiments.ml;
