package dev.lemma.calculus;

/// A hyper-dual number $a + b\varepsilon_1 + c\varepsilon_2 + d\varepsilon_1\varepsilon_2$ with
/// $\varepsilon_1^2 = \varepsilon_2^2 = 0$, $\varepsilon_1\varepsilon_2 \ne 0$: forward mode over
/// forward mode, a dual number whose parts are dual numbers. Seeding $x + u\varepsilon_1 +
/// v\varepsilon_2$ and evaluating $f$ gives
/// $$f(x) + \nabla f \cdot u\,\varepsilon_1 + \nabla f \cdot v\,\varepsilon_2 + u^\top \nabla^2 f(x)\,
/// v\,\varepsilon_1\varepsilon_2,$$
/// second derivatives exact to rounding from $f$ alone (no gradient written by hand, no step).
///
/// Every elementary function $g$ acts by its Taylor expansion, which stops at second order:
/// $g(a + b\varepsilon_1 + c\varepsilon_2 + d\varepsilon_1\varepsilon_2) = g(a) + g'(a) b\varepsilon_1
/// + g'(a) c\varepsilon_2 + (g'(a) d + g''(a) bc)\varepsilon_1\varepsilon_2$ ([#chain]).
///
/// Non-finite values propagate; where $g$ has no first or second derivative (`log`, `sqrt` at 0) the
/// parts are infinite or NaN.
///
/// Reference: Fike & Alonso, "The development of hyper-dual numbers for exact second-derivative
/// calculations", AIAA paper 2011-886.
///
/// Book: chapter 2, section "Forward-mode automatic differentiation".
///
/// @param value $a$
/// @param e1 $b$, the $\varepsilon_1$ part
/// @param e2 $c$, the $\varepsilon_2$ part
/// @param e12 $d$, the $\varepsilon_1\varepsilon_2$ part
public record HyperDual(double value, double e1, double e2, double e12) {

    /// A constant: $c + 0\varepsilon_1 + 0\varepsilon_2 + 0\varepsilon_1\varepsilon_2$.
    ///
    /// @param c the value
    /// @return the constant
    public static HyperDual constant(double c) {
        return new HyperDual(c, 0, 0, 0);
    }

    /// $g$ applied through its value and first two derivatives at $a$ (the class comment's formula).
    ///
    /// @param g $g(a)$
    /// @param g1 $g'(a)$
    /// @param g2 $g''(a)$
    /// @return $g$ of this number
    public HyperDual chain(double g, double g1, double g2) {
        return new HyperDual(g, g1 * e1, g1 * e2, g1 * e12 + g2 * e1 * e2);
    }

    /// @param y the other operand
    /// @return the sum, part by part
    public HyperDual plus(HyperDual y) {
        return new HyperDual(value + y.value, e1 + y.e1, e2 + y.e2, e12 + y.e12);
    }

    /// @param c a constant
    /// @return $x + c$
    public HyperDual plus(double c) {
        return new HyperDual(value + c, e1, e2, e12);
    }

    /// @param y the other operand
    /// @return the difference, part by part
    public HyperDual minus(HyperDual y) {
        return new HyperDual(value - y.value, e1 - y.e1, e2 - y.e2, e12 - y.e12);
    }

    /// @param c a constant
    /// @return $x - c$
    public HyperDual minus(double c) {
        return new HyperDual(value - c, e1, e2, e12);
    }

    /// @return $-x$
    public HyperDual negate() {
        return new HyperDual(-value, -e1, -e2, -e12);
    }

    /// The product, with $\varepsilon_1\varepsilon_2$ part $a_x d_y + b_x c_y + c_x b_y + d_x a_y$.
    ///
    /// @param y the other operand
    /// @return $xy$
    public HyperDual times(HyperDual y) {
        return new HyperDual(
                value * y.value,
                value * y.e1 + e1 * y.value,
                value * y.e2 + e2 * y.value,
                value * y.e12 + e1 * y.e2 + e2 * y.e1 + e12 * y.value);
    }

    /// @param c a constant
    /// @return $cx$
    public HyperDual times(double c) {
        return new HyperDual(c * value, c * e1, c * e2, c * e12);
    }

    /// $x / y = x \cdot (1/y)$, with $1/y$ by [#chain] ($g' = -1/a^2$, $g'' = 2/a^3$).
    ///
    /// @param y the divisor
    /// @return $x / y$
    public HyperDual divide(HyperDual y) {
        double r = 1 / y.value;
        return times(y.chain(r, -r * r, 2 * r * r * r));
    }

    /// @param p a constant exponent
    /// @return $x^p$ ($g' = p a^{p-1}$, $g'' = p(p-1)a^{p-2}$)
    public HyperDual pow(double p) {
        if (p == 0.0) {
            return constant(1.0);
        }
        return chain(Math.pow(value, p), p * Math.pow(value, p - 1), p * (p - 1) * Math.pow(value, p - 2));
    }

    /// @return $e^x$
    public HyperDual exp() {
        double e = Math.exp(value);
        return chain(e, e, e);
    }

    /// @return $\log x$ ($g' = 1/a$, $g'' = -1/a^2$)
    public HyperDual log() {
        return chain(Math.log(value), 1 / value, -1 / (value * value));
    }

    /// @return $\sin x$
    public HyperDual sin() {
        double s = Math.sin(value);
        return chain(s, Math.cos(value), -s);
    }

    /// @return $\cos x$
    public HyperDual cos() {
        double c = Math.cos(value);
        return chain(c, -Math.sin(value), -c);
    }

    /// @return $\sqrt{x}$ ($g' = 1/(2\sqrt a)$, $g'' = -1/(4 a^{3/2})$)
    public HyperDual sqrt() {
        double r = Math.sqrt(value);
        return chain(r, 0.5 / r, -0.25 / (r * value));
    }

    /// @return $\tanh x$ ($g' = 1/\cosh^2 a$, $g'' = -2 \tanh a / \cosh^2 a$)
    public HyperDual tanh() {
        double t = Math.tanh(value);
        double c = Math.cosh(value);
        double sech2 = 1 / (c * c);
        return chain(t, sech2, -2 * t * sech2);
    }
}
