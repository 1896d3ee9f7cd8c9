package dev.lemma.calculus;

/// A function $F: \mathbb{R}^n \to \mathbb{R}^m$ written with [Dual] arithmetic. Seeding the inputs
/// with tangent $v$ gives $F(x) + J_F(x) v\,\varepsilon$: one Jacobian-vector product per evaluation.
/// A gradient $\nabla f$ written this way gives Hessian-vector products
/// ([ForwardMode#hessianVectorProduct(DualMap, dev.lemma.linalg.Vector, dev.lemma.linalg.Vector)]).
@FunctionalInterface
public interface DualMap {
    /// @param x the arguments, each with its tangent; not to be modified
    /// @return $F(x)$, each entry with its tangent
    Dual[] apply(Dual[] x);
}
