package dev.lemma.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lemma.numeric.DimensionMismatchException;
import dev.lemma.numeric.NonFiniteValueException;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SymmetricEigenTest {
    /// Unit round-off $u = 2^{-53}$.
    private static final double U = 0x1p-53;

    /// Backward error of Householder tridiagonalisation plus QR iteration: the computed pairs are exact
    /// for $A + E$ with $\|E\|_2 \le c\, n\, u \|A\|_2$, $c$ a modest constant (Golub and Van Loan
    /// §8.3.6; LAPACK Users' Guide §4.7 quotes $p(n) \varepsilon \|A\|_2$ with $p(n)$ "modest"). Random
    /// matrices here reach $c \approx 1$; 16 leaves room without hiding an $O(\sqrt u)$ bug.
    private static final double C = 16.0;

    static IntStream sizes() {
        return IntStream.rangeClosed(0, 50);
    }

    static Matrix randomSymmetric(int n, long seed) {
        Matrix r = Matrix.random(n, n, seed);
        return r.plus(r.transpose());
    }

    /// $\max(1, n) \cdot u \cdot \|A\|_F \cdot C$, the scale of every check below.
    static double tolerance(Matrix a) {
        return C * Math.max(1, a.rows()) * U * Math.max(a.normFrobenius(), Double.MIN_NORMAL);
    }

    static void assertDecomposes(Matrix a, SymmetricEigen eig) {
        int n = a.rows();
        Matrix v = eig.vectors();
        double[] lambda = eig.values().toArray();
        Matrix reconstruction = v.times(Matrix.diagonal(lambda)).times(v.transpose());
        assertThat(reconstruction.maxAbsDifference(a)).as("|VΛVᵀ − A|").isLessThanOrEqualTo(tolerance(a));
        assertThat(v.transpose().times(v).maxAbsDifference(Matrix.identity(n)))
                .as("|VᵀV − I|")
                .isLessThanOrEqualTo(C * Math.max(1, n) * U);
        for (int i = 1; i < n; i++) {
            assertThat(lambda[i]).as("ascending").isGreaterThanOrEqualTo(lambda[i - 1]);
        }
        // Σλ = tr A, computed with compensated sums on both sides.
        assertThat(Math.abs(sum(lambda) - a.trace())).isLessThanOrEqualTo(Math.max(1, n) * tolerance(a));
    }

    static double sum(double[] x) {
        return dev.lemma.numeric.Compensated.sum(x);
    }

    @ParameterizedTest
    @MethodSource("sizes")
    void randomSymmetricMatricesDecompose(int n) {
        Matrix a = randomSymmetric(n, 100 + n);
        assertDecomposes(a, a.symmetricEigen());
    }

    /// Orders past [Tridiagonal#CROSSOVER] + [Tridiagonal#BLOCK], so that the blocked reduction, the
    /// strip-major rotations (several strips, split over cores) and the blocked back-transformation all
    /// run, with a prime and a multiple of the panel width.
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {161, 192, 227})
    void largeMatricesDecomposeThroughTheBlockedPaths(int n) {
        Matrix a = randomSymmetric(n, 300 + n);
        SymmetricEigen eig = a.symmetricEigen();
        assertDecomposes(a, eig);
        assertThat(SymmetricEigen.valuesOf(a).minus(eig.values()).normInf()).isLessThanOrEqualTo(tolerance(a));
    }

    @ParameterizedTest
    @MethodSource("sizes")
    void eigenvaluesAloneMatchTheFullDecomposition(int n) {
        Matrix a = randomSymmetric(n, 200 + n);
        Vector full = a.symmetricEigen().values();
        Vector alone = SymmetricEigen.valuesOf(a);
        assertThat(alone.size()).isEqualTo(n);
        if (n > 0) {
            // Same rotations in the same order: the values agree to rounding.
            assertThat(alone.minus(full).normInf()).isLessThanOrEqualTo(tolerance(a));
        }
    }

    @ParameterizedTest
    @MethodSource("sizes")
    void eigenvaluesAgreeWithEjml(int n) {
        Matrix a = randomSymmetric(n, 300 + n);
        double[] ours = a.symmetricEigen().values().toArray();
        EigenDecomposition_F64<DMatrixRMaj> ejml = DecompositionFactory_DDRM.eig(n, false, true);
        assertThat(ejml.decompose(new DMatrixRMaj(n, n, true, a.toRowMajorArray())))
                .isTrue();
        double[] theirs = new double[n];
        for (int i = 0; i < n; i++) {
            theirs[i] = ejml.getEigenvalue(i).getReal();
        }
        Arrays.sort(theirs);
        for (int i = 0; i < n; i++) {
            // Both are backward stable, so each is within C n u ‖A‖ of the truth (Weyl).
            assertThat(ours[i]).isCloseTo(theirs[i], org.assertj.core.data.Offset.offset(2 * tolerance(a)));
        }
    }

    @ParameterizedTest
    @MethodSource("sizes")
    void repeatedEigenvaluesKeepOrthonormalVectors(int n) {
        // A = Q D Qᵀ with D holding each of three values many times: the eigenspaces have high dimension
        // and any orthonormal basis of each is correct, so only the identities are checked.
        Matrix q = Matrix.random(n, n, 400 + n).qr().q();
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = (i % 3) - 1.0;
        }
        Matrix a = q.times(Matrix.diagonal(d)).times(q.transpose());
        a = a.plus(a.transpose()).times(0.5); // symmetric to the last bit
        SymmetricEigen eig = a.symmetricEigen();
        assertDecomposes(a, eig);
        double[] expected = d.clone();
        Arrays.sort(expected);
        for (int i = 0; i < n; i++) {
            assertThat(eig.values().get(i))
                    .isCloseTo(expected[i], org.assertj.core.data.Offset.offset(tolerance(a) + C * n * U));
        }
    }

    @Test
    void diagonalAndZeroMatricesComeBackExactly() {
        SymmetricEigen diagonal = Matrix.diagonal(3.0, -1.0, 2.0, 0.0).symmetricEigen();
        assertThat(diagonal.values().toArray()).containsExactly(-1.0, 0.0, 2.0, 3.0);
        assertDecomposes(Matrix.diagonal(3.0, -1.0, 2.0, 0.0), diagonal);
        SymmetricEigen zero = Matrix.zeros(5, 5).symmetricEigen();
        assertThat(zero.values().toArray()).containsOnly(0.0);
        assertThat(zero.vectors().transpose().times(zero.vectors()).maxAbsDifference(Matrix.identity(5)))
                .isZero();
        assertThat(Matrix.identity(7).symmetricEigen().values().toArray()).containsOnly(1.0);
    }

    @Test
    void hugeAndTinyEntriesAreScaledWithoutOverflow() {
        for (double scale : new double[] {0x1p600, 0x1p-600}) {
            Matrix a = randomSymmetric(12, 7).times(scale);
            SymmetricEigen eig = a.symmetricEigen();
            Vector reference = randomSymmetric(12, 7).symmetricEigen().values().times(scale);
            assertThat(eig.values().minus(reference).normInf()).isLessThanOrEqualTo(tolerance(a));
            assertDecomposes(a, eig);
        }
    }

    @Test
    void aKnownSpectrum() {
        // The second-difference matrix tridiag(−1, 2, −1) of order n has eigenvalues
        // 2 − 2 cos(kπ/(n+1)), k = 1..n (Strang, Introduction to Applied Mathematics, §1.5).
        int n = 40;
        double[][] rows = new double[n][n];
        for (int i = 0; i < n; i++) {
            rows[i][i] = 2.0;
            if (i + 1 < n) {
                rows[i][i + 1] = -1.0;
                rows[i + 1][i] = -1.0;
            }
        }
        Vector values = Matrix.of(rows).symmetricEigen().values();
        for (int k = 1; k <= n; k++) {
            assertThat(values.get(k - 1))
                    .isCloseTo(2.0 - 2.0 * Math.cos(k * Math.PI / (n + 1)), org.assertj.core.data.Offset.offset(1e-14));
        }
    }

    @Test
    void badInputIsRejected() {
        assertThatThrownBy(() -> Matrix.zeros(2, 3).symmetricEigen())
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessageContaining("2×3");
        assertThatThrownBy(() -> Matrix.of(new double[][] {{1, 2}, {3, 4}}).symmetricEigen())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not symmetric");
        assertThatThrownBy(() -> Matrix.of(new double[][] {{1, Double.NaN}, {Double.NaN, 4}})
                        .symmetricEigen())
                .isInstanceOf(NonFiniteValueException.class)
                .hasMessageContaining("row 0, column 1");
        assertThatThrownBy(() ->
                        SymmetricEigen.valuesOf(Matrix.of(new double[][] {{1, 0}, {0, Double.POSITIVE_INFINITY}})))
                .isInstanceOf(NonFiniteValueException.class)
                .hasMessageContaining("row 1, column 1");
    }
}
