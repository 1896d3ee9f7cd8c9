package dev.lemma.viz;

import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import javax.imageio.ImageIO;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;

/// A [Chart] as a static picture, PNG or SVG, for the command line and the book. Works headless:
/// loading this class sets `java.awt.headless=true` unless the property is already set.
///
/// XChart draws the axes, the legend, lines, markers, filled outlines, text, and the bars (a
/// `CategoryChart`); the renderer paints beneath XChart's series what XChart has no form for on
/// numeric axes (heatmap cells, images) and on top what it draws in screen space (arrowheads,
/// labels, the colour bar). See [XyPlot] for what each kind looks like; in short, a surface is
/// drawn from above, as a heatmap of its heights with contour lines, since a book page has no
/// rotating 3-D view.
///
/// Charts that cannot be drawn statically are refused: bars together with any other kind or with
/// annotations (a category axis and a numeric one cannot be the same axis).
///
/// SVG comes from VectorGraphics2D: XChart's text becomes outlines, images are embedded as PNG,
/// and the chart's title is the document's `<title>`.
public final class StaticChart {
    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private StaticChart() {}

    /// The size of [#writePng] and [#writeSvg], in pixels: a 4:3 picture that reads at page width.
    public static final int DEFAULT_WIDTH = 800;

    /// See [#DEFAULT_WIDTH].
    public static final int DEFAULT_HEIGHT = 600;

    /// The largest side accepted, in pixels, far beyond print resolution at page width.
    private static final int MAX_SIDE = 10_000;

    /// Renders the chart as a PNG image.
    ///
    /// @param chart the chart
    /// @param width the width in pixels, 100 to 10 000
    /// @param height the height in pixels, 100 to 10 000
    /// @return the PNG file's bytes
    /// @throws IllegalArgumentException if the size is out of range, a value cannot be shown on a
    ///     logarithmic axis, or the chart mixes bars with other kinds, naming the series
    public static byte[] png(Chart chart, int width, int height) {
        checkSize(width, height);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            paint(
                    chart,
                    g,
                    width,
                    height,
                    () -> new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB).createGraphics());
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("encoding chart '" + chart.title() + "' as PNG", e);
        }
        return out.toByteArray();
    }

    /// Renders the chart as an SVG document.
    ///
    /// @param chart the chart
    /// @param width the width in pixels (SVG user units), 100 to 10 000
    /// @param height the height in pixels, 100 to 10 000
    /// @return the SVG document
    /// @throws IllegalArgumentException as [#png]
    public static String svg(Chart chart, int width, int height) {
        checkSize(width, height);
        VectorGraphics2D g = new VectorGraphics2D();
        paint(chart, g, width, height, VectorGraphics2D::new);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            new SVGProcessor()
                    .getDocument(g.getCommands(), new PageSize(0, 0, width, height))
                    .writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException("writing chart '" + chart.title() + "' as SVG", e);
        }
        return withTitle(out.toString(StandardCharsets.UTF_8), chart.title());
    }

    /// Adds to the SVG two things VectorGraphics2D does not write:
    ///
    /// - the chart's title as the `<title>` element, which screen readers, browsers' tooltips and
    ///   text search read: XChart draws every piece of text as outlines (so the picture needs no
    ///   fonts), which leaves the document itself without words;
    /// - a style that keeps embedded pictures (images, heatmap cells) in sharp blocks when a viewer
    ///   stretches them, instead of blurring them by interpolation.
    private static String withTitle(String svg, String title) {
        int open = svg.indexOf("<svg");
        int end = open < 0 ? -1 : svg.indexOf('>', open);
        if (end < 0) {
            return svg;
        }
        String escaped = title.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        String head = (title.isEmpty() ? "" : "\n  <title>" + escaped + "</title>")
                + "\n  <style>image { image-rendering: optimizeSpeed; image-rendering: pixelated; }</style>";
        return svg.substring(0, end + 1) + head + svg.substring(end + 1);
    }

    /// Writes the chart as a PNG file of [#DEFAULT_WIDTH] × [#DEFAULT_HEIGHT].
    ///
    /// @param chart the chart
    /// @param path the file, replaced if it exists
    /// @throws IOException if the file cannot be written
    /// @throws IllegalArgumentException as [#png]
    public static void writePng(Chart chart, Path path) throws IOException {
        Files.write(path, png(chart, DEFAULT_WIDTH, DEFAULT_HEIGHT));
    }

    /// Writes the chart as an SVG file of [#DEFAULT_WIDTH] × [#DEFAULT_HEIGHT].
    ///
    /// @param chart the chart
    /// @param path the file, replaced if it exists
    /// @throws IOException if the file cannot be written
    /// @throws IllegalArgumentException as [#png]
    public static void writeSvg(Chart chart, Path path) throws IOException {
        Files.writeString(path, svg(chart, DEFAULT_WIDTH, DEFAULT_HEIGHT), StandardCharsets.UTF_8);
    }

    private static void checkSize(int width, int height) {
        if (width < 100 || height < 100 || width > MAX_SIDE || height > MAX_SIDE) {
            throw new IllegalArgumentException(
                    "a static chart must be 100 to " + MAX_SIDE + " pixels on each side, not " + width + "×" + height);
        }
    }

    /// The most elongated plot area an equal-aspect chart is given, as the ratio of its long side to
    /// its short one: data much wider than tall (a line along x with little spread) would otherwise
    /// become a strip; beyond this ratio the short axis's range is widened instead. An image is
    /// exempt: its plot takes the image's own shape.
    static final double MAX_ASPECT = 1.5;

    /// Paints the chart on a white background: the title fitted at the top ([TitleBlock]), then the
    /// plot in the space below. `scratch` gives throwaway graphics of the same kind, on which XChart
    /// lays the chart out first when the renderer needs to know where data land before XChart draws
    /// (for raster layers and for equal aspect).
    ///
    /// Equal aspect (and an image's square pixels) is reached by giving the plot a narrower (or
    /// shorter) area, centred, rather than by widening the data's range: a square image then fills a
    /// square plot instead of floating in empty axis range. Only data (other than an image) more
    /// elongated than [#MAX_ASPECT] have a range widened.
    private static void paint(Chart chart, Graphics2D g, int width, int height, Supplier<Graphics2D> scratch) {
        ChartChecks.checkAxes(chart);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        TitleBlock title = TitleBlock.fit(chart.title(), width, g.getFontRenderContext());
        Graphics2D titleGraphics = (Graphics2D) g.create();
        try {
            title.paint(titleGraphics, width);
        } finally {
            titleGraphics.dispose();
        }
        int top = title.height();
        int below = height - top;
        if (chart.series().stream().anyMatch(s -> s instanceof Series.Bar)) {
            CategoryChart bars = BarPlot.of(chart);
            Graphics2D sub = (Graphics2D) g.create();
            try {
                sub.translate(0, top);
                bars.paint(sub, width, below);
            } finally {
                sub.dispose();
            }
            return;
        }
        XyPlot plot = XyPlot.of(chart);
        int bar = plot.colorBar != null ? ColorBar.WIDTH : 0;
        int w = width - bar;
        int h = below;
        boolean logAxis =
                chart.xAxis().scale() == Axis.Scale.LOG || chart.yAxis().scale() == Axis.Scale.LOG;
        // An image's pixels are square, as in Plotly, which constrains image axes to equal scales.
        boolean image = chart.series().stream().anyMatch(s -> s instanceof Series.Image);
        boolean equal = (chart.equalAspect() || image) && !logAxis;
        // An equal-aspect plot leaves room beside it for the legend; others may have it inside.
        boolean cells = chart.series().stream()
                .anyMatch(s -> s instanceof Series.Heatmap || s instanceof Series.Surface || s instanceof Series.Image);
        if (!equal && !cells && plot.xy.getStyler().isLegendVisible()) {
            plot.xy.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
            layOut(plot, w, h, scratch);
            plot.placeLegend(g.getFontRenderContext());
        }
        if (equal && plot.xy.getStyler().isLegendVisible()) {
            // Data wider than the plot beside the legend would leave bands above and below: the
            // legend then goes under the plot, in a row, and the plot takes the full width.
            layOut(plot, w, h, scratch);
            Screen screen = plot.overlay.screen();
            if (screen.perY() > screen.perX() && plot.legendRowWidth(g.getFontRenderContext()) < w - 40) {
                plot.xy.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
                plot.xy.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
            }
        }
        if (equal) {
            double maxAspect = image ? Double.POSITIVE_INFINITY : MAX_ASPECT; // an image is its own shape
            for (int pass = 0; pass < 2; pass++) { // the second pass settles tick-label widths
                layOut(plot, w, h, scratch);
                Screen screen = plot.overlay.screen();
                double pw = screen.area().getWidth();
                double ph = screen.area().getHeight();
                if (screen.perX() > screen.perY()) {
                    double want = Math.max(pw * screen.perY() / screen.perX(), ph / maxAspect);
                    w -= (int) Math.floor(Math.max(0, pw - want));
                } else {
                    double want = Math.max(ph * screen.perX() / screen.perY(), pw / maxAspect);
                    h -= (int) Math.floor(Math.max(0, ph - want));
                }
            }
            layOut(plot, w, h, scratch);
            equalizeAspect(plot); // what is left: a pixel's rounding, or data beyond MAX_ASPECT
        }
        Graphics2D sub = (Graphics2D) g.create();
        try {
            sub.translate((width - w - bar) / 2, top + (below - h) / 2);
            if (!plot.layers.isEmpty()) {
                layOut(plot, w, h, scratch);
                Graphics2D layer = (Graphics2D) sub.create();
                try {
                    layer.clip(plot.overlay.plotArea());
                    for (RasterLayer r : plot.layers) {
                        r.paint(layer, plot.overlay.screen());
                    }
                } finally {
                    layer.dispose();
                }
            }
            plot.xy.paint(sub, w, h);
            if (plot.colorBar != null) {
                plot.colorBar.paint(sub, w, plot.overlay.plotArea());
            }
        } finally {
            sub.dispose();
        }
    }

    private static void layOut(XyPlot plot, int width, int height, Supplier<Graphics2D> scratch) {
        Graphics2D g = scratch.get();
        try {
            plot.xy.paint(g, width, height);
        } finally {
            g.dispose();
        }
    }

    /// Widens the axis with more pixels per unit until both have the same, keeping its centre.
    private static void equalizeAspect(XyPlot plot) {
        Screen screen = plot.overlay.screen();
        double x0 = screen.xLeft();
        double x1 = screen.xRight();
        double y0 = screen.yBottom();
        double y1 = screen.yTop();
        double perX = screen.perX();
        double perY = screen.perY();
        AxesChartStyler styler = plot.xy.getStyler();
        // Both ranges are set to what is shown, so that XChart adds no further margin around them.
        styler.setPlotContentSize(1.0);
        if (perX > perY) {
            double half = screen.area().getWidth() / perY / 2;
            double mid = (x0 + x1) / 2;
            styler.setXAxisMin(mid - half);
            styler.setXAxisMax(mid + half);
            styler.setYAxisMin(y0);
            styler.setYAxisMax(y1);
        } else {
            double half = screen.area().getHeight() / perX / 2;
            double mid = (y0 + y1) / 2;
            styler.setYAxisMin(mid - half);
            styler.setYAxisMax(mid + half);
            styler.setXAxisMin(x0);
            styler.setXAxisMax(x1);
        }
    }
}
