package dev.lemma.linalg.kernel;

/// Step 1: the same three loops, reordered from i-j-k to i-k-j.
///
/// What changed: instead of a dot product per entry of `C`, each row of `C` receives a sum of scaled
/// rows of `B`, $c_{i\cdot} \mathrel{+}= (\alpha a_{ip})\, b_{p\cdot}$ (an "axpy"). Why: the innermost
/// loop now walks along a row of `B` and a row of `C`, both contiguous, so every cache line fetched is
/// used in full, and the JIT can vectorise the loop (it has no dependence between iterations).
///
/// Each $c_{ij}$ still accumulates its products in the order $p = 0, 1, \dots, k-1$, so for
/// $\alpha = 1, \beta = 0$ the result is bit-for-bit that of [ReferenceGemm]; a test checks it, and
/// `lemma bench gemm` uses this step to compute the reference result at sizes where the i-j-k loop is
/// too slow to wait for.
///
/// What is still slow: for each row of `A`, all of `B` streams through the cache; once `B` is larger
/// than the cache, every multiply-add waits for memory.
///
/// Cost: $2mnk$ floating-point operations, $O(1)$ extra memory.
public final class ReorderedGemm implements GemmKernel {

    /// Creates the (stateless) kernel.
    public ReorderedGemm() {}

    @Override
    public String name() {
        return "reordered";
    }

    @Override
    public void gemm(
            int m,
            int n,
            int k,
            double alpha,
            double[] a,
            int aOffset,
            int lda,
            double[] b,
            int bOffset,
            int ldb,
            double beta,
            double[] c,
            int cOffset,
            int ldc) {
        GemmContract.check(m, n, k, a, aOffset, lda, b, bOffset, ldb, c, cOffset, ldc);
        GemmContract.scale(m, n, beta, c, cOffset, ldc);
        for (int i = 0; i < m; i++) {
            int ci = cOffset + i * ldc;
            for (int p = 0; p < k; p++) {
                double aip = alpha * a[aOffset + i * lda + p];
                int bp = bOffset + p * ldb;
                for (int j = 0; j < n; j++) {
                    c[ci + j] += aip * b[bp + j];
                }
            }
        }
    }
}
