/// Linear models, as scikit-learn's `sklearn.linear_model`: least squares with a choice of solver,
/// ridge, lasso and elastic net, logistic regression, the perceptron.
///
/// Book: chapter 8, "Linear regression from scratch", and `book/models/`.
package dev.lemma.ml.linear;
