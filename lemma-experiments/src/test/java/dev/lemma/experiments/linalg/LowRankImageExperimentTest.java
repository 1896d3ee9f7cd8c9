package dev.lemma.experiments.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lemma.experiments.Arguments;
import dev.lemma.experiments.Progress;
import dev.lemma.experiments.Result;
import dev.lemma.viz.Series;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/// The low-rank-image experiment against the Eckart–Young theorem (§1.13): the errors it measures
/// from $A - A_k$ equal $\sigma_{k+1}$ in the 2-norm and $(\sum_{i>k}\sigma_i^2)^{1/2}$ in the
/// Frobenius norm.
class LowRankImageExperimentTest {

    /// Relative agreement of the measured Frobenius error with the Eckart–Young value: the SVD's
    /// factors are orthonormal to $O(n u)$, so the two differ by about $n u \|A\|_F^2 / \|A - A_k\|_F^2$
    /// relative, below 1e-10 while the error is above a thousandth of $\|A\|$.
    private static final double RELATIVE = 1e-10;

    private static final LowRankImageExperiment EXPERIMENT = new LowRankImageExperiment();

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 5, 20, 50, 100, 150})
    void astronautErrorsAreTheEckartYoungValues(int k) {
        LowRankImageExperiment.Decomposed d = LowRankImageExperiment.decomposed("astronaut");
        LowRankImageExperiment.Approximation approx = LowRankImageExperiment.approximate(d, k);
        assertThat(approx.frobenius()).isCloseTo(approx.eckartYoung(), within(RELATIVE * approx.eckartYoung()));
        assertThat(approx.spectral()).isCloseTo(d.sigma(k), within(RELATIVE * d.sigma(k)));
        assertThat(approx.nextSigma()).isEqualTo(d.sigma(k));
    }

    @Test
    void hubbleErrorsAreTheEckartYoungValues() {
        LowRankImageExperiment.Decomposed d = LowRankImageExperiment.decomposed("hubble-deep-field");
        assertThat(d.a().rows()).isEqualTo(436);
        assertThat(d.a().cols()).isEqualTo(500);
        for (int k : new int[] {1, 30, 200}) {
            LowRankImageExperiment.Approximation approx = LowRankImageExperiment.approximate(d, k);
            assertThat(approx.frobenius()).isCloseTo(approx.eckartYoung(), within(RELATIVE * approx.eckartYoung()));
            assertThat(approx.spectral()).isCloseTo(d.sigma(k), within(RELATIVE * d.sigma(k)));
        }
    }

    @Test
    void fullRankReproducesTheImage() {
        LowRankImageExperiment.Decomposed d = LowRankImageExperiment.decomposed("astronaut");
        double norm = d.a().normFrobenius();
        LowRankImageExperiment.Approximation full = LowRankImageExperiment.approximate(d, d.p());
        assertThat(full.frobenius()).isLessThan(1e-12 * norm);
        assertThat(full.eckartYoung()).isZero();
        assertThat(full.nextSigma()).isZero();
        // And the Frobenius norm of A is the root of the sum of all σᵢ² (k = 0).
        assertThat(d.eckartYoung(0)).isCloseTo(norm, within(1e-12 * norm));
    }

    @Test
    void theTableReportsTheMeasuredAndTheoreticalValues() {
        Result result = EXPERIMENT.run(Arguments.parse(EXPERIMENT, Map.of("rank", "10")), Progress.NONE);
        List<List<Object>> rows = result.tables().getFirst().rows();
        double measured = (double) rows.get(2).get(1);
        double theory = (double) rows.get(3).get(1);
        double spectral = (double) rows.get(4).get(1);
        double sigma = (double) rows.get(5).get(1);
        assertThat(measured).isCloseTo(theory, within(RELATIVE * theory));
        assertThat(spectral).isCloseTo(sigma, within(RELATIVE * sigma));
        assertThat(rows.get(7).get(1)).isEqualTo(10L * (256 + 256 + 1));
        assertThat(rows.get(8).get(1)).isEqualTo(256L * 256);
        // The images are drawn side by side at the image's size.
        Series.Image original = (Series.Image) result.charts().get(0).series().getFirst();
        Series.Image approx = (Series.Image) result.charts().get(1).series().getFirst();
        assertThat(original.width()).isEqualTo(256);
        assertThat(approx.height()).isEqualTo(256);
    }

    @Test
    void aRankBeyondTheImageIsReducedToItAndSaid() {
        Result result = EXPERIMENT.run(Arguments.parse(EXPERIMENT, Map.of("rank", "436")), Progress.NONE);
        assertThat(result.tables().getFirst().rows().getFirst().get(1)).isEqualTo(256);
        assertThat(String.join(" ", result.notes())).contains("more than this image's");
    }

    @Test
    void theBundledImageIsTheSourcesGreyLevels() {
        LowRankImageExperiment.Decomposed d = LowRankImageExperiment.decomposed("astronaut");
        assertThat(d.a().rows()).isEqualTo(256);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : d.a().toRowMajorArray()) {
            min = Math.min(min, v);
            max = Math.max(max, v);
            assertThat(v * 255).isCloseTo(Math.rint(v * 255), within(1e-9)); // 8-bit levels
        }
        assertThat(min).isGreaterThanOrEqualTo(0);
        assertThat(max).isLessThanOrEqualTo(1).isGreaterThan(0.5);
    }

    @Test
    void theSvdIsComputedOnceAndSharedBetweenThreads() throws Exception {
        Callable<LowRankImageExperiment.Decomposed> get = () -> LowRankImageExperiment.decomposed("astronaut");
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<LowRankImageExperiment.Decomposed>> results = pool.invokeAll(List.of(get, get, get, get));
            for (Future<LowRankImageExperiment.Decomposed> f : results) {
                assertThat(f.get()).isSameAs(results.getFirst().get());
            }
        }
    }

    @Test
    void shrinkingAveragesWholeBlocks() {
        // 4×6 with a(i, j) = 10i + j, shrunk to at most 3 a side: factor 2, blocks of 2×2.
        double[][] a = new double[4][6];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 6; j++) {
                a[i][j] = 10 * i + j;
            }
        }
        dev.lemma.linalg.Matrix small = LowRankImageExperiment.shrink(dev.lemma.linalg.Matrix.of(a), 3);
        assertThat(small.rows()).isEqualTo(2);
        assertThat(small.cols()).isEqualTo(3);
        for (int r = 0; r < 2; r++) {
            for (int c = 0; c < 3; c++) {
                // the mean of rows 2r, 2r+1 and columns 2c, 2c+1
                assertThat(small.get(r, c)).isEqualTo(10 * (2 * r + 0.5) + 2 * c + 0.5);
            }
        }
    }

    @Test
    void anUploadedImageIsShrunkAndStillObeysEckartYoung() {
        // 1200×900 (width×height): shrunk by 3 to 400×300.
        byte[] png = dev.lemma.experiments.TestImages.png(1200, 900, 11);
        String key = dev.lemma.experiments.UserData.put(dev.lemma.experiments.UserData.Kind.IMAGE, "mine.png", png);
        Result result = EXPERIMENT.run(Arguments.parse(EXPERIMENT, Map.of("image", key, "rank", "7")), Progress.NONE);

        LowRankImageExperiment.Decomposed d = LowRankImageExperiment.decomposed(key);
        assertThat(d.a().rows()).isEqualTo(300);
        assertThat(d.a().cols()).isEqualTo(400);
        LowRankImageExperiment.Approximation approx = LowRankImageExperiment.approximate(d, 7);
        assertThat(approx.frobenius()).isCloseTo(approx.eckartYoung(), within(RELATIVE * approx.eckartYoung()));
        assertThat(approx.spectral()).isCloseTo(d.sigma(7), within(RELATIVE * d.sigma(7)));
        assertThat(result.notes()).anyMatch(n -> n.contains("'mine.png'") && n.contains("300×400"));
        Series.Image original =
                (Series.Image) result.charts().getFirst().series().getFirst();
        assertThat(original.width()).isEqualTo(400);
        assertThat(original.height()).isEqualTo(300);
    }
}
