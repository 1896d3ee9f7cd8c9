package dev.lemma.calculus;

import dev.lemma.numeric.Checks;

/// Taylor polynomials of $f: \mathbb{R} \to \mathbb{R}$ at a point, with coefficients
/// $f^{(k)}(x_0) / k!$.
///
/// From a [JetFunction] the coefficients are exact to rounding, to any order: $f$ is evaluated once on
/// the jet $x_0 + t$ of degree $d$ (truncated Taylor arithmetic, see [Jet]), $O(d^2)$ per operation.
/// From a [DualFunction] only the first two coefficients are exact (a dual is a jet of degree 1):
/// [#expand(DualFunction, double)] gives the order-1 polynomial $f(x_0) + f'(x_0)(x - x_0)$. No
/// finite differences are used for higher orders, because the $k$-th difference loses about
/// $k/(k+2)$ of the digits ($u^{2/(k+2)}$ relative accuracy at the best step), leaving nothing by
/// order 5.
///
/// Non-finite values: $x_0$ must be finite (`NonFiniteValueException`); NaN from $f$ propagates into
/// the coefficients.
///
/// References: Griewank & Walther, *Evaluating Derivatives*, 2nd ed., SIAM 2008, ch. 13.
///
/// Book: chapter 2, section "Taylor series".
public final class Taylor {
    private Taylor() {}

    /// The Taylor polynomial of order `order` of `f` at `x0`, exact to rounding: the coefficients of
    /// $f(x_0 + t)$ computed on jets of degree `order`.
    ///
    /// @param f the function written with jets
    /// @param x0 the point of expansion
    /// @param order $d \ge 0$
    /// @return $\sum_{k=0}^{d} \frac{f^{(k)}(x_0)}{k!}(x - x_0)^k$
    /// @throws dev.lemma.numeric.NonFiniteValueException if `x0` is not finite
    /// @throws IllegalArgumentException if `order < 0`
    /// @throws dev.lemma.numeric.DimensionMismatchException if `f` returns a jet of another degree
    public static TaylorPolynomial expand(JetFunction f, double x0, int order) {
        Checks.finite("x0", x0);
        Checks.nonNegative("order", order);
        Jet y = f.apply(Jet.variable(x0, order));
        Checks.dimensions(
                y.degree() == order, "f returned a jet of degree %d for an input of degree %d", y.degree(), order);
        return new TaylorPolynomial(x0, y.coefficients());
    }

    /// The Taylor polynomial of order 1 of `f` at `x0` from dual numbers: $f(x_0) + f'(x_0)(x - x_0)$,
    /// exact to rounding (the tangent line).
    ///
    /// @param f the function written with duals
    /// @param x0 the point of expansion
    /// @return the order-1 Taylor polynomial
    /// @throws dev.lemma.numeric.NonFiniteValueException if `x0` is not finite
    public static TaylorPolynomial expand(DualFunction f, double x0) {
        Checks.finite("x0", x0);
        Dual y = f.apply(Dual.variable(x0));
        return new TaylorPolynomial(x0, y.value(), y.derivative());
    }
}
