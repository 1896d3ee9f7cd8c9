package dev.lemma.viz;

import java.util.ArrayList;
import java.util.List;

/// Level curves of a function sampled on a grid, by marching squares.
///
/// Each grid cell is looked at alone. Its four corners are either at or above the level, or below
/// it; an edge whose two ends disagree is crossed by the curve, at the point found by linear
/// interpolation of the corner values. A cell has zero, two or four crossed edges: two give one
/// segment; four (the *saddle*, opposite corners alike) give two segments, and which pairs of
/// crossings to join is decided by the value at the cell's centre, taken as the mean of the
/// corners: the two corners that disagree with the centre are cut off.
///
/// A cell with a NaN corner is skipped, so missing values leave a gap in the curve. The segments
/// are not chained into polylines; a renderer draws them one by one.
///
/// Cost: $O(mn)$ per level for a grid of $m × n$ values.
///
/// References: W. E. Lorensen and H. E. Cline, "Marching cubes", SIGGRAPH 1987 (the 3-D original);
/// the saddle rule is the "asymptotic decider" simplified to the cell mean, as in matplotlib's
/// older contouring code.
public final class Contours {
    private Contours() {}

    /// One straight piece of a level curve, from `(x0, y0)` to `(x1, y1)`.
    ///
    /// @param x0 first end, abscissa
    /// @param y0 first end, ordinate
    /// @param x1 second end, abscissa
    /// @param y1 second end, ordinate
    public record Segment(double x0, double y0, double x1, double y1) {}

    /// The segments of the curve `z = level` over the grid where `z[i][j]` is the value at
    /// `(x[j], y[i])`.
    ///
    /// @param x the grid's abscissae, increasing
    /// @param y the grid's ordinates, increasing
    /// @param z `y.length` rows of `x.length` values; NaN marks a missing value
    /// @param level the level
    /// @return the segments, cell by cell, row by row; empty if the level is outside the data's range
    /// @throws IllegalArgumentException if the shape of `z` disagrees with `x` and `y`, or `level` is
    ///     not finite
    public static List<Segment> segments(double[] x, double[] y, double[][] z, double level) {
        Validation.grid("contour", x, y, z, true);
        if (!Double.isFinite(level)) {
            throw new IllegalArgumentException("contour level must be finite, not " + level);
        }
        List<Segment> out = new ArrayList<>();
        for (int i = 0; i + 1 < y.length; i++) {
            for (int j = 0; j + 1 < x.length; j++) {
                cell(x, y, z, i, j, level, out);
            }
        }
        return out;
    }

    /// `count` evenly spaced levels strictly inside the range of the finite values of `z`, the
    /// renderer's choice when a contour gives none.
    ///
    /// @param z the grid
    /// @param count how many levels
    /// @return the levels, increasing; empty if `z` has no finite value or is constant
    public static double[] autoLevels(double[][] z, int count) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] row : z) {
            for (double v : row) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (!(lo < hi) || count < 1) {
            return new double[0];
        }
        double[] levels = new double[count];
        for (int k = 0; k < count; k++) {
            levels[k] = lo + (hi - lo) * (k + 1) / (count + 1);
        }
        return levels;
    }

    /// Adds the segments of one cell, whose lower-left corner is `(x[j], y[i])`.
    private static void cell(double[] x, double[] y, double[][] z, int i, int j, double level, List<Segment> out) {
        // Corners counter-clockwise from the lower left: 0 = (j, i), 1 = (j+1, i), 2 = (j+1, i+1),
        // 3 = (j, i+1). Edge k joins corner k to corner k+1 (mod 4).
        double[] cx = {x[j], x[j + 1], x[j + 1], x[j]};
        double[] cy = {y[i], y[i], y[i + 1], y[i + 1]};
        double[] cz = {z[i][j], z[i][j + 1], z[i + 1][j + 1], z[i + 1][j]};
        boolean[] above = new boolean[4];
        int aboveCount = 0;
        for (int k = 0; k < 4; k++) {
            if (Double.isNaN(cz[k])) {
                return; // a missing corner: no honest interpolation inside this cell
            }
            above[k] = cz[k] >= level;
            aboveCount += above[k] ? 1 : 0;
        }
        if (aboveCount == 0 || aboveCount == 4) {
            return;
        }
        boolean saddle = aboveCount == 2 && above[0] == above[2];
        if (!saddle) {
            // Exactly two edges are crossed; join their crossings.
            double[] p = new double[4];
            int found = 0;
            for (int k = 0; k < 4 && found < 2; k++) {
                if (above[k] != above[(k + 1) % 4]) {
                    double[] c = crossing(cx, cy, cz, k, level);
                    p[2 * found] = c[0];
                    p[2 * found + 1] = c[1];
                    found++;
                }
            }
            out.add(new Segment(p[0], p[1], p[2], p[3]));
            return;
        }
        // Saddle: all four edges are crossed. Cut off the two corners that disagree with the centre;
        // corner k is cut off by the segment joining its edges k - 1 and k.
        boolean centreAbove = (cz[0] + cz[1] + cz[2] + cz[3]) / 4 >= level;
        for (int k = 0; k < 4; k++) {
            if (above[k] != centreAbove) {
                double[] a = crossing(cx, cy, cz, (k + 3) % 4, level);
                double[] b = crossing(cx, cy, cz, k, level);
                out.add(new Segment(a[0], a[1], b[0], b[1]));
            }
        }
    }

    /// Where the level crosses edge `k` (corner `k` to corner `k + 1`), by linear interpolation.
    private static double[] crossing(double[] cx, double[] cy, double[] cz, int k, double level) {
        int m = (k + 1) % 4;
        // The corners lie on opposite sides of the level, so cz[k] != cz[m].
        double t = (level - cz[k]) / (cz[m] - cz[k]);
        return new double[] {cx[k] + t * (cx[m] - cx[k]), cy[k] + t * (cy[m] - cy[k])};
    }
}
