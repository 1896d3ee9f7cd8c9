package dev.lemma.calculus;

/// A function $f: \mathbb{R}^n \to \mathbb{R}$ written with [Dual] arithmetic. Seeding the inputs with
/// tangent $v$ ($x_i + v_i \varepsilon$) gives $f(x) + (\nabla f(x) \cdot v)\varepsilon$: one
/// directional derivative per evaluation ([ForwardMode]).
@FunctionalInterface
public interface DualField {
    /// @param x the arguments, each with its tangent; not to be modified
    /// @return $f(x)$ with its directional derivative carried along
    Dual apply(Dual[] x);
}
