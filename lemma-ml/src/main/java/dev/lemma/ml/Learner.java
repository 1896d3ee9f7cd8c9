package dev.lemma.ml;

import dev.lemma.data.Dataset;

/// A learning algorithm with its hyper-parameters: immutable, so one learner can fit many datasets (in
/// cross-validation, in a grid search) and each fit is independent.
///
/// @param <M> the kind of model it produces
public interface Learner<M extends Model> {

    /// Learns from the data.
    ///
    /// @param data the training set (its target, for supervised learners)
    /// @return the fitted model
    /// @throws IllegalArgumentException naming the row and column of a non-finite value, or a dataset that
    ///     is empty or has no usable target
    M fit(Dataset data);
}
