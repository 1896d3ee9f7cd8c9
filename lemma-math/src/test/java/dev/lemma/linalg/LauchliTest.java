package dev.lemma.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.lemma.numeric.NotPositiveDefiniteException;
import dev.lemma.numeric.SingularMatrixException;
import dev.lemma.numeric.Tolerances;
import org.junit.jupiter.api.Test;

/// Läuchli's matrix (Läuchli, "Jordan-Elimination und Ausgleichung nach kleinsten Quadraten", Numer.
/// Math. 3, 1961): columns that differ by entries $\epsilon$ with $\epsilon^2 < u$, so that
/// $1 + \epsilon^2$ rounds to 1. The book uses it twice: in §1.10 to show classical Gram–Schmidt losing
/// orthogonality where modified Gram–Schmidt and Householder keep it, and in §1.11 to show the normal
/// equations turning a fine least-squares problem into an exactly singular one.
class LauchliTest {
    private static final double U = Tolerances.UNIT_ROUNDOFF;
    private static final double DELTA = 1e-8;

    /// The largest entry of $|I - Q^\top Q|$.
    private static double lossOfOrthogonality(Matrix q) {
        return q.transpose().times(q).maxAbsDifference(Matrix.identity(q.cols()));
    }

    @Test
    void normalEquationsBecomeSingularWhileQrRecoversTheSolution() {
        // §1.11: A = [[1, 1], [δ, 0], [0, δ]] with δ = 1e-8, so δ² = 1e-16 < u and fl(1 + δ²) = 1.
        Matrix a = Matrix.of(new double[][] {{1, 1}, {DELTA, 0}, {0, DELTA}});
        assertThat(1 + DELTA * DELTA).isEqualTo(1.0);
        Matrix gram = a.transpose().times(a);
        assertThat(gram).isEqualTo(Matrix.of(new double[][] {{1, 1}, {1, 1}}));
        // The computed AᵀA is exactly singular: LU finds a zero pivot, Cholesky a zero one.
        assertThat(gram.lu().isSingular()).isTrue();
        assertThatThrownBy(() -> gram.solve(a.transpose().times(Vector.of(2, DELTA, DELTA))))
                .isInstanceOf(SingularMatrixException.class)
                .hasMessageContaining("pivot 1 is 0.0");
        assertThatThrownBy(gram::cholesky).isInstanceOf(NotPositiveDefiniteException.class);

        // Yet A is a fine matrix: σ₁ = √(2 + δ²), σ₂ = δ, so κ(A) = √(2 + δ²)/δ ≈ 1.4e8. The SVD of A
        // has absolute error c·u·σ₁, relative c·u·κ ≈ 1e-7 on σ₂ (c = 10).
        double kappa = Math.sqrt(2 + DELTA * DELTA) / DELTA;
        assertThat(a.conditionNumber()).isCloseTo(kappa, within(10 * U * kappa * kappa));
        assertThat(kappa).isCloseTo(1.4e8, within(0.05e8));

        // For b = (2, δ, δ) the exact solution is (1, 1): A(1, 1) = b. QR with refinement returns it
        // exactly, as the book says; the theory (Higham, ch. 20) promises u·κ(A) since the residual is 0.
        Vector b = Vector.of(2, DELTA, DELTA);
        Vector x = a.leastSquares(b);
        assertThat(x.minus(Vector.of(1, 1)).normInf()).isLessThanOrEqualTo(10 * U * kappa);
        assertThat(x).isEqualTo(Vector.of(1.0, 1.0));
    }

    @Test
    void gramSchmidtLosesOrthogonalityAsDerived() {
        // §1.10: the 4×3 Läuchli matrix with ε = 1e-8.
        Matrix a = Matrix.of(new double[][] {{1, 1, 1}, {DELTA, 0, 0}, {0, DELTA, 0}, {0, 0, DELTA}});
        // Classical Gram–Schmidt: q₂ = (0, −1, 1, 0)/√2 and q₃ = (0, −1, 0, 1)/√2, so q₂ᵀq₃ = 1/2, 60°.
        Matrix classical = GramSchmidt.classical(a).q();
        double q2q3 = classical.column(1).dot(classical.column(2));
        assertThat(q2q3).isCloseTo(0.5, within(10 * U)); // the book quotes 0.4999999999999999
        // Modified Gram–Schmidt: q₃ = (0, −1, −1, 2)/√6, q₂ᵀq₃ = 0, and the largest error in QᵀQ is
        // q₁ᵀq₂ = −ε/√2 ≈ 7.07e-9 (the book's figure), up to terms of order ε² and u.
        Matrix modified = GramSchmidt.modified(a).q();
        assertThat(modified.column(1).dot(modified.column(2))).isCloseTo(0.0, within(10 * U));
        assertThat(lossOfOrthogonality(modified)).isCloseTo(DELTA / Math.sqrt(2), within(1e-3 * DELTA));
        // Householder keeps Q orthogonal to working precision, whatever A is: within c·n·u, c = 10.
        assertThat(lossOfOrthogonality(a.qr().q())).isLessThanOrEqualTo(10 * 3 * U);
    }
}
