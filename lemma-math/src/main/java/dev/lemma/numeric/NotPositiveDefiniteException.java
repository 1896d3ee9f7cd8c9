package dev.lemma.numeric;

import java.io.Serial;

/// A Cholesky factorisation met a matrix that is not symmetric positive definite: a diagonal entry
/// `a_jj − Σ l_jk²` was not positive. The message names the column where it happened.
public final class NotPositiveDefiniteException extends ArithmeticException {
    @Serial
    private static final long serialVersionUID = 1L;

    /// @param message the column and the value of the failed pivot
    public NotPositiveDefiniteException(String message) {
        super(message);
    }
}
