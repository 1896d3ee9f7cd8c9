package dev.lemma.app.lab;

import dev.lemma.app.ExperimentJson;
import dev.lemma.experiments.Arguments;
import dev.lemma.experiments.Experiment;
import dev.lemma.experiments.Parameter;
import dev.lemma.experiments.ParameterException;
import dev.lemma.experiments.Result;
import dev.lemma.experiments.Table;
import dev.lemma.viz.Chart;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/// The experiments as JSON: what the list, the description and a run's answer hold, and the
/// translation of a request's JSON values into the text that [Arguments#parse] checks.
final class ExperimentApi {
    private ExperimentApi() {}

    /// `{id, title, chapter, summary}`: one entry of `GET /api/experiments`.
    static Map<String, Object> summary(Experiment e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id());
        m.put("title", e.title());
        m.put("chapter", e.chapter());
        m.put("summary", e.summary());
        return m;
    }

    /// The summary plus the formula, the time budget and the typed parameters.
    static Map<String, Object> describe(Experiment e) {
        Map<String, Object> m = summary(e);
        m.put("summaryHtml", Markdown.snippet(e.summary()));
        m.put("formula", e.formula());
        m.put("budgetMillis", e.budget().toMillis());
        List<Map<String, Object>> parameters = new ArrayList<>();
        for (Parameter p : e.parameters()) {
            parameters.add(parameter(p));
        }
        m.put("parameters", parameters);
        return m;
    }

    /// A parameter as `lemma experiments show --json` describes it, plus its label as HTML.
    private static Map<String, Object> parameter(Parameter p) {
        Map<String, Object> m = ExperimentJson.parameter(p);
        m.put("labelHtml", Markdown.snippet(p.label()));
        return m;
    }

    /// Turns a request's JSON values into the text [Arguments#parse] reads, refusing values that no
    /// parameter could accept (an array, an object, null) with a message naming the parameter.
    ///
    /// @throws ParameterException naming the parameter
    static Arguments arguments(Experiment e, Map<String, Object> body) {
        Map<String, String> text = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : body.entrySet()) {
            String name = entry.getKey();
            Object value = entry.getValue();
            String accepts = e.parameters().stream()
                    .filter(p -> p.name().equals(name))
                    .map(Parameter::accepts)
                    .findFirst()
                    .orElse("");
            switch (value) {
                case null ->
                    throw new ParameterException(
                            name, "parameter '" + name + "' needs a value" + (accepts.isEmpty() ? "" : ": " + accepts));
                case String s -> text.put(name, s);
                case Boolean b -> text.put(name, b.toString());
                case BigDecimal d -> text.put(name, d.toPlainString());
                case Double d ->
                    text.put(name, Double.isFinite(d) ? BigDecimal.valueOf(d).toPlainString() : d.toString());
                case Number n -> text.put(name, n.toString());
                default ->
                    throw new ParameterException(
                            name,
                            "parameter '" + name + "' is " + (accepts.isEmpty() ? "a single value" : accepts)
                                    + ", not a JSON " + (value instanceof List<?> ? "array" : "object"));
            }
        }
        return Arguments.parse(e, text);
    }

    /// The answer to a run: the arguments used, each chart as a Plotly figure, the tables, the notes
    /// (as given and as HTML) and the time it took.
    static Map<String, Object> result(
            Experiment e,
            Arguments arguments,
            Result result,
            long millis,
            Function<Chart, Map<String, Object>> figures) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id());
        m.put("arguments", arguments.values());
        List<Map<String, Object>> charts = new ArrayList<>();
        for (Chart chart : result.charts()) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("title", chart.title());
            c.put("figure", figures.apply(chart));
            charts.add(c);
        }
        m.put("charts", charts);
        List<Map<String, Object>> tables = new ArrayList<>();
        for (Table t : result.tables()) {
            Map<String, Object> table = new LinkedHashMap<>();
            table.put("title", t.title());
            table.put("columns", t.columns());
            table.put("rows", t.rows());
            tables.add(table);
        }
        m.put("tables", tables);
        m.put("notes", result.notes());
        m.put("notesHtml", result.notes().stream().map(Markdown::snippet).toList());
        m.put("millis", millis);
        return m;
    }
}
