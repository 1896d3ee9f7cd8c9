package dev.lemma.viz;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;

/// A chart of bars as an XChart `CategoryChart`: one group of bars per category, one bar of each
/// series in a group, as Plotly's `barmode: group`.
final class BarPlot {
    private BarPlot() {}

    /// Builds the category chart.
    ///
    /// @throws IllegalArgumentException if the chart mixes bars with other kinds or annotations,
    ///     which sit on a numeric x axis that a category axis does not have
    static CategoryChart of(Chart chart) {
        List<String> others = new ArrayList<>();
        for (Series s : chart.series()) {
            if (!(s instanceof Series.Bar)) {
                others.add(kind(s) + " '" + s.name() + "'");
            }
        }
        if (!chart.annotations().isEmpty()) {
            others.add(chart.annotations().size() + " annotation(s)");
        }
        if (!others.isEmpty()) {
            String bars = chart.series().stream()
                    .filter(s -> s instanceof Series.Bar)
                    .map(s -> "bar '" + s.name() + "'")
                    .toList()
                    .toString();
            throw new IllegalArgumentException("cannot draw " + bars + " with " + others
                    + " statically: bars stand on a category axis, the others need a numeric x axis");
        }
        CategoryChart out = new CategoryChart(100, 100);
        StaticStyle.apply(out.getStyler(), chart);
        out.getStyler().setOverlapped(false);
        out.getStyler().setAvailableSpaceFill(0.8);
        out.getStyler().setPlotGridVerticalLinesVisible(false);
        out.setTitle(chart.title());
        out.setXAxisTitle(chart.xAxis().label());
        out.setYAxisTitle(chart.yAxis().label());
        if (chart.yAxis().hasRange()) {
            out.getStyler().setYAxisMin(chart.yAxis().min());
            out.getStyler().setYAxisMax(chart.yAxis().max());
        }
        String[] colors = Palette.seriesColors(chart.series());
        for (int k = 0; k < colors.length; k++) {
            Series.Bar bar = (Series.Bar) chart.series().get(k);
            List<Double> values = new ArrayList<>();
            for (double v : bar.values()) {
                values.add(v);
            }
            CategorySeries s = out.addSeries("series " + k, bar.categories(), values);
            s.setFillColor(new Color(Palette.parse(colors[k])));
            s.setLabel(bar.name());
            s.setShowInLegend(!bar.name().isEmpty());
        }
        return out;
    }

    /// The kind of a series in words, for messages.
    static String kind(Series s) {
        return switch (s) {
            case Series.Line x -> "line";
            case Series.Scatter x -> "scatter";
            case Series.Bar x -> "bar";
            case Series.Histogram x -> "histogram";
            case Series.Contour x -> "contour";
            case Series.Heatmap x -> "heatmap";
            case Series.Surface x -> "surface";
            case Series.VectorField x -> "vector field";
            case Series.Image x -> "image";
        };
    }
}
