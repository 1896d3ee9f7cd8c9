package dev.lemma.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/// `lemma bench ml` on small problems, one run each: the quality figures it reports are real
/// comparisons (L-BFGS against Newton's optimum, the covariance PCA against the full SVD, the k-d tree
/// against brute force), so they are asserted; no timing is.
class MlBenchCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        List<String> all = new ArrayList<>(List.of("bench", "ml", "--rows", "3000", "--repeat", "1", "--warm-up", "0"));
        all.addAll(List.of(args));
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), all.toArray(String[]::new));
    }

    @Test
    void everyFitReachesTheQualityOfItsIndependentReference() throws Exception {
        assertThat(run("--json")).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("benchmark").asText()).isEqualTo("ml");
        assertThat(json.get("rows").asInt()).isEqualTo(3000);
        JsonNode results = json.get("results");
        assertThat(results).hasSize(6);
        for (JsonNode r : results) {
            assertThat(r.get("seconds").asDouble()).as(r.toString()).isPositive();
            assertThat(r.get("fastest").asDouble())
                    .isLessThanOrEqualTo(r.get("seconds").asDouble());
            assertThat(r.get("scikitLearnSeconds").isNull())
                    .as("shown for 100 000 rows only")
                    .isTrue();
        }
        JsonNode logistic = results.get(0);
        assertThat(logistic.get("task").asText()).isEqualTo("logistic");
        assertThat(logistic.get("error").asDouble()).isBetween(-1e-12, 1e-6);
        assertThat(logistic.get("detail").asText()).matches("\\d+ iterations");
        JsonNode covariance = results.get(1);
        assertThat(covariance.get("measured").asText()).isEqualTo("fit covariance (auto)");
        assertThat(covariance.get("error").asDouble()).isLessThan(1e-6);
        JsonNode full = results.get(3);
        assertThat(full.get("measured").asText()).isEqualTo("fit full");
        assertThat(full.get("error").asDouble()).as("the same SVD twice").isZero();
        JsonNode predict = results.get(5);
        assertThat(predict.get("measured").asText()).startsWith("predict k = 5");
        assertThat(predict.get("error").asDouble()).as("the k-d tree is exact").isZero();
        assertThat(predict.get("detail").asText()).isEqualTo("on 2000 queries");
    }

    @Test
    void theTableHasARowPerMeasurement() {
        assertThat(run("--tasks", "knn")).isZero();
        String table = out.toString();
        assertThat(table)
                .contains("scikit-learn: none recorded for --rows 3000")
                .contains("Lemma (s)");
        assertThat(table).containsPattern("(?m)^knn\\s+fit k-d tree\\s+3000 points, 2-D\\s+[\\d.]+\\s");
        assertThat(table).containsPattern("(?m)^knn\\s+predict k = 5, 3000 queries .*0\\.0e\\+00  disagreement");
        assertThat(table).doesNotContain("logistic").doesNotContain("pca ");
        assertThat(err.toString()).contains("ml"); // the progress bar
    }

    @Test
    void scikitLearnsFiguresComeFromTheScriptsJsonByKey(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sklearn.json");
        Files.writeString(file, """
                {"scikit_learn": "1.2.1", "rows": 3000, "repeat": 1, "results": [
                  {"key": "knn-fit", "seconds": 0.25, "quality": null},
                  {"key": "knn-predict", "seconds": 0.5, "quality": 0.0}]}
                """);
        assertThat(run("--tasks", "knn", "--json", "--scikit-learn", file.toString()))
                .isZero();
        JsonNode results = new ObjectMapper().readTree(out.toString()).get("results");
        assertThat(results.get(0).get("scikitLearnSeconds").asDouble()).isEqualTo(0.25);
        assertThat(results.get(1).get("scikitLearnSeconds").asDouble()).isEqualTo(0.5);

        Files.writeString(file, "{\"rows\": 100000, \"results\": []}");
        assertThat(run("--tasks", "knn", "--scikit-learn", file.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("was measured with 100000 rows, but this run has --rows 3000");
        Files.writeString(file, "{\"rows\": 3000, \"results\": [{\"key\": \"knn-fit\"}]}");
        assertThat(run("--tasks", "knn", "--scikit-learn", file.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("every result needs a 'key' and a number of 'seconds'");
        assertThat(run(
                        "--tasks",
                        "knn",
                        "--scikit-learn",
                        dir.resolve("missing.json").toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("missing.json: no such file");
        Files.writeString(file, "{ not json");
        assertThat(run("--tasks", "knn", "--scikit-learn", file.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("cannot read it as JSON");
    }

    @Test
    void theBooksFiguresNameMeasurementsTheCommandMakes() throws Exception {
        assertThat(run("--json")).isZero();
        List<String> keys = new ArrayList<>();
        new ObjectMapper()
                .readTree(out.toString())
                .get("results")
                .forEach(r -> keys.add(r.get("key").asText()));
        assertThat(keys)
                .containsExactly("logistic", "pca-covariance", "pca-randomized", "pca-full", "knn-fit", "knn-predict");
        assertThat(keys).containsAll(MlBenchCommand.SCIKIT_LEARN.keySet());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "--tasks|svm|--tasks: unknown task 'svm'; the tasks are [logistic, pca, knn]",
                "--repeat|0|--repeat must be ≥ 1 but is 0",
                "--warm-up|-1|--warm-up must be ≥ 0 but is -1",
                "--rows|10|--rows must be in [200, 1000000], but is 10"
            })
    void badOptionsGetOneClearLineAndExitCode2(String option, String value, String message) {
        assertThat(Main.run(new PrintWriter(out, true), new PrintWriter(err, true), "bench", "ml", option, value))
                .isEqualTo(2);
        assertThat(err.toString()).contains(message);
        assertThat(out.toString()).isEmpty();
    }
}
