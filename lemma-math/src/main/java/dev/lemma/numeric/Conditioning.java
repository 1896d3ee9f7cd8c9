package dev.lemma.numeric;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.function.DoubleUnaryOperator;

/// Condition numbers: how much a problem magnifies a relative perturbation of its input, whatever
/// algorithm then solves it.
///
/// If an algorithm returns $\hat y = f(x + \Delta x)$ with $|\Delta x| \le \varepsilon |x|$ (backward
/// error $\varepsilon$), then to first order in $\varepsilon$
///
/// $$\frac{|\hat y - y|}{|y|} \le \kappa\, \varepsilon,$$
///
/// forward error $\le$ condition number $\times$ backward error. A backward-stable algorithm has
/// $\varepsilon$ a small multiple of $u = 2^{-53}$, so $\kappa = 10^k$ costs about $k$ of the 16
/// decimal digits, and no algorithm that sees only the rounded input can get them back. The
/// condition number of a linear system, $\kappa(A) = \sigma_{\max}/\sigma_{\min}$, lives with the
/// matrices: `Matrix.conditionNumber()` in `dev.lemma.linalg` (book chapter 1, Theorem 1.17).
///
/// References: N. J. Higham, *Accuracy and Stability of Numerical Algorithms*, 2nd ed., SIAM 2002,
/// §1.6 (condition numbers of functions), §3.1 (dot products) and §4.2 (sums); L. N. Trefethen and
/// D. Bau, *Numerical Linear Algebra*, SIAM 1997, lecture 12.
///
/// Book: chapter 7, section "Conditioning of a function".
public final class Conditioning {
    /// Digits kept when the ratio is formed in `BigDecimal`: 34 (IEEE decimal128), so that only the
    /// final conversion to a double rounds visibly.
    private static final MathContext DIVISION = MathContext.DECIMAL128;

    private Conditioning() {}

    /// The relative condition number of a differentiable scalar function at $x$,
    /// $\kappa_f(x) = |x f'(x) / f(x)|$.
    ///
    /// Derivation: $f(x + \Delta x) - f(x) = f'(x)\Delta x + O(\Delta x^2)$; divide by $f(x)$ and
    /// write $\Delta x = x \cdot (\Delta x / x)$. Examples: $\kappa_{\log}(x) = 1/|\log x|$, infinite
    /// at $x = 1$; $\kappa_{\exp}(x) = |x|$; $\kappa(x) = |x|/|x - a|$ for $f(x) = x - a$.
    ///
    /// At a zero of $f$ (with $x f'(x) \ne 0$) the relative condition number is $+\infty$: any
    /// relative perturbation of $x$ moves $f$ off zero by an infinite relative amount, and only the
    /// absolute error of $f(x)$ means anything there.
    ///
    /// @param f the function
    /// @param derivative its derivative $f'$
    /// @param x the point, finite
    /// @return $\kappa_f(x) \ge 0$, or $+\infty$ where $f(x) = 0 \ne x f'(x)$
    /// @throws NonFiniteValueException if `x`, $f(x)$ or $f'(x)$ is NaN or infinite, naming which and
    ///     the value of `x`
    /// @throws ArithmeticException if $f(x) = 0$ and $x f'(x) = 0$, where $\kappa$ is $0/0$ and
    ///     depends on higher derivatives
    public static double ofFunction(DoubleUnaryOperator f, DoubleUnaryOperator derivative, double x) {
        Checks.finite("x", x);
        double fx = f.applyAsDouble(x);
        double dfx = derivative.applyAsDouble(x);
        if (!Double.isFinite(fx)) {
            throw new NonFiniteValueException("f(x) must be finite but is " + fx + " at x = " + x);
        }
        if (!Double.isFinite(dfx)) {
            throw new NonFiniteValueException("f'(x) must be finite but is " + dfx + " at x = " + x);
        }
        double numerator = Math.abs(x * dfx);
        if (fx == 0.0) {
            if (numerator == 0.0) {
                throw new ArithmeticException("condition number is 0/0 at x = " + x + ": f(x) = 0 and x f'(x) = 0");
            }
            return Double.POSITIVE_INFINITY;
        }
        return numerator / Math.abs(fx);
    }

    /// The condition number of the sum $s = \sum_i x_i$ with respect to relative perturbations of the
    /// terms, $\kappa = \sum_i |x_i| / |\sum_i x_i| \ge 1$.
    ///
    /// Perturbing each $x_i$ to $x_i(1 + \varepsilon_i)$ with $|\varepsilon_i| \le \varepsilon$ moves the
    /// sum by $|\sum_i x_i \varepsilon_i| \le \varepsilon \sum_i |x_i|$, with equality when every
    /// $\varepsilon_i = \varepsilon\,\mathrm{sign}(x_i)$. So $\kappa = 1$ for terms of one sign, and it
    /// is unbounded when they cancel. The error bounds of [Summation] are bounds on
    /// $|\hat s - s|$ in terms of $\sum_i |x_i|$; dividing by $|s|$ turns them into relative errors
    /// $\kappa$ times a backward error, for example $\gamma_{n-1}\kappa$ for the plain loop.
    ///
    /// Both sums are formed exactly in `BigDecimal` (every double is a finite binary fraction), so
    /// $\kappa$ is right even when the sum cancels to a few units in the last place; only the final
    /// ratio is rounded. Cost: $n$ exact additions, whose length grows with the spread of the
    /// exponents; this is a tool for analysis, not for a hot loop.
    ///
    /// @param x the terms, not modified
    /// @return $\kappa$; $+\infty$ if the terms cancel exactly and are not all zero
    /// @throws IllegalArgumentException if `x` is empty
    /// @throws NonFiniteValueException naming the index of the first NaN or infinite term
    /// @throws ArithmeticException if every term is zero ($\kappa = 0/0$)
    public static double ofSum(double[] x) {
        Checks.argument(x.length > 0, "ofSum: x is empty (the condition number of an empty sum is 0/0)");
        Checks.finite("x", x);
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal sumOfAbs = BigDecimal.ZERO;
        for (double xi : x) {
            BigDecimal term = new BigDecimal(xi);
            sum = sum.add(term);
            sumOfAbs = sumOfAbs.add(term.abs());
        }
        return ratio(sumOfAbs, sum, "every term is zero");
    }

    /// The condition number of the dot product $x^\top y = \sum_i x_i y_i$ with respect to relative
    /// perturbations of the entries of one vector, $\kappa = \sum_i |x_i y_i| / |\sum_i x_i y_i|$: the
    /// condition number of the sum of the products. Perturbing both $x$ and $y$ by relative amounts
    /// up to $\varepsilon$ perturbs each product by up to $2\varepsilon + \varepsilon^2$, which doubles
    /// the first-order bound.
    ///
    /// The plain loop computes $\mathrm{fl}(x^\top y)$ with $|\mathrm{fl}(x^\top y) - x^\top y| \le
    /// \gamma_n \sum_i |x_i y_i|$ (Higham §3.1), a relative error of at most $\gamma_n \kappa$.
    /// Products and sums are formed exactly in `BigDecimal`, as in [#ofSum].
    ///
    /// @param x the first vector, not modified
    /// @param y the second vector, of the same length, not modified
    /// @return $\kappa$; $+\infty$ if the products cancel exactly and are not all zero
    /// @throws DimensionMismatchException if the lengths differ, naming both
    /// @throws IllegalArgumentException if the vectors are empty
    /// @throws NonFiniteValueException naming the vector and index of the first NaN or infinity
    /// @throws ArithmeticException if every product is zero ($\kappa = 0/0$)
    public static double ofDotProduct(double[] x, double[] y) {
        Checks.dimensions(
                x.length == y.length, "ofDotProduct: x has length %d but y has length %d", x.length, y.length);
        Checks.argument(x.length > 0, "ofDotProduct: x and y are empty (the condition number is 0/0)");
        Checks.finite("x", x);
        Checks.finite("y", y);
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal sumOfAbs = BigDecimal.ZERO;
        for (int i = 0; i < x.length; i++) {
            BigDecimal product = new BigDecimal(x[i]).multiply(new BigDecimal(y[i]));
            sum = sum.add(product);
            sumOfAbs = sumOfAbs.add(product.abs());
        }
        return ratio(sumOfAbs, sum, "every product x_i y_i is zero");
    }

    /// $\mathit{sumOfAbs} / |\mathit{sum}|$ rounded once, with the two degenerate cases.
    private static double ratio(BigDecimal sumOfAbs, BigDecimal sum, String whyUndefined) {
        if (sumOfAbs.signum() == 0) {
            throw new ArithmeticException("condition number is 0/0: " + whyUndefined);
        }
        if (sum.signum() == 0) {
            return Double.POSITIVE_INFINITY;
        }
        return sumOfAbs.divide(sum.abs(), DIVISION).doubleValue();
    }
}
