package dev.lemma.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lemma.data.Dataset;
import dev.lemma.data.Datasets;
import dev.lemma.linalg.Matrix;
import dev.lemma.ml.Models;
import dev.lemma.ml.decomposition.PCA;
import dev.lemma.ml.linear.LogisticClassifier;
import dev.lemma.ml.linear.LogisticRegression;
import dev.lemma.ml.metrics.Average;
import dev.lemma.ml.metrics.ClassificationMetrics;
import dev.lemma.ml.preprocessing.StandardScaler;
import dev.lemma.ml.selection.CrossValidation;
import dev.lemma.ml.selection.Folds;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// The model commands end to end through [Main#run]: `datasets`, `fit`, `evaluate`, `predict`, `inspect`
/// and `cv` on the bundled data, and each kind of bad input as one line and exit code 2. The library,
/// called directly, is the oracle for every number the commands print.
class MlCommandsTest {
    private static final double EXACT = 1e-12;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path dir;

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private String model() {
        return dir.resolve("iris.json").toString();
    }

    private void fitIris() {
        assertThat(run("fit", "--model", "logistic-regression", "--data", "iris", "--out", model()))
                .as(err.toString())
                .isZero();
    }

    /// Asserts exit code 2 and exactly one line on standard error, `lemma: ` and the message.
    private void assertBadInput(String message, String... args) {
        assertThat(run(args)).as(out.toString()).isEqualTo(Main.USAGE_ERROR);
        assertThat(err.toString().strip().lines()).hasSize(1);
        assertThat(err.toString().strip()).isEqualTo("lemma: " + message);
    }

    @Test
    void fitEvaluatePredictInspectOnIris() throws Exception {
        Dataset iris = Datasets.load("iris");
        LogisticClassifier direct = new LogisticRegression().fit(iris);

        fitIris();
        assertThat(out.toString())
                .startsWith("logistic-regression on iris (150 rows, 4 features): training accuracy "
                        + MlData.number(direct.score(iris)) + ", fitted in ")
                .contains("wrote " + model());
        JsonNode file = json.readTree(Path.of(model()).toFile());
        assertThat(file.get("format").asText()).isEqualTo("lemma-model");
        assertThat(file.get("version").asInt()).isEqualTo(1);
        assertThat(file.get("kind").asText()).isEqualTo("logistic-regression");
        assertThat(file.get("classes").toString()).isEqualTo("[\"setosa\",\"versicolor\",\"virginica\"]");

        assertThat(run("evaluate", "--model", model(), "--data", "iris", "--json"))
                .isZero();
        JsonNode scores = json.readTree(out.toString());
        int[] predicted = direct.predict(iris.features());
        assertThat(scores.get("rows").asInt()).isEqualTo(150);
        assertThat(scores.get("accuracy").asDouble()).isCloseTo(direct.score(iris), within(EXACT));
        assertThat(scores.get("f1_macro").asDouble())
                .isCloseTo(ClassificationMetrics.f1(iris.labels(), predicted, Average.MACRO), within(EXACT));
        assertThat(scores.get("log_loss").asDouble())
                .isCloseTo(
                        ClassificationMetrics.logLoss(iris.labels(), direct.predictProba(iris.features())),
                        within(EXACT));

        assertThat(run("evaluate", "--model", model(), "--data", "iris")).isZero();
        assertThat(out.toString())
                .startsWith("logistic-regression on iris (150 rows)")
                .contains("accuracy")
                .contains("f1_macro")
                .contains("log_loss");

        Path predictions = dir.resolve("predictions.csv");
        assertThat(run("predict", "--model", model(), "--data", "iris", "--out", predictions.toString()))
                .isZero();
        List<String> lines = Files.readAllLines(predictions, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(151);
        assertThat(lines.getFirst()).isEqualTo("target");
        for (int i = 0; i < 150; i++) {
            assertThat(lines.get(i + 1)).isEqualTo(iris.classNames().get(predicted[i]));
        }

        Path proba = dir.resolve("proba.csv");
        assertThat(run("predict", "--model", model(), "--data", "iris", "--proba", "--out", proba.toString()))
                .isZero();
        lines = Files.readAllLines(proba, StandardCharsets.UTF_8);
        assertThat(lines.getFirst()).isEqualTo("setosa,versicolor,virginica");
        double[][] p = direct.predictProba(iris.features());
        assertThat(lines.get(1)).isEqualTo(p[0][0] + "," + p[0][1] + "," + p[0][2]);

        assertThat(run("inspect", "--model", model())).isZero();
        assertThat(out.toString())
                .contains("logistic-regression, written by Lemma")
                .contains("classes (3): setosa, versicolor, virginica")
                .contains("coef_ (3 × 4)")
                .contains("intercept_ (3)")
                .contains("sepal_length_cm")
                .contains(MlData.number(direct.coefficients()[0][0]));
        assertThat(run("inspect", "--model", model(), "--json")).isZero();
        assertThat(json.readTree(out.toString()).get("learned").has("coef_")).isTrue();
    }

    @Test
    void predictReadsACsvWhoseColumnsAreInAnotherOrderAndIgnoresItsTarget() throws Exception {
        fitIris();
        Path csv = dir.resolve("few.csv");
        Files.writeString(csv, """
                target,petal_width_cm,petal_length_cm,sepal_width_cm,sepal_length_cm
                0,0.2,1.4,3.5,5.1
                2,2.3,5.9,3.0,6.8
                """);
        assertThat(run("predict", "--model", model(), "--data", csv.toString())).isZero();
        assertThat(out.toString()).isEqualTo("target\nsetosa\nvirginica\n");
    }

    @Test
    void aRegressorFitsOnAnExportedCsvWithAStandardizedPipeline() throws Exception {
        Path csv = dir.resolve("diabetes.csv");
        assertThat(run("datasets", "export", "diabetes", "--out", csv.toString()))
                .isZero();
        assertThat(out.toString()).isEqualTo("wrote diabetes (442 rows, 11 columns) to " + csv + "\n");
        Path ridge = dir.resolve("ridge.json");
        assertThat(run(
                        "fit",
                        "--model",
                        "ridge",
                        "-p",
                        "alpha=0.5",
                        "--data",
                        csv.toString(),
                        "--target",
                        "target",
                        "--standardize",
                        "--out",
                        ridge.toString()))
                .as(err.toString())
                .isZero();
        assertThat(out.toString()).startsWith("standardized ridge on diabetes (442 rows, 10 features): training R² ");
        Dataset diabetes = Datasets.load("diabetes");
        double r2 = CrossValidation.defaultScore(
                Models.standardized("ridge", Map.of("alpha", "0.5")).fit(diabetes), diabetes);
        assertThat(run("evaluate", "--model", ridge.toString(), "--data", "diabetes", "--json"))
                .isZero();
        assertThat(json.readTree(out.toString()).get("r2").asDouble()).isCloseTo(r2, within(EXACT));
        assertThat(json.readTree(out.toString()).get("model").asText()).isEqualTo("standard-scaler → ridge");
        assertThat(run("inspect", "--model", ridge.toString())).isZero();
        assertThat(out.toString())
                .contains("step 1: standard-scaler")
                .contains("step 2: ridge")
                .contains("parameters: alpha=0.5");
    }

    @Test
    void cvPrintsTheFoldScoresOfStratifiedFolds() throws Exception {
        Dataset iris = Datasets.load("iris");
        double[] expected = CrossValidation.scores(new LogisticRegression(), iris, Folds.stratified(5, 3));
        assertThat(run(
                        "cv",
                        "--model",
                        "logistic-regression",
                        "--data",
                        "iris",
                        "--folds",
                        "5",
                        "--seed",
                        "3",
                        "--json"))
                .as(err.toString())
                .isZero();
        JsonNode result = json.readTree(out.toString());
        assertThat(result.get("stratified").asBoolean()).isTrue();
        assertThat(result.get("score").asText()).isEqualTo("accuracy");
        for (int f = 0; f < 5; f++) {
            assertThat(result.get("scores").get(f).asDouble()).isCloseTo(expected[f], within(EXACT));
        }
        double mean = java.util.Arrays.stream(expected).average().orElseThrow();
        assertThat(result.get("mean").asDouble()).isCloseTo(mean, within(EXACT));

        assertThat(run("cv", "--model", "gaussian-nb", "--data", "wine", "--folds", "3"))
                .isZero();
        assertThat(out.toString())
                .startsWith("gaussian-nb on wine (178 rows), 3 stratified folds (seed 0)")
                .contains("mean ");
    }

    @Test
    void knnSavesItsTrainingSetAndScoresAsTheLibraryDoes() throws Exception {
        Dataset wine = Datasets.load("wine");
        var direct = Models.standardized("knn", Map.of("n_neighbors", "7")).fit(wine);
        Path knn = dir.resolve("knn.json");
        assertThat(run(
                        "fit",
                        "--model",
                        "knn",
                        "-p",
                        "n_neighbors=7",
                        "--standardize",
                        "--data",
                        "wine",
                        "--out",
                        knn.toString()))
                .as(err.toString())
                .isZero();
        assertThat(run("evaluate", "--model", knn.toString(), "--data", "wine", "--json"))
                .isZero();
        assertThat(json.readTree(out.toString()).get("accuracy").asDouble())
                .isCloseTo(CrossValidation.defaultScore(direct, wine), within(EXACT));
        assertThat(run("inspect", "--model", knn.toString())).isZero();
        assertThat(out.toString())
                .contains("step 2: knn")
                .contains("_fit_X (178 × 13)")
                .contains("… 158 more rows (all of them: --json)")
                .contains("_y (178) = [0, 0, 0");
    }

    @Test
    void pcaFitsWithoutATargetAndPredictsItsScores() throws Exception {
        Path pca = dir.resolve("pca.json");
        assertThat(run("fit", "--model", "pca", "-p", "n_components=2", "--data", "iris", "--out", pca.toString()))
                .as(err.toString())
                .isZero();
        assertThat(out.toString()).contains("explained variance ratio");
        assertThat(run("predict", "--model", pca.toString(), "--data", "iris")).isZero();
        assertThat(out.toString().lines().findFirst()).contains("PC1,PC2");
        assertThat(run("inspect", "--model", pca.toString())).isZero();
        assertThat(out.toString())
                .contains("components_ (2 × 4)")
                .contains("PC1")
                .doesNotContain("target:");
    }

    @Test
    void standardisedPcaIsAPipelineWhoseScoresAreThoseOfPcaOnStandardisedData() throws Exception {
        Path pca = dir.resolve("standardized-pca.json");
        assertThat(run(
                        "fit",
                        "--model",
                        "pca",
                        "-p",
                        "n_components=2",
                        "--data",
                        "wine",
                        "--standardize",
                        "--out",
                        pca.toString()))
                .as(err.toString())
                .isZero();
        // §8.6: on standardised wine the first two components explain 36.2 % and 19.2 %
        assertThat(out.toString()).startsWith("standardized pca on wine").contains("explained variance ratio 0.554");
        assertThat(run("inspect", "--model", pca.toString())).isZero();
        assertThat(out.toString()).contains("standard-scaler → pca").contains("components_ (2 × 13)");
        Path scores = dir.resolve("scores.csv");
        assertThat(run("predict", "--model", pca.toString(), "--data", "wine", "--out", scores.toString()))
                .isZero();
        List<String> lines = Files.readAllLines(scores);
        assertThat(lines.getFirst()).isEqualTo("PC1,PC2");
        Dataset wine = Datasets.load("wine");
        Matrix standardised = new StandardScaler().fit(wine).transform(wine.features());
        Matrix expected = new PCA(2).fit(wine.withFeatures(standardised)).transform(standardised);
        for (int i = 0; i < wine.size(); i++) {
            String[] cells = lines.get(i + 1).split(",", -1);
            for (int j = 0; j < 2; j++) {
                assertThat(Double.parseDouble(cells[j])).isCloseTo(expected.get(i, j), within(1e-12));
            }
        }
    }

    @Test
    void datasetsListAndShow() {
        assertThat(run("datasets", "list")).isZero();
        assertThat(out.toString()).contains("iris").contains("classification").contains("150");
        assertThat(run("datasets", "show", "iris")).isZero();
        assertThat(out.toString())
                .contains("rows: 150")
                .contains("classes (3): setosa, versicolor, virginica")
                .contains("setosa");
        assertBadInput(
                "no bundled dataset 'irises'; there are [breast_cancer, diabetes, digits, iris, linnerud, wine]",
                "datasets",
                "show",
                "irises");
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : List.of("datasets", "fit", "evaluate", "predict", "inspect", "cv")) {
            assertThat(run(command, "--help")).isZero();
            assertThat(out.toString()).contains("Usage: lemma " + command);
        }
    }

    @Test
    void anUnknownModelOrParameterIsOneLine() {
        String out = model();
        assertBadInput(
                "unknown model 'svm'; the models are " + String.join(", ", Models.names()),
                "fit",
                "--model",
                "svm",
                "--data",
                "iris",
                "--out",
                out);
        assertBadInput(
                "model 'ridge' has no parameter 'C'; its parameters are alpha, solver, fit_intercept",
                "fit",
                "--model",
                "ridge",
                "-p",
                "C=2",
                "--data",
                "diabetes",
                "--out",
                out);
        assertBadInput(
                "ridge: parameter 'alpha' should be a finite number, got 'much'",
                "cv",
                "--model",
                "ridge",
                "-p",
                "alpha=much",
                "--data",
                "diabetes");
    }

    @Test
    void aClassifierOnARegressionDatasetIsOneLine() {
        assertBadInput(
                "gaussian-nb is a classifier but diabetes is a regression dataset",
                "fit",
                "--model",
                "gaussian-nb",
                "--data",
                "diabetes",
                "--out",
                model());
        assertBadInput(
                "logistic-regression is a classifier but linnerud is a multi-output regression dataset",
                "cv",
                "--model",
                "logistic-regression",
                "--data",
                "linnerud",
                "--target",
                "pulse");
    }

    @Test
    void aMissingTargetColumnNamesTheColumnsThereAre() throws Exception {
        Path csv = dir.resolve("small.csv");
        Files.writeString(csv, "a,b,label\n1,2,x\n3,4,y\n5,6,x\n");
        assertBadInput(
                "small.csv has no column 'species'; its columns are [a, b, label]",
                "fit",
                "--model",
                "gaussian-nb",
                "--data",
                csv.toString(),
                "--target",
                "species",
                "--out",
                model());
        assertBadInput(
                "name the column to predict with --target; the columns of " + csv + " are a, b, label",
                "fit",
                "--model",
                "gaussian-nb",
                "--data",
                csv.toString(),
                "--out",
                model());
    }

    @Test
    void aNonNumericCellIsNamedByLineAndColumn() throws Exception {
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "a,b,y\n1,2,0\n3,oops,1\n5,6,0\n7,8,1\n");
        assertBadInput(
                "bad.csv: line 3, column 'b' (2): found 'oops', not a number, in a column of 3 numbers"
                        + " (a missing value is written as an empty cell or NA)",
                "fit",
                "--model",
                "logistic-regression",
                "--data",
                csv.toString(),
                "--target",
                "y",
                "--out",
                model());
    }

    @Test
    void aModelFileOfAnotherVersionOrFormatOrBrokenIsOneLine() throws Exception {
        fitIris();
        String text = Files.readString(Path.of(model()));
        Path v2 = dir.resolve("v2.json");
        Files.writeString(v2, text.replace("\"version\" : 1", "\"version\" : 2"));
        assertBadInput(
                v2 + ": model file version 2 is not supported; this Lemma reads version 1",
                "evaluate",
                "--model",
                v2.toString(),
                "--data",
                "iris");
        Path other = dir.resolve("other.json");
        Files.writeString(other, "{\"format\": \"onnx\"}");
        assertBadInput(
                other + " is not a Lemma model file: its \"format\" is \"onnx\", expected \"lemma-model\"",
                "predict",
                "--model",
                other.toString(),
                "--data",
                "iris");
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, text.substring(0, text.length() / 2));
        assertThat(run("inspect", "--model", broken.toString())).isEqualTo(Main.USAGE_ERROR);
        assertThat(err.toString().strip().lines()).hasSize(1);
        assertThat(err.toString()).startsWith("lemma: " + broken + " is not a valid model file: its JSON is broken");
        assertBadInput(
                "no model file " + dir.resolve("none.json"),
                "inspect",
                "--model",
                dir.resolve("none.json").toString());
    }

    @Test
    void dataWithoutTheModelsFeaturesOrClassesIsOneLine() throws Exception {
        fitIris();
        Path csv = dir.resolve("other.csv");
        Files.writeString(csv, "a,b,target\n1,2,setosa\n");
        assertBadInput(
                "other has no column 'sepal_length_cm', which the model was fitted on; its columns are a, b",
                "predict",
                "--model",
                model(),
                "--data",
                csv.toString());
        Path flowers = dir.resolve("flowers.csv");
        Files.writeString(flowers, """
                sepal_length_cm,sepal_width_cm,petal_length_cm,petal_width_cm,target
                5.1,3.5,1.4,0.2,setosa
                5.0,3.0,1.5,0.3,rose
                """);
        assertBadInput(
                "the data's class 'rose' is not one the model knows: setosa, versicolor, virginica",
                "evaluate",
                "--model",
                model(),
                "--data",
                flowers.toString());
        assertBadInput(
                "no file or bundled dataset 'nowhere.csv'; the bundled datasets are breast_cancer, diabetes, digits,"
                        + " iris, linnerud, wine",
                "evaluate",
                "--model",
                model(),
                "--data",
                "nowhere.csv");
    }
}
