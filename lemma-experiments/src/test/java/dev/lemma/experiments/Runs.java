package dev.lemma.experiments;

import dev.lemma.viz.Chart;
import dev.lemma.viz.Series;
import java.util.LinkedHashMap;
import java.util.Map;

/// Shared helpers of the experiment tests: run with given arguments, read a table cell or a series.
public final class Runs {
    private Runs() {}

    /// Runs `experiment` with `pairs` = name, value, name, value, ….
    public static Result run(Experiment experiment, String... pairs) {
        Map<String, String> given = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            given.put(pairs[i], pairs[i + 1]);
        }
        return experiment.run(Arguments.parse(experiment, given), Progress.NONE);
    }

    /// The number in `column` of the row whose first cell starts with `quantity`.
    public static double cell(Table table, String quantity, int column) {
        return table.rows().stream()
                .filter(r -> r.getFirst().toString().startsWith(quantity))
                .map(r -> ((Number) r.get(column)).doubleValue())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row '" + quantity + "' in " + table.title()));
    }

    /// The first series of `type` whose name starts with `prefix`.
    public static <S extends Series> S series(Chart chart, Class<S> type, String prefix) {
        return chart.series().stream()
                .filter(type::isInstance)
                .map(type::cast)
                .filter(s -> s.name().startsWith(prefix))
                .findFirst()
                .orElseThrow(() ->
                        new AssertionError("no " + type.getSimpleName() + " '" + prefix + "' in " + chart.title()));
    }
}
