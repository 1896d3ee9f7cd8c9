package dev.lemma.viz;

/// Checks that a chart can be drawn on its axes, shared by both renderers so that they refuse the
/// same charts with the same messages.
final class ChartChecks {
    private ChartChecks() {}

    /// Throws if a logarithmic axis would have to show a non-positive value, or an image or a bar
    /// chart sits on a logarithmic axis.
    ///
    /// @throws IllegalArgumentException naming the series or annotation at fault
    static void checkAxes(Chart chart) {
        boolean logX = chart.xAxis().scale() == Axis.Scale.LOG;
        boolean logY = chart.yAxis().scale() == Axis.Scale.LOG;
        if (!logX && !logY) {
            return;
        }
        for (Series series : chart.series()) {
            switch (series) {
                case Series.Line s -> positive(logX, logY, "line", s.name(), s.x(), s.y());
                case Series.Scatter s -> positive(logX, logY, "scatter", s.name(), s.x(), s.y());
                case Series.Histogram s -> {
                    positive(logX, false, "histogram", s.name(), s.edges(), new double[0]);
                    if (logY) {
                        throw new IllegalArgumentException("histogram '" + s.name()
                                + "' cannot be drawn on a logarithmic y axis: its bars start at 0");
                    }
                }
                case Series.Bar s -> {
                    if (logX) {
                        throw new IllegalArgumentException(
                                "bar '" + s.name() + "' has categories; the x axis cannot be logarithmic");
                    }
                    throw new IllegalArgumentException(
                            "bar '" + s.name() + "' cannot be drawn on a logarithmic y axis: its bars start at 0");
                }
                case Series.Contour s -> positive(logX, logY, "contour", s.name(), s.x(), s.y());
                case Series.Heatmap s -> positive(logX, logY, "heatmap", s.name(), s.x(), s.y());
                case Series.Surface s -> positive(logX, logY, "surface", s.name(), s.x(), s.y());
                case Series.VectorField s -> {
                    positive(logX, logY, "vector field", s.name(), s.x(), s.y());
                    positive(logX, logY, "vector field", s.name() + "' heads '", sum(s.x(), s.u()), sum(s.y(), s.v()));
                }
                case Series.Image s ->
                    throw new IllegalArgumentException(
                            "image '" + s.name() + "' needs linear axes (one unit per pixel), not a logarithmic one");
            }
        }
        for (Annotation a : chart.annotations()) {
            switch (a) {
                case Annotation.Point p ->
                    positive(logX, logY, "point", p.label(), new double[] {p.x()}, new double[] {p.y()});
                case Annotation.Arrow r ->
                    positive(logX, logY, "arrow", r.label(), new double[] {r.x0(), r.x1()}, new double[] {r.y0(), r.y1()
                    });
                case Annotation.Text t ->
                    positive(logX, logY, "text", t.text(), new double[] {t.x()}, new double[] {t.y()});
            }
        }
    }

    private static double[] sum(double[] a, double[] b) {
        double[] s = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            s[i] = a[i] + b[i];
        }
        return s;
    }

    private static void positive(boolean logX, boolean logY, String kind, String name, double[] x, double[] y) {
        if (logX) {
            positive(kind, name, "x", x);
        }
        if (logY) {
            positive(kind, name, "y", y);
        }
    }

    private static void positive(String kind, String name, String axis, double[] values) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] <= 0) { // NaN, a gap, passes
                throw new IllegalArgumentException(kind + " '" + name + "' has " + axis + "[" + i + "] = " + values[i]
                        + " on a logarithmic " + axis + " axis, which shows positive values only");
            }
        }
    }
}
