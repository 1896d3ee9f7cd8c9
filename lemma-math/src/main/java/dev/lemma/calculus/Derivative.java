package dev.lemma.calculus;

import dev.lemma.numeric.Checks;
import dev.lemma.numeric.Tolerances;
import java.util.function.DoubleUnaryOperator;

/// Numerical derivatives of $f: \mathbb{R} \to \mathbb{R}$: forward, central and complex-step
/// differences, Richardson extrapolation of the central difference, and the second derivative.
///
/// ## Why the default steps are what they are
///
/// A difference quotient makes two errors. Truncation: Taylor's theorem gives
/// $\frac{f(x+h) - f(x)}{h} = f'(x) + \frac{h}{2} f''(\xi)$, an error $O(h)$, and
/// $\frac{f(x+h) - f(x-h)}{2h} = f'(x) + \frac{h^2}{6} f'''(\xi)$, an error $O(h^2)$. Rounding: each
/// value of $f$ carries a relative error about $u = 2^{-53}$, so the numerator is off by about
/// $u |f|$ and the quotient by about $u |f| / h$. The total, $\frac{h}{2}|f''| + \frac{u|f|}{h}$ for
/// the forward difference, is smallest at $h \propto \sqrt{u}$, where it is itself $O(\sqrt{u})
/// \approx 10^{-8}$; the central difference's $\frac{h^2}{6}|f'''| + \frac{u|f|}{h}$ is smallest at
/// $h \propto \sqrt[3]{u}$, with error $O(u^{2/3}) \approx 10^{-11}$. The constants depend on $f$,
/// which we do not know, so the defaults take them as 1 and scale the step with the point:
///
/// - forward: $h = \sqrt{u} \cdot \max(1, |x|) \approx 1.05 \times 10^{-8}$ for $|x| \le 1$;
/// - central: $h = \sqrt[3]{u} \cdot \max(1, |x|) \approx 4.8 \times 10^{-6}$;
/// - second derivative $\frac{f(x+h) - 2f(x) + f(x-h)}{h^2} = f'' + \frac{h^2}{12} f''''(\xi)$, with
///   rounding $4u|f|/h^2$: $h = u^{1/4} \cdot \max(1, |x|) \approx 1.0 \times 10^{-4}$, error
///   $O(\sqrt{u})$;
/// - complex step $f'(x) \approx \operatorname{Im} f(x + ih) / h$: no subtraction at all, so no
///   cancellation, and $h = 10^{-20}$ makes the $O(h^2)$ truncation far below $u$.
///
/// The factor $\max(1, |x|)$ keeps $x + h \ne x$ for large $|x|$ (a step must be a relative step
/// there). Each step is then rounded to $(x + h) - x$, so that the step the formula divides by is the
/// step actually taken (Numerical Recipes, 3rd ed., §5.7).
///
/// The differences evaluate $f$ on $[x - h, x + h]$ (Richardson on $[x - h_0, x + h_0]$, with the large
/// $h_0 = 0.1 \max(1, |x|)$), so $f$ must be defined there: $\log$ at $x = 10^{-7}$ with the central
/// step $4.8 \times 10^{-6}$ returns NaN. Near the edge of a domain, pass a smaller step or use the
/// complex step, which never leaves $x$ on the real axis.
///
/// ## Non-finite values
///
/// The point `x` and a given step must be finite (a step also positive): otherwise a
/// `NonFiniteValueException` or `IllegalArgumentException`. A NaN or infinity returned by `f` is not
/// an error: it propagates to the result, which is then NaN or infinite.
///
/// ## References
///
/// - Nocedal & Wright, *Numerical Optimization*, 2nd ed., §8.1 (steps $\sqrt{u}$ and $\sqrt[3]{u}$).
/// - Squire & Trapp, "Using complex variables to estimate derivatives of real functions", SIAM Review
///   40(1), 1998 (the complex step).
/// - Richardson, "The deferred approach to the limit", Phil. Trans. R. Soc. A 226, 1927; Ridders,
///   Adv. Eng. Software 4(2), 1982 (the tableau).
///
/// Book: chapter 2, section "The derivative as a limit", and chapter 7, section "Numerical differentiation".
public final class Derivative {
    private Derivative() {}

    /// $\sqrt{u} \approx 1.05 \times 10^{-8}$, the forward-difference step at $|x| \le 1$.
    public static final double FORWARD_STEP_FACTOR = Math.sqrt(Tolerances.UNIT_ROUNDOFF);

    /// $\sqrt[3]{u} \approx 4.8 \times 10^{-6}$, the central-difference step at $|x| \le 1$.
    public static final double CENTRAL_STEP_FACTOR = Math.cbrt(Tolerances.UNIT_ROUNDOFF);

    /// $u^{1/4} \approx 1.0 \times 10^{-4}$, the second-difference step at $|x| \le 1$.
    public static final double SECOND_STEP_FACTOR = Math.sqrt(Math.sqrt(Tolerances.UNIT_ROUNDOFF));

    /// $10^{-20}$, the complex step (Squire & Trapp 1998). Any $h$ with $h^2 |f'''| / 6 \ll u |f'|$ and
    /// $h$ well above the smallest normal double would do; $10^{-20}$ is the customary choice.
    public static final double COMPLEX_STEP = 1e-20;

    /// $0.1 \cdot \max(1, |x|)$, the first and largest step of the Richardson tableau: large, because
    /// extrapolation removes the truncation error and a large step keeps rounding ($u/h$) small.
    public static final double RICHARDSON_INITIAL_STEP_FACTOR = 0.1;

    /// Rows of the Richardson tableau by default: 6 steps $h_0, h_0/2, \dots, h_0/32$, which cancels
    /// the error terms up to $h^{10}$ and leaves rounding about $u/h_0 \cdot 2^5 \approx 10^{-13}$.
    public static final int RICHARDSON_LEVELS = 6;

    /// The forward-difference step $\sqrt{u} \cdot \max(1, |x|)$.
    ///
    /// @param x the point
    /// @return the default step at `x`
    public static double forwardStep(double x) {
        return FORWARD_STEP_FACTOR * Math.max(1.0, Math.abs(x));
    }

    /// The central-difference step $\sqrt[3]{u} \cdot \max(1, |x|)$.
    ///
    /// @param x the point
    /// @return the default step at `x`
    public static double centralStep(double x) {
        return CENTRAL_STEP_FACTOR * Math.max(1.0, Math.abs(x));
    }

    /// The second-difference step $u^{1/4} \cdot \max(1, |x|)$.
    ///
    /// @param x the point
    /// @return the default step at `x`
    public static double secondStep(double x) {
        return SECOND_STEP_FACTOR * Math.max(1.0, Math.abs(x));
    }

    /// The forward difference $\frac{f(x+h) - f(x)}{h}$ at the default step $\sqrt{u} \max(1,|x|)$;
    /// error $O(\sqrt{u})$. Two evaluations of `f`.
    ///
    /// @param f the function
    /// @param x the point
    /// @return an approximation of $f'(x)$
    /// @throws dev.lemma.numeric.NonFiniteValueException if `x` is not finite
    public static double forward(DoubleUnaryOperator f, double x) {
        Checks.finite("x", x);
        return forward(f, x, forwardStep(x));
    }

    /// The forward difference $\frac{f(x+h) - f(x)}{h}$ at step `h`: truncation error
    /// $\frac{h}{2}|f''|$, rounding error about $u|f|/h$.
    ///
    /// @param f the function
    /// @param x the point
    /// @param h the step
    /// @return an approximation of $f'(x)$
    /// @throws dev.lemma.numeric.NonFiniteValueException if `x` or `h` is not finite
    /// @throws IllegalArgumentException if `h <= 0`
    public static double forward(DoubleUnaryOperator f, double x, double h) {
        double step = exactStep(x, h);
        return (f.applyAsDouble(x + step) - f.applyAsDouble(x)) / step;
    }

    /// The central difference $\frac{f(x+h) - f(x-h)}{2h}$ at the default step
    /// $\sqrt[3]{u} \max(1,|x|)$; error $O(u^{2/3})$. Two evaluations of `f`.
    ///
    /// @param f the function
    /// @param x the point
    /// @return an approximation of $f'(x)$
    /// @throws dev.lemma.numeric.NonFiniteValueException if `x` is not finite
    public static double central(DoubleUnaryOperator f, double x) {
        Checks.finite("x", x);
        return central(f, x, centralStep(x));
    }

    /// The central difference $\frac{f(x+h) - f(x-h)}{2h}$ at step `h`: truncation error
    /// $\frac{h^2}{6}|f'''|$, rounding error about $u|f|/h$.
    ///
    /// @param f the function
    /// @param x the point
    /// @param h the step
    /// @return an approximation of $f'(x)$
    /// @throws dev.lemma.numeric.NonFiniteValueException if `x` or `h` is not finite
    /// @throws IllegalArgumentException if `h <= 0`
    public static double central(DoubleUnaryOperator f, double x, double h) {
        double step = exactStep(x, h);
        return (f.applyAsDouble(x + step) - f.applyAsDouble(x - step)) / (2 * step);
    }

    /// The complex-step derivative $f'(x) \approx \operatorname{Im} f(x + ih) / h$ at
    /// $h = 10^{-20}$. From $f(x + ih) = f(x) + ih f'(x) - \frac{h^2}{2} f''(x) - i\frac{h^3}{6}
    /// f'''(x) + \dots$, the imaginary part divided by $h$ is $f'(x) - \frac{h^2}{6} f'''(x) +
    /// O(h^4)$: no difference of nearly equal numbers is formed, so the result is accurate to a few
    /// $u$, whatever the step. `f` must be analytic and real on the real axis.
    ///
    /// @param f the function, written for a complex argument
    /// @param x the point
    /// @return $f'(x)$ to about working precision
    /// @throws dev.lemma.numeric.NonFiniteValueException if `x` is not finite
    public static double complexStep(ComplexFunction f, double x) {
        return complexStep(f, x, COMPLEX_STEP);
    }

    /// The complex-step derivative $\operatorname{Im} f(x + ih) / h$ at step `h`; truncation error
    /// $\frac{h^2}{6}|f'''|$, no cancellation.
    ///
    /// @param f the function, written for a complex argument
    /// @param x the point
    /// @param h the step
    /// @return an approximation of $f'(x)$
    /// @throws dev.lemma.numeric.NonFiniteValueException if `x` or `h` is not finite
    /// @throws IllegalArgumentException if `h <= 0`
    public static double complexStep(ComplexFunction f, double x, double h) {
        Checks.finite("x", x);
        checkStep(h);
        return f.apply(new Complex(x, h)).im() / h;
    }

    /// Richardson extrapolation of the central difference with the default first step
    /// $0.1 \max(1, |x|)$ and [#RICHARDSON_LEVELS] levels.
    ///
    /// @param f the function
    /// @param x the point
    /// @return an approximation of $f'(x)$, typically to $10^{-13}$ relative for smooth `f`
    /// @throws dev.lemma.numeric.NonFiniteValueException if `x` is not finite
    public static double richardson(DoubleUnaryOperator f, double x) {
        Checks.finite("x", x);
        return richardson(f, x, RICHARDSON_INITIAL_STEP_FACTOR * Math.max(1.0, Math.abs(x)), RICHARDSON_LEVELS);
    }

    /// Richardson extrapolation of the central difference. The central difference has an error
    /// expansion in even powers only, $D(h) = f'(x) + c_1 h^2 + c_2 h^4 + \dots$, so with
    /// $T_{k,0} = D(h_0 / 2^k)$ the combinations
    /// $T_{k,j} = \frac{4^j T_{k,j-1} - T_{k-1,j-1}}{4^j - 1}$ cancel one more term each:
    /// $T_{k,j} = f'(x) + O(h^{2j+2})$. Returns $T_{L-1,L-1}$ for `levels` $= L$; $2L$ evaluations.
    ///
    /// @param f the function
    /// @param x the point
    /// @param h0 the first (largest) step
    /// @param levels the number of steps $L \ge 1$ (1 is the plain central difference)
    /// @return an approximation of $f'(x)$
    /// @throws dev.lemma.numeric.NonFiniteValueException if `x` or `h0` is not finite
    /// @throws IllegalArgumentException if `h0 <= 0` or `levels < 1`
    public static double richardson(DoubleUnaryOperator f, double x, double h0, int levels) {
        Checks.finite("x", x);
        checkStep(h0);
        Checks.argument(levels >= 1, "levels must be ≥ 1 but is %d", levels);
        double[] previous = new double[levels];
        double[] current = new double[levels];
        double h = h0;
        for (int k = 0; k < levels; k++) {
            current[0] = central(f, x, h);
            double factor = 1.0;
            for (int j = 1; j <= k; j++) {
                factor *= 4.0;
                current[j] = (factor * current[j - 1] - previous[j - 1]) / (factor - 1.0);
            }
            double[] swap = previous;
            previous = current;
            current = swap;
            h *= 0.5;
        }
        return previous[levels - 1];
    }

    /// The second derivative by the central second difference $\frac{f(x+h) - 2f(x) + f(x-h)}{h^2}$
    /// at the default step $u^{1/4} \max(1, |x|)$; error $O(\sqrt{u})$. Three evaluations.
    ///
    /// @param f the function
    /// @param x the point
    /// @return an approximation of $f''(x)$
    /// @throws dev.lemma.numeric.NonFiniteValueException if `x` is not finite
    public static double second(DoubleUnaryOperator f, double x) {
        Checks.finite("x", x);
        return second(f, x, secondStep(x));
    }

    /// The second difference $\frac{f(x+h) - 2f(x) + f(x-h)}{h^2}$ at step `h`: truncation error
    /// $\frac{h^2}{12}|f''''|$, rounding error about $4u|f|/h^2$.
    ///
    /// @param f the function
    /// @param x the point
    /// @param h the step
    /// @return an approximation of $f''(x)$
    /// @throws dev.lemma.numeric.NonFiniteValueException if `x` or `h` is not finite
    /// @throws IllegalArgumentException if `h <= 0`
    public static double second(DoubleUnaryOperator f, double x, double h) {
        double step = exactStep(x, h);
        return (f.applyAsDouble(x + step) - 2 * f.applyAsDouble(x) + f.applyAsDouble(x - step)) / (step * step);
    }

    static void checkStep(double h) {
        Checks.finite("h", h);
        Checks.argument(h > 0, "the step h must be > 0 but is %s", h);
    }

    /// Checks `x` and `h`, then returns $(x + h) - x$: the step that is actually taken once $x + h$
    /// is rounded, so that the quotient divides by the true distance between the two points.
    static double exactStep(double x, double h) {
        Checks.finite("x", x);
        checkStep(h);
        double step = (x + h) - x;
        Checks.argument(step > 0, "the step h = %s vanishes next to x = %s (x + h == x)", h, x);
        return step;
    }
}
