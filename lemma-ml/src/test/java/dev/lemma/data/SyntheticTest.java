package dev.lemma.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lemma.linalg.Matrix;
import dev.lemma.linalg.Vector;
import org.junit.jupiter.api.Test;

/// The generators produce what their documentation promises: points on the stated curves when the noise
/// is zero, labels by the stated rule, and regression data whose least-squares fit recovers the true
/// coefficients within the noise.
class SyntheticTest {

    @Test
    void noiselessMoonsAndCirclesLieOnTheirCurves() {
        Dataset moons = Synthetic.moons(101, 0, 1);
        int[] y = moons.labels();
        for (int i = 0; i < moons.size(); i++) {
            double x0 = moons.features().get(i, 0) - (y[i] == 0 ? 0 : 1);
            double x1 = moons.features().get(i, 1) - (y[i] == 0 ? 0 : 0.5);
            assertThat(Math.hypot(x0, x1)).isCloseTo(1, within(1e-12));
            assertThat(y[i] == 0 ? x1 >= -1e-12 : x1 <= 1e-12).isTrue();
        }
        Dataset circles = Synthetic.circles(60, 0.4, 0, 2);
        for (int i = 0; i < circles.size(); i++) {
            double r =
                    Math.hypot(circles.features().get(i, 0), circles.features().get(i, 1));
            assertThat(r).isCloseTo(circles.labels()[i] == 0 ? 1 : 0.4, within(1e-12));
        }
    }

    @Test
    void xorLabelsFollowTheSignsAndBlobsTakeTurns() {
        Dataset xor = Synthetic.xor(200, 3);
        for (int i = 0; i < xor.size(); i++) {
            boolean opposite = xor.features().get(i, 0) * xor.features().get(i, 1) < 0;
            assertThat(xor.labels()[i]).isEqualTo(opposite ? 1 : 0);
        }
        Dataset blobs = Synthetic.blobs(7, new double[][] {{0, 0}, {5, 5}, {-5, 5}}, 0, 4);
        assertThat(blobs.labels()).containsExactly(0, 1, 2, 0, 1, 2, 0);
        assertThat(blobs.features().get(4, 0)).isEqualTo(5);
    }

    @Test
    void gaussianDataHaveUnitCovarianceAndMarchenkoPasturExtremes() {
        int m = 20_000;
        int d = 20;
        Dataset g = Synthetic.gaussian(m, d, 5);
        assertThat(g.size()).isEqualTo(m);
        assertThat(g.dimension()).isEqualTo(d);
        Matrix x = g.features();
        Matrix covariance = x.transpose().times(x).times(1.0 / m);
        // each entry is a mean of m products of unit variance: standard error 1/√m ≈ 0.007 (√2/√m on the
        // diagonal); 0.05 is seven of them
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                assertThat(covariance.get(i, j)).isCloseTo(i == j ? 1 : 0, within(0.05));
            }
        }
        // the eigenvalues of the sample covariance spread over (1 ± √(d/m))², here [0.94, 1.06], with
        // fluctuations of order m^(-2/3) at the edges
        double edge = Math.sqrt((double) d / m);
        double[] eigenvalues = covariance.symmetricEigen().values().toArray();
        assertThat(eigenvalues[0]).isBetween((1 - edge) * (1 - edge) - 0.01, 1.0);
        assertThat(eigenvalues[d - 1]).isBetween(1.0, (1 + edge) * (1 + edge) + 0.01);
        assertThat(g.targetNames()).isEmpty();
    }

    @Test
    void leastSquaresRecoversTheTrueRegressionCoefficients() {
        Synthetic.Regression r = Synthetic.regression(2000, 5, 3, 2.5, 0.1, 8);
        Dataset d = r.data();
        double[][] x = new double[d.size()][6];
        for (int i = 0; i < d.size(); i++) {
            x[i][0] = 1;
            for (int j = 0; j < 5; j++) {
                x[i][j + 1] = d.features().get(i, j);
            }
        }
        double[] fit = Matrix.of(x).leastSquares(Vector.of(d.target())).toArray();
        // standard error about σ/√m = 0.1/√2000 ≈ 0.0022; 0.02 is about nine of them
        assertThat(fit[0]).isCloseTo(2.5, within(0.02));
        for (int j = 0; j < 5; j++) {
            assertThat(fit[j + 1]).isCloseTo(r.coefficients()[j], within(0.02));
        }
        assertThat(r.coefficients()[3]).isZero();
        assertThat(r.coefficients()[4]).isZero();
    }

    @Test
    void classificationHasTheStatedStructure() {
        // 2 informative, 2 redundant, 6 noise features; no flipped labels; 2 classes of 2 clusters.
        Dataset d = Synthetic.classification(4000, 10, 2, 2, 2, 2, 1.5, 0, 3);
        assertThat(d.size()).isEqualTo(4000);
        int[] counts = new int[2];
        for (int label : d.labels()) {
            counts[label]++;
        }
        assertThat(counts).containsExactly(2000, 2000);
        // exactly 4 columns lie in a 2-dimensional subspace: the rank of the centred data's covariance
        // restricted to the informative and redundant columns is 2; the noise columns are independent
        double[] sv = d.features().svd().singularValues().toArray();
        assertThat(sv[7] / sv[0]).isGreaterThan(1e-3); // 8 directions with real variance
        assertThat(sv[8] / sv[0]).isLessThan(1e-10); // the 2 redundant ones add none
        assertThat(sv[9] / sv[0]).isLessThan(1e-10);
    }
}
