package dev.lemma.ml;

import dev.lemma.linalg.Matrix;

/// A model that maps features to new features: a scaler, an encoder, a projection.
public interface Transformer extends Model {

    /// Transforms the rows of `x`.
    ///
    /// @param x $m \times d$
    /// @return the transformed rows
    /// @throws IllegalArgumentException if `x` has the wrong number of columns or a non-finite entry
    Matrix transform(Matrix x);
}
