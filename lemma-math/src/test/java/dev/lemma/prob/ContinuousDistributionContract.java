package dev.lemma.prob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/// What every continuous distribution must satisfy, whatever its family (after Hipparchus' shared
/// distribution tests). A subclass names its parameter sets ([#distributions]) and, for the check of the
/// sample variance, the excess kurtosis of each ([#excessKurtosis]); it adds its own reference values,
/// fits and special cases.
///
/// The checks, each against something computed independently of the method under test:
///
/// 1. The density integrates to the CDF: $\int_a^b f = F(b) - F(a)$ between consecutive quantiles, by
///    adaptive Simpson quadrature written here (on $\log x$ for a support in $[0, \infty)$, where power
///    laws such as $x^{-0.9}$ become smooth), to [#QUADRATURE_TOLERANCE].
/// 2. The quantile inverts the CDF: $F(F^{-1}(p)) = p$ (through the survival function above 1/2, where
///    $1 - p$ is exact), to $10^{-12}$ relative where that is well conditioned; where a neighbouring
///    double of $x$ already moves $F$ by more (a steep or singular density), $p$ must lie between
///    $F(x \pm 2\,\mathrm{ulp}(x))$. A quantile that underflows to the support's end is skipped.
/// 3. $F(x) + S(x) = 1$ to a few ulp, at quantiles and beyond them.
/// 4. The mean and variance of $n = 100\,000$ seeded draws lie within 5 standard errors of the
///    distribution's: $\sigma/\sqrt n$ for the mean, $\sigma^2\sqrt{(\kappa + 2)/n}$ for the variance
///    ($\kappa$ the excess kurtosis, so that $\operatorname{Var}[(X - \mu)^2] = \mu_4 - \sigma^4 =
///    \sigma^4(\kappa + 2)$). A moment is skipped when its standard error is infinite: no mean check
///    when the variance is infinite, no variance check when the fourth moment is (the CLT does not
///    apply then).
/// 5. A Kolmogorov–Smirnov test of 5 000 draws does not reject at the 0.001 level: $D_n =
///    \sup_x|F_n(x) - F(x)| < 1.949/\sqrt n$, the asymptotic critical value $\sqrt{-\frac12
///    \log(0.001/2)}$ of Kolmogorov's distribution.
///
/// With many parameter sets each test at level 0.001 is run dozens of times; the seeds are fixed, so a
/// failure is reproducible, not flaky.
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ContinuousDistributionContract {

    /// @return the parameter sets to check, across the range of each parameter
    abstract List<ContinuousDistribution> distributions();

    /// @return $\mu_4/\sigma^4 - 3$ of `d` (NaN or $\infty$ where the fourth moment is infinite)
    abstract double excessKurtosis(ContinuousDistribution d);

    static final double QUADRATURE_TOLERANCE = 1e-9;
    static final double[] QUADRATURE_PROBABILITIES = {0.001, 0.01, 0.1, 0.3, 0.5, 0.7, 0.9, 0.99, 0.999};
    static final double[] INVERSION_PROBABILITIES = {
        1e-300, 1e-100, 1e-20, 1e-8, 0.001, 0.01, 0.1, 0.3, 0.5, 0.7, 0.9, 0.99, 0.999, 1 - 1e-8, 1 - 1e-12
    };
    static final double INVERSION_RELATIVE = 1e-12;
    static final int MOMENT_DRAWS = 100_000;
    static final double STANDARD_ERRORS = 5;
    static final int KS_DRAWS = 5_000;
    static final double KS_CRITICAL_0_001 = 1.949;

    @ParameterizedTest
    @MethodSource("distributions")
    void densityIntegratesToTheCdf(ContinuousDistribution d) {
        for (int i = 0; i + 1 < QUADRATURE_PROBABILITIES.length; i++) {
            double a = d.quantile(QUADRATURE_PROBABILITIES[i]);
            double b = d.quantile(QUADRATURE_PROBABILITIES[i + 1]);
            double integral = d.supportLowerBound() >= 0 && a > 0
                    ? simpson(t -> d.pdf(Math.exp(t)) * Math.exp(t), Math.log(a), Math.log(b))
                    : simpson(d::pdf, a, b);
            double mass = b <= d.quantile(0.5) ? d.cdf(b) - d.cdf(a) : d.survival(a) - d.survival(b);
            assertThat(integral)
                    .as("%s: integral of the density over [%s, %s]", d, a, b)
                    .isCloseTo(mass, org.assertj.core.api.Assertions.within(QUADRATURE_TOLERANCE));
        }
    }

    @ParameterizedTest
    @MethodSource("distributions")
    void quantileInvertsTheCdf(ContinuousDistribution d) {
        for (double p : INVERSION_PROBABILITIES) {
            double x = d.quantile(p);
            if (x == d.supportLowerBound() || x == d.supportUpperBound()) {
                continue; // underflowed to the end of the support: F there is not p
            }
            double tail = p <= 0.5 ? p : 1 - p;
            DoubleUnaryOperator smallerTail = p <= 0.5 ? d::cdf : d::survival;
            double back = smallerTail.applyAsDouble(x);
            if (Math.abs(back - tail) <= INVERSION_RELATIVE * tail) {
                continue;
            }
            // Not within 1e-12: acceptable only where the problem is ill conditioned, i.e. where the
            // neighbouring doubles of x already change F by more than that (a density that is steep or
            // singular, as Beta(1/2, 1/2) next to 1). Then the exact quantile must lie within 2 ulp of x.
            double below = smallerTail.applyAsDouble(x - 2 * Math.ulp(x));
            double above = smallerTail.applyAsDouble(x + 2 * Math.ulp(x));
            double neighbour = smallerTail.applyAsDouble(back == below ? x + Math.ulp(x) : x - Math.ulp(x));
            assertThat(Math.abs(neighbour - back))
                    .as(
                            "%s: %s(quantile(%s)) = %s, and the problem is well conditioned",
                            d, p <= 0.5 ? "cdf" : "survival", p, back)
                    .isGreaterThan(INVERSION_RELATIVE * tail);
            assertThat(tail)
                    .as("%s: quantile(%s) = %s is within 2 ulp of the exact one", d, p, x)
                    .isBetween(Math.min(below, above), Math.max(below, above));
        }
    }

    @ParameterizedTest
    @MethodSource("distributions")
    void survivalAndCdfSumToOne(ContinuousDistribution d) {
        for (double p : INVERSION_PROBABILITIES) {
            double x = d.quantile(p);
            for (double y : new double[] {x, x + 1, x - 1, 2 * x}) {
                assertThat(d.cdf(y) + d.survival(y))
                        .as("%s at %s", d, y)
                        .isCloseTo(1, org.assertj.core.api.Assertions.within(4 * Math.ulp(1.0)));
            }
        }
        assertThat(d.logPdf(Double.NEGATIVE_INFINITY)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(d.logPdf(Double.POSITIVE_INFINITY)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(d.cdf(Double.NEGATIVE_INFINITY)).isZero();
        assertThat(d.cdf(Double.POSITIVE_INFINITY)).isEqualTo(1);
        assertThat(d.survival(Double.POSITIVE_INFINITY)).isZero();
    }

    @ParameterizedTest
    @MethodSource("distributions")
    void sampleMomentsAgreeWithinTheClt(ContinuousDistribution d) {
        double[] x = d.sample(new SplittableRandom(20261122L), MOMENT_DRAWS);
        double variance = d.variance();
        if (!Double.isFinite(variance)) {
            return; // infinite or undefined variance: the sample mean has no CLT standard error
        }
        double mean = Arrays.stream(x).sum() / MOMENT_DRAWS;
        double sd = Math.sqrt(variance);
        assertThat(mean)
                .as("%s: sample mean", d)
                .isCloseTo(
                        d.mean(),
                        org.assertj.core.api.Assertions.within(STANDARD_ERRORS * sd / Math.sqrt(MOMENT_DRAWS)));
        double kurtosis = excessKurtosis(d);
        if (!Double.isFinite(kurtosis)) {
            return; // infinite fourth moment: the sample variance has no CLT standard error
        }
        double ss = 0;
        for (double xi : x) {
            ss += (xi - mean) * (xi - mean);
        }
        double sampleVariance = ss / (MOMENT_DRAWS - 1);
        double standardError = variance * Math.sqrt((kurtosis + 2) / MOMENT_DRAWS);
        assertThat(sampleVariance)
                .as("%s: sample variance", d)
                .isCloseTo(variance, org.assertj.core.api.Assertions.within(STANDARD_ERRORS * standardError));
    }

    @ParameterizedTest
    @MethodSource("distributions")
    void kolmogorovSmirnovDoesNotReject(ContinuousDistribution d) {
        double[] x = d.sample(new SplittableRandom(7L), KS_DRAWS);
        Arrays.sort(x);
        double statistic = 0;
        for (int i = 0; i < KS_DRAWS; i++) {
            double f = d.cdf(x[i]);
            statistic = Math.max(statistic, Math.max((i + 1.0) / KS_DRAWS - f, f - (double) i / KS_DRAWS));
        }
        assertThat(statistic).as("%s: KS statistic", d).isLessThan(KS_CRITICAL_0_001 / Math.sqrt(KS_DRAWS));
    }

    @ParameterizedTest
    @MethodSource("distributions")
    void rejectsNanArgumentsAndProbabilitiesOutsideTheUnitInterval(ContinuousDistribution d) {
        String name = d.getClass().getSimpleName();
        assertThatThrownBy(() -> d.logPdf(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(name);
        assertThatThrownBy(() -> d.cdf(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.survival(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.quantile(1.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(name)
                .hasMessageContaining("1.5");
        assertThatThrownBy(() -> d.quantile(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    /// Adaptive Simpson quadrature with Richardson's correction (Lyness 1969): a panel is accepted when
    /// its two halves agree with it to 15 times the tolerance.
    static double simpson(DoubleUnaryOperator f, double a, double b) {
        double fa = f.applyAsDouble(a);
        double fm = f.applyAsDouble(0.5 * (a + b));
        double fb = f.applyAsDouble(b);
        return simpson(f, a, b, fa, fm, fb, (b - a) / 6 * (fa + 4 * fm + fb), 1e-12, 60);
    }

    private static double simpson(
            DoubleUnaryOperator f,
            double a,
            double b,
            double fa,
            double fm,
            double fb,
            double whole,
            double eps,
            int depth) {
        double m = 0.5 * (a + b);
        double lm = 0.5 * (a + m);
        double rm = 0.5 * (m + b);
        double flm = f.applyAsDouble(lm);
        double frm = f.applyAsDouble(rm);
        double left = (m - a) / 6 * (fa + 4 * flm + fm);
        double right = (b - m) / 6 * (fm + 4 * frm + fb);
        double delta = left + right - whole;
        if (depth <= 0 || Math.abs(delta) <= 15 * eps) {
            return left + right + delta / 15;
        }
        return simpson(f, a, m, fa, flm, fm, left, eps / 2, depth - 1)
                + simpson(f, m, b, fm, frm, fb, right, eps / 2, depth - 1);
    }

    /// $\psi'(x)$ by the central difference of `SpecialFunctions.digamma` with step $10^{-4}x$ (error
    /// about $10^{-8}$ relative): enough for the standard errors of the fit tests, and independent of
    /// the trigamma series the fits use.
    static double trigammaByDifferences(double x) {
        double h = 1e-4 * x;
        return (dev.lemma.numeric.SpecialFunctions.digamma(x + h) - dev.lemma.numeric.SpecialFunctions.digamma(x - h))
                / (2 * h);
    }
}
