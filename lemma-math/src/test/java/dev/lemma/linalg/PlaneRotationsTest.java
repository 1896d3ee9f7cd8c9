package dev.lemma.linalg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/// [PlaneRotations#flush()] (strip-major, vectorised or not, split over cores) against the plain loop
/// [PlaneRotations#applyPlain] on separate rows, on the rotation patterns the QR sweeps emit.
class PlaneRotationsTest {
    /// Each rotation adds at most a few $u$ to an entry of an orthogonal matrix; `fma` changes the
    /// rounding, not the bound. 64 sweeps of up to 200 rotations stay far below $10^{-12}$.
    private static final double TOLERANCE = 1e-12;

    /// Rows × columns: 0, 1, primes, around the strip of 32 and the vector of 8, and one large enough
    /// to be split over cores.
    static Stream<Arguments> shapes() {
        int[][] shapes = {{2, 0}, {2, 1}, {3, 7}, {5, 8}, {13, 31}, {17, 32}, {33, 33}, {8, 67}, {40, 97}, {200, 300}};
        return Stream.of(shapes)
                .flatMap(shape ->
                        Stream.of(true, false).map(vectorised -> Arguments.of(shape[0], shape[1], vectorised)));
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void flushMatchesThePlainLoop(int rows, int cols, boolean vectorised) {
        SplittableRandom random = new SplittableRandom(rows * 1000L + cols);
        double[] start = new double[rows * cols];
        for (int i = 0; i < start.length; i++) {
            start[i] = random.nextDouble(-1.0, 1.0);
        }
        double[][] plain = new double[rows][];
        for (int i = 0; i < rows; i++) {
            plain[i] = java.util.Arrays.copyOfRange(start, i * cols, (i + 1) * cols);
        }
        PlaneRotations queue = PlaneRotations.of(start, rows, cols, vectorised);
        int capacity = 64 * rows * rows + 16;
        int[] p = new int[capacity];
        int[] q = new int[capacity];
        double[] c = new double[capacity];
        double[] s = new double[capacity];
        int count = 0;
        for (int sweep = 0; sweep < 64; sweep++) {
            int lo = random.nextInt(rows - 1);
            int hi = lo + 1 + random.nextInt(rows - 1 - lo);
            int pattern = sweep % 3;
            for (int k = lo; k < hi; k++) {
                double angle = random.nextDouble(0.0, 2 * Math.PI);
                // A chain down (QR sweep), rows (j, lo) (row chase), or a chain up to a fixed row
                // (column chase).
                int rp = pattern == 0 ? k : pattern == 1 ? k + 1 : hi - 1 - (k - lo);
                int rq = pattern == 0 ? k + 1 : pattern == 1 ? lo : hi;
                queue.add(rp, rq, Math.cos(angle), Math.sin(angle));
                p[count] = rp;
                q[count] = rq;
                c[count] = Math.cos(angle);
                s[count] = Math.sin(angle);
                count++;
            }
            if (sweep % 16 == 15) {
                queue.flush();
            }
        }
        int[] order = java.util.stream.IntStream.range(0, rows).toArray();
        double[] fast = queue.toRowMajor(order, cols);
        PlaneRotations.applyPlain(plain, p, q, c, s, count);
        double error = 0.0;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                error = Math.max(error, Math.abs(fast[i * cols + j] - plain[i][j]));
            }
        }
        assertThat(error).isLessThanOrEqualTo(TOLERANCE);
    }
}
