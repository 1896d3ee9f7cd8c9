package dev.lemma.calculus;

/// A function $f: \mathbb{R}^n \to \mathbb{R}$ written with [HyperDual] arithmetic, for exact second
/// derivatives by forward-over-forward mode ([ForwardMode#hessianByHyperDuals(HyperDualField,
/// dev.lemma.linalg.Vector)]).
@FunctionalInterface
public interface HyperDualField {
    /// @param x the arguments, each seeded with its two tangents; not to be modified
    /// @return $f(x)$ with its first and second directional derivatives
    HyperDual apply(HyperDual[] x);
}
