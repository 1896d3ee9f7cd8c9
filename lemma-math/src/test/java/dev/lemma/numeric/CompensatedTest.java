package dev.lemma.numeric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/// Error-free transformations and compensated sums, with `BigDecimal` as the exact oracle (every double
/// is a finite decimal, and sums and products of them are exact in `BigDecimal`).
class CompensatedTest {
    private static final double U = Tolerances.UNIT_ROUNDOFF;

    private static BigDecimal exact(double x) {
        return new BigDecimal(x);
    }

    private static BigDecimal exactSum(double[] x) {
        BigDecimal s = BigDecimal.ZERO;
        for (double v : x) {
            s = s.add(exact(v));
        }
        return s;
    }

    private static BigDecimal exactDot(double[] x, double[] y) {
        BigDecimal s = BigDecimal.ZERO;
        for (int i = 0; i < x.length; i++) {
            s = s.add(exact(x[i]).multiply(exact(y[i])));
        }
        return s;
    }

    /// Relative error of `computed` against the exact value (absolute when the exact value is 0).
    private static double error(double computed, BigDecimal exact) {
        BigDecimal diff = exact(computed).subtract(exact).abs();
        return exact.signum() == 0
                ? diff.doubleValue()
                : diff.divide(exact.abs(), MathContext.DECIMAL64).doubleValue();
    }

    static IntStream seeds() {
        return IntStream.range(0, 40);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void twoProductAndTwoSumAreExact(int seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        for (int k = 0; k < 200; k++) {
            // Exponents within ±300 so neither the product nor its error underflows or overflows.
            double a = (2 * rng.nextDouble() - 1) * Math.scalb(1.0, rng.nextInt(-150, 150));
            double b = (2 * rng.nextDouble() - 1) * Math.scalb(1.0, rng.nextInt(-150, 150));
            Compensated.TwoTerm p = Compensated.twoProduct(a, b);
            assertThat(exact(p.hi()).add(exact(p.lo()))).isEqualByComparingTo(exact(a).multiply(exact(b)));
            assertThat(p.hi()).isEqualTo(a * b);
            Compensated.TwoTerm s = Compensated.twoSum(a, b);
            assertThat(exact(s.hi()).add(exact(s.lo()))).isEqualByComparingTo(exact(a).add(exact(b)));
            assertThat(s.hi()).isEqualTo(a + b);
        }
    }

    /// An ill-conditioned sum with a known answer: pairs $x, -x$ of huge terms interleaved with small
    /// ones, shuffled, so that the plain loop loses the small terms entirely.
    static double[] illConditionedSum(int seed, int n) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<Double> terms = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double big = (2 * rng.nextDouble() - 1) * Math.scalb(1.0, rng.nextInt(40, 100));
            terms.add(big);
            terms.add(-big);
            terms.add(rng.nextDouble());
        }
        double[] x = new double[terms.size()];
        for (int i = x.length - 1; i >= 0; i--) {
            x[i] = terms.remove(rng.nextInt(terms.size()));
        }
        return x;
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void neumaierSumIsAccurateOnIllConditionedSums(int seed) {
        double[] x = illConditionedSum(seed, 50);
        BigDecimal exact = exactSum(x);
        double absSum = 0;
        for (double v : x) {
            absSum += Math.abs(v);
        }
        double s = Compensated.sum(x);
        // Neumaier (1974): |s − Σx| ≤ 2u|Σx| + 2n²u²Σ|x|; the condition number here is ~1e28.
        double bound = 2 * U * exact.abs().doubleValue() + 2.0 * x.length * x.length * U * U * absSum;
        assertThat(exact(s).subtract(exact).abs().doubleValue()).isLessThanOrEqualTo(bound);
        double plain = 0;
        for (double v : x) {
            plain += v;
        }
        // The plain loop, for contrast, is typically wrong in every digit here.
        assertThat(error(s, exact)).isLessThanOrEqualTo(error(plain, exact));
        assertThat(Compensated.sum(x, 0, x.length)).isEqualTo(s);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void dot2IsAsAccurateAsTwiceTheWorkingPrecision(int seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int n = 100;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            // Ill-conditioned: huge exponents that cancel (GenDot-like, Ogita–Rump–Oishi §6).
            x[i] = (2 * rng.nextDouble() - 1) * Math.scalb(1.0, rng.nextInt(-30, 30));
            y[i] = (2 * rng.nextDouble() - 1) * Math.scalb(1.0, rng.nextInt(-30, 30));
        }
        // Force cancellation: the last pair cancels most of the sum so far.
        x[n - 1] = 1.0;
        double partial = 0;
        for (int i = 0; i < n - 1; i++) {
            partial += x[i] * y[i];
        }
        y[n - 1] = -partial;
        BigDecimal exact = exactDot(x, y);
        double absDot = 0;
        for (int i = 0; i < n; i++) {
            absDot += Math.abs(x[i] * y[i]);
        }
        double gamma = n * U / (1 - n * U);
        double d = Compensated.dot(x, y);
        // Ogita, Rump and Oishi (2005), Proposition 5.5: |dot2 − xᵀy| ≤ u|xᵀy| + γ_n²|x|ᵀ|y|.
        double bound = U * exact.abs().doubleValue() + gamma * gamma * absDot;
        assertThat(exact(d).subtract(exact).abs().doubleValue()).isLessThanOrEqualTo(bound);
        double[] row = new double[2 * n];
        System.arraycopy(x, 0, row, n, n);
        assertThat(Compensated.dotRow(row, 1, n, y)).isEqualTo(d);
    }

    @Test
    void knownCancellations() {
        assertThat(Compensated.sum(new double[] {1e100, 1.0, -1e100})).isEqualTo(1.0);
        assertThat(Compensated.sum(new double[] {1.0, 1e100, 1.0, -1e100})).isEqualTo(2.0);
        assertThat(Compensated.sum(new double[0])).isZero();
        assertThat(Compensated.dot(new double[] {1e100, 1.0, -1e100}, new double[] {1.0, 1.0, 1.0}))
                .isEqualTo(1.0);
        // (1 + 2⁻³⁰)² − 1 − 2⁻²⁹ = 2⁻⁶⁰ exactly, lost entirely by a plain dot product.
        double a = 1 + 0x1p-30;
        assertThat(Compensated.dot(new double[] {a, -1, -0x1p-29}, new double[] {a, 1, 1}))
                .isEqualTo(0x1p-60);
        assertThatThrownBy(() -> Compensated.dot(new double[2], new double[3]))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessageContaining("length 2")
                .hasMessageContaining("length 3");
    }

    static List<double[]> nonFiniteMixes() {
        double[] values = {1.0, -2.5, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN};
        List<double[]> mixes = new ArrayList<>();
        for (double a : values) {
            for (double b : values) {
                for (double c : values) {
                    mixes.add(new double[] {a, b, c});
                }
            }
        }
        return mixes;
    }

    /// `actual` is `expected`, NaN counting as equal to NaN.
    private static void same(double actual, double expected) {
        if (Double.isNaN(expected)) {
            assertThat(actual).isNaN();
        } else {
            assertThat(actual).isEqualTo(expected);
        }
    }

    /// Guava's habit: every mix of finite, infinite and NaN values gives what plain IEEE arithmetic gives.
    @ParameterizedTest
    @MethodSource("nonFiniteMixes")
    void nonFiniteValuesBehaveAsInThePlainLoop(double[] x) {
        double plainSum = x[0] + x[1] + x[2];
        same(Compensated.sum(x), plainSum);
        double[] ones = {1.0, 1.0, 1.0};
        same(Compensated.dot(x, ones), plainSum);
        same(Compensated.dotRow(x, 0, 3, ones), plainSum);
        double[] twos = {2.0, -0.5, 3.0};
        double plainDot = x[0] * twos[0] + x[1] * twos[1] + x[2] * twos[2];
        same(Compensated.dot(x, twos), plainDot);
        Compensated.TwoTerm p = Compensated.twoProduct(x[0], x[1]);
        same(p.hi(), x[0] * x[1]);
        if (!Double.isFinite(p.hi())) {
            assertThat(p.lo()).isNotFinite();
        }
        Compensated.TwoTerm s = Compensated.twoSum(x[0], x[1]);
        same(s.hi(), x[0] + x[1]);
        if (!Double.isFinite(s.hi())) {
            assertThat(s.lo()).isNotFinite();
        }
    }

    @Test
    void overflowingDotIsInfiniteAsInThePlainLoop() {
        double big = Double.MAX_VALUE;
        assertThat(Compensated.dot(new double[] {big, big}, new double[] {2, 2}))
                .isEqualTo(Double.POSITIVE_INFINITY);
        same(Compensated.sum(new double[] {big, big}), Double.POSITIVE_INFINITY);
    }
}
