package dev.lemma.stats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lemma.linalg.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/// Reads the JSON reference files of the stats tests and compares with a relative tolerance.
final class ReferenceData {
    private ReferenceData() {}

    static Map<String, Object> load(String resource) {
        try (InputStream in = ReferenceData.class.getResourceAsStream(resource)) {
            assertThat(in).as("resource %s", resource).isNotNull();
            return Json.object(Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Object> object(Map<String, Object> parent, String key) {
        assertThat(parent).as("key %s", key).containsKey(key);
        return Json.object(parent.get(key));
    }

    static double number(Map<String, Object> parent, String key) {
        assertThat(parent).as("key %s", key).containsKey(key);
        return Json.number(parent.get(key));
    }

    static double[] vector(Object list) {
        List<Object> values = Json.list(list);
        double[] v = new double[values.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = Json.number(values.get(i));
        }
        return v;
    }

    static double[][] matrix(Object list) {
        List<Object> rows = Json.list(list);
        double[][] m = new double[rows.size()][];
        for (int i = 0; i < m.length; i++) {
            m[i] = vector(rows.get(i));
        }
        return m;
    }

    /// $|a - e| \le \text{tol}\,|e|$ (absolute `tol` when $e = 0$); returns the relative difference seen.
    static double assertRelative(double actual, double expected, double tol, String what) {
        double scale = expected == 0.0 ? 1.0 : Math.abs(expected);
        double difference = Math.abs(actual - expected) / scale;
        assertThat(difference)
                .as(
                        "%s: Lemma %s, reference %s (relative difference %.3g > %.1g)",
                        what, actual, expected, difference, tol)
                .isLessThanOrEqualTo(tol);
        return difference;
    }
}
