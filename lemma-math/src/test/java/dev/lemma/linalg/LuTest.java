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
