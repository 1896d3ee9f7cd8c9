package dev.lemma.viz;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/// The Plotly traces of each series kind; [PlotlyFigure] puts them together with the layout.
///
/// Every number list is a `List<Double>` with NaN turned into `null`, which Jackson writes as JSON
/// `null` and Plotly draws as a gap.
final class PlotlyTraces {
    private PlotlyTraces() {}

    /// The traces of one series.
    ///
    /// @param series the series
    /// @param color its colour from the cycle, or null for the kinds drawn through a colour scale
    /// @param zTitle the colour bar's title (the chart's z axis label)
    static List<Map<String, Object>> of(Series series, String color, String zTitle) {
        return switch (series) {
            case Series.Line s -> List.of(line(s, color));
            case Series.Scatter s -> List.of(scatter(s, color));
            case Series.Bar s -> List.of(bar(s, color));
            case Series.Histogram s -> List.of(histogram(s, color));
            case Series.Contour s -> contour(s, zTitle);
            case Series.Heatmap s -> List.of(heatmap(s, zTitle));
            case Series.Surface s -> List.of(surface(s, zTitle));
            case Series.VectorField s -> List.of(vectorField(s, color));
            case Series.Image s -> List.of(image(s));
        };
    }

    private static Map<String, Object> line(Series.Line s, String color) {
        Map<String, Object> t = trace("scatter", s.name());
        t.put("mode", "lines");
        t.put("x", list(s.x()));
        t.put("y", list(s.y()));
        t.put("line", line(color, s.style()));
        return t;
    }

    private static Map<String, Object> scatter(Series.Scatter s, String color) {
        Map<String, Object> t = trace("scatter", s.name());
        t.put("mode", "markers");
        t.put("x", list(s.x()));
        t.put("y", list(s.y()));
        if (!s.labels().isEmpty()) {
            t.put("text", s.labels());
        }
        Map<String, Object> marker = new LinkedHashMap<>();
        marker.put("color", color);
        marker.put("size", s.style().width() > 0 ? s.style().width() : 7.0);
        t.put("marker", marker);
        return t;
    }

    private static Map<String, Object> bar(Series.Bar s, String color) {
        Map<String, Object> t = trace("bar", s.name());
        t.put("x", s.categories());
        t.put("y", list(s.values()));
        t.put("marker", map("color", color));
        return t;
    }

    /// A histogram's bins are precomputed, so it is a bar trace with one bar per bin, centred and as
    /// wide as the bin (Plotly's own histogram trace would bin raw data again).
    private static Map<String, Object> histogram(Series.Histogram s, String color) {
        double[] edges = s.edges();
        int n = edges.length - 1;
        double[] centres = new double[n];
        double[] widths = new double[n];
        for (int i = 0; i < n; i++) {
            centres[i] = (edges[i] + edges[i + 1]) / 2;
            widths[i] = edges[i + 1] - edges[i];
        }
        Map<String, Object> t = trace("bar", s.name());
        t.put("x", list(centres));
        t.put("y", list(s.counts()));
        t.put("width", list(widths));
        Map<String, Object> marker = new LinkedHashMap<>();
        marker.put("color", color);
        marker.put("line", map("color", "#ffffff", "width", 1.0));
        t.put("marker", marker);
        return t;
    }

    /// Plotly spaces contour levels evenly (`start`, `end`, `size`); other levels are drawn as line
    /// traces of our own marching squares, one per level, coloured as Plotly colours its lines.
    private static List<Map<String, Object>> contour(Series.Contour s, String zTitle) {
        double[] levels = s.levels();
        if (levels.length == 0 || evenlySpaced(levels)) {
            Map<String, Object> t = grid("contour", s.name(), s.x(), s.y(), s.z());
            t.put("colorscale", "Viridis");
            Map<String, Object> contours = new LinkedHashMap<>();
            contours.put("coloring", "lines");
            if (levels.length == 0) {
                t.put("ncontours", 10); // a hint: Plotly picks round levels near this count
            } else {
                t.put("autocontour", false);
                double size = levels.length == 1 ? 1.0 : (levels[levels.length - 1] - levels[0]) / (levels.length - 1);
                contours.put("start", levels[0]);
                contours.put("end", levels[levels.length - 1]);
                contours.put("size", size);
            }
            t.put("contours", contours);
            t.put("line", map("width", 2.0));
            t.put("colorbar", colorbar(zTitle));
            return List.of(t);
        }
        List<Map<String, Object>> traces = new ArrayList<>();
        for (int k = 0; k < levels.length; k++) {
            List<Contours.Segment> segments = Contours.segments(s.x(), s.y(), s.z(), levels[k]);
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (Contours.Segment g : segments) {
                xs.addAll(Arrays.asList(g.x0(), g.x1(), null));
                ys.addAll(Arrays.asList(g.y0(), g.y1(), null));
            }
            Map<String, Object> t = trace("scatter", s.name());
            t.put("mode", "lines");
            t.put("x", xs);
            t.put("y", ys);
            t.put("line", map("color", levelColor(levels, k), "width", 2.0));
            t.put("legendgroup", s.name());
            t.put("showlegend", k == 0 && !s.name().isEmpty());
            t.put("hovertext", "z = " + levels[k]);
            traces.add(t);
        }
        return traces;
    }

    /// The colour of level `k`: Viridis at its place between the first and last level.
    static String levelColor(double[] levels, int k) {
        double span = levels[levels.length - 1] - levels[0];
        double t = span > 0 ? (levels[k] - levels[0]) / span : 0.5;
        return Palette.hex(Palette.rgb(ColorScale.VIRIDIS, t));
    }

    /// Whether the levels are `start + k·size` to a relative tolerance of $10^{-9}$ of their span.
    static boolean evenlySpaced(double[] levels) {
        int n = levels.length;
        if (n == 1) {
            return true;
        }
        if (!(levels[n - 1] > levels[0])) {
            return false; // Plotly needs a positive step; repeated or falling levels go as lines
        }
        double size = (levels[n - 1] - levels[0]) / (n - 1);
        double tolerance = 1e-9 * Math.max(Math.abs(levels[n - 1] - levels[0]), Double.MIN_NORMAL);
        for (int k = 0; k < n; k++) {
            if (Math.abs(levels[k] - (levels[0] + k * size)) > tolerance) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, Object> heatmap(Series.Heatmap s, String zTitle) {
        Map<String, Object> t = grid("heatmap", s.name(), s.x(), s.y(), s.z());
        t.put("colorscale", Palette.plotlyName(s.colorScale()));
        if (s.colorScale() == ColorScale.RED_BLUE) {
            t.put("zmid", 0.0);
        }
        t.put("colorbar", colorbar(zTitle));
        return t;
    }

    private static Map<String, Object> surface(Series.Surface s, String zTitle) {
        Map<String, Object> t = grid("surface", s.name(), s.x(), s.y(), s.z());
        t.put("colorscale", Palette.plotlyName(s.colorScale()));
        if (s.colorScale() == ColorScale.RED_BLUE) {
            t.put("cmid", 0.0);
        }
        t.put("colorbar", colorbar(zTitle));
        return t;
    }

    /// Plotly has no quiver trace: the arrows are line work with `null` gaps, see [Arrows].
    private static Map<String, Object> vectorField(Series.VectorField s, String color) {
        double[][] xy = Arrows.polyline(s.x(), s.y(), s.u(), s.v());
        Map<String, Object> t = trace("scatter", s.name());
        t.put("mode", "lines");
        t.put("x", list(xy[0]));
        t.put("y", list(xy[1]));
        t.put("line", line(color, s.style()));
        t.put("hoverinfo", "skip");
        return t;
    }

    /// An `image` trace whose pixels travel as a PNG data URI; pixel `(r, c)` is centred at `(c, r)`.
    private static Map<String, Object> image(Series.Image s) {
        Map<String, Object> t = trace("image", s.name());
        t.put("source", dataUri(s));
        t.put("x0", 0.0);
        t.put("y0", 0.0);
        t.put("dx", 1.0);
        t.put("dy", 1.0);
        return t;
    }

    /// The image as `data:image/png;base64,…`.
    static String dataUri(Series.Image s) {
        BufferedImage img = new BufferedImage(s.width(), s.height(), BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, s.width(), s.height(), s.rgb(), 0, s.width());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("encoding image '" + s.name() + "' as PNG", e);
        }
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(out.toByteArray());
    }

    private static Map<String, Object> trace(String type, String name) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("type", type);
        t.put("name", name);
        t.put("showlegend", !name.isEmpty());
        return t;
    }

    private static Map<String, Object> grid(String type, String name, double[] x, double[] y, double[][] z) {
        Map<String, Object> t = trace(type, name);
        t.put("x", list(x));
        t.put("y", list(y));
        List<List<Double>> rows = new ArrayList<>(z.length);
        for (double[] row : z) {
            rows.add(list(row));
        }
        t.put("z", rows);
        return t;
    }

    private static Map<String, Object> colorbar(String title) {
        return map("title", map("text", title));
    }

    static Map<String, Object> line(String color, Style style) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("color", color);
        line.put("width", style.width() > 0 ? style.width() : 2.0);
        line.put(
                "dash",
                switch (style.dash()) {
                    case SOLID -> "solid";
                    case DASH -> "dash";
                    case DOT -> "dot";
                });
        return line;
    }

    /// A map keeping its keys in the given order (unlike `Map.of`), so that the JSON reads the same
    /// from run to run.
    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    /// The values as a list, NaN as `null` (JSON has no NaN; Plotly reads `null` as a gap).
    static List<Double> list(double[] values) {
        List<Double> out = new ArrayList<>(values.length);
        for (double v : values) {
            out.add(Double.isNaN(v) ? null : v);
        }
        return out;
    }
}
