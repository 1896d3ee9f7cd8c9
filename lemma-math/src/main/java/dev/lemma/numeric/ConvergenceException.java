package dev.lemma.numeric;

import java.io.Serial;

/// An iterative method reached its iteration limit before meeting its stopping criterion.
/// The message names the method, the iteration count and how far from convergence it was.
public final class ConvergenceException extends ArithmeticException {
    @Serial
    private static final long serialVersionUID = 1L;

    /// @param message the method, the iteration count reached and the residual left
    public ConvergenceException(String message) {
        super(message);
    }
}
