package dev.lemma.app;

import dev.lemma.data.Csv;
import dev.lemma.data.Dataset;
import dev.lemma.data.Datasets;
import dev.lemma.data.Frame;
import dev.lemma.linalg.Matrix;
import dev.lemma.ml.Models;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/// What the model commands (`fit`, `evaluate`, `predict`, `cv`) share: reading `--data` (a CSV file or a
/// bundled dataset's name), lining its columns up with a model file's features, turning its target into
/// the model's class codes, and printing tables.
final class MlData {
    private MlData() {}

    /// The model names, for picocli's `${COMPLETION-CANDIDATES}` in `--model`'s help.
    static final class ModelNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Models.names().iterator();
        }
    }

    /// Reads `--data`.
    ///
    /// @param data a CSV file or the name of a bundled dataset
    /// @param target the target column, or null: then a bundled dataset's own target, and no target for a file
    /// @return the dataset, with one target column or none
    /// @throws IllegalArgumentException naming a missing file, an unknown dataset or target column (with the
    ///     columns there are), or a malformed or missing cell (with its line and column)
    static Dataset load(String data, String target) {
        return load(data, target, false);
    }

    private static Dataset load(String data, String target, boolean targetIfPresent) {
        Path file = Path.of(data);
        if (Files.isRegularFile(file)) {
            Frame frame = Csv.read(file);
            String name = file.getFileName().toString().replaceFirst("\\.csv$", "");
            boolean withTarget =
                    target != null && (!targetIfPresent || frame.names().contains(target));
            return withTarget
                    ? frame.toDataset(name, Frame.MissingValues.REJECT, target)
                    : frame.toDataset(name, Frame.MissingValues.REJECT);
        }
        if (Datasets.list().stream().noneMatch(e -> e.name().equals(data))) {
            throw new IllegalArgumentException("no file or bundled dataset '" + data + "'; the bundled datasets are "
                    + String.join(
                            ", ",
                            Datasets.list().stream().map(Datasets.Entry::name).toList()));
        }
        Dataset d = Datasets.load(data);
        String t = target;
        if (t == null || (targetIfPresent && !d.targetNames().contains(t))) {
            if (d.targetNames().size() != 1) {
                throw new IllegalArgumentException("the dataset '" + data + "' has several targets, "
                        + String.join(", ", d.targetNames()) + "; choose one with --target");
            }
            t = d.targetNames().getFirst();
        }
        return Dataset.of(d.name(), d.features(), d.featureNames(), d.target(t), t, d.classNames());
    }

    /// Reads `--data` for a fitted model: its target column (when there is one) is set apart, and the other
    /// columns are put in the order of the model's features.
    ///
    /// @param data a CSV file or a bundled dataset's name
    /// @param model the model file
    /// @param target the target column to use, or null for the model's own
    /// @param needTarget whether the data must have the target (else it is set apart only if present)
    /// @return the dataset, its features in the model's order
    /// @throws IllegalArgumentException naming a missing target or feature column
    static Dataset forModel(String data, ModelFile model, String target, boolean needTarget) {
        String t = target != null ? target : model.target().isEmpty() ? null : model.target();
        if (t == null && needTarget) {
            throw new IllegalArgumentException("the model has no target; name the target column with --target");
        }
        return aligned(load(data, t, !needTarget), model.features());
    }

    /// Refuses to fit a classifier to a bundled dataset whose target is a number to predict (its values
    /// are not classes). A regressor may fit class codes: that is linear regression used for classification.
    ///
    /// @param data `--data`
    /// @param model the model's name
    /// @throws IllegalArgumentException naming the model and the dataset's task
    static void checkTask(String data, String model) {
        if (Models.info(model).task() != Models.Task.CLASSIFIER
                || Files.isRegularFile(Path.of(data))
                || Datasets.list().stream().noneMatch(e -> e.name().equals(data))) {
            return;
        }
        String datasetTask = Datasets.info(data).task();
        if (!datasetTask.equals("classification")) {
            throw new IllegalArgumentException(
                    model + " is a classifier but " + data + " is a " + datasetTask + " dataset");
        }
    }

    /// The error of a CSV file given without `--target` to a command that needs one.
    ///
    /// @param data the file
    /// @return the exception, naming the file's columns
    static IllegalArgumentException noTarget(String data) {
        return new IllegalArgumentException("name the column to predict with --target; the columns of " + data + " are "
                + String.join(", ", Csv.read(Path.of(data)).names()));
    }

    /// The dataset with its features in the given order.
    ///
    /// @throws IllegalArgumentException naming the first feature the data lacks
    static Dataset aligned(Dataset d, List<String> features) {
        if (d.featureNames().equals(features)) {
            return d;
        }
        int[] index = new int[features.size()];
        for (int j = 0; j < index.length; j++) {
            index[j] = d.featureNames().indexOf(features.get(j));
            if (index[j] < 0) {
                throw new IllegalArgumentException(d.name() + " has no column '" + features.get(j)
                        + "', which the model was fitted on; its columns are "
                        + String.join(", ", d.featureNames()));
            }
        }
        double[] x = new double[d.size() * index.length];
        for (int i = 0; i < d.size(); i++) {
            for (int j = 0; j < index.length; j++) {
                x[i * index.length + j] = d.features().get(i, index[j]);
            }
        }
        return d.withFeatures(Matrix.ofRowMajor(d.size(), index.length, x), features);
    }

    /// The target as class codes of the model: by name when the data's target is categorical, else the
    /// integer codes themselves.
    ///
    /// @param d the data, with one target
    /// @param classes the model's class names
    /// @return the codes
    /// @throws IllegalArgumentException naming a class the model does not know or a target that is not a class
    static int[] labels(Dataset d, List<String> classes) {
        int[] codes = checked(d::labels);
        if (!d.classNames().isEmpty() && !d.classNames().equals(classes)) {
            int[] byName = new int[d.classNames().size()];
            for (int k = 0; k < byName.length; k++) {
                byName[k] = classes.indexOf(d.classNames().get(k));
                if (byName[k] < 0) {
                    throw new IllegalArgumentException("the data's class '"
                            + d.classNames().get(k) + "' is not one the model knows: " + String.join(", ", classes));
                }
            }
            for (int i = 0; i < codes.length; i++) {
                codes[i] = byName[codes[i]];
            }
        }
        for (int i = 0; i < codes.length; i++) {
            if (codes[i] >= classes.size()) {
                throw new IllegalArgumentException("row " + i + " of " + d.name() + " has class " + codes[i]
                        + ", but the model knows " + classes.size() + " classes: " + String.join(", ", classes));
            }
        }
        return codes;
    }

    /// Runs a computation whose failure on the user's data is an [IllegalStateException] (a target that is
    /// not a class code, coordinate descent that did not converge) and reports it as bad input.
    static <T> T checked(Supplier<T> work) {
        try {
            return work.get();
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /// A number for a table: six significant digits.
    static String number(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }

    /// A number for a CSV file: the shortest decimal that reads back to the same double.
    static String exact(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /// A CSV cell, quoted when it holds a comma, a quote or a line break.
    static String cell(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }

    private static final java.util.regex.Pattern NUMERIC =
            java.util.regex.Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?|NaN|-?Infinity|…");

    /// Prints rows with columns padded to their widest cell: columns of numbers right-aligned, others left.
    static void table(PrintWriter out, List<String> header, List<List<String>> rows) {
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        int[] widths = new int[header.size()];
        boolean[] numeric = new boolean[header.size()];
        java.util.Arrays.fill(numeric, true);
        for (int r = 0; r < all.size(); r++) {
            List<String> row = all.get(r);
            for (int c = 0; c < row.size(); c++) {
                widths[c] = Math.max(widths[c], row.get(c).length());
                numeric[c] &= r == 0 || NUMERIC.matcher(row.get(c)).matches();
            }
        }
        for (List<String> row : all) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < row.size(); c++) {
                String pad = " ".repeat(widths[c] - row.get(c).length());
                line.append(c == 0 ? "" : "  ").append(numeric[c] ? pad + row.get(c) : row.get(c) + pad);
            }
            out.println(line.toString().stripTrailing());
        }
    }
}
