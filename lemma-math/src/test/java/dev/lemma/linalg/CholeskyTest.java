package dev.lemma.linalg;

import static dev.lemma.linalg.SolverFixtures.EPS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/// Cholesky on random symmetric positive definite matrices: $LL^\top = A$ to
/// $\|A - \hat L \hat L^\top\| \le c\,n\,u\,\|A\|$ (Higham, *Accuracy and Stability*, Theorem 10.3),
/// a lower-triangular factor with a positive diagonal, solves with a small backward error, and the
/// determinant of LU.
class CholeskyTest {
    static IntStream sizes() {
        return IntStream.of(SolverFixtures.sizes());
    }

    @ParameterizedTest
    @MethodSource("sizes")
    void lowerTimesItsTransposeEqualsA(int n) {
        Matrix a = SolverFixtures.spd(n, 400 + n);
        Matrix l = a.cholesky().lower();
        double norm = Math.max(1, a.normFrobenius());
        assertThat(l.times(l.transpose()).minus(a).normFrobenius()).isLessThanOrEqualTo(10 * (n + 1) * EPS * norm);
        for (int i = 0; i < n; i++) {
            assertThat(l.get(i, i)).isPositive();
            for (int j = i + 1; j < n; j++) {
                assertThat(l.get(i, j)).isZero();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("sizes")
    void solveHasASmallBackwardErrorAndDeterminantAgreesWithLu(int n) {
        Matrix a = SolverFixtures.spd(n, 500 + n);
        Vector b = Vector.random(n, 600 + n);
        Cholesky chol = a.cholesky();
        Vector x = chol.solve(b);
        // Normwise backward error ‖b − Ax‖ / (‖A‖‖x‖ + ‖b‖) (Rigal–Gaches), c·n·u for a stable solver.
        double backward = SolverFixtures.backwardError(a, x, b);
        assertThat(backward).isLessThanOrEqualTo(10 * (n + 1) * EPS);
        if (n > 0) {
            double det = a.lu().determinant();
            assertThat(Math.abs(chol.determinant() - det)).isLessThanOrEqualTo(100 * n * EPS * Math.abs(det) * n);
            assertThat(Math.abs(chol.logDeterminant() - Math.log(det))).isLessThanOrEqualTo(100 * n * n * EPS);
        }
        Matrix inverse = chol.inverse();
        assertThat(a.times(inverse).minus(Matrix.identity(n)).normFrobenius())
                .isLessThanOrEqualTo(10 * (n + 1) * EPS * a.normFrobenius() * Math.max(1, inverse.normFrobenius()));
    }

    @Test
    void namesTheFirstAsymmetricPairInRowMajorOrder() {
        // Two asymmetric pairs: (1, 5) lies in the first tile of the tiled symmetry test, (0, 40) first in
        // row-major order; the message must name (0, 40).
        double[][] entries = SolverFixtures.spd(70, 700).toArray();
        entries[1][5] += 1.0;
        entries[0][40] += 1.0;
        assertThatThrownBy(() -> Matrix.of(entries).cholesky())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a_0,40");
    }
}
