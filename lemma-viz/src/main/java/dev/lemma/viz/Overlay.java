package dev.lemma.viz;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.internal.chartpart.Annotation;

/// The marks the static renderer adds on top of an XChart plot in screen space, where XChart has no
/// equivalent: arrowheads that keep their shape whatever the axes' scales, and the labels of arrows
/// and points. As an XChart annotation it is painted last, after the plot is laid out, and it also
/// records where data land on screen ([Screen]) for the renderer's own layers.
///
/// Labels are placed as a reader expects them and kept apart greedily ([LabelPlacer]): an arrow's
/// just beyond its head along the arrow's direction, a point's above-right of it; a label that would
/// cover an earlier one, an arrow, a marker or a line of the data moves to the next free spot
/// around its anchor. Labels have no opaque backing, which would hide the data beneath them.
///
/// It extends `org.knowm.xchart.internal.chartpart.Annotation`, the public base class of XChart's
/// own annotations (in a package XChart calls internal): an XChart upgrade should rerun the static
/// renderer's tests, which check where these marks land.
final class Overlay extends Annotation {

    /// Arrowhead length in pixels, and the half-angle of the head, close to Plotly's `arrowhead: 2`.
    private static final double HEAD_LENGTH = 12;

    private static final double HEAD_HALF_ANGLE = Math.toRadians(22);

    /// The labels' font: a little larger than the tick labels, as the marks they name matter more.
    static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 14);

    private record Arrow(double x0, double y0, double x1, double y1, String label, Color color) {}

    private record Point(double x, double y, String label, Color color, double size) {}

    private final List<Arrow> arrows = new ArrayList<>();
    private final List<Point> points = new ArrayList<>();
    private final List<Object> order = new ArrayList<>();
    private final List<double[][]> polylines = new ArrayList<>();
    private final List<double[][]> scatters = new ArrayList<>();
    private final boolean logX;
    private final boolean logY;
    private Screen screen;

    Overlay(boolean logX, boolean logY) {
        super(false);
        this.logX = logX;
        this.logY = logY;
    }

    /// Adds an arrow's head and label; the arrow from `(x0, y0)` to `(x1, y1)` (plotting
    /// coordinates) is a line series of XChart's.
    void arrow(double x0, double y0, double x1, double y1, String label, Color color) {
        Arrow a = new Arrow(x0, y0, x1, y1, label, color);
        arrows.add(a);
        order.add(a);
    }

    /// Adds the label of a point drawn by XChart as a marker of `size` pixels at `(x, y)`.
    void point(double x, double y, String label, Color color, double size) {
        Point p = new Point(x, y, label, color, size);
        points.add(p);
        order.add(p);
    }

    /// Keeps labels off a line of the data, `{x, y}` in plotting coordinates with NaN gaps, where
    /// possible: a label may still cross data lines when every other spot is worse.
    void avoid(double[] x, double[] y) {
        polylines.add(new double[][] {x, y});
    }

    /// Keeps labels off the points of a scatter, in plotting coordinates.
    void avoidPoints(double[] x, double[] y) {
        scatters.add(new double[][] {x, y});
    }

    /// Whether a screen rectangle of the last paint is free of data lines, scatter points, arrows,
    /// annotated points and their labels' first spots.
    boolean clear(Rectangle2D box) {
        for (double[][] line : polylines) {
            double[] x = line[0];
            double[] y = line[1];
            for (int k = 0; k < x.length; k++) {
                double sx = screen.x(x[k]);
                double sy = screen.y(y[k]);
                if (box.contains(sx, sy)) {
                    return false;
                }
                if (k > 0
                        && !Double.isNaN(x[k - 1] + y[k - 1] + x[k] + y[k])
                        && box.intersectsLine(screen.x(x[k - 1]), screen.y(y[k - 1]), sx, sy)) {
                    return false;
                }
            }
        }
        for (double[][] cloud : scatters) {
            for (int k = 0; k < cloud[0].length; k++) {
                if (box.contains(screen.x(cloud[0][k]), screen.y(cloud[1][k]))) {
                    return false;
                }
            }
        }
        for (Arrow a : arrows) {
            if (box.intersectsLine(screen.x(a.x0()), screen.y(a.y0()), screen.x(a.x1()), screen.y(a.y1()))) {
                return false;
            }
        }
        for (Point p : points) {
            // the point and the room its label takes by default, above-right
            Rectangle2D room = new Rectangle2D.Double(screen.x(p.x()) - 8, screen.y(p.y()) - 30, 120, 38);
            if (box.intersects(room)) {
                return false;
            }
        }
        return true;
    }

    /// Where data landed on screen in the last paint.
    Screen screen() {
        return screen;
    }

    /// The plot area of the last paint, in pixels.
    Rectangle2D plotArea() {
        return screen.area();
    }

    @Override
    public void paint(Graphics2D g) {
        Rectangle2D area = new Rectangle2D.Double(
                getXAxisScreenValueForMin(),
                getYAxisScreenValueForMin(),
                getXAxisScreenValueForMax() - getXAxisScreenValueForMin(),
                getYAxisScreenValueForMax() - getYAxisScreenValueForMin());
        screen = Screen.of(chart, area, logX, logY);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(LABEL_FONT);
        FontMetrics metrics = g.getFontMetrics();
        LabelPlacer placer = new LabelPlacer(screen.area());
        for (Arrow a : arrows) {
            double sx0 = screen.x(a.x0());
            double sy0 = screen.y(a.y0());
            double sx1 = screen.x(a.x1());
            double sy1 = screen.y(a.y1());
            placer.avoid(new Line2D.Double(sx0, sy0, sx1, sy1));
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
            g.setColor(a.color());
            g.setStroke(new BasicStroke(1));
            g.fill(head);
            g.draw(head);
            placer.avoid(head.getBounds2D());
        }
        for (double[][] line : polylines) {
            double[] x = line[0];
            double[] y = line[1];
            for (int k = 1; k < x.length; k++) {
                if (!Double.isNaN(x[k - 1] + y[k - 1] + x[k] + y[k])) {
                    placer.avoidData(
                            new Line2D.Double(screen.x(x[k - 1]), screen.y(y[k - 1]), screen.x(x[k]), screen.y(y[k])));
                }
            }
        }
        for (double[][] cloud : scatters) {
            for (int k = 0; k < cloud[0].length; k++) {
                placer.avoid(new Rectangle2D.Double(screen.x(cloud[0][k]) - 3, screen.y(cloud[1][k]) - 3, 6, 6));
            }
        }
        for (Point p : points) {
            double r = p.size() / 2 + 1;
            placer.avoid(new Rectangle2D.Double(screen.x(p.x()) - r, screen.y(p.y()) - r, 2 * r, 2 * r));
        }
        for (Object o : order) {
            String text;
            Color color;
            Rectangle2D box;
            double w = metrics.stringWidth(o instanceof Arrow a ? a.label() : ((Point) o).label());
            double h = metrics.getAscent() + metrics.getDescent();
            if (o instanceof Arrow a) {
                if (a.label().isEmpty()) {
                    continue;
                }
                text = a.label();
                color = a.color();
                box = placer.placeAtHead(screen.x(a.x0()), screen.y(a.y0()), screen.x(a.x1()), screen.y(a.y1()), w, h);
            } else {
                Point p = (Point) o;
                if (p.label().isEmpty()) {
                    continue;
                }
                text = p.label();
                color = p.color();
                box = placer.placeBesidePoint(screen.x(p.x()), screen.y(p.y()), p.size() / 2, w, h);
            }
            g.setColor(color);
            g.drawString(text, (float) box.getMinX(), (float) (box.getMinY() + metrics.getAscent()));
        }
    }
}
