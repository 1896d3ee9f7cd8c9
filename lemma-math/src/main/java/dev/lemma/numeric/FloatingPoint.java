package dev.lemma.numeric;

import java.math.BigDecimal;
import java.math.MathContext;

/// The IEEE 754 double made visible: its three fields, the spacing of its neighbours, its exact decimal
/// value, the error committed when a decimal literal is rounded to it, and the two ways addition and
/// subtraction lose digits (absorption and cancellation).
///
/// A finite double is $x = (-1)^s \cdot M \cdot 2^{e - 52}$ with an integer significand
/// $0 \le M < 2^{53}$ and an exponent $-1022 \le e \le 1023$. A *normal* double has
/// $2^{52} \le M < 2^{53}$, that is $x = \pm 1.f \times 2^e$ with 52 fraction bits $f$; a *subnormal*
/// one has $e = -1022$ and $M < 2^{52}$, so it fills the gap between 0 and
/// $2^{-1022}$ (`Double.MIN_NORMAL`) with the same spacing $2^{-1074}$ (`Double.MIN_VALUE`). Between
/// $2^e$ and $2^{e+1}$ there are $2^{52}$ doubles, evenly spaced $2^{e-52}$ apart: the spacing is
/// relative, which is why the relative error of one rounding is bounded by the same
/// $u = 2^{-53}$ ([Tolerances#UNIT_ROUNDOFF]) everywhere in the normal range.
///
/// Every method here is a small experiment on that representation; `BigDecimal`, which holds any
/// double exactly (a double is a finite binary fraction, hence a finite decimal one), serves as
/// the exact arithmetic against which the rounding is measured.
///
/// References: IEEE Std 754-2019, §3.4 (binary interchange format) and §4.3 (rounding);
/// N. J. Higham, *Accuracy and Stability of Numerical Algorithms*, 2nd ed., SIAM 2002, §2.1–2.2;
/// D. Goldberg, "What every computer scientist should know about floating-point arithmetic", *ACM
/// Computing Surveys* 23(1), 1991.
///
/// Book: chapter 0, section "The double and IEEE 754", and chapter 7, section "Errors".
public final class FloatingPoint {
    /// The number of fraction bits of a double, 52: the significand has $52 + 1$ bits with the
    /// implicit leading one.
    public static final int FRACTION_BITS = 52;

    /// The smallest exponent of a normal double, $-1022$ (IEEE 754 `emin`). Subnormals share it.
    public static final int MIN_EXPONENT = Double.MIN_EXPONENT;

    /// Digits kept when a relative error is divided out in `BigDecimal`: 34 (IEEE decimal128), far
    /// more than the 17 a double can hold, so the one rounding at the end is the only one that shows.
    private static final MathContext DIVISION = MathContext.DECIMAL128;

    private FloatingPoint() {}

    /// The fields of a finite double $x = (-1)^{\mathit{sign}} \cdot \mathit{significand} \cdot
    /// 2^{\mathit{exponent} - 52}$.
    ///
    /// @param sign 0 for $+$, 1 for $-$ (so $-0.0$ has sign 1)
    /// @param exponent the unbiased exponent $e$, in $[-1022, 1023]$ (the stored field minus the
    ///     bias 1023; subnormals and zero have $e = -1022$)
    /// @param significand the integer $M$, with the implicit leading bit: in $[2^{52}, 2^{53})$ for a
    ///     normal double, in $[0, 2^{52})$ for a subnormal one or zero
    /// @param subnormal whether $x$ is subnormal ($0 < |x| < 2^{-1022}$); zero is neither normal nor
    ///     subnormal, and has `false` here
    public record Parts(int sign, int exponent, long significand, boolean subnormal) {
        /// The significand in binary with the point after the leading bit, as the textbooks write it:
        /// `1.1001100110011001100110011001100110011001100110011010` for 0.1 (times $2^{-4}$), or
        /// `0.000…01` for `Double.MIN_VALUE`. Always 1 + 1 + 52 characters.
        ///
        /// @return the 53 significand bits as `b.bbb…b`
        public String significandBits() {
            String bits = Long.toBinaryString(significand | (1L << (FRACTION_BITS + 1)))
                    .substring(1);
            return bits.charAt(0) + "." + bits.substring(1);
        }
    }

    /// Splits a finite double into its sign, exponent and significand.
    ///
    /// The 64 bits of a double are 1 sign bit, 11 exponent bits holding $e + 1023$, and 52 fraction
    /// bits $f$. A stored exponent of 0 means subnormal (or zero): no implicit bit, $e = -1022$. So
    /// $M = 2^{52} + f$ for a normal number, $M = f$ otherwise, and in both cases
    /// $x = (-1)^s M\, 2^{e - 52}$ exactly.
    ///
    /// @param x a finite double
    /// @return its [Parts]
    /// @throws NonFiniteValueException if `x` is NaN or infinite (their exponent field is all ones
    ///     and they have no value to decompose)
    public static Parts decompose(double x) {
        Checks.finite("x", x);
        long bits = Double.doubleToRawLongBits(x);
        int sign = (int) (bits >>> 63);
        int storedExponent = (int) ((bits >>> FRACTION_BITS) & 0x7FF);
        long fraction = bits & ((1L << FRACTION_BITS) - 1);
        if (storedExponent == 0) {
            return new Parts(sign, MIN_EXPONENT, fraction, fraction != 0);
        }
        return new Parts(sign, storedExponent - Double.MAX_EXPONENT, (1L << FRACTION_BITS) | fraction, false);
    }

    /// The unit in the last place of $x$: the spacing $2^{e - 52}$ of the doubles in the binade
    /// $[2^e, 2^{e+1})$ that holds $|x|$, computed here from the exponent of [#decompose] (it agrees
    /// with `Math.ulp`).
    ///
    /// Facts worth knowing: $\mathrm{ulp}(1) = 2^{-52} = \varepsilon$, the machine epsilon
    /// ([Tolerances#MACHINE_EPSILON]); $\mathrm{ulp}(x) \le \varepsilon |x|$ for normal $x$, so rounding
    /// to nearest, which moves a number by at most half an ulp, has relative error at most
    /// $\varepsilon/2 = u$; all subnormals have ulp $2^{-1074}$. At a power of two $x = 2^e > 2^{-1022}$
    /// the gap *below* $x$ is $\mathrm{ulp}(x)/2$, because the doubles under $2^e$ belong to the binade
    /// below.
    ///
    /// Non-finite input: the ulp of $\pm\infty$ is $+\infty$ and of NaN is NaN, as for `Math.ulp`.
    ///
    /// @param x any double
    /// @return $2^{\max(e, -1022) - 52}$, positive for every finite `x` (including zero)
    public static double ulp(double x) {
        if (!Double.isFinite(x)) {
            return Math.abs(x);
        }
        return Math.scalb(1.0, decompose(x).exponent() - FRACTION_BITS);
    }

    /// The next double above $x$: $x + \mathrm{ulp}(x)$ for $0 \le x <$ `Double.MAX_VALUE`, and for
    /// $x < 0$ the neighbour towards zero, $x + \mathrm{ulp}(x)/2$ when $-x$ is a power of two above
    /// $2^{-1022}$ (the spacing halves below it) and $x + \mathrm{ulp}(x)$ otherwise. For positive
    /// doubles the order of the values is the order of their bit patterns as integers, so the next
    /// double is the bit pattern plus one: this is how `Math.nextUp`, which this method calls, works.
    ///
    /// Non-finite input: `next(NaN)` is NaN, `next(+∞)` is $+\infty$, `next(-∞)` is
    /// $-$`Double.MAX_VALUE`.
    ///
    /// @param x any double
    /// @return the smallest double greater than `x`
    public static double next(double x) {
        return Math.nextUp(x);
    }

    /// The next double below $x$, `Math.nextDown`: the mirror image of [#next]. For a power of two
    /// $x = 2^e > 2^{-1022}$ it is $x - \mathrm{ulp}(x)/2$, not $x - \mathrm{ulp}(x)$:
    /// `previous(1.0)` is $1 - 2^{-53}$.
    ///
    /// @param x any double
    /// @return the largest double less than `x`
    public static double previous(double x) {
        return Math.nextDown(x);
    }

    /// The exact decimal value of a double, every digit: 0.1 is stored as
    /// `0.1000000000000000055511151231257827021181583404541015625`.
    ///
    /// A double is $M \cdot 2^{k}$ with integer $M$ and $k$; for $k < 0$ that is
    /// $M \cdot 5^{-k} / 10^{-k}$, a decimal with $-k$ digits after the point, so the expansion always
    /// ends (after at most 1074 digits). `new BigDecimal(double)` is exact, unlike
    /// `BigDecimal.valueOf(double)`, which goes through the shortest decimal that rounds back to the
    /// double (`Double.toString`), here `0.1`.
    ///
    /// @param x a finite double ($-0.0$ gives `0`)
    /// @return its value in plain decimal notation, without exponent
    /// @throws NonFiniteValueException if `x` is NaN or infinite
    public static String exactDecimal(double x) {
        Checks.finite("x", x);
        return new BigDecimal(x).toPlainString();
    }

    /// The relative error $\delta$ committed when a decimal literal $d$ is rounded to the nearest
    /// double, $\mathrm{fl}(d) = d(1 + \delta)$, so $\delta = (\mathrm{fl}(d) - d)/d$: positive if the
    /// literal was rounded up. Both values are exact in `BigDecimal`, and the quotient is rounded only
    /// once, to 34 digits, before it becomes a double.
    ///
    /// For a literal in the normal range ($2^{-1022} \le |d| \le$ `Double.MAX_VALUE`),
    /// $|\delta| \le u = 2^{-53}$: the nearest double is at most half an ulp away, and
    /// $\mathrm{ulp} \le 2^{-52}|d|$. In the subnormal range only the absolute error is bounded (by
    /// $2^{-1075}$) and $|\delta|$ can reach $1/2$ or more. Example: `"0.1"` gives exactly
    /// $2^{-54} = u/2$, since $\mathrm{fl}(0.1) = 0.1\,(1 + 2^{-54})$.
    ///
    /// @param literal a decimal number as `BigDecimal` reads it (`"0.1"`, `"-2.5e-3"`); Java's `d`
    ///     and `f` suffixes and hexadecimal literals are not accepted
    /// @return $\delta$; 0 if the literal is exactly representable, including `"0"`
    /// @throws IllegalArgumentException if `literal` is not a decimal number, or if it lies beyond
    ///     `Double.MAX_VALUE` by so much that it rounds to infinity
    public static double decimalRoundingError(String literal) {
        BigDecimal d;
        try {
            d = new BigDecimal(literal.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("\"" + literal + "\" is not a decimal number", e);
        }
        double rounded = Double.parseDouble(literal.strip()); // what javac does with the literal
        Checks.argument(
                Double.isFinite(rounded), "\"%s\" is beyond the range of doubles: it rounds to %s", literal, rounded);
        if (d.signum() == 0) {
            return 0.0;
        }
        return new BigDecimal(rounded).subtract(d).divide(d, DIVISION).doubleValue();
    }

    /// The relative error of the difference $\hat a - \hat b$ of two values that carry relative errors,
    /// $\hat a = a(1 + \delta_a)$ and $\hat b = b(1 + \delta_b)$, assuming the subtraction itself
    /// is exact (it is when $\hat a$ and $\hat b$ are within a factor 2 of each other, by Sterbenz's
    /// lemma, which is exactly when cancellation occurs):
    ///
    /// $$\frac{(\hat a - \hat b) - (a - b)}{a - b} = \frac{a\delta_a - b\delta_b}{a - b},
    /// \qquad \left|\frac{a\delta_a - b\delta_b}{a - b}\right|
    /// \le \frac{|a| + |b|}{|a - b|}\,\max(|\delta_a|, |\delta_b|).$$
    ///
    /// The factor $(|a| + |b|)/|a - b|$ is the condition number of the sum $a + (-b)$
    /// ([Conditioning#ofSum]): when $a \approx b$ it is huge, and errors of size $u$ that were harmless
    /// in $a$ and $b$ become errors of order 1 in $a - b$. That is *catastrophic cancellation*: the
    /// subtraction commits no error of its own, it reveals the errors its operands already had.
    /// Computed in exact `BigDecimal` arithmetic, rounded once at the end.
    ///
    /// @param a the exact first operand
    /// @param deltaA the relative error $\delta_a$ carried by the computed $\hat a$
    /// @param b the exact second operand
    /// @param deltaB the relative error $\delta_b$ carried by the computed $\hat b$
    /// @return $|a\delta_a - b\delta_b| / |a - b|$; $+\infty$ if $a = b$ and $a\delta_a \ne b\delta_b$
    ///     (every digit of the zero difference is wrong), 0 if both are zero
    /// @throws NonFiniteValueException if an argument is NaN or infinite, naming it
    public static double differenceError(double a, double deltaA, double b, double deltaB) {
        Checks.finite("a", a);
        Checks.finite("deltaA", deltaA);
        Checks.finite("b", b);
        Checks.finite("deltaB", deltaB);
        BigDecimal error = new BigDecimal(a)
                .multiply(new BigDecimal(deltaA))
                .subtract(new BigDecimal(b).multiply(new BigDecimal(deltaB)))
                .abs();
        BigDecimal difference = new BigDecimal(a).subtract(new BigDecimal(b)).abs();
        if (difference.signum() == 0) {
            return error.signum() == 0 ? 0.0 : Double.POSITIVE_INFINITY;
        }
        return error.divide(difference, DIVISION).doubleValue();
    }

    /// Whether `small` vanishes when added to `big`: $\mathrm{fl}(\mathit{big} + \mathit{small}) =
    /// \mathit{big}$. This is *absorption*, the way a running sum loses small terms.
    ///
    /// The exact sum lies $|\mathit{small}|$ away from `big`, and rounding to nearest returns `big`
    /// when that is less than half the gap to `big`'s neighbour on that side. Away from zero the gap is
    /// $\mathrm{ulp}(\mathit{big})$, so `small` is absorbed if $|\mathit{small}| < \mathrm{ulp}/2$ and
    /// kept if $|\mathit{small}| > \mathrm{ulp}/2$; at exactly $\mathrm{ulp}/2$ the tie goes to the
    /// neighbour with an even significand (ties to even). Towards zero the gap is the same, except when
    /// $|\mathit{big}|$ is a power of two above $2^{-1022}$, where it is $\mathrm{ulp}/2$ and the
    /// threshold halves to $\mathrm{ulp}/4$. Example: $\mathrm{ulp}(10^{16}) = 2$, so $10^{16} + 1$ is
    /// a tie, and it rounds to $10^{16}$ because $10^{16} = 5 \cdot 10^{15} \cdot 2$ has the even
    /// significand $5 \cdot 10^{15}$: absorbed. $10^{16} + 3$ is a tie too, between $10^{16} + 2$ (odd
    /// significand) and $10^{16} + 4$ (even): it rounds up to $10^{16} + 4$.
    ///
    /// @param big the larger operand
    /// @param small the operand that may be lost
    /// @return `big + small == big`
    /// @throws NonFiniteValueException if either is NaN or infinite (an infinity absorbs every finite
    ///     number, which says nothing about rounding)
    public static boolean absorbs(double big, double small) {
        Checks.finite("big", big);
        Checks.finite("small", small);
        return big + small == big;
    }
}
