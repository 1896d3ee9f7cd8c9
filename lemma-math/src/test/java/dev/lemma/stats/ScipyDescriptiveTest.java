package dev.lemma.stats;

import static dev.lemma.stats.ReferenceData.assertRelative;
import static dev.lemma.stats.ReferenceData.number;
import static dev.lemma.stats.ReferenceData.object;
import static dev.lemma.stats.ReferenceData.vector;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lemma.linalg.Json;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/// [Summary] and [Descriptive] against the shared SciPy/NumPy reference `descriptive_statistics.json`
/// (NumPy 1.24.2, SciPy 1.10.1; provenance in `src/test/resources/reference/scipy-sklearn/README.md`):
/// every moment, the median, the type-7 quantiles, min and max of `describe`, and the Pearson,
/// Spearman and Kendall τ-b statistics of `correlation`, all to [#RELATIVE] (the README's suggested
/// tolerance). Every value is in fact met to within 1e-14 relative (7e-15 at worst, on `z`, printed by
/// the test): no point needs a looser bound.
class ScipyDescriptiveTest {
    private static final double RELATIVE = 1e-12;
    private static final Map<String, Object> REFERENCE =
            ReferenceData.load("/reference/scipy-sklearn/descriptive_statistics.json");

    @ParameterizedTest
    @ValueSource(strings = {"x", "y", "z"})
    void describeMatchesNumpyAndScipy(String name) {
        double[] data = vector(object(REFERENCE, "samples").get(name));
        Map<String, Object> expected = object(object(REFERENCE, "describe"), name);
        Summary s = Summary.of(data);

        assertThat(s.count()).isEqualTo((long) number(expected, "n"));
        double worst = 0.0;
        worst = Math.max(worst, assertRelative(s.mean(), number(expected, "mean"), RELATIVE, name + " mean"));
        worst = Math.max(
                worst,
                assertRelative(s.populationVariance(), number(expected, "var_ddof0"), RELATIVE, name + " var ddof=0"));
        worst = Math.max(
                worst, assertRelative(s.variance(), number(expected, "var_ddof1"), RELATIVE, name + " var ddof=1"));
        worst = Math.max(
                worst,
                assertRelative(
                        s.populationStandardDeviation(),
                        number(expected, "std_ddof0"),
                        RELATIVE,
                        name + " std ddof=0"));
        worst = Math.max(
                worst,
                assertRelative(s.standardDeviation(), number(expected, "std_ddof1"), RELATIVE, name + " std ddof=1"));
        worst = Math.max(
                worst, assertRelative(s.skewness(), number(expected, "skew_biased"), RELATIVE, name + " skew g1"));
        worst = Math.max(
                worst,
                assertRelative(s.adjustedSkewness(), number(expected, "skew_unbiased"), RELATIVE, name + " skew G1"));
        worst = Math.max(
                worst,
                assertRelative(
                        s.kurtosis(), number(expected, "kurtosis_fisher_biased"), RELATIVE, name + " kurtosis g2"));
        worst = Math.max(
                worst,
                assertRelative(
                        s.adjustedKurtosis(),
                        number(expected, "kurtosis_fisher_unbiased"),
                        RELATIVE,
                        name + " kurtosis G2"));
        assertThat(s.min()).as("%s min", name).isEqualTo(number(expected, "min"));
        assertThat(s.max()).as("%s max", name).isEqualTo(number(expected, "max"));
        assertThat(Descriptive.median(data)).as("%s median", name).isEqualTo(number(expected, "median"));

        double[] p = vector(expected.get("quantile_probs"));
        double[] q = vector(expected.get("quantiles_linear"));
        double[] lemma = Descriptive.quantiles(data, p, QuantileMethod.LINEAR);
        for (int k = 0; k < p.length; k++) {
            worst = Math.max(worst, assertRelative(lemma[k], q[k], RELATIVE, name + " quantile " + p[k]));
            assertThat(Descriptive.quantile(data, p[k])).isEqualTo(lemma[k]);
        }
        System.out.printf("%s: largest relative difference from NumPy/SciPy %.2g%n", name, worst);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1})
    void correlationsMatchScipy(int pair) {
        Map<String, Object> c =
                Json.object(Json.list(REFERENCE.get("correlation")).get(pair));
        Map<String, Object> samples = object(REFERENCE, "samples");
        double[] x = vector(samples.get((String) c.get("x")));
        double[] y = vector(samples.get((String) c.get("y")));
        String what = c.get("x") + "," + c.get("y");

        assertRelative(Descriptive.pearson(x, y), number(object(c, "pearson"), "r"), RELATIVE, what + " Pearson");
        assertRelative(Descriptive.spearman(x, y), number(object(c, "spearman"), "rho"), RELATIVE, what + " Spearman");
        assertRelative(
                Descriptive.kendallTau(x, y),
                number(object(c, "kendall_tau_b"), "tau_b"),
                RELATIVE,
                what + " Kendall tau-b");
    }
}
