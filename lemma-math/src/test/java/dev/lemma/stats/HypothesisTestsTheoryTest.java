package dev.lemma.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/// The tests against their theory: under the null hypothesis a p-value is uniform, so a level-α test
/// rejects a fraction α of the time (at most α for the discrete statistics); the exact null
/// distributions equal a brute-force enumeration of every interleaving of two small samples; and
/// Kolmogorov's distribution for one observation has its closed form.
class HypothesisTestsTheoryTest {
    private static final int SIMULATIONS = 2000;
    private static final double ALPHA = 0.05;

    /// 4.5 binomial standard deviations of the rejection rate: a correct test falls outside with
    /// probability below $10^{-5}$.
    private static final double SLACK = 4.5 * Math.sqrt(ALPHA * (1 - ALPHA) / SIMULATIONS);

    private static double[] normals(SplittableRandom rng, int n, double mean, double sd) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = mean + sd * rng.nextGaussian();
        }
        return x;
    }

    /// A test applied to data drawn under its null hypothesis, and whether its statistic is discrete.
    static Stream<Arguments> nullCases() {
        return Stream.of(
                Arguments.of("one-sample t", false, (Function<SplittableRandom, TestResult>)
                        r -> HypothesisTests.oneSampleT(normals(r, 12, 3, 2), 3)),
                Arguments.of("pooled t", false, (Function<SplittableRandom, TestResult>)
                        r -> HypothesisTests.pooledT(normals(r, 9, 1, 1), normals(r, 14, 1, 1))),
                Arguments.of("Welch t", false, (Function<SplittableRandom, TestResult>)
                        r -> HypothesisTests.welchT(normals(r, 8, 0, 1), normals(r, 20, 0, 4))),
                Arguments.of("paired t", false, (Function<SplittableRandom, TestResult>) r -> {
                    double[] a = normals(r, 10, 5, 1);
                    double[] b = new double[10];
                    for (int i = 0; i < 10; i++) {
                        b[i] = a[i] + r.nextGaussian();
                    }
                    return HypothesisTests.pairedT(a, b);
                }),
                Arguments.of("one-way ANOVA", false, (Function<SplittableRandom, TestResult>) r ->
                        HypothesisTests.oneWayAnova(normals(r, 5, 2, 1), normals(r, 7, 2, 1), normals(r, 6, 2, 1))),
                Arguments.of("z", false, (Function<SplittableRandom, TestResult>)
                        r -> HypothesisTests.zTest(normals(r, 6, 1, 3), 1, 3)),
                Arguments.of("KS one-sample", false, (Function<SplittableRandom, TestResult>) r -> {
                    double[] u = new double[20];
                    for (int i = 0; i < 20; i++) {
                        u[i] = r.nextDouble();
                    }
                    return HypothesisTests.ksOneSample(u, v -> Math.max(0, Math.min(1, v)));
                }),
                Arguments.of("KS two-sample", true, (Function<SplittableRandom, TestResult>)
                        r -> HypothesisTests.ksTwoSample(normals(r, 15, 0, 1), normals(r, 12, 0, 1))),
                Arguments.of("Mann-Whitney exact", true, (Function<SplittableRandom, TestResult>)
                        r -> HypothesisTests.mannWhitneyU(normals(r, 6, 0, 1), normals(r, 7, 0, 1))),
                Arguments.of("Mann-Whitney normal", false, (Function<SplittableRandom, TestResult>)
                        r -> HypothesisTests.mannWhitneyU(normals(r, 20, 0, 1), normals(r, 25, 0, 1))),
                Arguments.of("chi-squared goodness of fit", true, (Function<SplittableRandom, TestResult>) r -> {
                    double[] counts = new double[4];
                    for (int i = 0; i < 200; i++) {
                        counts[r.nextInt(4)]++;
                    }
                    return HypothesisTests.chiSquaredGoodnessOfFit(counts);
                }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nullCases")
    void underTheNullALevelAlphaTestRejectsAFractionAlpha(
            String name, boolean discrete, Function<SplittableRandom, TestResult> test) {
        SplittableRandom rng = new SplittableRandom(name.hashCode());
        int rejections = 0;
        for (int s = 0; s < SIMULATIONS; s++) {
            TestResult r = test.apply(rng);
            assertThat(r.pValue()).isBetween(0.0, 1.0);
            if (r.rejectsAt(ALPHA)) {
                rejections++;
            }
        }
        double rate = (double) rejections / SIMULATIONS;
        assertThat(rate).as("%s: rejection rate", name).isLessThanOrEqualTo(ALPHA + SLACK);
        if (!discrete) {
            assertThat(rate).as("%s: rejection rate", name).isGreaterThanOrEqualTo(ALPHA - SLACK);
        }
    }

    /// Every interleaving of $n$ values of one sample with $m$ of another, as a bit mask over the $n + m$
    /// sorted positions (bit set: the position belongs to the first sample).
    private static List<Integer> interleavings(int n, int m) {
        List<Integer> masks = new ArrayList<>();
        for (int mask = 0; mask < 1 << (n + m); mask++) {
            if (Integer.bitCount(mask) == n) {
                masks.add(mask);
            }
        }
        return masks;
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 4, 5})
    void exactNullDistributionsEqualAnEnumerationOfInterleavings(int n) {
        int m = n + 2;
        List<Integer> masks = interleavings(n, m);
        int[] u = new int[masks.size()];
        long[] dnm = new long[masks.size()];
        for (int k = 0; k < masks.size(); k++) {
            int mask = masks.get(k);
            int i = 0;
            int j = 0;
            for (int pos = 0; pos < n + m; pos++) {
                if ((mask >> pos & 1) == 1) {
                    i++;
                    u[k] += j; // a first-sample value exceeds the j second-sample values below it
                } else {
                    j++;
                }
                dnm[k] = Math.max(dnm[k], Math.abs((long) i * m - (long) j * n));
            }
        }
        for (int threshold = 0; threshold <= n * m; threshold++) {
            int t = threshold;
            double fraction =
                    (double) java.util.Arrays.stream(u).filter(v -> v >= t).count() / masks.size();
            assertThat(NullDistributions.mannWhitneyUpper(n, m, t))
                    .as("P(U ≥ %d)", t)
                    .isCloseTo(fraction, within(1e-14));
        }
        for (long threshold = 1; threshold <= (long) n * m; threshold++) {
            long t = threshold;
            double fraction =
                    (double) java.util.Arrays.stream(dnm).filter(v -> v >= t).count() / masks.size();
            assertThat(NullDistributions.smirnovUpper(n, m, t))
                    .as("P(D nm ≥ %d)", t)
                    .isCloseTo(fraction, within(1e-13));
        }
    }

    @Test
    void kolmogorovForOneObservationIsTwoTimesOneMinusD() {
        // n = 1: D = max(F(x), 1 − F(x)) with F(x) uniform, so P(D ≥ d) = 2(1 − d) on [½, 1].
        for (double d = 0.5; d < 1; d += 0.0625) {
            assertThat(NullDistributions.kolmogorovUpper(1, d)).isCloseTo(2 * (1 - d), within(1e-13));
        }
    }

    @Test
    void kolmogorovsExactDistributionAgreesWithSimulation() {
        // n = 5, d = 0.4: the fraction of 200 000 uniform samples with D ≥ d, within 5 standard errors.
        SplittableRandom rng = new SplittableRandom(11);
        int n = 5;
        double d = 0.4;
        int trials = 200_000;
        int hits = 0;
        double[] u = new double[n];
        for (int t = 0; t < trials; t++) {
            for (int i = 0; i < n; i++) {
                u[i] = rng.nextDouble();
            }
            java.util.Arrays.sort(u);
            double stat = 0;
            for (int i = 0; i < n; i++) {
                stat = Math.max(stat, Math.max((i + 1.0) / n - u[i], u[i] - (double) i / n));
            }
            if (stat >= d) {
                hits++;
            }
        }
        double p = NullDistributions.kolmogorovUpper(n, d);
        double se = Math.sqrt(p * (1 - p) / trials);
        assertThat((double) hits / trials).isCloseTo(p, within(5 * se));
    }

    @Test
    void badInputIsNamed() {
        assertThatThrownBy(() -> HypothesisTests.oneSampleT(new double[] {1}, 0))
                .hasMessage("x has 1 values; the test needs at least 2");
        assertThatThrownBy(() -> HypothesisTests.welchT(new double[] {1, 2}, new double[] {1, Double.NaN}))
                .hasMessage("b[1] must be finite but is NaN");
        assertThatThrownBy(() -> HypothesisTests.pairedT(new double[] {1, 2, 3}, new double[] {1, 2}))
                .hasMessageContaining("a has 3 values but b has 2");
        assertThatThrownBy(() -> HypothesisTests.chiSquaredGoodnessOfFit(new double[] {10, 10}, new double[] {5, 10}))
                .hasMessageContaining("sum to 20.0 but the expected counts to 15.0");
        assertThatThrownBy(() -> HypothesisTests.chiSquaredIndependence(new double[][] {{1, 2}, {0, 0}}, false))
                .hasMessageContaining("row 1 is all zeros");
        assertThatThrownBy(() -> HypothesisTests.oneWayAnova(new double[] {1, 2}))
                .hasMessageContaining("at least 2 groups");
    }

    @Test
    void aReadableResult() {
        TestResult r = HypothesisTests.welchT(new double[] {1, 2, 3, 4}, new double[] {2, 4, 6, 8, 10});
        assertThat(r.toString())
                .startsWith("Welch's two-sample t test (two-sided): t = ")
                .contains(", df = ")
                .contains(", p = ");
    }
}
