package dev.lemma.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.lemma.experiments.Arguments;
import dev.lemma.experiments.Experiment;
import dev.lemma.experiments.Parameter;
import dev.lemma.experiments.Result;
import dev.lemma.experiments.Table;
import dev.lemma.viz.Annotation;
import dev.lemma.viz.Axis;
import dev.lemma.viz.Chart;
import dev.lemma.viz.Series;
import dev.lemma.viz.Style;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/// Experiments and their results as JSON trees (maps, lists, strings, numbers), for `--json` output and
/// the `result.json` that `lemma experiments run` writes.
///
/// A chart is written as its plain data, each series and annotation tagged with its `kind`
/// (`line`, `scatter`, `bar`, `histogram`, `contour`, `heatmap`, `surface`, `vectorField`, `image`;
/// `point`, `arrow`, `text`). JSON has no NaN: a NaN (a gap in a line, a blank heatmap cell, an axis
/// bound left automatic) is written as `null`.
public final class ExperimentJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ExperimentJson() {}

    /// Writes a JSON tree as indented text.
    static String write(Object tree) {
        try {
            return MAPPER.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    /// A parameter value as the command line takes it back in `-p name=value`.
    static String text(Object value) {
        return value instanceof Double d
                ? (d == Math.rint(d) ? String.format(Locale.ROOT, "%.1f", d) : d.toString())
                : String.valueOf(value);
    }

    /// The experiment's id, title, chapter, summary, formula and parameters.
    static Map<String, Object> describe(Experiment e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id());
        m.put("title", e.title());
        m.put("chapter", e.chapter());
        m.put("summary", e.summary());
        m.put("formula", e.formula());
        m.put("budgetSeconds", e.budget().toMillis() / 1000.0);
        List<Map<String, Object>> parameters = new ArrayList<>();
        for (Parameter p : e.parameters()) {
            parameters.add(parameter(p));
        }
        m.put("parameters", parameters);
        return m;
    }

    /// One parameter: name, kind, label, help, default, and its range or choices (and, for a dataset
    /// that takes the user's own files, `uploads`: the kind of file). The lab's API serves the same.
    ///
    /// @param p the parameter
    /// @return a mutable JSON tree
    public static Map<String, Object> parameter(Parameter p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", p.name());
        m.put("kind", p.kind());
        m.put("label", p.label());
        m.put("help", p.help());
        m.put("default", p.defaultValue());
        switch (p) {
            case Parameter.Real r -> {
                m.put("min", r.min());
                m.put("max", r.max());
                m.put("step", r.step());
            }
            case Parameter.Int i -> {
                m.put("min", i.min());
                m.put("max", i.max());
                m.put("step", 1);
            }
            case Parameter.Choice c -> m.put("choices", c.choices());
            case Parameter.Data d -> {
                m.put("choices", d.datasets());
                if (d.uploads() != null) {
                    m.put("uploads", d.uploads().name().toLowerCase(Locale.ROOT));
                }
            }
            case Parameter.Seed s -> {
                m.put("min", 0);
                m.put("max", Parameter.Seed.MAX);
            }
            case Parameter.Flag f -> {}
        }
        m.put("accepts", p.accepts());
        return m;
    }

    /// A run's result: the arguments it ran with, its charts as plain data, tables, notes and time.
    static Map<String, Object> result(Experiment e, Arguments arguments, Result result, long millis) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id());
        m.put("arguments", arguments.values());
        List<Object> charts = new ArrayList<>();
        for (Chart c : result.charts()) {
            charts.add(chart(c));
        }
        m.put("charts", charts);
        List<Object> tables = new ArrayList<>();
        for (Table t : result.tables()) {
            Map<String, Object> table = new LinkedHashMap<>();
            table.put("title", t.title());
            table.put("columns", t.columns());
            List<Object> rows = new ArrayList<>();
            for (List<Object> row : t.rows()) {
                rows.add(row.stream().map(ExperimentJson::cell).toList());
            }
            table.put("rows", rows);
            tables.add(table);
        }
        m.put("tables", tables);
        m.put("notes", result.notes());
        m.put("millis", millis);
        return m;
    }

    private static Object cell(Object value) {
        return value instanceof Double d && !Double.isFinite(d) ? d.toString() : value;
    }

    /// A chart as plain data.
    static Map<String, Object> chart(Chart c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", c.title());
        m.put("xAxis", axis(c.xAxis()));
        m.put("yAxis", axis(c.yAxis()));
        m.put("zAxis", axis(c.zAxis()));
        m.put("equalAspect", c.equalAspect());
        m.put("series", c.series().stream().map(ExperimentJson::series).toList());
        m.put(
                "annotations",
                c.annotations().stream().map(ExperimentJson::annotation).toList());
        return m;
    }

    private static Map<String, Object> axis(Axis a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("label", a.label());
        m.put("min", number(a.min()));
        m.put("max", number(a.max()));
        m.put("scale", a.scale().name().toLowerCase(Locale.ROOT));
        return m;
    }

    private static Map<String, Object> series(Series s) {
        Map<String, Object> m = new LinkedHashMap<>();
        switch (s) {
            case Series.Line l -> {
                m.put("kind", "line");
                m.put("name", l.name());
                m.put("x", numbers(l.x()));
                m.put("y", numbers(l.y()));
                m.put("style", style(l.style()));
            }
            case Series.Scatter sc -> {
                m.put("kind", "scatter");
                m.put("name", sc.name());
                m.put("x", numbers(sc.x()));
                m.put("y", numbers(sc.y()));
                m.put("labels", sc.labels());
                m.put("style", style(sc.style()));
            }
            case Series.Bar b -> {
                m.put("kind", "bar");
                m.put("name", b.name());
                m.put("categories", b.categories());
                m.put("values", numbers(b.values()));
                m.put("style", style(b.style()));
            }
            case Series.Histogram h -> {
                m.put("kind", "histogram");
                m.put("name", h.name());
                m.put("edges", numbers(h.edges()));
                m.put("counts", numbers(h.counts()));
                m.put("style", style(h.style()));
            }
            case Series.Contour c -> {
                m.put("kind", "contour");
                grid(m, c.name(), c.x(), c.y(), c.z());
                m.put("levels", numbers(c.levels()));
            }
            case Series.Heatmap h -> {
                m.put("kind", "heatmap");
                grid(m, h.name(), h.x(), h.y(), h.z());
                m.put("colorScale", h.colorScale().name().toLowerCase(Locale.ROOT));
            }
            case Series.Surface f -> {
                m.put("kind", "surface");
                grid(m, f.name(), f.x(), f.y(), f.z());
                m.put("colorScale", f.colorScale().name().toLowerCase(Locale.ROOT));
            }
            case Series.VectorField v -> {
                m.put("kind", "vectorField");
                m.put("name", v.name());
                m.put("x", numbers(v.x()));
                m.put("y", numbers(v.y()));
                m.put("u", numbers(v.u()));
                m.put("v", numbers(v.v()));
                m.put("style", style(v.style()));
            }
            case Series.Image i -> {
                m.put("kind", "image");
                m.put("name", i.name());
                m.put("width", i.width());
                m.put("height", i.height());
                m.put("rgb", i.rgb());
            }
        }
        return m;
    }

    private static void grid(Map<String, Object> m, String name, double[] x, double[] y, double[][] z) {
        m.put("name", name);
        m.put("x", numbers(x));
        m.put("y", numbers(y));
        List<Object> rows = new ArrayList<>(z.length);
        for (double[] row : z) {
            rows.add(numbers(row));
        }
        m.put("z", rows);
    }

    private static Map<String, Object> annotation(Annotation a) {
        Map<String, Object> m = new LinkedHashMap<>();
        switch (a) {
            case Annotation.Point p -> {
                m.put("kind", "point");
                m.put("x", p.x());
                m.put("y", p.y());
                m.put("label", p.label());
                m.put("style", style(p.style()));
            }
            case Annotation.Arrow r -> {
                m.put("kind", "arrow");
                m.put("x0", r.x0());
                m.put("y0", r.y0());
                m.put("x1", r.x1());
                m.put("y1", r.y1());
                m.put("label", r.label());
                m.put("style", style(r.style()));
            }
            case Annotation.Text t -> {
                m.put("kind", "text");
                m.put("x", t.x());
                m.put("y", t.y());
                m.put("text", t.text());
            }
        }
        return m;
    }

    private static Map<String, Object> style(Style s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("color", s.color());
        m.put("width", s.width());
        m.put("dash", s.dash().name().toLowerCase(Locale.ROOT));
        return m;
    }

    private static Double number(double v) {
        return Double.isNaN(v) ? null : v;
    }

    private static List<Double> numbers(double[] values) {
        List<Double> list = new ArrayList<>(values.length);
        for (double v : values) {
            list.add(number(v));
        }
        return list;
    }
}
