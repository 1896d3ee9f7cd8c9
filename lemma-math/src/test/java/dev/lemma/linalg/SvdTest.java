package dev.lemma.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import dev.lemma.numeric.NonFiniteValueException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SvdTest {
    /// Unit round-off $u = 2^{-53}$.
    private static final double U = 0x1p-53;

    /// Golub–Kahan–Reinsch is backward stable: $U \Sigma V^\top = A + E$ with
    /// $\|E\|_2 \le c \max(m, n)\, u\, \|A\|_2$ and $U, V$ orthonormal to $c \max(m,n) u$ (Golub and Van
    /// Loan §8.6.3; LAPACK Users' Guide §4.9 gives $p(m,n) \varepsilon \|A\|_2$). Observed $c$ is below 1
    /// on these matrices; 16 is a margin, still far below an error of $O(\sqrt u)$.
    private static final double C = 16.0;

    /// Shapes from 0×0 to 50×50: square, tall and wide, with primes and non-multiples of the block of
    /// [Reflectors#BLOCK].
    static Stream<Arguments> shapes() {
        List<Arguments> shapes = new ArrayList<>();
        int[] sizes = {0, 1, 2, 3, 5, 8, 13, 31, 33, 50};
        for (int m : sizes) {
            for (int n : sizes) {
                shapes.add(Arguments.of(m, n));
            }
        }
        return shapes.stream();
    }

    static double tolerance(Matrix a) {
        return C * Math.max(1, Math.max(a.rows(), a.cols())) * U * Math.max(a.normFrobenius(), Double.MIN_NORMAL);
    }

    static void assertDecomposes(Matrix a, Svd svd) {
        int m = a.rows();
        int n = a.cols();
        int p = Math.min(m, n);
        assertThat(svd.u().rows()).isEqualTo(m);
        assertThat(svd.u().cols()).isEqualTo(p);
        assertThat(svd.v().rows()).isEqualTo(n);
        assertThat(svd.v().cols()).isEqualTo(p);
        double[] sigma = svd.singularValues().toArray();
        assertThat(sigma).hasSize(p);
        for (int i = 0; i < p; i++) {
            assertThat(sigma[i]).isGreaterThanOrEqualTo(0.0);
            if (i > 0) {
                assertThat(sigma[i]).as("descending").isLessThanOrEqualTo(sigma[i - 1]);
            }
        }
        Matrix reconstruction =
                svd.u().times(Matrix.diagonal(sigma)).times(svd.v().transpose());
        assertThat(reconstruction.maxAbsDifference(a)).as("|UΣVᵀ − A|").isLessThanOrEqualTo(tolerance(a));
        double orthonormal = C * Math.max(1, Math.max(m, n)) * U;
        assertThat(svd.u().transpose().times(svd.u()).maxAbsDifference(Matrix.identity(p)))
                .as("|UᵀU − I|")
                .isLessThanOrEqualTo(orthonormal);
        assertThat(svd.v().transpose().times(svd.v()).maxAbsDifference(Matrix.identity(p)))
                .as("|VᵀV − I|")
                .isLessThanOrEqualTo(orthonormal);
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void randomMatricesDecompose(int m, int n) {
        Matrix a = Matrix.random(m, n, 1000L * m + n);
        assertDecomposes(a, a.svd());
    }

    /// Shapes past [Bidiagonal#CROSSOVER] + [Bidiagonal#BLOCK] (square, tall, wide; a prime and a
    /// multiple of the panel width), so that the blocked reduction, the strip-major rotations and the
    /// blocked back-transformations all run; one of them rank-deficient, which exercises the chases
    /// of zero diagonal entries.
    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"192, 192, 192", "300, 167, 167", "167, 300, 167", "200, 200, 40"})
    void largeMatricesDecomposeThroughTheBlockedPaths(int m, int n, int rank) {
        Matrix a = Matrix.random(m, rank, 7L * m + n).times(Matrix.random(rank, n, 11L * n + m));
        Svd svd = a.svd();
        assertDecomposes(a, svd);
        if (rank < Math.min(m, n)) {
            assertThat(svd.rank()).isEqualTo(rank);
        }
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void rankDeficientMatricesKeepOrthonormalFactors(int m, int n) {
        int r = Math.min(m, n) / 3;
        Matrix a = Matrix.random(m, r, 7L * m + n).times(Matrix.random(r, n, 11L * m + n));
        Svd svd = a.svd();
        assertDecomposes(a, svd);
        assertThat(svd.rank()).isEqualTo(r);
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void singularValuesAloneMatchTheFullDecomposition(int m, int n) {
        Matrix a = Matrix.random(m, n, 3000L * m + n);
        Vector alone = Svd.valuesOf(a);
        Vector full = a.svd().singularValues();
        assertThat(alone.size()).isEqualTo(full.size());
        for (int i = 0; i < alone.size(); i++) {
            assertThat(alone.get(i)).isCloseTo(full.get(i), offset(tolerance(a)));
        }
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void singularValuesAgreeWithEjml(int m, int n) {
        Matrix a = Matrix.random(m, n, 5000L * m + n);
        double[] ours = a.svd().singularValues().toArray();
        SingularValueDecomposition_F64<DMatrixRMaj> ejml = DecompositionFactory_DDRM.svd(m, n, false, false, true);
        assertThat(ejml.decompose(new DMatrixRMaj(m, n, true, a.toRowMajorArray())))
                .isTrue();
        double[] theirs = ejml.getSingularValues().clone();
        java.util.Arrays.sort(theirs, 0, ejml.numberOfSingularValues());
        int p = Math.min(m, n);
        for (int i = 0; i < p; i++) {
            // Both backward stable: each within C max(m,n) u ‖A‖₂ of the truth (Weyl).
            assertThat(ours[i]).isCloseTo(theirs[p - 1 - i], offset(2 * tolerance(a)));
        }
    }

    @Test
    void nearlySingularMatrixKeepsItsSmallSingularValues() {
        // A = Q diag(1, 1e-8, 1e-13) Pᵀ: small values are resolved to absolute accuracy C n u ‖A‖ ≈ 1e-14,
        // so σ₂ = 1e-13 keeps about one digit and the rank (tolerance 3ε ≈ 6.7e-16) stays 3.
        Matrix q = Matrix.random(3, 3, 1).qr().q();
        Matrix p = Matrix.random(3, 3, 2).qr().q();
        Matrix a = q.times(Matrix.diagonal(1.0, 1e-8, 1e-13)).times(p.transpose());
        Svd svd = a.svd();
        assertDecomposes(a, svd);
        assertThat(svd.singularValues().get(0)).isCloseTo(1.0, offset(tolerance(a)));
        assertThat(svd.singularValues().get(1)).isCloseTo(1e-8, offset(tolerance(a)));
        assertThat(svd.singularValues().get(2)).isCloseTo(1e-13, offset(tolerance(a)));
        assertThat(svd.rank()).isEqualTo(3);
        assertThat(svd.conditionNumber()).isCloseTo(1e13, org.assertj.core.data.Percentage.withPercentage(20));
    }

    @Test
    void diagonalZeroAndIdentityMatrices() {
        Svd diagonal = Matrix.diagonal(-3.0, 0.5, 2.0).svd();
        assertThat(diagonal.singularValues().toArray()).containsExactly(3.0, 2.0, 0.5);
        assertDecomposes(Matrix.diagonal(-3.0, 0.5, 2.0), diagonal);
        for (int[] shape : new int[][] {{4, 3}, {3, 4}, {5, 5}}) {
            Matrix zero = Matrix.zeros(shape[0], shape[1]);
            Svd svd = zero.svd();
            assertThat(svd.singularValues().toArray()).containsOnly(0.0);
            assertDecomposes(zero, svd);
            assertThat(svd.rank()).isZero();
            assertThat(svd.conditionNumber()).isNaN(); // 0/0, as numpy.linalg.cond
        }
        assertThat(Matrix.identity(6).svd().singularValues().toArray()).containsOnly(1.0);
        assertThat(Matrix.diagonal(2.0, 0.0).svd().conditionNumber()).isInfinite();
    }

    @Test
    void pseudoInverseSatisfiesThePenroseConditions() {
        Matrix a = Matrix.random(9, 2, 3).times(Matrix.random(2, 6, 4)); // rank 2, 9×6
        Matrix x = a.svd().pseudoInverse();
        double tol = 1e3 * tolerance(a); // κ of the rank-2 part enters; these matrices have κ < 10
        assertThat(a.times(x).times(a).maxAbsDifference(a)).isLessThanOrEqualTo(tol);
        assertThat(x.times(a).times(x).maxAbsDifference(x)).isLessThanOrEqualTo(tol);
        Matrix ax = a.times(x);
        Matrix xa = x.times(a);
        assertThat(ax.maxAbsDifference(ax.transpose())).isLessThanOrEqualTo(tol);
        assertThat(xa.maxAbsDifference(xa.transpose())).isLessThanOrEqualTo(tol);
    }

    @Test
    void lowRankApproximationErrorIsTheNextSingularValue() {
        Matrix a = Matrix.random(12, 8, 5);
        Svd svd = a.svd();
        for (int k = 0; k <= 8; k++) {
            Matrix error = a.minus(svd.lowRankApproximation(k));
            double expected = k < 8 ? svd.singularValues().get(k) : 0.0;
            // Eckart–Young: ‖A − A_k‖₂ = σ_k.
            assertThat(error.svd().norm2()).isCloseTo(expected, offset(tolerance(a)));
        }
        assertThatThrownBy(() -> svd.lowRankApproximation(9)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void hugeAndTinyEntriesAreScaledWithoutOverflow() {
        for (double scale : new double[] {0x1p700, 0x1p-700}) {
            Matrix a = Matrix.random(9, 6, 8).times(scale);
            Svd svd = a.svd();
            Vector reference = Matrix.random(9, 6, 8).svd().singularValues().times(scale);
            assertThat(svd.singularValues().minus(reference).normInf()).isLessThanOrEqualTo(tolerance(a));
            assertDecomposes(a, svd);
        }
    }

    @Test
    void nonFiniteEntriesAreRejected() {
        Matrix a = Matrix.of(new double[][] {{1, 2, 3}, {4, Double.NEGATIVE_INFINITY, 6}});
        assertThatThrownBy(a::svd).isInstanceOf(NonFiniteValueException.class).hasMessageContaining("row 1, column 1");
        assertThatThrownBy(() -> Svd.valuesOf(Matrix.of(new double[][] {{Double.NaN}})))
                .isInstanceOf(NonFiniteValueException.class)
                .hasMessageContaining("row 0, column 0");
    }
}
