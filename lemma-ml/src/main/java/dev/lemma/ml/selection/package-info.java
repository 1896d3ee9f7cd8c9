/// Model selection, as scikit-learn's `sklearn.model_selection`: k-fold and stratified k-fold splits,
/// cross-validated scores, grid search over hyper-parameters, learning and validation curves.
///
/// Book: chapter 8, "Evaluating a model".
package dev.lemma.ml.selection;
