package dev.lemma.linalg.kernel;

/// Step 2: the i-k-j loops of [ReorderedGemm], tiled so that the part of `B` in use stays in cache.
///
/// What changed: `B` is cut into blocks of [#KC] rows by [#NC] columns; for each block, every row of
/// `A` and `C` passes over it. Why: in the plain i-k-j order each row of `C` streams all of `B` from
/// memory; here a block of `B` is loaded once into the L2 cache and reused by all $m$ rows, and the
/// [#NC] entries of a row of `C` being updated stay in the L1 cache across the [#KC] axpys.
///
/// Each $c_{ij}$ still sums its products in the order $p = 0, \dots, k-1$ (the blocks over $p$ are
/// visited in order), so the result equals [ReorderedGemm]'s bit for bit.
///
/// This is the fastest step that needs nothing beyond plain Java, so it is what [Gemm] runs when the
/// `jdk.incubator.vector` module is absent. What is still slow: each multiply-add loads and stores an
/// entry of `C`; the next step keeps a tile of `C` in registers instead.
///
/// Cost: $2mnk$ floating-point operations, $O(1)$ extra memory.
public final class BlockedGemm implements GemmKernel {

    /// Rows of a block of `B`. With [#NC] it sizes the block at $128 \times 256 \times 8$ B = 256 KiB,
    /// a quarter of the 1 MiB L2 cache per core of the AMD Zen 4 this was tuned on, leaving room for
    /// the rows of `A` and `C` streaming past.
    static final int KC = 128;

    /// Columns of a block of `B`: a row segment of `C` is $256 \times 8$ B = 2 KiB, which stays in the
    /// 32 KiB L1 data cache while the [#KC] rows of the block are added into it.
    static final int NC = 256;

    /// Creates the (stateless) kernel.
    public BlockedGemm() {}

    @Override
    public String name() {
        return "blocked";
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
        for (int jc = 0; jc < n; jc += NC) {
            int jEnd = Math.min(n, jc + NC);
            for (int pc = 0; pc < k; pc += KC) {
                int pEnd = Math.min(k, pc + KC);
                for (int i = 0; i < m; i++) {
                    int ci = cOffset + i * ldc;
                    int ai = aOffset + i * lda;
                    for (int p = pc; p < pEnd; p++) {
                        double aip = alpha * a[ai + p];
                        int bp = bOffset + p * ldb;
                        for (int j = jc; j < jEnd; j++) {
                            c[ci + j] += aip * b[bp + j];
                        }
                    }
                }
            }
        }
    }
}
