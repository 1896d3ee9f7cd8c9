package dev.lemma.calculus;

/// A function $f: \mathbb{R} \to \mathbb{R}$ written with [Dual] arithmetic, so that
/// $f(x + \varepsilon) = f(x) + f'(x)\varepsilon$ gives the exact derivative
/// ([ForwardMode#derivative(DualFunction, double)]).
@FunctionalInterface
public interface DualFunction {
    /// @param x the argument
    /// @return $f(x)$ with its derivative carried along
    Dual apply(Dual x);
}
