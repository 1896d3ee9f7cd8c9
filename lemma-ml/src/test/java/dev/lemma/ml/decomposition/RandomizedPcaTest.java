package dev.lemma.ml.decomposition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lemma.data.Dataset;
import dev.lemma.linalg.Matrix;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/// The randomized solver against the full SVD on the two kinds of data its one-sided orthonormalisation
/// (only the $d \times l$ side in each power iteration) could get wrong: a steep spectrum, where
/// $X^\top X Z$ squares a large condition number, and data of lower rank than the sketch, where the
/// sketch's extra columns have nothing to capture.
class RandomizedPcaTest {

    /// $m \times d$ data $U \operatorname{diag}(s) V^\top$ with orthonormal $U$, $V$ from seeded QRs.
    private static Dataset withSpectrum(int m, int d, double[] s, long seed) {
        Matrix u = Matrix.random(m, s.length, seed).qr().q();
        Matrix v = Matrix.random(d, s.length, seed + 1).qr().q();
        Matrix x = u.times(Matrix.diagonal(s)).times(v.transpose());
        List<String> names = new ArrayList<>();
        for (int j = 0; j < d; j++) {
            names.add("x" + j);
        }
        return Dataset.of("spectrum", x, names, new double[m], "y", List.of());
    }

    private static void assertMatchesFull(Dataset data, int k, double tolerance) {
        PCA.Fitted full = new PCA(k, false, PCA.Solver.FULL, 0).fit(data);
        PCA.Fitted randomized = new PCA(k, false, PCA.Solver.RANDOMIZED, 11).fit(data);
        double[] expected = full.explainedVariance();
        for (int c = 0; c < k; c++) {
            assertThat(randomized.explainedVariance()[c])
                    .as("variance %d", c)
                    .isCloseTo(expected[c], within(tolerance * expected[c]));
            double[] a = randomized.components()[c];
            double[] b = full.components()[c];
            double dot = 0;
            for (int j = 0; j < a.length; j++) {
                dot += a[j] * b[j];
            }
            assertThat(Math.abs(dot)).as("|cos| between components %d", c).isCloseTo(1.0, within(tolerance));
        }
    }

    @Test
    void aSteepSpectrumKeepsItsLeadingComponents() {
        // Singular values from 1e3 down to 1e-3: sigma_1 / sigma_l = 1e6, squared 1e12 in X^T X Z.
        int d = 40;
        double[] s = new double[d];
        for (int i = 0; i < d; i++) {
            s[i] = Math.pow(10, 3 - 6.0 * i / (d - 1));
        }
        assertMatchesFull(withSpectrum(3000, d, s, 21), 5, 1e-9);
    }

    @Test
    void dataOfLowerRankThanTheSketchAreFound() {
        // Rank 3 in 12 columns; k = 3 gives a sketch of l = min(12, 3 + 10) = 12 columns, 9 of them
        // with nothing to capture.
        assertMatchesFull(withSpectrum(2000, 12, new double[] {9, 4, 1}, 5), 3, 1e-9);
    }
}
