package dev.lemma.info;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.lemma.linalg.Matrix;
import dev.lemma.linalg.Vector;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/// [MutualInformation] against theory: $I = H(X) + H(Y) - H(X,Y) = H(Y) - H(Y \mid X) =
/// \mathrm{KL}(p_{XY} \,\|\, p_X p_Y) \ge 0$, zero for product tables, at most $\min(H(X), H(Y))$; the
/// Gaussian forms against the Gaussian KL divergence, differential entropies from LU determinants, and
/// the discrete mutual information of a finely binned bivariate normal.
class MutualInformationTest {
    static final double IDENTITY = 1e-13;

    static IntStream seeds() {
        return IntStream.range(0, 25);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void mutualInformationIsAnEntropyDifferenceAndADivergence(int seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] joint = RandomDistributions.table(random, 1 + random.nextInt(6), 1 + random.nextInt(6), true);
        double[] px = Probabilities.rowMarginal(joint);
        double[] py = Probabilities.columnMarginal(joint);
        double hX = Entropy.entropy(px);
        double hY = Entropy.entropy(py);
        double mi = MutualInformation.discrete(joint);
        assertThat(mi).isGreaterThanOrEqualTo(0.0).isLessThanOrEqualTo(Math.min(hX, hY) + IDENTITY);
        assertThat(mi).isCloseTo(hX + hY - Entropy.jointEntropy(joint), within(IDENTITY));
        assertThat(mi).isCloseTo(hY - Entropy.conditionalEntropy(joint), within(IDENTITY));
        double[] product = RandomDistributions.flatten(RandomDistributions.product(px, py));
        assertThat(mi)
                .isCloseTo(Divergence.kullbackLeibler(RandomDistributions.flatten(joint), product), within(IDENTITY));
        assertThat(MutualInformation.discreteBits(joint)).isCloseTo(mi / Math.log(2.0), within(IDENTITY));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void independentVariablesShareNoInformation(int seed) {
        SplittableRandom random = new SplittableRandom(100 + seed);
        double[] px = RandomDistributions.vector(random, 1 + random.nextInt(8), true);
        double[] py = RandomDistributions.vector(random, 1 + random.nextInt(8), true);
        // the product's entries are rounded, so the table is independent only up to rounding
        assertThat(MutualInformation.discrete(RandomDistributions.product(px, py)))
                .isCloseTo(0.0, within(1e-15));
    }

    @Test
    void aVariableSharesAllItsEntropyWithItself() {
        double[] p = {0.5, 0.25, 0.125, 0.125};
        double[][] diagonal = new double[4][4];
        for (int i = 0; i < 4; i++) {
            diagonal[i][i] = p[i];
        }
        assertThat(MutualInformation.discreteBits(diagonal)).isCloseTo(1.75, within(1e-15));
    }

    @ParameterizedTest
    @ValueSource(doubles = {-0.99, -0.6, -0.1, 0.0, 0.3, 0.8, 0.999})
    void bivariateNormalAgreesWithTheDivergenceFromTheProductOfMarginals(double rho) {
        // I(X;Y) = KL(N(0, R) ‖ N(0, I)) for the correlation matrix R
        Matrix r = Matrix.of(new double[][] {{1.0, rho}, {rho, 1.0}});
        double kl = Divergence.gaussianKullbackLeibler(Vector.zeros(2), r, Vector.zeros(2), Matrix.identity(2));
        double mi = MutualInformation.gaussian(rho);
        assertThat(mi).isCloseTo(kl, within(1e-14 * Math.max(1.0, mi)));
        // with variances 4 and 0.25 the information is unchanged, and the block form agrees
        double c = rho * 2.0 * 0.5;
        Matrix covariance = Matrix.of(new double[][] {{4.0, c}, {c, 0.25}});
        assertThat(MutualInformation.gaussian(covariance, 1)).isCloseTo(mi, within(1e-14 * Math.max(1.0, mi)));
        assertThat(MutualInformation.gaussianTotalCorrelation(covariance))
                .isCloseTo(mi, within(1e-14 * Math.max(1.0, mi)));
    }

    @ParameterizedTest
    @ValueSource(doubles = {-0.9, -0.3, 0.6, 0.95})
    void binnedBivariateNormalHasTheSameMutualInformation(double rho) {
        // Cells of width h = 0.2 on [−10, 10]², probabilities ∝ the density at the midpoints. For a Gaussian
        // the lattice sums behind the marginals are exact to e^{−2π²σ²/h²} (Poisson summation; here σ² ≥
        // 1 − ρ² ≥ 0.0975, so e^{−48}), so the discrete mutual information equals the continuous one to
        // rounding.
        double h = 0.2;
        int n = 100;
        double[][] joint = new double[n][n];
        double total = 0.0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double x = -10 + (i + 0.5) * h;
                double y = -10 + (j + 0.5) * h;
                joint[i][j] = Math.exp(-(x * x - 2 * rho * x * y + y * y) / (2 * (1 - rho * rho)));
                total += joint[i][j];
            }
        }
        for (double[] row : joint) {
            for (int j = 0; j < n; j++) {
                row[j] /= total;
            }
        }
        double exact = -0.5 * Math.log(1 - rho * rho);
        assertThat(MutualInformation.discrete(joint)).isCloseTo(exact, within(1e-12));
        assertThat(MutualInformation.gaussian(rho)).isCloseTo(exact, within(1e-15));
    }

    @Test
    void smallCorrelationsKeepTheirRelativeAccuracy() {
        // −½ log(1 − ρ²) = ρ²/2 + ρ⁴/4 + …; the naive log(1 − ρ²) would lose all digits at ρ = 1e-9
        double rho = 1e-9;
        assertThat(MutualInformation.gaussian(rho)).isCloseTo(rho * rho / 2, within(1e-15 * rho * rho));
        assertThat(MutualInformation.gaussian(1.0)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(MutualInformation.gaussian(-1.0)).isEqualTo(Double.POSITIVE_INFINITY);
    }

    /// Differential entropy $h = \frac12 \ln((2\pi e)^k \det \Sigma)$ with an LU determinant.
    static double gaussianEntropy(Matrix covariance) {
        int k = covariance.rows();
        return 0.5 * (k * Math.log(2 * Math.PI * Math.E) + Math.log(covariance.determinant()));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void blockMutualInformationIsADifferenceOfDifferentialEntropies(int seed) {
        int k = 2 + seed % 5;
        int d = 1 + seed % (k - 1);
        Matrix b = Matrix.random(k, k, 500 + seed);
        Matrix covariance = b.times(b.transpose()).plus(Matrix.identity(k).times(0.3));
        double expected = gaussianEntropy(covariance.block(0, d, 0, d))
                + gaussianEntropy(covariance.block(d, k, d, k))
                - gaussianEntropy(covariance);
        double mi = MutualInformation.gaussian(covariance, d);
        assertThat(mi).isGreaterThanOrEqualTo(0.0).isCloseTo(expected, within(1e-12 * Math.max(1.0, mi)));
        // the total correlation is −½ ln det R, R the correlation matrix, and at least the block information
        double[][] r = covariance.toArray();
        double[] sd = new double[k];
        for (int i = 0; i < k; i++) {
            sd[i] = Math.sqrt(covariance.get(i, i));
        }
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                r[i][j] /= sd[i] * sd[j];
            }
        }
        double total = MutualInformation.gaussianTotalCorrelation(covariance);
        assertThat(total)
                .isCloseTo(-0.5 * Math.log(Matrix.of(r).determinant()), within(1e-12 * Math.max(1.0, total)))
                .isGreaterThanOrEqualTo(mi - 1e-12);
    }

    @Test
    void independentGaussianCoordinatesHaveNoTotalCorrelation() {
        assertThat(MutualInformation.gaussianTotalCorrelation(Matrix.diagonal(2.0, 0.5, 7.0)))
                .isCloseTo(0.0, within(1e-15));
    }

    @Test
    void badInputIsNamed() {
        assertThatThrownBy(() -> MutualInformation.gaussian(1.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rho is 1.5 (expected a correlation in [-1, 1])");
        assertThatThrownBy(() -> MutualInformation.gaussian(Double.NaN)).hasMessageContaining("rho is NaN");
        assertThatThrownBy(() -> MutualInformation.gaussian(Matrix.identity(3), 3))
                .hasMessageContaining("dimensionX is 3 but the covariance is 3×3 (expected 1 ≤ d ≤ 2)");
        assertThatThrownBy(() -> MutualInformation.gaussianTotalCorrelation(Matrix.zeros(2, 3)))
                .hasMessageContaining("the covariance is 2×3 (expected a square matrix)");
        assertThatThrownBy(() -> MutualInformation.gaussian(Matrix.of(new double[][] {{1.0, 2.0}, {2.0, 1.0}}), 1))
                .isInstanceOf(dev.lemma.numeric.NotPositiveDefiniteException.class)
                .hasMessageContaining("MutualInformation.gaussian: the covariance is not positive definite");
        assertThatThrownBy(() -> MutualInformation.discrete(new double[][] {{0.5, 0.5}, {0.5, -0.5}}))
                .hasMessageContaining("-0.5 at row 1, column 1");
    }
}
