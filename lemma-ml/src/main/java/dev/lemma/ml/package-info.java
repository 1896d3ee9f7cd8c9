/// The Learner/Model API. A [dev.lemma.ml.Learner] is an immutable configuration, a record of
/// hyper-parameters with scikit-learn's names and defaults; its `fit` returns an immutable, thread-safe
/// [dev.lemma.ml.Model]: a [dev.lemma.ml.Regressor], a [dev.lemma.ml.Classifier] or a
/// [dev.lemma.ml.Transformer]. A model's [dev.lemma.ml.Model#state()] lists what it learned, by name, for
/// inspection and for saving to a file.
///
/// Packages are named as scikit-learn's: `linear`, `neighbors`, `bayes`, `discriminant`,
/// `decomposition`, `preprocessing`, `selection`, `metrics`.
///
/// Book: chapter 8, "Case studies".
package dev.lemma.ml;
