package dev.lemma.viz;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.internal.chartpart.Annotation;

/// The marks the static renderer adds on top of an XChart plot in screen space, where XChart has no
/// equivalent: arrowheads that keep their shape whatever the axes' scales, and labels set a few
/// pixels above a point. As an XChart annotation it is painted last, after the plot is laid out, and
/// it also records the plot area's bounds for the renderer's own layers.
///
/// It extends `org.knowm.xchart.internal.chartpart.Annotation`, the public base class of XChart's
/// own annotations (in a package XChart calls internal): an XChart upgrade should rerun the static
/// renderer's tests, which check where these marks land.
final class Overlay extends Annotation {

    /// Arrowhead length in pixels, and the half-angle of the head, close to Plotly's `arrowhead: 2`.
    private static final double HEAD_LENGTH = 12;

    private static final double HEAD_HALF_ANGLE = Math.toRadians(22);

    /// Label baseline offset above its anchor, in pixels.
    private static final int LABEL_OFFSET = 8;

    private record Head(double x0, double y0, double x1, double y1, Color color) {}

    private record Label(double x, double y, String text, Color color) {}

    private final List<Head> heads = new ArrayList<>();
    private final List<Label> labels = new ArrayList<>();
    private Rectangle2D plot = new Rectangle2D.Double();

    Overlay() {
        super(false);
    }

    /// Adds the head of an arrow from `(x0, y0)` to `(x1, y1)` (plotting coordinates).
    void head(double x0, double y0, double x1, double y1, Color color) {
        heads.add(new Head(x0, y0, x1, y1, color));
    }

    /// Adds a label centred above `(x, y)` (plotting coordinates).
    void label(double x, double y, String text, Color color) {
        if (!text.isEmpty()) {
            labels.add(new Label(x, y, text, color));
        }
    }

    /// The plot area of the last paint, in pixels.
    Rectangle2D plotArea() {
        return (Rectangle2D) plot.clone();
    }

    @Override
    public void paint(Graphics2D g) {
        int left = getXAxisScreenValueForMin();
        int right = getXAxisScreenValueForMax();
        int top = getYAxisScreenValueForMin();
        int bottom = getYAxisScreenValueForMax();
        plot = new Rectangle2D.Double(left, top, right - left, bottom - top);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        for (Head h : heads) {
            double sx0 = chart.getScreenXFromChart(h.x0());
            double sy0 = chart.getScreenYFromChart(h.y0());
            double sx1 = chart.getScreenXFromChart(h.x1());
            double sy1 = chart.getScreenYFromChart(h.y1());
            if (sx0 == sx1 && sy0 == sy1) {
                continue;
            }
            double back = Math.atan2(sy0 - sy1, sx0 - sx1);
            Path2D.Double head = new Path2D.Double();
            head.moveTo(sx1, sy1);
            head.lineTo(
                    sx1 + HEAD_LENGTH * Math.cos(back + HEAD_HALF_ANGLE),
                    sy1 + HEAD_LENGTH * Math.sin(back + HEAD_HALF_ANGLE));
            head.lineTo(
                    sx1 + HEAD_LENGTH * Math.cos(back - HEAD_HALF_ANGLE),
                    sy1 + HEAD_LENGTH * Math.sin(back - HEAD_HALF_ANGLE));
            head.closePath();
            g.setColor(h.color());
            g.setStroke(new BasicStroke(1));
            g.fill(head);
            g.draw(head);
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        FontMetrics metrics = g.getFontMetrics();
        for (Label l : labels) {
            double sx = chart.getScreenXFromChart(l.x());
            double sy = chart.getScreenYFromChart(l.y());
            g.setColor(l.color());
            g.drawString(l.text(), (float) (sx - metrics.stringWidth(l.text()) / 2.0), (float) (sy - LABEL_OFFSET));
        }
    }
}
