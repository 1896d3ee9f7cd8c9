package dev.lemma.linalg;

import static dev.lemma.linalg.SolverFixtures.EPS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lemma.numeric.DimensionMismatchException;
import dev.lemma.numeric.SingularMatrixException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/// Classical and modified Gram–Schmidt: both reconstruct $A = QR$, but on an ill-conditioned matrix the
/// classical variant loses orthogonality like $\kappa^2 u$ and the modified one only like $\kappa u$
/// (Björck 1967; Giraud et al. 2005).
class GramSchmidtTest {
    static List<Arguments> tallShapes() {
        List<Arguments> shapes = new ArrayList<>();
        for (int n : SolverFixtures.sizes()) {
            shapes.add(Arguments.of(n, n));
            shapes.add(Arguments.of(n + 1 + n / 3, n));
        }
        return shapes;
    }

    private static double orthogonalityLoss(Matrix q) {
        return q.transpose().times(q).minus(Matrix.identity(q.cols())).normFrobenius();
    }

    @ParameterizedTest
    @MethodSource("tallShapes")
    void bothVariantsReconstructAAndAgreeWithHouseholderOnWellConditionedMatrices(int m, int n) {
        Matrix a = SolverFixtures.withCondition(Math.max(m, 1), n, 10.0, 50L * m + n)
                .block(0, m, 0, n);
        for (GramSchmidt gs : List.of(GramSchmidt.classical(a), GramSchmidt.modified(a))) {
            double tol = 10 * (m + 1) * EPS;
            assertThat(gs.q().times(gs.r()).minus(a).normFrobenius())
                    .isLessThanOrEqualTo(tol * Math.max(1, a.normFrobenius()));
            assertThat(orthogonalityLoss(gs.q())).isLessThanOrEqualTo(100 * tol);
            for (int i = 0; i < n; i++) {
                assertThat(gs.r().get(i, i)).isPositive();
                for (int j = 0; j < i; j++) {
                    assertThat(gs.r().get(i, j)).isZero();
                }
            }
            // The QR factorisation with a positive diagonal is unique: |R| equals Householder's |R|.
            Matrix householder = a.qr().r().block(0, n, 0, n);
            for (int i = 0; i < n; i++) {
                for (int j = i; j < n; j++) {
                    assertThat(Math.abs(Math.abs(gs.r().get(i, j)) - Math.abs(householder.get(i, j))))
                            .isLessThanOrEqualTo(100 * tol);
                }
            }
        }
        assertThat(a.gramSchmidt().q()).isEqualTo(GramSchmidt.modified(a).q());
    }

    @Test
    void classicalLosesOrthogonalityLikeKappaSquaredModifiedLikeKappa() {
        int m = 60;
        int n = 20;
        double u = 0x1p-53;
        for (double kappa : new double[] {1e4, 1e6}) {
            Matrix a = SolverFixtures.withCondition(m, n, kappa, 2024);
            double classical = orthogonalityLoss(GramSchmidt.classical(a).q());
            double modified = orthogonalityLoss(GramSchmidt.modified(a).q());
            // Within two orders of magnitude of κ²u and κu respectively (the constants of the bounds
            // depend on m and n, the exponents do not).
            assertThat(classical)
                    .as("classical, κ = %.0e", kappa)
                    .isBetween(kappa * kappa * u / 100, kappa * kappa * u * 100);
            assertThat(modified).as("modified, κ = %.0e", kappa).isBetween(kappa * u / 100, kappa * u * 100);
            assertThat(classical).isGreaterThan(100 * modified);
        }
    }

    @Test
    void dependentColumnsAndWideMatricesAreRejected() {
        Matrix dependent = Matrix.of(new double[][] {{1, 2, 3}, {4, 8, 5}, {7, 14, 6}, {1, 2, 0}});
        assertThatThrownBy(() -> GramSchmidt.modified(dependent))
                .isInstanceOf(SingularMatrixException.class)
                .hasMessageContaining("column 1")
                .hasMessageContaining("4×3");
        assertThatThrownBy(() -> GramSchmidt.classical(Matrix.zeros(2, 3)))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessageContaining("2×3");
    }
}
