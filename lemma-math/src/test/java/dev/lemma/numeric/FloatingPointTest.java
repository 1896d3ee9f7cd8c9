package dev.lemma.numeric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/// The representation of doubles against the facts IEEE 754 fixes (binary64: 52 fraction bits,
/// exponent bias 1023, IEEE Std 754-2019 §3.4), and every rounding against exact `BigDecimal`
/// arithmetic.
class FloatingPointTest {
    private static final double U = Tolerances.UNIT_ROUNDOFF;

    /// $M \cdot 2^{e - 52}$ in exact arithmetic.
    private static BigDecimal valueOf(FloatingPoint.Parts p) {
        BigDecimal m = new BigDecimal(BigInteger.valueOf(p.significand()));
        int k = p.exponent() - 52;
        BigDecimal power = k >= 0
                ? new BigDecimal(BigInteger.TWO.pow(k))
                : BigDecimal.ONE.divide(new BigDecimal(BigInteger.TWO.pow(-k))); // exact: 2^-k divides 10^-k
        BigDecimal v = m.multiply(power);
        return p.sign() == 1 ? v.negate() : v;
    }

    /// The exact value of a double (named, so that `new BigDecimal(0.1)` is visibly deliberate).
    private static BigDecimal exact(double x) {
        return new BigDecimal(x);
    }

    private static double randomDouble(SplittableRandom rng) {
        // Random bit patterns: every exponent, normal and subnormal, equally likely; skip NaN and ∞.
        double x;
        do {
            x = Double.longBitsToDouble(rng.nextLong());
        } while (!Double.isFinite(x));
        return x;
    }

    @Test
    void decomposeGivesTheKnownFieldsOfLandmarkDoubles() {
        FloatingPoint.Parts one = FloatingPoint.decompose(1.0);
        assertThat(one).isEqualTo(new FloatingPoint.Parts(0, 0, 1L << 52, false));
        assertThat(one.significandBits()).isEqualTo("1." + "0".repeat(52));

        // 0.1 = 0x1.999999999999ap-4: the repeating 1100 pattern, rounded up in the last place.
        FloatingPoint.Parts tenth = FloatingPoint.decompose(0.1);
        assertThat(tenth.exponent()).isEqualTo(-4);
        assertThat(tenth.significand()).isEqualTo(0x1999999999999aL);
        assertThat(tenth.significandBits()).isEqualTo("1.1001100110011001100110011001100110011001100110011010");

        // Largest double (2 − 2^-52)·2^1023, smallest normal 2^-1022, smallest subnormal 2^-1074.
        assertThat(FloatingPoint.decompose(Double.MAX_VALUE))
                .isEqualTo(new FloatingPoint.Parts(0, 1023, (1L << 53) - 1, false));
        assertThat(FloatingPoint.decompose(Double.MIN_NORMAL))
                .isEqualTo(new FloatingPoint.Parts(0, -1022, 1L << 52, false));
        FloatingPoint.Parts tiniest = FloatingPoint.decompose(Double.MIN_VALUE);
        assertThat(tiniest).isEqualTo(new FloatingPoint.Parts(0, -1022, 1L, true));
        assertThat(tiniest.significandBits()).isEqualTo("0." + "0".repeat(51) + "1");
        assertThat(Double.MIN_VALUE).isEqualTo(Math.scalb(1.0, -1074));

        assertThat(FloatingPoint.decompose(-0.0)).isEqualTo(new FloatingPoint.Parts(1, -1022, 0L, false));
        assertThat(FloatingPoint.decompose(-2.0)).isEqualTo(new FloatingPoint.Parts(1, 1, 1L << 52, false));
    }

    /// $x = (-1)^s M 2^{e-52}$ exactly, on random bit patterns, checked in `BigDecimal`.
    @Test
    void partsReconstructTheDoubleExactly() {
        SplittableRandom rng = new SplittableRandom(20261122L);
        for (int trial = 0; trial < 2000; trial++) {
            double x = randomDouble(rng);
            FloatingPoint.Parts p = FloatingPoint.decompose(x);
            assertThat(valueOf(p).compareTo(new BigDecimal(x))).as("x = %s", x).isZero();
            assertThat(p.subnormal()).isEqualTo(x != 0 && Math.abs(x) < Double.MIN_NORMAL);
            assertThat(p.significandBits()).hasSize(54);
        }
    }

    @Test
    void ulpIsTheSpacingTwoToTheExponentMinus52() {
        assertThat(FloatingPoint.ulp(1.0)).isEqualTo(0x1.0p-52).isEqualTo(Tolerances.MACHINE_EPSILON);
        for (int e = -1022; e <= 1023; e++) {
            double power = Math.scalb(1.0, e);
            double spacing = Math.scalb(1.0, e - 52);
            assertThat(FloatingPoint.ulp(power)).isEqualTo(spacing);
            // Above 2^e the gap is the ulp; below it the doubles belong to the binade below, half as
            // wide (except at 2^-1022, below which the subnormals keep the spacing 2^-1074).
            assertThat(FloatingPoint.next(power) - power).isEqualTo(spacing);
            double below = e == -1022 ? spacing : spacing / 2;
            assertThat(power - FloatingPoint.previous(power)).isEqualTo(below);
        }
        assertThat(FloatingPoint.previous(1.0)).isEqualTo(1.0 - 0x1.0p-53);
        assertThat(FloatingPoint.ulp(0.0)).isEqualTo(Double.MIN_VALUE);
        assertThat(FloatingPoint.ulp(Double.MIN_VALUE)).isEqualTo(Double.MIN_VALUE);
        assertThat(FloatingPoint.ulp(Double.MAX_VALUE)).isEqualTo(0x1.0p971);
        assertThat(FloatingPoint.ulp(Double.NEGATIVE_INFINITY)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(FloatingPoint.ulp(Double.NaN)).isNaN();

        SplittableRandom rng = new SplittableRandom(7L);
        for (int trial = 0; trial < 2000; trial++) {
            double x = randomDouble(rng);
            assertThat(FloatingPoint.ulp(x)).as("x = %s", x).isEqualTo(Math.ulp(x));
            if (Math.abs(x) >= Double.MIN_NORMAL) {
                assertThat(FloatingPoint.ulp(x)).isLessThanOrEqualTo(Tolerances.MACHINE_EPSILON * Math.abs(x));
            }
        }
    }

    @Test
    void exactDecimalPrintsEveryDigit() {
        assertThat(FloatingPoint.exactDecimal(0.1))
                .isEqualTo("0.1000000000000000055511151231257827021181583404541015625");
        assertThat(FloatingPoint.exactDecimal(0.3))
                .isEqualTo("0.299999999999999988897769753748434595763683319091796875");
        assertThat(FloatingPoint.exactDecimal(1e16)).isEqualTo("10000000000000000");
        assertThat(FloatingPoint.exactDecimal(-0.5)).isEqualTo("-0.5");
        // 2^-1074 has 1074 digits after the point (the last one 5) and 751 significant digits.
        String tiniest = FloatingPoint.exactDecimal(Double.MIN_VALUE);
        assertThat(tiniest).startsWith("0.000").endsWith("5").hasSize(2 + 1074);
        assertThat(new BigDecimal(tiniest).multiply(new BigDecimal(BigInteger.TWO.pow(1074))))
                .isEqualByComparingTo(BigDecimal.ONE);
        assertThatThrownBy(() -> FloatingPoint.exactDecimal(Double.NaN))
                .isInstanceOf(NonFiniteValueException.class)
                .hasMessageContaining("NaN");
    }

    /// Why `0.1 + 0.2 != 0.3`, digit by digit. Both literals are rounded up by the same relative
    /// amount $2^{-54}$; `0.3` is rounded down by $u/3$. The exact sum of the two stored values falls
    /// exactly halfway between the double below 0.3 and the one above it, and the tie goes to the
    /// upper one, whose significand is even.
    @Test
    void pointOnePlusPointTwoIsATieThatRoundsAwayFromPointThree() {
        assertThat(FloatingPoint.decimalRoundingError("0.1")).isEqualTo(0x1.0p-54);
        assertThat(FloatingPoint.decimalRoundingError("0.2")).isEqualTo(0x1.0p-54);
        double deltaThird = FloatingPoint.decimalRoundingError("0.3");
        BigDecimal expected = new BigDecimal(U)
                .divide(new BigDecimal(3), MathContext.DECIMAL128)
                .negate();
        assertThat(deltaThird).isEqualTo(expected.doubleValue());

        BigDecimal exactSum = exact(0.1).add(exact(0.2));
        BigDecimal below = exact(0.3);
        BigDecimal above = new BigDecimal(FloatingPoint.next(0.3));
        assertThat(exactSum.subtract(below)).isEqualByComparingTo(above.subtract(exactSum)); // a tie
        assertThat(FloatingPoint.decompose(FloatingPoint.next(0.3)).significand() % 2)
                .isZero();
        assertThat(0.1 + 0.2).isEqualTo(FloatingPoint.next(0.3)).isNotEqualTo(0.3);
    }

    /// Random decimal literals with 1 to 25 significant digits and decimal exponents from $-300$ to $300$:
    /// each rounds with $|\delta| \le u$, and $\delta$ is exactly the error of the stored value.
    @Test
    void randomLiteralsRoundWithinTheUnitRoundoff() {
        SplittableRandom rng = new SplittableRandom(42L);
        double largest = 0;
        for (int trial = 0; trial < 3000; trial++) {
            int digits = rng.nextInt(1, 26);
            StringBuilder s = new StringBuilder(rng.nextBoolean() ? "-" : "");
            s.append(rng.nextInt(1, 10)).append('.');
            for (int i = 1; i < digits; i++) {
                s.append(rng.nextInt(10));
            }
            s.append('e').append(rng.nextInt(-300, 301)); // |d| in [1e-300, 1e301): the normal range
            String literal = s.toString();
            double delta = FloatingPoint.decimalRoundingError(literal);
            assertThat(Math.abs(delta)).as(literal).isLessThanOrEqualTo(U);
            BigDecimal d = new BigDecimal(literal);
            BigDecimal stored = new BigDecimal(Double.parseDouble(literal));
            BigDecimal reconstructed = d.multiply(BigDecimal.ONE.add(new BigDecimal(delta)));
            // delta is the exact relative error rounded to a double, so it reproduces the stored
            // value to about u·|d|·u.
            assertThat(reconstructed.subtract(stored).abs().doubleValue())
                    .as(literal)
                    .isLessThanOrEqualTo(4 * U * U * Math.abs(d.doubleValue()));
            largest = Math.max(largest, Math.abs(delta));
        }
        // The bound is attained: some literal lands close to a midpoint between two doubles.
        assertThat(largest).isGreaterThan(0.99 * U);
        assertThat(FloatingPoint.decimalRoundingError("0")).isZero();
        // 2^53 + 1 is a tie between 2^53 and 2^53 + 2; ties to even gives 2^53, so δ = −1/(2^53 + 1).
        BigDecimal twoTo53PlusOne = new BigDecimal("9007199254740993");
        assertThat(FloatingPoint.decimalRoundingError("9007199254740993"))
                .isEqualTo(BigDecimal.ONE
                        .divide(twoTo53PlusOne, MathContext.DECIMAL128)
                        .negate()
                        .doubleValue());
    }

    @Test
    void decimalRoundingErrorNamesBadLiterals() {
        assertThatThrownBy(() -> FloatingPoint.decimalRoundingError("0x1p-3"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"0x1p-3\" is not a decimal number");
        assertThatThrownBy(() -> FloatingPoint.decimalRoundingError("1e400"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1e400")
                .hasMessageContaining("Infinity");
    }

    /// $\mathrm{fl}(10^{16} + 1) = 10^{16}$: a tie, broken towards the even significand. The
    /// threshold $\mathrm{ulp}/2$ is checked on random pairs: strictly below, always absorbed; strictly
    /// above, never.
    @Test
    void absorptionHappensBelowHalfAnUlp() {
        assertThat(FloatingPoint.absorbs(1e16, 1.0)).isTrue();
        assertThat(1e16 + 3.0).isEqualTo(1e16 + 4.0);
        assertThat(FloatingPoint.absorbs(1e16, 1.0000001)).isFalse();
        assertThat(FloatingPoint.absorbs(1.0, 0x1.0p-53)).isTrue(); // tie, 1 is even
        assertThat(FloatingPoint.absorbs(1.0, -0x1.0p-53)).isFalse(); // the gap below 1 is 2^-53
        assertThat(FloatingPoint.absorbs(1.0, -0x1.0p-54)).isTrue(); // tie below 1

        SplittableRandom rng = new SplittableRandom(3L);
        for (int trial = 0; trial < 5000; trial++) {
            double big = (rng.nextBoolean() ? 1 : -1) * Math.scalb(1 + rng.nextDouble(), rng.nextInt(-1000, 1000));
            double half = FloatingPoint.ulp(big) / 2;
            double sign = rng.nextBoolean() ? 1 : -1;
            double absorbed = sign * half * rng.nextDouble() / 2; // below ulp/4: absorbed on either side
            double kept = sign * half * (1 + rng.nextDouble() + 0x1.0p-20);
            assertThat(FloatingPoint.absorbs(big, absorbed))
                    .as("%s + %s", big, absorbed)
                    .isTrue();
            assertThat(FloatingPoint.absorbs(big, kept))
                    .as("%s + %s", big, kept)
                    .isFalse();
        }
        assertThatThrownBy(() -> FloatingPoint.absorbs(Double.POSITIVE_INFINITY, 1.0))
                .isInstanceOf(NonFiniteValueException.class)
                .hasMessageContaining("big");
    }

    /// Cancellation measured: decimal numbers $a = 1 + 10^{-k}\ldots$ rounded to doubles, minus
    /// $b = 1$ (exact), subtracted exactly (Sterbenz), against the exact decimal difference. The
    /// relative error is $|a\delta_a|/|a - 1| \le u|a|/|a - 1|$, which grows like $10^k$, and the
    /// largest one measured comes close to that bound.
    @Test
    void cancellationRevealsTheRoundingOfTheOperands() {
        SplittableRandom rng = new SplittableRandom(11L);
        double worstRatio = 0;
        for (int trial = 0; trial < 500; trial++) {
            int k = rng.nextInt(1, 16);
            String literal = "1." + "0".repeat(k - 1) + rng.nextInt(1, 10) + rng.nextInt(10_000_000, 100_000_000);
            BigDecimal a = new BigDecimal(literal);
            double difference = Double.parseDouble(literal) - 1.0; // exact: within a factor 2 of 1
            BigDecimal exact = a.subtract(BigDecimal.ONE);
            double measured = new BigDecimal(difference)
                    .subtract(exact)
                    .divide(exact, MathContext.DECIMAL128)
                    .abs()
                    .doubleValue();
            double bound = U * a.doubleValue() / exact.doubleValue();
            assertThat(measured).as(literal).isLessThanOrEqualTo(bound * (1 + 1e-9));
            worstRatio = Math.max(worstRatio, measured / bound);
        }
        assertThat(worstRatio).isGreaterThan(0.9);
    }

    /// `differenceError` against the error measured directly: exact operands $a, b$ near 1, computed
    /// operands a few ulps away, $(\hat a - \hat b) - (a - b)$ formed exactly. The formula
    /// $(a\delta_a - b\delta_b)/(a - b)$ is algebra; this checks it, and its bound
    /// $\max(|\delta_a|, |\delta_b|)(|a| + |b|)/|a - b|$.
    @Test
    void differenceErrorMatchesTheMeasuredErrorOfTheDifference() {
        SplittableRandom rng = new SplittableRandom(12L);
        for (int trial = 0; trial < 1000; trial++) {
            double a = 1 + rng.nextDouble() * 0x1.0p-20;
            double b = 1 + rng.nextDouble() * 0x1.0p-20;
            double aHat = a + rng.nextInt(-3, 4) * Math.ulp(a);
            double bHat = b + rng.nextInt(-3, 4) * Math.ulp(b);
            BigDecimal exactA = new BigDecimal(a);
            BigDecimal exactB = new BigDecimal(b);
            BigDecimal exact = exactA.subtract(exactB);
            double measured = new BigDecimal(aHat)
                    .subtract(new BigDecimal(bHat))
                    .subtract(exact)
                    .divide(exact, MathContext.DECIMAL128)
                    .abs()
                    .doubleValue();
            double deltaA = new BigDecimal(aHat)
                    .subtract(exactA)
                    .divide(exactA, MathContext.DECIMAL128)
                    .doubleValue();
            double deltaB = new BigDecimal(bHat)
                    .subtract(exactB)
                    .divide(exactB, MathContext.DECIMAL128)
                    .doubleValue();
            // deltaA and deltaB (at most 6u) are rounded to doubles, each with relative error u; the
            // result inherits about 12u² in the numerator, divided by |a − b| = 2/kappa.
            double kappa = (Math.abs(a) + Math.abs(b)) / Math.abs(a - b);
            assertThat(FloatingPoint.differenceError(a, deltaA, b, deltaB))
                    .isCloseTo(measured, within(16 * U * U * kappa));
            double bound = Math.max(Math.abs(deltaA), Math.abs(deltaB)) * kappa;
            assertThat(measured).isLessThanOrEqualTo(bound * (1 + 1e-12));
        }
        assertThat(FloatingPoint.differenceError(1.0, U, 1.0, 0.0)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(FloatingPoint.differenceError(1.0, U, 1.0, U)).isZero();
        // a = 1 + 2^-30, b = 1, δa = u, δb = −u: (a u + u) / 2^-30 = (2 + 2^-30) 2^30 u.
        assertThat(FloatingPoint.differenceError(1 + 0x1.0p-30, U, 1.0, -U)).isEqualTo((2 + 0x1.0p-30) * 0x1.0p30 * U);
        assertThatThrownBy(() -> FloatingPoint.differenceError(1.0, Double.NaN, 1.0, 0.0))
                .isInstanceOf(NonFiniteValueException.class)
                .hasMessageContaining("deltaA");
    }
}
