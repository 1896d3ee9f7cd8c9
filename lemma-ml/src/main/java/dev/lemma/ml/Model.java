package dev.lemma.ml;

/// A fitted model: immutable and safe to share between threads.
public interface Model {

    /// What the model learned and how it was configured, by scikit-learn's names (`coef_`, `intercept_`,
    /// `explained_variance_`, ...), for `lemma inspect` and for saving to a file.
    ///
    /// @return the state
    ModelState state();

    /// @return the number of features the model expects
    int features();
}
