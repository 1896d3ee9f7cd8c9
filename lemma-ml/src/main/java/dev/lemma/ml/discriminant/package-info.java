/// Discriminant analysis, as scikit-learn's `sklearn.discriminant_analysis`: Gaussian class-conditional
/// models, with one shared covariance (linear boundaries, and a projection onto the discriminant axes)
/// or one covariance per class (quadratic boundaries).
///
/// Book: `book/models/`, "Discriminant analysis".
package dev.lemma.ml.discriminant;
