package dev.lemma.calculus;

/// A complex number $z = a + i b$, with only the operations the complex-step derivative needs
/// ([Derivative#complexStep(ComplexFunction, double)]): arithmetic and the elementary functions, each
/// the analytic continuation of its real namesake.
///
/// The elementary functions are written so that a tiny imaginary part is carried without cancellation:
/// for $z = x + i h$ with $h = 10^{-20}$, $\sin z = \sin x \cosh h + i \cos x \sinh h$ keeps
/// $\operatorname{Im} \sin z = h \cos x$ to full relative accuracy. Non-finite parts propagate as
/// IEEE 754 says.
///
/// @param re the real part $a$
/// @param im the imaginary part $b$
public record Complex(double re, double im) {

    /// The real number `x` as a complex number $x + 0i$.
    ///
    /// @param x the real part
    /// @return $x + 0 i$
    public static Complex real(double x) {
        return new Complex(x, 0.0);
    }

    /// @param w the other operand
    /// @return $z + w$
    public Complex plus(Complex w) {
        return new Complex(re + w.re, im + w.im);
    }

    /// @param c a real number
    /// @return $z + c$
    public Complex plus(double c) {
        return new Complex(re + c, im);
    }

    /// @param w the other operand
    /// @return $z - w$
    public Complex minus(Complex w) {
        return new Complex(re - w.re, im - w.im);
    }

    /// @param c a real number
    /// @return $z - c$
    public Complex minus(double c) {
        return new Complex(re - c, im);
    }

    /// $(a + ib)(c + id) = (ac - bd) + i(ad + bc)$.
    ///
    /// @param w the other operand
    /// @return $z w$
    public Complex times(Complex w) {
        return new Complex(re * w.re - im * w.im, re * w.im + im * w.re);
    }

    /// @param c a real number
    /// @return $c z$
    public Complex times(double c) {
        return new Complex(c * re, c * im);
    }

    /// $z / w = z \bar w / |w|^2$, scaled as in Smith's algorithm (Smith 1962, CACM 5(8)) so that
    /// $|w|^2$ does not overflow or underflow.
    ///
    /// @param w the divisor
    /// @return $z / w$ (infinite or NaN parts if $w = 0$, as for real division)
    public Complex divide(Complex w) {
        if (Math.abs(w.re) >= Math.abs(w.im)) {
            double r = w.im / w.re;
            double d = w.re + w.im * r;
            return new Complex((re + im * r) / d, (im - re * r) / d);
        }
        double r = w.re / w.im;
        double d = w.re * r + w.im;
        return new Complex((re * r + im) / d, (im * r - re) / d);
    }

    /// @return $-z$
    public Complex negate() {
        return new Complex(-re, -im);
    }

    /// $e^{a + ib} = e^a(\cos b + i \sin b)$.
    ///
    /// @return $e^z$
    public Complex exp() {
        double m = Math.exp(re);
        return new Complex(m * Math.cos(im), m * Math.sin(im));
    }

    /// The principal logarithm $\log z = \log|z| + i \arg z$, with $\arg z \in (-\pi, \pi]$.
    ///
    /// @return $\log z$
    public Complex log() {
        return new Complex(Math.log(Math.hypot(re, im)), Math.atan2(im, re));
    }

    /// $\sin(a + ib) = \sin a \cosh b + i \cos a \sinh b$.
    ///
    /// @return $\sin z$
    public Complex sin() {
        return new Complex(Math.sin(re) * Math.cosh(im), Math.cos(re) * Math.sinh(im));
    }

    /// $\cos(a + ib) = \cos a \cosh b - i \sin a \sinh b$.
    ///
    /// @return $\cos z$
    public Complex cos() {
        return new Complex(Math.cos(re) * Math.cosh(im), -Math.sin(re) * Math.sinh(im));
    }

    /// The principal square root, $\sqrt{z} = e^{\frac12 \log z}$ computed without the logarithm:
    /// $\sqrt{|z|}$ in modulus, half the argument.
    ///
    /// @return $\sqrt{z}$ with non-negative real part
    public Complex sqrt() {
        double modulus = Math.hypot(re, im);
        double t = Math.sqrt(0.5 * (modulus + Math.abs(re)));
        if (t == 0.0) {
            return new Complex(0.0, 0.0);
        }
        return re >= 0 ? new Complex(t, im / (2 * t)) : new Complex(Math.abs(im) / (2 * t), Math.copySign(t, im));
    }

    /// $z^n$ for a whole number `n`, by repeated squaring (negative `n` gives $1 / z^{|n|}$).
    ///
    /// @param n the exponent
    /// @return $z^n$
    public Complex pow(int n) {
        Complex result = real(1.0);
        Complex base = this;
        long k = Math.abs((long) n);
        while (k > 0) {
            if ((k & 1) == 1) {
                result = result.times(base);
            }
            base = base.times(base);
            k >>= 1;
        }
        return n < 0 ? real(1.0).divide(result) : result;
    }
}
