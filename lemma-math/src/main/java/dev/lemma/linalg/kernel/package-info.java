/// The static kernel tier: loops over raw row-major `double[]` arrays with BLAS-like signatures, that
/// write into an explicit output argument. [Matrix][dev.lemma.linalg.Matrix] and the decompositions call
/// them; users call the immutable API instead.
///
/// Book: chapter 1, section "Performance: the GEMM staircase".
package dev.lemma.linalg.kernel;
