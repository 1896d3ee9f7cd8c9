package dev.lemma.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import dev.lemma.numeric.DimensionMismatchException;
import dev.lemma.numeric.NonFiniteValueException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.ejml.data.Complex_F64;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EigenTest {
    /// Unit round-off $u = 2^{-53}$.
    private static final double U = 0x1p-53;

    /// The residual $\|A x - \lambda x\|$ of a backward-stable eigensolver is $O(n u \|A\|)$ for a unit
    /// eigenvector, whatever the conditioning (Golub and Van Loan §7.5.6); 64 is a margin for the QR
    /// iteration's many steps, still far below an error of $O(\sqrt u)$.
    private static final double C = 64.0;

    static IntStream sizes() {
        return IntStream.rangeClosed(0, 50);
    }

    static double tolerance(Matrix a) {
        return C * Math.max(1, a.rows()) * U * Math.max(a.normFrobenius(), Double.MIN_NORMAL);
    }

    /// $\max_j \|A x_j - \lambda_j x_j\|_\infty$ in complex arithmetic on the real and imaginary parts.
    static double residual(Matrix a, Eigen eig) {
        double worst = 0.0;
        for (int j = 0; j < eig.size(); j++) {
            double re = eig.realParts().get(j);
            double im = eig.imaginaryParts().get(j);
            Vector xr = eig.realVectors().column(j);
            Vector xi = eig.imaginaryVectors().column(j);
            Vector rr = a.times(xr).minus(xr.times(re)).plus(xi.times(im));
            Vector ri = a.times(xi).minus(xi.times(re)).minus(xr.times(im));
            worst = Math.max(worst, Math.max(rr.normInf(), ri.normInf()));
        }
        return worst;
    }

    static void assertValid(Matrix a, Eigen eig) {
        int n = a.rows();
        assertThat(eig.size()).isEqualTo(n);
        assertThat(residual(a, eig)).as("|Ax − λx|").isLessThanOrEqualTo(tolerance(a));
        double[] re = eig.realParts().toArray();
        double[] im = eig.imaginaryParts().toArray();
        for (int j = 0; j < n; j++) {
            // Unit 2-norm, largest component real and positive.
            double norm = Math.hypot(
                    eig.realVectors().column(j).norm2(),
                    eig.imaginaryVectors().column(j).norm2());
            assertThat(norm).isCloseTo(1.0, offset(C * n * U));
            if (j > 0) {
                assertThat(re[j] > re[j - 1] || (re[j] == re[j - 1] && im[j] >= im[j - 1]))
                        .as("sorted by real part then imaginary part at %d", j)
                        .isTrue();
            }
            if (im[j] != 0.0) { // the conjugate is also an eigenvalue
                int jj = j;
                assertThat(IntStream.range(0, n).anyMatch(k -> re[k] == re[jj] && im[k] == -im[jj]))
                        .isTrue();
            }
        }
        // tr A = Σλ (the imaginary parts cancel in pairs).
        assertThat(Math.abs(dev.lemma.numeric.Compensated.sum(re) - a.trace())).isLessThanOrEqualTo(n * tolerance(a));
        assertThat(Math.abs(dev.lemma.numeric.Compensated.sum(im))).isZero();
    }

    @ParameterizedTest
    @MethodSource("sizes")
    void randomMatricesSatisfyTheEigenEquation(int n) {
        Matrix a = Matrix.random(n, n, 600 + n);
        assertValid(a, a.eigen());
    }

    @ParameterizedTest
    @MethodSource("sizes")
    void determinantIsTheProductOfTheEigenvalues(int n) {
        Matrix a = Matrix.random(n, n, 700 + n).plus(Matrix.identity(n)); // keep det away from 0
        Eigen eig = a.eigen();
        double re = 1.0;
        double im = 0.0;
        for (int j = 0; j < n; j++) {
            double r = eig.realParts().get(j);
            double i = eig.imaginaryParts().get(j);
            double t = re * r - im * i;
            im = re * i + im * r;
            re = t;
        }
        double det = a.determinant();
        // Each λ has relative error about κ_j n u; the product inherits their sum. Random matrices of this
        // size have modest eigenvalue condition numbers, so 1e-10 relative is ample.
        assertThat(re).isCloseTo(det, offset(1e-10 * Math.max(1.0, Math.abs(det))));
        assertThat(im).isCloseTo(0.0, offset(1e-10 * Math.max(1.0, Math.abs(det))));
    }

    @ParameterizedTest
    @MethodSource("sizes")
    void eigenvaluesAgreeWithEjml(int n) {
        Matrix a = Matrix.random(n, n, 800 + n);
        Eigen eig = a.eigen();
        EigenDecomposition_F64<DMatrixRMaj> ejml = DecompositionFactory_DDRM.eig(n, false, false);
        assertThat(ejml.decompose(new DMatrixRMaj(n, n, true, a.toRowMajorArray())))
                .isTrue();
        Complex_F64[] theirs = new Complex_F64[n];
        for (int j = 0; j < n; j++) {
            theirs[j] = ejml.getEigenvalue(j);
        }
        Arrays.sort(
                theirs, Comparator.comparingDouble((Complex_F64 c) -> c.real).thenComparingDouble(c -> c.imaginary));
        // Pair each of ours with the nearest of EJML's: the sorted orders can differ where two real parts
        // agree to rounding. Random matrices have well-separated, well-conditioned eigenvalues.
        double tol = 1e3 * tolerance(a);
        for (int j = 0; j < n; j++) {
            double re = eig.realParts().get(j);
            double im = eig.imaginaryParts().get(j);
            double nearest = Arrays.stream(theirs)
                    .mapToDouble(c -> Math.hypot(c.real - re, c.imaginary - im))
                    .min()
                    .orElseThrow();
            assertThat(nearest).isLessThanOrEqualTo(tol);
        }
    }

    @Test
    void companionMatrixEigenvaluesAreThePolynomialRoots() {
        // p(x) = (x − 1)(x + 2)(x − 3)(x² + 2x + 5), built from its roots: 1, −2, 3 and the pair −1 ± 2i.
        double[] p = polynomialFromRoots(new double[] {1, -2, 3}, new double[][] {{-1, 2}});
        int n = p.length - 1;
        double[][] c = new double[n][n];
        for (int j = 0; j < n; j++) {
            c[0][j] = -p[j + 1] / p[0]; // first row: −a_{n−1}, …, −a_0 for the monic polynomial
        }
        for (int i = 1; i < n; i++) {
            c[i][i - 1] = 1.0;
        }
        Matrix companion = Matrix.of(c);
        Eigen eig = companion.eigen();
        assertValid(companion, eig);
        double[][] expected = {{-2, 0}, {-1, -2}, {-1, 2}, {1, 0}, {3, 0}};
        for (int j = 0; j < n; j++) {
            assertThat(eig.realParts().get(j)).isCloseTo(expected[j][0], offset(1e-12));
            assertThat(eig.imaginaryParts().get(j)).isCloseTo(expected[j][1], offset(1e-12));
        }
        assertThat(eig.isReal()).isFalse();
    }

    /// Coefficients, highest degree first, of $\prod (x - r) \prod (x^2 - 2 a x + a^2 + b^2)$.
    private static double[] polynomialFromRoots(double[] real, double[][] pairs) {
        double[] p = {1.0};
        for (double r : real) {
            p = multiply(p, new double[] {1.0, -r});
        }
        for (double[] ab : pairs) {
            p = multiply(p, new double[] {1.0, -2 * ab[0], ab[0] * ab[0] + ab[1] * ab[1]});
        }
        return p;
    }

    private static double[] multiply(double[] x, double[] y) {
        double[] z = new double[x.length + y.length - 1];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < y.length; j++) {
                z[i + j] += x[i] * y[j];
            }
        }
        return z;
    }

    @Test
    void rotationHasAConjugatePairWithComplexEigenvectors() {
        double t = 0.3;
        Matrix rotation = Matrix.of(new double[][] {{Math.cos(t), -Math.sin(t)}, {Math.sin(t), Math.cos(t)}});
        Eigen eig = rotation.eigen();
        assertValid(rotation, eig);
        assertThat(eig.realParts().toArray()).containsExactly(Math.cos(t), Math.cos(t));
        assertThat(eig.imaginaryParts().get(0)).isCloseTo(-Math.sin(t), offset(1e-15));
        assertThat(eig.imaginaryParts().get(1)).isCloseTo(Math.sin(t), offset(1e-15));
        // x = (1, ∓i)/√2 up to phase: equal moduli 1/√2.
        assertThat(Math.hypot(
                        eig.realVectors().get(1, 0), eig.imaginaryVectors().get(1, 0)))
                .isCloseTo(Math.sqrt(0.5), offset(1e-15));
    }

    @Test
    void symmetricAndTriangularMatricesHaveRealEigenvalues() {
        Matrix r = Matrix.random(20, 20, 9);
        Matrix symmetric = r.plus(r.transpose());
        Eigen eig = symmetric.eigen();
        assertThat(eig.isReal()).isTrue();
        assertThat(eig.realParts().minus(symmetric.symmetricEigen().values()).normInf())
                .isLessThanOrEqualTo(tolerance(symmetric));
        Matrix triangular = Matrix.of(new double[][] {{3, 1, 4}, {0, -1, 5}, {0, 0, 2}});
        Eigen tri = triangular.eigen();
        assertThat(tri.realParts().toArray()).containsExactly(-1.0, 2.0, 3.0);
        assertValid(triangular, tri);
    }

    @Test
    void diagonalZeroAndDefectiveMatrices() {
        Eigen diagonal = Matrix.diagonal(2.0, -5.0, 0.5).eigen();
        assertThat(diagonal.realParts().toArray()).containsExactly(-5.0, 0.5, 2.0);
        assertThat(diagonal.realVectors().maxAbsDifference(Matrix.of(new double[][] {{0, 0, 1}, {1, 0, 0}, {0, 1, 0}})))
                .isZero();
        Eigen zero = Matrix.zeros(4, 4).eigen();
        assertThat(zero.realParts().toArray()).containsOnly(0.0);
        assertValid(Matrix.zeros(4, 4), zero);
        // A Jordan block has one eigenvector; the two computed ones are (nearly) parallel, each valid.
        Matrix jordan = Matrix.of(new double[][] {{2, 1}, {0, 2}});
        Eigen j = jordan.eigen();
        assertThat(j.realParts().toArray()).containsExactly(2.0, 2.0);
        assertValid(jordan, j);
    }

    @Test
    void badlyScaledMatrixIsBalanced() {
        // D A D⁻¹ with D = diag(1, 1e6, 1e-6): same eigenvalues as A; balancing undoes the scaling.
        Matrix a = Matrix.of(new double[][] {{1, 2, 0}, {3, 4, 5}, {0, 6, 7}});
        Matrix scaled = Matrix.of(new double[][] {{1, 2e-6, 0}, {3e6, 4, 5e12}, {0, 6e-12, 7}});
        Vector expected = a.eigen().realParts();
        Eigen eig = scaled.eigen();
        assertThat(eig.realParts().minus(expected).normInf()).isLessThanOrEqualTo(1e-12);
        for (int j = 0; j < 3; j++) {
            Vector x = eig.realVectors().column(j);
            double lambda = eig.realParts().get(j);
            assertThat(scaled.times(x).minus(x.times(lambda)).normInf()).isLessThanOrEqualTo(1e-12 * scaled.normInf());
        }
    }

    @Test
    void badInputIsRejected() {
        assertThatThrownBy(() -> Matrix.zeros(3, 2).eigen())
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessageContaining("3×2");
        assertThatThrownBy(() ->
                        Matrix.of(new double[][] {{1, 2}, {Double.NaN, 4}}).eigen())
                .isInstanceOf(NonFiniteValueException.class)
                .hasMessageContaining("row 1, column 0");
    }
}
