package dev.lemma.linalg;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lemma.numeric.ConvergenceException;
import org.junit.jupiter.api.Test;

/// The QR iterations of the symmetric eigensolver and the SVD stop at their iteration limit with a
/// `ConvergenceException` that names the method and the count, instead of looping forever or
/// returning unconverged numbers.
///
/// The public API rejects NaN before it iterates (`NonFiniteValueException`), so the only way to
/// reach the limit on purpose is to hand the iteration itself a NaN: every deflation test compares
/// with NaN, is false, and no entry ever deflates. The Francis iteration of [Eigen] has the same
/// check in [FrancisQrTest#nonFiniteInputStopsAtTheIterationLimit].
class IterationLimitTest {

    @Test
    void tridiagonalQrStopsAtThirtyStepsPerEigenvalue() {
        double[] d = {1.0, Double.NaN, 3.0, 4.0};
        double[] e = {0.5, 0.5, 0.5};
        assertThatThrownBy(() -> Tridiagonal.diagonalize(d, e, 4, null))
                .isInstanceOf(ConvergenceException.class)
                .hasMessageContaining("4×4")
                .hasMessageContaining("120"); // 30 · n, LAPACK dsteqr's budget
    }

    @Test
    void bidiagonalQrStopsAtThirtySweepsPerSingularValue() {
        double[] d = {2.0, 1.0, Double.NaN};
        double[] e = {0.5, 0.5};
        assertThatThrownBy(() -> Bidiagonal.diagonalize(d, e, 3, null, null))
                .isInstanceOf(ConvergenceException.class)
                .hasMessageContaining("90"); // 30 · n, LAPACK dbdsqr's budget
    }

    @Test
    void theLimitsSitBehindTheFiniteInputChecksOfThePublicApi() {
        Matrix withNaN = Matrix.of(new double[][] {{1, Double.NaN}, {Double.NaN, 1}});
        assertThatThrownBy(withNaN::symmetricEigen)
                .isInstanceOf(dev.lemma.numeric.NonFiniteValueException.class)
                .hasMessageContaining("row 0, column 1");
        assertThatThrownBy(withNaN::svd)
                .isInstanceOf(dev.lemma.numeric.NonFiniteValueException.class)
                .hasMessageContaining("row 0, column 1");
    }
}
