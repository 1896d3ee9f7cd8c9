package dev.lemma.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lemma.numeric.DimensionMismatchException;
import dev.lemma.numeric.NonFiniteValueException;
import dev.lemma.numeric.SingularMatrixException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class LuTest {
    static IntStream sizes() {
        return IntStream.rangeClosed(0, 50);
    }

    @ParameterizedTest
    @MethodSource("sizes")
    void permutedProductEqualsLowerTimesUpper(int n) {
        Matrix a = Matrix.random(n, n, 1000 + n);
        Lu lu = a.lu();
        Matrix pa = lu.permutation().times(a);
        Matrix product = lu.lower().times(lu.upper());
        // Backward error of LU with partial pivoting: |PA − LU| ≤ 2n·u·|L||U| entrywise (Higham Thm 9.3);
        // with |l_ij| ≤ 1 and |u_ij| ≤ 2^(n−1)·max|a| in theory, far smaller in practice.
        assertThat(pa.maxAbsDifference(product)).isLessThanOrEqualTo(4 * n * 0x1p-53 * Math.max(1, n));
    }

    @ParameterizedTest
    @MethodSource("sizes")
    void solveRecoversAKnownSolution(int n) {
        Matrix a = Matrix.random(n, n, 2000 + n).plus(Matrix.identity(n).times(n)); // diagonally dominant
        Vector x = Vector.random(n, 3000 + n);
        Vector b = a.times(x);
        assertThat(a.solve(b).minus(x).normInf()).isLessThanOrEqualTo(1e-13);
    }

    @ParameterizedTest
    @MethodSource("sizes")
    void solveHasASmallBackwardErrorEvenWhenNearlySingular(int n) {
        // κ = 1e12: the forward error may be ~1e-4, but LU with partial pivoting stays backward stable.
        Matrix a = n == 0 ? Matrix.zeros(0, 0) : SolverFixtures.withCondition(n, n, 1e12, 7000 + n);
        Vector b = Vector.random(n, 8000 + n);
        Vector x = a.solve(b);
        double backward = SolverFixtures.backwardError(a, x, b);
        assertThat(backward).isLessThanOrEqualTo(10 * (n + 1) * 0x1p-52);
    }

    @ParameterizedTest
    @MethodSource("sizes")
    void inverseAndDeterminantAreConsistent(int n) {
        Matrix a = Matrix.random(n, n, 9000 + n);
        Lu lu = a.lu();
        Matrix inverse = lu.inverse();
        // Residual of each column of the computed inverse: ‖A X − I‖ ≤ c·n·u·‖A‖‖X‖ (Higham §14.3).
        assertThat(a.times(inverse).minus(Matrix.identity(n)).normFrobenius())
                .isLessThanOrEqualTo(10 * (n + 1) * 0x1p-52 * a.normFrobenius() * inverse.normFrobenius());
        double det = lu.determinant();
        assertThat(lu.determinantSign()).isEqualTo(Math.signum(det));
        assertThat(Math.abs(lu.logAbsDeterminant() - Math.log(Math.abs(det))))
                .isLessThanOrEqualTo(10 * (n + 1) * 0x1p-52 * Math.max(1, Math.abs(Math.log(Math.abs(det)))));
        // det(A⁻¹) = 1/det(A), to about κ·n·u.
        if (n > 0) {
            double kappa = a.norm1() * inverse.norm1();
            assertThat(Math.abs(inverse.determinant() * det - 1)).isLessThanOrEqualTo(10 * n * kappa * 0x1p-52);
        }
    }

    @Test
    void singularMatrixIsDetectedAndSolveThrowsNamingThePivot() {
        Matrix a = Matrix.of(new double[][] {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}});
        Lu lu = a.lu();
        assertThat(lu.isSingular()).isTrue();
        assertThatThrownBy(() -> a.solve(Vector.of(1, 2, 3)))
                .isInstanceOf(SingularMatrixException.class)
                .hasMessageContaining("pivot 2");
    }

    @Test
    void badShapesAndNonFiniteEntriesAreRejected() {
        assertThatThrownBy(() -> Matrix.zeros(2, 3).lu())
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessageContaining("2×3");
        Matrix withNaN = Matrix.of(new double[][] {{1, 2}, {3, Double.NaN}});
        assertThatThrownBy(withNaN::lu)
                .isInstanceOf(NonFiniteValueException.class)
                .hasMessageContaining("row 1, column 1");
        assertThatThrownBy(() -> Matrix.identity(3).solve(Vector.of(1, 2)))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessageContaining("3×3")
                .hasMessageContaining("length 2");
    }
}
