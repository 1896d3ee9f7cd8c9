/// The experiments of chapter 5, "Optimisation", in the order the chapter embeds them:
/// [OptimiserRaceExperiment] (the optimisers side by side on a 2-D test function, paths and excess
/// values), [MomentumRateExperiment] (heavy ball's rate as the largest spectral radius of its 2 × 2
/// iteration matrices, after Distill's "Why momentum really works"), [LearningRateExperiment]
/// (gradient descent at a step too small, right and too large, and the 2/L threshold) and
/// [NewtonVersusGradientDescentExperiment] (Newton's quadratic convergence against gradient descent's
/// linear rate, with the order measured step by step).
///
/// Each runs the optimisers of `dev.lemma.optim` and draws their recorded trajectories; `Landscape` holds
/// the level sets, paths and log-axis values they draw alike. Their notes and tables report the library's
/// own status and reason for each run.
///
/// Book: chapter 5, optimisation (search for "```experiment").
package dev.lemma.experiments.optim;
