package dev.lemma.linalg.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;

/// General matrix multiply, $C \leftarrow \alpha A B + \beta C$, on row-major arrays with offsets and
/// leading dimensions (the BLAS `dgemm` contract, without transposes), by the fastest kernel for the
/// size.
///
/// `A` is `m×k` starting at `a[aOffset]` with row stride `lda`; `B` is `k×n` at `b[bOffset]` with
/// stride `ldb`; `C` is `m×n` at `c[cOffset]` with stride `ldc` and is the only array modified. See
/// [GemmKernel] for the contract every kernel keeps.
///
/// The kernels form a staircase, each step one idea faster than the one before ([#staircase()]):
/// [ReferenceGemm] (the formula), [ReorderedGemm] (i-k-j loop order), [BlockedGemm] (cache
/// blocking), [SimdGemm] (packing, register tile, Vector API) and [ParallelGemm] (all cores). The
/// dispatch by the work $mnk$ (multiply-adds):
///
/// | work $mnk$ | kernel |
/// |---|---|
/// | below [#SIMD_MIN_WORK] | [ReorderedGemm]: no packing, nothing to amortise |
/// | from [#SIMD_MIN_WORK] | [SimdGemm], or [BlockedGemm] without `jdk.incubator.vector` |
/// | from [#PARALLEL_MIN_WORK], more than one core | [ParallelGemm] over the previous one |
///
/// Book: chapter 1, section "Performance: the GEMM staircase".
public final class Gemm {

    /// Below $16^3$ multiply-adds the i-k-j loop wins: packing, allocating the panels and the edge
    /// handling of the register tile cost more than they save. Measured with `lemma bench gemm` on an
    /// AMD EPYC Zen 4 (AVX-512): at $n = 8$ both run at about 1 GFLOP/s, at $n = 16$ the SIMD kernel
    /// runs at 5–10 and the i-k-j loop at 1.5. (The machine was shared with other builds, so the
    /// crossover is known to within a factor of about 1.5 in $n$.)
    public static final long SIMD_MIN_WORK = 16L * 16 * 16;

    /// From $192^3$ multiply-adds (about 0.3 ms on one core) splitting over cores pays for the fork,
    /// the join, waking a pool thread and the second packing of `B`. Measured on a 2-core AMD EPYC Zen 4
    /// with nothing else running, two threads against one: `lemma bench gemm` (best of 5) gave 0.67 at
    /// $n = 96$, 1.08 at 128, 1.23 at 160 and 1.45 at 192; medians of a few hundred products called
    /// back to back, as a factorisation calls them, gave 0.5–1.0 at 96, 0.7–0.9 at 128, 0.9–1.15 at
    /// 160 and 1.1–1.4 at 192. For thin products ($k = 64$, as in blocked factorisations) the medians
    /// were even (0.8–1.2) from about $m = n = 320$, that is from about this much work too.
    public static final long PARALLEL_MIN_WORK = 192L * 192 * 192;

    private static final GemmKernel REFERENCE = new ReferenceGemm();
    private static final GemmKernel REORDERED = new ReorderedGemm();
    private static final GemmKernel BLOCKED = new BlockedGemm();
    private static final GemmKernel PARALLEL_BLOCKED = new ParallelGemm(BLOCKED, ForkJoinPool.commonPool());
    private static final GemmKernel SEQUENTIAL = Simd.AVAILABLE ? Simd.kernel() : BLOCKED;
    private static final GemmKernel PARALLEL =
            Simd.AVAILABLE ? new ParallelGemm(SEQUENTIAL, ForkJoinPool.commonPool()) : PARALLEL_BLOCKED;

    private Gemm() {}

    /// $C \leftarrow \alpha A B + \beta C$; see the class documentation for the layout and the
    /// kernel chosen.
    ///
    /// @param m rows of `A` and `C`
    /// @param n columns of `B` and `C`
    /// @param k columns of `A`, rows of `B`
    /// @param alpha scale of the product
    /// @param a entries of `A`, not modified
    /// @param aOffset index of $A_{00}$
    /// @param lda row stride of `A`
    /// @param b entries of `B`, not modified
    /// @param bOffset index of $B_{00}$
    /// @param ldb row stride of `B`
    /// @param beta scale of the old `C` (0 means `C` is overwritten, even if it held NaN)
    /// @param c entries of `C`, modified
    /// @param cOffset index of $C_{00}$
    /// @param ldc row stride of `C`
    /// @throws IllegalArgumentException if a dimension is negative, a leading dimension is too small or
    ///     a block does not fit in its array
    public static void gemm(
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
        GemmContract.checkDimensions(m, n, k);
        kernel(m, n, k).gemm(m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb, beta, c, cOffset, ldc);
    }

    /// $C = A B$ for contiguous row-major `A` (`m×k`) and `B` (`k×n`).
    ///
    /// @param m rows of `A`
    /// @param n columns of `B`
    /// @param k columns of `A`
    /// @param a entries of `A`, not modified
    /// @param b entries of `B`, not modified
    /// @return the `m×n` entries of `A·B`, row-major
    /// @throws IllegalArgumentException if a dimension is negative or an array is too short
    public static double[] multiply(int m, int n, int k, double[] a, double[] b) {
        GemmContract.checkDimensions(m, n, k);
        return kernel(m, n, k).multiply(m, n, k, a, b);
    }

    /// The kernel [#gemm] runs for an `m×k` times `k×n` product on this JVM.
    ///
    /// @param m rows of `A` and `C`
    /// @param n columns of `B` and `C`
    /// @param k columns of `A`, rows of `B`
    /// @return the kernel
    /// @throws IllegalArgumentException if a dimension is negative
    public static GemmKernel kernel(int m, int n, int k) {
        GemmContract.checkDimensions(m, n, k);
        return choose(m, n, k, Simd.AVAILABLE, Runtime.getRuntime().availableProcessors());
    }

    /// The dispatch rule, with the facts of the machine as arguments so that a test can try them all.
    ///
    /// @param simd whether `jdk.incubator.vector` is present
    /// @param cores the number of cores
    static GemmKernel choose(int m, int n, int k, boolean simd, int cores) {
        long work = (long) m * n * k;
        if (work < SIMD_MIN_WORK) {
            return REORDERED;
        }
        boolean parallel = cores > 1 && work >= PARALLEL_MIN_WORK;
        if (simd) {
            return parallel ? PARALLEL : SEQUENTIAL;
        }
        return parallel ? PARALLEL_BLOCKED : BLOCKED;
    }

    /// The fastest kernel that runs on the calling thread only: [SimdGemm], or [BlockedGemm] when
    /// `jdk.incubator.vector` is absent. For benchmarks and for callers that are already parallel.
    ///
    /// @return the kernel
    public static GemmKernel sequential() {
        return SEQUENTIAL;
    }

    /// [#sequential()] on every core, through the common fork-join pool.
    ///
    /// @return the kernel
    public static GemmKernel parallel() {
        return PARALLEL;
    }

    /// Every step of the staircase, slowest first: reference, reordered, blocked, simd (only when
    /// `jdk.incubator.vector` is present) and parallel.
    ///
    /// @return the steps, in order
    public static List<GemmKernel> staircase() {
        List<GemmKernel> steps = new ArrayList<>(List.of(REFERENCE, REORDERED, BLOCKED));
        if (Simd.AVAILABLE) {
            steps.add(SEQUENTIAL);
        }
        steps.add(PARALLEL);
        return List.copyOf(steps);
    }

    /// Whether the Vector API kernel is in use, that is whether the JVM was started with
    /// `--add-modules=jdk.incubator.vector`.
    ///
    /// @return `true` if [SimdGemm] is available
    public static boolean simdAvailable() {
        return Simd.AVAILABLE;
    }

    /// Doubles per vector register that [SimdGemm] uses: 8 with AVX-512; 1 without the Vector API.
    ///
    /// @return the lane count
    public static int simdLanes() {
        return Simd.lanes();
    }
}
