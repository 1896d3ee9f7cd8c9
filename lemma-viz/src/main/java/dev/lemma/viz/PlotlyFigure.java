package dev.lemma.viz;

import static dev.lemma.viz.PlotlyTraces.map;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/// A [Chart] as a Plotly figure, `{"data": [traces…], "layout": {…}}`, for the lab to serialise to
/// JSON and hand to `Plotly.newPlot`.
///
/// The figure holds only `Map`, `List`, `String`, `Number` and `Boolean` values, in a fixed order,
/// so the same chart always gives an equal map and the same JSON. NaN never appears: a missing value
/// is `null`, which Plotly draws as a gap.
///
/// How each kind is drawn:
///
/// - line: a `scatter` trace in `lines` mode, with the style's colour, width and dash;
/// - scatter: a `scatter` trace in `markers` mode, the labels as hover text;
/// - bar: a `bar` trace on a category axis;
/// - histogram: a `bar` trace with one bar per bin, at the bin's centre and as wide as the bin;
/// - contour: a `contour` trace with coloured lines when the levels are evenly spaced (or absent,
///   then Plotly picks them); otherwise one line trace per level from [Contours];
/// - heatmap: a `heatmap` trace (Viridis, Greys, or RdBu centred on zero);
/// - surface: a 3-D `surface` trace, its axis titles in the `scene`;
/// - vector field: one `scatter` trace of shafts and arrowheads separated by gaps (Plotly has no
///   quiver);
/// - image: an `image` trace whose `source` is a PNG data URI, the y axis pointing down.
///
/// Annotations: a point is a marker trace with its label as text above-right; an arrow is a layout
/// annotation pointing from tail to head in data coordinates, its label beyond the head; text is a
/// layout annotation without arrow.
///
/// References: Plotly.js figure reference, <https://plotly.com/javascript/reference/>.
public final class PlotlyFigure {
    private PlotlyFigure() {}

    /// Grid lines, light enough to sit behind data without competing with it.
    private static final String GRID = "#e5e5e5";

    /// Builds the figure of a chart.
    ///
    /// @param chart the chart
    /// @return `{"data": [...], "layout": {...}}`
    /// @throws IllegalArgumentException if a series or annotation cannot be shown on a logarithmic
    ///     axis (a non-positive value, an image, bars), naming it
    public static Map<String, Object> of(Chart chart) {
        ChartChecks.checkAxes(chart);
        List<Series> series = chart.series();
        String[] colors = Palette.seriesColors(series);
        List<Map<String, Object>> data = new ArrayList<>();
        int named = 0;
        boolean surface = false;
        boolean image = false;
        boolean bar = false;
        boolean colorbar = false;
        for (int k = 0; k < series.size(); k++) {
            Series s = series.get(k);
            data.addAll(PlotlyTraces.of(s, colors[k], chart.zAxis().label()));
            named += s.name().isEmpty() ? 0 : 1;
            surface |= s instanceof Series.Surface;
            image |= s instanceof Series.Image;
            bar |= s instanceof Series.Bar;
            colorbar |= s instanceof Series.Heatmap || s instanceof Series.Surface;
        }
        List<Map<String, Object>> annotations = new ArrayList<>();
        boolean logX = chart.xAxis().scale() == Axis.Scale.LOG;
        boolean logY = chart.yAxis().scale() == Axis.Scale.LOG;
        List<double[]> placed = new ArrayList<>(); // {x, y, angle} of each arrow label so far
        for (Annotation a : chart.annotations()) {
            switch (a) {
                case Annotation.Point p -> data.add(point(p));
                case Annotation.Arrow r -> annotations.addAll(arrow(r, logX, logY, image, placed));
                case Annotation.Text t -> annotations.add(text(t.x(), t.y(), t.text(), logX, logY));
            }
        }

        Map<String, Object> layout = map(
                "title",
                map("text", chart.title()),
                "paper_bgcolor",
                "#ffffff",
                "plot_bgcolor",
                "#ffffff",
                "font",
                map("family", "sans-serif", "size", 13),
                "colorway",
                colorway(),
                "showlegend",
                named > 1,
                "hovermode",
                "closest");
        Map<String, Object> xaxis = axis(chart.xAxis(), false);
        Map<String, Object> yaxis = axis(chart.yAxis(), image);
        if (chart.equalAspect()) {
            yaxis.put("scaleanchor", "x");
            yaxis.put("scaleratio", 1);
        }
        layout.put("xaxis", xaxis);
        layout.put("yaxis", yaxis);
        if (colorbar && named > 1) {
            // Plotly puts both the legend and a heatmap's colour bar at the right, one over the other:
            // the legend goes below the plot instead, in a row.
            layout.put("legend", map("orientation", "h", "x", 0, "xanchor", "left", "y", -0.15, "yanchor", "top"));
        }
        if (surface) {
            layout.put(
                    "scene",
                    map(
                            "xaxis",
                            map("title", map("text", chart.xAxis().label())),
                            "yaxis",
                            map("title", map("text", chart.yAxis().label())),
                            "zaxis",
                            map("title", map("text", chart.zAxis().label()))));
        }
        // Grouped bars side by side; histogram bins carry their own widths and overlay.
        layout.put("barmode", bar ? "group" : "overlay");
        if (!annotations.isEmpty()) {
            layout.put("annotations", annotations);
        }
        return map("data", data, "layout", layout);
    }

    private static List<String> colorway() {
        List<String> colors = new ArrayList<>();
        for (int k = 0; k < 10; k++) {
            colors.add(Palette.cycle(k));
        }
        return colors;
    }

    /// An axis: title, type, fixed range (Plotly wants a log axis's range as decimal logarithms), and
    /// for an image's y axis the downward direction.
    private static Map<String, Object> axis(Axis axis, boolean downward) {
        boolean log = axis.scale() == Axis.Scale.LOG;
        Map<String, Object> out = map(
                "title",
                map("text", axis.label()),
                "type",
                log ? "log" : "linear",
                "gridcolor",
                GRID,
                "zeroline",
                false,
                "showline",
                true,
                "linecolor",
                "#444444",
                "automargin",
                true);
        if (log) {
            out.put("exponentformat", "power"); // 10⁴, as the static renderer labels decades
        }
        if (axis.hasRange()) {
            double lo = log ? Math.log10(axis.min()) : axis.min();
            double hi = log ? Math.log10(axis.max()) : axis.max();
            out.put("range", downward ? List.of(hi, lo) : List.of(lo, hi));
        } else if (downward) {
            out.put("autorange", "reversed");
        }
        return out;
    }

    private static Map<String, Object> point(Annotation.Point p) {
        String color = p.style().color() != null ? p.style().color() : Palette.ANNOTATION;
        return map(
                "type",
                "scatter",
                "mode",
                p.label().isEmpty() ? "markers" : "markers+text",
                "x",
                List.of(p.x()),
                "y",
                List.of(p.y()),
                "text",
                List.of(p.label()),
                "textposition",
                "top right", // as the static renderer's first choice, clear of lines through the point
                "marker",
                map("color", color, "size", p.style().width() > 0 ? p.style().width() : 10.0),
                "name",
                p.label(),
                "showlegend",
                false);
    }

    /// An arrow from tail to head in data coordinates; its label goes at the head, as the model
    /// says, in a text annotation of its own (Plotly would put an arrow's text at the tail).
    ///
    /// The label sits just beyond the head along the arrow's direction, hung from the side facing
    /// the head (`xanchor`, `yanchor`) and shifted a few pixels out, as the static renderer places
    /// it ([LabelPlacer]). The direction is taken in data units (decades on a log axis), which is the
    /// direction on screen when the chart has equal aspect and an approximation otherwise. When an
    /// earlier arrow's label already points the same way (within 45°) from the same head, this label
    /// turns by 45° steps until it does not: Plotly cannot measure text here, so this is the part of
    /// the static renderer's overlap check that needs no measuring.
    private static List<Map<String, Object>> arrow(
            Annotation.Arrow r, boolean logX, boolean logY, boolean down, List<double[]> placed) {
        String color = r.style().color() != null ? r.style().color() : Palette.ANNOTATION;
        List<Map<String, Object>> out = new ArrayList<>();
        out.add(map(
                "x",
                coordinate(r.x1(), logX),
                "y",
                coordinate(r.y1(), logY),
                "ax",
                coordinate(r.x0(), logX),
                "ay",
                coordinate(r.y0(), logY),
                "xref",
                "x",
                "yref",
                "y",
                "axref",
                "x",
                "ayref",
                "y",
                "text",
                "",
                "showarrow",
                true,
                "arrowhead",
                2,
                "arrowwidth",
                r.style().width() > 0 ? r.style().width() : 2.0,
                "arrowcolor",
                color));
        if (!r.label().isEmpty()) {
            double dx = coordinate(r.x1(), logX) - coordinate(r.x0(), logX);
            double dy = coordinate(r.y1(), logY) - coordinate(r.y0(), logY);
            double angle = dx == 0 && dy == 0 ? Math.PI / 2 : Math.atan2(down ? -dy : dy, dx); // y up
            angle = freeAngle(r.x1(), r.y1(), angle, placed);
            placed.add(new double[] {r.x1(), r.y1(), angle});
            Map<String, Object> label = text(r.x1(), r.y1(), r.label(), logX, logY);
            double ux = Math.cos(angle);
            double uy = Math.sin(angle);
            label.put("xanchor", ux > LabelPlacer.SIDEWAYS ? "left" : ux < -LabelPlacer.SIDEWAYS ? "right" : "center");
            label.put("yanchor", uy > LabelPlacer.SIDEWAYS ? "bottom" : uy < -LabelPlacer.SIDEWAYS ? "top" : "middle");
            label.put("xshift", Math.round(LabelPlacer.GAP * ux * 10) / 10.0);
            label.put("yshift", Math.round(LabelPlacer.GAP * uy * 10) / 10.0);
            out.add(label);
        }
        return out;
    }

    /// `angle` (radians, y up), or the nearest turn of it by 45° steps that is at least 45° from the
    /// angle of every earlier label at the same head.
    private static double freeAngle(double x, double y, double angle, List<double[]> placed) {
        double step = Math.PI / 4;
        double[] turns = {0, step, -step, 2 * step, -2 * step, 3 * step, -3 * step, 4 * step};
        for (double turn : turns) {
            double a = angle + turn;
            boolean free = true;
            for (double[] p : placed) {
                double apart = Math.abs(Math.IEEEremainder(a - p[2], 2 * Math.PI));
                free &= !(p[0] == x && p[1] == y && apart < step - 1e-9);
            }
            if (free) {
                return a;
            }
        }
        return angle;
    }

    private static Map<String, Object> text(double x, double y, String text, boolean logX, boolean logY) {
        return map(
                "x",
                coordinate(x, logX),
                "y",
                coordinate(y, logY),
                "xref",
                "x",
                "yref",
                "y",
                "text",
                text,
                "showarrow",
                false);
    }

    /// Plotly places layout annotations on a log axis by the decimal logarithm of the value.
    private static double coordinate(double value, boolean log) {
        return log ? Math.log10(value) : value;
    }
}
