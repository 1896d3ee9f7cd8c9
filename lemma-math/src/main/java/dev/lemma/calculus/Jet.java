package dev.lemma.calculus;

import dev.lemma.numeric.Checks;
import java.util.Arrays;

/// A truncated Taylor series $x(t) = \sum_{k=0}^{d} x_k t^k + O(t^{d+1})$: the coefficients of a
/// function of $t$ at $t = 0$, up to degree $d$. Arithmetic on jets is arithmetic on the series with
/// every power above $t^d$ dropped, so evaluating $f$ on the jet of the identity, $x_0 + t$, yields the
/// Taylor coefficients $f^{(k)}(x_0) / k!$ exactly to rounding ([Taylor]). A [Dual] is the jet of
/// degree 1.
///
/// The operations and their recurrences (Griewank & Walther, *Evaluating Derivatives*, 2nd ed., SIAM
/// 2008, §13.2; Moore, *Interval Analysis*, 1966), each $O(d^2)$:
///
/// - product (Cauchy): $(xy)_k = \sum_{j=0}^{k} x_j y_{k-j}$;
/// - quotient $q = x/y$: $q_k = \bigl(x_k - \sum_{j=1}^{k} y_j q_{k-j}\bigr) / y_0$;
/// - $e = \exp x$, from $e' = x' e$: $e_k = \frac1k \sum_{j=1}^{k} j\, x_j e_{k-j}$;
/// - $l = \log x$, from $x l' = x'$: $l_k = \bigl(x_k - \frac1k \sum_{j=1}^{k-1} j\, l_j x_{k-j}\bigr)
///   / x_0$;
/// - $s = \sin x$, $c = \cos x$ together, from $s' = x' c$, $c' = -x' s$:
///   $s_k = \frac1k \sum_{j=1}^k j\, x_j c_{k-j}$, $c_k = -\frac1k \sum_{j=1}^k j\, x_j s_{k-j}$;
/// - $r = \sqrt{x}$, from $r^2 = x$: $r_k = \bigl(x_k - \sum_{j=1}^{k-1} r_j r_{k-j}\bigr) / (2 r_0)$;
/// - $p = x^a$ for a constant $a$, from $x p' = a x' p$:
///   $p_k = \frac{1}{k x_0} \sum_{j=1}^{k} (a j - k + j)\, x_j p_{k-j}$.
///
/// Two jets combine only if they have the same degree. Non-finite coefficients propagate; at $x_0 = 0$
/// the recurrences of `log`, `sqrt`, `pow` and the quotient divide by zero and give infinite or NaN
/// coefficients, as the function has no Taylor series there.
///
/// Book: chapter 2, section "Taylor series".
public final class Jet {
    private final double[] c;

    private Jet(double[] coefficients) {
        this.c = coefficients;
    }

    /// The jet with the given coefficients $x_0, \dots, x_d$ (copied).
    ///
    /// @param coefficients $x_0, \dots, x_d$, at least one
    /// @return the jet of degree $d$
    /// @throws IllegalArgumentException if no coefficient is given
    public static Jet of(double... coefficients) {
        Checks.argument(coefficients.length >= 1, "a jet needs at least the coefficient x_0");
        return new Jet(coefficients.clone());
    }

    /// The independent variable $x_0 + t$ of degree `degree`.
    ///
    /// @param x0 the point of expansion
    /// @param degree $d \ge 0$
    /// @return $(x_0, 1, 0, \dots, 0)$ (just $(x_0)$ for $d = 0$)
    /// @throws IllegalArgumentException if `degree < 0`
    public static Jet variable(double x0, int degree) {
        double[] c = new double[Checks.nonNegative("degree", degree) + 1];
        c[0] = x0;
        if (degree >= 1) {
            c[1] = 1.0;
        }
        return new Jet(c);
    }

    /// The constant $a$ as a jet of degree `degree`.
    ///
    /// @param a the constant
    /// @param degree $d \ge 0$
    /// @return $(a, 0, \dots, 0)$
    /// @throws IllegalArgumentException if `degree < 0`
    public static Jet constant(double a, int degree) {
        double[] c = new double[Checks.nonNegative("degree", degree) + 1];
        c[0] = a;
        return new Jet(c);
    }

    /// @return $d$, the degree of truncation
    public int degree() {
        return c.length - 1;
    }

    /// @param k an index in $[0, d]$
    /// @return $x_k$
    /// @throws IndexOutOfBoundsException if `k` is outside $[0, d]$
    public double coefficient(int k) {
        return c[Checks.index("k", k, c.length)];
    }

    /// @return a copy of $x_0, \dots, x_d$
    public double[] coefficients() {
        return c.clone();
    }

    /// @param y a jet of the same degree
    /// @return $x + y$
    /// @throws dev.lemma.numeric.DimensionMismatchException if the degrees differ
    public Jet plus(Jet y) {
        sameDegree("x + y", y);
        double[] r = new double[c.length];
        for (int k = 0; k < r.length; k++) {
            r[k] = c[k] + y.c[k];
        }
        return new Jet(r);
    }

    /// @param a a constant
    /// @return $x + a$
    public Jet plus(double a) {
        double[] r = c.clone();
        r[0] += a;
        return new Jet(r);
    }

    /// @param y a jet of the same degree
    /// @return $x - y$
    /// @throws dev.lemma.numeric.DimensionMismatchException if the degrees differ
    public Jet minus(Jet y) {
        return plus(y.negate());
    }

    /// @param a a constant
    /// @return $x - a$
    public Jet minus(double a) {
        return plus(-a);
    }

    /// @return $-x$
    public Jet negate() {
        return times(-1.0);
    }

    /// @param a a constant
    /// @return $a x$
    public Jet times(double a) {
        double[] r = new double[c.length];
        for (int k = 0; k < r.length; k++) {
            r[k] = a * c[k];
        }
        return new Jet(r);
    }

    /// The Cauchy product, truncated: $(xy)_k = \sum_{j=0}^{k} x_j y_{k-j}$.
    ///
    /// @param y a jet of the same degree
    /// @return $xy$
    /// @throws dev.lemma.numeric.DimensionMismatchException if the degrees differ
    public Jet times(Jet y) {
        sameDegree("x·y", y);
        double[] r = new double[c.length];
        for (int k = 0; k < r.length; k++) {
            double s = 0.0;
            for (int j = 0; j <= k; j++) {
                s += c[j] * y.c[k - j];
            }
            r[k] = s;
        }
        return new Jet(r);
    }

    /// $q = x / y$: $q_k = (x_k - \sum_{j=1}^{k} y_j q_{k-j}) / y_0$.
    ///
    /// @param y a jet of the same degree
    /// @return $x / y$
    /// @throws dev.lemma.numeric.DimensionMismatchException if the degrees differ
    public Jet divide(Jet y) {
        sameDegree("x / y", y);
        double[] q = new double[c.length];
        for (int k = 0; k < q.length; k++) {
            double s = c[k];
            for (int j = 1; j <= k; j++) {
                s -= y.c[j] * q[k - j];
            }
            q[k] = s / y.c[0];
        }
        return new Jet(q);
    }

    /// $e_k = \frac1k \sum_{j=1}^{k} j\, x_j e_{k-j}$, $e_0 = e^{x_0}$.
    ///
    /// @return $\exp x$
    public Jet exp() {
        double[] e = new double[c.length];
        e[0] = Math.exp(c[0]);
        for (int k = 1; k < e.length; k++) {
            double s = 0.0;
            for (int j = 1; j <= k; j++) {
                s += j * c[j] * e[k - j];
            }
            e[k] = s / k;
        }
        return new Jet(e);
    }

    /// $l_k = (x_k - \frac1k \sum_{j=1}^{k-1} j\, l_j x_{k-j}) / x_0$, $l_0 = \log x_0$.
    ///
    /// @return $\log x$
    public Jet log() {
        double[] l = new double[c.length];
        l[0] = Math.log(c[0]);
        for (int k = 1; k < l.length; k++) {
            double s = 0.0;
            for (int j = 1; j < k; j++) {
                s += j * l[j] * c[k - j];
            }
            l[k] = (c[k] - s / k) / c[0];
        }
        return new Jet(l);
    }

    /// @return $\sin x$ (computed with $\cos x$, see the class comment)
    public Jet sin() {
        return sinCos()[0];
    }

    /// @return $\cos x$ (computed with $\sin x$, see the class comment)
    public Jet cos() {
        return sinCos()[1];
    }

    private Jet[] sinCos() {
        double[] s = new double[c.length];
        double[] co = new double[c.length];
        s[0] = Math.sin(c[0]);
        co[0] = Math.cos(c[0]);
        for (int k = 1; k < s.length; k++) {
            double ss = 0.0;
            double sc = 0.0;
            for (int j = 1; j <= k; j++) {
                ss += j * c[j] * co[k - j];
                sc += j * c[j] * s[k - j];
            }
            s[k] = ss / k;
            co[k] = -sc / k;
        }
        return new Jet[] {new Jet(s), new Jet(co)};
    }

    /// $r_k = (x_k - \sum_{j=1}^{k-1} r_j r_{k-j}) / (2 r_0)$, $r_0 = \sqrt{x_0}$.
    ///
    /// @return $\sqrt{x}$
    public Jet sqrt() {
        double[] r = new double[c.length];
        r[0] = Math.sqrt(c[0]);
        for (int k = 1; k < r.length; k++) {
            double s = c[k];
            for (int j = 1; j < k; j++) {
                s -= r[j] * r[k - j];
            }
            r[k] = s / (2 * r[0]);
        }
        return new Jet(r);
    }

    /// $p = x^a$ for a constant $a$: $p_k = \frac{1}{k x_0} \sum_{j=1}^{k} (a j - k + j)\, x_j p_{k-j}$,
    /// $p_0 = x_0^a$. Needs $x_0 \ne 0$ for degree $\ge 1$.
    ///
    /// @param a the exponent
    /// @return $x^a$
    public Jet pow(double a) {
        double[] p = new double[c.length];
        p[0] = Math.pow(c[0], a);
        for (int k = 1; k < p.length; k++) {
            double s = 0.0;
            for (int j = 1; j <= k; j++) {
                s += (a * j - k + j) * c[j] * p[k - j];
            }
            p[k] = s / (k * c[0]);
        }
        return new Jet(p);
    }

    private void sameDegree(String operation, Jet y) {
        Checks.dimensions(
                c.length == y.c.length, "%s: x has degree %d but y has degree %d", operation, degree(), y.degree());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Jet j && Arrays.equals(c, j.c);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(c);
    }

    @Override
    public String toString() {
        return "Jet" + Arrays.toString(c);
    }
}
