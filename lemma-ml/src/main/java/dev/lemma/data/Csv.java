package dev.lemma.data;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/// Reading and writing comma-separated tables with a header row (RFC 4180: fields may be quoted with
/// `"`, a quote inside doubled, and then may hold commas and line breaks).
///
/// Reading types each column: **numeric** when every present cell is a decimal number, **categorical**
/// when none is. A column that mixes the two is an error naming the first cell that breaks the pattern,
/// since a typo such as `1.2.3` in a numeric column must not silently turn it into categories. Missing
/// cells are the empty field and `NA`, `N/A`, `NaN`, `nan`, `null`, `?` ([#MISSING]); they are marked,
/// counted and reported ([Frame#missingReport()]), never dropped. Every error names the source, the
/// line and the column.
///
/// Book: chapter 8, "Case studies".
public final class Csv {
    private Csv() {}

    /// The cell contents read as missing.
    public static final Set<String> MISSING = Set.of("", "NA", "N/A", "NaN", "nan", "null", "?");

    /// A decimal number: sign, digits with an optional point, an optional exponent. No hexadecimal, no
    /// `Infinity`, no type suffix (which `Double.parseDouble` would accept).
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    /// Reads a CSV file.
    ///
    /// @param file the file, UTF-8
    /// @return the table
    /// @throws UncheckedIOException if the file cannot be read
    /// @throws CsvFormatException naming the line and column of the first malformed cell or row
    public static Frame read(Path file) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(r, file.getFileName().toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /// Reads CSV text.
    ///
    /// @param text the contents
    /// @param source a name for messages
    /// @return the table
    /// @throws CsvFormatException naming the line and column of the first malformed cell or row
    public static Frame parse(String text, String source) {
        try {
            return read(new StringReader(text), source);
        } catch (UncheckedIOException e) {
            throw new IllegalStateException("a string reader failed", e);
        }
    }

    /// Reads CSV from a reader (which the caller closes).
    ///
    /// @param reader the characters
    /// @param source a name for messages
    /// @return the table
    /// @throws CsvFormatException naming the line and column of the first malformed cell or row
    /// @throws UncheckedIOException if reading fails
    public static Frame read(Reader reader, String source) {
        List<List<String>> records = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        try {
            tokenize(reader, source, records, lines);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source + ": " + e.getMessage(), e);
        }
        if (records.isEmpty()) {
            throw new CsvFormatException(source + ": the file is empty; a header row is needed");
        }
        List<String> header = records.get(0);
        Map<String, Integer> seen = new HashMap<>();
        for (int j = 0; j < header.size(); j++) {
            String name = header.get(j).strip();
            if (name.isEmpty()) {
                throw new CsvFormatException(
                        source + ": line " + lines.get(0) + ", column " + (j + 1) + ": the header has an empty name");
            }
            Integer before = seen.put(name, j);
            if (before != null) {
                throw new CsvFormatException(source + ": line " + lines.get(0) + ": the column name '" + name
                        + "' appears twice (columns " + (before + 1) + " and " + (j + 1) + ")");
            }
        }
        int rows = records.size() - 1;
        for (int r = 1; r <= rows; r++) {
            List<String> cells = records.get(r);
            if (cells.size() != header.size()) {
                throw new CsvFormatException(source + ": line " + lines.get(r) + ": " + cells.size() + " cells, but"
                        + " the header has " + header.size());
            }
        }
        List<Column> columns = new ArrayList<>();
        for (int j = 0; j < header.size(); j++) {
            columns.add(column(source, header.get(j).strip(), j, records, lines));
        }
        int[] lineOf = new int[rows];
        for (int r = 0; r < rows; r++) {
            lineOf[r] = lines.get(r + 1);
        }
        return new Frame(source, columns, lineOf);
    }

    private static Column column(String source, String name, int j, List<List<String>> records, List<Integer> lines) {
        int rows = records.size() - 1;
        BitSet missing = new BitSet(rows);
        int firstNumber = -1;
        int firstText = -1;
        for (int r = 0; r < rows; r++) {
            String cell = records.get(r + 1).get(j).strip();
            if (MISSING.contains(cell)) {
                missing.set(r);
            } else if (NUMBER.matcher(cell).matches()) {
                firstNumber = firstNumber < 0 ? r : firstNumber;
            } else {
                firstText = firstText < 0 ? r : firstText;
            }
        }
        if (firstNumber >= 0 && firstText >= 0) {
            // the minority breaks the pattern; name its first cell
            int numbers = 0;
            for (int r = 0; r < rows; r++) {
                String cell = records.get(r + 1).get(j).strip();
                if (!missing.get(r) && NUMBER.matcher(cell).matches()) {
                    numbers++;
                }
            }
            int texts = rows - missing.cardinality() - numbers;
            boolean numeric = numbers >= texts;
            int bad = numeric ? firstText : firstNumber;
            String found = records.get(bad + 1).get(j).strip();
            throw new CsvFormatException(source + ": line " + lines.get(bad + 1) + ", column '" + name + "' ("
                    + (j + 1) + "): found '" + found + "', "
                    + (numeric
                            ? "not a number, in a column of " + numbers + " numbers"
                            : "a number, in a column of " + texts + " categories")
                    + (numeric ? " (a missing value is written as an empty cell or NA)" : ""));
        }
        if (firstText < 0) {
            double[] values = new double[rows];
            for (int r = 0; r < rows; r++) {
                if (missing.get(r)) {
                    values[r] = Double.NaN;
                } else {
                    values[r] = Double.parseDouble(records.get(r + 1).get(j).strip());
                    if (!Double.isFinite(values[r])) {
                        throw new CsvFormatException(source + ": line " + lines.get(r + 1) + ", column '" + name
                                + "' (" + (j + 1) + "): '"
                                + records.get(r + 1).get(j).strip()
                                + "' overflows a double");
                    }
                }
            }
            return new Column.Numeric(name, values, missing);
        }
        TreeSet<String> levels = new TreeSet<>();
        for (int r = 0; r < rows; r++) {
            if (!missing.get(r)) {
                levels.add(records.get(r + 1).get(j).strip());
            }
        }
        List<String> sorted = List.copyOf(levels);
        Map<String, Integer> code = new HashMap<>();
        for (int i = 0; i < sorted.size(); i++) {
            code.put(sorted.get(i), i);
        }
        int[] codes = new int[rows];
        for (int r = 0; r < rows; r++) {
            codes[r] = missing.get(r) ? -1 : code.get(records.get(r + 1).get(j).strip());
        }
        return new Column.Categorical(name, codes, sorted, missing);
    }

    /// Splits the text into records of fields (RFC 4180), noting the line each record starts on. Blank
    /// lines are skipped; a line with only whitespace counts as blank.
    private static void tokenize(Reader reader, String source, List<List<String>> records, List<Integer> lines)
            throws IOException {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int line = 1;
        int recordLine = 1;
        boolean quoted = false; // inside a quoted field
        boolean wasQuoted = false; // the current field was quoted (no text may follow its closing quote)
        int quoteLine = 0;
        int c = reader.read();
        if (c == 0xFEFF) { // a byte-order mark
            c = reader.read();
        }
        for (; c != -1; c = reader.read()) {
            char ch = (char) c;
            if (quoted) {
                if (ch == '"') {
                    int next = reader.read();
                    if (next == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        if (next == -1) {
                            break;
                        }
                        c = next;
                        ch = (char) c;
                        // fall through to the unquoted handling of this character
                        if (ch != ',' && ch != '\n' && ch != '\r') {
                            throw new CsvFormatException(source + ": line " + line + ", column " + (fields.size() + 1)
                                    + ": found '" + ch + "' after a closing quote (a quote inside a quoted field is"
                                    + " written twice: \"\")");
                        }
                    }
                    if (quoted) {
                        continue;
                    }
                } else {
                    if (ch == '\n') {
                        line++;
                    }
                    field.append(ch);
                    continue;
                }
            }
            switch (ch) {
                case '"' -> {
                    if (!field.toString().isBlank() || wasQuoted) {
                        throw new CsvFormatException(source + ": line " + line + ", column " + (fields.size() + 1)
                                + ": a quote in the middle of an unquoted field (quote the whole field, and double"
                                + " the quote inside it)");
                    }
                    field.setLength(0);
                    quoted = true;
                    wasQuoted = true;
                    quoteLine = line;
                }
                case ',' -> {
                    fields.add(field.toString());
                    field.setLength(0);
                    wasQuoted = false;
                }
                case '\r' -> {
                    // part of a CRLF line end: ignored
                }
                case '\n' -> {
                    fields.add(field.toString());
                    field.setLength(0);
                    wasQuoted = false;
                    endRecord(fields, recordLine, records, lines);
                    fields = new ArrayList<>();
                    line++;
                    recordLine = line;
                }
                default -> {
                    if (wasQuoted && !Character.isWhitespace(ch)) {
                        throw new CsvFormatException(source + ": line " + line + ", column " + (fields.size() + 1)
                                + ": found '" + ch + "' after a closing quote");
                    }
                    if (!wasQuoted) {
                        field.append(ch);
                    }
                }
            }
        }
        if (quoted) {
            throw new CsvFormatException(
                    source + ": line " + quoteLine + ": a quoted field opened here is never closed");
        }
        if (!fields.isEmpty() || !field.isEmpty() || wasQuoted) {
            fields.add(field.toString());
            endRecord(fields, recordLine, records, lines);
        }
    }

    private static void endRecord(List<String> fields, int line, List<List<String>> records, List<Integer> lines) {
        if (fields.size() == 1 && fields.get(0).isBlank()) {
            return; // a blank line
        }
        records.add(fields);
        lines.add(line);
    }

    /// Writes a dataset as CSV: a header (the feature names, then the target names), then one line per
    /// example. Integral values are written without a decimal point, others as the shortest decimal that
    /// reads back to the same double, so that reading the file gives the same numbers exactly.
    ///
    /// @param data the dataset
    /// @param out where to write (not closed)
    /// @throws UncheckedIOException if writing fails
    public static void write(Dataset data, Writer out) {
        try {
            List<String> names = new ArrayList<>(data.featureNames());
            names.addAll(data.targetNames());
            out.write(String.join(",", names.stream().map(Csv::quote).toList()));
            out.write('\n');
            for (int i = 0; i < data.size(); i++) {
                StringBuilder line = new StringBuilder();
                for (int j = 0; j < data.dimension(); j++) {
                    line.append(j == 0 ? "" : ",").append(number(data.features().get(i, j)));
                }
                for (int j = 0; j < data.targets().cols(); j++) {
                    line.append(line.isEmpty() ? "" : ",")
                            .append(number(data.targets().get(i, j)));
                }
                out.write(line.append('\n').toString());
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the dataset '" + data.name() + "': " + e.getMessage(), e);
        }
    }

    /// Writes a dataset to a CSV file (see [#write(Dataset, Writer)]).
    ///
    /// @param data the dataset
    /// @param file the file, UTF-8, replaced if it exists
    /// @throws UncheckedIOException if writing fails
    public static void write(Dataset data, Path file) {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(data, w);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /// A number as the CSV files here write it: integral values without a point, else Java's shortest
    /// round-trip decimal; NaN as an empty cell.
    static String number(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    private static String quote(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
