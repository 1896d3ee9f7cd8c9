package dev.lemma.ml.preprocessing;

import dev.lemma.data.Dataset;
import dev.lemma.linalg.Matrix;
import dev.lemma.ml.Inputs;
import dev.lemma.ml.Learner;
import dev.lemma.ml.ModelState;
import dev.lemma.ml.Transformer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/// One-hot encoding, scikit-learn's `OneHotEncoder`, for the chosen columns of category codes: column $j$
/// with categories $c_1 < \dots < c_r$ (the distinct training values, sorted) becomes $r$ indicator
/// columns. Other columns pass through unchanged, first, in their order; the indicators follow. A
/// category not seen in training is an error naming the row and column (scikit-learn's
/// `handle_unknown='error'`).
///
/// A model on codes $0, 1, 2$ would treat colour 2 as "twice" colour 1; indicators make the categories
/// unordered and equally far apart.
///
/// @param columns the indices of the columns to encode
@SuppressWarnings("ArrayRecordComponent") // a configuration; the indices are copied in and out
public record OneHotEncoder(int[] columns) implements Learner<OneHotEncoder.Fitted> {

    /// Copies the indices.
    public OneHotEncoder {
        columns = columns.clone();
    }

    @Override
    public int[] columns() {
        return columns.clone();
    }

    @Override
    public Fitted fit(Dataset data) {
        Inputs.training("one-hot-encoder", data, null);
        double[][] categories = new double[columns.length][];
        for (int c = 0; c < columns.length; c++) {
            int j = columns[c];
            if (j < 0 || j >= data.dimension()) {
                throw new IllegalArgumentException(
                        "one-hot-encoder: column " + j + " does not exist; the data has " + data.dimension());
            }
            TreeSet<Double> seen = new TreeSet<>();
            for (int i = 0; i < data.size(); i++) {
                seen.add(data.features().get(i, j));
            }
            categories[c] = seen.stream().mapToDouble(Double::doubleValue).toArray();
        }
        return new Fitted(columns, categories, data.dimension());
    }

    /// A fitted encoder.
    ///
    /// @param columns the encoded columns
    /// @param categories the sorted categories of each (`categories_`)
    /// @param inputFeatures the number of input columns
    @SuppressWarnings("ArrayRecordComponent") // a fitted model; its arrays are copied in and out
    public record Fitted(int[] columns, double[][] categories, int inputFeatures) implements Transformer {

        /// Copies the arrays.
        public Fitted {
            columns = columns.clone();
            double[][] copy = new double[categories.length][];
            for (int i = 0; i < copy.length; i++) {
                copy[i] = categories[i].clone();
            }
            categories = copy;
        }

        @Override
        public int features() {
            return inputFeatures;
        }

        @Override
        public Matrix transform(Matrix x) {
            Inputs.prediction("one-hot-encoder", x, inputFeatures);
            boolean[] encoded = new boolean[inputFeatures];
            int width = 0;
            for (int c = 0; c < columns.length; c++) {
                encoded[columns[c]] = true;
                width += categories[c].length;
            }
            int kept = inputFeatures - columns.length;
            double[][] out = new double[x.rows()][kept + width];
            for (int i = 0; i < x.rows(); i++) {
                int o = 0;
                for (int j = 0; j < inputFeatures; j++) {
                    if (!encoded[j]) {
                        out[i][o++] = x.get(i, j);
                    }
                }
                for (int c = 0; c < columns.length; c++) {
                    double v = x.get(i, columns[c]);
                    int at = java.util.Arrays.binarySearch(categories[c], v);
                    if (at < 0) {
                        throw new IllegalArgumentException("one-hot-encoder: row " + i + ", column " + columns[c]
                                + " has category " + v + ", unseen in training (known: "
                                + java.util.Arrays.toString(categories[c]) + ")");
                    }
                    out[i][o + at] = 1;
                    o += categories[c].length;
                }
            }
            return Matrix.of(out);
        }

        /// The names of the output columns: the kept input names, then `name=category`.
        ///
        /// @param inputNames the input column names
        /// @return the output names
        public List<String> featureNames(List<String> inputNames) {
            List<String> names = new ArrayList<>();
            boolean[] encoded = new boolean[inputFeatures];
            for (int j : columns) {
                encoded[j] = true;
            }
            for (int j = 0; j < inputFeatures; j++) {
                if (!encoded[j]) {
                    names.add(inputNames.get(j));
                }
            }
            for (int c = 0; c < columns.length; c++) {
                for (double v : categories[c]) {
                    names.add(inputNames.get(columns[c]) + "=" + (v == Math.rint(v) ? Long.toString((long) v) : v));
                }
            }
            return names;
        }

        @Override
        public ModelState state() {
            Map<String, Object> learned = new LinkedHashMap<>();
            double[][] copy = new double[categories.length][];
            for (int i = 0; i < copy.length; i++) {
                copy[i] = categories[i].clone();
            }
            learned.put("categories_", copy);
            learned.put("n_features_in_", inputFeatures);
            return new ModelState("one-hot-encoder", Map.of("columns", columns.clone()), learned);
        }
    }
}
