package dev.lemma.viz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class PlotlyFigureTest {

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> data(Map<String, Object> figure) {
        return (List<Map<String, Object>>) figure.get("data");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> layout(Map<String, Object> figure) {
        return (Map<String, Object>) figure.get("layout");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> child(Map<String, Object> map, String key) {
        return (Map<String, Object>) map.get(key);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> values(Object list) {
        return (List<Object>) list;
    }

    private static Map<String, Object> onlyTrace(Series s) {
        List<Map<String, Object>> data = data(PlotlyFigure.of(Charts.of("t", s)));
        assertThat(data).hasSize(1);
        return data.getFirst();
    }

    @Test
    void aLineIsAScatterInLinesModeWithItsStyleAndNaNAsNull() {
        Map<String, Object> t = onlyTrace(Charts.line());
        assertThat(t).containsEntry("type", "scatter").containsEntry("mode", "lines");
        assertThat(child(t, "line"))
                .containsEntry("color", Charts.RED)
                .containsEntry("width", 3.0)
                .containsEntry("dash", "solid");
        List<Object> y = values(t.get("y"));
        assertThat(y.get(20)).isNull();
        assertThat(y.get(0)).isEqualTo(0.0);
    }

    @Test
    void aScatterIsMarkersWithHoverLabels() {
        Map<String, Object> t = onlyTrace(Charts.scatter());
        assertThat(t).containsEntry("mode", "markers");
        assertThat(values(t.get("text"))).hasSize(30).startsWith("p0");
        assertThat(child(t, "marker")).containsEntry("color", Charts.BLUE);
    }

    @Test
    void barsAndHistogramsAreBarTraces() {
        Map<String, Object> bar = onlyTrace(Charts.bar());
        assertThat(bar).containsEntry("type", "bar").containsEntry("x", List.of("a", "b", "c"));

        Series.Histogram h = Charts.histogram();
        Map<String, Object> t = onlyTrace(h);
        double[] edges = h.edges();
        assertThat(t).containsEntry("type", "bar");
        assertThat(values(t.get("x"))).hasSize(12).first().isEqualTo((edges[0] + edges[1]) / 2);
        assertThat(values(t.get("width"))).first().isEqualTo(edges[1] - edges[0]);
    }

    @Test
    void evenlySpacedContourLevelsBecomeStartEndSize() {
        Map<String, Object> t = onlyTrace(Charts.contour(0.5, 1.0, 1.5, 2.0));
        assertThat(t).containsEntry("type", "contour").containsEntry("autocontour", false);
        assertThat(child(t, "contours"))
                .containsEntry("start", 0.5)
                .containsEntry("end", 2.0)
                .containsEntry("size", 0.5);
        assertThat(values(t.get("z"))).hasSize(41);
    }

    @Test
    void absentContourLevelsAreLeftToPlotly() {
        Map<String, Object> t = onlyTrace(Charts.contour());
        assertThat(t).containsEntry("type", "contour").doesNotContainKey("autocontour");
        assertThat(child(t, "contours")).doesNotContainKey("start");
    }

    @Test
    void unevenContourLevelsAreDrawnAsLinesOfTheirOwn() {
        List<Map<String, Object>> data = data(PlotlyFigure.of(Charts.of("t", Charts.contour(0.1, 1.0, 3.0))));
        assertThat(data)
                .hasSize(3)
                .allSatisfy(t -> assertThat(t).containsEntry("type", "scatter").containsEntry("mode", "lines"));
        // The points of the level-1 trace lie on the unit circle; nulls separate the segments.
        List<Object> x = values(data.get(1).get("x"));
        List<Object> y = values(data.get(1).get("y"));
        assertThat(x).contains((Object) null);
        for (int i = 0; i < x.size(); i++) {
            if (x.get(i) != null) {
                assertThat(Math.hypot((Double) x.get(i), (Double) y.get(i))).isBetween(0.99, 1.01);
            }
        }
        assertThat(data.get(0)).containsEntry("showlegend", true);
        assertThat(data.get(1)).containsEntry("showlegend", false);
    }

    @Test
    void levelsPlotlyCannotStepThroughAreDrawnAsLines() {
        assertThat(PlotlyTraces.evenlySpaced(new double[] {1})).isTrue();
        assertThat(PlotlyTraces.evenlySpaced(new double[] {1, 2, 3})).isTrue();
        assertThat(PlotlyTraces.evenlySpaced(new double[] {1, 2, 4})).isFalse();
        assertThat(PlotlyTraces.evenlySpaced(new double[] {2, 2})).isFalse();
        assertThat(PlotlyTraces.evenlySpaced(new double[] {3, 2, 1})).isFalse();
        assertThat(onlyTrace(Charts.contour(1.0))).containsEntry("type", "contour");
    }

    @Test
    void aHeatmapNamesItsScaleAndCentresRedBlueOnZero() {
        Map<String, Object> viridis = onlyTrace(Charts.heatmap(ColorScale.VIRIDIS));
        assertThat(viridis)
                .containsEntry("type", "heatmap")
                .containsEntry("colorscale", "Viridis")
                .doesNotContainKey("zmid");
        assertThat(values(values(viridis.get("z")).getFirst())).first().isNull();
        assertThat(onlyTrace(Charts.heatmap(ColorScale.GRAYS))).containsEntry("colorscale", "Greys");
        assertThat(onlyTrace(Charts.heatmap(ColorScale.RED_BLUE)))
                .containsEntry("colorscale", "RdBu")
                .containsEntry("zmid", 0.0);
    }

    @Test
    void aSurfaceIsThreeDimensionalWithSceneAxisTitles() {
        Chart chart = Chart.builder("s")
                .x(Axis.of("x1"))
                .y(Axis.of("x2"))
                .z(Axis.of("loss"))
                .add(Charts.surface())
                .build();
        Map<String, Object> figure = PlotlyFigure.of(chart);
        assertThat(data(figure).getFirst()).containsEntry("type", "surface");
        Map<String, Object> scene = child(layout(figure), "scene");
        assertThat(child(child(scene, "zaxis"), "title")).containsEntry("text", "loss");
        assertThat(child(child(scene, "xaxis"), "title")).containsEntry("text", "x1");
    }

    @Test
    void aVectorFieldIsOneTraceOfShaftsAndArrowheads() {
        Map<String, Object> t = onlyTrace(Charts.vectorField());
        List<Object> x = values(t.get("x"));
        // Five non-zero arrows of seven points each (shaft, gap, two barbs around the head, gap).
        assertThat(x).hasSize(35);
        List<Object> y = values(t.get("y"));
        // First arrow: (0,0) → (0.5,0.5); its head's barbs lie behind the head, towards the tail.
        assertThat(x.subList(0, 3)).containsExactly(0.0, 0.5, null);
        assertThat((Double) x.get(3)).isLessThan(0.5);
        assertThat((Double) y.get(5)).isLessThan(0.5);
        assertThat(x.get(4)).isEqualTo(0.5);
    }

    @Test
    void anImageTravelsAsAPngDataUriWithItsPixels() throws Exception {
        Series.Image image = Charts.image();
        Map<String, Object> figure = PlotlyFigure.of(Charts.of("t", image));
        Map<String, Object> t = data(figure).getFirst();
        assertThat(t).containsEntry("type", "image");
        String source = (String) t.get("source");
        assertThat(source).startsWith("data:image/png;base64,");
        BufferedImage decoded = ImageIO.read(
                new ByteArrayInputStream(Base64.getDecoder().decode(source.substring(source.indexOf(',') + 1))));
        assertThat(decoded.getWidth()).isEqualTo(8);
        assertThat(decoded.getHeight()).isEqualTo(6);
        int[] rgb = image.rgb();
        for (int r = 0; r < 6; r++) {
            for (int c = 0; c < 8; c++) {
                assertThat(decoded.getRGB(c, r) & 0xffffff).isEqualTo(rgb[r * 8 + c]);
            }
        }
        assertThat(child(layout(figure), "yaxis")).containsEntry("autorange", "reversed");
    }

    @Test
    void annotationsBecomeAMarkerTraceAndLayoutAnnotations() {
        Chart chart = Chart.builder("a")
                .add(Charts.line())
                .annotate(new Annotation.Point(1, 2, "minimum", Style.color(Charts.GREEN)))
                .annotate(new Annotation.Arrow(0, 0, 1, 1, "step", Style.AUTO))
                .annotate(new Annotation.Text(3, 0, "note"))
                .build();
        Map<String, Object> figure = PlotlyFigure.of(chart);
        Map<String, Object> point = data(figure).get(1);
        assertThat(point).containsEntry("mode", "markers+text").containsEntry("text", List.of("minimum"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> notes =
                (List<Map<String, Object>>) layout(figure).get("annotations");
        assertThat(notes).hasSize(3);
        assertThat(notes.get(0))
                .containsEntry("showarrow", true)
                .containsEntry("axref", "x")
                .containsEntry("ayref", "y")
                .containsEntry("x", 1.0)
                .containsEntry("ax", 0.0);
        assertThat(notes.get(1)).containsEntry("text", "step").containsEntry("showarrow", false);
        assertThat(notes.get(2)).containsEntry("text", "note").containsEntry("showarrow", false);
    }

    @Test
    void axesCarryTitlesRangesLogTypeAndEqualAspect() {
        Chart chart = Chart.builder("axes")
                .x(new Axis("n", 1, 1000, Axis.Scale.LOG))
                .y(Axis.range("error", -1, 1))
                .add(new Series.Line("e", new double[] {1, 10, 100}, new double[] {0, 0.5, 0.2}, Style.AUTO))
                .equalAspect()
                .build();
        Map<String, Object> layout = layout(PlotlyFigure.of(chart));
        Map<String, Object> x = child(layout, "xaxis");
        assertThat(x).containsEntry("type", "log").containsEntry("range", List.of(0.0, 3.0));
        assertThat(child(x, "title")).containsEntry("text", "n");
        assertThat(child(layout, "yaxis"))
                .containsEntry("type", "linear")
                .containsEntry("range", List.of(-1.0, 1.0))
                .containsEntry("scaleanchor", "x");
        assertThat(child(layout, "title")).containsEntry("text", "axes");
    }

    @Test
    void theLegendShowsWhenMoreThanOneSeriesIsNamedAndColoursFollowTheCycle() {
        Chart one = Chart.builder("1")
                .add(Series.Line.of("a", new double[] {0}, new double[] {0}))
                .build();
        Chart two = Chart.builder("2")
                .add(Series.Line.of("a", new double[] {0}, new double[] {0}))
                .add(Series.Line.of("b", new double[] {0}, new double[] {0}))
                .build();
        assertThat(layout(PlotlyFigure.of(one))).containsEntry("showlegend", false);
        Map<String, Object> figure = PlotlyFigure.of(two);
        assertThat(layout(figure)).containsEntry("showlegend", true);
        assertThat(child(data(figure).get(1), "line")).containsEntry("color", Palette.cycle(1));
    }

    @Test
    void withAColourBarTheLegendGoesBelowThePlot() {
        double[] g = {0, 1};
        Chart heat = Chart.builder("heat")
                .add(new Series.Heatmap("z", g, g, new double[][] {{0, 1}, {1, 0}}, ColorScale.RED_BLUE))
                .add(Series.Line.of("a", g, g))
                .build();
        assertThat(child(layout(PlotlyFigure.of(heat)), "legend")).containsEntry("orientation", "h");
        Chart lines = Chart.builder("lines")
                .add(Series.Line.of("a", g, g))
                .add(Series.Line.of("b", g, g))
                .build();
        assertThat(layout(PlotlyFigure.of(lines))).doesNotContainKey("legend");
    }

    @Test
    void theSameChartGivesEqualFigures() {
        Chart chart = Chart.builder("all")
                .add(Charts.line())
                .add(Charts.scatter())
                .add(Charts.contour(0.1, 1.0, 3.0))
                .add(Charts.vectorField())
                .annotate(new Annotation.Arrow(0, 0, 1, 1, "a", Style.AUTO))
                .build();
        assertThat(PlotlyFigure.of(chart)).isEqualTo(PlotlyFigure.of(chart));
        assertThat(PlotlyFigure.of(chart).toString())
                .isEqualTo(PlotlyFigure.of(chart).toString())
                .doesNotContain("NaN");
    }

    @Test
    void jacksonWritesTheFigureAsJsonWithNullForNaN() throws Exception {
        Chart chart = Chart.builder("json")
                .add(Charts.line())
                .add(Charts.heatmap(ColorScale.RED_BLUE))
                .add(Charts.image())
                .annotate(new Annotation.Text(1, 1, "t"))
                .build();
        ObjectMapper mapper = new ObjectMapper();
        String json = mapper.writeValueAsString(PlotlyFigure.of(chart));
        assertThat(json).doesNotContain("NaN").contains("\"y\":[0.0,").contains("null");
        assertThat(json).isEqualTo(mapper.writeValueAsString(PlotlyFigure.of(chart)));
        JsonNode tree = mapper.readTree(json);
        assertThat(tree.at("/data/0/y/20").isNull()).isTrue();
        assertThat(tree.at("/data/1/z/0/0").isNull()).isTrue();
        assertThat(tree.at("/data/1/zmid").asDouble()).isZero();
        assertThat(tree.at("/layout/yaxis/autorange").asText()).isEqualTo("reversed");
    }

    @Test
    void aLogAxisWithNonPositiveDataIsRejectedNamingTheSeries() {
        Chart chart = Chart.builder("bad")
                .y(Axis.log("loss"))
                .add(Series.Line.of("training loss", new double[] {0, 1, 2}, new double[] {1, 0, 0.5}))
                .build();
        assertThatThrownBy(() -> PlotlyFigure.of(chart))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 'training loss'")
                .hasMessageContaining("y[1] = 0.0");
        Chart image = Chart.builder("bad").x(Axis.log("x")).add(Charts.image()).build();
        assertThatThrownBy(() -> PlotlyFigure.of(image))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("image 'picture'");
    }
}
