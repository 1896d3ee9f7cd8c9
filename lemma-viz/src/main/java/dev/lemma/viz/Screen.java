package dev.lemma.viz;

import java.awt.geom.Rectangle2D;
import org.knowm.xchart.internal.chartpart.AxesChart;

/// Where data land on screen once XChart has laid out a plot: the plot area in pixels and the data
/// values at its edges, mapped linearly (or linearly in the logarithm, on a log axis).
///
/// XChart's own `getScreenXFromChart` / `getScreenYFromChart` cannot be used for this: in XChart
/// 4.0.3 a value whose position falls even a rounding error below the axis minimum is sent to the
/// middle of the plot (`height / 2`). An image or heatmap whose edge is exactly the axis minimum was
/// therefore drawn squashed into the top part of the plot. The inverse, `getChartXFromCoordinate`,
/// has no such branch, so the edges' values are read with it and everything else is interpolated.
///
/// @param area the plot area, in pixels
/// @param xLeft the data abscissa at the left edge
/// @param xRight the data abscissa at the right edge
/// @param yBottom the data ordinate at the bottom edge
/// @param yTop the data ordinate at the top edge
/// @param logX whether the x axis is logarithmic
/// @param logY whether the y axis is logarithmic
record Screen(Rectangle2D area, double xLeft, double xRight, double yBottom, double yTop, boolean logX, boolean logY) {

    /// Reads the mapping of a laid-out chart.
    static Screen of(AxesChart<?, ?> chart, Rectangle2D area, boolean logX, boolean logY) {
        int left = (int) area.getMinX();
        int right = (int) area.getMaxX();
        int top = (int) area.getMinY();
        int bottom = (int) area.getMaxY();
        Rectangle2D exact = new Rectangle2D.Double(left, top, right - left, bottom - top);
        return new Screen(
                exact,
                chart.getChartXFromCoordinate(left),
                chart.getChartXFromCoordinate(right),
                chart.getChartYFromCoordinate(bottom),
                chart.getChartYFromCoordinate(top),
                logX,
                logY);
    }

    /// The pixel column of a data abscissa (beyond the plot area when the value is off the axis).
    double x(double v) {
        double t = fraction(v, xLeft, xRight, logX);
        return area.getMinX() + t * area.getWidth();
    }

    /// The pixel row of a data ordinate.
    double y(double v) {
        double t = fraction(v, yBottom, yTop, logY);
        return area.getMaxY() - t * area.getHeight();
    }

    /// Pixels per data unit along x (per decade on a log axis).
    double perX() {
        return area.getWidth() / span(xLeft, xRight, logX);
    }

    /// Pixels per data unit along y.
    double perY() {
        return area.getHeight() / span(yBottom, yTop, logY);
    }

    private static double span(double lo, double hi, boolean log) {
        return log ? Math.log10(hi) - Math.log10(lo) : hi - lo;
    }

    private static double fraction(double v, double lo, double hi, boolean log) {
        return log ? (Math.log10(v) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo)) : (v - lo) / (hi - lo);
    }
}
