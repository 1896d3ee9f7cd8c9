package dev.lemma.stats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lemma.linalg.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/// Every test against the values SciPy 1.10.1 printed for the same samples
/// (`reference/scipy-sklearn/hypothesis_tests.json`): statistic and p-value to $10^{-10}$ relative, the
/// degrees of freedom exactly (Welch's to $10^{-12}$).
class HypothesisTestsReferenceTest {
    private static final double RELATIVE = 1e-10;
    private static final Map<String, Object> ROOT = load();

    private static Map<String, Object> load() {
        return Json.resource("/reference/scipy-sklearn/hypothesis_tests.json");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> block(String name) {
        return (Map<String, Object>) ROOT.get(name);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> cases(String name) {
        return (List<Map<String, Object>>) ROOT.get(name);
    }

    @SuppressWarnings("unchecked")
    private static double[] sample(String name) {
        List<Number> values = (List<Number>) block("samples").get(name);
        return values.stream().mapToDouble(Number::doubleValue).toArray();
    }

    @SuppressWarnings("unchecked")
    private static double[] numbers(Object o) {
        return ((List<Number>) o).stream().mapToDouble(Number::doubleValue).toArray();
    }

    private static double number(Map<String, Object> m, String key) {
        return ((Number) m.get(key)).doubleValue();
    }

    private static void assertMatches(TestResult r, Map<String, Object> expected, String statisticKey) {
        assertThat(r.statistic())
                .as("%s statistic", r.test())
                .isCloseTo(
                        number(expected, statisticKey),
                        org.assertj.core.api.Assertions.withinPercentage(RELATIVE * 100));
        assertThat(r.pValue())
                .as("%s p-value", r.test())
                .isCloseTo(
                        number(expected, "pvalue"), org.assertj.core.api.Assertions.withinPercentage(RELATIVE * 100));
    }

    @Test
    void tTests() {
        TestResult one = HypothesisTests.oneSampleT(sample("x"), 9.5);
        assertMatches(one, block("ttest_1samp"), "statistic");
        assertThat(one.df()).isEqualTo(number(block("ttest_1samp"), "df"));

        TestResult pooled = HypothesisTests.pooledT(sample("a"), sample("b"));
        assertMatches(pooled, block("ttest_ind_pooled"), "statistic");
        assertThat(pooled.df()).isEqualTo(number(block("ttest_ind_pooled"), "df"));

        TestResult welch = HypothesisTests.welchT(sample("a"), sample("b"));
        assertMatches(welch, block("ttest_ind_welch"), "statistic");
        assertThat(welch.df())
                .isCloseTo(
                        number(block("ttest_ind_welch"), "df_welch_satterthwaite"),
                        org.assertj.core.api.Assertions.withinPercentage(1e-10));

        TestResult paired = HypothesisTests.pairedT(sample("before"), sample("after"));
        assertMatches(paired, block("ttest_rel"), "statistic");
        assertThat(paired.df()).isEqualTo(number(block("ttest_rel"), "df"));
    }

    @Test
    void chiSquaredTests() {
        for (Map<String, Object> c : cases("chisquare_goodness_of_fit")) {
            double[] observed = numbers(c.get("f_obs"));
            TestResult r = c.containsKey("f_exp")
                    ? HypothesisTests.chiSquaredGoodnessOfFit(observed, numbers(c.get("f_exp")))
                    : HypothesisTests.chiSquaredGoodnessOfFit(observed);
            assertMatches(r, c, "statistic");
            assertThat(r.df()).isEqualTo(number(c, "df"));
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> tables =
                (List<Map<String, Object>>) block("chi2_contingency").get("cases");
        for (Map<String, Object> c : tables) {
            @SuppressWarnings("unchecked")
            List<Object> rows = (List<Object>) c.get("table");
            double[][] table =
                    rows.stream().map(HypothesisTestsReferenceTest::numbers).toArray(double[][]::new);
            TestResult r = HypothesisTests.chiSquaredIndependence(table, (Boolean) c.get("correction"));
            assertMatches(r, c, "statistic");
            assertThat(r.df()).isEqualTo(number(c, "dof"));
        }
    }

    @Test
    void oneWayAnova() {
        TestResult r = HypothesisTests.oneWayAnova(sample("g1"), sample("g2"), sample("g3"));
        assertMatches(r, block("f_oneway"), "statistic");
        assertThat(r.df()).isEqualTo(number(block("f_oneway"), "df_between"));
        assertThat(r.df2()).isEqualTo(number(block("f_oneway"), "df_within"));
    }

    @Test
    void kolmogorovSmirnovTests() {
        Map<String, Object> one = block("ks_1samp_normal");
        TestResult r = HypothesisTests.ksOneSample(
                sample("x"), v -> 0.5 * dev.lemma.numeric.SpecialFunctions.erfc(-(v - 10.0) / (2.0 * Math.sqrt(2))));
        assertMatches(r, one, "statistic");

        TestResult two = HypothesisTests.ksTwoSample(sample("a"), sample("b"));
        assertMatches(two, block("ks_2samp"), "statistic");
    }

    @Test
    void mannWhitneyU() {
        for (Map<String, Object> c : cases("mannwhitneyu")) {
            @SuppressWarnings("unchecked")
            List<String> names = (List<String>) c.get("samples");
            TestResult r = HypothesisTests.mannWhitneyU(sample(names.get(0)), sample(names.get(1)));
            assertMatches(r, c, "statistic_U1");
            assertThat(r.test()).contains("exact".equals(c.get("method_chosen")) ? "(exact)" : "normal approximation");
        }
    }
}
