package dev.lemma.linalg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/// The blocked reductions to condensed form against their unblocked specifications: the reflectors
/// are unique given the sign convention of [Reflectors#generate], so the blocked and unblocked
/// reductions must produce the same diagonal, off-diagonal, $\tau$ and reflector entries, up to
/// rounding. Small panel widths and crossovers exercise the blocked path on small matrices.
class BlockedReductionTest {
    /// Unit round-off $u = 2^{-53}$.
    private static final double U = 0x1p-53;

    /// The two reductions differ only in the order of their sums; on these well-conditioned random
    /// matrices the difference stays within a few hundred $n u \|A\|$ (observed: far less).
    private static final double C = 256.0;

    /// Order, panel width, crossover: 0, 1, primes, around the panel width, and the production block
    /// sizes just above their crossover.
    static Stream<Arguments> tridiagonalCases() {
        List<Arguments> cases = new ArrayList<>();
        for (int n : new int[] {0, 1, 2, 3, 5, 7, 8, 9, 13, 16, 17, 31, 47}) {
            cases.add(Arguments.of(n, 4, 2));
            cases.add(Arguments.of(n, 8, 0));
            cases.add(Arguments.of(n, 3, 5));
        }
        cases.add(
                Arguments.of(Tridiagonal.CROSSOVER + Tridiagonal.BLOCK + 1, Tridiagonal.BLOCK, Tridiagonal.CROSSOVER));
        cases.add(Arguments.of(
                Tridiagonal.CROSSOVER + 3 * Tridiagonal.BLOCK + 7, Tridiagonal.BLOCK, Tridiagonal.CROSSOVER));
        return cases.stream();
    }

    @ParameterizedTest
    @MethodSource("tridiagonalCases")
    void blockedTridiagonalMatchesUnblocked(int n, int block, int crossover) {
        Matrix r = Matrix.random(n, n, 17L * n + block);
        double[] a = r.plus(r.transpose()).toRowMajorArray();
        double[] blocked = a.clone();
        double[] plain = a.clone();
        int m = Math.max(n - 1, 0);
        double[] d1 = new double[n];
        double[] e1 = new double[m];
        double[] tau1 = new double[m];
        double[] d2 = new double[n];
        double[] e2 = new double[m];
        double[] tau2 = new double[m];
        Tridiagonal.reduce(blocked, n, d1, e1, tau1, block, crossover);
        Tridiagonal.reduceUnblocked(plain, n, 0, d2, e2, tau2);
        double scale = C * Math.max(n, 1) * U * Math.max(Matrix.wrap(n, n, a).normFrobenius(), 1.0);
        assertClose(d1, d2, scale, "d");
        assertClose(e1, e2, scale, "e");
        assertClose(tau1, tau2, C * Math.max(n, 1) * U, "tau");
        for (int i = 0; i < n; i++) {
            for (int j = i + 2; j < n; j++) {
                assertThat(Math.abs(blocked[i * n + j] - plain[i * n + j]))
                        .as("reflector %d entry %d", i, j)
                        .isLessThanOrEqualTo(C * Math.max(n, 1) * U);
            }
        }
    }

    static void assertClose(double[] x, double[] y, double tolerance, String name) {
        for (int i = 0; i < x.length; i++) {
            assertThat(Math.abs(x[i] - y[i])).as("%s[%d]", name, i).isLessThanOrEqualTo(tolerance);
        }
    }
}
