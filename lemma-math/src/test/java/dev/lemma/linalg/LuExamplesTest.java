package dev.lemma.linalg;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/// The worked examples of §1.7, checked number by number: the hand factorisation of a 3×3 matrix, the
/// tiny pivot that partial pivoting swaps away, and Wilkinson's matrix, which attains the growth bound
/// $2^{n-1}$. Every number here is a dyadic rational of modest size, so elimination computes it exactly
/// and the assertions are exact.
class LuExamplesTest {
    private static final Matrix A = Matrix.of(new double[][] {{2, 1, 1}, {4, -6, 0}, {-2, 7, 2}});

    @Test
    void workedExampleHasTheFactorsTheBookShows() {
        Lu lu = A.lu();
        // Step 1 swaps rows 1 and 2 (largest |a_i1| is 4); step 2 has a tie 4 = 4 and keeps its row.
        assertThat(lu.pivots()).containsExactly(1, 0, 2);
        assertThat(lu.permutation()).isEqualTo(Matrix.of(new double[][] {{0, 1, 0}, {1, 0, 0}, {0, 0, 1}}));
        assertThat(lu.lower()).isEqualTo(Matrix.of(new double[][] {{1, 0, 0}, {0.5, 1, 0}, {-0.5, 1, 1}}));
        assertThat(lu.upper()).isEqualTo(Matrix.of(new double[][] {{4, -6, 0}, {0, 4, 1}, {0, 0, 1}}));
        assertThat(lu.permutation().times(A)).isEqualTo(lu.lower().times(lu.upper()));

        // Forward substitution with Pb = (−2, 5, 9) gives y = (−2, 6, 2); back substitution x = (1, 1, 2).
        Vector b = Vector.of(5, -2, 9);
        Vector y = Vector.of(-2, 6, 2);
        Vector x = Vector.of(1, 1, 2);
        assertThat(lu.permutation().times(b)).isEqualTo(Vector.of(-2, 5, 9));
        assertThat(lu.lower().times(y)).isEqualTo(lu.permutation().times(b));
        assertThat(lu.upper().times(x)).isEqualTo(y);
        assertThat(lu.solve(b)).isEqualTo(x);
        assertThat(A.solve(b)).isEqualTo(x);
        assertThat(A.times(x)).isEqualTo(b);

        // One swap, so det A = −(4 · 4 · 1) = −16; §1.6 expands along the first row to the same.
        assertThat(lu.determinant()).isEqualTo(-16.0);
        assertThat(A.determinant()).isEqualTo(2 * (-12 - 0) - 1 * (8 - 0) + 1 * (28 - 12));
        assertThat(lu.determinantSign()).isEqualTo(-1.0);
        assertThat(A.rank()).isEqualTo(3);
    }

    @Test
    void smallPivotIsSwappedAway() {
        // §1.7, "Why pivoting": with ε = 1e-20, elimination without a swap solves [[ε, 1], [1, 0]] instead
        // and returns x₁ = 0. Here it is by hand, to show the example means what the book says ...
        double epsilon = 1e-20;
        double l21 = 1 / epsilon;
        double u22 = 1 - l21;
        double y2 = 2 - l21 * 1;
        double x2 = y2 / u22;
        double x1 = (1 - x2) / epsilon;
        assertThat(u22).isEqualTo(-1e20);
        assertThat(x2).isEqualTo(1.0);
        assertThat(x1).isZero();
        // ... and partial pivoting swaps the rows: l21 = ε, u22 = 1 − ε → 1, and x = (1, 1), both right.
        Matrix a = Matrix.of(new double[][] {{epsilon, 1}, {1, 1}});
        Lu lu = a.lu();
        assertThat(lu.pivots()).containsExactly(1, 0);
        assertThat(lu.lower()).isEqualTo(Matrix.of(new double[][] {{1, 0}, {epsilon, 1}}));
        assertThat(lu.upper()).isEqualTo(Matrix.of(new double[][] {{1, 1}, {0, 1}}));
        assertThat(a.solve(Vector.of(1, 2))).isEqualTo(Vector.of(1, 1));
    }

    /// Wilkinson's matrix: 1 on the diagonal and in the last column, −1 below the diagonal.
    static Matrix wilkinson(int n) {
        double[][] w = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                w[i][j] = j == n - 1 || i == j ? 1 : (j < i ? -1 : 0);
            }
        }
        return Matrix.of(w);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 10, 31, 64, 65, 100})
    void wilkinsonMatrixAttainsTheGrowthBound(int n) {
        Lu lu = wilkinson(n).lu();
        // Every candidate pivot has |a| = 1, ties keep their row, so no row is ever swapped ...
        int[] identity = new int[n];
        for (int i = 0; i < n; i++) {
            identity[i] = i;
        }
        assertThat(lu.pivots()).containsExactly(identity);
        // ... each step doubles the last column, so U has 1, 2, 4, …, 2^(n−1) there and ρ_n = 2^(n−1),
        // the bound of §1.7 (powers of two up to 2^99 are exact doubles, so this is exact).
        Matrix u = lu.upper();
        for (int i = 0; i < n; i++) {
            assertThat(u.get(i, n - 1)).isEqualTo(Math.scalb(1.0, i));
        }
        double largest = 0;
        for (double v : u.toRowMajorArray()) {
            largest = Math.max(largest, Math.abs(v));
        }
        assertThat(largest)
                .as("growth factor max|u_ij| / max|a_ij|, and max|a_ij| = 1")
                .isEqualTo(Math.scalb(1.0, n - 1));
        if (n == 10) {
            assertThat(u.get(9, 9)).isEqualTo(512.0); // the value the book quotes
        }
    }
}
