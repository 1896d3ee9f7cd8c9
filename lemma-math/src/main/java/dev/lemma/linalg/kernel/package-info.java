/// The static kernel tier: loops over raw row-major `double[]` arrays with BLAS-like signatures, that
/// write into an explicit output argument. [Matrix][dev.lemma.linalg.Matrix] and the decompositions call
/// them; users call the immutable API instead.
///
/// The matrix multiply is a staircase of [GemmKernel]s, one idea per step, each tested against the
/// first: [ReferenceGemm] (the formula), [ReorderedGemm] (loop order), [BlockedGemm] (cache blocking),
/// [SimdGemm] (packing, a register tile, the Vector API) and [ParallelGemm] (every core). [Gemm]
/// picks one by size; `lemma bench gemm` measures them all.
///
/// Book: chapter 1, section "Performance: the GEMM staircase".
package dev.lemma.linalg.kernel;
