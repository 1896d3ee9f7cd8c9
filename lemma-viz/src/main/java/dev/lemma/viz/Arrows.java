package dev.lemma.viz;

/// The line work of arrows, for renderers that have no arrow of their own: each arrow becomes its
/// shaft and a two-stroke head, as polylines separated by NaN gaps (Plotly draws a `null` as a
/// break, and so does the static renderer).
final class Arrows {
    private Arrows() {}

    /// The head's length as a fraction of the arrow's length; a quarter reads as an arrow at any
    /// size without hiding short shafts.
    static final double HEAD_FRACTION = 0.25;

    /// The angle between the shaft and each stroke of the head: 25°, close to Plotly's own heads.
    static final double HEAD_ANGLE = Math.toRadians(25);

    /// The polyline of a set of arrows from `(x[i], y[i])` to `(x[i] + u[i], y[i] + v[i])`, as
    /// `{xs, ys}`: per arrow, tail, head, gap, then left barb, head, right barb, gap. A zero vector
    /// draws nothing.
    static double[][] polyline(double[] x, double[] y, double[] u, double[] v) {
        int n = 0;
        for (int i = 0; i < x.length; i++) {
            n += (u[i] != 0 || v[i] != 0) ? 7 : 0;
        }
        double[] xs = new double[n];
        double[] ys = new double[n];
        int k = 0;
        for (int i = 0; i < x.length; i++) {
            if (u[i] == 0 && v[i] == 0) {
                continue;
            }
            double hx = x[i] + u[i];
            double hy = y[i] + v[i];
            double back = Math.atan2(-v[i], -u[i]); // direction from the head back to the tail
            double len = HEAD_FRACTION * Math.hypot(u[i], v[i]);
            double[] px = {x[i], hx, Double.NaN, hx + len * Math.cos(back + HEAD_ANGLE), hx, 0, Double.NaN};
            double[] py = {y[i], hy, Double.NaN, hy + len * Math.sin(back + HEAD_ANGLE), hy, 0, Double.NaN};
            px[5] = hx + len * Math.cos(back - HEAD_ANGLE);
            py[5] = hy + len * Math.sin(back - HEAD_ANGLE);
            System.arraycopy(px, 0, xs, k, 7);
            System.arraycopy(py, 0, ys, k, 7);
            k += 7;
        }
        return new double[][] {xs, ys};
    }
}
