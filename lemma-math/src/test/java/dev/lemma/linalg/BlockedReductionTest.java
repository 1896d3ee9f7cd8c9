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

    /// Rows, columns, panel width, crossover ($m \ge n$): square, tall, primes, around the panel
    /// width, and the production block sizes just above their crossover.
    static Stream<Arguments> bidiagonalCases() {
        List<Arguments> cases = new ArrayList<>();
        int[][] shapes = {{0, 0}, {1, 1}, {2, 1}, {3, 3}, {5, 2}, {7, 7}, {9, 8}, {13, 13}, {17, 16}, {31, 31}, {50, 23}
        };
        for (int[] shape : shapes) {
            cases.add(Arguments.of(shape[0], shape[1], 4, 2));
            cases.add(Arguments.of(shape[0], shape[1], 8, 0));
            cases.add(Arguments.of(shape[0], shape[1], 3, 5));
        }
        int n = Bidiagonal.CROSSOVER + 2 * Bidiagonal.BLOCK + 5;
        cases.add(Arguments.of(n, n, Bidiagonal.BLOCK, Bidiagonal.CROSSOVER));
        cases.add(Arguments.of(n + 41, n, Bidiagonal.BLOCK, Bidiagonal.CROSSOVER));
        return cases.stream();
    }

    @ParameterizedTest
    @MethodSource("bidiagonalCases")
    void blockedBidiagonalMatchesUnblocked(int m, int n, int block, int crossover) {
        double[] a = Matrix.random(m, n, 31L * m + n + block).toRowMajorArray();
        double[] blocked = a.clone();
        double[] plain = a.clone();
        double[][] d = new double[2][n];
        double[][] e = new double[2][Math.max(n - 1, 0)];
        double[][] u = new double[2][n * m];
        double[][] tauLeft = new double[2][n];
        double[][] tauRight = new double[2][n];
        Bidiagonal.reduce(blocked, m, n, d[0], e[0], u[0], tauLeft[0], tauRight[0], block, crossover);
        Bidiagonal.reduceUnblocked(plain, m, n, 0, d[1], e[1], u[1], tauLeft[1], tauRight[1]);
        int size = Math.max(Math.max(m, n), 1);
        double scale = C * size * U * Math.max(Matrix.wrap(m, n, a).normFrobenius(), 1.0);
        assertClose(d[0], d[1], scale, "d");
        assertClose(e[0], e[1], scale, "e");
        assertClose(tauLeft[0], tauLeft[1], C * size * U, "tauLeft");
        assertClose(tauRight[0], tauRight[1], C * size * U, "tauRight");
        for (int k = 0; k < n; k++) {
            for (int i = k + 1; i < m; i++) {
                assertThat(Math.abs(u[0][k * m + i] - u[1][k * m + i]))
                        .as("left reflector %d entry %d", k, i)
                        .isLessThanOrEqualTo(C * size * U);
            }
            for (int j = k + 2; j < n; j++) {
                assertThat(Math.abs(blocked[k * n + j] - plain[k * n + j]))
                        .as("right reflector %d entry %d", k, j)
                        .isLessThanOrEqualTo(C * size * U);
            }
        }
    }

    static void assertClose(double[] x, double[] y, double tolerance, String name) {
        for (int i = 0; i < x.length; i++) {
            assertThat(Math.abs(x[i] - y[i])).as("%s[%d]", name, i).isLessThanOrEqualTo(tolerance);
        }
    }
}
