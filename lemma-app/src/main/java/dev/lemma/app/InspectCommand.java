package dev.lemma.app;

import dev.lemma.ml.ModelState;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/// `lemma inspect --model MODEL.json [--json]`: what a saved model learned, under scikit-learn's names
/// (`coef_`, `intercept_`, `explained_variance_`, ...), as tables whose rows and columns are labelled by
/// class and feature where the shapes say so.
@Command(
        name = "inspect",
        description = "Show what a saved model learned, under scikit-learn's names (coef_, intercept_, ...).",
        mixinStandardHelpOptions = true)
final class InspectCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "MODEL.json", description = "A file `lemma fit` wrote.")
    Path model;

    @Option(names = "--json", description = "Print the model file itself (JSON).")
    boolean json;

    /// Rows of a learned matrix printed before eliding the rest (a neighbours model keeps its whole
    /// training set).
    static final int SHOWN_ROWS = 20;

    @Override
    public Integer call() {
        ModelFile file = ModelFile.read(model);
        file.model(); // refuses a state that does not restore
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(file.toJson());
            return 0;
        }
        out.printf("%s, written by Lemma %s%n", file.describe(), file.lemma());
        out.printf("features (%d): %s%n", file.features().size(), String.join(", ", file.features()));
        if (!file.target().isEmpty()) {
            out.printf("target: %s%n", file.target());
        }
        if (!file.classes().isEmpty()) {
            out.printf("classes (%d): %s%n", file.classes().size(), String.join(", ", file.classes()));
        }
        List<ModelState> steps = file.steps();
        for (int s = 0; s < steps.size(); s++) {
            ModelState state = steps.get(s);
            out.println();
            out.println(steps.size() == 1 ? state.kind() : "step " + (s + 1) + ": " + state.kind());
            if (!state.parameters().isEmpty()) {
                out.println("parameters: "
                        + String.join(
                                ", ",
                                new java.util.TreeMap<>(state.parameters())
                                        .entrySet().stream()
                                                .map(e -> e.getKey() + "=" + e.getValue())
                                                .toList()));
            }
            for (Map.Entry<String, Object> e : state.learned().entrySet()) {
                print(out, e.getKey(), e.getValue(), file);
            }
        }
        return 0;
    }

    private static void print(PrintWriter out, String name, Object value, ModelFile file) {
        switch (value) {
            case double[] v -> {
                out.printf("%n%s (%d)%n", name, v.length);
                List<String> labels = labels(v.length, file, name);
                List<List<String>> rows = new ArrayList<>();
                for (int i = 0; i < v.length; i++) {
                    rows.add(List.of(labels.get(i), MlData.number(v[i])));
                }
                MlData.table(out, List.of("", name), rows);
            }
            case double[][] a -> {
                int cols = a.length == 0 ? 0 : a[0].length;
                out.printf("%n%s (%d × %d)%n", name, a.length, cols);
                List<String> rowLabels = rowLabels(a.length, file, name);
                List<String> header = new ArrayList<>();
                header.add("");
                header.addAll(labels(cols, file, ""));
                List<List<String>> rows = new ArrayList<>();
                for (int i = 0; i < Math.min(a.length, SHOWN_ROWS); i++) {
                    List<String> row = new ArrayList<>();
                    row.add(rowLabels.get(i));
                    Arrays.stream(a[i]).mapToObj(MlData::number).forEach(row::add);
                    rows.add(row);
                }
                MlData.table(out, header, rows);
                if (a.length > SHOWN_ROWS) {
                    out.printf("… %d more rows (all of them: --json)%n", a.length - SHOWN_ROWS);
                }
            }
            case int[] v -> {
                String shown = Arrays.toString(Arrays.copyOf(v, Math.min(v.length, SHOWN_ROWS)));
                out.printf(
                        "%s (%d) = %s%n", name, v.length, v.length > SHOWN_ROWS ? shown.replace("]", ", …]") : shown);
            }
            case Double d -> out.printf("%s = %s%n", name, MlData.number(d));
            default -> out.printf("%s = %s%n", name, value);
        }
    }

    /// Labels for the entries of a vector: the features, the classes, or the components, by its length.
    private static List<String> labels(int n, ModelFile file, String name) {
        if (n == file.features().size() && !name.startsWith("explained") && !name.startsWith("singular")) {
            return file.features();
        }
        if (n == file.classes().size()) {
            return file.classes();
        }
        if (n == 1 && file.classes().size() == 2) {
            return List.of(file.classes().get(1));
        }
        return numbered(n, file.lastKind().equals("pca") ? "PC" : "", 1);
    }

    private static List<String> rowLabels(int n, ModelFile file, String name) {
        if (name.equals("components_")) {
            return numbered(n, "PC", 1);
        }
        if (n == file.classes().size()) {
            return file.classes();
        }
        if (n == 1 && file.classes().size() == 2) {
            return List.of(file.classes().get(1));
        }
        return numbered(n, "", 0);
    }

    private static List<String> numbered(int n, String prefix, int first) {
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            labels.add(prefix + (i + first));
        }
        return labels;
    }
}
