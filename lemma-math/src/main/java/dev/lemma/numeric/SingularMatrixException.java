package dev.lemma.numeric;

import java.io.Serial;

/// A linear system `A·x = b` was asked of a matrix that is singular (or singular to working precision):
/// no unique solution exists. The message names the pivot that vanished.
///
/// For a least-squares or minimum-norm answer use `Matrix.leastSquares` or `Matrix.pseudoInverse`.
public final class SingularMatrixException extends ArithmeticException {
    @Serial
    private static final long serialVersionUID = 1L;

    /// @param message which pivot vanished, and its size relative to the matrix
    public SingularMatrixException(String message) {
        super(message);
    }
}
