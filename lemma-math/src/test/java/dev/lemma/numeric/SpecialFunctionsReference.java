package dev.lemma.numeric;

import dev.lemma.linalg.Json;
import java.util.List;
import java.util.Map;

/// Reads `reference/scipy-sklearn/special_functions.json` (SciPy 1.10.1 values written by the shared
/// folder's `generate.py`; see the README beside the JSON). Objects become `Map<String, Object>`,
/// arrays `List<Object>`; the generator writes non-finite values as the strings `"Infinity"`,
/// `"-Infinity"` and `"NaN"`, which [#number] reads.
final class SpecialFunctionsReference {
    private SpecialFunctionsReference() {}

    static final Map<String, Object> ROOT = load();

    private static Map<String, Object> load() {
        return Json.resource("/reference/scipy-sklearn/special_functions.json");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> block(String name) {
        return (Map<String, Object>) ROOT.get(name);
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object o) {
        return (List<Object>) o;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Object o) {
        return (Map<String, Object>) o;
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
}
