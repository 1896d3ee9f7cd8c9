package dev.lemma.prob;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/// Reads the `univariate` list of `reference/scipy-sklearn/distributions.json` (SciPy 1.10.1 values of
/// frozen `scipy.stats` distributions, written by the shared folder's `generate.py`; see the README
/// beside the JSON) and builds the Lemma distribution each continuous family names, from the same
/// parameters. Non-finite values are the strings `"Infinity"`, `"-Infinity"`, `"NaN"`.
final class ContinuousReference {
    private ContinuousReference() {}

    /// The continuous families of the file, with the SciPy call each entry records beside its values.
    static final List<String> FAMILIES = List.of(
            "normal", "uniform", "exponential", "gamma", "beta", "chi2", "student_t", "f", "lognormal", "laplace");

    private static final List<Object> UNIVARIATE = load();

    @SuppressWarnings("unchecked")
    private static List<Object> load() {
        try (InputStream in =
                ContinuousReference.class.getResourceAsStream("/reference/scipy-sklearn/distributions.json")) {
            if (in == null) {
                throw new IllegalStateException("distributions.json is missing from the test resources");
            }
            Map<String, Object> root = new ObjectMapper().readValue(in, Map.class);
            return (List<Object>) root.get("univariate");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /// The entry of one family.
    @SuppressWarnings("unchecked")
    static Map<String, Object> family(String name) {
        for (Object o : UNIVARIATE) {
            Map<String, Object> entry = (Map<String, Object>) o;
            if (name.equals(entry.get("family"))) {
                return entry;
            }
        }
        throw new IllegalArgumentException("no family " + name + " in distributions.json");
    }

    /// The Lemma distribution with the entry's parameters (`scipy_mapping` gives the correspondence).
    @SuppressWarnings("unchecked")
    static ContinuousDistribution distribution(Map<String, Object> entry) {
        Map<String, Object> p = (Map<String, Object>) entry.get("params");
        String family = (String) entry.get("family");
        return switch (family) {
            case "normal" -> new Normal(number(p.get("mu")), number(p.get("sigma")));
            case "uniform" -> new Uniform(number(p.get("a")), number(p.get("b")));
            case "exponential" -> new Exponential(number(p.get("rate")));
            case "gamma" -> new Gamma(number(p.get("k")), number(p.get("theta")));
            case "beta" -> new Beta(number(p.get("alpha")), number(p.get("beta")));
            case "chi2" -> new ChiSquared(number(p.get("k")));
            case "student_t" -> {
                // Lemma's StudentT is the standard one; the file's entry has location 0 and scale 1.
                if (number(p.get("mu")) != 0 || number(p.get("sigma")) != 1) {
                    throw new IllegalStateException("student_t entry is not standard: " + p);
                }
                yield new StudentT(number(p.get("nu")));
            }
            case "f" -> new FDistribution(number(p.get("d1")), number(p.get("d2")));
            case "lognormal" -> new LogNormal(number(p.get("mu")), number(p.get("sigma")));
            case "laplace" -> new Laplace(number(p.get("mu")), number(p.get("b")));
            default -> throw new IllegalArgumentException("not a continuous family: " + family);
        };
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

    @SuppressWarnings("unchecked")
    static double[] numbers(Object o) {
        List<Object> values = (List<Object>) o;
        double[] out = new double[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = number(values.get(i));
        }
        return out;
    }
}
