/// The experiments of chapter 8, "Case studies", in the order the chapter embeds them:
/// [RegressionFitExperiment] (least squares as a projection, four solvers agreeing),
/// [PolynomialDegreeExperiment] (training and test error over the degree: the U curve),
/// [DecisionBoundariesExperiment] (every classifier's answer over the plane, on synthetic data or an
/// uploaded CSV), [RocPrCurvesExperiment] (ROC and precision–recall curves with an operating point),
/// [RegularisationPathsExperiment] (ridge and lasso coefficient paths with cross-validated scores),
/// [LogisticTrainingExperiment] (gradient descent, L-BFGS and Newton on the same logistic loss) and
/// [PcaExplorerExperiment] (scores, explained variance and reconstructions) and [KnnKExperiment] (k-NN's
/// boundary and accuracy over k).
///
/// Each computes with `dev.lemma.data` and `dev.lemma.ml` (and `dev.lemma.linalg` or `dev.lemma.optim`
/// where it shows a computation in the open), and its notes say what the numbers mean.
///
/// Book: chapter 8, case studies.
package dev.lemma.experiments.ml;
