package dev.lemma.viz;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;

/// The static renderer's look, close to the Plotly figures of the lab: white background, light
/// grid, dark axis lines, sans-serif text, Plotly's colour cycle; and the translation of a [Style]
/// into a Java2D stroke.
final class StaticStyle {
    private StaticStyle() {}

    /// The line width when a style gives none, as Plotly's default of 2 px.
    static final float DEFAULT_WIDTH = 2;

    private static final Color TEXT = new Color(0x2a3f5f); // Plotly's default font colour
    static final Color GRID = new Color(0xe5e5e5);
    private static final Color TRANSPARENT = new Color(0, 0, 0, 0);

    /// Styles an XY or category chart. The backgrounds are transparent: the renderer fills the
    /// picture white itself, and may paint raster layers under the plot before XChart draws on top.
    static void apply(AxesChartStyler styler, Chart chart) {
        styler.setChartBackgroundColor(TRANSPARENT);
        styler.setPlotBackgroundColor(TRANSPARENT);
        styler.setPlotBorderVisible(true);
        styler.setPlotBorderColor(new Color(0x444444));
        styler.setPlotGridLinesColor(GRID);
        styler.setPlotGridLinesStroke(new BasicStroke(1));
        styler.setAxisTickMarksColor(new Color(0x444444));
        styler.setChartFontColor(TEXT);
        styler.setAxisTickLabelsColor(TEXT);
        styler.setChartTitleBoxVisible(false);
        styler.setChartTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 17));
        // Sizes for a figure printed at page width (800 px ≈ 16 cm): tick labels at 12 px read as
        // about 8 pt on paper, the smallest a caption-sized text should be.
        styler.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        styler.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        styler.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        styler.setAnnotationTextFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        styler.setAnnotationTextFontColor(new Color(Palette.parse(Palette.ANNOTATION)));
        // The renderer sets the title itself, fitted to the width (see TitleBlock).
        styler.setChartTitleVisible(false);
        styler.setXAxisTitleVisible(!chart.xAxis().label().isEmpty());
        styler.setYAxisTitleVisible(!chart.yAxis().label().isEmpty());
        long named = chart.series().stream().filter(s -> !s.name().isEmpty()).count();
        styler.setLegendVisible(named > 1);
        styler.setLegendPosition(Styler.LegendPosition.OutsideE); // as Plotly: beside the plot, never on the data
        styler.setLegendBackgroundColor(new Color(255, 255, 255, 220));
        styler.setLegendBorderColor(GRID);
        Color[] cycle = new Color[10];
        for (int k = 0; k < cycle.length; k++) {
            cycle[k] = new Color(Palette.parse(Palette.cycle(k)));
        }
        styler.setSeriesColors(cycle);
        styler.setAntiAlias(true);
        styler.setTextAntiAlias(true);
    }

    /// The stroke of a line style: its width (2 px by default) and dash pattern, scaled with the
    /// width so that thick dashed lines keep their rhythm.
    static BasicStroke stroke(Style style) {
        float w = style.width() > 0 ? (float) style.width() : DEFAULT_WIDTH;
        float unit = Math.max(1, w / 2);
        return switch (style.dash()) {
            case SOLID -> new BasicStroke(w, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
            case DASH ->
                new BasicStroke(
                        w, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10, new float[] {8 * unit, 5 * unit}, 0);
            case DOT ->
                new BasicStroke(w, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10, new float[] {0.1f, 3 * unit}, 0);
        };
    }

    /// `x` with every NaN replaced by the value before it (or after, at the start): XChart breaks a
    /// line at a NaN in y, but a NaN in x would spoil its axis range.
    static double[] fillGaps(double[] x) {
        double[] out = x.clone();
        double last = Double.NaN;
        for (double v : out) {
            if (!Double.isNaN(v)) {
                last = v;
                break;
            }
        }
        for (int i = 0; i < out.length; i++) {
            if (Double.isNaN(out[i])) {
                out[i] = last;
            } else {
                last = out[i];
            }
        }
        return out;
    }
}
