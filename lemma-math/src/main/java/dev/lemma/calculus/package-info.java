/// Calculus done numerically and exactly: derivatives of $f: \mathbb{R} \to \mathbb{R}$ by forward,
/// central and complex-step differences and Richardson extrapolation ([Derivative]); gradients,
/// Jacobians, Hessians and directional derivatives of functions of several variables
/// ([MultivariateDerivatives]); a check of a hand-written gradient against differences
/// ([GradientCheck]); forward-mode automatic differentiation with dual numbers ([Dual], [ForwardMode]),
/// and forward over forward with hyper-dual numbers for exact Hessians ([HyperDual]); and Taylor
/// polynomials from truncated Taylor arithmetic ([Jet], [Taylor], [TaylorPolynomial]).
///
/// Every step size is a documented default derived from the balance of truncation error and rounding
/// error, with $u = 2^{-53}$ the unit round-off ([dev.lemma.numeric.Tolerances#UNIT_ROUNDOFF]).
///
/// Book: chapter 2, "Calculus".
package dev.lemma.calculus;
