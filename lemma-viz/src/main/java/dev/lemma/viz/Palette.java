package dev.lemma.viz;

import java.util.List;

/// The colours both renderers share, so that a chart looks the same in the browser and in the book:
/// the series colour cycle and the stops of each colour scale.
///
/// The cycle is Plotly's default (itself matplotlib's "tab10"); the scales are Plotly's own
/// definitions of Viridis, Greys and RdBu, copied from plotly.js `src/components/colorscale/scales.js`.
public final class Palette {
    private Palette() {}

    /// The colour cycle: the `k`-th series without a colour of its own gets entry `k mod 10`.
    private static final String[] CYCLE = {
        "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"
    };

    /// The colour of annotations that give none: a dark grey that reads on white and on Viridis.
    public static final String ANNOTATION = "#333333";

    // Stops as (position, 0xRRGGBB), positions increasing from 0 to 1.
    private static final double[] VIRIDIS_AT = {
        0,
        0.06274509803921569,
        0.12549019607843137,
        0.18823529411764706,
        0.25098039215686274,
        0.3137254901960784,
        0.3764705882352941,
        0.4392156862745098,
        0.5019607843137255,
        0.5647058823529412,
        0.6274509803921569,
        0.6901960784313725,
        0.7529411764705882,
        0.8156862745098039,
        0.8784313725490196,
        0.9411764705882353,
        1
    };
    private static final int[] VIRIDIS_RGB = {
        0x440154, 0x48186a, 0x472d7b, 0x424086, 0x3b528b, 0x33638d, 0x2c728e, 0x26828e, 0x21918c, 0x1fa088, 0x28ae80,
        0x3fbc73, 0x5ec962, 0x84d44b, 0xaddc30, 0xd8e219, 0xfde725
    };
    private static final double[] GREYS_AT = {0, 1};
    private static final int[] GREYS_RGB = {0x000000, 0xffffff};
    private static final double[] RDBU_AT = {0, 0.35, 0.5, 0.6, 0.7, 1};
    private static final int[] RDBU_RGB = {0x050aac, 0x6a89dc, 0xbebebe, 0xdcaa84, 0xe6915a, 0xb20a18};

    /// The `k`-th colour of the cycle.
    ///
    /// @param k any non-negative index
    /// @return `#rrggbb`
    public static String cycle(int k) {
        return CYCLE[Math.floorMod(k, CYCLE.length)];
    }

    /// Plotly's name of a colour scale.
    ///
    /// @param scale the scale
    /// @return `Viridis`, `Greys` or `RdBu`
    public static String plotlyName(ColorScale scale) {
        return switch (scale) {
            case VIRIDIS -> "Viridis";
            case GRAYS -> "Greys";
            case RED_BLUE -> "RdBu";
        };
    }

    /// The colour at position `t` of a scale, interpolated linearly in RGB between its stops as
    /// Plotly does.
    ///
    /// @param scale the scale
    /// @param t the position, clipped to `[0, 1]`; NaN is not allowed
    /// @return the colour as `0xRRGGBB`
    public static int rgb(ColorScale scale, double t) {
        double[] at = switch (scale) {
            case VIRIDIS -> VIRIDIS_AT;
            case GRAYS -> GREYS_AT;
            case RED_BLUE -> RDBU_AT;
        };
        int[] rgb = switch (scale) {
            case VIRIDIS -> VIRIDIS_RGB;
            case GRAYS -> GREYS_RGB;
            case RED_BLUE -> RDBU_RGB;
        };
        double s = Math.min(1, Math.max(0, t));
        int k = 1;
        while (k < at.length - 1 && at[k] < s) {
            k++;
        }
        double f = (s - at[k - 1]) / (at[k] - at[k - 1]);
        int out = 0;
        for (int shift = 16; shift >= 0; shift -= 8) {
            int a = rgb[k - 1] >> shift & 0xff;
            int b = rgb[k] >> shift & 0xff;
            out |= (int) Math.round(a + f * (b - a)) << shift;
        }
        return out;
    }

    /// The value range a scale spans for the finite values of a grid: their minimum and maximum, or,
    /// for the diverging [ColorScale#RED_BLUE], `[-m, m]` with `m` the largest magnitude so that zero
    /// sits at the middle (Plotly's `zmid = 0`).
    ///
    /// @param scale the scale
    /// @param z the grid
    /// @return `{lo, hi}` with `lo < hi`; `{0, 1}` if there is no finite value, and a unit-wide range
    ///     around a constant
    public static double[] range(ColorScale scale, double[][] z) {
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
        if (lo > hi) {
            return new double[] {0, 1};
        }
        if (scale == ColorScale.RED_BLUE) {
            double m = Math.max(Math.abs(lo), Math.abs(hi));
            return m == 0 ? new double[] {-1, 1} : new double[] {-m, m};
        }
        return lo == hi ? new double[] {lo - 0.5, hi + 0.5} : new double[] {lo, hi};
    }

    /// The colour of each series: its style's colour, or else the next colour of the cycle. Series
    /// drawn through a colour scale (contour, heatmap, surface) and images take no colour and do not
    /// advance the cycle.
    ///
    /// @param series the series of a chart, in order
    /// @return one `#rrggbb` per series, null for those without a colour
    public static String[] seriesColors(List<Series> series) {
        String[] colors = new String[series.size()];
        int next = 0;
        for (int k = 0; k < colors.length; k++) {
            Style style = switch (series.get(k)) {
                case Series.Line s -> s.style();
                case Series.Scatter s -> s.style();
                case Series.Bar s -> s.style();
                case Series.Histogram s -> s.style();
                case Series.VectorField s -> s.style();
                case Series.Contour s -> null;
                case Series.Heatmap s -> null;
                case Series.Surface s -> null;
                case Series.Image s -> null;
            };
            if (style != null) {
                colors[k] = style.color() != null ? style.color() : cycle(next++);
            }
        }
        return colors;
    }

    /// Parses `#rrggbb`.
    ///
    /// @param hex the colour
    /// @return `0xRRGGBB`
    static int parse(String hex) {
        return Integer.parseInt(hex.substring(1), 16);
    }

    /// Formats `0xRRGGBB` as `#rrggbb`.
    ///
    /// @param rgb the colour
    /// @return the hex string
    static String hex(int rgb) {
        return String.format("#%06x", rgb & 0xffffff);
    }
}
