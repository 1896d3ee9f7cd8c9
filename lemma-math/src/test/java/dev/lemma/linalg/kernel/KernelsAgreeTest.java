package dev.lemma.linalg.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.Stream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/// Every step of the staircase computes what [ReferenceGemm] computes, to within rounding, on sizes
/// chosen to hit every edge of the blocking: 0, 1, primes, and sizes just past the register tile
/// ([SimdGemm#MR] = 6, [SimdGemm#NR] = 16), the cache blocks ([SimdGemm#KC] = 256, [SimdGemm#NC] = 512,
/// [BlockedGemm#KC] = 128, [BlockedGemm#NC] = 256; [SimdGemm#MC] = 1536 is crossed by the kernel with
/// tiny blocks) and the parallel split (at multiples of [ParallelGemm#ROW_GRANULE] = 6 rows and
/// [ParallelGemm#COLUMN_GRANULE] = 16 columns).
class KernelsAgreeTest {
    private static final ForkJoinPool THREE_THREADS = new ForkJoinPool(3);
    private static final ForkJoinPool ONE_THREAD = new ForkJoinPool(1);
    private static final GemmKernel REFERENCE = new ReferenceGemm();

    @AfterAll
    static void closePools() {
        THREE_THREADS.close();
        ONE_THREAD.close();
    }

    /// The steps under test: the staircase as [Gemm] builds it, plus the parallel step over the scalar
    /// kernel and over other pools than the common one.
    static List<Named<GemmKernel>> kernels() {
        List<Named<GemmKernel>> kernels = new ArrayList<>();
        for (GemmKernel step : Gemm.staircase()) {
            kernels.add(Named.of(step.name(), step));
        }
        kernels.add(Named.of("parallel over blocked", new ParallelGemm(new BlockedGemm(), ForkJoinPool.commonPool())));
        kernels.add(Named.of("parallel, pool of 3", new ParallelGemm(Gemm.sequential(), THREE_THREADS)));
        kernels.add(Named.of("parallel, pool of 1", new ParallelGemm(Gemm.sequential(), ONE_THREAD)));
        // Tiny blocks, so that small matrices cross many block edges in every direction.
        kernels.add(Named.of("simd, tiny blocks", new SimdGemm(5, 2 * SimdGemm.MR, 2 * SimdGemm.NR)));
        return kernels;
    }

    /// `(m, n, k)`: squares of size 0, 1, primes and block edges, then rectangles.
    static List<int[]> shapes() {
        List<int[]> shapes = new ArrayList<>();
        for (int s : new int[] {0, 1, 2, 5, 7, 13, 16, 17, 31, 49, 67, 97, 121, 131}) {
            shapes.add(new int[] {s, s, s});
        }
        shapes.add(new int[] {0, 5, 3});
        shapes.add(new int[] {4, 0, 3});
        shapes.add(new int[] {4, 5, 0}); // k = 0: C becomes beta C
        shapes.add(new int[] {1, 33, 1});
        shapes.add(new int[] {37, 1, 19});
        shapes.add(new int[] {7, 13, 31});
        shapes.add(new int[] {131, 67, 13});
        shapes.add(new int[] {13, 131, 67});
        shapes.add(new int[] {7, 17, 600}); // k past two blocks of KC = 256
        shapes.add(new int[] {130, 33, 257}); // k one past KC
        shapes.add(new int[] {5, 300, 129}); // past the blocked kernel's KC = 128 and NC = 256
        shapes.add(new int[] {3, 2100, 7}); // n past four blocks of NC = 512
        shapes.add(new int[] {200, 150, 50}); // the pool of 3 cuts 66 rows, then 80 of 150 columns
        shapes.add(new int[] {203, 90, 40}); // the parallel step splits 203 rows at 102 = 17 MR, nearest the middle
        return shapes;
    }

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        long seed = 1;
        for (Named<GemmKernel> kernel : kernels()) {
            for (int[] s : shapes()) {
                cases.add(Arguments.of(kernel, GemmProblem.random(s[0], s[1], s[2], 1.5, -0.5, seed++)));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void everyStepAgreesWithTheReference(GemmKernel kernel, GemmProblem problem) {
        double[] expected = problem.runOn(REFERENCE);
        double[] actual = problem.runOn(kernel);
        for (int i = 0; i < problem.m(); i++) {
            for (int j = 0; j < problem.n(); j++) {
                double error = Math.abs(problem.at(actual, i, j) - problem.at(expected, i, j));
                assertThat(error)
                        .as("%s, %s, entry (%d, %d)", kernel.name(), problem, i, j)
                        .isLessThanOrEqualTo(problem.errorBound(i, j));
            }
        }
        assertOutsideOfCUntouched(problem, actual);
    }

    static Stream<Arguments> overwriteCases() {
        List<Arguments> cases = new ArrayList<>();
        for (Named<GemmKernel> kernel : kernels()) {
            for (int s : new int[] {1, 7, 31, 67}) {
                cases.add(Arguments.of(kernel, s));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}: n={1}")
    @MethodSource("overwriteCases")
    void betaZeroOverwritesNaNAndAlphaOneMatchesTheReference(GemmKernel kernel, int n) {
        GemmProblem problem = GemmProblem.random(n, n + 2, n + 1, 1.0, 0.0, 99 + n);
        for (int i = 0; i < problem.m(); i++) {
            for (int j = 0; j < problem.n(); j++) {
                problem.c()[problem.cOffset() + i * problem.ldc() + j] = Double.NaN;
            }
        }
        double[] expected = problem.runOn(REFERENCE);
        double[] actual = problem.runOn(kernel);
        for (int i = 0; i < problem.m(); i++) {
            for (int j = 0; j < problem.n(); j++) {
                assertThat(problem.at(actual, i, j))
                        .isFinite()
                        .isCloseTo(problem.at(expected, i, j), within(problem, i, j));
            }
        }
        assertOutsideOfCUntouched(problem, actual);
    }

    private static Offset<Double> within(GemmProblem problem, int i, int j) {
        return Offset.offset(problem.errorBound(i, j));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kernels")
    void aNaNInARowOfAMakesThatRowOfCNaN(GemmKernel kernel) {
        GemmProblem problem = GemmProblem.random(37, 41, 29, 1.0, 1.0, 7);
        int row = 20;
        problem.a()[problem.aOffset() + row * problem.lda() + 3] = Double.NaN;
        double[] actual = problem.runOn(kernel);
        for (int j = 0; j < problem.n(); j++) {
            assertThat(problem.at(actual, row, j)).isNaN();
            assertThat(problem.at(actual, row - 1, j)).isFinite();
        }
    }

    @Test
    void reorderedAndBlockedSumInTheReferenceOrderSoAgreeBitForBit() {
        // alpha = 1, beta = 0: the i-j-k, i-k-j and blocked loops add the same products in the same
        // order p = 0, 1, ..., k-1 to every entry, so not a single bit may differ. `lemma bench gemm`
        // relies on this to compute the reference with the faster i-k-j loop.
        for (int[] s : shapes()) {
            GemmProblem problem = GemmProblem.random(s[0], s[1], s[2], 1.0, 0.0, 5);
            double[] expected = problem.runOn(REFERENCE);
            assertThat(problem.runOn(new ReorderedGemm())).as("%s", problem).containsExactly(expected);
            assertThat(problem.runOn(new BlockedGemm())).as("%s", problem).containsExactly(expected);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kernels")
    void badArgumentsAreRejectedBeforeAnythingIsWritten(GemmKernel kernel) {
        double[] a = new double[12];
        double[] b = new double[12];
        double[] c = new double[9];
        assertThatThrownBy(() -> kernel.gemm(-1, 3, 4, 1, a, 0, 4, b, 0, 3, 0, c, 0, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("m must be ≥ 0 but is -1");
        assertThatThrownBy(() -> kernel.gemm(3, 3, 4, 1, a, 0, 3, b, 0, 3, 0, c, 0, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("A is 3×4 but its leading dimension is 3");
        assertThatThrownBy(() -> kernel.gemm(3, 3, 4, 1, a, 0, 4, b, 1, 3, 0, c, 0, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("B is 4×3 at offset 1")
                .hasMessageContaining("needs index 12, but the array has length 12");
        assertThatThrownBy(() -> kernel.gemm(3, 3, 4, 1, a, 0, 4, b, 0, 3, 0, c, 0, 4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("C is 3×3");
        assertThat(c).containsOnly(0.0);
        assertThatThrownBy(() -> kernel.multiply(2, 2, 2, new double[3], new double[4]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("A is 2×2");
    }

    @Test
    void simdBlocksMustBeWholeRegisterTiles() {
        assertThatThrownBy(() -> new SimdGemm(0, SimdGemm.MR, SimdGemm.NR))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("kc=0");
        assertThatThrownBy(() -> new SimdGemm(8, SimdGemm.MR + 1, SimdGemm.NR))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mc=" + (SimdGemm.MR + 1));
    }

    private static void assertOutsideOfCUntouched(GemmProblem problem, double[] actual) {
        for (int index = 0; index < actual.length; index++) {
            int r = index - problem.cOffset();
            boolean inBlock = r >= 0 && r / problem.ldc() < problem.m() && r % problem.ldc() < problem.n();
            if (!inBlock) {
                assertThat(actual[index])
                        .as("c[%d], outside the C block", index)
                        .isEqualTo(GemmProblem.SENTINEL);
            }
        }
    }
}
