package dev.lemma.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lemma.data.Dataset;
import dev.lemma.data.Datasets;
import dev.lemma.linalg.Matrix;
import dev.lemma.ml.Classifier;
import dev.lemma.ml.Model;
import dev.lemma.ml.Models;
import dev.lemma.ml.Regressor;
import dev.lemma.ml.Transformer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/// The model file: every kind of model, alone and after a scaler, survives writing and reading with the
/// same predictions to the last bit (doubles are written as their shortest round-trip decimals); files of
/// another format or version, or with a missing or mistyped field, are refused by name.
class ModelFileTest {

    @TempDir
    Path dir;

    static List<String> names() {
        return Models.names();
    }

    private static Dataset dataFor(String name) {
        if (name.equals("multinomial-nb") || name.equals("bernoulli-nb")) {
            return Datasets.load("digits");
        }
        return Models.info(name).task() == Models.Task.REGRESSOR ? Datasets.load("diabetes") : Datasets.load("iris");
    }

    @ParameterizedTest
    @MethodSource("names")
    void everyKindRoundTrips(String name) {
        Dataset data = dataFor(name);
        Map<String, String> params = name.equals("lasso") || name.equals("elastic-net")
                ? Map.of("alpha", "0.1", "max_iter", "100000")
                : Map.of();
        roundTrip(Models.learner(name, params).fit(data), data);
        if (Models.info(name).task() != Models.Task.TRANSFORMER && !name.equals("multinomial-nb")) {
            roundTrip(Models.standardized(name, params).fit(data), data);
        }
    }

    private void roundTrip(Model model, Dataset data) {
        ModelFile file = new ModelFile(model.state(), data.featureNames(), "target", List.of(), "test");
        Path path = dir.resolve("model.json");
        file.write(path);
        ModelFile read = ModelFile.read(path);
        assertThat(read.features()).isEqualTo(data.featureNames());
        assertThat(read.describe()).isEqualTo(file.describe());
        assertThat(read.toJson()).isEqualTo(file.toJson());
        Model restored = read.model();
        Matrix x = data.features();
        switch (model) {
            case Classifier c -> assertThat(((Classifier) restored).predict(x)).containsExactly(c.predict(x));
            case Regressor r -> assertThat(((Regressor) restored).predict(x)).containsExactly(r.predict(x));
            case Transformer t ->
                assertThat(((Transformer) restored).transform(x).toRowMajorArray())
                        .containsExactly(t.transform(x).toRowMajorArray());
            default -> throw new AssertionError(model);
        }
    }

    private static final String VALID = """
            {"format": "lemma-model", "version": 1, "lemma": "0.1.0", "kind": "ridge",
             "parameters": {"alpha": 1.0}, "learned": {"coef_": [1.0, 2.0], "intercept_": 0.5},
             "features": ["a", "b"], "target": "y", "classes": []}
            """;

    @Test
    void aValidFileReads() {
        ModelFile f = ModelFile.parse(VALID, "m.json");
        assertThat(f.state().kind()).isEqualTo("ridge");
        assertThat(((Regressor) f.model()).predict(Matrix.of(new double[][] {{1, 1}})))
                .containsExactly(3.5);
    }

    @Test
    void anotherFormatOrVersionIsRefused() {
        assertThatThrownBy(() -> ModelFile.parse(VALID.replace("lemma-model", "pickle"), "m.json"))
                .hasMessage("m.json is not a Lemma model file: its \"format\" is \"pickle\", expected \"lemma-model\"");
        assertThatThrownBy(() -> ModelFile.parse(VALID.replace("\"version\": 1", "\"version\": 3"), "m.json"))
                .hasMessage("m.json: model file version 3 is not supported; this Lemma reads version 1");
        assertThatThrownBy(() -> ModelFile.parse("[1, 2]", "m.json"))
                .hasMessage("m.json is not a valid model file: expected a JSON object");
    }

    @Test
    void aMissingOrMistypedFieldIsNamed() {
        assertThatThrownBy(() -> ModelFile.parse(VALID.replace("\"features\": [\"a\", \"b\"], ", ""), "m.json"))
                .hasMessage("m.json is not a valid model file: the field \"features\" is missing");
        assertThatThrownBy(() -> ModelFile.parse(VALID.replace("\"target\": \"y\"", "\"target\": 3"), "m.json"))
                .hasMessage("m.json is not a valid model file: \"target\" should be a string, found NUMBER");
        assertThatThrownBy(() -> ModelFile.parse(VALID.replace("[1.0, 2.0]", "[1.0, \"two\"]"), "m.json"))
                .hasMessage("m.json is not a valid model file: \"learned.coef_[1]\" should be a number, found STRING");
        assertThatThrownBy(() -> ModelFile.parse(VALID.replace("\"coef_\"", "\"weights\""), "m.json")
                        .model())
                .hasMessage("the ridge model's 'coef_' should be an array of numbers, found nothing");
    }

    @Test
    void integerArraysStayIntegerAndVectorsOfWholeNumbersStayVectors() {
        var state = new dev.lemma.ml.ModelState(
                "ridge",
                Map.of(),
                Map.of("codes", new int[] {0, 2, 1}, "coef_", new double[] {1, 2}, "intercept_", 0.0));
        ModelFile f =
                ModelFile.parse(new ModelFile(state, List.of("a", "b"), "y", List.of(), "test").toJson(), "m.json");
        assertThat(f.state().learned().get("codes")).isEqualTo(new int[] {0, 2, 1});
        assertThat(f.state().vector("coef_")).containsExactly(1, 2);
    }

    @Test
    void brokenJsonNamesTheLine() {
        assertThatThrownBy(() -> ModelFile.parse(VALID.substring(0, 80), "m.json"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("m.json is not a valid model file: its JSON is broken at line 2");
    }
}
