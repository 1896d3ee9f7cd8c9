package dev.lemma.prob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lemma.numeric.SpecialFunctions;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/// [Randomness]: reproducibility, distinct streams, and uniformity of first draws by Pearson's
/// chi-squared test (p-value from the regularised incomplete gamma function).
class RandomnessTest {
    static final int BINS = 100;
    static final double SIGNIFICANCE = 1e-3;

    private static double[] draws(RandomGenerator g, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = g.nextDouble();
        }
        return x;
    }

    /// The p-value of Pearson's test that `u` is uniform on $[0, 1)$ over [#BINS] equal bins.
    static double uniformityPValue(double[] u) {
        long[] counts = new long[BINS];
        for (double x : u) {
            assertThat(x).isGreaterThanOrEqualTo(0.0).isLessThan(1.0);
            counts[(int) (x * BINS)]++;
        }
        double expected = (double) u.length / BINS;
        double statistic = 0;
        for (long c : counts) {
            statistic += (c - expected) * (c - expected) / expected;
        }
        return SpecialFunctions.regularizedGammaQ((BINS - 1) / 2.0, statistic / 2);
    }

    @Test
    void theSameSeedGivesTheSameStream() {
        assertThat(draws(Randomness.of(42), 1000)).containsExactly(draws(Randomness.of(42), 1000));
        assertThat(draws(Randomness.of(42), 10)).isNotEqualTo(draws(Randomness.of(43), 10));
        List<RandomGenerator.SplittableGenerator> a = Randomness.streams(5, 4);
        List<RandomGenerator.SplittableGenerator> b = Randomness.streams(5, 4);
        for (int i = 0; i < 4; i++) {
            assertThat(draws(a.get(i), 100)).containsExactly(draws(b.get(i), 100));
        }
    }

    @Test
    void theAlgorithmIsTheDocumentedOne() {
        assertThat(Randomness.of(1).getClass().getSimpleName()).isEqualTo(Randomness.ALGORITHM);
    }

    /// Split streams differ from each other and from the root, and their draws are uncorrelated: the
    /// sample correlation of two independent uniform sequences of length $n$ has standard deviation
    /// $1/\sqrt n$, so 5 of those bound it.
    @Test
    void streamsDifferAndAreUncorrelated() {
        int n = 20_000;
        List<RandomGenerator.SplittableGenerator> streams = Randomness.streams(2026, 8);
        assertThat(streams).hasSize(8);
        double[][] x = new double[8][];
        for (int i = 0; i < 8; i++) {
            x[i] = draws(streams.get(i), n);
        }
        for (int i = 0; i < 8; i++) {
            for (int j = i + 1; j < 8; j++) {
                assertThat(x[i]).isNotEqualTo(x[j]);
                assertThat(Math.abs(correlation(x[i], x[j])))
                        .as("correlation of streams %d and %d", i, j)
                        .isLessThan(5 / Math.sqrt(n));
            }
        }
        assertThat(Randomness.streams(1, 0)).isEmpty();
    }

    private static double correlation(double[] a, double[] b) {
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < a.length; i++) {
            ma += a[i];
            mb += b[i];
        }
        ma /= a.length;
        mb /= b.length;
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < a.length; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return sab / Math.sqrt(saa * sbb);
    }

    /// The first draw of generators seeded 0, 1, 2, … (consecutive seeds are the classic way to get
    /// correlated starts), the first draw of each of many split streams, and a long run of one stream are
    /// uniform by the chi-squared test.
    @Test
    void firstDrawsAreUniform() {
        int n = 50_000;
        double[] firstBySeed = new double[n];
        for (int s = 0; s < n; s++) {
            firstBySeed[s] = Randomness.of(s).nextDouble();
        }
        assertThat(uniformityPValue(firstBySeed))
                .as("first draws of seeds 0..n-1")
                .isGreaterThan(SIGNIFICANCE);
        double[] firstByStream = new double[n];
        List<RandomGenerator.SplittableGenerator> streams = Randomness.streams(11, n);
        for (int i = 0; i < n; i++) {
            firstByStream[i] = streams.get(i).nextDouble();
        }
        assertThat(uniformityPValue(firstByStream))
                .as("first draws of split streams")
                .isGreaterThan(SIGNIFICANCE);
        assertThat(uniformityPValue(draws(Randomness.of(3), n)))
                .as("one stream")
                .isGreaterThan(SIGNIFICANCE);
    }

    @Test
    void aNegativeCountIsRejected() {
        assertThatThrownBy(() -> Randomness.streams(1, -2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("count")
                .hasMessageContaining("-2");
    }
}
