/// The experiments of chapter 5, "Optimisation", in the order the chapter embeds them. Among them:
/// [SgdBatchNoiseExperiment] (mini-batch SGD paths over the level sets of a least-squares loss, and the
/// variance of the mini-batch gradient against $\frac{\sigma^2}{B}\frac{m-B}{m-1}$),
/// [LrSchedulesExperiment] (the six learning-rate schedules of `dev.lemma.optim.Schedule` and what each does
/// to the same optimiser on the same problem) and [ConstrainedKktExperiment] (the augmented Lagrangian's
/// outer iterates over a feasible set, and the KKT conditions drawn as arrows that add up to zero).
///
/// Each computes with `dev.lemma.optim` and checks what it can against an independent computation (the
/// gradient variance from the example gradients themselves, the multipliers through the KKT residuals);
/// its notes say what the numbers mean.
///
/// Book: chapter 5, optimisation (search for "```experiment").
package dev.lemma.experiments.optim;
