package dev.lemma.calculus;

import dev.lemma.numeric.Checks;
import java.util.Arrays;

/// The Taylor polynomial $p(x) = \sum_{k=0}^{d} a_k (x - x_0)^k$ of a function at $x_0$, with
/// $a_k = f^{(k)}(x_0) / k!$. Taylor's theorem: for $f$ with $d + 1$ continuous derivatives,
/// $f(x_0 + h) - p(x_0 + h) = \frac{f^{(d+1)}(\xi)}{(d+1)!} h^{d+1}$, an error $O(h^{d+1})$.
///
/// Evaluation is Horner's rule in $x - x_0$: $d$ multiplications and additions. A non-finite argument
/// or coefficient gives a NaN or infinite value, as IEEE 754 arithmetic does.
///
/// Book: chapter 2, section "Taylor series".
public final class TaylorPolynomial {
    private final double center;
    private final double[] a;

    /// The polynomial with the given centre and coefficients (copied).
    ///
    /// @param center $x_0$
    /// @param coefficients $a_0, \dots, a_d$, at least one
    /// @throws IllegalArgumentException if no coefficient is given
    public TaylorPolynomial(double center, double... coefficients) {
        Checks.argument(coefficients.length >= 1, "a Taylor polynomial needs at least the coefficient a_0");
        this.center = center;
        this.a = coefficients.clone();
    }

    /// @return $x_0$, the point of expansion
    public double center() {
        return center;
    }

    /// @return $d$, the order
    public int order() {
        return a.length - 1;
    }

    /// @param k an index in $[0, d]$
    /// @return $a_k = f^{(k)}(x_0) / k!$
    /// @throws IndexOutOfBoundsException if `k` is outside $[0, d]$
    public double coefficient(int k) {
        return a[Checks.index("k", k, a.length)];
    }

    /// @return a copy of $a_0, \dots, a_d$
    public double[] coefficients() {
        return a.clone();
    }

    /// The $k$-th derivative at the centre, $f^{(k)}(x_0) = k!\, a_k$.
    ///
    /// @param k an index in $[0, d]$
    /// @return $k!\, a_k$
    /// @throws IndexOutOfBoundsException if `k` is outside $[0, d]$
    public double derivative(int k) {
        double factorial = 1.0;
        for (int i = 2; i <= k; i++) {
            factorial *= i;
        }
        return coefficient(k) * factorial;
    }

    /// $p(x)$ by Horner's rule in $h = x - x_0$.
    ///
    /// @param x the argument
    /// @return $\sum_k a_k (x - x_0)^k$
    public double evaluate(double x) {
        double h = x - center;
        double p = a[a.length - 1];
        for (int k = a.length - 2; k >= 0; k--) {
            p = p * h + a[k];
        }
        return p;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TaylorPolynomial p && Double.compare(center, p.center) == 0 && Arrays.equals(a, p.a);
    }

    @Override
    public int hashCode() {
        return 31 * Double.hashCode(center) + Arrays.hashCode(a);
    }

    @Override
    public String toString() {
        return "TaylorPolynomial[center=" + center + ", coefficients=" + Arrays.toString(a) + "]";
    }
}
