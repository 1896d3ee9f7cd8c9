package dev.lemma.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.lemma.linalg.Vector;
import dev.lemma.prob.Exponential;
import dev.lemma.prob.Normal;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/// Standard errors from the observed information against their closed forms (the Fisher information of
/// the normal and exponential models at the MLE), the Wald interval's coverage, and the bias–variance
/// decomposition: the identity holds exactly, and the simulated MSEs of the three variance estimators
/// (denominators $n - 1$, $n$, $n + 1$) match their normal-theory values $2\sigma^4/(n-1)$,
/// $(2n-1)\sigma^4/n^2$ and $2\sigma^4/(n+1)$.
class EstimationTest {

    /// The normal log-likelihood of `x` at $(\mu, \sigma)$.
    private static double normalLogLikelihood(double[] x, Vector theta) {
        Normal model = new Normal(theta.get(0), theta.get(1));
        double sum = 0;
        for (double v : x) {
            sum += model.logPdf(v);
        }
        return sum;
    }

    @Test
    void normalStandardErrorsAreSigmaOverRootNAndRoot2N() {
        double[] x = new Normal(3, 2).sample(1, 400);
        Normal fit = Normal.fit(x);
        Estimation.Estimate e =
                Estimation.atMaximum(theta -> normalLogLikelihood(x, theta), Vector.of(fit.mean(), fit.sd()));
        // At the MLE the observed information is diag(n/σ², 2n/σ²) exactly.
        assertThat(e.standardErrors().get(0)).isCloseTo(fit.sd() / Math.sqrt(400), within(1e-6 * fit.sd()));
        assertThat(e.standardErrors().get(1)).isCloseTo(fit.sd() / Math.sqrt(800), within(1e-6 * fit.sd()));
        assertThat(Math.abs(e.covariance().get(0, 1))).isLessThan(1e-8);
    }

    @Test
    void exponentialRateStandardErrorIsRateOverRootN() {
        double[] x = new Exponential(0.5).sample(2, 250);
        double rate = Exponential.fit(x).rate();
        Estimation.Estimate e = Estimation.atMaximum(
                theta -> {
                    double sum = 0;
                    for (double v : x) {
                        sum += new Exponential(theta.get(0)).logPdf(v);
                    }
                    return sum;
                },
                Vector.of(rate));
        assertThat(e.standardErrors().get(0)).isCloseTo(rate / Math.sqrt(250), within(1e-6 * rate));
    }

    @Test
    void waldIntervalsCoverTheTrueMeanAtTheirLevel() {
        SplittableRandom rng = new SplittableRandom(4);
        int trials = 1000;
        int covers = 0;
        for (int t = 0; t < trials; t++) {
            double[] x = new Normal(1, 3).sample(rng, 200);
            Normal fit = Normal.fit(x);
            Estimation.Estimate e =
                    Estimation.atMaximum(theta -> normalLogLikelihood(x, theta), Vector.of(fit.mean(), fit.sd()));
            if (e.waldInterval(0, 0.9).contains(1)) {
                covers++;
            }
        }
        // Asymptotically 90 %; at n = 200 the Wald interval (z, σ̂ with denominator n) is a little short.
        assertThat((double) covers / trials).isCloseTo(0.9, within(4.5 * Math.sqrt(0.09 / trials) + 0.005));
    }

    @Test
    void notAMaximumIsRefused() {
        assertThatThrownBy(() -> Estimation.atMaximum(v -> v.dot(v), Vector.of(0.0, 0.0)))
                .isInstanceOf(ArithmeticException.class)
                .hasMessageContaining("not positive definite");
    }

    @Test
    void theDecompositionAddsUpAndMatchesNormalTheory() {
        int n = 10;
        double sigma2 = 4;
        int reps = 40_000;
        Normal population = new Normal(0, 2);
        double[] expected = {
            2 * sigma2 * sigma2 / (n - 1), (2.0 * n - 1) * sigma2 * sigma2 / (n * n), 2 * sigma2 * sigma2 / (n + 1)
        };
        double[] biases = {0, -sigma2 / n, -2 * sigma2 / (n + 1)};
        int[] denominators = {n - 1, n, n + 1};
        for (int k = 0; k < 3; k++) {
            int denominator = denominators[k];
            BiasVariance.Decomposition d = BiasVariance.simulate(
                    population,
                    n,
                    x -> Summary.of(x).sumOfSquaredDeviations() / denominator,
                    sigma2,
                    reps,
                    new SplittableRandom(k));
            assertThat(d.bias() * d.bias() + d.variance()).isCloseTo(d.meanSquaredError(), within(1e-12));
            // MSE of a scaled chi-squared: its sampling sd is about sqrt(Var[(θ̂ − θ)²]/R) ≈ 2·MSE/sqrt(R) here.
            assertThat(d.meanSquaredError()).isCloseTo(expected[k], within(5 * 2.2 * expected[k] / Math.sqrt(reps)));
            assertThat(d.bias()).isCloseTo(biases[k], within(5 * Math.sqrt(expected[k] / reps)));
        }
    }
}
