package dev.lemma.info;

import dev.lemma.linalg.Cholesky;
import dev.lemma.linalg.Matrix;
import dev.lemma.numeric.Checks;
import dev.lemma.numeric.NotPositiveDefiniteException;

/// The Cholesky factorisation of a covariance argument, with messages that name the method and the
/// argument (a method of this package often takes two covariances, and "A is not positive definite"
/// would not say which).
final class Covariances {
    private Covariances() {}

    /// Factorises `covariance` after checking it is square, finite and symmetric.
    ///
    /// @throws IllegalArgumentException if it is not square (naming its shape) or not symmetric within
    ///     [Cholesky#SYMMETRY_TOLERANCE]
    /// @throws dev.lemma.numeric.NonFiniteValueException naming the row and column of the first non-finite
    ///     entry
    /// @throws NotPositiveDefiniteException naming the argument and the failed pivot
    static Cholesky factor(String method, String name, Matrix covariance) {
        int k = covariance.rows();
        Checks.argument(
                covariance.cols() == k,
                "%s: %s is %s (expected a square covariance matrix)",
                method,
                name,
                Checks.shape(k, covariance.cols()));
        Checks.finite(name, covariance.toRowMajorArray(), k);
        Checks.argument(
                covariance.isSymmetric(Cholesky.SYMMETRY_TOLERANCE),
                "%s: %s is not symmetric (expected a covariance matrix, symmetric within relative %s)",
                method,
                name,
                Cholesky.SYMMETRY_TOLERANCE);
        try {
            return Cholesky.of(covariance);
        } catch (NotPositiveDefiniteException e) {
            NotPositiveDefiniteException named = new NotPositiveDefiniteException(method + ": " + name
                    + " is not positive definite (expected a covariance matrix): " + e.getMessage());
            named.initCause(e);
            throw named;
        }
    }
}
