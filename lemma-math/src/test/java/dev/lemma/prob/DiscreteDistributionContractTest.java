package dev.lemma.prob;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lemma.numeric.SpecialFunctions;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/// The contract every [DiscreteDistribution] keeps (after Hipparchus' shared distribution tests), on
/// parameters chosen to reach every code path: both samplers of [Binomial] and [Poisson] (inversion and
/// BTRS/PTRS), $p > 1/2$, long tails, a zero-mass category.
///
/// Independent oracles: the mass function summed in compensated arithmetic (against the CDF, which
/// comes from incomplete beta and gamma functions), the central limit theorem (sample moments) and
/// Pearson's chi-squared test (sample frequencies).
class DiscreteDistributionContractTest {
    /// Draws per distribution for the moment and frequency checks.
    static final int DRAWS = 100_000;

    /// Sample moments must lie within this many standard errors: a false alarm has probability below
    /// $6 \times 10^{-7}$ per check (two-sided normal tail at 5).
    static final double STANDARD_ERRORS = 5;

    /// The chi-squared test must not reject at this level.
    static final double SIGNIFICANCE = 1e-3;

    /// Relative accuracy of the CDF against the compensated cumulative sum of the mass function, plus
    /// [#TAIL_TOLERANCE] times $|\log F|$: a value $e^{-E}$ computed through an exponential carries the
    /// rounding of its exponent, $E u$ relative (so $10^{-13}$ at $F = 10^{-155}$, both for the CDF and
    /// for the masses summed).
    static final double CDF_TOLERANCE = 1e-13;

    /// See [#CDF_TOLERANCE]: about $9u$ per unit of $|\log F|$, room for both sides (the worst seen:
    /// $2.8 \times 10^{-13}$ relative between the CDF and the summed masses at $F(16) = 7.1 \times
    /// 10^{-127}$ for $n = 1000$, $p = 0.3$; against 40-digit mpmath the CDF is off by $1.3 \times
    /// 10^{-13}$ and the mass by $1.5 \times 10^{-13}$ there, the rounding of $np$ and $nq$ times the
    /// derivatives of the deviances).
    static final double TAIL_TOLERANCE = 1e-15;

    /// $F(k) + (1 - F(k))$, each computed directly, may miss 1 by a few ulp of each.
    static final double COMPLEMENT_TOLERANCE = 4e-15;

    static Stream<DiscreteDistribution> distributions() {
        return Stream.of(
                new Bernoulli(0.3),
                new Bernoulli(0.97),
                new Binomial(10, 0.35),
                new Binomial(40, 0.1), // n p = 4: inversion
                new Binomial(1000, 0.3), // BTRS
                new Binomial(300, 0.8), // BTRS on 1 - p
                new Binomial(1, 0.5),
                new Poisson(3.5),
                new Poisson(9.99), // last rate by inversion
                new Poisson(10), // first rate by PTRS
                new Poisson(250.5),
                new Poisson(40_000),
                new Geometric(0.25),
                new Geometric(0.9),
                new Geometric(0.02),
                new Categorical(0.1, 0.2, 0.3, 0.4),
                new Categorical(0.5, 0.0, 0.25, 0.25));
    }

    /// The support up to a point $K$ beyond which the mass left is below $10^{-17}$, bounded without the
    /// CDF: all these mass functions are log-concave, so past $K$ the terms fall at least as fast as
    /// the geometric series of ratio $r = p(K)/p(K-1)$, and the tail is at most $p(K)\,r/(1 - r)$.
    record Truncation(int lo, int hi, double tailBound) {}

    static Truncation truncation(DiscreteDistribution d) {
        int lo = d.supportLowerBound();
        int hi = d.supportUpperBound();
        if (hi < Integer.MAX_VALUE) {
            return new Truncation(lo, hi, 0.0);
        }
        int k = (int) Math.max(lo + 1, Math.ceil(d.mean()));
        while (true) {
            double r = Math.exp(d.logPmf(k) - d.logPmf(k - 1));
            double bound = d.pmf(k) * r / (1 - r);
            if (r < 1 && bound < 1e-17) {
                return new Truncation(lo, k, bound);
            }
            k++;
        }
    }

    @ParameterizedTest
    @MethodSource("distributions")
    void massSumsToOneAndCdfIsItsCumulativeSum(DiscreteDistribution d) {
        Truncation t = truncation(d);
        double sum = 0;
        double compensation = 0;
        for (int k = t.lo(); k <= t.hi(); k++) {
            // Kahan–Babuška (Neumaier) summation, independent of the library's own
            double term = d.pmf(k);
            double s = sum + term;
            compensation += Math.abs(sum) >= Math.abs(term) ? (sum - s) + term : (term - s) + sum;
            sum = s;
            double cumulative = sum + compensation;
            if (cumulative < Double.MIN_NORMAL) {
                continue; // subnormal: no relative accuracy to check
            }
            assertThat(d.cdf(k))
                    .as("%s: cdf(%d) against the sum of the pmf", d, k)
                    .isCloseTo(
                            cumulative,
                            org.assertj.core.api.Assertions.within(
                                    (CDF_TOLERANCE + TAIL_TOLERANCE * Math.abs(Math.log(cumulative))) * cumulative));
            assertThat(d.cdf(k + 0.5))
                    .as("%s: cdf is a step function at %d", d, k)
                    .isEqualTo(d.cdf(k));
            assertThat(d.cdf(k) + d.survival(k))
                    .as("%s: cdf + survival at %d", d, k)
                    .isCloseTo(1.0, org.assertj.core.api.Assertions.within(COMPLEMENT_TOLERANCE));
        }
        double total = sum + compensation;
        assertThat(Math.abs(total - 1))
                .as("%s: total mass over [%d, %d], tail ≤ %.1g", d, t.lo(), t.hi(), t.tailBound())
                .isLessThanOrEqualTo(1e-14 + t.tailBound());
        assertThat(d.pmf(t.lo() - 1)).isZero();
        assertThat(d.cdf(t.lo() - 0.5)).isZero();
    }

    /// The upper tail: $P(X > k)$ from [DiscreteDistribution#survival] against the sum of the mass
    /// beyond $k$, relative, where $1 - $ cdf would have lost every digit.
    @ParameterizedTest
    @MethodSource("distributions")
    void survivalIsTheSumOfTheUpperTail(DiscreteDistribution d) {
        Truncation t = truncation(d);
        double tail = 0;
        for (int k = t.hi(); k >= t.lo(); k--) {
            if (tail > 1e-300 && t.tailBound() <= 1e-6 * tail) {
                assertThat(d.survival(k))
                        .as("%s: survival(%d)", d, k)
                        .isCloseTo(tail, org.assertj.core.api.Assertions.within(1e-12 * tail + t.tailBound()));
            }
            tail += d.pmf(k);
        }
    }

    @ParameterizedTest
    @MethodSource("distributions")
    void quantileInvertsTheCdfAtItsSteps(DiscreteDistribution d) {
        Truncation t = truncation(d);
        assertThat(d.quantile(0)).isEqualTo(d.supportLowerBound());
        assertThat(d.quantile(1))
                .isEqualTo(
                        d.supportUpperBound() == Integer.MAX_VALUE
                                ? Double.POSITIVE_INFINITY
                                : (double) d.supportUpperBound());
        for (int k = t.lo(); k <= t.hi(); k++) {
            double f = d.cdf(k);
            if (f < Double.MIN_NORMAL || Math.nextUp(f) >= 1 || d.cdf(k - 1) >= f) {
                // subnormal CDF values have lost their relative accuracy; 1 is the support's end; and a
                // step smaller than the spacing of doubles (or a zero mass) leaves nothing to invert
                continue;
            }
            assertThat(d.quantile(f)).as("%s: quantile(cdf(%d))", d, k).isEqualTo(k);
            double justAbove = Math.nextUp(f);
            double next = d.quantile(justAbove);
            assertThat(next).as("%s: quantile just above cdf(%d)", d, k).isGreaterThan(k);
            assertThat(d.cdf(next - 1)).isLessThan(justAbove);
            assertThat(d.cdf(next)).isGreaterThanOrEqualTo(justAbove);
        }
    }

    /// Sample mean and variance of [#DRAWS] seeded draws within [#STANDARD_ERRORS] standard errors: by
    /// the CLT the mean has standard error $\sigma/\sqrt n$ and the sample variance $s^2$ (denominator
    /// $n - 1$) the standard error $\sqrt{(\mu_4 - \sigma^4 (n-3)/(n-1))/n}$, exactly its variance, with the
    /// fourth central moment $\mu_4$ summed from the mass function.
    @ParameterizedTest
    @MethodSource("distributions")
    void sampleMomentsAgreeWithTheMeanAndVariance(DiscreteDistribution d) {
        double[] x = d.sample(Randomness.of(20261122L), DRAWS);
        double mean = 0;
        for (double xi : x) {
            mean += xi;
        }
        mean /= DRAWS;
        double variance = 0;
        for (double xi : x) {
            variance += (xi - mean) * (xi - mean);
        }
        variance /= DRAWS - 1;
        Truncation t = truncation(d);
        double mu4 = 0;
        for (int k = t.lo(); k <= t.hi(); k++) {
            double c = k - d.mean();
            mu4 += c * c * c * c * d.pmf(k);
        }
        double sigma2 = d.variance();
        double seMean = Math.sqrt(sigma2 / DRAWS);
        double seVariance = Math.sqrt((mu4 - sigma2 * sigma2 * (DRAWS - 3.0) / (DRAWS - 1.0)) / DRAWS);
        assertThat(mean)
                .as("%s: sample mean", d)
                .isCloseTo(d.mean(), org.assertj.core.api.Assertions.within(STANDARD_ERRORS * seMean));
        assertThat(variance)
                .as("%s: sample variance", d)
                .isCloseTo(sigma2, org.assertj.core.api.Assertions.within(STANDARD_ERRORS * seVariance));
        for (double xi : x) {
            assertThat(d.pmf((int) xi)).as("%s: draw %s has mass", d, xi).isPositive();
        }
    }

    /// Pearson's chi-squared test of the sample frequencies against the mass function: one bin per
    /// value with expected count at least 5, the tails merged into the end bins; p-value $Q((b - 1)/2,
    /// X^2/2)$ for $b$ bins.
    @ParameterizedTest
    @MethodSource("distributions")
    void sampleFrequenciesPassChiSquared(DiscreteDistribution d) {
        double[] x = d.sample(Randomness.of(7L), DRAWS);
        double pValue = chiSquaredPValue(d, x);
        assertThat(pValue).as("%s: chi-squared p-value", d).isGreaterThan(SIGNIFICANCE);
    }

    /// Pearson's test of draws `x` against `d`: bins of consecutive values with expected count at least
    /// 5 (the last one open to $+\infty$); returns $Q((b-1)/2, X^2/2)$, or 1 if there is a single bin.
    static double chiSquaredPValue(DiscreteDistribution d, double[] x) {
        int n = x.length;
        Truncation t = truncation(d);
        List<int[]> bins = new ArrayList<>(); // [from, to] inclusive
        int from = t.lo();
        double expected = 0;
        for (int k = t.lo(); k <= t.hi(); k++) {
            expected += d.pmf(k) * n;
            if (expected >= 5) {
                bins.add(new int[] {from, k});
                from = k + 1;
                expected = 0;
            }
        }
        // the rest, with the truncated tail, joins the last bin
        bins.getLast()[1] = Integer.MAX_VALUE;
        if (bins.size() < 2) {
            return 1.0; // a single bin tests nothing: only the degenerate case, which no parameter here is
        }
        double[] sorted = x.clone();
        java.util.Arrays.sort(sorted);
        double statistic = 0;
        for (int[] bin : bins) {
            int observed = countBelow(sorted, bin[1] + 0.5) - countBelow(sorted, bin[0] - 0.5);
            double e = n * (d.cdf(bin[1]) - d.cdf(bin[0] - 1.0));
            statistic += (observed - e) * (observed - e) / e;
        }
        return SpecialFunctions.regularizedGammaQ((bins.size() - 1) / 2.0, statistic / 2);
    }

    private static int countBelow(double[] sorted, double bound) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < bound) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    @ParameterizedTest
    @MethodSource("distributions")
    void samplingIsReproducible(DiscreteDistribution d) {
        RandomGenerator a = Randomness.of(99);
        RandomGenerator b = Randomness.of(99);
        assertThat(d.sample(a, 100)).containsExactly(d.sample(b, 100));
    }
}
