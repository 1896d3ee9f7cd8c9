package dev.lemma.viz;

import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

/// Places text labels beside the marks they name without covering each other: a greedy pass in
/// the order the labels come, each taking the first of its candidate spots that overlaps nothing
/// placed before (labels, arrows, markers, data lines), or else the spot that overlaps least. Screen pixels,
/// y pointing down.
///
/// Greedy placement is not optimal (an early label may take the only spot a later one had), but for
/// the handful of labels on a figure it separates what collides and keeps each label where a reader
/// looks for it first. See Christensen, Marks and Shieber, "An empirical study of algorithms for
/// point-feature label placement", ACM Transactions on Graphics 14(3), 1995, for better ones.
final class LabelPlacer {
    /// The gap between a label and its anchor, in pixels.
    static final double GAP = 5;

    /// The clearance kept around placed labels, in pixels.
    private static final double PAD = 4;

    private final Rectangle2D bounds;
    private final List<Rectangle2D> boxes = new ArrayList<>(); // placed labels, kept PAD apart
    private final List<Rectangle2D> marks = new ArrayList<>(); // arrowheads and markers
    private final List<Line2D> lines = new ArrayList<>();
    private final List<Line2D> data = new ArrayList<>();

    /// @param bounds the area labels should stay inside (the plot area)
    LabelPlacer(Rectangle2D bounds) {
        this.bounds = bounds;
    }

    /// Keeps labels off a rectangle (an arrowhead, a marker).
    void avoid(Rectangle2D box) {
        marks.add(box);
    }

    /// Keeps labels off a line (an arrow's shaft).
    void avoid(Line2D line) {
        lines.add(line);
    }

    /// Keeps labels off a segment of a data line, less strictly than off arrows: a label crossing a
    /// data line is legible, one crossing an arrow hides what the arrow points to.
    void avoidData(Line2D segment) {
        data.add(segment);
    }

    /// The box of a `w × h` label for the arrow from `(x0, y0)` to `(x1, y1)`: first choice just
    /// beyond the head along the arrow's direction, on the side away from the shaft; then one line
    /// further out the same way; then the first spot turned by ±45°, ±90°, ±135° around the head;
    /// then those one line further out.
    Rectangle2D placeAtHead(double x0, double y0, double x1, double y1, double w, double h) {
        double angle = (x0 == x1 && y0 == y1) ? -Math.PI / 2 : Math.atan2(y1 - y0, x1 - x0);
        double q = Math.PI / 4;
        double[] turns = {-q, q, -2 * q, 2 * q, -3 * q, 3 * q};
        double further = h + 2;
        List<Rectangle2D> candidates = new ArrayList<>();
        candidates.add(beyond(x1, y1, angle, 0, w, h));
        candidates.add(beyond(x1, y1, angle, further, w, h));
        for (double extra : new double[] {0, further}) {
            for (double turn : turns) {
                candidates.add(beyond(x1, y1, angle + turn, extra, w, h));
            }
        }
        return take(candidates);
    }

    /// The box of a `w × h` label for a point at `(x, y)` drawn `radius` pixels wide: first choice
    /// above-right, then above-left, below-right, below-left, right, left, above and below; then the
    /// same one line further out.
    Rectangle2D placeBesidePoint(double x, double y, double radius, double w, double h) {
        double d = Math.PI / 4;
        double[] angles = {-d, -3 * d, d, 3 * d, 0, Math.PI, -Math.PI / 2, Math.PI / 2};
        List<Rectangle2D> candidates = new ArrayList<>();
        for (double extra : new double[] {radius, radius + h + 2}) {
            for (double a : angles) {
                candidates.add(beyond(x, y, a, extra, w, h));
            }
        }
        return take(candidates);
    }

    /// The `w × h` box just beyond `(x, y)` in direction `angle`: the point `GAP + extra` pixels
    /// from the anchor along that direction, and the box hung from it on the side away from the
    /// anchor: by its left edge when the direction points right, its right edge when left, its
    /// middle when nearly vertical, and likewise top, bottom or middle (as Plotly's `xanchor` and
    /// `yanchor`). A wide label so stays close to its anchor at every angle.
    static Rectangle2D beyond(double x, double y, double angle, double extra, double w, double h) {
        double ux = Math.cos(angle);
        double uy = Math.sin(angle);
        double ax = x + (GAP + extra) * ux;
        double ay = y + (GAP + extra) * uy;
        double left = ux > SIDEWAYS ? ax : ux < -SIDEWAYS ? ax - w : ax - w / 2;
        double top = uy > SIDEWAYS ? ay : uy < -SIDEWAYS ? ay - h : ay - h / 2;
        return new Rectangle2D.Double(left, top, w, h);
    }

    /// The cosine beyond which a direction counts as pointing sideways (or up, or down): that of
    /// 67.5°, halfway between the diagonal and the axis.
    static final double SIDEWAYS = Math.cos(Math.toRadians(67.5));

    private Rectangle2D take(List<Rectangle2D> candidates) {
        Rectangle2D best = candidates.get(0);
        double bestCost = Double.POSITIVE_INFINITY;
        for (Rectangle2D c : candidates) {
            double cost = cost(c);
            if (cost == 0) {
                best = c;
                break;
            }
            if (cost < bestCost) {
                best = c;
                bestCost = cost;
            }
        }
        boxes.add(best);
        return best;
    }

    /// How badly a box collides: overlap area with earlier boxes, a fixed amount per line crossed,
    /// and the area outside the plot.
    private double cost(Rectangle2D c) {
        Rectangle2D padded =
                new Rectangle2D.Double(c.getX() - PAD, c.getY() - PAD, c.getWidth() + 2 * PAD, c.getHeight() + 2 * PAD);
        double cost = 0;
        for (Rectangle2D b : boxes) {
            if (padded.intersects(b)) {
                Rectangle2D overlap = padded.createIntersection(b);
                cost += 1 + overlap.getWidth() * overlap.getHeight();
            }
        }
        for (Rectangle2D m : marks) {
            if (c.intersects(m)) {
                Rectangle2D overlap = c.createIntersection(m);
                cost += 1 + overlap.getWidth() * overlap.getHeight();
            }
        }
        for (Line2D l : lines) {
            if (padded.intersectsLine(l)) {
                cost += 50;
            }
        }
        for (Line2D l : data) {
            if (padded.intersectsLine(l)) {
                cost += 10;
            }
        }
        double inside = 0;
        if (c.intersects(bounds)) {
            Rectangle2D in = c.createIntersection(bounds);
            inside = in.getWidth() * in.getHeight();
        }
        cost += c.getWidth() * c.getHeight() - inside;
        return cost;
    }
}
