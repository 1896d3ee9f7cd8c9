package dev.lemma.calculus;

/// A dual number $a + b\varepsilon$ with $\varepsilon^2 = 0$: a value and a derivative carried
/// together. Forward-mode automatic differentiation in one line: for any $f$ built from these
/// operations, $f(x + \varepsilon) = f(x) + f'(x)\varepsilon$, because the Taylor series of $f$ at $x$
/// stops after its first term when $\varepsilon^2 = 0$. Each operation applies the chain rule to the
/// derivative beside its value, $g(a + b\varepsilon) = g(a) + g'(a) b \varepsilon$, so the derivative
/// is exact to rounding: there is no step and no truncation error.
///
/// Non-finite values propagate as IEEE 754 says; at a point where the derivative does not exist
/// (`sqrt` and `log` at 0, `pow` of 0 to a power below 1) the derivative part is infinite or NaN.
///
/// References: Clifford, "Preliminary sketch of biquaternions", Proc. London Math. Soc. 1873 (dual
/// numbers); Griewank & Walther, *Evaluating Derivatives*, 2nd ed., SIAM 2008, ch. 3 (forward mode).
///
/// Book: chapter 2, section "Forward-mode automatic differentiation".
///
/// @param value $a$, the value
/// @param derivative $b$, the derivative (the tangent)
public record Dual(double value, double derivative) {

    /// The independent variable at `x`: $x + 1\varepsilon$, i.e. $dx/dx = 1$.
    ///
    /// @param x the point
    /// @return $x + \varepsilon$
    public static Dual variable(double x) {
        return new Dual(x, 1.0);
    }

    /// A constant: $c + 0\varepsilon$.
    ///
    /// @param c the value
    /// @return $c + 0\varepsilon$
    public static Dual constant(double c) {
        return new Dual(c, 0.0);
    }

    /// @param y the other operand
    /// @return $(a + c) + (b + d)\varepsilon$
    public Dual plus(Dual y) {
        return new Dual(value + y.value, derivative + y.derivative);
    }

    /// @param c a constant
    /// @return $(a + c) + b\varepsilon$
    public Dual plus(double c) {
        return new Dual(value + c, derivative);
    }

    /// @param y the other operand
    /// @return $(a - c) + (b - d)\varepsilon$
    public Dual minus(Dual y) {
        return new Dual(value - y.value, derivative - y.derivative);
    }

    /// @param c a constant
    /// @return $(a - c) + b\varepsilon$
    public Dual minus(double c) {
        return new Dual(value - c, derivative);
    }

    /// @return $-a - b\varepsilon$
    public Dual negate() {
        return new Dual(-value, -derivative);
    }

    /// The product rule: $(a + b\varepsilon)(c + d\varepsilon) = ac + (ad + bc)\varepsilon$.
    ///
    /// @param y the other operand
    /// @return the product
    public Dual times(Dual y) {
        return new Dual(value * y.value, value * y.derivative + derivative * y.value);
    }

    /// @param c a constant
    /// @return $ca + cb\varepsilon$
    public Dual times(double c) {
        return new Dual(c * value, c * derivative);
    }

    /// The quotient rule: $\frac{a + b\varepsilon}{c + d\varepsilon} = \frac{a}{c} + \frac{bc -
    /// ad}{c^2}\varepsilon$.
    ///
    /// @param y the divisor
    /// @return the quotient (infinite or NaN parts if $c = 0$)
    public Dual divide(Dual y) {
        double q = value / y.value;
        return new Dual(q, (derivative - q * y.derivative) / y.value);
    }

    /// @param c a constant
    /// @return $a/c + (b/c)\varepsilon$
    public Dual divide(double c) {
        return new Dual(value / c, derivative / c);
    }

    /// $(a + b\varepsilon)^p = a^p + p a^{p-1} b \varepsilon$ for a constant exponent $p$.
    ///
    /// @param p the exponent
    /// @return the power
    public Dual pow(double p) {
        if (p == 0.0) {
            return constant(1.0);
        }
        return new Dual(Math.pow(value, p), p * Math.pow(value, p - 1) * derivative);
    }

    /// $x^y = e^{y \log x}$ for a dual exponent: derivative $x^y (y' \log x + y x'/x)$. Needs $x > 0$
    /// wherever the exponent's derivative is non-zero.
    ///
    /// @param y the exponent
    /// @return the power
    public Dual pow(Dual y) {
        double v = Math.pow(value, y.value);
        double dy = y.derivative == 0.0 ? 0.0 : y.derivative * Math.log(value);
        return new Dual(v, v * (dy + y.value * derivative / value));
    }

    /// @return $e^a + e^a b \varepsilon$
    public Dual exp() {
        double e = Math.exp(value);
        return new Dual(e, e * derivative);
    }

    /// @return $\log a + (b / a)\varepsilon$
    public Dual log() {
        return new Dual(Math.log(value), derivative / value);
    }

    /// @return $\sin a + b \cos a\,\varepsilon$
    public Dual sin() {
        return new Dual(Math.sin(value), Math.cos(value) * derivative);
    }

    /// @return $\cos a - b \sin a\,\varepsilon$
    public Dual cos() {
        return new Dual(Math.cos(value), -Math.sin(value) * derivative);
    }

    /// $\tanh' = 1 - \tanh^2 = 1/\cosh^2$; the derivative is computed as $b / \cosh^2 a$, because
    /// $1 - \tanh^2 a$ cancels catastrophically once $\tanh a \approx \pm 1$ (relative error
    /// $u e^{2|a|}$). For $|a| > 355$, $\cosh^2 a$ overflows and the derivative is correctly 0.
    ///
    /// @return $\tanh a + \frac{b}{\cosh^2 a}\varepsilon$
    public Dual tanh() {
        double c = Math.cosh(value);
        return new Dual(Math.tanh(value), derivative / (c * c));
    }

    /// @return $\sqrt{a} + \frac{b}{2\sqrt a}\varepsilon$
    public Dual sqrt() {
        double r = Math.sqrt(value);
        return new Dual(r, derivative / (2 * r));
    }

    /// The logistic sigmoid $\sigma(a) = 1 / (1 + e^{-a})$, with $\sigma' = \sigma(1 - \sigma)$.
    /// Evaluated as $e^{a} / (1 + e^{a})$ for $a < 0$ so that neither branch overflows.
    ///
    /// @return $\sigma(a) + b\,\sigma(a)(1 - \sigma(a))\varepsilon$
    public Dual sigmoid() {
        double s;
        if (value >= 0) {
            s = 1 / (1 + Math.exp(-value));
        } else {
            double e = Math.exp(value);
            s = e / (1 + e);
        }
        return new Dual(s, s * (1 - s) * derivative);
    }
}
