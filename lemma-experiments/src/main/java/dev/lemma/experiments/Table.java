package dev.lemma.experiments;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/// A small table in an experiment's result: a title, column headings and rows of cells, each cell a
/// number, a string or a boolean.
///
/// @param title the caption
/// @param columns the column headings
/// @param rows the rows, each as long as `columns`
public record Table(String title, List<String> columns, List<List<Object>> rows) {

    /// Checks and copies the table.
    ///
    /// @throws IllegalArgumentException if a row's length differs from the headings' or a cell is
    ///     not a number, string or boolean
    public Table {
        Objects.requireNonNull(title, "title");
        columns = List.copyOf(columns);
        List<List<Object>> copy = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            List<Object> row = List.copyOf(rows.get(r));
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("table '" + title + "': row " + r + " has " + row.size()
                        + " cells for " + columns.size() + " columns");
            }
            for (int c = 0; c < row.size(); c++) {
                Object cell = row.get(c);
                if (!(cell instanceof Number || cell instanceof String || cell instanceof Boolean)) {
                    throw new IllegalArgumentException("table '" + title + "': cell (" + r + ", " + c + ") is a "
                            + cell.getClass().getSimpleName() + ", not a number, string or boolean");
                }
            }
            copy.add(row);
        }
        rows = List.copyOf(copy);
    }
}
