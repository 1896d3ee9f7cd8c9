package dev.lemma.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lemma.numeric.DimensionMismatchException;
import dev.lemma.numeric.NonFiniteValueException;
import dev.lemma.numeric.NotPositiveDefiniteException;
import dev.lemma.numeric.SingularMatrixException;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/// Bad input to the direct solvers: every failure is a specific exception whose message names what was
/// wrong and where (ARCHITECTURE.md, "Errors and bad input").
class SolverBadInputTest {
    record Solver(String name, Function<Matrix, Object> run) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Solver> solvers() {
        return List.of(
                new Solver("lu", Matrix::lu),
                new Solver("qr", Matrix::qr),
                new Solver("qrPivoted", Matrix::qrPivoted),
                new Solver("cholesky", Matrix::cholesky),
                new Solver("gramSchmidt", Matrix::gramSchmidt),
                new Solver("inverse", Matrix::inverse),
                new Solver("determinant", Matrix::determinant),
                new Solver("solve", a -> a.solve(Vector.filled(a.rows(), 1.0))),
                new Solver("leastSquares", a -> a.leastSquares(Vector.filled(a.rows(), 1.0))),
                new Solver("leastSquaresFit", a -> a.leastSquaresFit(Vector.filled(a.rows(), 1.0))));
    }

    @ParameterizedTest
    @MethodSource("solvers")
    void nonFiniteEntriesAreRejectedNamingRowAndColumn(Solver solver) {
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    double[][] a = {{4, 1, 0}, {1, 4, 1}, {0, 1, 4}};
                    a[i][j] = bad;
                    // The symmetric partner too, so that Cholesky's symmetry check cannot fire first.
                    a[j][i] = bad;
                    Matrix m = Matrix.of(a);
                    assertThatThrownBy(() -> solver.run().apply(m))
                            .as("%s with %s at (%d, %d)", solver, bad, i, j)
                            .isInstanceOf(NonFiniteValueException.class)
                            .hasMessageContaining(String.valueOf(bad))
                            .hasMessageContaining("row " + Math.min(i, j) + ", column " + Math.max(i, j));
                }
            }
        }
    }

    @Test
    void nonFiniteRightHandSidesAreRejectedNamingTheIndex() {
        Matrix a = Matrix.of(new double[][] {{4, 1}, {1, 3}});
        Vector b = Vector.of(1, Double.NaN);
        for (Function<Vector, Vector> solve : List.<Function<Vector, Vector>>of(
                a::solve, a.lu()::solve, a.cholesky()::solve, a.qr()::solve, a::leastSquares)) {
            assertThatThrownBy(() -> solve.apply(b))
                    .isInstanceOf(NonFiniteValueException.class)
                    .hasMessageContaining("NaN at index 1");
        }
        assertThatThrownBy(() -> a.leastSquaresFit(Vector.of(Double.POSITIVE_INFINITY, 0)))
                .isInstanceOf(NonFiniteValueException.class)
                .hasMessageContaining("Infinity at index 0");
    }

    @Test
    void dimensionMismatchesNameBothShapes() {
        Matrix a = Matrix.random(4, 3, 1);
        Matrix square = Matrix.identity(3);
        assertThatThrownBy(() -> a.leastSquares(Vector.zeros(5)))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessageContaining("4×3")
                .hasMessageContaining("length 5");
        assertThatThrownBy(() -> a.leastSquaresFit(Vector.zeros(2)))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessageContaining("4×3")
                .hasMessageContaining("length 2");
        assertThatThrownBy(() -> a.qr().solve(Vector.zeros(3)))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessageContaining("4×3")
                .hasMessageContaining("length 3");
        assertThatThrownBy(() -> a.qr().qTransposeTimes(Vector.zeros(3)))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessageContaining("4×4")
                .hasMessageContaining("length 3");
        assertThatThrownBy(() -> square.lu().solve(Matrix.zeros(2, 2)))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessageContaining("3×3")
                .hasMessageContaining("2×2");
        assertThatThrownBy(() -> square.cholesky().solve(Vector.zeros(4)))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessageContaining("3×3")
                .hasMessageContaining("length 4");
        for (Function<Matrix, Object> squareOnly :
                List.<Function<Matrix, Object>>of(Matrix::lu, Matrix::cholesky, Matrix::inverse, Matrix::determinant)) {
            assertThatThrownBy(() -> squareOnly.apply(a))
                    .isInstanceOf(DimensionMismatchException.class)
                    .hasMessageContaining("4×3");
        }
    }

    @Test
    void singularSolvesNameThePivot() {
        // Column 2 = column 0 + column 1: elimination leaves the third pivot at zero.
        Matrix a = Matrix.of(new double[][] {{1, 2, 3}, {2, 1, 3}, {3, 3, 6}});
        assertThatThrownBy(() -> a.solve(Vector.of(1, 2, 3)))
                .isInstanceOf(SingularMatrixException.class)
                .hasMessageContaining("3×3")
                .hasMessageContaining("pivot 2");
        assertThatThrownBy(a::inverse)
                .isInstanceOf(SingularMatrixException.class)
                .hasMessageContaining("pivot 2");
        assertThat(a.lu().determinant()).isZero();
        Matrix tall = Matrix.of(new double[][] {{1, 2}, {2, 4}, {3, 6}});
        assertThatThrownBy(() -> tall.qr().solve(Vector.of(1, 2, 3)))
                .isInstanceOf(SingularMatrixException.class)
                .hasMessageContaining("r_11");
        assertThatThrownBy(() -> tall.leastSquaresFit(Vector.of(1, 2, 3)))
                .isInstanceOf(SingularMatrixException.class)
                .hasMessageContaining("3×2")
                .hasMessageContaining("rank 1");
        // The least-squares solution itself is still defined: the minimum-norm one.
        assertThat(tall.leastSquares(Vector.of(1, 2, 3))
                        .minus(Vector.of(0.2, 0.4))
                        .normInf())
                .isLessThanOrEqualTo(1e-15);
    }

    @Test
    void choleskyNamesTheColumnWhereDefinitenessFails() {
        // Leading 2×2 block positive definite, the whole matrix indefinite: fails at column 2.
        Matrix indefinite = Matrix.of(new double[][] {{4, 2, 2}, {2, 5, 3}, {2, 3, 2}});
        assertThatThrownBy(indefinite::cholesky)
                .isInstanceOf(NotPositiveDefiniteException.class)
                .hasMessageContaining("column 2");
        assertThatThrownBy(() -> Matrix.diagonal(1, 0, 1).cholesky())
                .isInstanceOf(NotPositiveDefiniteException.class)
                .hasMessageContaining("column 1");
        assertThatThrownBy(() -> Matrix.diagonal(-1, 1).cholesky())
                .isInstanceOf(NotPositiveDefiniteException.class)
                .hasMessageContaining("column 0");
        Matrix asymmetric = Matrix.of(new double[][] {{4, 1, 0}, {1, 4, 2}, {0, 1, 4}});
        assertThatThrownBy(asymmetric::cholesky)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("symmetric")
                .hasMessageContaining("a_1,2 = 2.0")
                .hasMessageContaining("a_2,1 = 1.0");
    }

    @Test
    void emptyMatricesAreValidInput() {
        Matrix empty = Matrix.zeros(0, 0);
        assertThat(empty.determinant()).isEqualTo(1.0);
        assertThat(empty.inverse().rows()).isZero();
        assertThat(empty.solve(Vector.zeros(0)).size()).isZero();
        assertThat(empty.cholesky().lower().rows()).isZero();
        assertThat(Matrix.zeros(3, 0).leastSquares(Vector.of(1, 2, 3)).size()).isZero();
        assertThat(Matrix.zeros(0, 2).leastSquares(Vector.zeros(0))).isEqualTo(Vector.zeros(2));
    }
}
