package dev.lemma.optim;

/// Where a run went wrong: a NaN or an infinity in the value or the gradient, named with the iteration
/// and the coordinate.
final class Trouble {
    private Trouble() {}

    /// @return a message naming the first non-finite number, or `null` if all are finite
    static String find(Objective.Evaluation e, int iteration) {
        if (!Double.isFinite(e.value())) {
            return "the value became " + e.value() + " at iteration " + iteration;
        }
        double[] g = e.gradient();
        for (int i = 0; i < g.length; i++) {
            if (!Double.isFinite(g[i])) {
                return "gradient entry " + i + " became " + g[i] + " at iteration " + iteration;
            }
        }
        return null;
    }

    /// @return $\|g\|_2$, without overflow for large entries
    static double norm(double[] g) {
        double scale = 0;
        for (double v : g) {
            scale = Math.max(scale, Math.abs(v));
        }
        if (scale == 0 || !Double.isFinite(scale)) {
            return scale;
        }
        double s = 0;
        for (double v : g) {
            double r = v / scale;
            s += r * r;
        }
        return scale * Math.sqrt(s);
    }
}
