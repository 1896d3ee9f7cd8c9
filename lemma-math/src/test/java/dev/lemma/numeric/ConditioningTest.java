package dev.lemma.numeric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/// Theorem 7.2 measured: perturb the input by one rounding, measure the forward error against an
/// independent truth (`BigDecimal`, or `Math.log1p`/`Math.expm1`, which the JDK specifies within 1 ulp),
/// and check that it is at most $\kappa\varepsilon$ to first order and that the bound is attained
/// within a small factor. The condition number of linear systems is checked in
/// `dev.lemma.linalg.ConditioningTest`.
class ConditioningTest {
    private static final double U = Tolerances.UNIT_ROUNDOFF;

    /// Slack for the error of the reference functions themselves: `log1p` and `expm1` are within
    /// 1 ulp, that is $2u$ relative, each; two of them, and the final rounding of the ratio.
    private static final double REFERENCE_ERROR = 5 * U;

    private static double relativeError(double computed, BigDecimal exact) {
        return new BigDecimal(computed)
                .subtract(exact)
                .divide(exact, MathContext.DECIMAL128)
                .abs()
                .doubleValue();
    }

    @Test
    void conditionNumbersOfTheBooksExamples() {
        // log: 1/|log x|
        assertThat(Conditioning.ofFunction(Math::log, x -> 1 / x, Math.E)).isCloseTo(1.0, within(U));
        assertThat(Conditioning.ofFunction(Math::log, x -> 1 / x, 1 + 1e-6))
                .isCloseTo(1 / Math.log1p(1e-6), within(1e-9 * 1e6));
        assertThat(Conditioning.ofFunction(Math::log, x -> 1 / x, 1.0)).isEqualTo(Double.POSITIVE_INFINITY);
        // exp: |x|
        assertThat(Conditioning.ofFunction(Math::exp, Math::exp, -700.0)).isCloseTo(700.0, within(1e-12));
        // x − a: |x|/|x − a|
        assertThat(Conditioning.ofFunction(x -> x - 1.0, x -> 1.0, 1.001)).isCloseTo(1001.0, within(1e-9));
        // sums: 1 for one sign, Σ|x|/|Σx| otherwise
        assertThat(Conditioning.ofSum(new double[] {1, 2, 3})).isEqualTo(1.0);
        assertThat(Conditioning.ofSum(new double[] {1, -0.999})).isCloseTo(1999.0, within(1e-9));
        assertThat(Conditioning.ofSum(new double[] {1e16, 1, -1e16})).isEqualTo(2e16 + 1);
        assertThat(Conditioning.ofSum(new double[] {1, -1})).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(Conditioning.ofDotProduct(new double[] {1, 2}, new double[] {3, -1.4}))
                .isCloseTo(5.8 / 0.2, within(1e-12));
    }

    /// `Math.log(1 + z)` for small $z$: forming $x = \mathrm{fl}(1 + z)$ is a backward error
    /// $\varepsilon = |x - (1 + z)|/(1 + z) \le u$, and $\log$ at $x \approx 1$ has
    /// $\kappa = 1/|\log x| \approx 1/z$. The truth is `Math.log1p(z)`. Measured: the relative error
    /// is at most $\kappa u$ (plus the references' own ulps), is close to $\kappa\varepsilon$ for the
    /// actual $\varepsilon$ of each rounding (first order is all there is), and its worst case over the
    /// samples comes within a factor 0.9 of $\kappa u$.
    @Test
    void logNearOneLosesWhatItsConditionNumberPredicts() {
        SplittableRandom rng = new SplittableRandom(2026L);
        double worst = 0;
        for (int trial = 0; trial < 2000; trial++) {
            double z = Math.pow(10, -3 - 9 * rng.nextDouble()); // 1e-12 … 1e-3
            double x = 1 + z;
            double w = x - 1; // exact (Sterbenz), so log(x) = log1p(w) to within an ulp
            double backward = Math.abs(w - z) / x; // w − z exact too: w and z agree to within u
            double kappa = Conditioning.ofFunction(Math::log, t -> 1 / t, x);
            double truth = Math.log1p(z);
            double naive = Math.log(x);
            double forward = Math.abs(naive - truth) / truth;
            // κ is evaluated at the rounded x; at 1 + z it differs by the relative amount κε ≤ 1e-4.
            assertThat(forward).as("z = %s", z).isLessThanOrEqualTo(kappa * U * (1 + 2 * kappa * U) + REFERENCE_ERROR);
            // The perturbation's own effect, log1p(w) vs log1p(z), is κ·ε to first order.
            double perturbation = Math.abs(Math.log1p(w) - truth) / truth;
            assertThat(perturbation).isCloseTo(kappa * backward, within(1e-3 * kappa * backward + REFERENCE_ERROR));
            worst = Math.max(worst, forward / (kappa * U));
        }
        assertThat(worst).isGreaterThan(0.9);
    }

    /// $f(x) = x - a$ at decimal $x$ near $a = 1$: rounding the literal is the backward error $\delta$,
    /// the subtraction is exact, and since $f$ is linear the forward error is exactly
    /// $\kappa|\delta| = |x\delta|/|x - a|$, checked against the exact decimal difference.
    @Test
    void subtractionNearAMagnifiesTheRoundingOfX() {
        SplittableRandom rng = new SplittableRandom(5L);
        double worst = 0;
        for (int trial = 0; trial < 500; trial++) {
            int k = rng.nextInt(1, 15);
            String literal = "1." + "0".repeat(k - 1) + rng.nextInt(1, 10) + rng.nextLong(100_000_000L, 1_000_000_000L);
            double x = Double.parseDouble(literal);
            BigDecimal exact = new BigDecimal(literal).subtract(BigDecimal.ONE);
            double forward = relativeError(x - 1.0, exact);
            double delta = FloatingPoint.decimalRoundingError(literal);
            double kappa = Conditioning.ofFunction(t -> t - 1.0, t -> 1.0, x);
            // κ is evaluated at the rounded x; at the exact x it differs by the relative κ·δ ≤ 1e-2.
            double firstOrder = kappa * Math.abs(delta);
            assertThat(forward).as(literal).isCloseTo(firstOrder, within(2 * kappa * U * firstOrder + 1e-30));
            assertThat(forward).isLessThanOrEqualTo(kappa * U * (1 + 2 * kappa * U));
            worst = Math.max(worst, forward / (kappa * U));
        }
        assertThat(worst).isGreaterThan(0.9);
    }

    /// $\exp$ at $x \approx -700$ has $\kappa = |x| = 700$: moving $x$ to its neighbour (a relative
    /// change $\varepsilon = \mathrm{ulp}(x)/|x|$) changes $e^x$ by the relative amount
    /// $e^{\mathrm{ulp}(x)} - 1$, computed exactly enough by `expm1`, which is $\kappa\varepsilon$ to
    /// first order. This is why deep tails computed as $e^{-E}$ (chapter 7, §7.6) lose $E u$.
    @Test
    void expMagnifiesARelativeErrorByTheSizeOfItsArgument() {
        for (double x : new double[] {-700.0, -500.0, -100.25, 150.0, 300.0, 709.0}) {
            double neighbour = FloatingPoint.next(x);
            double epsilon = (neighbour - x) / Math.abs(x);
            double kappa = Conditioning.ofFunction(Math::exp, Math::exp, x);
            double forward = Math.expm1(neighbour - x); // e^{x'}/e^x − 1, neighbour − x exact
            assertThat(forward).as("x = %s", x).isCloseTo(kappa * epsilon, within(1e-12 * kappa * epsilon));
            // What Math.exp itself returns for the two neighbours shows the same relative jump.
            double measured = Math.exp(neighbour) / Math.exp(x) - 1;
            // exp is within 1 ulp, so the ratio carries up to about 5u; forward is above 1e-14 here.
            assertThat(measured).isCloseTo(forward, within(6 * U + 1e-3 * forward));
        }
    }

    /// The three summations of [Summation] against their bounds written as (backward error) ×
    /// (condition number of the sum), on sums whose $\kappa$ ranges from about $n$ to $10^{17}$, with the
    /// exact sum from `BigDecimal`. The naive bound is not vacuous either: rounding errors of random
    /// sign add up like $\sqrt n\,u$ rather than $(n-1)u$, and on the ill-conditioned sums the worst
    /// measured error comes within a factor $20\sqrt n$ of $\gamma_{n-1}\kappa$ (measured: within
    /// $7\sqrt n$).
    @ParameterizedTest(name = "n = {0}")
    @ValueSource(ints = {10, 100, 1000, 10_000})
    void summationErrorsAreBoundedByBackwardErrorTimesCondition(int n) {
        SplittableRandom rng = new SplittableRandom(n);
        double worstNaive = 0;
        for (int trial = 0; trial < 20; trial++) {
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = rng.nextDouble();
            }
            // Make the sum cancel by a controlled amount: subtract nearly all of it from the last term.
            double target = Math.pow(10, -rng.nextInt(0, 16));
            BigDecimal partial = BigDecimal.ZERO;
            for (int i = 0; i < n - 1; i++) {
                partial = partial.add(new BigDecimal(x[i]));
            }
            x[n - 1] = -partial.doubleValue() + target;
            BigDecimal exact = BigDecimal.ZERO;
            for (double v : x) {
                exact = exact.add(new BigDecimal(v));
            }
            if (exact.signum() == 0) {
                continue;
            }
            double kappa = Conditioning.ofSum(x);
            double naive = relativeError(Summation.naive(x), exact);
            double pairwise = relativeError(Summation.pairwise(x), exact);
            double compensated = relativeError(Summation.compensated(x), exact);
            int b = Summation.PAIRWISE_BLOCK;
            long depth = Math.min(n, b) - 1L + ceilLog2((n + b - 1L) / b);
            assertThat(naive).as("naive, κ = %s", kappa).isLessThanOrEqualTo(gamma(n - 1L) * kappa);
            assertThat(pairwise).as("pairwise, κ = %s", kappa).isLessThanOrEqualTo(gamma(depth) * kappa);
            assertThat(compensated).as("compensated, κ = %s", kappa).isLessThanOrEqualTo(2 * U + 4 * n * U * U * kappa);
            if (kappa > 1e6) { // the cancelling sums, where the error is all rounding of the partial sums
                worstNaive = Math.max(worstNaive, naive / (gamma(n - 1L) * kappa));
            }
        }
        assertThat(worstNaive).isGreaterThan(1 / (20 * Math.sqrt(n)));
    }

    /// The plain dot product and [Compensated#dot(double\[\], double\[\])] on products that cancel:
    /// $\gamma_n\kappa$ for the loop (Higham §3.1), $u + \gamma_n^2\kappa$ for the compensated one
    /// (Ogita, Rump and Oishi, "Accurate sum and dot product", SIAM J. Sci. Comput. 26(6), 2005, §5:
    /// $u + \gamma_n^2\,\mathrm{cond}$, where their $\mathrm{cond} = 2\sum|x_i y_i|/|x^\top y|$ is
    /// $2\kappa$).
    @Test
    void dotProductErrorsAreBoundedByBackwardErrorTimesCondition() {
        SplittableRandom rng = new SplittableRandom(99L);
        int n = 200;
        for (int trial = 0; trial < 50; trial++) {
            double[] x = new double[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = 2 * rng.nextDouble() - 1;
                y[i] = 2 * rng.nextDouble() - 1;
            }
            BigDecimal partial = BigDecimal.ZERO;
            for (int i = 0; i < n - 1; i++) {
                partial = partial.add(new BigDecimal(x[i]).multiply(new BigDecimal(y[i])));
            }
            x[n - 1] = 1.0;
            y[n - 1] = -partial.doubleValue() + Math.pow(10, -rng.nextInt(0, 14));
            BigDecimal exact = BigDecimal.ZERO;
            for (int i = 0; i < n; i++) {
                exact = exact.add(new BigDecimal(x[i]).multiply(new BigDecimal(y[i])));
            }
            double kappa = Conditioning.ofDotProduct(x, y);
            double plain = 0;
            for (int i = 0; i < n; i++) {
                plain += x[i] * y[i];
            }
            assertThat(relativeError(plain, exact)).isLessThanOrEqualTo(gamma(n) * kappa);
            double g = gamma(n);
            assertThat(relativeError(Compensated.dot(x, y), exact)).isLessThanOrEqualTo(U + 2 * g * g * kappa);
        }
    }

    @Test
    void badInputIsNamed() {
        assertThatThrownBy(() -> Conditioning.ofFunction(Math::log, t -> 1 / t, Double.NaN))
                .isInstanceOf(NonFiniteValueException.class)
                .hasMessage("x must be finite but is NaN");
        assertThatThrownBy(() -> Conditioning.ofFunction(Math::log, t -> 1 / t, -1.0))
                .isInstanceOf(NonFiniteValueException.class)
                .hasMessage("f(x) must be finite but is NaN at x = -1.0");
        assertThatThrownBy(() -> Conditioning.ofFunction(Math::sin, Math::cos, 0.0))
                .isInstanceOf(ArithmeticException.class)
                .hasMessageContaining("0/0");
        assertThatThrownBy(() -> Conditioning.ofDotProduct(new double[3], new double[5]))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessage("ofDotProduct: x has length 3 but y has length 5");
        assertThatThrownBy(() -> Conditioning.ofSum(new double[] {1, Double.POSITIVE_INFINITY}))
                .isInstanceOf(NonFiniteValueException.class)
                .hasMessage("x has Infinity at index 1");
        assertThatThrownBy(() -> Conditioning.ofSum(new double[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Conditioning.ofSum(new double[2])).isInstanceOf(ArithmeticException.class);
    }

    /// $\gamma_k = k u / (1 - k u)$.
    private static double gamma(long k) {
        return k * U / (1 - k * U);
    }

    private static int ceilLog2(long m) {
        return m <= 1 ? 0 : 64 - Long.numberOfLeadingZeros(m - 1);
    }
}
