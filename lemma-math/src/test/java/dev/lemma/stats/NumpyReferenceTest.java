package dev.lemma.stats;

import static dev.lemma.stats.ReferenceData.assertRelative;
import static dev.lemma.stats.ReferenceData.matrix;
import static dev.lemma.stats.ReferenceData.number;
import static dev.lemma.stats.ReferenceData.object;
import static dev.lemma.stats.ReferenceData.vector;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lemma.linalg.Json;
import dev.lemma.linalg.Matrix;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/// [Descriptive] against NumPy 2.4.6 and SciPy 1.17.1 (`descriptive_extra.json`, written by the
/// `generate.py` beside it; see `src/test/resources/reference/numpy-scipy-local/README.md`): all
/// thirteen quantile methods at 15 probabilities on six samples (sizes 1, 2, 5, 10 with ties, 25, 40),
/// median, mode, IQR, and the rank correlations on larger samples with ties and as matrices.
///
/// Quantiles and order statistics are compared exactly: [QuantileMethod] follows NumPy's code operation
/// for operation, so any difference is a different definition, not rounding. Correlations and
/// covariances to [#RELATIVE].
class NumpyReferenceTest {
    private static final double RELATIVE = 1e-12;
    private static final Map<String, Object> REFERENCE =
            ReferenceData.load("/reference/numpy-scipy-local/descriptive_extra.json");

    @ParameterizedTest
    @EnumSource(QuantileMethod.class)
    void everyQuantileMethodMatchesNumpyBitForBit(QuantileMethod method) {
        double[] p = vector(REFERENCE.get("probs"));
        Map<String, Object> samples = object(REFERENCE, "samples");
        String numpyName = method.name().toLowerCase(Locale.ROOT);
        for (String name : samples.keySet()) {
            double[] data = vector(samples.get(name));
            double[] expected =
                    vector(object(object(REFERENCE, "quantiles"), name).get(numpyName));
            double[] actual = Descriptive.quantiles(data, p, method);
            for (int k = 0; k < p.length; k++) {
                assertThat(actual[k])
                        .as("%s of %s at p = %s", numpyName, name, p[k])
                        .isEqualTo(expected[k]);
            }
        }
    }

    @Test
    void medianModeAndIqrMatchNumpyAndScipy() {
        Map<String, Object> samples = object(REFERENCE, "samples");
        for (String name : samples.keySet()) {
            double[] data = vector(samples.get(name));
            assertThat(Descriptive.median(data))
                    .as("median of %s", name)
                    .isEqualTo(number(object(REFERENCE, "median"), name));
            assertThat(Descriptive.mode(data))
                    .as("mode of %s", name)
                    .isEqualTo(number(object(REFERENCE, "mode"), name));
            assertThat(Descriptive.interquartileRange(data))
                    .as("IQR of %s", name)
                    .isEqualTo(number(object(REFERENCE, "iqr"), name));
        }
    }

    @Test
    void correlationsOfLargerSamplesWithTiesMatchScipy() {
        Map<String, Object> samples = object(REFERENCE, "pair_samples");
        for (Object o : Json.list(REFERENCE.get("pairs"))) {
            Map<String, Object> pair = Json.object(o);
            double[] x = vector(samples.get((String) pair.get("x")));
            double[] y = vector(samples.get((String) pair.get("y")));
            String what = pair.get("x") + "," + pair.get("y");
            assertRelative(Descriptive.pearson(x, y), number(pair, "pearson"), RELATIVE, what + " Pearson");
            assertRelative(Descriptive.spearman(x, y), number(pair, "spearman"), RELATIVE, what + " Spearman");
            assertRelative(Descriptive.kendallTau(x, y), number(pair, "kendall_tau_b"), RELATIVE, what + " Kendall");
        }
    }

    @Test
    void matricesMatchNumpyCovCorrcoefAndScipy() {
        Map<String, Object> m = object(REFERENCE, "matrix");
        Matrix data = Matrix.of(matrix(m.get("data")));
        assertMatrix(Descriptive.covariance(data), matrix(m.get("cov")), "numpy.cov");
        assertMatrix(Descriptive.correlation(data), matrix(m.get("corrcoef")), "numpy.corrcoef");
        assertMatrix(Descriptive.spearmanCorrelation(data), matrix(m.get("spearman")), "spearmanr");
        assertMatrix(Descriptive.kendallCorrelation(data), matrix(m.get("kendall_tau_b")), "kendalltau");
    }

    private static void assertMatrix(Matrix actual, double[][] expected, String what) {
        assertThat(actual.rows()).isEqualTo(expected.length);
        for (int j = 0; j < expected.length; j++) {
            for (int k = 0; k < expected.length; k++) {
                assertRelative(actual.get(j, k), expected[j][k], RELATIVE, what + " (" + j + ", " + k + ")");
            }
        }
    }
}
