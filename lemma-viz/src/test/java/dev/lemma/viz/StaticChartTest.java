package dev.lemma.viz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;

class StaticChartTest {
    private static final int W = 640;
    private static final int H = 480;

    /// Renders, keeps a copy under `target/charts` for a human to look at, and decodes.
    private static BufferedImage render(String file, Chart chart) {
        byte[] png = StaticChart.png(chart, W, H);
        try {
            Path dir = Path.of("target", "charts");
            Files.createDirectories(dir);
            Files.write(dir.resolve(file + ".png"), png);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        BufferedImage image = Pixels.decode(png);
        assertThat(image.getWidth()).isEqualTo(W);
        assertThat(image.getHeight()).isEqualTo(H);
        return image;
    }

    static List<Chart> everyKind() {
        return List.of(
                Charts.of("Line chart", Charts.line()),
                Charts.of("Scatter chart", Charts.scatter()),
                Charts.of("Bar chart", Charts.bar()),
                Charts.of("Histogram chart", Charts.histogram()),
                Charts.of("Contour chart", Charts.contour(0.5, 1, 2)),
                Charts.of("Auto contour chart", Charts.contour()),
                Charts.of("Heatmap chart", Charts.heatmap(ColorScale.RED_BLUE)),
                Charts.of("Surface chart", Charts.surface()),
                Charts.of("Vector field chart", Charts.vectorField()),
                Charts.of("Image chart", Charts.image()),
                Chart.builder("Annotated chart")
                        .add(Charts.line())
                        .annotate(new Annotation.Point(1, 0.5, "here", Style.color(Charts.GREEN)))
                        .annotate(new Annotation.Arrow(2, -0.5, 4, 0.5, "step", Style.AUTO))
                        .annotate(new Annotation.Text(6, 0.8, "note"))
                        .build());
    }

    @ParameterizedTest
    @MethodSource("everyKind")
    void everyKindRendersToWellFormedSvgWithItsTitle(Chart chart) throws Exception {
        String svg = StaticChart.svg(chart, W, H);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        // the SVG names the W3C's DTD; a well-formedness check needs no network
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document doc =
                factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
        assertThat(doc.getDocumentElement().getTextContent()).contains(chart.title());
    }

    @ParameterizedTest
    @MethodSource("everyKind")
    void everyKindRendersToAPngOfTheRightSize(Chart chart) {
        render(chart.title().replace(' ', '-'), chart);
    }

    /// Where, as a fraction of the colour's bounding box from left to right, its topmost pixel is.
    private static double topmostAt(BufferedImage image, String hex, Pixels.Box box) {
        int rgb = Palette.parse(hex);
        for (int y = box.minY(); y <= box.maxY(); y++) {
            for (int x = box.minX(); x <= box.maxX(); x++) {
                if (Pixels.near(image.getRGB(x, y), rgb, Pixels.TOLERANCE)) {
                    return (x - box.minX()) / (double) (box.width() - 1);
                }
            }
        }
        throw new AssertionError("no pixel of " + hex);
    }

    /// Where, as a fraction of the data's x range, the point of largest y is.
    private static double highestAt(double[] x, double[] y) {
        int top = 0;
        for (int i = 1; i < y.length; i++) {
            top = y[i] > y[top] ? i : top;
        }
        double lo = java.util.Arrays.stream(x).min().orElseThrow();
        double hi = java.util.Arrays.stream(x).max().orElseThrow();
        return (x[top] - lo) / (hi - lo);
    }

    @Test
    void aLineIsDrawnInItsColourThroughItsPoints() {
        BufferedImage image = render("line", Charts.of("line", Charts.line()));
        Pixels.Box red = Pixels.find(image, Charts.RED);
        assertThat(red.count()).isGreaterThan(300);
        assertThat(red.width()).isGreaterThan(W / 2);
        assertThat(red.height()).isGreaterThan(H / 3);
        // sin peaks at π/2 and 5π/2 on [0, 10]; the sampled peak is the highest drawn pixel
        double peak = topmostAt(image, Charts.RED, red);
        assertThat(Math.min(Math.abs(peak - Math.PI / 20), Math.abs(peak - Math.PI / 4)))
                .isLessThan(0.03);
    }

    @Test
    void aLineFollowsItsStylesWidthAndDash() {
        double[] x = {0, 1};
        double[] y = {0, 1};
        int thin = redPixels(new Style(Charts.RED, 1, Style.Dash.SOLID), x, y);
        int thick = redPixels(new Style(Charts.RED, 6, Style.Dash.SOLID), x, y);
        int dashed = redPixels(new Style(Charts.RED, 6, Style.Dash.DASH), x, y);
        int dotted = redPixels(new Style(Charts.RED, 6, Style.Dash.DOT), x, y);
        assertThat(thick).isGreaterThan(3 * thin);
        assertThat(dashed).isBetween(thick / 3, thick * 9 / 10); // gaps between the dashes
        assertThat(dotted).isLessThan(dashed);
    }

    private static int redPixels(Style style, double[] x, double[] y) {
        Chart chart =
                Chart.builder("style").add(new Series.Line("l", x, y, style)).build();
        return Pixels.find(Pixels.decode(StaticChart.png(chart, W, H)), Charts.RED)
                .count();
    }

    @Test
    void scatterMarkersAreDrawnInTheirColourAtTheirPoints() {
        Series.Scatter scatter = Charts.scatter();
        BufferedImage image = render("scatter", Charts.of("scatter", scatter));
        Pixels.Box blue = Pixels.find(image, Charts.BLUE);
        assertThat(blue.count()).isGreaterThan(30 * 10);
        assertThat(blue.width()).isGreaterThan(W / 2);
        // the box spans marker edges, half a marker beyond the extreme centres
        assertThat(topmostAt(image, Charts.BLUE, blue)).isCloseTo(highestAt(scatter.x(), scatter.y()), within(0.03));
    }

    @Test
    void seriesWithNothingToDrawAreSkipped() {
        Chart chart = Chart.builder("blank series")
                .add(Series.Scatter.of("none", new double[0], new double[0]))
                .add(Series.Line.of("gaps", new double[] {0, 1}, new double[] {Double.NaN, Double.NaN}))
                .add(Series.Line.of("empty", new double[0], new double[0]))
                .build();
        assertThat(render("blank-series", chart).getWidth()).isEqualTo(W);
        assertThat(StaticChart.svg(chart, W, H)).contains("blank series");
    }

    @Test
    void anEmptyChartRendersItsTitleAndAxes() {
        Chart empty = Chart.builder("nothing yet").x(Axis.of("x")).build();
        BufferedImage image = render("empty", empty);
        assertThat(Pixels.find(image, "#444444").count()).isGreaterThan(100); // the axis lines
        assertThat(StaticChart.svg(empty, W, H)).contains("<title>nothing yet</title>");
        assertThat(PlotlyFigure.of(empty)).containsKey("layout");
    }

    @Test
    void barsStandAsTallAsTheirValues() {
        BufferedImage image = render("bar", Charts.of("bars", Charts.bar()));
        Pixels.Box green = Pixels.find(image, Charts.GREEN);
        assertThat(green.count()).isGreaterThan(1000);
        int third = green.width() / 3;
        int[] tops = new int[3];
        for (int k = 0; k < 3; k++) {
            tops[k] = Pixels.find(
                            image,
                            Palette.parse(Charts.GREEN),
                            green.minX() + k * third,
                            0,
                            green.minX() + (k + 1) * third,
                            H)
                    .minY();
        }
        // values 3, 5, 2: the middle bar is tallest, the last shortest
        assertThat(tops[1]).isLessThan(tops[0]);
        assertThat(tops[0]).isLessThan(tops[2]);
    }

    @Test
    void groupedBarsStandSideBySideInTheCycle() {
        Chart chart = Chart.builder("grouped")
                .add(new Series.Bar("train", List.of("a", "b"), new double[] {1, 2}, Style.AUTO))
                .add(new Series.Bar("test", List.of("a", "b"), new double[] {2, 1}, Style.AUTO))
                .build();
        BufferedImage image = render("grouped-bars", chart);
        Pixels.Box first = Pixels.find(image, Palette.cycle(0));
        Pixels.Box second = Pixels.find(image, Palette.cycle(1));
        assertThat(first.count()).isGreaterThan(1000);
        assertThat(second.count()).isGreaterThan(1000);
        assertThat(first.minX()).isLessThan(second.minX()); // each group: train, then test
    }

    @Test
    void bothRenderersGiveUncolouredSeriesTheSameColours() {
        Chart chart = Chart.builder("cycle")
                .add(Series.Line.of("a", new double[] {0, 1}, new double[] {0, 1}))
                .add(Series.Line.of("b", new double[] {0, 1}, new double[] {1, 0}))
                .build();
        BufferedImage image = render("cycle", chart);
        @SuppressWarnings("unchecked")
        List<java.util.Map<String, Object>> traces =
                (List<java.util.Map<String, Object>>) PlotlyFigure.of(chart).get("data");
        for (int k = 0; k < 2; k++) {
            @SuppressWarnings("unchecked")
            String color =
                    (String) ((java.util.Map<String, Object>) traces.get(k).get("line")).get("color");
            assertThat(color).isEqualTo(Palette.cycle(k));
            assertThat(Pixels.find(image, color).count()).isGreaterThan(200);
        }
    }

    @Test
    void aHistogramOfNormalDataPeaksInTheMiddle() {
        BufferedImage image = render("histogram", Charts.of("histogram", Charts.histogram()));
        Pixels.Box green = Pixels.find(image, Charts.GREEN);
        assertThat(green.count()).isGreaterThan(5000);
        int rgb = Palette.parse(Charts.GREEN);
        int fifth = green.width() / 5;
        int middleTop = Pixels.find(image, rgb, green.minX() + 2 * fifth, 0, green.minX() + 3 * fifth, H)
                .minY();
        int leftTop = Pixels.find(image, rgb, green.minX(), 0, green.minX() + fifth, H)
                .minY();
        assertThat(middleTop).isLessThan(leftTop);
    }

    @Test
    void contourLevelsAreConcentricRingsInTheirLevelColours() {
        double[] levels = {0.5, 1, 2};
        Chart chart = Chart.builder("contour")
                .add(Charts.contour(levels))
                .equalAspect()
                .build();
        BufferedImage image = render("contour", chart);
        Pixels.Box inner = Pixels.find(image, PlotlyTraces.levelColor(levels, 0));
        Pixels.Box outer = Pixels.find(image, PlotlyTraces.levelColor(levels, 2));
        assertThat(inner.count()).isGreaterThan(100);
        assertThat(outer.count()).isGreaterThan(100);
        // radii √0.5 and √2: the outer ring is twice as wide, and both share a centre
        assertThat((double) outer.width() / inner.width()).isCloseTo(2.0, within(0.15));
        assertThat(outer.centreX()).isCloseTo(inner.centreX(), within(3.0));
        assertThat(outer.centreY()).isCloseTo(inner.centreY(), within(3.0));
        // equal aspect: the circles stay round
        assertThat((double) outer.width() / outer.height()).isCloseTo(1.0, within(0.05));
    }

    @Test
    void aHeatmapColoursItsCellsOnTheScaleAndLeavesNaNBlank() {
        BufferedImage image = render("heatmap", Charts.of("heatmap", Charts.heatmap(ColorScale.VIRIDIS)));
        // z = x·y on [-2, 2] × [-1, 1]: the top colour (yellow) at top right and bottom left,
        // the bottom colour (purple) at top left and bottom right.
        Pixels.Box top = Pixels.find(image, Palette.hex(Palette.rgb(ColorScale.VIRIDIS, 1)));
        Pixels.Box bottom = Pixels.find(image, Palette.hex(Palette.rgb(ColorScale.VIRIDIS, 0)));
        assertThat(top.count()).isGreaterThan(50);
        assertThat(bottom.count()).isGreaterThan(50);
        // The bottom-left cell, z[0][0], is NaN and left white: only the top-right yellow cell shows,
        // beside the colour bar's yellow end.
        Pixels.Box purpleTopLeft = Pixels.find(
                image, Palette.rgb(ColorScale.VIRIDIS, 0), 0, 0, (int) bottom.centreX(), (int) bottom.centreY());
        assertThat(purpleTopLeft.count()).isGreaterThan(20);
        int cellX = bottom.minX() + 3;
        int cellY = bottom.maxY() - 3;
        assertThat(image.getRGB(cellX, cellY) & 0xffffff).isEqualTo(0xffffff);
    }

    @Test
    void aRedBlueHeatmapIsCentredOnZero() {
        BufferedImage image = render("heatmap-rdbu", Charts.of("heatmap", Charts.heatmap(ColorScale.RED_BLUE)));
        assertThat(Pixels.find(image, Palette.hex(Palette.rgb(ColorScale.RED_BLUE, 0)))
                        .count())
                .isGreaterThan(50);
        assertThat(Pixels.find(image, Palette.hex(Palette.rgb(ColorScale.RED_BLUE, 1)))
                        .count())
                .isGreaterThan(50);
    }

    @Test
    void aSurfaceIsSeenFromAboveWithItsLowestPointInTheMiddle() {
        BufferedImage image = render("surface", Charts.of("surface", Charts.surface()));
        // left of the colour bar, which holds both colours too
        int plotRight = W - ColorBar.WIDTH;
        Pixels.Box low = Pixels.find(image, Palette.rgb(ColorScale.VIRIDIS, 0), 0, 0, plotRight, H);
        Pixels.Box high = Pixels.find(image, Palette.rgb(ColorScale.VIRIDIS, 1), 0, 0, plotRight, H);
        assertThat(low.count()).isGreaterThan(20);
        assertThat(low.centreY()).isCloseTo(high.centreY(), within(15.0));
        // the heights rise from the middle to the corners: the darkest cells are centred in the
        // brightest ones' box, and fill a smaller box
        assertThat(low.centreX()).isCloseTo(high.centreX(), within(15.0));
        assertThat(low.width()).isLessThan(high.width());
        // white contour lines are drawn over the cells
        Pixels.Box white = Pixels.find(image, 0xffffff, high.minX(), high.minY(), high.maxX(), high.maxY());
        assertThat(white.count()).isGreaterThan(50);
    }

    @Test
    void aVectorFieldDrawsItsArrowsInItsColour() {
        BufferedImage image = render("vectors", Charts.of("vectors", Charts.vectorField()));
        Pixels.Box red = Pixels.find(image, Charts.RED);
        assertThat(red.count()).isGreaterThan(200);
        assertThat(red.width()).isGreaterThan(W / 2);
        // the arrows' extreme heads: (-0.5, 1.5) at the top left, (2.5, -0.5) at the bottom right
        assertThat(topmostAt(image, Charts.RED, red)).isLessThan(0.05);
        int rgb = Palette.parse(Charts.RED);
        int rightmostRow = -1;
        for (int y = red.minY(); y <= red.maxY(); y++) {
            if (Pixels.near(image.getRGB(red.maxX(), y), rgb, Pixels.TOLERANCE)) {
                rightmostRow = y;
            }
        }
        assertThat(rightmostRow).isGreaterThan(red.maxY() - red.height() / 20);
    }

    @Test
    void anImageIsDrawnPixelForPixelWithRowsGoingDown() {
        BufferedImage image = render("image", Charts.of("image", Charts.image()));
        Pixels.Box red = Pixels.find(image, "#ff0000");
        Pixels.Box blue = Pixels.find(image, "#0000ff");
        Pixels.Box green = Pixels.find(image, "#00ff00");
        // red: columns 0-3, rows 0-4; blue: columns 4-7, rows 0-4; green: row 5, all columns
        assertThat(red.maxX()).isLessThan(blue.minX());
        assertThat(green.minY()).isGreaterThan(red.maxY());
        assertThat(green.width()).isCloseTo(red.width() + blue.width(), within(3));
        // one data unit per pixel on both axes: a red block of 4 × 5 image pixels
        assertThat((double) red.width() / red.height()).isCloseTo(4.0 / 5.0, within(0.05));
        assertThat((double) green.height() / red.height()).isCloseTo(1.0 / 5.0, within(0.05));
        assertThat(red.count()).isEqualTo(red.width() * red.height()); // solid, no smoothing
        // in SVG: one embedded picture, which viewers are told not to smooth either
        assertThat(StaticChart.svg(Charts.of("image", Charts.image()), W, H))
                .contains("<image ")
                .contains("image-rendering: pixelated");
    }

    @Test
    void annotationsAreDrawnInTheirColours() {
        Chart plain = Chart.builder("annotations").add(Charts.line()).build();
        Chart annotated = Chart.builder("annotations")
                .add(Charts.line())
                .annotate(new Annotation.Point(1, 0.5, "here", Style.color(Charts.GREEN)))
                .annotate(new Annotation.Arrow(2, -0.5, 4, 0.5, "", Style.color("#9467bd")))
                .annotate(new Annotation.Text(6, 0.8, "note"))
                .build();
        BufferedImage before = render("not-annotated", plain);
        BufferedImage after = render("annotated", annotated);
        assertThat(Pixels.find(after, Charts.GREEN).count()).isGreaterThan(30);
        Pixels.Box arrow = Pixels.find(after, "#9467bd");
        assertThat(arrow.count()).isGreaterThan(60);
        assertThat(arrow.width()).isGreaterThan(50);
        // the text: dark grey pixels that were not there before
        int text = 0;
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                int p = after.getRGB(x, y);
                if (p != before.getRGB(x, y) && Pixels.near(p, Palette.parse(Palette.ANNOTATION), 60)) {
                    text++;
                }
            }
        }
        assertThat(text).isGreaterThan(20);
    }

    @Test
    void mixedKindsShareOnePlot() {
        Chart contourAndPath = Chart.builder("descent")
                .add(Charts.contour(0.5, 1, 2))
                .add(new Series.Line(
                        "path",
                        new double[] {1.5, 0.8, 0.3, 0},
                        new double[] {1.5, 0.6, 0.2, 0},
                        Style.color(Charts.RED)))
                .annotate(new Annotation.Point(0, 0, "minimum", Style.color(Charts.GREEN)))
                .annotate(new Annotation.Arrow(1.5, 1.5, 0.8, 0.6, "step", Style.AUTO))
                .build();
        BufferedImage image = render("mixed-contour", contourAndPath);
        assertThat(Pixels.find(image, Charts.RED).count()).isGreaterThan(100);
        assertThat(Pixels.find(image, Charts.GREEN).count()).isGreaterThan(30);

        Chart heatmapAndPoints = Chart.builder("heat and points")
                .add(Charts.heatmap(ColorScale.GRAYS))
                .add(new Series.Scatter(
                        "p", new double[] {-1, 0, 1}, new double[] {0, 0.5, -0.5}, List.of(), Style.color(Charts.RED)))
                .build();
        BufferedImage mixed = render("mixed-heatmap", heatmapAndPoints);
        Pixels.Box red = Pixels.find(mixed, Charts.RED);
        assertThat(red.count()).isGreaterThan(3 * 20); // markers on top of the cells
        assertThat(red.centreX()).isCloseTo(Pixels.find(mixed, "#000000").centreX(), within(W / 4.0));
    }

    @Test
    void barsWithAnotherKindAreRefusedNamingBoth() {
        Chart chart = Chart.builder("bad").add(Charts.bar()).add(Charts.line()).build();
        assertThatThrownBy(() -> StaticChart.png(chart, W, H))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bar 'counts'")
                .hasMessageContaining("line 'sine'")
                .hasMessageContaining("category axis");
    }

    @Test
    void aLogAxisWithNonPositiveDataIsRefusedNamingTheSeries() {
        Chart chart = Chart.builder("bad")
                .x(Axis.log("n"))
                .add(Series.Line.of("error", new double[] {0, 1}, new double[] {1, 2}))
                .build();
        assertThatThrownBy(() -> StaticChart.svg(chart, W, H))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 'error'")
                .hasMessageContaining("x[0] = 0.0");
    }

    @Test
    void aLogAxisRenders() {
        Chart chart = Chart.builder("log")
                .y(Axis.log("loss"))
                .add(new Series.Line("loss", Charts.range(1, 100, 100), decay(), Style.color(Charts.RED)))
                .build();
        assertThat(Pixels.find(render("log", chart), Charts.RED).count()).isGreaterThan(200);
    }

    @Test
    void aHeatmapOnALogAxisKeepsItsCellsPositive() {
        double[] x = {1, 10, 100, 1000};
        double[] y = {0, 1};
        double[][] z = {{0, 1, 2, 3}, {1, 2, 3, 4}};
        Chart chart = Chart.builder("log heatmap")
                .x(Axis.log("learning rate"))
                .add(new Series.Heatmap("h", x, y, z, ColorScale.VIRIDIS))
                .build();
        assertThat(java.util.Arrays.stream(RasterLayer.Cells.edges(x, true))
                        .min()
                        .orElseThrow())
                .isPositive();
        BufferedImage image = render("log-heatmap", chart);
        Pixels.Box top = Pixels.find(image, Palette.rgb(ColorScale.VIRIDIS, 1), 0, 0, W - ColorBar.WIDTH, H);
        Pixels.Box bottom = Pixels.find(image, Palette.rgb(ColorScale.VIRIDIS, 0), 0, 0, W - ColorBar.WIDTH, H);
        // the four columns are equally wide on the logarithmic axis
        assertThat((double) top.width()).isCloseTo(bottom.width(), within(3.0));
        assertThat(top.minX()).isGreaterThan(bottom.maxX());
    }

    @Test
    void anIrregularGridGivesEachCellItsOwnWidth() {
        // centres 0, 1, 3, 7: edges -0.5, 0.5, 2, 5, 9, so the cells are 1, 1.5, 3 and 4 wide
        double[] x = {0, 1, 3, 7};
        double[] y = {0, 1};
        double[][] z = {{0, 1, 2, 3}, {0, 1, 2, 3}};
        Chart chart = Chart.builder("irregular")
                .add(new Series.Heatmap("h", x, y, z, ColorScale.GRAYS))
                .build();
        BufferedImage image = render("irregular-heatmap", chart);
        int right = W - ColorBar.WIDTH; // one row across the plot, left of the colour bar and its greys
        Pixels.Box first = Pixels.find(image, Palette.rgb(ColorScale.GRAYS, 0), 0, H / 2, right, H / 2 + 1);
        Pixels.Box second = Pixels.find(image, Palette.rgb(ColorScale.GRAYS, 1 / 3.0), 0, H / 2, right, H / 2 + 1);
        Pixels.Box third = Pixels.find(image, Palette.rgb(ColorScale.GRAYS, 2 / 3.0), 0, H / 2, right, H / 2 + 1);
        assertThat((double) second.width() / first.width()).isCloseTo(1.5, within(0.1));
        assertThat((double) third.width() / first.width()).isCloseTo(3.0, within(0.15));
        assertThat(first.maxX()).isLessThan(second.minX());
        assertThat(second.maxX()).isLessThan(third.minX());
    }

    @Test
    void aLargeRegularGridStaysSmallInSvg() {
        double[] x = Charts.range(-2, 2, 200);
        Chart chart = Chart.builder("large")
                .add(new Series.Heatmap("h", x, x, Charts.paraboloid(x, x), ColorScale.VIRIDIS))
                .build();
        // one embedded picture rather than 40 000 rectangles
        assertThat(StaticChart.svg(chart, W, H).length()).isLessThan(500_000);
    }

    private static double[] decay() {
        double[] y = new double[100];
        for (int i = 0; i < y.length; i++) {
            y[i] = Math.pow(0.9, i);
        }
        return y;
    }

    @Test
    void aSizeOutOfRangeIsRefused() {
        assertThatThrownBy(() -> StaticChart.png(Charts.of("t", Charts.line()), 10, 480))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("10×480");
    }

    @Test
    void filesAreWrittenAtTheDefaultSizeAndHeadless(@TempDir Path dir) throws IOException {
        Path png = dir.resolve("c.png");
        Path svg = dir.resolve("c.svg");
        StaticChart.writePng(Charts.of("files", Charts.line()), png);
        StaticChart.writeSvg(Charts.of("files", Charts.line()), svg);
        BufferedImage image = Pixels.decode(Files.readAllBytes(png));
        assertThat(image.getWidth()).isEqualTo(StaticChart.DEFAULT_WIDTH);
        assertThat(image.getHeight()).isEqualTo(StaticChart.DEFAULT_HEIGHT);
        assertThat(Files.readString(svg)).contains("files");
        assertThat(System.getProperty("java.awt.headless")).isEqualTo("true");
    }
}
