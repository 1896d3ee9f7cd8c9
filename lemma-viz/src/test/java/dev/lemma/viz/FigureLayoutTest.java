package dev.lemma.viz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.font.FontRenderContext;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/// How the static renderer lays a figure out: images filling their data rectangle, titles fitted to
/// the width, labels kept apart, logarithmic axes labelled and gridded by decades.
class FigureLayoutTest {
    private static final int W = 640;
    private static final int H = 480;

    /// The plot frame's colour (XChart's border, see [StaticStyle]).
    private static final int FRAME = 0x444444;

    private static BufferedImage render(String file, Chart chart) {
        byte[] png = StaticChart.png(chart, W, H);
        try {
            Path dir = Path.of("target", "charts");
            Files.createDirectories(dir);
            Files.write(dir.resolve(file + ".png"), png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Pixels.decode(png);
    }

    /// A `w × h` image: its bottom tenth of rows green, the left tenth of the rest red, the rest blue.
    private static Series.Image framedImage(int w, int h) {
        int[] rgb = new int[w * h];
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                rgb[r * w + c] = r >= h - h / 10 ? 0x00ff00 : c < w / 10 ? 0xff0000 : 0x0000ff;
            }
        }
        return new Series.Image("picture", w, h, rgb);
    }

    /// The first row at or below `y` in column `x`, within `reach` rows, that is the frame's colour.
    private static int frameBelow(BufferedImage image, int x, int y, int reach) {
        for (int k = y; k <= y + reach && k < image.getHeight(); k++) {
            if (Pixels.near(image.getRGB(x, k), FRAME, 40)) {
                return k;
            }
        }
        return -1;
    }

    /// The first column at or left of `x` in row `y`, within `reach` columns, of the frame's colour.
    private static int frameLeftOf(BufferedImage image, int x, int y, int reach) {
        for (int k = x; k >= x - reach && k >= 0; k--) {
            if (Pixels.near(image.getRGB(k, y), FRAME, 40)) {
                return k;
            }
        }
        return -1;
    }

    /// XChart 4.0.3 sends a value a rounding error below an axis's minimum to the middle of the plot;
    /// an image whose bottom edge is the y axis's minimum was drawn squashed into the top of the
    /// plot (rows 0 to ~108 of 256 filling the whole axis). With equal aspect it must fill its data
    /// rectangle: its bottom row on the axis's bottom end, its left column on the axis's left end,
    /// one unit as long on both axes, and no axis range beyond it.
    @ParameterizedTest
    @CsvSource({"256, 256", "500, 436", "120, 300"})
    void anImageFillsItsDataRectangleWithEqualUnits(int w, int h) {
        Chart chart = Chart.builder("image " + w + "×" + h)
                .x(Axis.of("column"))
                .y(Axis.of("row"))
                .add(framedImage(w, h))
                .equalAspect()
                .build();
        BufferedImage image = render("image-fills-" + w + "x" + h, chart);
        Pixels.Box blue = Pixels.find(image, "#0000ff");
        Pixels.Box green = Pixels.find(image, "#00ff00");
        Pixels.Box red = Pixels.find(image, "#ff0000");
        int width = green.width();
        int height = green.maxY() - blue.minY() + 1;
        // equal units: the picture keeps the image's proportions, and its bands theirs
        assertThat((double) width / height).isCloseTo((double) w / h, within(0.02 * w / h));
        int bandRows = h / 10; // the image's rows in the green band
        int bandColumns = w / 10;
        assertThat((double) green.height() / height).isCloseTo((double) bandRows / h, within(0.02));
        assertThat((double) red.width() / width).isCloseTo((double) bandColumns / w, within(0.02));
        // it fills the space: most of the picture's height or width
        assertThat(Math.max((double) height / H, (double) width / W)).isGreaterThan(0.6);
        // row h - 1 ends at the bottom of the y axis, column 0 starts at the left of the x axis:
        // the plot's frame runs right beside them, with no axis range beyond the image
        assertThat(frameBelow(image, (int) green.centreX(), green.maxY(), 3))
                .as("frame within 3 px below the last row")
                .isNotNegative();
        assertThat(frameLeftOf(image, red.minX(), (int) red.centreY(), 3))
                .as("frame within 3 px left of the first column")
                .isNotNegative();
        assertThat(frameLeftOf(image, green.minX(), (int) green.centreY(), 3))
                .as("frame within 3 px left of the bottom-left pixel")
                .isNotNegative();
        // red and blue share the rows above the green band
        assertThat(red.minY()).isCloseTo(blue.minY(), within(1));
        assertThat(red.maxY()).isCloseTo(blue.maxY(), within(1));
        assertThat(green.minY()).isCloseTo(blue.maxY() + 1, within(1));
    }

    @Test
    void anEqualAspectChartWithFixedRangesGetsASquarePlot() {
        Chart chart = Chart.builder("square")
                .x(Axis.range("x", -1, 1))
                .y(Axis.range("y", -1, 1))
                .add(new Series.Line("circle", circle()[0], circle()[1], Style.color(Charts.RED)))
                .equalAspect()
                .build();
        Pixels.Box red = Pixels.find(render("square-circle", chart), Charts.RED);
        assertThat((double) red.width() / red.height()).isCloseTo(1.0, within(0.03));
    }

    private static double[][] circle() {
        double[] x = new double[101];
        double[] y = new double[101];
        for (int i = 0; i <= 100; i++) {
            x[i] = Math.cos(2 * Math.PI * i / 100);
            y[i] = Math.sin(2 * Math.PI * i / 100);
        }
        return new double[][] {x, y};
    }

    private static final String LONG_TITLE =
            "Loss of orthogonality against the condition number, Hilbert matrices H_2 … H_12, three ways";

    /// The rows of the title band (above the plot) that hold dark pixels, as runs `{first, last}`.
    private static List<int[]> textRows(BufferedImage image, int bandHeight) {
        List<int[]> runs = new java.util.ArrayList<>();
        int start = -1;
        for (int y = 0; y < bandHeight; y++) {
            boolean ink = false;
            for (int x = 0; x < image.getWidth() && !ink; x++) {
                ink = (image.getRGB(x, y) & 0xff) < 160;
            }
            if (ink && start < 0) {
                start = y;
            } else if (!ink && start >= 0) {
                runs.add(new int[] {start, y - 1});
                start = -1;
            }
        }
        return runs;
    }

    @Test
    void aLongTitleIsWrappedInsideThePicture() {
        Chart chart = Chart.builder(LONG_TITLE).add(Charts.line()).build();
        BufferedImage image = render("long-title", chart);
        List<int[]> lines = textRows(image, 70);
        assertThat(lines).as("two lines of title text").hasSizeGreaterThanOrEqualTo(2);
        int bottom = lines.get(1)[1];
        for (int y = 0; y <= bottom; y++) {
            for (int x : new int[] {0, 1, 2, W - 3, W - 2, W - 1}) {
                assertThat(image.getRGB(x, y) & 0xffffff)
                        .as("title pixel at x=%d, y=%d", x, y)
                        .isEqualTo(0xffffff);
            }
        }
        assertThat(StaticChart.svg(chart, W, H)).contains("<title>" + LONG_TITLE + "</title>");
    }

    @Test
    void titlesShrinkThenWrapThenShorten() {
        FontRenderContext frc = new FontRenderContext(null, true, true);
        TitleBlock shortOne = TitleBlock.fit("Singular values", 640, frc);
        assertThat(shortOne.lines()).containsExactly("Singular values");
        assertThat(shortOne.font().getSize()).isEqualTo(TitleBlock.LARGEST);

        TitleBlock wrapped = TitleBlock.fit(LONG_TITLE, 640, frc);
        assertThat(wrapped.lines()).hasSize(2);
        assertThat(String.join(" ", wrapped.lines())).isEqualTo(LONG_TITLE);
        for (String line : wrapped.lines()) {
            assertThat(TitleBlock.width(line, wrapped.font(), frc)).isLessThanOrEqualTo(640 - 2 * TitleBlock.SIDE);
        }
        assertThat(wrapped.height()).isGreaterThan(shortOne.height());

        TitleBlock cut = TitleBlock.fit(LONG_TITLE + " " + LONG_TITLE + " " + LONG_TITLE, 300, frc);
        assertThat(cut.lines()).hasSize(2);
        assertThat(cut.lines().get(1)).endsWith("…");
        assertThat(TitleBlock.fit("", 640, frc).lines()).isEmpty();
    }

    @Test
    void anArrowsLabelSitsBeyondItsHeadAwayFromTheShaft() {
        LabelPlacer placer = new LabelPlacer(new Rectangle2D.Double(0, 0, 400, 400));
        // rightward arrow with its head at (200, 200): the label starts right of the head, level with it
        Rectangle2D right = placer.placeAtHead(100, 200, 200, 200, 40, 16);
        assertThat(right.getMinX()).isGreaterThan(200);
        assertThat(right.getCenterY()).isCloseTo(200, within(1.0));
        // upward arrow (y down on screen) ending at (100, 100): the label above, centred
        Rectangle2D up = placer.placeAtHead(100, 200, 100, 100, 40, 16);
        assertThat(up.getMaxY()).isLessThan(100);
        assertThat(up.getCenterX()).isCloseTo(100, within(1.0));
        // a point's label above-right
        Rectangle2D point = placer.placeBesidePoint(300, 300, 4, 40, 16);
        assertThat(point.getMinX()).isGreaterThan(300);
        assertThat(point.getMaxY()).isLessThan(300);
    }

    @Test
    void labelsAtOneHeadDoNotOverlapEachOtherOrTheArrows() {
        // three arrows ending where the projection experiment's do: b, and b − p, both at b; p beside
        LabelPlacer placer = new LabelPlacer(new Rectangle2D.Double(0, 0, 400, 400));
        java.awt.geom.Line2D[] shafts = {
            new java.awt.geom.Line2D.Double(100, 300, 300, 220), // 0 → b
            new java.awt.geom.Line2D.Double(100, 300, 300, 300), // 0 → p
            new java.awt.geom.Line2D.Double(300, 300, 300, 220) // p → b
        };
        for (java.awt.geom.Line2D s : shafts) {
            placer.avoid(s);
        }
        List<Rectangle2D> boxes = List.of(
                placer.placeAtHead(100, 300, 300, 220, 12, 16),
                placer.placeAtHead(100, 300, 300, 300, 50, 16),
                placer.placeAtHead(300, 300, 300, 220, 40, 16));
        for (int i = 0; i < boxes.size(); i++) {
            for (int j = i + 1; j < boxes.size(); j++) {
                assertThat(boxes.get(i).intersects(boxes.get(j)))
                        .as("labels %d and %d overlap", i, j)
                        .isFalse();
            }
            for (java.awt.geom.Line2D s : shafts) {
                assertThat(boxes.get(i).intersectsLine(s))
                        .as("label %d crosses an arrow", i)
                        .isFalse();
            }
        }
    }

    @Test
    void anArrowsLabelIsDrawnBeyondItsHead() {
        Chart chart = Chart.builder("arrow")
                .x(Axis.range("x", 0, 4))
                .y(Axis.range("y", -2, 2))
                .annotate(new Annotation.Arrow(0.5, 0, 2, 0, "label", Style.color(Charts.RED)))
                .build();
        Chart bare = Chart.builder("arrow")
                .x(Axis.range("x", 0, 4))
                .y(Axis.range("y", -2, 2))
                .annotate(new Annotation.Arrow(0.5, 0, 2, 0, "", Style.color(Charts.RED)))
                .build();
        Pixels.Box withLabel = Pixels.find(render("arrow-label", chart), Charts.RED);
        Pixels.Box arrowOnly = Pixels.find(render("arrow-bare", bare), Charts.RED);
        // the label's red pixels lie beyond the head, level with the shaft
        assertThat(withLabel.maxX()).isGreaterThan(arrowOnly.maxX() + 20);
        assertThat(withLabel.minX()).isEqualTo(arrowOnly.minX());
        assertThat(withLabel.centreY()).isCloseTo(arrowOnly.centreY(), within(6.0));
    }

    @Test
    void logTickLabelsArePowersOfTenOrPlainNeverMixed() {
        assertThat(TickLabels.power(4)).isEqualTo("10⁴");
        assertThat(TickLabels.power(-15)).isEqualTo("10⁻¹⁵");
        assertThat(TickLabels.power(0)).isEqualTo("10⁰");
        var wide = TickLabels.log(1e-16, 10);
        assertThat(wide.apply(1e-15)).isEqualTo("10⁻¹⁵");
        assertThat(wide.apply(1.0)).isEqualTo("10⁰");
        assertThat(wide.apply(10.0)).isEqualTo("10¹");
        var narrow = TickLabels.log(0.1, 1000);
        assertThat(narrow.apply(0.1)).isEqualTo("0.1");
        assertThat(narrow.apply(1000.0)).isEqualTo("1000");
        assertThat(TickLabels.oneTwoFive(20.0)).isEqualTo("20");
        assertThat(TickLabels.oneTwoFive(50.0)).isEqualTo("50");
        assertThat(TickLabels.oneTwoFive(30.0)).isEmpty();
        assertThat(TickLabels.oneTwoFive(100.0)).isEqualTo("100");
    }

    /// Columns of the plot where the grid colour runs down most of the height: vertical grid lines.
    private static int gridColumns(BufferedImage image) {
        int lines = 0;
        for (int x = 0; x < image.getWidth(); x++) {
            int grid = 0;
            for (int y = 0; y < image.getHeight(); y++) {
                grid += Pixels.near(image.getRGB(x, y), 0xe5e5e5, 6) ? 1 : 0;
            }
            lines += grid > image.getHeight() / 2 ? 1 : 0;
        }
        return lines;
    }

    @Test
    void aLogAxisOverManyDecadesHasGridLinesAtTheDecadesOnly() {
        double[] x = new double[16];
        double[] y = new double[16];
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.pow(10, i);
            y[i] = i;
        }
        Chart chart = Chart.builder("fifteen decades")
                .x(Axis.log("κ"))
                .add(Series.Line.of("line", x, y))
                .build();
        int columns = gridColumns(render("log-decades", chart));
        // 16 decades 10⁰ … 10¹⁵ (a line may be two pixels wide); XChart's own grid had 9 per decade
        assertThat(columns).isBetween(12, 34);
    }

    @Test
    void aLegendGoesIntoAFreeCornerOrElseBesideThePlot() {
        double[] x = Charts.range(0, 10, 50);
        double[] fast = new double[x.length];
        double[] slow = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            fast[i] = Math.exp(-x[i]);
            slow[i] = Math.exp(-x[i] / 3);
        }
        Chart decays = Chart.builder("decays")
                .add(new Series.Line("fast", x, fast, Style.color(Charts.RED)))
                .add(new Series.Line("slow", x, slow, Style.color(Charts.BLUE)))
                .build();
        // the top right is empty: the legend goes there and the plot keeps the picture's width
        int inside = Pixels.find(render("legend-inside", decays), Charts.BLUE).maxX();
        assertThat(inside).isGreaterThan(W * 9 / 10);
        double[] up = new double[x.length];
        double[] down = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            up[i] = i % 2;
            down[i] = 1 - i % 2;
        }
        Chart zigzags = Chart.builder("zigzags")
                .add(new Series.Line("up", x, up, Style.color(Charts.RED)))
                .add(new Series.Line("down", x, down, Style.color(Charts.BLUE)))
                .build();
        // every corner is crossed by a line: the legend stays beside the plot, which narrows
        int outside =
                Pixels.find(render("legend-outside", zigzags), Charts.BLUE).maxX();
        assertThat(outside).isLessThan(inside - 30);
    }

    @Test
    void plotlyArrowLabelsHangBeyondTheHeadAndTurnApartAtASharedHead() {
        Chart chart = Chart.builder("arrows")
                .annotate(new Annotation.Arrow(0, 0, 1, 0, "right", Style.AUTO))
                .annotate(new Annotation.Arrow(0, 0, 0, 1, "up", Style.AUTO))
                // 60° from the x axis, 30° from "up", into the same head
                .annotate(new Annotation.Arrow(-0.5, 1 - Math.sqrt(0.75), 0, 1, "steep", Style.AUTO))
                .equalAspect()
                .build();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> notes = (List<Map<String, Object>>)
                ((Map<String, Object>) PlotlyFigure.of(chart).get("layout")).get("annotations");
        Map<String, Object> right = notes.get(1);
        assertThat(right)
                .containsEntry("text", "right")
                .containsEntry("xanchor", "left")
                .containsEntry("yanchor", "middle");
        assertThat((Double) right.get("xshift")).isPositive();
        Map<String, Object> up = notes.get(3);
        assertThat(up).containsEntry("xanchor", "center").containsEntry("yanchor", "bottom");
        assertThat((Double) up.get("yshift")).isPositive();
        // the third label would hang above-right of the head it shares with "up", 30° from it: it
        // turns by 45° steps to the first direction 45° clear of "up", 15°, beside the head
        Map<String, Object> third = notes.get(5);
        assertThat(third).containsEntry("xanchor", "left").containsEntry("yanchor", "middle");
    }
}
