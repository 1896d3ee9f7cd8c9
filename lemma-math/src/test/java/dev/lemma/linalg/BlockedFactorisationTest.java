package dev.lemma.linalg;

import static dev.lemma.linalg.SolverFixtures.EPS;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
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
        for (int block : new int[] {1, 4, 7, 16, Cholesky.BLOCK}) {
            Matrix blocked = Cholesky.of(a, block).lower();
            assertThat(blocked.maxAbsDifference(reference))
                    .as("block %d", block)
                    .isLessThanOrEqualTo(100 * (n + 1) * EPS * Math.sqrt(Math.max(1, a.normInf())));
        }
    }
}
