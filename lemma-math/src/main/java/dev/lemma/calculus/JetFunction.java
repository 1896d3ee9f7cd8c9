package dev.lemma.calculus;

/// A function $f: \mathbb{R} \to \mathbb{R}$ written with [Jet] arithmetic, so that $f$ applied to the
/// jet $x_0 + t$ gives its Taylor coefficients at $x_0$ ([Taylor#expand(JetFunction, double, int)]).
@FunctionalInterface
public interface JetFunction {
    /// @param x the argument, a truncated series
    /// @return $f(x)$, truncated at the same degree
    Jet apply(Jet x);
}
