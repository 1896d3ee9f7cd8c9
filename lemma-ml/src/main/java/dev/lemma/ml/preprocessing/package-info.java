/// Feature transformations learned from training data, as scikit-learn's `sklearn.preprocessing`:
/// standard and min-max scaling, one-hot encoding, polynomial features. Fit them on the training set
/// only, then apply the same transformation to the test set.
///
/// Book: chapter 8, "Case studies".
package dev.lemma.ml.preprocessing;
