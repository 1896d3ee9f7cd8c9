package dev.lemma.info;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.lemma.numeric.DimensionMismatchException;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/// The discrete divergences of [Divergence] against theory on seeded random distributions: Gibbs'
/// inequality (with Pinsker's lower bound $\mathrm{KL} \ge \frac12 \|p - q\|_1^2$ as the independent
/// witness that it is strict for $p \ne q$), the Jensen–Shannon divergence's symmetry, its bound
/// $\ln 2$ and its entropy form, and the triangle inequality of the Jensen–Shannon distance.
class DivergenceTest {
    /// Identities between sums of at most 40 terms of moderate size: a few hundred $u$.
    static final double IDENTITY = 1e-13;

    static final double LN_2 = Math.log(2.0);

    static IntStream seeds() {
        return IntStream.range(0, 30);
    }

    private static double l1Distance(double[] p, double[] q) {
        double d = 0.0;
        for (int i = 0; i < p.length; i++) {
            d += Math.abs(p[i] - q[i]);
        }
        return d;
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void gibbsInequalityWithPinskersBound(int seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int n = 2 + random.nextInt(30);
        double[] p = RandomDistributions.vector(random, n, true);
        double[] q = RandomDistributions.vector(random, n, false);
        double kl = Divergence.kullbackLeibler(p, q);
        double l1 = l1Distance(p, q);
        assertThat(l1).isPositive();
        assertThat(kl).as("Pinsker: KL ≥ ½‖p − q‖₁²").isGreaterThanOrEqualTo(0.5 * l1 * l1);
        assertThat(Divergence.kullbackLeibler(p, p)).as("KL(p‖p)").isZero();
        assertThat(Divergence.kullbackLeiblerBits(p, q)).isCloseTo(kl / LN_2, within(IDENTITY));
    }

    @Test
    void divergenceOfNearbyDistributionsKeepsItsRelativeAccuracy() {
        // q moves 1e-6 of mass between two outcomes. KL = Σ p f(t), t = (q − p)/p, f(t) = −log1p(t)
        // = −t + t²/2 − t³/3 + t⁴/4 − …; with |t| ≤ 4e-6 the terms after t⁴ are below 1e-27 relative.
        // The −t terms cancel to Σ (q − p), which the test keeps (the rounded q need not sum to 1 exactly).
        double[] p = {0.25, 0.25, 0.5};
        double[] q = {0.25 + 1e-6, 0.25 - 1e-6, 0.5};
        double expected = 0.0;
        for (int i = 0; i < p.length; i++) {
            double t = (q[i] - p[i]) / p[i]; // q − p exact (Sterbenz)
            expected += p[i] * (t * t / 2 - t * t * t / 3 + t * t * t * t / 4) - (q[i] - p[i]);
        }
        double kl = Divergence.kullbackLeibler(p, q);
        assertThat(kl).isPositive().isCloseTo(expected, within(1e-9 * expected));
        // Pinsker holds too
        double l1 = l1Distance(p, q);
        assertThat(kl).isGreaterThanOrEqualTo(0.5 * l1 * l1);
    }

    @Test
    void divergenceIsInfiniteWhereQRulesOutWhatPAllows() {
        assertThat(Divergence.kullbackLeibler(new double[] {0.5, 0.5}, new double[] {1.0, 0.0}))
                .isEqualTo(Double.POSITIVE_INFINITY);
        // the reverse direction is finite: p = 0 terms vanish whatever q is
        assertThat(Divergence.kullbackLeibler(new double[] {1.0, 0.0}, new double[] {0.5, 0.5}))
                .isEqualTo(LN_2);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void jensenShannonIsSymmetricBoundedAndAnEntropyDifference(int seed) {
        SplittableRandom random = new SplittableRandom(300 + seed);
        int n = 1 + random.nextInt(30);
        double[] p = RandomDistributions.vector(random, n, true);
        double[] q = RandomDistributions.vector(random, n, true);
        double js = Divergence.jensenShannon(p, q);
        assertThat(js).isEqualTo(Divergence.jensenShannon(q, p));
        assertThat(js).isGreaterThanOrEqualTo(0.0).isLessThanOrEqualTo(LN_2);
        assertThat(Divergence.jensenShannonBits(p, q)).isLessThanOrEqualTo(1.0).isCloseTo(js / LN_2, within(IDENTITY));
        // JS = H(m) − ½H(p) − ½H(q), m = (p + q)/2
        double[] m = new double[n];
        for (int i = 0; i < n; i++) {
            m[i] = 0.5 * (p[i] + q[i]);
        }
        assertThat(js)
                .isCloseTo(Entropy.entropy(m) - 0.5 * Entropy.entropy(p) - 0.5 * Entropy.entropy(q), within(IDENTITY));
        assertThat(Divergence.jensenShannonDistance(p, q)).isCloseTo(Math.sqrt(js), within(IDENTITY));
        assertThat(Divergence.jensenShannon(p, p)).isZero();
    }

    @Test
    void jensenShannonOfDisjointSupportsIsOneBit() {
        double[] p = {0.2, 0.8, 0.0, 0.0};
        double[] q = {0.0, 0.0, 0.3, 0.7};
        assertThat(Divergence.jensenShannon(p, q)).isCloseTo(LN_2, within(1e-16));
        assertThat(Divergence.jensenShannonBits(p, q)).isCloseTo(1.0, within(1e-16));
        assertThat(Divergence.jensenShannonDistanceBits(p, q)).isCloseTo(1.0, within(1e-16));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void jensenShannonDistanceSatisfiesTheTriangleInequality(int seed) {
        SplittableRandom random = new SplittableRandom(400 + seed);
        int n = 2 + random.nextInt(10);
        double[] p = RandomDistributions.vector(random, n, true);
        double[] q = RandomDistributions.vector(random, n, true);
        double[] r = RandomDistributions.vector(random, n, true);
        assertThat(Divergence.jensenShannonDistance(p, r))
                .isLessThanOrEqualTo(
                        Divergence.jensenShannonDistance(p, q) + Divergence.jensenShannonDistance(q, r) + IDENTITY);
    }

    @Test
    void badInputIsNamed() {
        assertThatThrownBy(() -> Divergence.kullbackLeibler(new double[] {1.0}, new double[] {0.5, 0.5}))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessageContaining("kullbackLeibler: p has length 1 but q has length 2");
        assertThatThrownBy(() -> Divergence.jensenShannon(new double[] {0.5, 0.5}, new double[] {-0.5, 1.5}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jensenShannon: q has -0.5 at index 0");
        assertThatThrownBy(() -> Divergence.kullbackLeibler(new double[] {0.5, 0.5}, new double[] {0.5, 0.6}))
                .hasMessageContaining("q sums to 1.1")
                .hasMessageContaining("expected 1 within");
    }
}
