package dev.lemma.linalg;

import static dev.lemma.linalg.SolverFixtures.EPS;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.ejml.interfaces.decomposition.LUDecomposition_F64;
import org.ejml.interfaces.decomposition.QRDecomposition;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/// Lemma's LU, QR, Cholesky and solve against EJML 0.46.1 (test scope) on seeded random matrices.
/// Both libraries are backward stable, so their factors agree to about $n\,\kappa\,u$.
class EjmlCrossCheckTest {
    static IntStream sizes() {
        return IntStream.of(SolverFixtures.sizes()).filter(n -> n > 0);
    }

    private static DMatrixRMaj ejml(Matrix a) {
        return new DMatrixRMaj(a.rows(), a.cols(), true, a.toRowMajorArray());
    }

    private static Matrix lemma(DMatrixRMaj a) {
        return Matrix.ofRowMajor(a.numRows, a.numCols, a.getData().clone());
    }

    @ParameterizedTest
    @MethodSource("sizes")
    void luFactorsDeterminantAndSolveAgree(int n) {
        Matrix a = Matrix.random(n, n, 10_000 + n);
        LUDecomposition_F64<DMatrixRMaj> lu = DecompositionFactory_DDRM.lu(n, n);
        assertThat(lu.decompose(ejml(a))).isTrue();
        Lu ours = a.lu();
        double kappa = a.norm1() * ours.inverse().norm1();
        double tol = 10 * n * kappa * EPS;
        // Partial pivoting picks the same rows unless two candidates tie, which random data never do.
        assertThat(ours.lower().maxAbsDifference(lemma(lu.getLower(null)))).isLessThanOrEqualTo(tol);
        assertThat(ours.upper().maxAbsDifference(lemma(lu.getUpper(null)))).isLessThanOrEqualTo(tol * a.normInf());
        double det = lu.computeDeterminant().real;
        assertThat(Math.abs(ours.determinant() - det)).isLessThanOrEqualTo(tol * Math.abs(det));
        Vector b = Vector.random(n, 11_000 + n);
        DMatrixRMaj x = new DMatrixRMaj(n, 1);
        assertThat(CommonOps_DDRM.solve(ejml(a), new DMatrixRMaj(b.toArray()), x))
                .isTrue();
        assertThat(a.solve(b).minus(Vector.of(x.getData())).norm2())
                .isLessThanOrEqualTo(tol * Math.max(1, Vector.of(x.getData()).norm2()));
    }

    @ParameterizedTest
    @MethodSource("sizes")
    void qrTriangularFactorsAgreeUpToTheSignsOfTheRows(int n) {
        int m = n + n / 2 + 1;
        Matrix a = Matrix.random(m, n, 12_000 + n);
        QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(m, n);
        assertThat(qr.decompose(ejml(a))).isTrue();
        Matrix theirs = lemma(qr.getR(null, true));
        Matrix ours = a.qr().r();
        double tol = 100 * m * EPS * a.normFrobenius();
        // R is unique up to the sign of each row (the sign each reflector gives β).
        for (int i = 0; i < n; i++) {
            double sign = Math.signum(ours.get(i, i)) * Math.signum(theirs.get(i, i));
            for (int j = i; j < n; j++) {
                assertThat(Math.abs(ours.get(i, j) - sign * theirs.get(i, j))).isLessThanOrEqualTo(tol);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("sizes")
    void choleskyFactorsAgree(int n) {
        Matrix a = SolverFixtures.spd(n, 13_000 + n);
        CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_DDRM.chol(n, true);
        assertThat(chol.decompose(ejml(a))).isTrue();
        Matrix theirs = lemma(chol.getT(null));
        Matrix ours = a.cholesky().lower();
        // The Cholesky factor is unique; both are computed stably, κ(A) is modest for these matrices.
        double kappa = a.norm1() * a.cholesky().inverse().norm1();
        assertThat(ours.maxAbsDifference(theirs)).isLessThanOrEqualTo(10 * n * kappa * EPS * Math.sqrt(a.normInf()));
    }
}
