/// Linear algebra: the immutable [Vector] and [Matrix] values, the decompositions that hold their
/// factors ([Lu], [Qr], [PivotedQr], [Cholesky], [SymmetricEigen], [Eigen], [Svd]) and the solvers
/// built on them.
///
/// Book: chapter 1, "Linear algebra".
package dev.lemma.linalg;
