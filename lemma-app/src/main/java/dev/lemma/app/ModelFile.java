package dev.lemma.app;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lemma.ml.Model;
import dev.lemma.ml.ModelState;
import dev.lemma.ml.Models;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/// A fitted model on disk, as `lemma fit` writes it and `evaluate`, `predict` and `inspect` read it:
/// versioned JSON (documented in `docs/model-file.md`).
///
/// ```json
/// {
///   "format": "lemma-model",
///   "version": 1,
///   "lemma": "0.1.0",
///   "kind": "logistic-regression",
///   "parameters": {"C": 1.0, "solver": "lbfgs", "max_iter": 1000, "tol": 1e-6},
///   "learned": {"coef_": [[...], ...], "intercept_": [...], "n_classes": 3, ...},
///   "features": ["sepal length (cm)", ...],
///   "target": "target",
///   "classes": ["setosa", "versicolor", "virginica"]
/// }
/// ```
///
/// `kind`, `parameters` and `learned` are the model's [ModelState]: scikit-learn's names for the
/// hyper-parameters (written sorted by name, so that a file does not depend on a map's order) and the
/// learned values. Arrays of whole numbers written without a decimal point are integer arrays (class
/// codes); other arrays of numbers are vectors, arrays of arrays are matrices,
/// arrays of strings are lists of names, and arrays of objects (`kind`, `parameters`, `learned`) are the
/// steps of a pipeline. `classes` is empty for a regressor or a transformer.
///
/// @param state what the model is and learned
/// @param features the feature names, in the order the model expects its columns
/// @param target the target column's name (empty for a transformer fitted without one)
/// @param classes for a classifier, the name of class $k$ at index $k$; empty otherwise
/// @param lemma the version of Lemma that wrote the file
record ModelFile(ModelState state, List<String> features, String target, List<String> classes, String lemma) {

    /// The value of the `format` field.
    static final String FORMAT = "lemma-model";

    /// The version of the format this Lemma writes and reads.
    static final int VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /// Copies the lists.
    ModelFile {
        features = List.copyOf(features);
        classes = List.copyOf(classes);
    }

    /// @return the model, rebuilt from its state
    /// @throws IllegalArgumentException naming what in the state is missing or mistyped
    Model model() {
        return Models.restore(state);
    }

    /// The model's states in order: the steps of a pipeline, or the model alone.
    ///
    /// @return the states
    List<ModelState> steps() {
        if (state.kind().equals("pipeline") && state.learned().get("steps") instanceof List<?> list) {
            return list.stream()
                    .filter(ModelState.class::isInstance)
                    .map(ModelState.class::cast)
                    .toList();
        }
        return List.of(state);
    }

    /// @return the kind of the model, or of a pipeline's last step (what its output is)
    String lastKind() {
        return steps().getLast().kind();
    }

    /// @return the model's kind, or a pipeline's kinds joined by arrows
    String describe() {
        return String.join(" → ", steps().stream().map(ModelState::kind).toList());
    }

    /// The file as JSON text.
    ///
    /// @return the JSON, indented
    String toJson() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("lemma", lemma);
        writeState(root, state);
        ArrayNode f = root.putArray("features");
        features.forEach(f::add);
        root.put("target", target);
        ArrayNode c = root.putArray("classes");
        classes.forEach(c::add);
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the model as JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static void writeState(ObjectNode node, ModelState state) {
        node.put("kind", state.kind());
        ObjectNode p = node.putObject("parameters");
        new java.util.TreeMap<>(state.parameters()).forEach((k, v) -> p.set(k, value(v)));
        ObjectNode l = node.putObject("learned");
        state.learned().forEach((k, v) -> l.set(k, value(v)));
    }

    private static JsonNode value(Object v) {
        if (v instanceof List<?> list && !list.isEmpty() && list.getFirst() instanceof ModelState) {
            ArrayNode a = JsonNodeFactory.instance.arrayNode();
            for (Object s : list) {
                writeState(a.addObject(), (ModelState) s);
            }
            return a;
        }
        return JSON.valueToTree(v);
    }

    /// Writes the file.
    ///
    /// @param file where, replaced if it exists
    /// @throws IllegalArgumentException naming the file if it cannot be written
    void write(Path file) {
        try {
            Files.writeString(file, toJson() + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /// Reads a model file.
    ///
    /// @param file the file
    /// @return its contents
    /// @throws IllegalArgumentException naming the file and what is wrong: missing, not JSON, another
    ///     format or version, a field that is missing or of the wrong type, or a model that does not restore
    static ModelFile read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no model file " + file, e);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the model file " + file + ": " + e.getMessage(), e);
        }
        ModelFile model = parse(text, file.toString());
        try {
            model.model();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + " is not a valid model file: " + e.getMessage(), e);
        }
        return model;
    }

    /// Parses a model file's text.
    ///
    /// @param text the JSON
    /// @param source the file's name, for messages
    /// @return its contents
    /// @throws IllegalArgumentException naming the source and what is wrong
    static ModelFile parse(String text, String source) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new IllegalArgumentException(
                    source + " is not a valid model file: its JSON is broken at line " + at.getLineNr() + ", column "
                            + at.getColumnNr() + " (" + e.getOriginalMessage() + ")",
                    e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(source + " is not a valid model file: expected a JSON object");
        }
        JsonNode format = root.get("format");
        if (format == null || !FORMAT.equals(format.asText(null))) {
            throw new IllegalArgumentException(source + " is not a Lemma model file: its \"format\" is "
                    + (format == null ? "missing" : format.toString()) + ", expected \"" + FORMAT + "\"");
        }
        JsonNode version = root.get("version");
        if (version == null || !version.isInt() || version.asInt() != VERSION) {
            throw new IllegalArgumentException(source + ": model file version "
                    + (version == null ? "missing" : version.toString()) + " is not supported; this Lemma reads"
                    + " version " + VERSION);
        }
        try {
            ModelState state = readState(root, "");
            List<String> features = names(field(root, "features", ""), "features");
            String target = text(field(root, "target", ""), "target");
            List<String> classes = names(field(root, "classes", ""), "classes");
            JsonNode lemma = root.get("lemma");
            return new ModelFile(state, features, target, classes, lemma == null ? "unknown" : lemma.asText());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + " is not a valid model file: " + e.getMessage(), e);
        }
    }

    private static JsonNode field(JsonNode node, String name, String where) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException("the field \"" + where + name + "\" is missing");
        }
        return v;
    }

    private static String text(JsonNode v, String name) {
        if (!v.isTextual()) {
            throw new IllegalArgumentException("\"" + name + "\" should be a string, found " + v.getNodeType());
        }
        return v.asText();
    }

    private static List<String> names(JsonNode v, String name) {
        if (!v.isArray()) {
            throw new IllegalArgumentException(
                    "\"" + name + "\" should be an array of strings, found " + v.getNodeType());
        }
        List<String> names = new ArrayList<>();
        for (JsonNode n : v) {
            names.add(text(n, name + "[" + names.size() + "]"));
        }
        return names;
    }

    private static ModelState readState(JsonNode node, String where) {
        String kind = text(field(node, "kind", where), where + "kind");
        return new ModelState(
                kind,
                values(field(node, "parameters", where), where + "parameters"),
                values(field(node, "learned", where), where + "learned"));
    }

    private static Map<String, Object> values(JsonNode node, String where) {
        if (!node.isObject()) {
            throw new IllegalArgumentException("\"" + where + "\" should be an object, found " + node.getNodeType());
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            values.put(e.getKey(), value(e.getValue(), where + "." + e.getKey()));
        }
        return values;
    }

    /// A JSON value as one of the types a [ModelState] holds.
    private static Object value(JsonNode v, String where) {
        if (v.isIntegralNumber()) {
            return v.canConvertToInt() ? (Object) v.intValue() : (Object) v.longValue();
        }
        if (v.isNumber()) {
            return v.doubleValue();
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isTextual()) {
            return v.textValue();
        }
        if (v.isArray()) {
            return array(v, where);
        }
        throw new IllegalArgumentException(
                "\"" + where + "\" should be a number, a boolean, a string or an array, found " + v.getNodeType());
    }

    private static Object array(JsonNode a, String where) {
        if (a.isEmpty()) {
            return new double[0];
        }
        JsonNode first = a.get(0);
        if (first.isNumber() && whole(a)) {
            // only an int[] is written without decimal points: a double always has one (or an exponent)
            int[] x = new int[a.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = a.get(i).intValue();
            }
            return x;
        }
        if (first.isNumber()) {
            double[] x = new double[a.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = number(a.get(i), where + "[" + i + "]");
            }
            return x;
        }
        if (first.isArray()) {
            double[][] x = new double[a.size()][];
            for (int i = 0; i < x.length; i++) {
                JsonNode row = a.get(i);
                if (!row.isArray()) {
                    throw new IllegalArgumentException(
                            "\"" + where + "[" + i + "]\" should be an array of numbers, found " + row.getNodeType());
                }
                x[i] = new double[row.size()];
                for (int j = 0; j < x[i].length; j++) {
                    x[i][j] = number(row.get(j), where + "[" + i + "][" + j + "]");
                }
            }
            return x;
        }
        if (first.isTextual()) {
            return names(a, where);
        }
        if (first.isObject()) {
            List<ModelState> steps = new ArrayList<>();
            for (int i = 0; i < a.size(); i++) {
                steps.add(readState(a.get(i), where + "[" + i + "]."));
            }
            return steps;
        }
        throw new IllegalArgumentException(
                "\"" + where + "\" should hold numbers, arrays, strings or models, found " + first.getNodeType());
    }

    private static boolean whole(JsonNode a) {
        for (JsonNode v : a) {
            if (!v.isIntegralNumber() || !v.canConvertToInt()) {
                return false;
            }
        }
        return true;
    }

    private static double number(JsonNode v, String where) {
        if (!v.isNumber()) {
            throw new IllegalArgumentException("\"" + where + "\" should be a number, found " + v.getNodeType());
        }
        return v.doubleValue();
    }
}
