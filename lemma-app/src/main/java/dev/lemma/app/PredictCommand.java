package dev.lemma.app;

import dev.lemma.data.Dataset;
import dev.lemma.linalg.Matrix;
import dev.lemma.ml.Classifier;
import dev.lemma.ml.Model;
import dev.lemma.ml.Regressor;
import dev.lemma.ml.Transformer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/// `lemma predict --model MODEL.json --data FILE.csv|DATASET [--proba] [--out FILE]`: a saved model's
/// predictions as CSV, one line per row of the data: the class name or the number under the target's
/// name; with `--proba`, one column of probabilities per class headed by the class names; for a
/// transformer (pca), its output columns.
@Command(
        name = "predict",
        description = {
            "Predict with a saved model: a CSV of predictions (class names or numbers), of class probabilities"
                    + " (--proba), or of a transformer's output (pca's scores).",
            "The data's columns are matched to the model's features by name; a target column is ignored."
        },
        mixinStandardHelpOptions = true)
final class PredictCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "MODEL.json", description = "A file `lemma fit` wrote.")
    Path model;

    @Option(
            names = "--data",
            required = true,
            paramLabel = "FILE.csv|DATASET",
            description = "A CSV file with the model's feature columns, or a bundled dataset's name.")
    String data;

    @Option(names = "--proba", description = "Write the probability of each class instead of the class.")
    boolean proba;

    @Option(names = "--out", paramLabel = "FILE", description = "The CSV file to write (default: standard output).")
    Path out;

    @Override
    public Integer call() throws IOException {
        ModelFile file = ModelFile.read(model);
        Model m = file.model();
        if (proba && !(m instanceof Classifier)) {
            throw new IllegalArgumentException(
                    "--proba needs a classifier; a " + file.state().kind() + " model gives no class probabilities");
        }
        Dataset d = MlData.forModel(data, file, null, false);
        Matrix x = d.features();
        String name = file.target().isEmpty() ? "prediction" : file.target();
        List<String> header = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        switch (m) {
            case Classifier c
            when proba -> {
                double[][] p = probabilities(c, x, file.state().kind());
                header.addAll(file.classes());
                for (double[] row : p) {
                    rows.add(
                            java.util.Arrays.stream(row).mapToObj(MlData::exact).toList());
                }
            }
            case Classifier c -> {
                header.add(name);
                for (int k : c.predict(x)) {
                    rows.add(List.of(file.classes().get(k)));
                }
            }
            case Regressor r -> {
                header.add(name);
                for (double v : r.predict(x)) {
                    rows.add(List.of(MlData.exact(v)));
                }
            }
            case Transformer t -> {
                Matrix z = t.transform(x);
                for (int j = 0; j < z.cols(); j++) {
                    header.add(file.lastKind().equals("pca") ? "PC" + (j + 1) : "x" + j);
                }
                for (int i = 0; i < z.rows(); i++) {
                    List<String> row = new ArrayList<>();
                    for (int j = 0; j < z.cols(); j++) {
                        row.add(MlData.exact(z.get(i, j)));
                    }
                    rows.add(row);
                }
            }
            default -> throw new IllegalArgumentException("a " + file.state().kind() + " model cannot predict");
        }
        StringWriter csv = new StringWriter();
        csv.append(String.join(",", header.stream().map(MlData::cell).toList())).append('\n');
        for (List<String> row : rows) {
            csv.append(String.join(",", row.stream().map(MlData::cell).toList()))
                    .append('\n');
        }
        PrintWriter stdout = spec.commandLine().getOut();
        if (out == null) {
            stdout.print(csv);
            stdout.flush();
        } else {
            Files.writeString(out, csv.toString(), StandardCharsets.UTF_8);
            stdout.printf(
                    "wrote %d %s of %s on %s to %s%n",
                    rows.size(), proba ? "rows of probabilities" : "predictions", file.describe(), d.name(), out);
        }
        return 0;
    }

    private static double[][] probabilities(Classifier c, Matrix x, String kind) {
        if (!c.hasProbabilities()) {
            throw new IllegalArgumentException("--proba: a " + kind + " model gives no class probabilities");
        }
        return c.predictProba(x);
    }
}
