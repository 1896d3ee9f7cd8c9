package dev.lemma.linalg.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/// The timing helper shared by `lemma bench gemm` and the GEMM experiment: it leaves the true product
/// in `C`, reports a positive time, and compares results with NaN counted as the worst difference.
class GemmTimerTest {

    @Test
    void leavesTheProductInCAndReportsAPositiveTime() {
        int n = 37;
        SplittableRandom random = new SplittableRandom(3);
        double[] a = random.doubles((long) n * n, -1, 1).toArray();
        double[] b = random.doubles((long) n * n, -1, 1).toArray();
        double[] c = new double[n * n];
        double seconds = GemmTimer.secondsPerProduct(new ReorderedGemm(), n, a, b, c, 1_000_000L);
        assertThat(seconds).isPositive().isFinite();
        assertThat(GemmTimer.maxDifference(c, new ReferenceGemm().multiply(n, n, n, a, b)))
                .isZero();
        assertThat(GemmTimer.gflops(n, seconds)).isEqualTo(2.0 * n * n * n / seconds / 1e9);
    }

    @Test
    void aNanIsTheLargestDifference() {
        assertThat(GemmTimer.maxDifference(new double[] {1, 2, 3}, new double[] {1, 2.5, 3}))
                .isEqualTo(0.5);
        assertThat(GemmTimer.maxDifference(new double[] {1, Double.NaN, 3}, new double[] {1, 2, 30}))
                .isNaN();
        assertThatThrownBy(() -> GemmTimer.maxDifference(new double[2], new double[3]))
                .hasMessageContaining("2 and 3");
    }
}
