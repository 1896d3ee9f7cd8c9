package dev.lemma.experiments.optim;

import dev.lemma.experiments.Format;
import dev.lemma.optim.Objective;
import dev.lemma.optim.OptimizationResult;
import dev.lemma.viz.Series;
import dev.lemma.viz.Style;
import java.util.Arrays;
import java.util.List;

/// What the chapter's experiments draw alike: the level sets of a 2-D function over a window, an
/// optimiser's path over them, and its excess value $f(x_k) - f^\star$ for a logarithmic axis.
final class Landscape {
    private Landscape() {}

    /// Grid points per side of the contour plots: 101 × 101 values, a few milliseconds.
    static final int GRID = 101;

    /// Level sets drawn.
    static final int LEVELS = 16;

    /// A path stops being drawn where it leaves the window by this many window widths: beyond that the
    /// points say only "it went away", and coordinates like $10^{200}$ would upset the renderers.
    static final double FAR = 100;

    /// A window `{xmin, xmax, ymin, ymax}` that holds `box` and every given point, with a margin.
    ///
    /// @param box the function's own window
    /// @param points points that must be visible (e.g. the start), `{x, y}` each
    /// @return the window
    static double[] window(double[] box, List<double[]> points) {
        double[] w = box.clone();
        double margin = 0.05 * Math.max(box[1] - box[0], box[3] - box[2]);
        for (double[] p : points) {
            w[0] = Math.min(w[0], p[0] - margin);
            w[1] = Math.max(w[1], p[0] + margin);
            w[2] = Math.min(w[2], p[1] - margin);
            w[3] = Math.max(w[3], p[1] + margin);
        }
        return w;
    }

    /// Evenly spaced grid coordinates from `lo` to `hi`.
    static double[] axis(double lo, double hi) {
        double[] a = new double[GRID];
        for (int i = 0; i < GRID; i++) {
            a[i] = lo + (hi - lo) * i / (GRID - 1);
        }
        return a;
    }

    /// The level sets of `f` over the window. With `logarithmic` the levels are $f^\star + 10^{t}$ for
    /// $t$ evenly spaced between the 1st and 97th percentiles of $\log_{10}(f - f^\star)$ on the grid,
    /// which suits functions whose values span decades (Rosenbrock's valley floor is $10^{-2}$, its
    /// walls $10^{3}$); otherwise they are evenly spaced between the same percentiles of $f$.
    ///
    /// @param name the legend entry
    /// @param f the function
    /// @param fStar its minimum (or the smallest value known), the base of the logarithmic levels
    /// @param w the window
    /// @param logarithmic whether to space the levels logarithmically above $f^\star$
    /// @return the contour series
    static Series.Contour contour(String name, Objective f, double fStar, double[] w, boolean logarithmic) {
        double[] gx = axis(w[0], w[1]);
        double[] gy = axis(w[2], w[3]);
        double[][] z = new double[GRID][GRID];
        double[] sorted = new double[GRID * GRID];
        int finite = 0;
        for (int i = 0; i < GRID; i++) {
            for (int j = 0; j < GRID; j++) {
                double v = f.value(new double[] {gx[j], gy[i]});
                z[i][j] = Double.isFinite(v) ? v : Double.NaN;
                if (Double.isFinite(v)) {
                    sorted[finite++] = logarithmic ? Math.log10(Math.max(v - fStar, 1e-300)) : v;
                }
            }
        }
        double[] values = Arrays.copyOf(sorted, finite);
        Arrays.sort(values);
        double lo = values[(int) (0.01 * (finite - 1))];
        double hi = values[(int) (0.97 * (finite - 1))];
        if (logarithmic) {
            lo = Math.max(lo, hi - 8); // eight decades at most: below that the rings crowd the minimiser
        }
        if (!(hi > lo)) {
            hi = lo + 1;
        }
        double[] levels = new double[LEVELS];
        for (int l = 0; l < LEVELS; l++) {
            double t = lo + (hi - lo) * l / (LEVELS - 1);
            levels[l] = logarithmic ? fStar + Math.pow(10, t) : t;
        }
        return new Series.Contour(name, gx, gy, z, levels);
    }

    /// How many of the trajectory's points are drawn: all up to the first that is not finite or lies
    /// more than [#FAR] window widths outside the window.
    static int drawable(List<double[]> trajectory, double[] w) {
        double reach = FAR * Math.max(w[1] - w[0], w[3] - w[2]);
        for (int k = 0; k < trajectory.size(); k++) {
            double[] p = trajectory.get(k);
            if (!(Double.isFinite(p[0]) && Double.isFinite(p[1]))
                    || p[0] < w[0] - reach
                    || p[0] > w[1] + reach
                    || p[1] < w[2] - reach
                    || p[1] > w[3] + reach) {
                return k;
            }
        }
        return trajectory.size();
    }

    /// The path of a run over the contour plot: its iterates joined in order, up to [#drawable].
    static Series.Line path(String name, OptimizationResult r, double[] w, Style style) {
        int n = drawable(r.trajectory(), w);
        double[] x = new double[n];
        double[] y = new double[n];
        for (int k = 0; k < n; k++) {
            x[k] = r.trajectory().get(k)[0];
            y[k] = r.trajectory().get(k)[1];
        }
        return new Series.Line(name, x, y, style);
    }

    /// $f(x_k) - f^\star$ for a logarithmic axis: NaN (a gap) where it is not positive or not finite.
    static double[] excess(double[] values, double fStar) {
        double[] e = new double[values.length];
        for (int k = 0; k < values.length; k++) {
            double d = values[k] - fStar;
            e[k] = d > 0 && Double.isFinite(d) ? d : Double.NaN;
        }
        return e;
    }

    /// Positive and finite values kept, the rest NaN: what a logarithmic axis can show.
    static double[] positive(double[] values) {
        double[] e = new double[values.length];
        for (int k = 0; k < values.length; k++) {
            e[k] = values[k] > 0 && Double.isFinite(values[k]) ? values[k] : Double.NaN;
        }
        return e;
    }

    /// $0, 1, \dots, n - 1$.
    static double[] iterations(int n) {
        double[] k = new double[n];
        for (int i = 0; i < n; i++) {
            k[i] = i;
        }
        return k;
    }

    /// $\|x - y\|_2$.
    static double distance(double[] x, double[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += (x[i] - y[i]) * (x[i] - y[i]);
        }
        return Math.sqrt(s);
    }

    /// The distance from `x` to the nearest of the minimisers (NaN if none is known).
    static double nearest(double[] x, List<double[]> minimizers) {
        double best = Double.NaN;
        for (double[] m : minimizers) {
            double d = distance(x, m);
            if (!(d >= best)) {
                best = d;
            }
        }
        return best;
    }

    /// The eigenvalues of the symmetric 2 × 2 matrix `{{a, b}, {b, c}}`, smaller first, in closed form.
    static double[] eigenvalues2(double a, double b, double c) {
        double mean = 0.5 * (a + c);
        double radius = Math.hypot(0.5 * (a - c), b);
        return new double[] {mean - radius, mean + radius};
    }

    /// A table cell for a number that may not be finite: the number, or a dash.
    static Object cell(double v) {
        return Double.isFinite(v) ? (Object) v : "—";
    }

    /// A number for plain text (chart titles, table captions): four significant digits, `1.23e-08` style
    /// outside $[10^{-3}, 10^5)$ instead of [Format#num]'s LaTeX.
    static String plain(double x) {
        double a = Math.abs(x);
        return x == 0 || (a >= 1e-3 && a < 1e5) || !Double.isFinite(x) ? Format.num(x) : Format.plain(x);
    }
}
