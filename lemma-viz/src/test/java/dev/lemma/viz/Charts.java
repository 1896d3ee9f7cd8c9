package dev.lemma.viz;

import java.util.List;
import java.util.Random;

/// One small chart of each kind, shared by the renderer tests. Data are fixed or drawn from fixed
/// seeds.
final class Charts {
    private Charts() {}

    static final String RED = "#d62728";
    static final String BLUE = "#1f77b4";
    static final String GREEN = "#2ca02c";

    static double[] range(double lo, double hi, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = lo + (hi - lo) * i / (n - 1);
        }
        return v;
    }

    static double[][] paraboloid(double[] x, double[] y) {
        double[][] z = new double[y.length][x.length];
        for (int i = 0; i < y.length; i++) {
            for (int j = 0; j < x.length; j++) {
                z[i][j] = x[j] * x[j] + y[i] * y[i];
            }
        }
        return z;
    }

    static Series.Line line() {
        double[] x = range(0, 10, 50);
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = Math.sin(x[i]);
        }
        y[20] = Double.NaN;
        return new Series.Line("sine", x, y, new Style(RED, 3, Style.Dash.SOLID));
    }

    static Series.Scatter scatter() {
        Random random = new Random(42);
        double[] x = new double[30];
        double[] y = new double[30];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextGaussian();
            y[i] = random.nextGaussian();
        }
        List<String> labels =
                java.util.stream.IntStream.range(0, 30).mapToObj(i -> "p" + i).toList();
        return new Series.Scatter("points", x, y, labels, new Style(BLUE, 8, Style.Dash.SOLID));
    }

    static Series.Bar bar() {
        return new Series.Bar("counts", List.of("a", "b", "c"), new double[] {3, 5, 2}, Style.color(GREEN));
    }

    static Series.Histogram histogram() {
        Random random = new Random(7);
        double[] data = new double[500];
        for (int i = 0; i < data.length; i++) {
            data[i] = random.nextGaussian();
        }
        Series.Histogram h = Series.Histogram.of("normal", data, 12);
        return new Series.Histogram(h.name(), h.edges(), h.counts(), Style.color(GREEN));
    }

    static Series.Contour contour(double... levels) {
        double[] x = range(-2, 2, 41);
        double[] y = range(-2, 2, 41);
        return new Series.Contour("bowl", x, y, paraboloid(x, y), levels);
    }

    static Series.Heatmap heatmap(ColorScale scale) {
        double[] x = range(-2, 2, 21);
        double[] y = range(-1, 1, 11);
        double[][] z = new double[y.length][x.length];
        for (int i = 0; i < y.length; i++) {
            for (int j = 0; j < x.length; j++) {
                z[i][j] = x[j] * y[i];
            }
        }
        z[0][0] = Double.NaN;
        return new Series.Heatmap("product", x, y, z, scale);
    }

    static Series.Surface surface() {
        double[] x = range(-2, 2, 21);
        double[] y = range(-2, 2, 21);
        return new Series.Surface("bowl", x, y, paraboloid(x, y), ColorScale.VIRIDIS);
    }

    static Series.VectorField vectorField() {
        double[] x = {0, 1, 2, 0, 1, 2};
        double[] y = {0, 0, 0, 1, 1, 1};
        double[] u = {0.5, 0.5, 0.5, -0.5, -0.5, 0};
        double[] v = {0.5, 0, -0.5, 0.5, 0, 0};
        return new Series.VectorField("flow", x, y, u, v, new Style(RED, 2, Style.Dash.SOLID));
    }

    /// An 8×6 image: left half red, right half blue, bottom row green.
    static Series.Image image() {
        int w = 8;
        int h = 6;
        int[] rgb = new int[w * h];
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                rgb[r * w + c] = r == h - 1 ? 0x00ff00 : c < w / 2 ? 0xff0000 : 0x0000ff;
            }
        }
        return new Series.Image("picture", w, h, rgb);
    }

    static Chart of(String title, Series s) {
        return Chart.builder(title).add(s).build();
    }
}
