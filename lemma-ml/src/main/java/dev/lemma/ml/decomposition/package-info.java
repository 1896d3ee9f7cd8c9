/// Decompositions of the feature matrix, as scikit-learn's `sklearn.decomposition`: principal component
/// analysis.
///
/// Book: chapter 8, "PCA from scratch"; `book/models/`.
package dev.lemma.ml.decomposition;
