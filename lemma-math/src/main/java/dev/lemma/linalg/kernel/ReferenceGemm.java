package dev.lemma.linalg.kernel;

/// Step 0 of the staircase, the specification: three loops in the order of the formula,
/// $$c_{ij} \leftarrow \alpha \sum_{p=0}^{k-1} a_{ip} b_{pj} + \beta c_{ij},$$
/// one dot product of row $i$ of `A` with column $j$ of `B` per entry of `C`.
///
/// It reads like the definition and is the oracle every faster step is tested against. It is also
/// slow: the innermost loop walks down a column of `B`, one entry per row, so every access to `B`
/// touches a new cache line once `B` outgrows the cache (for $n = 1024$, a stride of 8 KiB).
///
/// Cost: $2mnk$ floating-point operations, $O(1)$ extra memory.
public final class ReferenceGemm implements GemmKernel {

    /// Creates the (stateless) kernel.
    public ReferenceGemm() {}

    @Override
    public String name() {
        return "reference";
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
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0.0;
                for (int p = 0; p < k; p++) {
                    sum += a[aOffset + i * lda + p] * b[bOffset + p * ldb + j];
                }
                int ij = cOffset + i * ldc + j;
                c[ij] = alpha * sum + (beta == 0.0 ? 0.0 : beta * c[ij]);
            }
        }
    }
}
