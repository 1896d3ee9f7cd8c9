package dev.lemma.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.lemma.numeric.NonFiniteValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/// TSQR gives the triangular factor of Householder QR (up to the signs of its rows, the only freedom a
/// full-rank $R$ has), on one block, on many blocks with a short last one, and over two levels of the
/// reduction tree; and it stays backward stable where the normal equations would not.
class TallSkinnyQrTest {

    @ParameterizedTest(name = "{0}×{1}")
    @CsvSource({"1, 1", "7, 7", "40, 3", "3000, 1", "5000, 17", "20000, 40", "9001, 64", "600, 300"})
    void rIsHouseholdersUpToTheSignsOfItsRows(int m, int n) {
        Matrix a = Matrix.random(m, n, 31L * m + n);
        Matrix r = TallSkinnyQr.r(a);
        Matrix expected = a.qr().r();
        assertThat(r.rows()).isEqualTo(n);
        assertThat(r.cols()).isEqualTo(n);
        double scale = expected.normFrobenius();
        for (int i = 0; i < n; i++) {
            double sign = Math.signum(r.get(i, i)) * Math.signum(expected.get(i, i));
            for (int j = 0; j < n; j++) {
                if (j < i) {
                    assertThat(r.get(i, j))
                            .as("below the diagonal (%d, %d)", i, j)
                            .isZero();
                } else {
                    assertThat(sign * r.get(i, j))
                            .as("R(%d, %d)", i, j)
                            .isCloseTo(expected.get(i, j), within(1e-12 * scale));
                }
            }
        }
        // RᵀR = AᵀA, computed independently of both factorisations
        Matrix gram = a.transpose().times(a);
        Matrix rtr = r.transpose().times(r);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                assertThat(rtr.get(i, j)).isCloseTo(gram.get(i, j), within(1e-12 * scale * scale));
            }
        }
    }

    @ParameterizedTest(name = "{0}×{1}")
    @CsvSource({"1, 1", "40, 3", "3000, 1", "20000, 20", "13109, 40", "2150, 200", "600, 300"})
    void qHasOrthonormalColumnsAndQrIsA(int m, int n) {
        Matrix a = Matrix.random(m, n, 17L * m + n);
        TallSkinnyQr.Factors f = TallSkinnyQr.factor(a);
        assertOrthonormalColumns(f.q(), m, n);
        Matrix qr = f.q().times(f.r());
        double scale = a.normFrobenius();
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                assertThat(qr.get(i, j)).as("QR(%d, %d)", i, j).isCloseTo(a.get(i, j), within(1e-13 * scale));
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                assertThat(f.r().get(i, j))
                        .as("R(%d, %d), below the diagonal", i, j)
                        .isZero();
            }
        }
    }

    @Test
    void qStaysOrthonormalWhenAIsRankDeficient() {
        // 12 columns, only 4 independent: R is singular, so A R⁻¹ does not exist, but Q does.
        int m = 30000;
        Matrix basis = Matrix.random(m, 4, 5);
        Matrix mix = Matrix.random(4, 12, 6);
        Matrix a = basis.times(mix);
        TallSkinnyQr.Factors f = TallSkinnyQr.factor(a);
        assertOrthonormalColumns(f.q(), m, 12);
        assertThat(f.q().times(f.r()).minus(a).normFrobenius()).isLessThan(1e-12 * a.normFrobenius());
    }

    private static void assertOrthonormalColumns(Matrix q, int m, int n) {
        assertThat(q.rows()).isEqualTo(m);
        assertThat(q.cols()).isEqualTo(n);
        Matrix qtq = q.transpose().times(q);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                assertThat(qtq.get(i, j)).as("QᵀQ(%d, %d)", i, j).isCloseTo(i == j ? 1.0 : 0.0, within(1e-13));
            }
        }
    }

    @Test
    void manyBlocksReduceOverSeveralLevels() {
        int n = 200; // blocks of 655 rows
        int height = TallSkinnyQr.blockRows(n);
        int m = height * height / n + 5; // 2150 rows: 4 blocks, whose 800 stacked rows exceed a block
        assertThat((m + height - 1) / height * n).isGreaterThan(height);
        Matrix a = Matrix.random(m, n, 3);
        assertThat(TallSkinnyQr.r(a).svd().singularValues().toArray())
                .containsExactly(a.svd().singularValues().toArray(), within(1e-10));
    }

    @Test
    void theSingularValuesOfAnIllConditionedMatrixSurviveWhereTheNormalEquationsLoseThem() {
        // A = U diag(1, 1e-3, …, 1e-12) Vᵀ with orthonormal U (2000×5) and V: κ = 1e12, so κ² is beyond
        // 1/ε and the Cholesky factor of AᵀA cannot resolve σ₅; TSQR's error stays O(ε ‖A‖).
        int m = 20_000;
        int n = 5;
        Matrix u = Matrix.random(m, n, 11).qr().q();
        Matrix v = Matrix.random(n, n, 12).qr().q();
        double[] sigma = {1, 1e-3, 1e-6, 1e-9, 1e-12};
        Matrix a = u.times(Matrix.diagonal(sigma)).times(v.transpose());
        double[] fromR = TallSkinnyQr.r(a).svd().singularValues().toArray();
        for (int i = 0; i < n; i++) {
            assertThat(fromR[i]).as("σ%d", i + 1).isCloseTo(sigma[i], within(1e-13));
        }
    }

    @Test
    void badInputIsNamed() {
        assertThatThrownBy(() -> TallSkinnyQr.r(Matrix.zeros(3, 5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3×5");
        double[][] x = new double[10][2];
        x[7][1] = Double.NaN;
        assertThatThrownBy(() -> TallSkinnyQr.r(Matrix.of(x)))
                .isInstanceOf(NonFiniteValueException.class)
                .hasMessageContaining("7");
        assertThatThrownBy(() -> TallSkinnyQr.factor(Matrix.zeros(3, 5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3×5");
        assertThatThrownBy(() -> TallSkinnyQr.factor(Matrix.of(x)))
                .isInstanceOf(NonFiniteValueException.class)
                .hasMessageContaining("7");
    }
}
