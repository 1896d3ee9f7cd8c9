package dev.lemma.prob;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lemma.linalg.Json;
import java.util.List;
import java.util.Map;

/// Reads `reference/scipy-sklearn/distributions.json` (SciPy 1.10.1 values written by `generate.py` in the
/// shared reference folder `reference/scipy-sklearn/`, copied unchanged; see the README beside it). Objects become
/// maps, arrays lists; the generator writes non-finite values as the
/// strings `"Infinity"`, `"-Infinity"` and `"NaN"`, which [#number] reads.
final class DiscreteReferenceValues {
    private DiscreteReferenceValues() {}

    /// The README beside the JSON suggests relative $10^{-12}$ for distributions.
    static final double RELATIVE = 1e-12;

    static final Map<String, Object> ROOT = load();

    private static Map<String, Object> load() {
        return Json.resource("/reference/scipy-sklearn/distributions.json");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> block(String name) {
        return (Map<String, Object>) ROOT.get(name);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> family(String name) {
        for (Object o : (List<Object>) ROOT.get("univariate")) {
            Map<String, Object> m = (Map<String, Object>) o;
            if (name.equals(m.get("family"))) {
                return m;
            }
        }
        throw new IllegalArgumentException("no family " + name + " in distributions.json");
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object o) {
        return (List<Object>) o;
    }

    static double number(Object o) {
        return switch (o) {
            case Number x -> x.doubleValue();
            case String text -> Double.parseDouble(text); // "Infinity", "-Infinity", "NaN"
            default -> throw new IllegalArgumentException("not a number: " + o);
        };
    }

    static double[] numbers(Object o) {
        List<Object> values = list(o);
        double[] out = new double[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = number(values.get(i));
        }
        return out;
    }

    static double[][] matrix(Object o) {
        List<Object> rows = list(o);
        double[][] out = new double[rows.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = numbers(rows.get(i));
        }
        return out;
    }

    /// Relative error of `actual` against `expected`; exact agreement (including equal infinities) is 0;
    /// a nonzero result where 0 is expected counts as its absolute value.
    static double relativeError(double actual, double expected) {
        if (Double.compare(actual, expected) == 0 || actual == expected) {
            return 0.0;
        }
        if (!Double.isFinite(expected) || !Double.isFinite(actual)) {
            return Double.POSITIVE_INFINITY;
        }
        if (expected == 0.0) {
            return Math.abs(actual);
        }
        return Math.abs(actual - expected) / Math.abs(expected);
    }

    /// Asserts agreement within [#RELATIVE] and returns the error, for the record of the worst.
    static double check(String what, double actual, double expected) {
        double error = relativeError(actual, expected);
        assertThat(error)
                .as("%s = %s, SciPy %s: relative error %.3g exceeds %.0g", what, actual, expected, error, RELATIVE)
                .isLessThanOrEqualTo(RELATIVE);
        return error;
    }
}
