package dev.lemma.viz;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/// A chart of numeric axes as an XChart `XYChart`, plus what the static renderer paints itself:
/// raster layers beneath the series, a colour bar, and the screen-space overlay.
///
/// What each kind becomes:
///
/// - line: an XChart line series (NaN breaks it); scatter: circle markers;
/// - histogram: a filled polygon of the bins' outline with white lines between bins;
/// - contour: one line series per level, from [Contours], coloured by level on Viridis;
/// - heatmap: a raster layer of cells and a colour bar;
/// - surface: seen from above, a heatmap of the heights with ten white contour lines;
/// - vector field: one line series of shafts and arrowheads (see [Arrows]);
/// - image: a raster layer, one data unit per pixel, and the y axis pointing down: all y values of
///   the chart are negated for XChart, whose y axis points up, and the tick labels negated back.
///
/// Annotations: a point is a one-marker series; an arrow is a line series with a screen-space head;
/// their labels are placed by the [Overlay] (beyond an arrow's head, above-right of a point, kept
/// apart); text is XChart's `AnnotationText`.
///
/// Two things differ from the browser: a scatter's labels are hover text there and are not drawn
/// here (printed beside every point they would hide the points), and XChart 4 has one marker size
/// per chart, so every marker takes the largest size any scatter or point asks for.
final class XyPlot {
    /// Contour levels chosen when a contour or surface gives none.
    static final int AUTO_LEVELS = 10;

    final XYChart xy;
    final List<RasterLayer> layers = new ArrayList<>();
    final Overlay overlay;
    ColorBar colorBar;

    /// Whether y points down (the chart holds an image): plotting y is then minus the data's y.
    private final boolean down;

    private final boolean logX;
    private final boolean logY;

    private final List<String> legendNames = new ArrayList<>();
    private int keys;
    private int markerSize;

    private XyPlot(Chart chart) {
        xy = new XYChart(100, 100);
        down = chart.series().stream().anyMatch(s -> s instanceof Series.Image);
        logX = chart.xAxis().scale() == Axis.Scale.LOG;
        logY = chart.yAxis().scale() == Axis.Scale.LOG;
        overlay = new Overlay(logX, logY);
        StaticStyle.apply(xy.getStyler(), chart);
        xy.setTitle(chart.title());
        xy.setXAxisTitle(chart.xAxis().label());
        xy.setYAxisTitle(chart.yAxis().label());
        var styler = xy.getStyler();
        styler.setXAxisLogarithmic(logX);
        styler.setYAxisLogarithmic(logY);
        if (chart.xAxis().hasRange()) {
            styler.setXAxisMin(chart.xAxis().min());
            styler.setXAxisMax(chart.xAxis().max());
        }
        if (chart.yAxis().hasRange()) {
            styler.setYAxisMin(down ? -chart.yAxis().max() : chart.yAxis().min());
            styler.setYAxisMax(down ? -chart.yAxis().min() : chart.yAxis().max());
        }
        if (down) {
            xy.setCustomYAxisTickLabelsFormatter(v -> ColorBar.format(-v));
        }
    }

    /// Builds the plot of a chart without bars.
    static XyPlot of(Chart chart) {
        XyPlot plot = new XyPlot(chart);
        String[] colors = Palette.seriesColors(chart.series());
        for (int k = 0; k < chart.series().size(); k++) {
            plot.add(chart.series().get(k), colors[k], chart.zAxis().label());
        }
        for (Annotation a : chart.annotations()) {
            plot.add(a);
        }
        if (plot.xy.getSeriesCollection().isEmpty()) {
            plot.bounds(0, 0, 1, 1); // XChart cannot lay out an empty chart; show the unit square
        }
        plot.irregularTicks();
        boolean raster = !plot.layers.isEmpty();
        plot.xy.getStyler().setPlotGridLinesVisible(!raster); // grid lines would cross the cells
        plot.logTicks(chart, raster);
        plot.xy.getStyler().setPlotContentSize(raster ? 1.0 : 0.95);
        plot.xy.getStyler().setMarkerSize(plot.markerSize > 0 ? plot.markerSize : 7);
        plot.xy.addAnnotation(plot.overlay);
        return plot;
    }

    /// The decades from which a log axis is gridded and labelled by decades only: below three, the
    /// decade labels would be one or two, too few to read values by.
    static final double WIDE_LOG_AXIS = 3;

    /// On a logarithmic axis spanning [#WIDE_LOG_AXIS] decades or more: grid lines at the decades only (XChart
    /// draws one at every tick, nine per decade, and a chart over fifteen decades becomes mostly
    /// grid), so XChart's grid is turned off on that axis and a [RasterLayer.DecadeGrid] drawn under
    /// the series instead, with XChart's tick marks left at the minor ticks; labels at the decades,
    /// as powers of ten ([TickLabels#log]). On a shorter log axis XChart's nine lines per decade are
    /// few enough, and the ticks at 1, 2 and 5 are labelled, since one or two decade labels say too
    /// little.
    private void logTicks(Chart chart, boolean raster) {
        var styler = xy.getStyler();
        boolean gridX = false;
        boolean gridY = false;
        if (logX) {
            double[] r = range(chart.xAxis(), true);
            boolean wide = TickLabels.decades(r[0], r[1]) >= WIDE_LOG_AXIS;
            styler.setXAxisLogarithmicDecadeOnly(wide);
            xy.setCustomXAxisTickLabelsFormatter(wide ? TickLabels.log(r[0], r[1]) : TickLabels::oneTwoFive);
            gridX = wide && !raster;
            if (gridX) {
                styler.setPlotGridVerticalLinesVisible(false);
            }
        }
        if (logY) {
            double[] r = range(chart.yAxis(), false);
            boolean wide = TickLabels.decades(r[0], r[1]) >= WIDE_LOG_AXIS;
            styler.setYAxisLogarithmicDecadeOnly(wide);
            xy.setCustomYAxisTickLabelsFormatter(wide ? TickLabels.log(r[0], r[1]) : TickLabels::oneTwoFive);
            gridY = wide && !raster;
            if (gridY) {
                styler.setPlotGridHorizontalLinesVisible(false);
            }
        }
        if (gridX || gridY) {
            layers.add(new RasterLayer.DecadeGrid(gridX, gridY, StaticStyle.GRID));
        }
    }

    /// The range an axis will show: its fixed range, or the span of all series along it.
    private double[] range(Axis axis, boolean x) {
        if (axis.hasRange()) {
            return new double[] {axis.min(), axis.max()};
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (XYSeries s : xy.getSeriesCollection()) {
            lo = Math.min(lo, x ? s.getXMin() : s.getYMin());
            hi = Math.max(hi, x ? s.getXMax() : s.getYMax());
        }
        return new double[] {lo, hi};
    }

    private double fy(double y) {
        return down ? -y : y;
    }

    private double[] fy(double[] y) {
        double[] out = y.clone();
        if (down) {
            for (int i = 0; i < out.length; i++) {
                out[i] = -out[i];
            }
        }
        return out;
    }

    private void add(Series series, String color, String zTitle) {
        switch (series) {
            case Series.Line s -> line(s.name(), s.x(), fy(s.y()), color(color), s.style(), true);
            case Series.Scatter s -> {
                if (s.x().length == 0) {
                    return; // XChart refuses an empty series; nothing to draw anyway
                }
                XYSeries out = xy.addSeries(key(), s.x(), fy(s.y()));
                overlay.avoidPoints(s.x(), fy(s.y()));
                out.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
                out.setMarker(SeriesMarkers.CIRCLE);
                out.setMarkerColor(color(color));
                legend(out, s.name());
                markerSize = Math.max(markerSize, (int) Math.round(s.style().width()));
            }
            case Series.Histogram s -> histogram(s, color(color));
            case Series.Contour s -> {
                double[] levels = s.levels().length > 0 ? s.levels() : Contours.autoLevels(s.z(), AUTO_LEVELS);
                boolean first = true;
                for (int k = 0; k < levels.length; k++) {
                    Color c = color(PlotlyTraces.levelColor(levels, k));
                    first &= !contourLines(s.name(), s.x(), s.y(), s.z(), levels[k], c, 2, first);
                }
                bounds(s.x(), fy(s.y()));
            }
            case Series.Heatmap s -> grid(s.x(), s.y(), s.z(), s.colorScale(), zTitle);
            case Series.Surface s -> {
                grid(s.x(), s.y(), s.z(), s.colorScale(), zTitle);
                for (double level : Contours.autoLevels(s.z(), AUTO_LEVELS)) {
                    contourLines("", s.x(), s.y(), s.z(), level, Color.WHITE, 1, false);
                }
            }
            case Series.VectorField s -> {
                double[][] xy2 = Arrows.polyline(s.x(), fy(s.y()), s.u(), fy(s.v()));
                if (xy2[0].length > 0) {
                    line(s.name(), xy2[0], xy2[1], color(color), s.style(), true);
                } else {
                    bounds(s.x(), fy(s.y()));
                }
            }
            case Series.Image s -> {
                BufferedImage image = new BufferedImage(s.width(), s.height(), BufferedImage.TYPE_INT_RGB);
                image.setRGB(0, 0, s.width(), s.height(), s.rgb(), 0, s.width());
                // Pixel (r, c) is centred at (c, r), so the picture spans half a unit beyond the centres.
                layers.add(new RasterLayer.Picture(image, -0.5, fy(-0.5), s.width() - 0.5, fy(s.height() - 0.5)));
                bounds(-0.5, fy(-0.5), s.width() - 0.5, fy(s.height() - 0.5));
            }
            case Series.Bar s -> throw new IllegalStateException("bar '" + s.name() + "' belongs in a category chart");
        }
    }

    private void add(Annotation annotation) {
        switch (annotation) {
            case Annotation.Point p -> {
                Color c = color(p.style().color() != null ? p.style().color() : Palette.ANNOTATION);
                XYSeries out = xy.addSeries(key(), new double[] {p.x()}, new double[] {fy(p.y())});
                out.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
                out.setMarker(SeriesMarkers.CIRCLE);
                out.setMarkerColor(c);
                out.setShowInLegend(false);
                markerSize = Math.max(markerSize, (int) Math.round(p.style().width()));
                overlay.point(
                        p.x(),
                        fy(p.y()),
                        p.label(),
                        c,
                        p.style().width() > 0 ? p.style().width() : 7);
            }
            case Annotation.Arrow r -> {
                Color c = color(r.style().color() != null ? r.style().color() : Palette.ANNOTATION);
                line("", new double[] {r.x0(), r.x1()}, new double[] {fy(r.y0()), fy(r.y1())}, c, r.style(), false);
                overlay.arrow(r.x0(), fy(r.y0()), r.x1(), fy(r.y1()), r.label(), c);
            }
            case Annotation.Text t -> {
                xy.addAnnotation(new AnnotationText(t.text(), t.x(), fy(t.y()), false));
                bounds(t.x(), fy(t.y()), t.x(), fy(t.y()));
            }
        }
    }

    private void line(String name, double[] x, double[] y, Color color, Style style, boolean inLegend) {
        if (java.util.Arrays.stream(y).allMatch(Double::isNaN)) {
            return; // no point to draw (XChart refuses an empty series, and NaN-only has no range)
        }
        XYSeries out = xy.addSeries(key(), StaticStyle.fillGaps(x), y);
        if (inLegend) { // a data line, not an arrow's shaft or a histogram's bin separators
            overlay.avoid(x, y);
        }
        out.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
        out.setMarker(SeriesMarkers.NONE);
        out.setLineColor(color);
        out.setLineStyle(StaticStyle.stroke(style));
        if (inLegend) {
            legend(out, name);
        } else {
            out.setShowInLegend(false);
        }
    }

    /// Draws one level's segments; returns whether there were any.
    private boolean contourLines(
            String name, double[] x, double[] y, double[][] z, double level, Color color, float width, boolean legend) {
        List<Contours.Segment> segments = Contours.segments(x, fy(y), z, level);
        if (segments.isEmpty()) {
            return false;
        }
        double[] xs = new double[3 * segments.size()];
        double[] ys = new double[3 * segments.size()];
        for (int k = 0; k < segments.size(); k++) {
            Contours.Segment s = segments.get(k);
            xs[3 * k] = s.x0();
            xs[3 * k + 1] = s.x1();
            xs[3 * k + 2] = s.x1();
            ys[3 * k] = s.y0();
            ys[3 * k + 1] = s.y1();
            ys[3 * k + 2] = Double.NaN;
        }
        XYSeries out = xy.addSeries(key(), xs, ys);
        overlay.avoid(xs, ys);
        out.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
        out.setMarker(SeriesMarkers.NONE);
        out.setLineColor(color);
        out.setLineStyle(new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        if (legend) {
            legend(out, name);
        } else {
            out.setShowInLegend(false);
        }
        return true;
    }

    private void histogram(Series.Histogram s, Color color) {
        double[] e = s.edges();
        double[] c = s.counts();
        int n = c.length;
        // The outline of all bins as one polygon, from (e0, 0) up and along the tops to (en, 0).
        double[] px = new double[2 * n + 2];
        double[] py = new double[2 * n + 2];
        px[0] = e[0];
        for (int i = 0; i < n; i++) {
            px[2 * i + 1] = e[i];
            py[2 * i + 1] = c[i];
            px[2 * i + 2] = e[i + 1];
            py[2 * i + 2] = c[i];
        }
        px[2 * n + 1] = e[n];
        XYSeries out = xy.addSeries(key(), px, py);
        out.setXYSeriesRenderStyle(XYSeriesRenderStyle.PolygonArea);
        out.setMarker(SeriesMarkers.NONE);
        out.setFillColor(color);
        out.setLineColor(color);
        legend(out, s.name());
        if (n > 1) { // white lines between the bins, as Plotly's bar outlines
            double[] sx = new double[3 * (n - 1)];
            double[] sy = new double[3 * (n - 1)];
            for (int i = 1; i < n; i++) {
                int k = 3 * (i - 1);
                sx[k] = e[i];
                sx[k + 1] = e[i];
                sx[k + 2] = e[i];
                sy[k + 1] = Math.max(c[i - 1], c[i]);
                sy[k + 2] = Double.NaN;
            }
            line("", sx, sy, Color.WHITE, new Style(null, 1, Style.Dash.SOLID), false);
        }
    }

    private void grid(double[] x, double[] y, double[][] z, ColorScale scale, String zTitle) {
        double[] range = Palette.range(scale, z);
        layers.add(new RasterLayer.Cells(x, fy(y), z, scale, range[0], range[1], logX, logY));
        double[] xe = RasterLayer.Cells.edges(x, logX);
        double[] ye = RasterLayer.Cells.edges(fy(y), logY);
        bounds(xe[0], ye[0], xe[xe.length - 1], ye[ye.length - 1]);
        if (colorBar == null) {
            colorBar = new ColorBar(scale, range[0], range[1], zTitle);
        }
    }

    /// An invisible series through two corners, so that XChart's axes span them.
    private void bounds(double x0, double y0, double x1, double y1) {
        XYSeries out = xy.addSeries(key(), new double[] {x0, x1}, new double[] {y0, y1});
        out.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
        out.setMarker(SeriesMarkers.NONE);
        out.setShowInLegend(false);
    }

    /// XChart puts its ticks at the data's own x (or y) values when all series' values together are
    /// evenly spaced (histogram edges, the two corners of a grid), which gives ticks like -3.0926 or
    /// none at all. A hidden series at uneven places inside the data's range keeps the ordinary
    /// round-number ticks.
    private void irregularTicks() {
        double x0 = Double.POSITIVE_INFINITY;
        double x1 = Double.NEGATIVE_INFINITY;
        double y0 = Double.POSITIVE_INFINITY;
        double y1 = Double.NEGATIVE_INFINITY;
        for (XYSeries s : xy.getSeriesCollection()) {
            x0 = Math.min(x0, s.getXMin());
            x1 = Math.max(x1, s.getXMax());
            y0 = Math.min(y0, s.getYMin());
            y1 = Math.max(y1, s.getYMax());
        }
        if (!(x0 < x1) || !(y0 < y1)) {
            return;
        }
        double golden = 0.3819660112501051; // an irrational fraction: never a multiple of a data step
        XYSeries out = xy.addSeries(
                key(), new double[] {x0, x0 + golden * (x1 - x0), x1}, new double[] {y0, y0 + golden * (y1 - y0), y1});
        out.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
        out.setMarker(SeriesMarkers.NONE);
        out.setShowInLegend(false);
    }

    private void bounds(double[] x, double[] y) {
        if (x.length > 0 && y.length > 0) {
            bounds(x[0], y[0], x[x.length - 1], y[y.length - 1]);
        }
    }

    private void legend(XYSeries out, String name) {
        out.setLabel(name);
        out.setShowInLegend(!name.isEmpty());
        if (!name.isEmpty()) {
            legendNames.add(name);
        }
    }

    /// The width of the legend laid out in one row, estimated as [#placeLegend] does.
    double legendRowWidth(java.awt.font.FontRenderContext frc) {
        var styler = xy.getStyler();
        double total = styler.getLegendPadding();
        for (String name : legendNames) {
            total += 1.1 * TitleBlock.width(name, styler.getLegendFont(), frc)
                    + styler.getLegendSeriesLineLength()
                    + 3.0 * styler.getLegendPadding();
        }
        return total;
    }

    /// Moves the legend into a corner of the plot where it covers no data, annotation or label
    /// spot, trying top right, top left, bottom right and bottom left, and leaves it beside the
    /// plot when no corner is free. A legend beside the plot takes its width from the data (a fifth
    /// to a third of an 800-pixel figure for long names); inside, it takes nothing. Charts with
    /// heatmap cells or images keep it outside, where it hides no cell. The plot must have been laid
    /// out with the legend inside, so that the plot area is the one the legend would sit in.
    ///
    /// @param frc the font render context of the picture, for the legend's text widths
    void placeLegend(java.awt.font.FontRenderContext frc) {
        var styler = xy.getStyler();
        if (!styler.isLegendVisible()) {
            return;
        }
        java.awt.Font font = styler.getLegendFont();
        double textWidth = 0;
        for (String name : legendNames) {
            textWidth = Math.max(textWidth, TitleBlock.width(name, font, frc));
        }
        double lineHeight = font.getLineMetrics("Ag", frc).getHeight();
        int pad = styler.getLegendPadding();
        // XChart's legend: padding, the sample line, padding, the text, padding; a row per entry.
        // Measured against XChart's own text layout this comes out some 20 px short, so the
        // estimate is generous: a legend judged free of data by a wider box is free.
        double w = 1.1 * textWidth + styler.getLegendSeriesLineLength() + 5.0 * pad;
        double h = legendNames.size() * (lineHeight + pad) + pad;
        java.awt.geom.Rectangle2D area = overlay.plotArea();
        double margin = pad + 4; // XChart's offset from the plot's edge, and a little air
        Styler.LegendPosition[] corners = {
            Styler.LegendPosition.InsideNE,
            Styler.LegendPosition.InsideNW,
            Styler.LegendPosition.InsideSE,
            Styler.LegendPosition.InsideSW
        };
        for (Styler.LegendPosition corner : corners) {
            boolean east = corner == Styler.LegendPosition.InsideNE || corner == Styler.LegendPosition.InsideSE;
            boolean north = corner == Styler.LegendPosition.InsideNE || corner == Styler.LegendPosition.InsideNW;
            double left = east ? area.getMaxX() - w - margin : area.getMinX();
            double top = north ? area.getMinY() : area.getMaxY() - h - margin;
            var box = new java.awt.geom.Rectangle2D.Double(left, top, w + margin, h + margin);
            if (overlay.clear(box)) {
                styler.setLegendPosition(corner);
                return;
            }
        }
        styler.setLegendPosition(Styler.LegendPosition.OutsideE);
    }

    /// XChart keys series by name; ours may repeat or be empty, so each gets a key of its own and
    /// its name as label.
    private String key() {
        return "series " + keys++;
    }

    private static Color color(String hex) {
        return new Color(Palette.parse(hex));
    }
}
