package dev.lemma.linalg.kernel;

import java.util.Arrays;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/// Step 3: packed panels and a register-blocked micro-kernel written with the Vector API
/// (`jdk.incubator.vector`), after Goto and van de Geijn's GotoBLAS/BLIS design.
///
/// What changed from [BlockedGemm], and why:
///
/// 1. **A tile of `C` lives in registers.** The micro-kernel computes an [#MR]×[#NR] tile of `C` as
///    a sum of $k$ outer products (a column of `A` times a row of `B`), with the $MR \cdot NR$
///    partial sums in $MR \cdot NR / L$ vector registers ($L$ = [#LANES] doubles each). Each step of
///    the $k$ loop loads $NR/L$ vectors of `B` and broadcasts $MR$ entries of `A`, then issues
///    $MR \cdot NR / L$ fused multiply-adds: `C` is read and written once per tile, not once per
///    multiply-add, and the loads (2 per cycle) keep pace with the FMAs (1 full-width FMA per cycle
///    on Zen 4).
/// 2. **Fused multiply-add** (`fma`): $a b + c$ in one instruction with one rounding, twice the
///    work of a multiply or an add.
/// 3. **Packing.** Before use, a [#KC]×[#NC] block of `B` is copied into "micro-panels" of [#NR]
///    columns, and an [#MC]×[#KC] block of `A` (scaled by $\alpha$) into micro-panels of [#MR]
///    rows, each stored in the order the micro-kernel reads it. The micro-kernel then reads both
///    with unit stride, whatever the leading dimensions; the copies cost $O(mk + kn)$ against
///    $O(mnk)$ work, and pad the edges with zeros so that the micro-kernel always sees whole tiles.
/// 4. **Blocking for each cache level** (loop order jc, pc, ic, jr, ir, as in BLIS): one micro-panel of
///    `B` ($KC \cdot NR$ doubles) is reused by all micro-panels of the `A` block and stays in L1;
///    the `A` block stays in L2; the `B` block in L3.
///
/// The micro-kernel's $k$ loop is written out in full, with the accumulators in local variables: the
/// JIT then keeps them in registers. Handing the accumulators to a helper method that is not inlined
/// boxes them and costs a factor of three (measured: 16–21 GFLOP/s against 57 with it written inline;
/// see the project's TOOLCHAIN notes).
///
/// Rounding: each $c_{ij}$ sums its products in the order $p = 0, \dots, k-1$ within a block of
/// [#KC], but with `fma` and with $\alpha$ applied to `A` first, so it differs from [ReferenceGemm]
/// within the usual $k u \sum_p |a_{ip} b_{pj}|$ bound, not bit for bit.
///
/// This class links against `jdk.incubator.vector`: touch it only when that module is present (see
/// [Simd]). Scratch buffers are allocated per call, so the kernel is thread-safe.
///
/// References: K. Goto and R. van de Geijn, "Anatomy of high-performance matrix multiplication",
/// *ACM TOMS* 34(3), 2008; F. Van Zee and R. van de Geijn, "BLIS: a framework for rapidly instantiating
/// BLAS functionality", *ACM TOMS* 41(3), 2015; flame/how-to-optimize-gemm.
public final class SimdGemm implements GemmKernel {
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;

    /// Doubles per vector register: 8 with AVX-512, 4 with AVX2, 2 with SSE or NEON.
    public static final int LANES = SPECIES.length();

    /// Rows of the register tile. With [#NR] = 2 vectors, 6 rows make 12 accumulators, enough to hide
    /// the 4-cycle FMA latency at one FMA per cycle, and 12 + 2 (`B`) + 1 (broadcast `A`) = 15 vector
    /// registers, within the 16 of AVX2 and far within the 32 of AVX-512 (BLIS's Haswell/Zen kernel is
    /// 6×8 doubles for the same reason; ours is as wide with twice the lanes).
    public static final int MR = 6;

    /// Columns of the register tile: two vectors, 16 doubles with AVX-512.
    public static final int NR = 2 * LANES;

    /// Depth of the packed blocks: a micro-panel of `B` is $KC \cdot NR \cdot 8$ B = 32 KiB with
    /// AVX-512, the size of the L1 data cache. BLIS uses 256 on Zen; tuned here by `lemma bench gemm`.
    public static final int KC = 256;

    /// Rows of the packed block of `A`: $MC \cdot KC \cdot 8$ B = 240 KiB, a quarter of Zen 4's 1 MiB L2,
    /// a multiple of [#MR].
    public static final int MC = 120;

    /// Columns of the packed block of `B`: $KC \cdot NC \cdot 8$ B = 4 MiB, in the 32 MiB L3 shared by
    /// the cores, a multiple of [#NR].
    public static final int NC = 2048;

    /// Creates the (stateless) kernel. Needs the `jdk.incubator.vector` module.
    public SimdGemm() {}

    @Override
    public String name() {
        return "simd";
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
        if (m == 0 || n == 0 || k == 0) {
            return;
        }
        int kcMax = Math.min(KC, k);
        double[] packedA = new double[roundUp(Math.min(MC, m), MR) * kcMax];
        double[] packedB = new double[kcMax * roundUp(Math.min(NC, n), NR)];
        double[] edge = new double[MR * NR];
        for (int jc = 0; jc < n; jc += NC) {
            int nc = Math.min(NC, n - jc);
            for (int pc = 0; pc < k; pc += KC) {
                int kc = Math.min(KC, k - pc);
                packB(kc, nc, b, bOffset + pc * ldb + jc, ldb, packedB);
                for (int ic = 0; ic < m; ic += MC) {
                    int mc = Math.min(MC, m - ic);
                    packA(mc, kc, alpha, a, aOffset + ic * lda + pc, lda, packedA);
                    macroKernel(mc, nc, kc, packedA, packedB, c, cOffset + ic * ldc + jc, ldc, edge);
                }
            }
        }
    }

    private static int roundUp(int x, int multiple) {
        return (x + multiple - 1) / multiple * multiple;
    }

    /// Copies $\alpha$ times the `mc×kc` block of `A` at `start` into micro-panels of [#MR] rows: panel
    /// $q$ holds, for each $p$, the column $(a_{qMR+r,\,p})_{r < MR}$ contiguously; rows past `mc` are 0.
    private static void packA(int mc, int kc, double alpha, double[] a, int start, int lda, double[] packed) {
        for (int ir = 0; ir < mc; ir += MR) {
            int base = ir * kc; // = (ir / MR) * MR * kc
            int rows = Math.min(MR, mc - ir);
            for (int r = 0; r < rows; r++) {
                int src = start + (ir + r) * lda;
                for (int p = 0; p < kc; p++) {
                    packed[base + p * MR + r] = alpha * a[src + p];
                }
            }
            for (int r = rows; r < MR; r++) {
                for (int p = 0; p < kc; p++) {
                    packed[base + p * MR + r] = 0.0;
                }
            }
        }
    }

    /// Copies the `kc×nc` block of `B` at `start` into micro-panels of [#NR] columns: panel $q$ holds,
    /// for each $p$, the row segment $(b_{p,\,qNR+j})_{j < NR}$ contiguously; columns past `nc` are 0.
    private static void packB(int kc, int nc, double[] b, int start, int ldb, double[] packed) {
        for (int jr = 0; jr < nc; jr += NR) {
            int base = jr * kc; // = (jr / NR) * NR * kc
            int cols = Math.min(NR, nc - jr);
            for (int p = 0; p < kc; p++) {
                int src = start + p * ldb + jr;
                int dst = base + p * NR;
                System.arraycopy(b, src, packed, dst, cols);
                if (cols < NR) {
                    Arrays.fill(packed, dst + cols, dst + NR, 0.0);
                }
            }
        }
    }

    /// $C \mathrel{+}= \tilde A \tilde B$ for one packed `mc×kc` block of `A` and `kc×nc` block of `B`,
    /// one register tile at a time. Edge tiles go through the `edge` buffer, then into `C`.
    private static void macroKernel(
            int mc,
            int nc,
            int kc,
            double[] packedA,
            double[] packedB,
            double[] c,
            int cStart,
            int ldc,
            double[] edge) {
        for (int jr = 0; jr < nc; jr += NR) {
            int cols = Math.min(NR, nc - jr);
            for (int ir = 0; ir < mc; ir += MR) {
                int rows = Math.min(MR, mc - ir);
                int ci = cStart + ir * ldc + jr;
                if (rows == MR && cols == NR) {
                    microKernel(kc, packedA, ir * kc, packedB, jr * kc, c, ci, ldc);
                } else {
                    Arrays.fill(edge, 0.0);
                    microKernel(kc, packedA, ir * kc, packedB, jr * kc, edge, 0, NR);
                    for (int r = 0; r < rows; r++) {
                        for (int j = 0; j < cols; j++) {
                            c[ci + r * ldc + j] += edge[r * NR + j];
                        }
                    }
                }
            }
        }
    }

    /// The register tile: $C_{MR \times NR} \mathrel{+}= \sum_{p < kc} \tilde a_p \tilde b_p^\top$, with
    /// $\tilde a_p$ the $p$-th column of an `A` micro-panel (at `ai`) and $\tilde b_p$ the $p$-th row of
    /// a `B` micro-panel (at `bi`). Twelve accumulators, one per (row, vector) of the tile, in locals.
    private static void microKernel(int kc, double[] pa, int ai, double[] pb, int bi, double[] c, int ci, int ldc) {
        DoubleVector c00 = DoubleVector.zero(SPECIES);
        DoubleVector c01 = DoubleVector.zero(SPECIES);
        DoubleVector c10 = DoubleVector.zero(SPECIES);
        DoubleVector c11 = DoubleVector.zero(SPECIES);
        DoubleVector c20 = DoubleVector.zero(SPECIES);
        DoubleVector c21 = DoubleVector.zero(SPECIES);
        DoubleVector c30 = DoubleVector.zero(SPECIES);
        DoubleVector c31 = DoubleVector.zero(SPECIES);
        DoubleVector c40 = DoubleVector.zero(SPECIES);
        DoubleVector c41 = DoubleVector.zero(SPECIES);
        DoubleVector c50 = DoubleVector.zero(SPECIES);
        DoubleVector c51 = DoubleVector.zero(SPECIES);
        for (int p = 0; p < kc; p++) {
            int a = ai + p * MR;
            int b = bi + p * NR;
            DoubleVector b0 = DoubleVector.fromArray(SPECIES, pb, b);
            DoubleVector b1 = DoubleVector.fromArray(SPECIES, pb, b + LANES);
            DoubleVector x = DoubleVector.broadcast(SPECIES, pa[a]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = DoubleVector.broadcast(SPECIES, pa[a + 1]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = DoubleVector.broadcast(SPECIES, pa[a + 2]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = DoubleVector.broadcast(SPECIES, pa[a + 3]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            x = DoubleVector.broadcast(SPECIES, pa[a + 4]);
            c40 = x.fma(b0, c40);
            c41 = x.fma(b1, c41);
            x = DoubleVector.broadcast(SPECIES, pa[a + 5]);
            c50 = x.fma(b0, c50);
            c51 = x.fma(b1, c51);
        }
        addInto(c, ci, c00, c01);
        addInto(c, ci + ldc, c10, c11);
        addInto(c, ci + 2 * ldc, c20, c21);
        addInto(c, ci + 3 * ldc, c30, c31);
        addInto(c, ci + 4 * ldc, c40, c41);
        addInto(c, ci + 5 * ldc, c50, c51);
    }

    /// Adds one row of the register tile into `C`. Called once per tile, after the $k$ loop, so it is
    /// off the hot path whether or not the JIT inlines it.
    private static void addInto(double[] c, int at, DoubleVector v0, DoubleVector v1) {
        DoubleVector.fromArray(SPECIES, c, at).add(v0).intoArray(c, at);
        DoubleVector.fromArray(SPECIES, c, at + LANES).add(v1).intoArray(c, at + LANES);
    }
}
