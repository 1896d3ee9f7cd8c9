package dev.lemma.experiments;

import dev.lemma.viz.Chart;
import java.util.ArrayList;
import java.util.List;

/// What a run of an experiment returns: charts, tables and short notes.
///
/// @param charts the charts, in the order shown
/// @param tables the tables
/// @param notes short paragraphs, Markdown with `$…$` math allowed, that say what the numbers mean
public record Result(List<Chart> charts, List<Table> tables, List<String> notes) {

    /// Copies the parts.
    public Result {
        charts = List.copyOf(charts);
        tables = List.copyOf(tables);
        notes = List.copyOf(notes);
    }

    /// Starts an empty result.
    ///
    /// @return a builder
    public static Builder builder() {
        return new Builder();
    }

    /// Collects the parts of a result.
    public static final class Builder {
        private final List<Chart> charts = new ArrayList<>();
        private final List<Table> tables = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();

        private Builder() {}

        /// Adds a chart.
        ///
        /// @param chart the chart
        /// @return this builder
        public Builder chart(Chart chart) {
            charts.add(chart);
            return this;
        }

        /// Adds a table.
        ///
        /// @param table the table
        /// @return this builder
        public Builder table(Table table) {
            tables.add(table);
            return this;
        }

        /// Adds a note.
        ///
        /// @param note the text
        /// @return this builder
        public Builder note(String note) {
            notes.add(note);
            return this;
        }

        /// Builds the result.
        ///
        /// @return the result
        public Result build() {
            return new Result(charts, tables, notes);
        }
    }
}
