package dev.lemma.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.lemma.numeric.NonFiniteValueException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/// [Summary] and [Summary.Accumulator] against exact rational arithmetic (`BigDecimal` on the doubles as
/// stored), against each other, and on the degenerate and invalid inputs the class documents.
class SummaryTest {
    private static final double U = Math.ulp(1.0) / 2;
    private static final MathContext EXACT = new MathContext(60);
    /// Two passes: the mean and variance within a few units of the exact values of the stored doubles.
    private static final double TWO_PASS_ULPS = 4.0;
    /// Skewness and kurtosis are ratios of compensated sums of rounded deviations: a few more roundings.
    private static final double HIGHER_MOMENT_RELATIVE = 1e-13;
    /// One pass against two on data whose mean is 1e6 times the spread: Welford's $n u \kappa$.
    private static final double ONE_PASS_RELATIVE = 1e-9;

    /// Exact mean, $M_2$, $M_3$, $M_4$ of `x`.
    private static BigDecimal[] exactMoments(double[] x) {
        BigDecimal sum = BigDecimal.ZERO;
        for (double v : x) {
            sum = sum.add(new BigDecimal(v));
        }
        BigDecimal mean = sum.divide(BigDecimal.valueOf(x.length), EXACT);
        BigDecimal[] m = {mean, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
        for (double v : x) {
            BigDecimal d = new BigDecimal(v).subtract(mean);
            BigDecimal d2 = d.multiply(d);
            m[1] = m[1].add(d2);
            m[2] = m[2].add(d2.multiply(d));
            m[3] = m[3].add(d2.multiply(d2));
        }
        return m;
    }

    /// Exponential noise (skewness 2, excess kurtosis 6) on an offset of `offset`.
    private static double[] skewedData(long seed, int n, double offset) {
        Random random = new Random(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = offset - Math.log1p(-random.nextDouble());
        }
        return x;
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 1e3, 1e6, 1e9})
    void twoPassMomentsAreThoseOfTheStoredDoubles(double offset) {
        double[] x = skewedData(41 + (long) offset, 1000, offset);
        Summary s = Summary.of(x);
        BigDecimal[] m = exactMoments(x);
        int n = x.length;
        double mean = m[0].doubleValue();
        double variance = m[1].divide(BigDecimal.valueOf(n - 1L), EXACT).doubleValue();
        assertThat(s.mean()).isCloseTo(mean, within(TWO_PASS_ULPS * U * Math.abs(mean)));
        assertThat(s.variance()).isCloseTo(variance, within(TWO_PASS_ULPS * U * variance));
        assertThat(s.populationVariance())
                .isCloseTo(
                        m[1].divide(BigDecimal.valueOf(n), EXACT).doubleValue(), within(TWO_PASS_ULPS * U * variance));

        // g1 = sqrt(n) M3 / M2^(3/2), g2 = n M4 / M2^2 - 3, evaluated exactly.
        double g1 = Math.sqrt(n) * m[2].doubleValue() / Math.pow(m[1].doubleValue(), 1.5);
        BigDecimal g2 = BigDecimal.valueOf(n)
                .multiply(m[3])
                .divide(m[1].multiply(m[1]), EXACT)
                .subtract(BigDecimal.valueOf(3));
        assertThat(s.skewness()).isCloseTo(g1, within(HIGHER_MOMENT_RELATIVE * Math.abs(g1)));
        assertThat(s.kurtosis())
                .isCloseTo(g2.doubleValue(), within(HIGHER_MOMENT_RELATIVE * Math.abs(g2.doubleValue())));
        // and the data really are skewed, so those comparisons are not of two zeros
        assertThat(s.skewness()).isBetween(1.5, 2.5);
    }

    @Test
    void adjustedSkewnessAndKurtosisFollowJoanesAndGill() {
        // x = {0, 0, 0, 1}: m2 = 3/16, m3 = 3/32 (exact by hand), so g1 = (3/32)/(3/16)^1.5 = 2/sqrt(3),
        // g2 = (13/64... computed: m4 = (3·(1/4)^4 + (3/4)^4)/4 = 21/256, g2 = (21/256)/(9/256) - 3 = -2/3.
        Summary s = Summary.of(0, 0, 0, 1);
        assertThat(s.skewness()).isCloseTo(2 / Math.sqrt(3), within(4 * U));
        assertThat(s.kurtosis()).isCloseTo(-2.0 / 3, within(8 * U));
        // G1 = g1 sqrt(n(n-1))/(n-2) = (2/sqrt 3) sqrt(12)/2 = 2; G2 = 3/(2·1)·(5·(-2/3) + 6) = 4.
        assertThat(s.adjustedSkewness()).isCloseTo(2.0, within(8 * U));
        assertThat(s.adjustedKurtosis()).isCloseTo(4.0, within(16 * U));
    }

    @Test
    void textbookCancellationCaseIsExact() {
        // Welford's and Chan's example: 1e9 + {4, 7, 13, 16} has variance 30 exactly; the one-pass
        // textbook formula sum(x^2) - (sum x)^2/n loses every digit here.
        double[] x = {1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16};
        assertThat(Summary.of(x).variance()).isEqualTo(30.0);
        assertThat(new Summary.Accumulator().addAll(x).snapshot().variance()).isEqualTo(30.0);
        assertThat(Summary.of(x).mean()).isEqualTo(1e9 + 10);
    }

    @Test
    void accumulatorAgreesWithTwoPasses() {
        double[] x = skewedData(7, 5000, 1e6);
        Summary twoPass = Summary.of(x);
        Summary onePass = new Summary.Accumulator().addAll(x).snapshot();
        assertSameMoments(onePass, twoPass, ONE_PASS_RELATIVE);
        assertThat(onePass.sum()).isEqualTo(twoPass.sum()); // both Neumaier sums, same order
    }

    @Test
    void mergingChunksInAnyTreeAgreesWithTwoPasses() {
        double[] x = skewedData(11, 3001, 100.0);
        Summary expected = Summary.of(x);
        Random random = new Random(12);
        // cut into random chunks (some empty), then merge left to right and as a balanced tree
        Summary.Accumulator[] parts = new Summary.Accumulator[40];
        int start = 0;
        for (int k = 0; k < parts.length; k++) {
            int end = k == parts.length - 1 ? x.length : Math.min(x.length, start + random.nextInt(160));
            parts[k] = new Summary.Accumulator().addAll(Arrays.copyOfRange(x, start, end));
            start = end;
        }
        Summary.Accumulator sequential = new Summary.Accumulator();
        for (Summary.Accumulator part : parts) {
            sequential.merge(part);
        }
        assertSameMoments(sequential.snapshot(), expected, 1e-12);
        assertSameMoments(mergeTree(parts, 0, parts.length).snapshot(), expected, 1e-12);
        assertThat(sequential.snapshot().min()).isEqualTo(expected.min());
        assertThat(sequential.snapshot().max()).isEqualTo(expected.max());
        assertThat(sequential.count()).isEqualTo(x.length);
    }

    private static Summary.Accumulator mergeTree(Summary.Accumulator[] parts, int from, int to) {
        if (to - from == 1) {
            return new Summary.Accumulator().merge(parts[from]);
        }
        int middle = (from + to) / 2;
        return mergeTree(parts, from, middle).merge(mergeTree(parts, middle, to));
    }

    @Test
    void mergingWithItselfCountsTheDataTwice() {
        double[] x = skewedData(13, 101, 5.0);
        double[] twice = new double[2 * x.length];
        System.arraycopy(x, 0, twice, 0, x.length);
        System.arraycopy(x, 0, twice, x.length, x.length);
        Summary.Accumulator a = new Summary.Accumulator().addAll(x);
        assertSameMoments(a.merge(a).snapshot(), Summary.of(twice), 1e-13);
    }

    private static void assertSameMoments(Summary actual, Summary expected, double relative) {
        assertThat(actual.count()).isEqualTo(expected.count());
        assertThat(actual.mean()).isCloseTo(expected.mean(), within(relative * Math.abs(expected.mean())));
        assertThat(actual.variance()).isCloseTo(expected.variance(), within(relative * expected.variance()));
        assertThat(actual.skewness()).isCloseTo(expected.skewness(), within(relative * Math.abs(expected.skewness())));
        assertThat(actual.kurtosis()).isCloseTo(expected.kurtosis(), within(relative * Math.abs(expected.kurtosis())));
        assertThat(actual.sum()).isCloseTo(expected.sum(), within(relative * Math.abs(expected.sum())));
    }

    @Test
    void equalDataGiveEqualSummariesAndSnapshotsAreIndependentCopies() {
        double[] x = skewedData(17, 50, 1.0);
        Summary.Accumulator a = new Summary.Accumulator().addAll(x);
        Summary first = a.snapshot();
        assertThat(first).isEqualTo(a.snapshot()).hasSameHashCodeAs(a.snapshot());
        assertThat(Summary.of(x)).isEqualTo(Summary.of(x.clone()));
        a.add(100.0);
        assertThat(a.snapshot()).isNotEqualTo(first);
        assertThat(first.count()).isEqualTo(50); // the earlier snapshot did not move
        assertThat(first.max()).isLessThan(100.0);
    }

    @Test
    void sumIsCompensated() {
        // Neumaier's case: the plain loop returns 0, Kahan's original 0 as well.
        double[] x = {1, 1e100, 1, -1e100};
        assertThat(Summary.of(x).sum()).isEqualTo(2.0);
        assertThat(new Summary.Accumulator().addAll(x).snapshot().sum()).isEqualTo(2.0);
    }

    @Test
    void hugeValuesDoNotOverflowTheMean() {
        double big = 0.75 * Double.MAX_VALUE;
        Summary s = Summary.of(big, big, big);
        assertThat(s.sum()).isInfinite();
        assertThat(s.mean()).isEqualTo(big);
        assertThat(s.populationVariance()).isZero();
    }

    @Test
    void constantDataHaveZeroVarianceAndUndefinedShape() {
        Summary s = Summary.of(0.1, 0.1, 0.1, 0.1, 0.1);
        assertThat(s.mean()).isEqualTo(0.1);
        assertThat(s.variance()).isZero();
        assertThat(s.skewness()).isNaN();
        assertThat(s.kurtosis()).isNaN();
        assertThat(s.adjustedKurtosis()).isNaN();
    }

    @Test
    void tooFewValuesForAStatisticThrowWithTheCount() {
        Summary one = Summary.of(3.0);
        assertThat(one.mean()).isEqualTo(3.0);
        assertThat(one.populationVariance()).isZero();
        assertThatThrownBy(one::variance)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("variance needs at least 2 values but count is 1");
        assertThatThrownBy(() -> Summary.of(1, 2).adjustedSkewness())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("adjusted skewness needs at least 3 values but count is 2");
        assertThatThrownBy(() -> Summary.of(1, 2, 4).adjustedKurtosis())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("adjusted kurtosis needs at least 4 values but count is 3");
    }

    @Test
    void badInputIsRefusedNamingTheIndex() {
        assertThatThrownBy(() -> Summary.of())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("values must not be empty");
        assertThatThrownBy(() -> Summary.of(1, 2, Double.NaN))
                .isInstanceOf(NonFiniteValueException.class)
                .hasMessage("values has NaN at index 2");
        assertThatThrownBy(() -> new Summary.Accumulator().add(Double.NEGATIVE_INFINITY))
                .isInstanceOf(NonFiniteValueException.class)
                .hasMessage("value must be finite but is -Infinity");
        Summary.Accumulator a = new Summary.Accumulator().add(1.0);
        assertThatThrownBy(() -> a.addAll(2.0, Double.POSITIVE_INFINITY))
                .isInstanceOf(NonFiniteValueException.class)
                .hasMessage("values has Infinity at index 1");
        assertThat(a.count()).as("nothing added from a refused array").isEqualTo(1);
        assertThatThrownBy(() -> new Summary.Accumulator().snapshot())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("empty accumulator");
    }
}
