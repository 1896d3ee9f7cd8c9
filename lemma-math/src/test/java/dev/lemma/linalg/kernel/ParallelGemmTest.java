package dev.lemma.linalg.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

/// How [ParallelGemm] cuts `C` into tiles: whole register tiles, one tile per thread, and equal work
/// per thread whatever the number of threads. (That the tiles together compute the product is
/// [KernelsAgreeTest]'s job.)
class ParallelGemmTest {

    /// The tiles one call hands to the inner kernel, as `{rows, cols}`.
    private static List<int[]> tilesOf(int threads, int m, int n, int k) {
        List<int[]> tiles = new ArrayList<>();
        GemmKernel recorder = new GemmKernel() {
            @Override
            public String name() {
                return "recorder";
            }

            @Override
            public void gemm(
                    int rows,
                    int cols,
                    int depth,
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
                synchronized (tiles) {
                    tiles.add(new int[] {rows, cols});
                }
            }
        };
        try (ForkJoinPool pool = new ForkJoinPool(threads)) {
            new ParallelGemm(recorder, pool)
                    .gemm(m, n, k, 1.0, new double[m * k], 0, k, new double[k * n], 0, n, 0.0, new double[m * n], 0, n);
        }
        return tiles;
    }

    @Test
    void twoThreadsCutTheRowsNearTheMiddleAtAWholeRegisterTile() {
        // 1024 / 2 = 512 is not a multiple of 6; the nearest is 510 (512 - 2), not 516.
        List<int[]> tiles = tilesOf(2, 1024, 1024, 1024);

        assertThat(tiles).hasSize(2);
        assertThat(tiles).extracting(t -> t[0]).containsExactlyInAnyOrder(510, 514);
        assertThat(tiles).allSatisfy(t -> assertThat(t[1]).isEqualTo(1024));
    }

    @Test
    void threeThreadsGetAThirdOfTheWorkEach() {
        // Halving first would give one thread half of C and the other two a quarter each.
        int m = 600;
        int n = 600;
        List<int[]> tiles = tilesOf(3, m, n, 64);

        assertThat(tiles).hasSize(3);
        assertThat(tiles.stream().mapToLong(t -> (long) t[0] * t[1]).sum()).isEqualTo((long) m * n);
        assertThat(tiles)
                .allSatisfy(t -> assertThat((double) t[0] * t[1] / (m * n)).isBetween(0.32, 0.35));
    }

    @Test
    void smallProductsStayInOneTile() {
        // 64 x 64 x 64 is one MIN_TILE_WORK: not worth a fork.
        assertThat(tilesOf(2, 64, 64, 64)).hasSize(1);
    }

    @Test
    void cutsAreWholeGranulesNearestTheThreadsShare() {
        for (int granule : new int[] {ParallelGemm.ROW_GRANULE, ParallelGemm.COLUMN_GRANULE}) {
            for (int tiles = 2; tiles <= 8; tiles++) {
                int left = tiles / 2;
                for (int side = 0; side <= 3000; side++) {
                    int cut = ParallelGemm.cut(side, granule, left, tiles);
                    double share = (double) side * left / tiles;
                    assertThat(cut % granule)
                            .as("side %d, %d of %d", side, left, tiles)
                            .isZero();
                    assertThat(cut).isBetween(0, side);
                    assertThat(Math.abs(cut - share))
                            .as("side %d, %d of %d", side, left, tiles)
                            .isLessThanOrEqualTo(granule / 2.0);
                }
            }
        }
    }
}
