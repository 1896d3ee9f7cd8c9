package dev.lemma.info;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.lemma.linalg.Cholesky;
import dev.lemma.linalg.Matrix;
import dev.lemma.linalg.Vector;
import dev.lemma.numeric.DimensionMismatchException;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/// [LatentGaussianModel] against what it must equal: the log evidence against the density of
/// $\mathcal N(b, \sigma^2 I + w w^\top)$ (Cholesky, in this test) and against $\ln \int p(x \mid z)
/// p(z)\,dz$ by quadrature; the decomposition $\ln p(x) - \mathrm{ELBO}(q) = \mathrm{KL}(q \,\|\,
/// p(z \mid x))$ with the posterior and the divergence written out here; a zero gap exactly at the
/// posterior; and the closed-form ELBO against a seeded Monte Carlo estimate within a CLT bound.
class LatentGaussianModelTest {
    static IntStream seeds() {
        return IntStream.range(0, 20);
    }

    /// A model with $n \in [1, 6]$, $w_i, b_i \sim \mathcal N(0, 1)$, $\sigma \in [0.3, 2]$, and an
    /// observation drawn from it.
    private record Case(LatentGaussianModel model, Vector x, Vector w, Vector b, double sigma) {}

    private static Case randomCase(int seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int n = 1 + random.nextInt(6);
        double[] w = new double[n];
        double[] b = new double[n];
        double[] x = new double[n];
        double sigma = 0.3 + 1.7 * random.nextDouble();
        double z = random.nextGaussian();
        for (int i = 0; i < n; i++) {
            w[i] = random.nextGaussian();
            b[i] = random.nextGaussian();
            x[i] = w[i] * z + b[i] + sigma * random.nextGaussian();
        }
        return new Case(
                new LatentGaussianModel(Vector.of(w), Vector.of(b), sigma),
                Vector.of(x),
                Vector.of(w),
                Vector.of(b),
                sigma);
    }

    /// $\ln p(x \mid z) + \ln p(z)$, written from the model's definition.
    private static double logJoint(Case c, double z) {
        double sse = 0.0;
        for (int i = 0; i < c.w().size(); i++) {
            double e = c.x().get(i) - c.w().get(i) * z - c.b().get(i);
            sse += e * e;
        }
        int n = c.w().size();
        return -0.5 * n * Math.log(2 * Math.PI * c.sigma() * c.sigma())
                - sse / (2 * c.sigma() * c.sigma())
                - 0.5 * Math.log(2 * Math.PI)
                - 0.5 * z * z;
    }

    /// Posterior mean and variance by completing the square, written out here: precision
    /// $1 + \sum_i w_i^2/\sigma^2$, mean $\sum_i w_i (x_i - b_i) / \sigma^2$ divided by the precision.
    private static double[] posterior(Case c) {
        double precision = 1.0;
        double numerator = 0.0;
        for (int i = 0; i < c.w().size(); i++) {
            precision += c.w().get(i) * c.w().get(i) / (c.sigma() * c.sigma());
            numerator += c.w().get(i) * (c.x().get(i) - c.b().get(i)) / (c.sigma() * c.sigma());
        }
        return new double[] {numerator / precision, 1.0 / precision};
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void logEvidenceIsTheMarginalGaussianDensity(int seed) {
        Case c = randomCase(seed);
        int n = c.w().size();
        Vector w = c.w();
        Matrix covariance = w.outer(w).plus(Matrix.identity(n).times(c.sigma() * c.sigma()));
        Cholesky chol = Cholesky.of(covariance);
        Vector r = c.x().minus(c.b());
        double expected = -0.5 * n * Math.log(2 * Math.PI) - 0.5 * chol.logDeterminant() - 0.5 * r.dot(chol.solve(r));
        double actual = c.model().logEvidence(c.x());
        assertThat(actual).isCloseTo(expected, within(1e-12 * Math.abs(expected)));
    }

    /// Composite Simpson on $[a, b]$ with `n` (even) intervals.
    private static double simpson(DoubleUnaryOperator f, double a, double b, int n) {
        double h = (b - a) / n;
        double sum = f.applyAsDouble(a) + f.applyAsDouble(b);
        for (int i = 1; i < n; i++) {
            sum += (i % 2 == 1 ? 4 : 2) * f.applyAsDouble(a + i * h);
        }
        return sum * h / 3;
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void logEvidenceAndPosteriorAgreeWithQuadratureOverZ(int seed) {
        Case c = randomCase(seed);
        LatentGaussianModel.Gaussian post = c.model().posterior(c.x());
        double centre = post.mean();
        double sd = Math.sqrt(post.variance());
        double peak = logJoint(c, centre); // factored out so that nothing underflows
        DoubleUnaryOperator density = z -> Math.exp(logJoint(c, z) - peak);
        double a = centre - 14 * sd;
        double b = centre + 14 * sd;
        double mass = simpson(density, a, b, 4000);
        double logEvidence = peak + Math.log(mass);
        assertThat(c.model().logEvidence(c.x())).isCloseTo(logEvidence, within(1e-11 * Math.max(1.0, logEvidence)));
        double mean = simpson(z -> z * density.applyAsDouble(z), a, b, 4000) / mass;
        double variance = simpson(z -> (z - mean) * (z - mean) * density.applyAsDouble(z), a, b, 4000) / mass;
        assertThat(post.mean()).isCloseTo(mean, within(1e-11 * Math.max(1.0, Math.abs(mean))));
        assertThat(post.variance()).isCloseTo(variance, within(1e-11 * variance));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void gapBetweenLogEvidenceAndElboIsTheDivergenceFromThePosterior(int seed) {
        Case c = randomCase(seed);
        double[] post = posterior(c);
        double mu = post[0];
        double v = post[1];
        SplittableRandom random = new SplittableRandom(1000 + seed);
        for (int trial = 0; trial < 10; trial++) {
            double m = 2 * random.nextGaussian();
            double s = 0.05 + 2 * random.nextDouble();
            // KL(N(m, s²) ‖ N(μ, v)) = ln(√v / s) + (s² + (m − μ)²)/(2v) − ½
            double kl = 0.5 * Math.log(v / (s * s)) + (s * s + (m - mu) * (m - mu)) / (2 * v) - 0.5;
            double gap = c.model().logEvidence(c.x()) - c.model().elbo(c.x(), m, s);
            assertThat(gap).as("m = %s, s = %s", m, s).isCloseTo(kl, within(1e-12));
            assertThat(c.model().klFromPosterior(c.x(), m, s)).isCloseTo(kl, within(1e-12));
            assertThat(gap).isPositive();
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void gapIsZeroExactlyAtThePosterior(int seed) {
        Case c = randomCase(seed);
        LatentGaussianModel.Gaussian post = c.model().posterior(c.x());
        double mu = post.mean();
        double v = post.variance();
        double logEvidence = c.model().logEvidence(c.x());
        assertThat(c.model().elbo(c.x(), mu, Math.sqrt(v))).isCloseTo(logEvidence, within(1e-13));
        assertThat(c.model().klFromPosterior(c.x(), mu, Math.sqrt(v))).isCloseTo(0.0, within(1e-15));
        // moving the mean by δ opens a gap δ²/(2v); scaling the standard deviation by k, ½(k² − 1 − ln k²)
        for (double delta : new double[] {-1.0, -1e-2, 1e-4, 0.3}) {
            double gap = logEvidence - c.model().elbo(c.x(), mu + delta, Math.sqrt(v));
            assertThat(gap).isPositive().isCloseTo(delta * delta / (2 * v), within(1e-12));
        }
        for (double k : new double[] {0.5, 0.999, 1.01, 3.0}) {
            double gap = logEvidence - c.model().elbo(c.x(), mu, k * Math.sqrt(v));
            assertThat(gap).isPositive().isCloseTo(0.5 * (k * k - 1 - Math.log(k * k)), within(1e-12));
        }
        // at the posterior, log p(x, z) − log q(z) is log p(x) for every z: the estimator has no variance
        for (double z = mu - 3; z <= mu + 3; z += 0.5) {
            double logQ = -0.5 * Math.log(2 * Math.PI * v) - (z - mu) * (z - mu) / (2 * v);
            assertThat(logJoint(c, z) - logQ).isCloseTo(logEvidence, within(1e-12 * Math.max(1.0, logEvidence)));
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void elboAgreesWithMonteCarloWithinTheCentralLimitBound(int seed) {
        Case c = randomCase(seed);
        SplittableRandom random = new SplittableRandom(2000 + seed);
        double m = random.nextGaussian();
        double s = 0.2 + random.nextDouble();
        int samples = 50_000;
        double sum = 0.0;
        double sumSquares = 0.0;
        double sumLikelihood = 0.0;
        double sumLikelihoodSquares = 0.0;
        for (int k = 0; k < samples; k++) {
            double z = m + s * random.nextGaussian();
            double logQ = -0.5 * Math.log(2 * Math.PI * s * s) - (z - m) * (z - m) / (2 * s * s);
            double logPrior = -0.5 * Math.log(2 * Math.PI) - 0.5 * z * z;
            double f = logJoint(c, z) - logQ;
            double g = logJoint(c, z) - logPrior; // log p(x | z)
            sum += f;
            sumSquares += f * f;
            sumLikelihood += g;
            sumLikelihoodSquares += g * g;
        }
        double mean = sum / samples;
        double standardError = Math.sqrt((sumSquares / samples - mean * mean) / (samples - 1));
        // 4 standard errors: a seeded draw outside it would have probability 6e-5 under the CLT
        assertThat(c.model().elbo(c.x(), m, s)).isCloseTo(mean, within(4 * standardError));
        double meanLikelihood = sumLikelihood / samples;
        double seLikelihood =
                Math.sqrt((sumLikelihoodSquares / samples - meanLikelihood * meanLikelihood) / (samples - 1));
        assertThat(c.model().expectedLogLikelihood(c.x(), m, s)).isCloseTo(meanLikelihood, within(4 * seLikelihood));
    }

    @Test
    void klFromPriorIsTheStandardVaeTerm() {
        // Kingma and Welling 2014, Appendix B: −KL = ½(1 + ln s² − m² − s²)
        LatentGaussianModel model = new LatentGaussianModel(Vector.of(1.0), Vector.of(0.0), 1.0);
        double m = 0.7;
        double s = 0.4;
        assertThat(model.klFromPrior(m, s)).isCloseTo(-0.5 * (1 + Math.log(s * s) - m * m - s * s), within(1e-15));
    }

    @Test
    void badInputIsNamed() {
        assertThatThrownBy(() -> new LatentGaussianModel(Vector.of(1.0, 2.0), Vector.of(0.0), 1.0))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessageContaining("w has length 2 but b has length 1");
        assertThatThrownBy(() -> new LatentGaussianModel(Vector.of(1.0), Vector.of(0.0), 0.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sigma is 0.0 (expected a finite standard deviation > 0)");
        LatentGaussianModel model = new LatentGaussianModel(Vector.of(1.0, 0.5), Vector.of(0.0, 0.0), 1.0);
        assertThatThrownBy(() -> model.elbo(Vector.of(1.0), 0.0, 1.0))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessageContaining("the model has n = 2 but x has length 1");
        assertThatThrownBy(() -> model.elbo(Vector.of(1.0, 2.0), 0.0, -1.0))
                .hasMessageContaining("s is -1.0 (expected a finite standard deviation of q > 0)");
        assertThatThrownBy(() -> model.elbo(Vector.of(1.0, 2.0), Double.NaN, 1.0))
                .hasMessageContaining("m is NaN");
    }
}
