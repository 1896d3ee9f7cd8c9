package dev.lemma.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lemma.numeric.Tolerances;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/// Theorem 1.16 (Eckart–Young) in the Frobenius norm: the truncated SVD $A_k$ has
/// $\|A - A_k\|_F^2 = \sum_{i > k}\sigma_i^2$, and no matrix of rank at most $k$ comes closer. The
/// 2-norm value $\|A - A_k\|_2 = \sigma_{k+1}$ is in `SvdTest`; the optimality is checked here in both
/// norms, against competitors built to be good: projections of $A$ onto random $k$-dimensional column or
/// row spaces, and rank-$k$ perturbations of $A_k$ itself, which probe its optimality locally.
class EckartYoungTest {
    private static final double U = Tolerances.UNIT_ROUNDOFF;

    /// The SVD's backward error is $c\,\max(m,n)\,u\,\|A\|_F$ (Golub and Van Loan, §8.6); c = 20 covers
    /// forming $A_k$ and the difference too.
    private static double tolerance(Matrix a) {
        return 20 * Math.max(a.rows(), a.cols()) * U * a.normFrobenius();
    }

    static Stream<Arguments> shapes() {
        return Stream.of(
                Arguments.of(12, 8, 1L),
                Arguments.of(8, 12, 2L),
                Arguments.of(20, 20, 3L),
                Arguments.of(30, 7, 4L),
                Arguments.of(5, 5, 5L),
                Arguments.of(1, 6, 6L));
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void truncationErrorIsTheSumOfTheDiscardedSquaredSingularValues(int m, int n, long seed) {
        Matrix a = Matrix.random(m, n, seed);
        Svd svd = a.svd();
        Vector sigma = svd.singularValues();
        int p = Math.min(m, n);
        for (int k = 0; k <= p; k++) {
            double tail = 0;
            for (int i = k; i < p; i++) { // 0-based: σ_{k+1}, …, σ_p in the book's numbering
                tail += sigma.get(i) * sigma.get(i);
            }
            double error = a.minus(svd.lowRankApproximation(k)).normFrobenius();
            assertThat(error).as("k = %d", k).isCloseTo(Math.sqrt(tail), within(tolerance(a)));
        }
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void noRankKMatrixComesCloser(int m, int n, long seed) {
        Matrix a = Matrix.random(m, n, seed);
        Svd svd = a.svd();
        int p = Math.min(m, n);
        double tolerance = tolerance(a);
        for (int k = 1; k < p; k++) {
            Matrix ak = svd.lowRankApproximation(k);
            double bestFrobenius = a.minus(ak).normFrobenius();
            double bestTwo = svd.singularValues().get(k);
            Matrix uk = svd.u().block(0, m, 0, k);
            Matrix vk = svd.v().block(0, n, 0, k);
            Matrix ukSigma =
                    uk.times(Matrix.diagonal(Arrays.copyOf(svd.singularValues().toArray(), k)));
            for (int t = 0; t < 30; t++) {
                long s = seed * 1000 + 31L * k + t;
                Matrix b = switch (t % 3) {
                    // The best approximation with a random k-dimensional column space: QQᵀA.
                    case 0 -> {
                        Matrix q = Matrix.random(m, k, s).qr().q();
                        yield q.times(q.transpose().times(a));
                    }
                    // ... or with a random row space: AQQᵀ.
                    case 1 -> {
                        Matrix q = Matrix.random(n, k, s).qr().q();
                        yield a.times(q).times(q.transpose());
                    }
                    // A_k with both factors perturbed, by 10⁻¹ down to 10⁻⁴: still rank k, and close.
                    default -> {
                        double delta = Math.pow(10, -1 - t % 4);
                        yield ukSigma.plus(Matrix.random(m, k, s).times(delta))
                                .times(vk.plus(Matrix.random(n, k, s + 1).times(delta))
                                        .transpose());
                    }
                };
                assertThat(a.minus(b).normFrobenius())
                        .as("‖A − B‖_F, k = %d, trial %d", k, t)
                        .isGreaterThanOrEqualTo(bestFrobenius - tolerance);
                assertThat(a.minus(b).norm2())
                        .as("‖A − B‖₂, k = %d, trial %d", k, t)
                        .isGreaterThanOrEqualTo(bestTwo - tolerance);
            }
        }
    }
}
