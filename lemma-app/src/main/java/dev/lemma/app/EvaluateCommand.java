package dev.lemma.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.lemma.data.Dataset;
import dev.lemma.ml.Classifier;
import dev.lemma.ml.Model;
import dev.lemma.ml.Regressor;
import dev.lemma.ml.metrics.Average;
import dev.lemma.ml.metrics.ClassificationMetrics;
import dev.lemma.ml.metrics.RegressionMetrics;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/// `lemma evaluate --model MODEL.json --data FILE.csv|DATASET [--target COLUMN] [--json]`: a saved model's
/// scores on labelled data. For a classifier: accuracy, F1 averaged over classes (macro) and, when the
/// model gives probabilities, the log loss; for a regressor: $R^2$, the mean squared and the mean absolute
/// error.
@Command(
        name = "evaluate",
        description = {
            "Score a saved model on labelled data: accuracy, F1 (macro) and log loss for a classifier;"
                    + " R², MSE and MAE for a regressor."
        },
        mixinStandardHelpOptions = true)
final class EvaluateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "MODEL.json", description = "A file `lemma fit` wrote.")
    Path model;

    @Option(
            names = "--data",
            required = true,
            paramLabel = "FILE.csv|DATASET",
            description = "A CSV file with the model's feature columns and the target, or a bundled dataset's name.")
    String data;

    @Option(
            names = "--target",
            paramLabel = "COLUMN",
            description = "The target column (default: the one the model was fitted on).")
    String target;

    @Option(names = "--json", description = "Print the scores as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        ModelFile file = ModelFile.read(model);
        Model m = file.model();
        Dataset d = MlData.forModel(data, file, target, true);
        Map<String, Object> scores = new LinkedHashMap<>();
        scores.put("model", file.describe());
        scores.put("data", d.name());
        scores.put("rows", d.size());
        scores.putAll(scores(m, d, file.classes()));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(scores));
            return 0;
        }
        out.printf("%s on %s (%d rows)%n", file.describe(), d.name(), d.size());
        MlData.table(
                out,
                List.of("score", "value"),
                scores.entrySet().stream()
                        .skip(3)
                        .map(e -> List.of(e.getKey(), MlData.number((Double) e.getValue())))
                        .toList());
        return 0;
    }

    /// The scores of a model on data, by scikit-learn's names.
    static Map<String, Double> scores(Model m, Dataset d, List<String> classes) {
        Map<String, Double> s = new LinkedHashMap<>();
        switch (m) {
            case Classifier c -> {
                int[] truth = MlData.labels(d, classes);
                int[] predicted = c.predict(d.features());
                s.put("accuracy", ClassificationMetrics.accuracy(truth, predicted));
                s.put("f1_macro", ClassificationMetrics.f1(truth, predicted, Average.MACRO));
                if (c.hasProbabilities()) { // the perceptron gives none, so it has no log loss
                    s.put("log_loss", ClassificationMetrics.logLoss(truth, c.predictProba(d.features())));
                }
            }
            case Regressor r -> {
                double[] y = d.target();
                double[] predicted = r.predict(d.features());
                s.put("r2", RegressionMetrics.r2(y, predicted));
                s.put("mse", RegressionMetrics.mse(y, predicted));
                s.put("mae", RegressionMetrics.mae(y, predicted));
            }
            default ->
                throw new IllegalArgumentException("a " + m.state().kind()
                        + " model transforms features and has no score; `lemma predict` gives its output");
        }
        return s;
    }
}
