package dev.lemma.calculus;

/// A function $f: \mathbb{C} \to \mathbb{C}$, written with [Complex] arithmetic, whose restriction to
/// the real line is the real function to differentiate. For the complex step
/// ([Derivative#complexStep(ComplexFunction, double)]) it must be analytic near the point and real on
/// the real axis: no `abs`, no `max`, no comparison of values, which are not analytic.
@FunctionalInterface
public interface ComplexFunction {
    /// @param z the argument
    /// @return $f(z)$
    Complex apply(Complex z);
}
