package dev.lemma.linalg;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
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

    /// Reads a JSON object from a test resource, such as
    /// `/reference/scipy-sklearn/distributions.json`.
    ///
    /// @param path the resource's absolute path on the class path
    /// @return the object
    /// @throws IllegalStateException naming the path if the resource is missing or cannot be read
    public static Map<String, Object> resource(String path) {
        try (InputStream in = Json.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is missing from the test resources");
            }
            return object(MAPPER.readValue(in, Object.class));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + path + ": " + e.getMessage(), e);
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
