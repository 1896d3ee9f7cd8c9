package dev.lemma.linalg.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/// The dispatcher: which kernel runs for which size, with and without the Vector API, and that what it
/// picks computes the product.
class GemmTest {

    @Test
    void theStaircaseListsEveryStepSlowestFirst() {
        List<String> names = Gemm.staircase().stream().map(GemmKernel::name).toList();
        assertThat(names).containsExactly("reference", "reordered", "blocked", "simd", "parallel");
        // The build and the tests run with --add-modules=jdk.incubator.vector.
        assertThat(Gemm.simdAvailable()).isTrue();
        assertThat(Gemm.simdLanes()).isEqualTo(SimdGemm.LANES).isGreaterThanOrEqualTo(2);
        assertThat(Gemm.sequential()).isInstanceOf(SimdGemm.class);
        assertThat(Gemm.parallel()).isInstanceOf(ParallelGemm.class);
    }

    @Test
    void smallProductsRunTheReorderedLoop() {
        assertThat(Gemm.choose(0, 0, 0, true, 2)).isInstanceOf(ReorderedGemm.class);
        assertThat(Gemm.choose(15, 16, 16, true, 2)).isInstanceOf(ReorderedGemm.class);
        assertThat(Gemm.choose(1000, 1000, 0, true, 2)).isInstanceOf(ReorderedGemm.class);
        assertThat(Gemm.choose(15, 16, 16, false, 2)).isInstanceOf(ReorderedGemm.class);
    }

    @Test
    void mediumProductsRunTheSimdKernelOnOneThread() {
        assertThat(Gemm.choose(16, 16, 16, true, 2)).isInstanceOf(SimdGemm.class);
        assertThat(Gemm.choose(191, 192, 192, true, 2)).isInstanceOf(SimdGemm.class);
        assertThat(Gemm.choose(1000, 1000, 1000, true, 1)).isInstanceOf(SimdGemm.class);
    }

    @Test
    void largeProductsRunInParallelWhenThereIsMoreThanOneCore() {
        GemmKernel kernel = Gemm.choose(192, 192, 192, true, 2);
        assertThat(kernel).isInstanceOf(ParallelGemm.class);
        assertThat(((ParallelGemm) kernel).inner()).isInstanceOf(SimdGemm.class);
    }

    @Test
    void withoutTheVectorModuleTheScalarBlockedKernelTakesOver() {
        assertThat(Gemm.choose(16, 16, 16, false, 2)).isInstanceOf(BlockedGemm.class);
        assertThat(Gemm.choose(1000, 1000, 1000, false, 1)).isInstanceOf(BlockedGemm.class);
        GemmKernel parallel = Gemm.choose(1000, 1000, 1000, false, 2);
        assertThat(parallel).isInstanceOf(ParallelGemm.class);
        assertThat(((ParallelGemm) parallel).inner()).isInstanceOf(BlockedGemm.class);
    }

    @Test
    void thresholdsAreOrdered() {
        assertThat(Gemm.SIMD_MIN_WORK).isPositive().isLessThan(Gemm.PARALLEL_MIN_WORK);
    }

    static IntStream sizesAcrossTheThresholds() {
        // 16 and 96 are the cube roots of the two thresholds.
        return IntStream.of(0, 1, 2, 3, 15, 16, 17, 47, 95, 96, 97, 101, 150);
    }

    @ParameterizedTest
    @MethodSource("sizesAcrossTheThresholds")
    void whateverItPicksGemmComputesTheProduct(int n) {
        GemmProblem problem = GemmProblem.random(n, n + 1, n + 2, 0.75, 0.25, n);
        double[] expected = problem.runOn(new ReferenceGemm());
        double[] actual = problem.c().clone();
        Gemm.gemm(
                problem.m(),
                problem.n(),
                problem.k(),
                problem.alpha(),
                problem.a(),
                problem.aOffset(),
                problem.lda(),
                problem.b(),
                problem.bOffset(),
                problem.ldb(),
                problem.beta(),
                actual,
                problem.cOffset(),
                problem.ldc());
        for (int i = 0; i < problem.m(); i++) {
            for (int j = 0; j < problem.n(); j++) {
                assertThat(Math.abs(problem.at(actual, i, j) - problem.at(expected, i, j)))
                        .isLessThanOrEqualTo(problem.errorBound(i, j));
            }
        }
    }

    @Test
    void multiplyReturnsTheProductOfContiguousMatrices() {
        // [[1, 2, 3], [4, 5, 6]] · [[7, 8], [9, 10], [11, 12]] = [[58, 64], [139, 154]]
        double[] product = Gemm.multiply(2, 2, 3, new double[] {1, 2, 3, 4, 5, 6}, new double[] {7, 8, 9, 10, 11, 12});
        assertThat(product).containsExactly(58, 64, 139, 154);
        assertThat(Gemm.multiply(0, 3, 2, new double[0], new double[6])).isEmpty();
        assertThatThrownBy(() -> Gemm.kernel(1, -2, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("n must be ≥ 0 but is -2");
    }

    @Test
    void aJvmWithoutTheVectorModuleMultipliesWithTheScalarKernel() throws IOException, InterruptedException {
        // A fresh JVM on the same class path, without --add-modules=jdk.incubator.vector: Gemm must not
        // touch SimdGemm there (it would fail with NoClassDefFoundError) and must still multiply.
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process process = new ProcessBuilder(
                        java, "-cp", System.getProperty("java.class.path"), WithoutVectorModule.class.getName())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(output.strip()).isEqualTo("simd=false lanes=1 sequential=blocked 200x200=ok");
        assertThat(process.exitValue()).isZero();
    }
}
