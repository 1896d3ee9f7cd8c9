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
/// 4. **Blocking for each cache level.** Loop order ic, pc, jc, ir, jr: BLIS's order for the
///    transposed product $C^\top = B^\top A^\top$, since our vectors run along rows where BLIS's
///    (column-major) run along columns. One micro-panel of `A` ($MR \cdot KC$ doubles, 12 KiB) is
///    reused against every micro-panel of the `B` block and stays in L1; the `B` block
///    ([#KC]×[#NC]) is reused by every micro-panel of the `A` block and stays in L2 or L3; the
///    inner loop walks along a row strip of `C`, so its tiles are adjacent in memory.
///
/// The block sizes were picked by measurement (interleaved runs at $n$ = 512 and 1024 on a 2-core
/// AMD EPYC Zen 4 that other builds shared; see the constants): the BLIS order with the `B`
/// micro-panel in L1 (jc, pc, ic, jr, ir) ran within a few per cent of this one, inside the noise.
///
/// The micro-kernel is written out in full, the $k$ loop and the update of `C`, with the accumulators
/// in local variables: the JIT then keeps them in registers. Handing accumulators to a helper method
/// that the JIT does not inline makes it box them, and the boxing leaks into the $k$ loop. This
/// happened here: with the update of `C` in a helper called once per row of the tile, C2 inlined five
/// calls and refused the sixth (`NodeCountInliningCutoff`), and the micro-kernel ran at 21–24
/// GFLOP/s on cache-resident panels; written inline, at 52–54 (the core's peak is about 57).
/// `-XX:+PrintInlining` shows such failures.
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

    /// Rows of the register tile (the packing of `A` reads this many rows side by side). With [#NR] =
    /// 2 vectors, 6 rows make 12 accumulators, enough to hide the 4-cycle FMA latency at one FMA per
    /// cycle, and 12 + 2 (`B`) + 1 (broadcast `A`) = 15 vector registers, within the 16 of AVX2 and
    /// far within the 32 of AVX-512 (BLIS's Haswell/Zen kernel is 6×8 doubles for the same reason;
    /// ours is as wide with twice the lanes). On cache-resident panels, 4×24, 8×16, 8×24 and 12×16
    /// tiles measured the same as 6×16 here (52–54 GFLOP/s).
    public static final int MR = 6;

    /// Columns of the register tile: two vectors, 16 doubles with AVX-512.
    public static final int NR = 2 * LANES;

    /// Depth of the packed blocks: an `A` micro-panel is $MR \cdot KC \cdot 8$ B = 12 KiB, well
    /// within the 32 KiB L1 data cache beside the `B` micro-panel streaming past. BLIS uses 256 on Zen
    /// too; 128 and 384 measured slower here. Larger also means fewer passes over `C` ($k / KC$).
    public static final int KC = 256;

    /// Rows of the packed block of `A`, a multiple of [#MR]: $MC \cdot KC \cdot 8$ B = 3 MiB, in the
    /// 32 MiB L3. Large, because each `A` block costs one more packing of all of `B`; one block
    /// covers $m \le 1536$.
    public static final int MC = 1536;

    /// Columns of the packed block of `B`, a multiple of [#NR]: $KC \cdot NC \cdot 8$ B = 1 MiB, the
    /// size of Zen 4's L2. 256 (half the L2) measured a few per cent slower at $n = 1024$, near the noise.
    public static final int NC = 512;

    private final int kcBlock;
    private final int mcBlock;
    private final int ncBlock;

    /// Creates the (stateless) kernel. Needs the `jdk.incubator.vector` module.
    public SimdGemm() {
        this(KC, MC, NC);
    }

    /// A kernel with other block sizes: for tests, which use small blocks to reach every edge case
    /// with small matrices, and for tuning.
    SimdGemm(int kc, int mc, int nc) {
        if (kc < 1 || mc < MR || mc % MR != 0 || nc < NR || nc % NR != 0) {
            throw new IllegalArgumentException("blocks must be positive multiples of the register tile: kc=" + kc
                    + " mc=" + mc + " nc=" + nc + " (MR=" + MR + ", NR=" + NR + ")");
        }
        this.kcBlock = kc;
        this.mcBlock = mc;
        this.ncBlock = nc;
    }

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
        int kcMax = Math.min(kcBlock, k);
        double[] packedA = new double[roundUp(Math.min(mcBlock, m), MR) * kcMax];
        double[] packedB = new double[kcMax * roundUp(Math.min(ncBlock, n), NR)];
        double[] edge = new double[MR * NR];
        for (int ic = 0; ic < m; ic += mcBlock) {
            int mc = Math.min(mcBlock, m - ic);
            for (int pc = 0; pc < k; pc += kcBlock) {
                int kc = Math.min(kcBlock, k - pc);
                packA(mc, kc, alpha, a, aOffset + ic * lda + pc, lda, packedA);
                for (int jc = 0; jc < n; jc += ncBlock) {
                    int nc = Math.min(ncBlock, n - jc);
                    packB(kc, nc, b, bOffset + pc * ldb + jc, ldb, packedB);
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
            int dst = ir * kc; // = (ir / MR) * MR * kc
            int rows = Math.min(MR, mc - ir);
            int row0 = start + ir * lda;
            if (rows == MR) {
                // Six rows read side by side, so that the writes are sequential.
                int row1 = row0 + lda;
                int row2 = row1 + lda;
                int row3 = row2 + lda;
                int row4 = row3 + lda;
                int row5 = row4 + lda;
                for (int p = 0; p < kc; p++, dst += MR) {
                    packed[dst] = alpha * a[row0 + p];
                    packed[dst + 1] = alpha * a[row1 + p];
                    packed[dst + 2] = alpha * a[row2 + p];
                    packed[dst + 3] = alpha * a[row3 + p];
                    packed[dst + 4] = alpha * a[row4 + p];
                    packed[dst + 5] = alpha * a[row5 + p];
                }
            } else {
                for (int p = 0; p < kc; p++, dst += MR) {
                    for (int r = 0; r < MR; r++) {
                        packed[dst + r] = r < rows ? alpha * a[row0 + r * lda + p] : 0.0;
                    }
                }
            }
        }
    }

    /// Copies the `kc×nc` block of `B` at `start` into micro-panels of [#NR] columns: panel $q$ holds,
    /// for each $p$, the row segment $(b_{p,\,qNR+j})_{j < NR}$ contiguously; columns past `nc` are 0.
    ///
    /// Row by row: each row of the block is read once, front to back, and its [#NR]-wide segments go
    /// to the `nc / NR` panels. Panel by panel (read 16 doubles of each of `kc` rows, `ldb` apart, then
    /// the next panel), as this method did first, jumps a page per row: packing `B` alone (the
    /// product with the macro-kernel and `packA` skipped) took 1.3 ms at $n = 1024$ on this 2-core
    /// Zen 4 machine, row by row 0.9 ms, three runs each, against about 50 ms for the whole product;
    /// JMH means of the whole product vary by more than that difference from run to run.
    private static void packB(int kc, int nc, double[] b, int start, int ldb, double[] packed) {
        int whole = nc / NR * NR;
        for (int p = 0; p < kc; p++) {
            int src = start + p * ldb;
            int dst = p * NR; // row p of panel 0; panel q starts at q * NR * kc
            for (int jr = 0; jr < whole; jr += NR, dst += NR * kc) {
                DoubleVector.fromArray(SPECIES, b, src + jr).intoArray(packed, dst);
                DoubleVector.fromArray(SPECIES, b, src + jr + LANES).intoArray(packed, dst + LANES);
            }
            if (whole < nc) {
                int cols = nc - whole;
                System.arraycopy(b, src + whole, packed, dst, cols);
                Arrays.fill(packed, dst + cols, dst + NR, 0.0);
            }
        }
    }

    /// $C \mathrel{+}= \tilde A \tilde B$ for one packed `mc×kc` block of `A` and `kc×nc` block of `B`,
    /// one register tile at a time, along row strips of `C`. Edge tiles go through the `edge` buffer,
    /// then into `C`.
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
        for (int ir = 0; ir < mc; ir += MR) {
            int rows = Math.min(MR, mc - ir);
            for (int jr = 0; jr < nc; jr += NR) {
                int cols = Math.min(NR, nc - jr);
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
        // C += the tile. Written out, not in a helper: a helper the JIT declines to inline (it did, for
        // the last row, once the method grew past its node budget) takes its vectors boxed, and the
        // boxing then leaks into the k loop above.
        int r1 = ci + ldc;
        int r2 = r1 + ldc;
        int r3 = r2 + ldc;
        int r4 = r3 + ldc;
        int r5 = r4 + ldc;
        DoubleVector.fromArray(SPECIES, c, ci).add(c00).intoArray(c, ci);
        DoubleVector.fromArray(SPECIES, c, ci + LANES).add(c01).intoArray(c, ci + LANES);
        DoubleVector.fromArray(SPECIES, c, r1).add(c10).intoArray(c, r1);
        DoubleVector.fromArray(SPECIES, c, r1 + LANES).add(c11).intoArray(c, r1 + LANES);
        DoubleVector.fromArray(SPECIES, c, r2).add(c20).intoArray(c, r2);
        DoubleVector.fromArray(SPECIES, c, r2 + LANES).add(c21).intoArray(c, r2 + LANES);
        DoubleVector.fromArray(SPECIES, c, r3).add(c30).intoArray(c, r3);
        DoubleVector.fromArray(SPECIES, c, r3 + LANES).add(c31).intoArray(c, r3 + LANES);
        DoubleVector.fromArray(SPECIES, c, r4).add(c40).intoArray(c, r4);
        DoubleVector.fromArray(SPECIES, c, r4 + LANES).add(c41).intoArray(c, r4 + LANES);
        DoubleVector.fromArray(SPECIES, c, r5).add(c50).intoArray(c, r5);
        DoubleVector.fromArray(SPECIES, c, r5 + LANES).add(c51).intoArray(c, r5 + LANES);
    }
}
