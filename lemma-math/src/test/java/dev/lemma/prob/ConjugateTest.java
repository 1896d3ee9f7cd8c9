package dev.lemma.prob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.lemma.linalg.Vector;
import java.util.function.DoubleUnaryOperator;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/// [Conjugate] against brute force: the posterior computed as prior × likelihood on a fine grid of the
/// parameter (midpoint rule), normalised numerically, whose mean, variance and density must match the
/// closed-form update; and sequential updating must equal batch updating.
class ConjugateTest {
    /// Midpoint-rule cells: the quadrature error of a smooth density is $O(h^2)$, about $10^{-10}$ here.
    static final int CELLS = 200_000;

    /// Moments of the density proportional to `exp(logUnnormalised)` on $(a, b)$, by the midpoint rule:
    /// {normaliser, mean, variance}. The log is shifted by its maximum on the grid to avoid underflow.
    static double[] gridMoments(DoubleUnaryOperator logUnnormalised, double a, double b) {
        double h = (b - a) / CELLS;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < CELLS; i++) {
            max = Math.max(max, logUnnormalised.applyAsDouble(a + (i + 0.5) * h));
        }
        double z = 0;
        double m1 = 0;
        double m2 = 0;
        for (int i = 0; i < CELLS; i++) {
            double t = a + (i + 0.5) * h;
            double w = Math.exp(logUnnormalised.applyAsDouble(t) - max) * h;
            z += w;
            m1 += w * t;
            m2 += w * t * t;
        }
        double mean = m1 / z;
        return new double[] {Math.log(z) + max, mean, m2 / z - mean * mean};
    }

    @Test
    void betaBernoulliMatchesTheGridPosterior() {
        Conjugate.BetaBernoulli prior = new Conjugate.BetaBernoulli(2, 3);
        int[] outcomes = {1, 0, 1, 1, 1, 0, 1, 0, 1, 1, 0};
        int s = 7;
        int f = 4;
        DoubleUnaryOperator logPost = p -> prior.logDensity(p) + s * Math.log(p) + f * Math.log1p(-p);
        double[] grid = gridMoments(logPost, 0, 1);
        Conjugate.BetaBernoulli post = prior.update(outcomes);
        assertThat(post).isEqualTo(new Conjugate.BetaBernoulli(9, 7));
        assertThat(post.mean()).isCloseTo(grid[1], within(1e-9));
        assertThat(post.variance()).isCloseTo(grid[2], within(1e-9));
        for (double p : new double[] {0.1, 0.5, 0.77}) {
            assertThat(post.logDensity(p)).isCloseTo(logPost.applyAsDouble(p) - grid[0], within(1e-8));
        }
        assertThat(post.predictive().p()).isCloseTo(grid[1], within(1e-9));
        assertThat(post.distribution().mean()).isCloseTo(grid[1], within(1e-9));
        assertThat(post.distribution().logPdf(0.77)).isCloseTo(logPost.applyAsDouble(0.77) - grid[0], within(1e-8));
    }

    @Test
    void gammaPoissonMatchesTheGridPosterior() {
        Conjugate.GammaPoisson prior = new Conjugate.GammaPoisson(2, 0.5);
        int[] counts = {3, 7, 4, 6, 2};
        DoubleUnaryOperator logPost = lambda -> {
            double l = prior.logDensity(lambda);
            for (int k : counts) {
                l += new Poisson(lambda).logPmf(k);
            }
            return l;
        };
        double[] grid = gridMoments(logPost, 1e-9, 40);
        Conjugate.GammaPoisson post = prior.update(counts);
        assertThat(post).isEqualTo(new Conjugate.GammaPoisson(24, 5.5));
        assertThat(post.mean()).isCloseTo(grid[1], within(1e-8));
        assertThat(post.variance()).isCloseTo(grid[2], within(1e-8));
        assertThat(post.logDensity(4.0)).isCloseTo(logPost.applyAsDouble(4.0) - grid[0], within(1e-8));
        assertThat(post.distribution().logPdf(4.0)).isCloseTo(logPost.applyAsDouble(4.0) - grid[0], within(1e-8));
        // predictive: P(k) = ∫ Pois(k | λ) p(λ | data) dλ on the same grid
        for (int k : new int[] {0, 4, 12}) {
            double logPk = gridMoments(l -> logPost.applyAsDouble(l) + new Poisson(l).logPmf(k), 1e-9, 40)[0] - grid[0];
            assertThat(post.predictiveLogPmf(k)).isCloseTo(logPk, within(1e-8));
        }
    }

    @Test
    void normalNormalMatchesTheGridPosterior() {
        Conjugate.NormalNormal prior = new Conjugate.NormalNormal(0, 4, 2.25);
        double[] x = {1.2, 0.7, 2.9, 1.5};
        DoubleUnaryOperator logPost = mu -> {
            double l = prior.logDensity(mu);
            for (double xi : x) {
                l += -0.5 * (xi - mu) * (xi - mu) / 2.25;
            }
            return l;
        };
        double[] grid = gridMoments(logPost, -15, 15);
        Conjugate.NormalNormal post = prior.update(x);
        assertThat(post.mean()).isCloseTo(grid[1], within(1e-9));
        assertThat(post.variance()).isCloseTo(grid[2], within(1e-9));
        // predictive density of y: ∫ N(y | μ, σ²) p(μ | data) dμ against N(y | μ_n, τ_n² + σ²)
        double y = 3.0;
        double logPredictive = gridMoments(
                        mu -> logPost.applyAsDouble(mu)
                                - 0.5 * Math.log(2 * Math.PI * 2.25)
                                - 0.5 * (y - mu) * (y - mu) / 2.25,
                        -15,
                        15)[0]
                - grid[0];
        double v = post.predictiveVariance();
        assertThat(post.predictive().logPdf(y)).isCloseTo(logPredictive, within(1e-8));
        assertThat(post.distribution().variance()).isCloseTo(grid[2], within(1e-9));
        assertThat(logPredictive)
                .isCloseTo(
                        -0.5 * Math.log(2 * Math.PI * v) - 0.5 * (y - post.mean()) * (y - post.mean()) / v,
                        within(1e-8));
    }

    /// $K = 3$: the posterior mean of each $\pi_k$ by the midpoint rule on the triangle (a 2-D grid of
    /// the first two coordinates).
    @Test
    void dirichletCategoricalMatchesTheGridPosterior() {
        Conjugate.DirichletCategorical prior = new Conjugate.DirichletCategorical(1, 2, 3);
        int[] outcomes = {0, 0, 1, 2, 0, 1};
        Conjugate.DirichletCategorical post = prior.update(outcomes);
        assertThat(post.alpha()).containsExactly(4, 4, 4);
        Dirichlet priorDensity = new Dirichlet(1, 2, 3);
        int m = 1500;
        double h = 1.0 / m;
        double z = 0;
        double[] mean = new double[3];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                double a = (i + 0.5) * h;
                double b = (j + 0.5) * h;
                if (a + b >= 1) {
                    continue;
                }
                double[] pi = {a, b, 1 - a - b};
                double w = priorDensity.pdf(Vector.of(pi));
                for (int k : outcomes) {
                    w *= pi[k];
                }
                z += w;
                for (int k = 0; k < 3; k++) {
                    mean[k] += w * pi[k];
                }
            }
        }
        Categorical predictive = post.predictive();
        for (int k = 0; k < 3; k++) {
            // the cells cut by the hypotenuse make the 2-D midpoint rule O(h): about 1e-4 here
            assertThat(post.distribution().mean().get(k)).isCloseTo(mean[k] / z, within(1e-3));
            assertThat(predictive.pmf(k)).isCloseTo(post.distribution().mean().get(k), within(1e-15));
        }
    }

    /// The MAP estimate is where the posterior density is largest: found here by a golden-section search
    /// on the unnormalised log-posterior (prior × likelihood), independent of the closed forms; with a
    /// flat prior it is the maximum-likelihood estimate, and a Beta(2, 2) prior adds one success and one
    /// failure.
    @Test
    void maximumAPosterioriIsTheModeOfPriorTimesLikelihood() {
        int s = 7;
        int f = 3;
        DoubleUnaryOperator betaLog =
                p -> 2.5 * Math.log(p) + 1.5 * Math.log1p(-p) + s * Math.log(p) + f * Math.log1p(-p);
        assertThat(new Conjugate.BetaBernoulli(3.5, 2.5).update(s, f).maximumAPosteriori())
                .isCloseTo(argmax(betaLog, 1e-9, 1 - 1e-9), within(SEARCH));
        assertThat(new Conjugate.BetaBernoulli(1, 1).update(s, f).maximumAPosteriori())
                .isCloseTo(0.7, within(1e-15));
        assertThat(new Conjugate.BetaBernoulli(2, 2).update(s, f).maximumAPosteriori())
                .isCloseTo(8.0 / 12, within(1e-15));

        int[] counts = {3, 5, 2, 4};
        DoubleUnaryOperator gammaLog = l -> 1.0 * Math.log(l) - 0.5 * l + 14 * Math.log(l) - 4 * l;
        assertThat(new Conjugate.GammaPoisson(2, 0.5).update(counts).maximumAPosteriori())
                .isCloseTo(argmax(gammaLog, 1e-9, 50), within(SEARCH * 5));

        double[] x = {1.2, 0.4, 2.2};
        DoubleUnaryOperator normalLog = mu -> {
            double v = -(mu - 0.0) * (mu - 0.0) / (2 * 4.0);
            for (double xi : x) {
                v -= (xi - mu) * (xi - mu) / (2 * 1.0);
            }
            return v;
        };
        assertThat(new Conjugate.NormalNormal(0, 4, 1).update(x).maximumAPosteriori())
                .isCloseTo(argmax(normalLog, -10, 10), within(SEARCH));
        assertThatThrownBy(() -> new Conjugate.BetaBernoulli(0.5, 3).maximumAPosteriori())
                .isInstanceOf(ArithmeticException.class)
                .hasMessageContaining("unbounded");
    }

    /// A search that compares function values near a smooth maximum cannot tell apart points within
    /// about $\sqrt{u}$ times the scale of the maximiser, where the function changes by less than its
    /// rounding: $10^{-8}$, with a safety factor of 100.
    private static final double SEARCH = 1e-6;

    /// The maximiser of a unimodal function on $[a, b]$ by golden-section search.
    private static double argmax(DoubleUnaryOperator f, double a, double b) {
        double g = (Math.sqrt(5) - 1) / 2;
        double c = b - g * (b - a);
        double d = a + g * (b - a);
        while (b - a > 1e-12 * (1 + Math.abs(a))) {
            if (f.applyAsDouble(c) > f.applyAsDouble(d)) {
                b = d;
            } else {
                a = c;
            }
            c = b - g * (b - a);
            d = a + g * (b - a);
        }
        return (a + b) / 2;
    }

    @Test
    void sequentialUpdatingEqualsBatchUpdating() {
        RandomGenerator g = Randomness.of(12);
        int[] bits = new int[50];
        int[] counts = new int[50];
        double[] xs = new double[50];
        int[] cats = new int[50];
        for (int i = 0; i < 50; i++) {
            bits[i] = g.nextInt(2);
            counts[i] = g.nextInt(10);
            xs[i] = g.nextGaussian();
            cats[i] = g.nextInt(4);
        }
        Conjugate.BetaBernoulli bb = new Conjugate.BetaBernoulli(1, 1);
        Conjugate.GammaPoisson gp = new Conjugate.GammaPoisson(1, 1);
        Conjugate.NormalNormal nn = new Conjugate.NormalNormal(0, 1, 0.5);
        Conjugate.DirichletCategorical dc = new Conjugate.DirichletCategorical(1, 1, 1, 1);
        Conjugate.BetaBernoulli bbSeq = bb;
        Conjugate.GammaPoisson gpSeq = gp;
        Conjugate.NormalNormal nnSeq = nn;
        Conjugate.DirichletCategorical dcSeq = dc;
        for (int i = 0; i < 50; i++) {
            bbSeq = bbSeq.update(bits[i]);
            gpSeq = gpSeq.update(counts[i]);
            nnSeq = nnSeq.update(xs[i]);
            dcSeq = dcSeq.update(cats[i]);
        }
        assertThat(bbSeq).isEqualTo(bb.update(bits));
        assertThat(gpSeq).isEqualTo(gp.update(counts));
        assertThat(dcSeq).isEqualTo(dc.update(cats));
        Conjugate.NormalNormal batch = nn.update(xs);
        assertThat(nnSeq.mean()).isCloseTo(batch.mean(), within(1e-14));
        assertThat(nnSeq.variance()).isCloseTo(batch.variance(), within(1e-15));
    }

    @Test
    void badParametersAreNamed() {
        assertThatThrownBy(() -> new Conjugate.BetaBernoulli(0, 1))
                .hasMessageContaining("alpha")
                .hasMessageContaining("0");
        assertThatThrownBy(() -> new Conjugate.GammaPoisson(1, -2))
                .hasMessageContaining("rate")
                .hasMessageContaining("-2");
        assertThatThrownBy(() -> new Conjugate.NormalNormal(0, 1, 0)).hasMessageContaining("noiseVariance");
        assertThatThrownBy(() -> new Conjugate.BetaBernoulli(1, 1).update(2)).hasMessageContaining("outcomes[0]");
        assertThatThrownBy(() -> new Conjugate.DirichletCategorical(1, 1).update(2))
                .hasMessageContaining("outcomes[0] = 2");
    }
}
