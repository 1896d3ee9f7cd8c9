package dev.lemma.linalg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/// [MatrixVector]'s products (vectorised when the Vector API is present) against their plain loops,
/// on blocks inside a larger array (offsets, row strides wider than the block).
class MatrixVectorTest {
    /// Sums of up to 70 products of entries in $[-1, 1]$, ordered differently: a few $n u$ apart.
    private static final double TOLERANCE = 1e-13;

    /// Rows × columns: 0, 1, primes, around the 4-row unrolling and the vector of 8.
    static Stream<Arguments> shapes() {
        int[] sizes = {0, 1, 3, 4, 5, 7, 8, 9, 17, 31, 33, 70};
        return java.util.Arrays.stream(sizes)
                .boxed()
                .flatMap(r -> java.util.Arrays.stream(sizes).mapToObj(c -> Arguments.of(r, c)));
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void productsMatchThePlainLoops(int rows, int cols) {
        SplittableRandom random = new SplittableRandom(97L * rows + cols);
        int lda = cols + 3;
        int off = 5;
        double[] a = new double[off + rows * lda];
        for (int i = 0; i < a.length; i++) {
            a[i] = random.nextDouble(-1.0, 1.0);
        }
        double[] xr = new double[2 + rows];
        double[] xc = new double[2 + cols];
        for (int i = 0; i < xr.length; i++) {
            xr[i] = random.nextDouble(-1.0, 1.0);
        }
        for (int i = 0; i < xc.length; i++) {
            xc[i] = random.nextDouble(-1.0, 1.0);
        }
        double[] fast = new double[1 + cols];
        double[] plain = new double[1 + cols];
        MatrixVector.transposeTimes(a, off, lda, rows, cols, xr, 2, fast, 1);
        MatrixVector.transposeTimesPlain(a, off, lda, rows, cols, xr, 2, plain, 1);
        assertClose(fast, plain, "Aᵀx");
        fast = new double[1 + rows];
        plain = new double[1 + rows];
        MatrixVector.times(a, off, lda, rows, cols, xc, 2, fast, 1);
        MatrixVector.timesPlain(a, off, lda, rows, cols, xc, 2, plain, 1);
        assertClose(fast, plain, "Ax");
    }

    private static void assertClose(double[] x, double[] y, String name) {
        for (int i = 0; i < x.length; i++) {
            assertThat(Math.abs(x[i] - y[i])).as("%s[%d]", name, i).isLessThanOrEqualTo(TOLERANCE);
        }
    }
}
