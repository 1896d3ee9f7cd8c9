/// Naive Bayes classifiers, as scikit-learn's `sklearn.naive_bayes`: features independent given the
/// class, each with a Gaussian, multinomial or Bernoulli likelihood.
///
/// Book: `book/models/`.
package dev.lemma.ml.bayes;
