package dev.lemma.linalg.kernel;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.RecursiveAction;

/// Step 4: the fastest single-thread step on every core, through a fork-join pool.
///
/// What changed: `C` is cut into tiles, and each tile
/// $C_{IJ} \leftarrow \alpha A_{I\cdot} B_{\cdot J} + \beta C_{IJ}$ is an independent call of the
/// single-thread kernel (rows $I$ of `A`, columns $J$ of `B`), run as a fork-join task. Why: the
/// tiles write disjoint parts of `C` and only read `A` and `B`, so they need no locks, and since
/// every kernel takes offsets and leading dimensions, a tile is just a call with shifted offsets.
///
/// The split is recursive: cut the longer side of `C` in proportion to the threads each part gets
/// (in half for two), at the multiple of [#ROW_GRANULE] or [#COLUMN_GRANULE] nearest that point, so
/// that the parts keep whole register tiles and equal work per thread, until there is one tile per
/// thread ([#TASKS_PER_THREAD]) or a tile would fall below [#MIN_TILE_WORK] multiply-adds. Each tile
/// packs its own rows of `A` and columns of `B`: a tile $m_t \times n_t$ packs $k(m_t + n_t)$ entries
/// for $m_t n_t k$ multiply-adds, so fewer, larger tiles pack less.
///
/// With the common pool, the calling thread works too (as parallel streams do), so a machine with
/// $P$ cores uses the common pool's $P - 1$ workers and the caller.
public final class ParallelGemm implements GemmKernel {

    /// Rows of `C` are split at multiples of [SimdGemm#MR] = 6, so that every tile but the last is
    /// whole register tiles. Both sides were first split at multiples of 48, the least common multiple
    /// of the sides of the 6×16 register tile, rounding the middle up: at $n = 1024$ that cut 528 + 496
    /// rows (and columns), so with two threads one had 528/512 = 3 % more work than an even split
    /// gives it. Now the cut is 510 + 514 rows. (JMH means of two threads at
    /// $n = 1024$ on this 2-core Zen 4 machine: 32.6–33.6 ms in three runs before, 28.8–31.2 ms in
    /// three after; single runs here vary by up to 10 %, so the case rests on the arithmetic.)
    static final int ROW_GRANULE = SimdGemm.MR;

    /// Columns of `C` are split at multiples of 16, [SimdGemm#NR] with AVX-512 (a literal, not
    /// `SimdGemm.NR`, which depends on the vector length and would load the Vector API here).
    static final int COLUMN_GRANULE = 16;

    /// Tiles per thread. One: with two threads at $n = 1024$, `C` is cut into two bands of rows, each
    /// thread packs its half of `A` and all of `B`, and the two together pack $A$ once and $B$ twice.
    /// Two tiles per thread (a 2×2 grid) let a thread that finishes early take over work, but every
    /// tile packs its own panels, so `A` and `B` are both packed twice. Measured on a quiet 2-core
    /// Zen 4 machine, times one thread's speed at $n = 1024$: `ParallelSplitBenchmark` (lemma-bench)
    /// 1.90 and 1.88 for bands against 1.85 and 1.85 for the grid; runs interleaved in one JVM with
    /// this class's recursive grid, 1.87 against 1.78 (and 1.76 against 1.56 at $n = 512$).
    static final int TASKS_PER_THREAD = 1;

    /// The smallest tile worth a task, in multiply-adds: $64^3$, about 10 µs at 50 GFLOP/s, well above
    /// the microseconds a fork and join cost.
    static final long MIN_TILE_WORK = 64L * 64 * 64;

    private final GemmKernel inner;
    private final ForkJoinPool pool;

    /// A kernel that runs `inner` on tiles of `C` in `pool`.
    ///
    /// @param inner the single-thread kernel run on each tile
    /// @param pool the pool; with [ForkJoinPool#commonPool()] the caller works as well
    public ParallelGemm(GemmKernel inner, ForkJoinPool pool) {
        this.inner = inner;
        this.pool = pool;
    }

    /// The single-thread kernel run on each tile.
    ///
    /// @return the inner kernel
    public GemmKernel inner() {
        return inner;
    }

    /// The number of threads that work on one call: the pool's parallelism, plus the caller for the
    /// common pool.
    ///
    /// @return at least 1
    public int threads() {
        return pool == ForkJoinPool.commonPool() ? pool.getParallelism() + 1 : pool.getParallelism();
    }

    @Override
    public String name() {
        return "parallel";
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
        int tiles = TASKS_PER_THREAD * threads();
        Tile root = new Tile(
                new Call(k, alpha, a, aOffset, lda, b, bOffset, ldb, beta, c, cOffset, ldc), 0, m, 0, n, tiles);
        if (tiles <= TASKS_PER_THREAD) {
            root.compute(); // one thread: no task at all
        } else if (pool == ForkJoinPool.commonPool()
                || (Thread.currentThread() instanceof ForkJoinWorkerThread w && w.getPool() == pool)) {
            root.invoke(); // in the caller, which forks the rest into the pool and helps
        } else {
            pool.invoke(root);
        }
    }

    /// Where to cut a side of `side` rows or columns between a part for `left` of `tiles` threads and a
    /// part for the rest: the multiple of `granule` nearest `side * left / tiles`. With two threads that
    /// is the middle; with three, a third, so that the part whose thread is alone does a third of the
    /// work and not half of it.
    ///
    /// @return the size of the first part, a multiple of `granule` (0 or `side` when the side is too
    ///     short to cut)
    static int cut(int side, int granule, int left, int tiles) {
        long point = (long) side * left;
        long granules = (2 * point + (long) granule * tiles) / (2L * granule * tiles); // rounded to nearest
        return (int) Math.min(side, granules * granule);
    }

    /// The arguments of the whole call, shared by its tiles. (A class, not a record: records with array
    /// components compare arrays by identity, which Error Prone rightly flags.)
    private static final class Call {
        final int k;
        final double alpha;
        final double[] a;
        final int aOffset;
        final int lda;
        final double[] b;
        final int bOffset;
        final int ldb;
        final double beta;
        final double[] c;
        final int cOffset;
        final int ldc;

        Call(
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
            this.k = k;
            this.alpha = alpha;
            this.a = a;
            this.aOffset = aOffset;
            this.lda = lda;
            this.b = b;
            this.bOffset = bOffset;
            this.ldb = ldb;
            this.beta = beta;
            this.c = c;
            this.cOffset = cOffset;
            this.ldc = ldc;
        }
    }

    /// Rows `[i0, i0 + rows)` and columns `[j0, j0 + cols)` of `C`, to be cut into about `tiles` tiles.
    private final class Tile extends RecursiveAction {
        private static final long serialVersionUID = 1L;
        private final transient Call call;
        private final int i0;
        private final int rows;
        private final int j0;
        private final int cols;
        private final int tiles;

        Tile(Call call, int i0, int rows, int j0, int cols, int tiles) {
            this.call = call;
            this.i0 = i0;
            this.rows = rows;
            this.j0 = j0;
            this.cols = cols;
            this.tiles = tiles;
        }

        @Override
        protected void compute() {
            long work = (long) rows * cols * call.k;
            boolean splitRows = rows >= cols;
            int side = splitRows ? rows : cols;
            int granule = splitRows ? ROW_GRANULE : COLUMN_GRANULE;
            int left = tiles / 2;
            int right = tiles - left;
            int first = cut(side, granule, left, tiles);
            if (tiles <= 1 || work < 2 * MIN_TILE_WORK || first <= 0 || first >= side) {
                Call x = call;
                inner.gemm(
                        rows,
                        cols,
                        x.k,
                        x.alpha,
                        x.a,
                        x.aOffset + i0 * x.lda,
                        x.lda,
                        x.b,
                        x.bOffset + j0,
                        x.ldb,
                        x.beta,
                        x.c,
                        x.cOffset + i0 * x.ldc + j0,
                        x.ldc);
                return;
            }
            if (splitRows) {
                invokeAll(
                        new Tile(call, i0, first, j0, cols, left),
                        new Tile(call, i0 + first, rows - first, j0, cols, right));
            } else {
                invokeAll(
                        new Tile(call, i0, rows, j0, first, left),
                        new Tile(call, i0, rows, j0 + first, cols - first, right));
            }
        }
    }
}
