/// Floating point done carefully: the double made visible ([FloatingPoint]: its fields, ulp, exact
/// decimal value, the rounding of literals, absorption and cancellation), condition numbers of
/// functions, sums and dot products ([Conditioning]), the precondition helper every public method
/// of Lemma goes through, the exception types that say what went wrong and where, named tolerances,
/// error-free transformations (compensated sums and dot products, `twoProduct`), summation with its
/// error bounds (naive, pairwise, compensated), the stable forms of the functions machine learning
/// leans on (softmax, log-softmax, sigmoid, softplus, log-add-exp), Welford's one-pass mean and
/// variance with its parallel merge, and the special functions (gamma, erf, the incomplete gamma and
/// beta).
///
/// Book: chapter 0 (notation, floating point), chapter 1, section "Conditioning and accuracy", and
/// chapter 7 (numerical methods).
package dev.lemma.numeric;
