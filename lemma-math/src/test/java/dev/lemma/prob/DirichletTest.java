package dev.lemma.prob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.lemma.linalg.Matrix;
import dev.lemma.linalg.Vector;
import dev.lemma.numeric.SpecialFunctions;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/// [Dirichlet]: the density integrates to 1 over the simplex (midpoint rule), $K = 2$ is the beta
/// density, sample moments within CLT bounds, and Minka's fit against the likelihood equations and the
/// Fisher-information standard errors.
class DirichletTest {

    /// $\int_\Delta f = 1$ for $K = 3$ by the midpoint rule on an $m \times m$ grid of the triangle's
    /// bounding square (points off the simplex have density 0): error $O(1/m)$ from the cells cut by the
    /// hypotenuse, hence the loose tolerance.
    @Test
    void densityIntegratesToOne() {
        Dirichlet d = new Dirichlet(2, 3, 5);
        int m = 1000;
        double h = 1.0 / m;
        double integral = 0;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                double x = (i + 0.5) * h;
                double y = (j + 0.5) * h;
                if (x + y < 1) {
                    integral += d.pdf(Vector.of(x, y, 1 - x - y)) * h * h;
                }
            }
        }
        assertThat(integral).isCloseTo(1.0, within(2e-3));
    }

    /// With $K = 2$ the Dirichlet is Beta$(\alpha_1, \alpha_2)$ in its first coordinate.
    @Test
    void twoComponentsAreABeta() {
        Dirichlet d = new Dirichlet(2.5, 0.7);
        for (double x : new double[] {0.01, 0.3, 0.5, 0.99}) {
            double beta = 1.5 * Math.log(x) - 0.3 * Math.log1p(-x) - SpecialFunctions.logBeta(2.5, 0.7);
            assertThat(d.logPdf(Vector.of(x, 1 - x))).isCloseTo(beta, within(1e-14));
        }
        assertThat(d.logPdf(Vector.of(0.5, 0.6))).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(d.logPdf(Vector.of(-0.1, 1.1))).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(new Dirichlet(1, 1, 1).logPdf(Vector.of(0, 0.5, 0.5))).isCloseTo(Math.log(2), within(1e-15));
    }

    @Test
    void samplesHaveTheMeanAndVariance() {
        int n = 100_000;
        Dirichlet d = new Dirichlet(0.3, 2, 5);
        RandomGenerator g = Randomness.of(161);
        double[] mean = new double[3];
        double[] square = new double[3];
        for (int i = 0; i < n; i++) {
            Vector x = d.sample(g);
            assertThat(x.get(0) + x.get(1) + x.get(2)).isCloseTo(1.0, within(1e-15));
            for (int j = 0; j < 3; j++) {
                mean[j] += x.get(j) / n;
                square[j] += x.get(j) * x.get(j) / n;
            }
        }
        Matrix cov = d.covariance();
        for (int j = 0; j < 3; j++) {
            double variance = cov.get(j, j);
            assertThat(mean[j]).isCloseTo(d.mean().get(j), within(5 * Math.sqrt(variance / n)));
            // E[x²] has standard error at most sqrt(E[x⁴]/n) ≤ sqrt(E[x²]/n) since 0 ≤ x ≤ 1
            double secondMoment = variance + d.mean().get(j) * d.mean().get(j);
            assertThat(square[j]).isCloseTo(secondMoment, within(5 * Math.sqrt(secondMoment / n)));
        }
    }

    /// The fit satisfies the likelihood equations $\psi(\hat\alpha_k) - \psi(\hat\alpha_0) = \log\bar p_k$,
    /// and $\hat\alpha$ lies within five standard errors of the truth, from the inverse Fisher
    /// information $I = N(\operatorname{diag}\psi'(\alpha_k) - \psi'(\alpha_0)\mathbf{1}\mathbf{1}^\top)$.
    @Test
    void fitRecoversTheConcentrations() {
        double[] alpha = {2, 3, 5};
        int n = 20_000;
        Dirichlet truth = new Dirichlet(alpha);
        RandomGenerator g = Randomness.of(5);
        double[][] rows = new double[n][];
        double[] logMean = new double[3];
        for (int i = 0; i < n; i++) {
            rows[i] = truth.sample(g).toArray();
            for (int j = 0; j < 3; j++) {
                logMean[j] += Math.log(rows[i][j]) / n;
            }
        }
        double[] fitted = Dirichlet.fit(Matrix.of(rows)).alpha();
        double a0 = fitted[0] + fitted[1] + fitted[2];
        for (int j = 0; j < 3; j++) {
            assertThat(SpecialFunctions.digamma(fitted[j]) - SpecialFunctions.digamma(a0))
                    .isCloseTo(logMean[j], within(1e-10));
        }
        double[][] info = new double[3][3];
        double tAll = Dirichlet.trigamma(alpha[0] + alpha[1] + alpha[2]); // ψ'(α₀), α₀ = 10
        assertThat(tAll).isCloseTo(0.10516633568168575, within(1e-16)); // ψ'(10), mpmath 1.3.0
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                info[i][j] = n * ((i == j ? Dirichlet.trigamma(alpha[i]) : 0) - tAll);
            }
        }
        Matrix covariance = Matrix.of(info).inverse();
        for (int j = 0; j < 3; j++) {
            assertThat(fitted[j]).isCloseTo(alpha[j], within(5 * Math.sqrt(covariance.get(j, j))));
        }
    }

    @Test
    void inverseDigammaInvertsDigamma() {
        for (double x : new double[] {1e-3, 0.1, 0.5, 1, 1.4616321449683622, 2, 10, 1e3, 1e6}) {
            double y = SpecialFunctions.digamma(x);
            assertThat(Dirichlet.inverseDigamma(y)).isCloseTo(x, within(1e-13 * x));
        }
    }

    @Test
    void badInputIsNamed() {
        assertThatThrownBy(() -> new Dirichlet(1, 0))
                .hasMessageContaining("alpha[1]")
                .hasMessageContaining("0");
        assertThatThrownBy(() -> new Dirichlet(1)).hasMessageContaining("at least 2");
        assertThatThrownBy(() -> Dirichlet.fit(Matrix.of(new double[][] {{0.5, 0.5}, {0.2, 0.7}})))
                .hasMessageContaining("row 1");
        assertThatThrownBy(() -> Dirichlet.fit(Matrix.of(new double[][] {{0.5, 0.5}, {0.5, 0.5}})))
                .hasMessageContaining("do not vary");
    }
}
