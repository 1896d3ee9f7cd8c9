package dev.lemma.app.lab;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/// The lab's JSON: Jackson, with every non-finite double written as `null` (JSON has no NaN, and
/// Plotly reads `null` as a gap), and request bodies read as plain maps.
final class LabJson {
    private static final ObjectMapper MAPPER = mapper();

    private LabJson() {}

    private static ObjectMapper mapper() {
        SimpleModule finite = new SimpleModule("finite-doubles");
        JsonSerializer<Double> number = new JsonSerializer<>() {
            @Override
            public void serialize(Double value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                writeDouble(value, gen);
            }
        };
        finite.addSerializer(Double.class, number);
        finite.addSerializer(Double.TYPE, number);
        finite.addSerializer(double[].class, new JsonSerializer<double[]>() {
            @Override
            public void serialize(double[] values, JsonGenerator gen, SerializerProvider provider) throws IOException {
                gen.writeStartArray();
                for (double v : values) {
                    writeDouble(v, gen);
                }
                gen.writeEndArray();
            }
        });
        finite.addSerializer(Float.class, new JsonSerializer<Float>() {
            @Override
            public void serialize(Float value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                writeDouble(value.doubleValue(), gen);
            }
        });
        return new ObjectMapper().registerModule(finite);
    }

    private static void writeDouble(double v, JsonGenerator gen) throws IOException {
        if (Double.isFinite(v)) {
            gen.writeNumber(v);
        } else {
            gen.writeNull();
        }
    }

    /// Writes a value as JSON.
    ///
    /// @param value maps, lists, strings, numbers, booleans, arrays
    /// @return the JSON text
    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    /// Reads a JSON object.
    ///
    /// @param json the text
    /// @return its members
    /// @throws IllegalArgumentException if the text is not one JSON object, saying where it failed
    static Map<String, Object> readObject(String json) {
        Object value;
        try {
            value = MAPPER.readValue(json, Object.class);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null
                    ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr();
            throw new IllegalArgumentException(
                    "the request body is not valid JSON" + where + ": " + e.getOriginalMessage());
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(
                    "the request body must be a JSON object of parameter values, like {\"n\": 3}");
        }
        @SuppressWarnings("unchecked") // Jackson reads a JSON object as a Map<String, Object>
        Map<String, Object> members = (Map<String, Object>) map;
        return members;
    }
}
