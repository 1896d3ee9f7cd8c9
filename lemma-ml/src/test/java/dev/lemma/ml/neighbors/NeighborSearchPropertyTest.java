package dev.lemma.ml.neighbors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lemma.linalg.Matrix;
import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/// The k-d tree and the brute-force search against a plain reference (sort every training row by
/// (squared distance, index)) on many seeded random datasets: continuous data, data on a small integer
/// grid (many exactly equal distances), duplicated rows, data far from the origin (where the GEMM
/// expansion cancels), queries that are training rows; all dimensions 1 to 6, leaf sizes 1 to 40, $k$ up
/// to $m$. The three must agree exactly, indices and distances.
class NeighborSearchPropertyTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void treeAndBruteForceEqualTheReference(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int trial = 0; trial < 15; trial++) {
            int m = 1 + random.nextInt(trial < 5 ? 12 : 400);
            int d = 1 + random.nextInt(6);
            int kind = random.nextInt(4);
            double[][] x = new double[m][d];
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < d; j++) {
                    x[i][j] = value(random, kind);
                }
                if (i > 0 && random.nextInt(5) == 0) {
                    x[i] = x[random.nextInt(i)].clone(); // a duplicate row
                }
            }
            int q = 1 + random.nextInt(60);
            double[][] queries = new double[q][];
            for (int i = 0; i < q; i++) {
                if (random.nextBoolean()) {
                    queries[i] = x[random.nextInt(m)].clone();
                } else {
                    queries[i] = new double[d];
                    for (int j = 0; j < d; j++) {
                        queries[i][j] = value(random, kind);
                    }
                }
            }
            int k = 1 + random.nextInt(Math.min(m, 12));
            int leafSize = 1 + random.nextInt(40);
            String what = "seed " + seed + " trial " + trial + ": m=" + m + " d=" + d + " kind=" + kind + " k=" + k
                    + " leaf=" + leafSize;
            Neighbors tree = new KDTree(Matrix.of(x), leafSize).query(Matrix.of(queries), k);
            Neighbors brute = new BruteForce(Matrix.of(x)).query(Matrix.of(queries), k);
            for (int i = 0; i < q; i++) {
                int[] expected = reference(x, queries[i], k);
                assertThat(tree.indices()[i])
                        .as("tree, " + what + " query " + i)
                        .containsExactly(expected);
                assertThat(brute.indices()[i])
                        .as("brute, " + what + " query " + i)
                        .containsExactly(expected);
                assertThat(tree.distances()[i]).as(what).containsExactly(brute.distances()[i]);
                for (int r = 0; r < k; r++) {
                    assertThat(tree.distances()[i][r]).isEqualTo(Math.sqrt(squared(x[expected[r]], queries[i])));
                }
            }
        }
    }

    @org.junit.jupiter.api.Test
    void manyBlocksOfQueriesAgree() {
        // 6 000 training rows: brute force takes 174 queries per block, so 2 500 queries make 15 blocks
        // shared by several tasks
        Matrix x = Matrix.random(6_000, 3, 21);
        Matrix queries = Matrix.random(2_500, 3, 22);
        Neighbors tree = new KDTree(x, 30).query(queries, 7);
        Neighbors brute = new BruteForce(x).query(queries, 7);
        for (int i = 0; i < queries.rows(); i++) {
            assertThat(brute.indices()[i]).as("query %d", i).containsExactly(tree.indices()[i]);
            assertThat(brute.distances()[i]).containsExactly(tree.distances()[i]);
        }
    }

    private static double value(SplittableRandom random, int kind) {
        return switch (kind) {
            case 0 -> random.nextGaussian();
            case 1 -> random.nextInt(4); // a coarse grid: ties everywhere
            case 2 -> 1e6 + random.nextGaussian(); // far from the origin
            default -> random.nextInt(3) * 0.1 + random.nextGaussian() * 1e-9;
        };
    }

    private static int[] reference(double[][] x, double[] q, int k) {
        Integer[] all = new Integer[x.length];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        Arrays.sort(
                all, Comparator.comparingDouble((Integer i) -> squared(x[i], q)).thenComparingInt(i -> i));
        int[] best = new int[k];
        for (int r = 0; r < k; r++) {
            best[r] = all[r];
        }
        return best;
    }

    private static double squared(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            double diff = b[j] - a[j];
            s += diff * diff;
        }
        return s;
    }
}
