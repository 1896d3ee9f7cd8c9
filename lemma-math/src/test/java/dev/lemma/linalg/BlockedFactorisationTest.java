package dev.lemma.linalg;

import static dev.lemma.linalg.SolverFixtures.EPS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lemma.numeric.NotPositiveDefiniteException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/// The blocked LU, Cholesky and QR against their unblocked references (STYLE.md, "kernels in pairs"):
/// sizes 0, 1, primes, and non-multiples of the block sizes, with small blocks so that many panels
/// and ragged last panels occur.
class BlockedFactorisationTest {
    static IntStream sizes() {
        return IntStream.of(0, 1, 2, 3, 5, 7, 8, 13, 31, 63, 64, 65, 97, 130, 151);
    }

    @ParameterizedTest
    @MethodSource("sizes")
    void blockedLuAgreesWithUnblocked(int n) {
        Matrix a = Matrix.random(n, n, 20_000 + n);
        Lu reference = Lu.unblocked(a);
        for (int block : new int[] {1, 4, 7, 16, Lu.BLOCK}) {
            Lu blocked = Lu.of(a, block);
            // Same pivots (ties have probability 0 on random data), same factors up to rounding.
            assertThat(blocked.pivots()).as("block %d", block).isEqualTo(reference.pivots());
            assertThat(blocked.packed().maxAbsDifference(reference.packed()))
                    .as("block %d", block)
                    .isLessThanOrEqualTo(100 * (n + 1) * EPS * Math.max(1, a.normInf()));
            assertThat(blocked.singularPivot()).isEqualTo(reference.singularPivot());
        }
    }

    @ParameterizedTest
    @MethodSource("sizes")
    void blockedLuFindsTheSameSingularPivot(int n) {
        if (n < 3) {
            return;
        }
        // A zero column: pivot 1 is exactly 0, and the blocked panels must skip it as the unblocked loop does.
        double[][] entries = Matrix.random(n, n, 21_000 + n).toArray();
        for (double[] row : entries) {
            row[1] = 0.0;
        }
        Matrix a = Matrix.of(entries);
        assertThat(Lu.of(a, 4).singularPivot())
                .isEqualTo(Lu.unblocked(a).singularPivot())
                .isEqualTo(1);
        assertThat(Lu.of(a, 4).packed().maxAbsDifference(Lu.unblocked(a).packed()))
                .isLessThanOrEqualTo(100 * n * EPS * a.normInf());
    }

    @ParameterizedTest
    @MethodSource("sizes")
    void blockedCholeskyAgreesWithUnblocked(int n) {
        Matrix a = SolverFixtures.spd(n, 22_000 + n);
        Matrix reference = Cholesky.unblocked(a).lower();
        for (int block : new int[] {1, 4, 7, 16, 32, Cholesky.BLOCK}) {
            Matrix blocked = Cholesky.of(a, block).lower();
            assertThat(blocked.maxAbsDifference(reference))
                    .as("block %d", block)
                    .isLessThanOrEqualTo(100 * (n + 1) * EPS * Math.sqrt(Math.max(1, a.normInf())));
        }
    }

    /// Square, tall and wide shapes from every size, and panels that end exactly at, just before and just
    /// after the last column.
    static List<Arguments> qrShapes() {
        List<Arguments> shapes = new ArrayList<>();
        sizes().forEach(n -> {
            shapes.add(Arguments.of(n, n));
            shapes.add(Arguments.of(n + 1 + n / 3, n));
            shapes.add(Arguments.of(n / 2, n));
            shapes.add(Arguments.of(2 * n + 3, n));
            shapes.add(Arguments.of(n, 2 * n + 3));
        });
        shapes.add(Arguments.of(Qr.BLOCK - 1, Qr.BLOCK + 1));
        shapes.add(Arguments.of(Qr.BLOCK + 1, Qr.BLOCK - 1));
        shapes.add(Arguments.of(3 * Qr.BLOCK + 5, 2 * Qr.BLOCK));
        return shapes;
    }

    /// Rounding bound for two backward-stable QR factorisations of the same well-conditioned random
    /// matrix: both factors are within $c\,mn\,u$ of the exact ones (Higham, Theorem 19.4).
    private static double qrBound(int m, int n, Matrix a) {
        return 100 * (Math.max(m, n) + 1) * EPS * Math.max(1, a.normInf());
    }

    @ParameterizedTest
    @MethodSource("qrShapes")
    void blockedQrAgreesWithUnblocked(int m, int n) {
        Matrix a = Matrix.random(m, n, 23_000 + 101L * m + n);
        Qr reference = Qr.unblocked(a);
        if (m >= n) {
            // One panel holding every column: the panel code must be the reference's arithmetic exactly.
            assertThat(Qr.of(a, Math.max(1, n)).packed().maxAbsDifference(reference.packed()))
                    .isZero();
        }
        for (int block : new int[] {1, 2, 4, 7, 16, Qr.BLOCK}) {
            Qr blocked = Qr.of(a, block);
            assertThat(blocked.packed().maxAbsDifference(reference.packed()))
                    .as("block %d", block)
                    .isLessThanOrEqualTo(qrBound(m, n, a));
            double[] t = blocked.tau();
            double[] tr = reference.tau();
            assertThat(t).hasSameSizeAs(tr);
            for (int k = 0; k < t.length; k++) {
                // τ ∈ [1, 2] for a nonzero column: an absolute bound is a relative one.
                assertThat(Math.abs(t[k] - tr[k]))
                        .as("block %d, τ_%d", block, k)
                        .isLessThanOrEqualTo(qrBound(m, n, a));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("qrShapes")
    void blockedQFormationAgreesWithReflectorByReflector(int m, int n) {
        Qr qr = Qr.unblocked(Matrix.random(m, n, 24_000 + 101L * m + n));
        double[] packed = qr.packed().data();
        double[] tau = qr.tau();
        int p = tau.length;
        for (int cols : new int[] {p, m}) {
            Matrix reference = Matrix.wrap(m, cols, Householder.formQ(packed, m, n, tau, cols));
            for (int block : new int[] {1, 3, 16, Qr.BLOCK}) {
                Matrix blocked = Matrix.wrap(m, cols, CompactWy.formQ(packed, m, n, tau, cols, block));
                assertThat(blocked.maxAbsDifference(reference))
                        .as("block %d, %d columns", block, cols)
                        .isLessThanOrEqualTo(100 * (Math.max(m, n) + 1) * EPS);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("sizes")
    void blockedQrOfAZeroColumnKeepsTheIdentityReflector(int n) {
        if (n < 3) {
            return;
        }
        // Columns 0 and 1 zero below the diagonal: τ_0 = τ_1 = 0 exactly (H = I), and T must carry the zeros.
        double[][] entries = Matrix.random(n, n, 25_000 + n).toArray();
        for (int i = 1; i < n; i++) {
            entries[i][0] = 0.0;
            entries[i][1] = 0.0;
        }
        Matrix a = Matrix.of(entries);
        Qr blocked = Qr.of(a, 4);
        assertThat(blocked.tau()[0]).isZero();
        assertThat(blocked.tau()[1]).isZero();
        assertThat(blocked.packed().maxAbsDifference(Qr.unblocked(a).packed())).isLessThanOrEqualTo(qrBound(n, n, a));
        assertThat(blocked.q().times(blocked.r()).minus(a).normFrobenius()).isLessThanOrEqualTo(qrBound(n, n, a));
    }

    @ParameterizedTest
    @MethodSource("sizes")
    void blockedCholeskyNamesTheSameFailingPivot(int n) {
        if (n < 2) {
            return;
        }
        // An SPD matrix with a_jj lowered below Σ_k l_jk² for the last column: every other pivot passes,
        // so the recursion must reach the last leaf and report column n − 1, as the unblocked loop does.
        double[][] entries = SolverFixtures.spd(n, 26_000 + n).toArray();
        entries[n - 1][n - 1] = -1.0;
        Matrix a = Matrix.of(entries);
        for (int block : new int[] {1, 4, 7, Cholesky.BLOCK}) {
            assertThatThrownBy(() -> Cholesky.of(a, block))
                    .as("block %d", block)
                    .isInstanceOf(NotPositiveDefiniteException.class)
                    .hasMessageContaining("at column %d ".formatted(n - 1));
        }
        assertThatThrownBy(() -> Cholesky.unblocked(a)).hasMessageContaining("at column %d ".formatted(n - 1));
    }
}
