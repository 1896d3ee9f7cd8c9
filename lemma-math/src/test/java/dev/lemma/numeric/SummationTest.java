package dev.lemma.numeric;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/// The three summations against the exact sum (every double is a finite binary fraction, so
/// `BigDecimal` adds them without error), and each measured error against the bound its Javadoc states
/// (Higham, *Accuracy and Stability of Numerical Algorithms*, 2nd ed., chapter 4).
class SummationTest {
    private static final double U = Tolerances.UNIT_ROUNDOFF;

    /// The constant we put on Neumaier's $O(n u^2) \sum |x_i|$ term. Higham (§4.3) gives the order, not
    /// the constant; 4 is generous for the second-order term, which in these tests is below $10^{-20}$
    /// of $\sum |x_i|$ anyway.
    private static final double SECOND_ORDER_CONSTANT = 4.0;

    /// $\gamma_k = k u / (1 - k u)$.
    private static double gamma(long k) {
        return k * U / (1 - k * U);
    }

    private static BigDecimal exactSum(double[] x) {
        BigDecimal s = BigDecimal.ZERO;
        for (double v : x) {
            s = s.add(new BigDecimal(v));
        }
        return s;
    }

    private static double sumOfAbs(double[] x) {
        BigDecimal s = BigDecimal.ZERO;
        for (double v : x) {
            s = s.add(new BigDecimal(Math.abs(v)));
        }
        return s.doubleValue();
    }

    /// $|\hat s - s|$, computed exactly and rounded once.
    private static double absoluteError(double computed, BigDecimal exact) {
        return new BigDecimal(computed).subtract(exact).abs().doubleValue();
    }

    private static int ceilLog2(long m) {
        return m <= 1 ? 0 : 64 - Long.numberOfLeadingZeros(m - 1);
    }

    /// Kinds of input: well-conditioned positive terms, terms of both signs, terms spread over 60 binary
    /// orders of magnitude, and a cancellation-heavy sum (pairs $y, -y$ of huge terms beside small ones,
    /// shuffled) whose condition number is around $10^{17}$.
    enum Kind {
        POSITIVE,
        MIXED_SIGNS,
        WIDE_EXPONENTS,
        CANCELLATION
    }

    static double[] terms(Kind kind, int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] x = new double[n];
        switch (kind) {
            case POSITIVE -> {
                for (int i = 0; i < n; i++) {
                    x[i] = rng.nextDouble();
                }
            }
            case MIXED_SIGNS -> {
                for (int i = 0; i < n; i++) {
                    x[i] = 2 * rng.nextDouble() - 1;
                }
            }
            case WIDE_EXPONENTS -> {
                for (int i = 0; i < n; i++) {
                    x[i] = (2 * rng.nextDouble() - 1) * Math.scalb(1.0, rng.nextInt(-30, 30));
                }
            }
            case CANCELLATION -> {
                for (int i = 0; i + 2 < n; i += 3) {
                    double big = (2 * rng.nextDouble() - 1) * Math.scalb(1.0, rng.nextInt(40, 60));
                    x[i] = big;
                    x[i + 1] = -big;
                    x[i + 2] = rng.nextDouble();
                }
                for (int i = n - 1; i > 0; i--) { // Fisher–Yates, so the big pairs are not adjacent
                    int j = rng.nextInt(i + 1);
                    double t = x[i];
                    x[i] = x[j];
                    x[j] = t;
                }
            }
        }
        return x;
    }

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        int[] sizes = {1, 2, 3, 100, 127, 128, 129, 257, 1000, 10_007, 100_000};
        for (Kind kind : Kind.values()) {
            for (int n : sizes) {
                for (long seed = 0; seed < 3; seed++) {
                    cases.add(Arguments.of(kind, n, seed));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}, n = {1}, seed {2}")
    @MethodSource("cases")
    void measuredErrorsStayWithinTheirBounds(Kind kind, int n, long seed) {
        double[] x = terms(kind, n, seed);
        BigDecimal s = exactSum(x);
        double abs = sumOfAbs(x);

        double naiveBound = gamma(n - 1L) * abs;
        assertThat(absoluteError(Summation.naive(x), s)).as("naive").isLessThanOrEqualTo(naiveBound);

        int b = Summation.PAIRWISE_BLOCK;
        long depth = Math.min(n, b) - 1L + ceilLog2((n + b - 1L) / b);
        double pairwiseBound = gamma(depth) * abs;
        assertThat(absoluteError(Summation.pairwise(x), s)).as("pairwise").isLessThanOrEqualTo(pairwiseBound);

        double compensatedBound = 2 * U * Math.abs(s.doubleValue()) + SECOND_ORDER_CONSTANT * n * U * U * abs;
        assertThat(absoluteError(Summation.compensated(x), s)).as("compensated").isLessThanOrEqualTo(compensatedBound);
    }

    /// On a cancellation-heavy sum ($\kappa \approx 10^{17}$) the plain loop's relative error is of order
    /// 1 (the small terms are gone), while the compensated sum's is within its bound
    /// $2u + O(n u^2)\kappa$, about $10^{-9}$ here.
    @Test
    void cancellationDefeatsTheNaiveSumButNotTheCompensatedOne() {
        double[] x = terms(Kind.CANCELLATION, 30_000, 7);
        BigDecimal s = exactSum(x);
        double relativeNaive = absoluteError(Summation.naive(x), s) / Math.abs(s.doubleValue());
        double relativeCompensated = absoluteError(Summation.compensated(x), s) / Math.abs(s.doubleValue());
        assertThat(relativeNaive).isGreaterThan(1e-3);
        double kappa = sumOfAbs(x) / Math.abs(s.doubleValue());
        double bound = 2 * U + SECOND_ORDER_CONSTANT * x.length * U * U * kappa;
        assertThat(bound).isLessThan(1e-8);
        assertThat(relativeCompensated).isLessThanOrEqualTo(bound);
    }

    /// Neumaier's example: Kahan's algorithm and the plain loop both return 0, the true sum is 2.
    @Test
    void neumaiersExample() {
        double[] x = {1.0, 1e100, 1.0, -1e100};
        assertThat(Summation.naive(x)).isEqualTo(0.0);
        assertThat(Summation.pairwise(x)).isEqualTo(0.0);
        assertThat(Summation.compensated(x)).isEqualTo(2.0);
    }

    /// $10^{16} + 1 + 1 + \dots$: the spacing of doubles at $10^{16}$ is 2, so each 1 added to the
    /// running sum rounds away (ties to even) and the plain loop never moves.
    @Test
    void smallTermsLostAgainstALargeRunningSum() {
        double[] x = new double[1001];
        x[0] = 1e16;
        Arrays.fill(x, 1, x.length, 1.0);
        assertThat(Summation.naive(x)).isEqualTo(1e16);
        assertThat(Summation.compensated(x)).isEqualTo(1e16 + 1000);
        // Pairwise loses only the ones that share the big term's block of the plain loop (124 of them);
        // the other blocks add their ones exactly before meeting 1e16.
        assertThat(Summation.pairwise(x)).isBetween(1e16 + 1000 - 130, 1e16 + 1000 - 120);
    }

    /// A million copies of `0.1`: the plain loop returns `100000.00000133288`, $1.3 \times 10^{-6}$ from
    /// the exact sum, while pairwise summation is over a hundred times closer and the compensated sum
    /// is the exact sum correctly rounded.
    @Test
    void aMillionTenths() {
        double[] x = new double[1_000_000];
        Arrays.fill(x, 0.1);
        BigDecimal s = exactSum(x);
        double correctlyRounded = s.doubleValue();
        assertThat(Summation.compensated(x)).isEqualTo(correctlyRounded);
        double naiveError = absoluteError(Summation.naive(x), s);
        double pairwiseError = absoluteError(Summation.pairwise(x), s);
        assertThat(naiveError).isGreaterThan(1e-7);
        assertThat(pairwiseError).isLessThan(naiveError / 100);
    }

    @Test
    void emptyAndNonFiniteInput() {
        double[] empty = {};
        assertThat(Summation.naive(empty)).isEqualTo(0.0);
        assertThat(Summation.pairwise(empty)).isEqualTo(0.0);
        assertThat(Summation.compensated(empty)).isEqualTo(0.0);

        double inf = Double.POSITIVE_INFINITY;
        double[] withInfinity = new double[300];
        withInfinity[200] = inf;
        withInfinity[3] = 1.0;
        double[] withNaN = withInfinity.clone();
        withNaN[7] = Double.NaN;
        double[] bothInfinities = withInfinity.clone();
        bothInfinities[250] = -inf;
        for (double[] x : List.of(withInfinity, withNaN, bothInfinities)) {
            Double plain = Summation.naive(x);
            // Boxed, so that NaN equals NaN (Double.equals).
            assertThat(Double.valueOf(Summation.pairwise(x))).isEqualTo(plain);
            assertThat(Double.valueOf(Summation.compensated(x))).isEqualTo(plain);
        }
        assertThat(Summation.naive(withInfinity)).isEqualTo(inf);
        assertThat(Summation.naive(withNaN)).isNaN();
        assertThat(Summation.naive(bothInfinities)).isNaN();
    }
}
