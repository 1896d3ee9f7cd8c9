/// The experiments of chapter 1, "Linear algebra", in the order the chapter embeds them:
/// [ProjectionExperiment] (§1.9, projection onto a column space), [GramSchmidtExperiment] (§1.10, the
/// loss of orthogonality of Gram–Schmidt and Householder QR), [MatrixActionExperiment] (§1.13, a 2×2
/// matrix acting on the plane, its eigenvectors and its SVD), [LowRankImageExperiment] (§1.13, the
/// Eckart–Young theorem on a photograph) and [GemmStaircaseExperiment] (§1.15, the GEMM staircase
/// measured live).
///
/// Each computes with `dev.lemma.linalg` only, and its notes say what the numbers mean.
///
/// Book: chapter 1, `book/01-linear-algebra.md` (search for "```experiment").
package dev.lemma.experiments.linalg;
