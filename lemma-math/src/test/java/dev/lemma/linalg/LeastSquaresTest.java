package dev.lemma.linalg;

import static dev.lemma.linalg.SolverFixtures.EPS;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/// Least squares, the minimum-norm solution, [LinearFit], projections and null spaces on seeded random
/// problems.
class LeastSquaresTest {
    static List<Arguments> tallShapes() {
        List<Arguments> shapes = new ArrayList<>();
        for (int n : SolverFixtures.sizes()) {
            shapes.add(Arguments.of(n, n));
            shapes.add(Arguments.of(n + 1 + n / 3, n));
            shapes.add(Arguments.of(3 * n + 2, n));
        }
        return shapes;
    }

    static List<Arguments> shapes() {
        return SolverFixtures.shapes();
    }

    @ParameterizedTest
    @MethodSource("tallShapes")
    void agreesWithTheNormalEquationsOnWellConditionedProblems(int m, int n) {
        // Random tall matrices are well conditioned (κ ≈ (1+√(n/m))/(1−√(n/m))), so the normal equations,
        // whose error grows with κ², are a fair oracle here (and only here).
        Matrix a = Matrix.random(m, n, 100L * m + n)
                .plus(m == n ? Matrix.identity(n).times(n) : Matrix.zeros(m, n));
        Vector b = Vector.random(m, 200L * m + n);
        Vector x = a.leastSquares(b);
        Vector normal = a.transpose().times(a).solve(a.transpose().times(b));
        double kappa = n == 0 ? 1.0 : a.conditionNumber();
        assertThat(x.minus(normal).norm2())
                .isLessThanOrEqualTo(10 * (m + 1) * kappa * kappa * EPS * Math.max(1, x.norm2()));
        // Optimality: the residual is orthogonal to the columns. With x rounded to double,
        // Aᵀ(b − Ax̂) = AᵀA(x − x̂) is of order ‖A‖²·u·‖x‖: the refinement leaves nothing larger.
        Vector r = b.minus(a.times(x));
        double normA = a.normFrobenius();
        assertThat(a.transpose().times(r).norm2())
                .isLessThanOrEqualTo(10 * (m + 1) * EPS * normA * (normA * x.norm2() + b.norm2()));
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void minimumNormSolutionMatchesEjmlPseudoInverseOnRankDeficientProblems(int m, int n) {
        int k = Math.min(m, n) / 2;
        Matrix a = SolverFixtures.ofRank(m, n, k, 300L * m + n);
        Vector b = Vector.random(m, 400L * m + n);
        Vector x = a.leastSquares(b);
        if (m == 0 || n == 0) {
            assertThat(x.norm2()).isZero(); // A⁺ of an empty matrix is the zero map
            return;
        }
        DMatrixRMaj pinv = new DMatrixRMaj(n, m);
        CommonOps_DDRM.pinv(new DMatrixRMaj(a.toArray()), pinv);
        DMatrixRMaj expected = new DMatrixRMaj(n, 1);
        CommonOps_DDRM.mult(pinv, new DMatrixRMaj(b.toArray()), expected);
        double[] e = expected.getData();
        // κ of the rank-k part is modest for random factors; 1e-10 relative is a loose bar.
        double size = Math.max(1, Vector.of(e).norm2());
        assertThat(x.minus(Vector.of(e)).norm2()).isLessThanOrEqualTo(1e-10 * size);
    }

    @ParameterizedTest
    @MethodSource("tallShapes")
    void linearFitCovarianceIsTheInverseGramMatrixTimesTheResidualVariance(int m, int n) {
        if (m <= n) {
            return; // no residual degrees of freedom
        }
        Matrix x = Matrix.random(m, n, 500L * m + n);
        Vector y = Vector.random(m, 600L * m + n);
        LinearFit fit = x.leastSquaresFit(y);
        assertThat(fit.coefficients().minus(x.leastSquares(y)).normInf())
                .isLessThanOrEqualTo(10 * EPS * Math.max(1, fit.coefficients().normInf()));
        assertThat(fit.degreesOfFreedom()).isEqualTo(m - n);
        Matrix gram = x.transpose().times(x);
        double s2 = fit.residualSumOfSquares() / (m - n);
        Matrix expected = gram.inverse().times(s2);
        double kappa = n == 0 ? 1.0 : gram.conditionNumber();
        assertThat(fit.covariance().minus(expected).normFrobenius())
                .isLessThanOrEqualTo(10 * (m + 1) * kappa * EPS * expected.normFrobenius());
        assertThat(fit.covariance().isSymmetric(0.0)).isTrue();
        assertThat(fit.residualStandardDeviation()).isEqualTo(Math.sqrt(s2));
        // Residuals are y − Xβ̂ to the accuracy of a compensated product.
        assertThat(fit.residuals().minus(y.minus(x.times(fit.coefficients()))).normInf())
                .isLessThanOrEqualTo(10 * (n + 1) * EPS * Math.max(1, y.normInf()));
        assertThat(fit.rSquared()).isLessThanOrEqualTo(1.0);
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void projectionMatrixIsSymmetricIdempotentAndFixesTheColumnSpace(int m, int n) {
        Matrix a = Matrix.random(m, n, 700L * m + n);
        Matrix p = a.projectionMatrix();
        double tol = 100 * (m + n + 1) * EPS;
        assertThat(p.times(p).minus(p).normFrobenius()).isLessThanOrEqualTo(tol * Math.max(1, p.normFrobenius()));
        assertThat(p.transpose().minus(p).normFrobenius()).isLessThanOrEqualTo(tol);
        assertThat(p.times(a).minus(a).normFrobenius()).isLessThanOrEqualTo(tol * Math.max(1, a.normFrobenius()));
        Vector b = Vector.random(m, 800L * m + n);
        assertThat(a.projectOntoColumnSpace(b).minus(p.times(b)).norm2()).isLessThanOrEqualTo(tol * (1 + b.norm2()));
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void nullSpaceBasisIsOrthonormalAndAnnihilatedByA(int m, int n) {
        Matrix a = Matrix.random(m, n, 900L * m + n);
        Matrix nullSpace = a.nullSpaceBasis();
        assertThat(nullSpace.cols()).isEqualTo(n - Math.min(m, n));
        double tol = 100 * (m + n + 1) * EPS;
        assertThat(a.times(nullSpace).normFrobenius()).isLessThanOrEqualTo(tol * Math.max(1, a.normFrobenius()));
        assertThat(nullSpace
                        .transpose()
                        .times(nullSpace)
                        .minus(Matrix.identity(nullSpace.cols()))
                        .normFrobenius())
                .isLessThanOrEqualTo(tol);
    }

    @Test
    void exactFitHasZeroResidualAndRSquaredOne() {
        // y = 1 + 2x + 3x² exactly at integer x: every quantity is exact in double.
        int m = 12;
        double[][] x = new double[m][3];
        double[] y = new double[m];
        for (int i = 0; i < m; i++) {
            x[i][0] = 1;
            x[i][1] = i;
            x[i][2] = (double) i * i;
            y[i] = 1 + 2 * i + 3.0 * i * i;
        }
        LinearFit fit = Matrix.of(x).leastSquaresFit(Vector.of(y));
        assertThat(fit.coefficients().minus(Vector.of(1, 2, 3)).normInf()).isLessThanOrEqualTo(1e-13);
        assertThat(fit.residualSumOfSquares()).isLessThanOrEqualTo(1e-20);
        assertThat(fit.rSquared()).isEqualTo(1.0);
        assertThat(IntStream.range(0, 3)
                        .mapToDouble(j -> fit.standardErrors().get(j))
                        .max()
                        .orElseThrow())
                .isLessThanOrEqualTo(1e-9);
    }
}
