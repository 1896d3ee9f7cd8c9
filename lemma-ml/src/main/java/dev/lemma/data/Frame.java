package dev.lemma.data;

import dev.lemma.linalg.Matrix;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/// A table read from a CSV file: named, typed columns, with the line of the file each row came from, so
/// that every later complaint can say where to look.
///
/// @param source where the table came from (a file name), for messages
/// @param columns the columns, in the file's order
/// @param lines the 1-based line of the file where each row starts
@SuppressWarnings("ArrayRecordComponent") // the line numbers are only read, for messages
public record Frame(String source, List<Column> columns, int[] lines) {

    /// What to do with missing cells when converting to a [Dataset].
    public enum MissingValues {
        /// Refuse, naming the first missing cell and how many there are.
        REJECT,
        /// Replace a missing number by its column's mean, a missing category by its column's most frequent one.
        IMPUTE
    }

    /// Checks that the columns have one cell per row.
    ///
    /// @throws IllegalArgumentException naming a column of the wrong length
    public Frame {
        columns = List.copyOf(columns);
        lines = lines.clone();
        for (Column c : columns) {
            if (c.size() != lines.length) {
                throw new IllegalArgumentException(
                        "column '" + c.name() + "' has " + c.size() + " cells for " + lines.length + " rows");
            }
        }
    }

    /// @return the number of rows
    public int rows() {
        return lines.length;
    }

    /// @return the column names, in order
    public List<String> names() {
        return columns.stream().map(Column::name).toList();
    }

    /// The column of the given name.
    ///
    /// @param name the name
    /// @return the column
    /// @throws IllegalArgumentException naming the unknown column and listing the known ones
    public Column column(String name) {
        for (Column c : columns) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        throw new IllegalArgumentException(source + " has no column '" + name + "'; its columns are " + names());
    }

    /// @return the number of missing cells in the whole table
    public int missingCount() {
        return columns.stream().mapToInt(c -> c.missing().cardinality()).sum();
    }

    /// A line per column that has missing cells: its name, the count, and the first lines.
    ///
    /// @return the report, empty if nothing is missing
    public String missingReport() {
        StringBuilder s = new StringBuilder();
        for (Column c : columns) {
            BitSet m = c.missing();
            if (!m.isEmpty()) {
                List<Integer> first = new ArrayList<>();
                for (int r = m.nextSetBit(0); r >= 0 && first.size() < 5; r = m.nextSetBit(r + 1)) {
                    first.add(lines[r]);
                }
                s.append(String.format(
                        "column '%s': %d missing (line%s %s%s)%n",
                        c.name(),
                        m.cardinality(),
                        m.cardinality() == 1 ? "" : "s",
                        first.toString().replaceAll("[\\[\\]]", ""),
                        m.cardinality() > first.size() ? ", …" : ""));
            }
        }
        return s.toString();
    }

    /// The table as a dataset: the named columns become the targets, the others the features.
    ///
    /// A categorical feature is one-hot encoded, one 0/1 column per category named `column=category`
    /// (categories sorted, as scikit-learn's `OneHotEncoder` orders them). A categorical target becomes
    /// class codes $0, 1, \dots$ in the sorted order of its categories, which become the class names.
    ///
    /// @param name the dataset's name
    /// @param missing what to do with missing cells
    /// @param targets the target columns (none for unlabelled data)
    /// @return the dataset
    /// @throws IllegalArgumentException naming an unknown or repeated target column, or (with
    ///     [MissingValues#REJECT]) the first missing cell
    public Dataset toDataset(String name, MissingValues missing, String... targets) {
        Set<String> targetSet = new LinkedHashSet<>();
        for (String t : targets) {
            column(t); // names an unknown one
            if (!targetSet.add(t)) {
                throw new IllegalArgumentException("the target column '" + t + "' is named twice");
            }
        }
        if (missing == MissingValues.REJECT) {
            for (Column c : columns) {
                BitSet m = c.missing();
                if (!m.isEmpty()) {
                    throw new IllegalArgumentException(source + ": line " + lines[m.nextSetBit(0)] + ", column '"
                            + c.name() + "': missing value (" + missingCount() + " missing cells in all; impute"
                            + " them or fix the file)\n" + missingReport().strip());
                }
            }
        }
        List<double[]> featureColumns = new ArrayList<>();
        List<String> featureNames = new ArrayList<>();
        for (Column c : columns) {
            if (targetSet.contains(c.name())) {
                continue;
            }
            switch (c) {
                case Column.Numeric n -> {
                    featureColumns.add(imputed(n));
                    featureNames.add(n.name());
                }
                case Column.Categorical k -> {
                    int[] codes = imputed(k);
                    for (int level = 0; level < k.levels().size(); level++) {
                        double[] indicator = new double[rows()];
                        for (int r = 0; r < rows(); r++) {
                            indicator[r] = codes[r] == level ? 1 : 0;
                        }
                        featureColumns.add(indicator);
                        featureNames.add(k.name() + "=" + k.levels().get(level));
                    }
                }
            }
        }
        List<double[]> targetColumns = new ArrayList<>();
        List<String> classNames = List.of();
        for (String t : targetSet) {
            switch (column(t)) {
                case Column.Numeric n -> targetColumns.add(imputed(n));
                case Column.Categorical k -> {
                    int[] codes = imputed(k);
                    double[] y = new double[rows()];
                    for (int r = 0; r < rows(); r++) {
                        y[r] = codes[r];
                    }
                    targetColumns.add(y);
                    if (targetSet.size() == 1) {
                        classNames = k.levels();
                    }
                }
            }
        }
        return new Dataset(
                name,
                byColumns(rows(), featureColumns),
                featureNames,
                byColumns(rows(), targetColumns),
                List.copyOf(targetSet),
                classNames);
    }

    private static double[] imputed(Column.Numeric n) {
        double[] v = n.values();
        BitSet m = n.missing();
        if (m.isEmpty()) {
            return v;
        }
        double sum = 0;
        int count = 0;
        for (int r = 0; r < v.length; r++) {
            if (!m.get(r)) {
                sum += v[r];
                count++;
            }
        }
        if (count == 0) {
            throw new IllegalArgumentException("column '" + n.name() + "' has no values to impute from");
        }
        double mean = sum / count;
        for (int r = m.nextSetBit(0); r >= 0; r = m.nextSetBit(r + 1)) {
            v[r] = mean;
        }
        return v;
    }

    private static int[] imputed(Column.Categorical k) {
        int[] codes = k.codes();
        BitSet m = k.missing();
        if (m.isEmpty()) {
            return codes;
        }
        int[] counts = new int[k.levels().size()];
        for (int code : codes) {
            if (code >= 0) {
                counts[code]++;
            }
        }
        int mode = -1;
        for (int level = 0; level < counts.length; level++) {
            if (mode < 0 || counts[level] > counts[mode]) {
                mode = level;
            }
        }
        if (mode < 0) {
            throw new IllegalArgumentException("column '" + k.name() + "' has no values to impute from");
        }
        for (int r = m.nextSetBit(0); r >= 0; r = m.nextSetBit(r + 1)) {
            codes[r] = mode;
        }
        return codes;
    }

    private static Matrix byColumns(int rows, List<double[]> columns) {
        double[] flat = new double[rows * columns.size()];
        for (int j = 0; j < columns.size(); j++) {
            double[] c = columns.get(j);
            for (int r = 0; r < rows; r++) {
                flat[r * columns.size() + j] = c[r];
            }
        }
        return Matrix.ofRowMajor(rows, columns.size(), flat);
    }
}
