/// Reverse-mode automatic differentiation: [Value], a scalar that records the operations applied to it
/// and sends derivatives back through them with [Value#backward()], in the shape of Karpathy's
/// micrograd (each operation's backward rule beside its forward computation, gradients accumulated
/// with `+=`, a topological sort and one reverse loop). The tensor engine builds on the same idea.
///
/// Book: chapter 2, "Calculus", section "Reverse mode and back-propagation".
package dev.lemma.autodiff;
