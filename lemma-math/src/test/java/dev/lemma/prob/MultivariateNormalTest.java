package dev.lemma.prob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.lemma.linalg.Matrix;
import dev.lemma.linalg.Vector;
import dev.lemma.numeric.DimensionMismatchException;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/// [MultivariateNormal]: the density against the formula written with the explicit inverse and
/// determinant (an independent route), a diagonal covariance against the product of univariate normal
/// densities, sample moments within CLT bounds, the MLE, and the errors.
class MultivariateNormalTest {
    static final Vector MU = Vector.of(1.0, -2.0, 0.5);
    static final Matrix SIGMA = Matrix.of(new double[][] {{2.0, 0.3, -0.4}, {0.3, 1.0, 0.2}, {-0.4, 0.2, 1.5}});

    @Test
    void logPdfMatchesTheFormulaWithInverseAndDeterminant() {
        MultivariateNormal d = new MultivariateNormal(MU, SIGMA);
        Matrix inverse = SIGMA.inverse();
        double det = SIGMA.determinant();
        RandomGenerator g = Randomness.of(8);
        for (int t = 0; t < 50; t++) {
            Vector x = Vector.of(3 * g.nextGaussian(), 3 * g.nextGaussian(), 3 * g.nextGaussian());
            Vector c = x.minus(MU);
            double expected = -0.5 * (3 * Math.log(2 * Math.PI) + Math.log(det) + c.dot(inverse.times(c)));
            assertThat(d.logPdf(x)).isCloseTo(expected, within(1e-12 * Math.abs(expected)));
        }
        assertThat(d.logDeterminant()).isCloseTo(Math.log(det), within(1e-14));
    }

    @Test
    void aDiagonalCovarianceFactorsIntoUnivariateNormals() {
        double[] s2 = {0.5, 4.0};
        MultivariateNormal d = new MultivariateNormal(Vector.of(0.0, 1.0), Matrix.diagonal(s2));
        Vector x = Vector.of(0.3, -1.2);
        double expected = 0;
        double[] m = {0.0, 1.0};
        for (int i = 0; i < 2; i++) {
            double z = x.get(i) - m[i];
            expected += -0.5 * Math.log(2 * Math.PI * s2[i]) - z * z / (2 * s2[i]);
        }
        assertThat(d.logPdf(x)).isCloseTo(expected, within(1e-15));
        assertThat(d.entropy()).isCloseTo(0.5 * Math.log(Math.pow(2 * Math.PI * Math.E, 2) * 2.0), within(1e-15));
    }

    /// Sample mean and covariance of $n$ seeded draws: each mean component within five standard errors
    /// $\sqrt{\Sigma_{ii}/n}$, each covariance entry within five of $\sqrt{(\Sigma_{ii}\Sigma_{jj} +
    /// \Sigma_{ij}^2)/n}$ (the variance of a product of two centred jointly normal variables, Isserlis).
    @Test
    void samplesHaveTheMeanAndCovariance() {
        int n = 100_000;
        MultivariateNormal d = new MultivariateNormal(MU, SIGMA);
        RandomGenerator g = Randomness.of(2718);
        double[][] rows = new double[n][];
        for (int i = 0; i < n; i++) {
            rows[i] = d.sample(g).toArray();
        }
        MultivariateNormal fitted = MultivariateNormal.fit(Matrix.of(rows));
        for (int i = 0; i < 3; i++) {
            assertThat(fitted.mean().get(i)).isCloseTo(MU.get(i), within(5 * Math.sqrt(SIGMA.get(i, i) / n)));
            for (int j = 0; j < 3; j++) {
                double se = Math.sqrt((SIGMA.get(i, i) * SIGMA.get(j, j) + SIGMA.get(i, j) * SIGMA.get(i, j)) / n);
                assertThat(fitted.covariance().get(i, j)).isCloseTo(SIGMA.get(i, j), within(5 * se));
            }
        }
    }

    /// The MLE on three points in the plane, worked by hand: mean $(1, 2)$, covariance with denominator 3.
    @Test
    void fitUsesTheDenominatorN() {
        Matrix data = Matrix.of(new double[][] {{0, 1}, {1, 4}, {2, 1}});
        MultivariateNormal d = MultivariateNormal.fit(data);
        assertThat(d.mean().toArray()).containsExactly(1.0, 2.0);
        // deviations (-1, -1), (0, 2), (1, -1): Σ = [[2, 0], [0, 6]] / 3
        assertThat(d.covariance().get(0, 0)).isCloseTo(2.0 / 3, within(1e-15));
        assertThat(d.covariance().get(1, 1)).isCloseTo(2.0, within(1e-15));
        assertThat(d.covariance().get(0, 1)).isCloseTo(0.0, within(1e-15));
    }

    @Test
    void badInputIsNamed() {
        Matrix notDefinite = Matrix.of(new double[][] {{1, 2}, {2, 1}});
        assertThatThrownBy(() -> new MultivariateNormal(Vector.of(0, 0), notDefinite))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("covariance is not positive definite")
                .hasMessageContaining("column 1");
        assertThatThrownBy(() ->
                        new MultivariateNormal(Vector.of(0, 0), Matrix.of(new double[][] {{1, 0.5}, {0.4, 1}})))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("covariance is not symmetric");
        assertThatThrownBy(() -> new MultivariateNormal(Vector.of(0, 0, 0), Matrix.identity(2)))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessageContaining("length 3")
                .hasMessageContaining("2×2");
        assertThatThrownBy(() -> new MultivariateNormal(MU, SIGMA).logPdf(Vector.of(1, 2)))
                .isInstanceOf(DimensionMismatchException.class);
        assertThatThrownBy(() -> MultivariateNormal.fit(Matrix.of(new double[][] {{1, Double.NaN}})))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("row 0, column 1");
        assertThatThrownBy(() -> MultivariateNormal.fit(Matrix.of(new double[][] {{1, 2}, {2, 4}})))
                .hasMessageContaining("not positive definite");
    }
}
