/// The experiments of chapter 5, "Optimisation", in the order the chapter embeds them:
/// [OptimiserRaceExperiment] (the optimisers side by side on a 2-D test function, paths and excess
/// values), [MomentumRateExperiment] (heavy ball's rate as the largest spectral radius of its 2 × 2
/// iteration matrices, after Distill's "Why momentum really works"), [LearningRateExperiment]
/// (gradient descent at a step too small, right and too large, and the 2/L threshold),
/// [NewtonVersusGradientDescentExperiment] (Newton's quadratic convergence against gradient descent's
/// linear rate, with the order measured step by step), [SgdBatchNoiseExperiment] (mini-batch SGD paths
/// over the level sets of a least-squares loss, and the variance of the mini-batch gradient against
/// $\frac{\sigma^2}{B}\frac{m-B}{m-1}$), [LrSchedulesExperiment] (the six learning-rate schedules of
/// `dev.lemma.optim.Schedule` and what each does to the same optimiser on the same problem) and
/// [ConstrainedKktExperiment] (the augmented Lagrangian's outer iterates over a feasible set, and the KKT
/// conditions drawn as arrows that add up to zero).
///
/// Each computes with `dev.lemma.optim` and checks what it can against an independent computation; their
/// notes and tables report the library's own status and reason for each run. `Landscape` holds the level
/// sets, paths and log-axis values the first four draw alike.
///
/// Book: chapter 5, optimisation (search for "```experiment").
package dev.lemma.experiments.optim;
