/// Floating point done carefully: the precondition helper every public method of Lemma goes through,
/// the exception types that say what went wrong and where, named tolerances, and error-free
/// transformations (compensated sums and dot products, `twoProduct`).
///
/// Book: chapter 0 (notation, floating point) and chapter 1, section "Conditioning and accuracy".
package dev.lemma.numeric;
