package dev.lemma.info;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.lemma.linalg.Matrix;
import dev.lemma.linalg.Vector;
import dev.lemma.numeric.DimensionMismatchException;
import dev.lemma.numeric.NotPositiveDefiniteException;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/// The Gaussian closed forms of [Divergence] against the definition $\int p \ln(p/q)$ integrated
/// numerically (composite Simpson, written here), against the textbook formula with an explicit
/// inverse and LU determinants, and against invariances the divergence must have.
class GaussianDivergenceTest {
    /// Simpson's rule on a Gaussian integrand over $\pm 14$ standard deviations with 4000 intervals has
    /// truncation error far below rounding; what is left is the rounding of the sum, about $10^{-13}$
    /// relative.
    static final double QUADRATURE = 1e-11;

    static IntStream seeds() {
        return IntStream.range(0, 20);
    }

    /// Composite Simpson on $[a, b]$ with `n` (even) intervals.
    static double simpson(DoubleUnaryOperator f, double a, double b, int n) {
        double h = (b - a) / n;
        double sum = f.applyAsDouble(a) + f.applyAsDouble(b);
        for (int i = 1; i < n; i++) {
            sum += (i % 2 == 1 ? 4 : 2) * f.applyAsDouble(a + i * h);
        }
        return sum * h / 3;
    }

    static double normalLogPdf(double x, double mean, double variance) {
        double d = x - mean;
        return -0.5 * Math.log(2 * Math.PI * variance) - d * d / (2 * variance);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void univariateClosedFormAgreesWithNumericalIntegration(int seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double mu0 = 4 * random.nextDouble() - 2;
        double var0 = Math.exp(2 * random.nextDouble() - 1);
        double mu1 = 4 * random.nextDouble() - 2;
        double var1 = Math.exp(2 * random.nextDouble() - 1);
        double sd0 = Math.sqrt(var0);
        double integral = simpson(
                x -> {
                    double logP = normalLogPdf(x, mu0, var0);
                    return Math.exp(logP) * (logP - normalLogPdf(x, mu1, var1));
                },
                mu0 - 14 * sd0,
                mu0 + 14 * sd0,
                4000);
        double kl = Divergence.gaussianKullbackLeibler(mu0, var0, mu1, var1);
        assertThat(kl).isCloseTo(integral, within(QUADRATURE * Math.max(1.0, integral)));
    }

    @Test
    void univariateIsZeroForEqualParametersAndAccurateForNearlyEqualVariances() {
        assertThat(Divergence.gaussianKullbackLeibler(1.5, 2.0, 1.5, 2.0)).isZero();
        // variance ratio 1 + t: KL = ½(t − log(1 + t)) = t²/4 − t³/6 + t⁴/8 − …, here t = 1e-6
        double t = 1e-6;
        double series = t * t / 4 - t * t * t / 6 + t * t * t * t / 8;
        assertThat(Divergence.gaussianKullbackLeibler(0.0, 1.0 + t, 0.0, 1.0)).isCloseTo(series, within(1e-9 * series));
        // extreme variance ratios: ½(r − 1 − ln r) with r = 1e-20 and 1e20, no cancellation to fear
        assertThat(Divergence.gaussianKullbackLeibler(0.0, 1e-20, 0.0, 1.0))
                .isCloseTo(0.5 * (1e-20 - 1 + 20 * Math.log(10)), within(1e-14));
        assertThat(Divergence.gaussianKullbackLeibler(0.0, 1e20, 0.0, 1.0))
                .isCloseTo(0.5 * (1e20 - 1 - 20 * Math.log(10)), within(1e5));
        // pure mean shift: KL = d²/(2σ²)
        assertThat(Divergence.gaussianKullbackLeibler(0.0, 4.0, 3.0, 4.0)).isCloseTo(9.0 / 8.0, within(1e-15));
    }

    /// A random symmetric positive definite `k×k` matrix $B B^\top + \frac12 I$.
    static Matrix randomCovariance(int k, long seed) {
        Matrix b = Matrix.random(k, k, seed);
        return b.times(b.transpose()).plus(Matrix.identity(k).times(0.5));
    }

    /// The textbook formula with an explicit inverse and LU determinants, the route the implementation
    /// avoids.
    static double textbookKl(Vector mu0, Matrix s0, Vector mu1, Matrix s1) {
        Matrix inv1 = s1.inverse();
        Vector d = mu1.minus(mu0);
        int k = mu0.size();
        return 0.5
                * (inv1.times(s0).trace()
                        + d.dot(inv1.times(d))
                        - k
                        + Math.log(s1.determinant())
                        - Math.log(s0.determinant()));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void multivariateAgreesWithTheTextbookFormula(int seed) {
        int k = 1 + seed % 6;
        Matrix s0 = randomCovariance(k, 1000 + seed);
        Matrix s1 = randomCovariance(k, 2000 + seed);
        Vector mu0 = Vector.random(k, 3000 + seed);
        Vector mu1 = Vector.random(k, 4000 + seed);
        double kl = Divergence.gaussianKullbackLeibler(mu0, s0, mu1, s1);
        assertThat(kl).isPositive().isCloseTo(textbookKl(mu0, s0, mu1, s1), within(1e-12 * Math.max(1.0, kl)));
        // equal Gaussians: the terms cancel to rounding, and the result never goes below 0
        assertThat(Divergence.gaussianKullbackLeibler(mu0, s0, mu0, s0))
                .isGreaterThanOrEqualTo(0.0)
                .isLessThan(1e-13);
    }

    @Test
    void multivariateReducesToSumsOfUnivariateOnesForDiagonalCovariances() {
        double[] m0 = {0.5, -1.0, 2.0};
        double[] v0 = {1.0, 0.25, 3.0};
        double[] m1 = {0.0, 1.0, 2.5};
        double[] v1 = {2.0, 0.5, 1.0};
        double sum = 0.0;
        for (int i = 0; i < 3; i++) {
            sum += Divergence.gaussianKullbackLeibler(m0[i], v0[i], m1[i], v1[i]);
        }
        double kl = Divergence.gaussianKullbackLeibler(
                Vector.of(m0), Matrix.diagonal(v0), Vector.of(m1), Matrix.diagonal(v1));
        assertThat(kl).isCloseTo(sum, within(1e-14));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void multivariateIsInvariantUnderACommonAffineMap(int seed) {
        // KL is invariant under any invertible reparametrisation x ↦ A x + c applied to both
        int k = 2 + seed % 4;
        Matrix s0 = randomCovariance(k, 5000 + seed);
        Matrix s1 = randomCovariance(k, 6000 + seed);
        Vector mu0 = Vector.random(k, 7000 + seed);
        Vector mu1 = Vector.random(k, 8000 + seed);
        Matrix a = Matrix.random(k, k, 9000 + seed).plus(Matrix.identity(k).times(2.0));
        Vector c = Vector.random(k, 10000 + seed);
        double kl = Divergence.gaussianKullbackLeibler(mu0, s0, mu1, s1);
        double mapped = Divergence.gaussianKullbackLeibler(
                a.times(mu0).plus(c),
                a.times(s0).times(a.transpose()),
                a.times(mu1).plus(c),
                a.times(s1).times(a.transpose()));
        assertThat(mapped).isCloseTo(kl, within(1e-10 * Math.max(1.0, kl)));
    }

    /// Bivariate normal log-density, written from the definition with the 2×2 inverse by hand.
    static double logPdf2(double x, double y, double[] mu, double[][] s) {
        double det = s[0][0] * s[1][1] - s[0][1] * s[1][0];
        double dx = x - mu[0];
        double dy = y - mu[1];
        double quad = (s[1][1] * dx * dx - 2 * s[0][1] * dx * dy + s[0][0] * dy * dy) / det;
        return -Math.log(2 * Math.PI) - 0.5 * Math.log(det) - 0.5 * quad;
    }

    @Test
    void bivariateClosedFormAgreesWithTwoDimensionalIntegration() {
        double[] mu0 = {0.3, -0.2};
        double[][] s0 = {{1.0, 0.6}, {0.6, 2.0}};
        double[] mu1 = {-0.5, 0.4};
        double[][] s1 = {{1.5, -0.3}, {-0.3, 0.8}};
        double sx = Math.sqrt(s0[0][0]);
        double sy = Math.sqrt(s0[1][1]);
        double integral = simpson(
                x -> simpson(
                        y -> {
                            double logP = logPdf2(x, y, mu0, s0);
                            return Math.exp(logP) * (logP - logPdf2(x, y, mu1, s1));
                        },
                        mu0[1] - 12 * sy,
                        mu0[1] + 12 * sy,
                        600),
                mu0[0] - 12 * sx,
                mu0[0] + 12 * sx,
                600);
        double kl = Divergence.gaussianKullbackLeibler(Vector.of(mu0), Matrix.of(s0), Vector.of(mu1), Matrix.of(s1));
        assertThat(kl).isCloseTo(integral, within(1e-10 * integral));
    }

    @Test
    void badInputIsNamed() {
        assertThatThrownBy(() -> Divergence.gaussianKullbackLeibler(0.0, -1.0, 0.0, 1.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("variance0 is -1.0 (expected a finite variance > 0)");
        assertThatThrownBy(() -> Divergence.gaussianKullbackLeibler(0.0, 1.0, Double.NaN, 1.0))
                .hasMessageContaining("mean1 is NaN");
        Matrix two = Matrix.identity(2);
        assertThatThrownBy(() -> Divergence.gaussianKullbackLeibler(Vector.zeros(2), two, Vector.zeros(3), two))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessageContaining("mean0 has length 2 but mean1 has length 3");
        assertThatThrownBy(() ->
                        Divergence.gaussianKullbackLeibler(Vector.zeros(2), two, Vector.zeros(2), Matrix.identity(3)))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessageContaining("covariance1 is 3×3 (expected 2×2)");
        Matrix indefinite = Matrix.of(new double[][] {{1.0, 2.0}, {2.0, 1.0}});
        assertThatThrownBy(() -> Divergence.gaussianKullbackLeibler(Vector.zeros(2), indefinite, Vector.zeros(2), two))
                .isInstanceOf(NotPositiveDefiniteException.class)
                .hasMessageContaining("gaussianKullbackLeibler: covariance0 is not positive definite");
        Matrix asymmetric = Matrix.of(new double[][] {{2.0, 0.5}, {0.4, 2.0}});
        assertThatThrownBy(() -> Divergence.gaussianKullbackLeibler(Vector.zeros(2), two, Vector.zeros(2), asymmetric))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("covariance1 is not symmetric");
        Matrix infinite = Matrix.of(new double[][] {{1.0, 0.0}, {0.0, Double.POSITIVE_INFINITY}});
        assertThatThrownBy(() -> Divergence.gaussianKullbackLeibler(Vector.zeros(2), two, Vector.zeros(2), infinite))
                .hasMessageContaining("covariance1 has Infinity at row 1, column 1");
    }
}
