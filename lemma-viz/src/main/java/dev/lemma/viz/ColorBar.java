package dev.lemma.viz;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;

/// The colour bar beside a static heatmap or surface: the scale from its lowest to its highest
/// value, five labelled ticks, and the z axis's title above. XChart's XY charts have none.
///
/// @param scale the colour scale
/// @param lo the value at the bottom
/// @param hi the value at the top
/// @param title the title above the bar (may be empty)
record ColorBar(ColorScale scale, double lo, double hi, String title) {

    /// The width of the strip the bar takes at the right of the picture, in pixels.
    static final int WIDTH = 90;

    private static final int BAR_WIDTH = 16;

    private static final int TICKS = 5;

    /// Paints the bar in the strip right of `stripLeft`, as tall as the plot area.
    void paint(Graphics2D g, int stripLeft, Rectangle2D plot) {
        int x = stripLeft + 10;
        int top = (int) Math.round(plot.getMinY());
        int bottom = (int) Math.round(plot.getMaxY());
        for (int py = top; py < bottom; py++) {
            double t = 1 - (py - top + 0.5) / (bottom - top);
            g.setColor(new Color(Palette.rgb(scale, t)));
            g.fillRect(x, py, BAR_WIDTH, 1);
        }
        g.setColor(new Color(0x444444));
        g.setStroke(new BasicStroke(1));
        g.drawRect(x, top, BAR_WIDTH, bottom - top);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        FontMetrics metrics = g.getFontMetrics();
        for (int k = 0; k < TICKS; k++) {
            double value = lo + (hi - lo) * k / (TICKS - 1);
            int py = (int) Math.round(bottom - (bottom - top) * (double) k / (TICKS - 1));
            g.drawLine(x + BAR_WIDTH, py, x + BAR_WIDTH + 4, py);
            g.drawString(format(value), x + BAR_WIDTH + 7, py + metrics.getAscent() / 2 - 1);
        }
        if (!title.isEmpty()) {
            g.drawString(title, x, Math.max(metrics.getAscent(), top - 8));
        }
    }

    /// A short label: up to four significant digits, no trailing zeros.
    static String format(double value) {
        if (value == 0) {
            return "0";
        }
        double magnitude = Math.abs(value);
        if (magnitude >= 1e5 || magnitude < 1e-3) {
            return String.format("%.2e", value);
        }
        String s = new java.math.BigDecimal(value)
                .round(new java.math.MathContext(4))
                .stripTrailingZeros()
                .toPlainString();
        return s.equals("-0") ? "0" : s;
    }
}
