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

/// [Entropy] against theory: the uniform distribution's $\ln n$, the bound $H \le \ln n$, the chain rule
/// $H(X, Y) = H(X) + H(Y \mid X)$, conditioning never increases entropy, $H(p, q) = H(p) + \mathrm{KL}$,
/// on seeded random distributions; and the messages of bad input.
class EntropyTest {
    /// Identities between sums of $n \le 60$ terms of size at most $\ln 60$: a few hundred $u$.
    static final double IDENTITY = 1e-13;

    static IntStream seeds() {
        return IntStream.range(0, 25);
    }

    @Test
    void uniformDistributionHasEntropyLogN() {
        for (int n = 1; n <= 64; n++) {
            double[] p = new double[n];
            java.util.Arrays.fill(p, 1.0 / n);
            assertThat(Entropy.entropy(p)).as("n = %d", n).isCloseTo(Math.log(n), within(IDENTITY));
        }
        // 2^k equally likely outcomes carry k bits
        for (int k = 0; k <= 6; k++) {
            double[] p = new double[1 << k];
            java.util.Arrays.fill(p, 1.0 / (1 << k));
            assertThat(Entropy.entropyBits(p)).as("k = %d", k).isCloseTo(k, within(IDENTITY));
        }
    }

    @Test
    void zeroLogZeroIsZero() {
        assertThat(Entropy.entropy(new double[] {1.0, 0.0, 0.0})).isZero();
        assertThat(Entropy.entropy(new double[] {0.0, 0.5, 0.0, 0.5})).isEqualTo(Math.log(2.0));
        // a term 0 · log q with q = 0 is 0, not NaN
        assertThat(Entropy.crossEntropy(new double[] {0.0, 1.0}, new double[] {0.0, 1.0}))
                .isZero();
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void entropyLiesBetweenZeroAndLogN(int seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int n = 1 + random.nextInt(40);
        double[] p = RandomDistributions.vector(random, n, seed % 2 == 0);
        double h = Entropy.entropy(p);
        assertThat(h).isGreaterThanOrEqualTo(0.0).isLessThanOrEqualTo(Math.log(n) + IDENTITY);
        assertThat(Entropy.entropyBits(p)).isCloseTo(h / Math.log(2.0), within(IDENTITY));
        // H(p) = ln n − KL(p ‖ uniform): the bound's gap is a divergence
        double[] uniform = new double[n];
        java.util.Arrays.fill(uniform, 1.0 / n);
        assertThat(h).isCloseTo(Math.log(n) - Divergence.kullbackLeibler(p, uniform), within(IDENTITY));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void chainRuleAndConditioningReducesEntropy(int seed) {
        SplittableRandom random = new SplittableRandom(100 + seed);
        double[][] joint = RandomDistributions.table(random, 1 + random.nextInt(7), 1 + random.nextInt(7), true);
        double hX = Entropy.entropy(Probabilities.rowMarginal(joint));
        double hY = Entropy.entropy(Probabilities.columnMarginal(joint));
        double hXY = Entropy.jointEntropy(joint);
        double hYgivenX = Entropy.conditionalEntropy(joint);
        assertThat(hXY).isCloseTo(hX + hYgivenX, within(IDENTITY));
        assertThat(hYgivenX).isGreaterThanOrEqualTo(0.0).isLessThanOrEqualTo(hY + IDENTITY);
        // the joint entropy is the entropy of the flattened table
        assertThat(hXY).isCloseTo(Entropy.entropy(RandomDistributions.flatten(joint)), within(IDENTITY));
    }

    @Test
    void conditionalEntropyOfAFunctionIsZeroAndOfIndependentVariablesIsTheEntropy() {
        // Y = X mod 2 for X uniform on {0, 1, 2, 3}: knowing X leaves nothing
        double[][] function = {{0.25, 0}, {0, 0.25}, {0.25, 0}, {0, 0.25}};
        assertThat(Entropy.conditionalEntropy(function)).isZero();
        SplittableRandom random = new SplittableRandom(7);
        double[] px = RandomDistributions.vector(random, 5, false);
        double[] py = RandomDistributions.vector(random, 4, true);
        double[][] independent = RandomDistributions.product(px, py);
        assertThat(Entropy.conditionalEntropy(independent)).isCloseTo(Entropy.entropy(py), within(IDENTITY));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void crossEntropyIsEntropyPlusDivergence(int seed) {
        SplittableRandom random = new SplittableRandom(200 + seed);
        int n = 1 + random.nextInt(30);
        double[] p = RandomDistributions.vector(random, n, true);
        double[] q = RandomDistributions.vector(random, n, false);
        double cross = Entropy.crossEntropy(p, q);
        assertThat(cross).isCloseTo(Entropy.entropy(p) + Divergence.kullbackLeibler(p, q), within(IDENTITY));
        assertThat(cross).isGreaterThanOrEqualTo(Entropy.entropy(p) - IDENTITY);
        assertThat(Entropy.crossEntropyBits(p, q)).isCloseTo(cross / Math.log(2.0), within(IDENTITY));
        assertThat(Entropy.crossEntropy(p, p)).isCloseTo(Entropy.entropy(p), within(IDENTITY));
    }

    @Test
    void crossEntropyIsInfiniteWhereTheModelRulesOutAnObservedOutcome() {
        assertThat(Entropy.crossEntropy(new double[] {0.5, 0.5}, new double[] {1.0, 0.0}))
                .isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(Entropy.crossEntropy(new double[] {1.0, 0.0}, new double[] {0.5, 0.5}))
                .isEqualTo(Math.log(2.0));
    }

    @Test
    void badInputIsNamed() {
        assertThatThrownBy(() -> Entropy.entropy(new double[] {0.6, 0.5, -0.1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("p has -0.1 at index 2")
                .hasMessageContaining("expected a probability in [0, 1]");
        assertThatThrownBy(() -> Entropy.entropy(new double[] {0.5, Double.NaN}))
                .hasMessageContaining("NaN at index 1");
        assertThatThrownBy(() -> Entropy.entropy(new double[] {0.5, 0.4}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("p sums to 0.9")
                .hasMessageContaining("expected 1 within 1.0E-9");
        assertThatThrownBy(() -> Entropy.entropy(new double[0])).hasMessageContaining("p is empty");
        assertThatThrownBy(() -> Entropy.crossEntropy(new double[] {0.5, 0.5}, new double[] {0.2, 0.3, 0.5}))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessageContaining("p has length 2 but q has length 3");
        assertThatThrownBy(() -> Entropy.crossEntropy(new double[] {0.5, 0.5}, new double[] {1.5, -0.5}))
                .hasMessageContaining("q has 1.5 at index 0");
        assertThatThrownBy(() -> Entropy.jointEntropy(new double[][] {{0.5, 0.25}, {0.25}}))
                .hasMessageContaining("row 0 has 2 entries but row 1 has 1");
        assertThatThrownBy(() -> Entropy.conditionalEntropy(new double[][] {{0.5, 0.6}, {-0.1, 0.0}}))
                .hasMessageContaining("-0.1 at row 1, column 0");
        assertThatThrownBy(() -> Entropy.jointEntropy(new double[][] {{0.5, 0.25}, {0.25, 0.25}}))
                .hasMessageContaining("the joint table sums to 1.25");
        assertThatThrownBy(() -> Entropy.jointEntropy(new double[0][])).hasMessageContaining("empty");
    }
}
