package dev.lemma.linalg;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;

/// Reads the reference values that SciPy, NumPy and scikit-learn wrote as JSON, for the tests that
/// compare Lemma against them. Objects become `Map<String, Object>`, arrays `List<Object>`, numbers
/// `Number`; the generator writes non-finite values as the strings `"Infinity"`, `"-Infinity"` and
/// `"NaN"`, which [#number] reads.
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {}

    public static Object parse(String text) {
        try {
            return MAPPER.readValue(text, Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("malformed reference JSON: " + e.getOriginalMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    public static List<Object> list(Object o) {
        return (List<Object>) o;
    }

    public static double number(Object o) {
        return switch (o) {
            case Number x -> x.doubleValue();
            case String text -> Double.parseDouble(text); // "Infinity", "-Infinity", "NaN"
            default -> throw new IllegalArgumentException("not a number: " + o);
        };
    }
}
