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

    /// Below $24^3$ multiply-adds the i-k-j loop wins: packing and the edge handling of the register
    /// tile cost more than they save. Measured with `lemma bench gemm` on AMD Zen 4 (AVX-512).
    public static final long SIMD_MIN_WORK = 24L * 24 * 24;

    /// From $96^3$ multiply-adds (about 40 µs on one core) splitting over cores pays for the forks,
    /// the joins and the extra packing. Measured with `lemma bench gemm` on a 2-core AMD Zen 4.
    public static final long PARALLEL_MIN_WORK = 96L * 96 * 96;

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
