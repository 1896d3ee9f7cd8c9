package dev.lemma.viz;

import java.util.List;

/// One set of data drawn in a chart. Each kind is a record of plain numbers; arrays are copied in
/// and out, so a series never changes once built.
///
/// Grids (contour, heatmap, surface) follow Plotly's convention: `z[i][j]` is the value at
/// `(x[j], y[i])`, so `z` has `y.length` rows of `x.length` values.
///
/// The records hold arrays, copied in by the constructor and out by the accessors, so that a series
/// is immutable. Their `equals` is therefore identity; compare two charts through a renderer's output
/// (their Plotly JSON) instead.
public sealed interface Series
        permits Series.Line,
                Series.Scatter,
                Series.Bar,
                Series.Histogram,
                Series.Contour,
                Series.Heatmap,
                Series.Surface,
                Series.VectorField,
                Series.Image {

    /// The name shown in the legend and on hover (may be empty).
    ///
    /// @return the name
    String name();

    /// Points joined by straight segments; a NaN in `y` breaks the line.
    ///
    /// @param name the legend entry
    /// @param x the abscissae
    /// @param y the ordinates, as many as `x`
    /// @param style colour, width and dash
    @SuppressWarnings("ArrayRecordComponent") // copied in and out; see the interface
    record Line(String name, double[] x, double[] y, Style style) implements Series {
        /// Checks and copies the data.
        ///
        /// @throws IllegalArgumentException if the lengths differ or a value is infinite
        public Line {
            Validation.notNull("name", name);
            x = Validation.finiteCopy("line '" + name + "' x", x, false);
            y = Validation.finiteCopy("line '" + name + "' y", y, true);
            Validation.sameLength("line '" + name + "'", x, "x", y, "y");
            Validation.notNull("style", style);
        }

        /// A line in the renderer's next colour.
        ///
        /// @param name the legend entry
        /// @param x the abscissae
        /// @param y the ordinates
        /// @return the series
        public static Line of(String name, double[] x, double[] y) {
            return new Line(name, x, y, Style.AUTO);
        }

        @Override
        public double[] x() {
            return x.clone();
        }

        @Override
        public double[] y() {
            return y.clone();
        }
    }

    /// Unjoined markers, each with an optional hover label.
    ///
    /// @param name the legend entry
    /// @param x the abscissae
    /// @param y the ordinates, as many as `x`
    /// @param labels one label per point, or an empty list
    /// @param style marker colour and size
    @SuppressWarnings("ArrayRecordComponent") // copied in and out; see the interface
    record Scatter(String name, double[] x, double[] y, List<String> labels, Style style) implements Series {
        /// Checks and copies the data.
        ///
        /// @throws IllegalArgumentException if the lengths differ or a value is not finite
        public Scatter {
            Validation.notNull("name", name);
            x = Validation.finiteCopy("scatter '" + name + "' x", x, false);
            y = Validation.finiteCopy("scatter '" + name + "' y", y, false);
            Validation.sameLength("scatter '" + name + "'", x, "x", y, "y");
            labels = List.copyOf(labels);
            if (!labels.isEmpty() && labels.size() != x.length) {
                throw new IllegalArgumentException(
                        "scatter '" + name + "': " + labels.size() + " labels for " + x.length + " points");
            }
            Validation.notNull("style", style);
        }

        /// Markers without labels in the renderer's next colour.
        ///
        /// @param name the legend entry
        /// @param x the abscissae
        /// @param y the ordinates
        /// @return the series
        public static Scatter of(String name, double[] x, double[] y) {
            return new Scatter(name, x, y, List.of(), Style.AUTO);
        }

        @Override
        public double[] x() {
            return x.clone();
        }

        @Override
        public double[] y() {
            return y.clone();
        }
    }

    /// One bar per category.
    ///
    /// @param name the legend entry
    /// @param categories the bar labels
    /// @param values the bar heights, one per category
    /// @param style the bar colour
    @SuppressWarnings("ArrayRecordComponent") // copied in and out; see the interface
    record Bar(String name, List<String> categories, double[] values, Style style) implements Series {
        /// Checks and copies the data.
        ///
        /// @throws IllegalArgumentException if the counts differ or a value is not finite
        public Bar {
            Validation.notNull("name", name);
            categories = List.copyOf(categories);
            values = Validation.finiteCopy("bar '" + name + "' values", values, false);
            if (categories.size() != values.length) {
                throw new IllegalArgumentException(
                        "bar '" + name + "': " + categories.size() + " categories but " + values.length + " values");
            }
            Validation.notNull("style", style);
        }

        @Override
        public double[] values() {
            return values.clone();
        }
    }

    /// Counts of values in consecutive bins `[edges[i], edges[i+1])` (the last bin closed).
    ///
    /// @param name the legend entry
    /// @param edges the bin edges, strictly increasing, one more than the counts
    /// @param counts the count (or density) of each bin
    /// @param style the bar colour
    @SuppressWarnings("ArrayRecordComponent") // copied in and out; see the interface
    record Histogram(String name, double[] edges, double[] counts, Style style) implements Series {
        /// Checks and copies the data.
        ///
        /// @throws IllegalArgumentException if the edges do not increase or do not number one more
        ///     than the counts, or a count is negative
        public Histogram {
            Validation.notNull("name", name);
            edges = Validation.finiteCopy("histogram '" + name + "' edges", edges, false);
            counts = Validation.finiteCopy("histogram '" + name + "' counts", counts, false);
            if (edges.length != counts.length + 1) {
                throw new IllegalArgumentException("histogram '" + name + "': " + edges.length + " edges for "
                        + counts.length + " bins (need one more edge than bins)");
            }
            for (int i = 1; i < edges.length; i++) {
                if (!(edges[i] > edges[i - 1])) {
                    throw new IllegalArgumentException("histogram '" + name + "': edges[" + i + "] = " + edges[i]
                            + " is not above edges[" + (i - 1) + "] = " + edges[i - 1]);
                }
            }
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] < 0) {
                    throw new IllegalArgumentException(
                            "histogram '" + name + "': counts[" + i + "] = " + counts[i] + " is negative");
                }
            }
            Validation.notNull("style", style);
        }

        /// Bins `data` into `bins` equal-width bins spanning its minimum to its maximum.
        ///
        /// @param name the legend entry
        /// @param data the values, all finite, at least one
        /// @param bins the number of bins, at least 1
        /// @return the histogram of counts
        /// @throws IllegalArgumentException if `data` is empty or not finite, or `bins < 1`
        public static Histogram of(String name, double[] data, int bins) {
            double[] values = Validation.finiteCopy("histogram '" + name + "' data", data, false);
            if (values.length == 0 || bins < 1) {
                throw new IllegalArgumentException("histogram '" + name + "' needs data and at least one bin, got "
                        + values.length + " values and " + bins + " bins");
            }
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (double v : values) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            if (lo == hi) { // one distinct value: a unit-wide bin centred on it
                lo -= 0.5;
                hi += 0.5;
            }
            double[] edges = new double[bins + 1];
            for (int i = 0; i <= bins; i++) {
                edges[i] = lo + (hi - lo) * i / bins;
            }
            edges[bins] = hi;
            double[] counts = new double[bins];
            for (double v : values) {
                int bin = (int) ((v - lo) / (hi - lo) * bins);
                counts[Math.min(Math.max(bin, 0), bins - 1)]++;
            }
            return new Histogram(name, edges, counts, Style.AUTO);
        }

        @Override
        public double[] edges() {
            return edges.clone();
        }

        @Override
        public double[] counts() {
            return counts.clone();
        }
    }

    /// Level curves of `z` over a grid.
    ///
    /// @param name the legend entry
    /// @param x the grid's abscissae, increasing
    /// @param y the grid's ordinates, increasing
    /// @param z the values, `y.length` rows of `x.length`; NaN marks a missing value
    /// @param levels the levels to draw, increasing; empty lets the renderer choose about ten
    @SuppressWarnings("ArrayRecordComponent") // copied in and out; see the interface
    record Contour(String name, double[] x, double[] y, double[][] z, double[] levels) implements Series {
        /// Checks and copies the data.
        ///
        /// @throws IllegalArgumentException if the grid's shape disagrees with `x` and `y`
        public Contour {
            Validation.notNull("name", name);
            x = Validation.finiteCopy("contour '" + name + "' x", x, false);
            y = Validation.finiteCopy("contour '" + name + "' y", y, false);
            z = Validation.grid("contour '" + name + "'", x, y, z, true);
            levels = Validation.finiteCopy("contour '" + name + "' levels", levels, false);
        }

        @Override
        public double[] x() {
            return x.clone();
        }

        @Override
        public double[] y() {
            return y.clone();
        }

        @Override
        public double[][] z() {
            return Validation.copy(z);
        }

        @Override
        public double[] levels() {
            return levels.clone();
        }
    }

    /// Values over a grid shown as colours.
    ///
    /// @param name the legend entry
    /// @param x the cell centres along the horizontal axis
    /// @param y the cell centres along the vertical axis
    /// @param z the values, `y.length` rows of `x.length`; NaN leaves a cell blank
    /// @param colorScale the colour scale
    @SuppressWarnings("ArrayRecordComponent") // copied in and out; see the interface
    record Heatmap(String name, double[] x, double[] y, double[][] z, ColorScale colorScale) implements Series {
        /// Checks and copies the data.
        ///
        /// @throws IllegalArgumentException if the grid's shape disagrees with `x` and `y`
        public Heatmap {
            Validation.notNull("name", name);
            x = Validation.finiteCopy("heatmap '" + name + "' x", x, false);
            y = Validation.finiteCopy("heatmap '" + name + "' y", y, false);
            z = Validation.grid("heatmap '" + name + "'", x, y, z, true);
            Validation.notNull("colorScale", colorScale);
        }

        @Override
        public double[] x() {
            return x.clone();
        }

        @Override
        public double[] y() {
            return y.clone();
        }

        @Override
        public double[][] z() {
            return Validation.copy(z);
        }
    }

    /// A surface `z = f(x, y)` over a grid, drawn in 3-D where the renderer can.
    ///
    /// @param name the legend entry
    /// @param x the grid's abscissae, increasing
    /// @param y the grid's ordinates, increasing
    /// @param z the heights, `y.length` rows of `x.length`
    /// @param colorScale the colour scale of the heights
    @SuppressWarnings("ArrayRecordComponent") // copied in and out; see the interface
    record Surface(String name, double[] x, double[] y, double[][] z, ColorScale colorScale) implements Series {
        /// Checks and copies the data.
        ///
        /// @throws IllegalArgumentException if the grid's shape disagrees with `x` and `y`
        public Surface {
            Validation.notNull("name", name);
            x = Validation.finiteCopy("surface '" + name + "' x", x, false);
            y = Validation.finiteCopy("surface '" + name + "' y", y, false);
            z = Validation.grid("surface '" + name + "'", x, y, z, false);
            Validation.notNull("colorScale", colorScale);
        }

        @Override
        public double[] x() {
            return x.clone();
        }

        @Override
        public double[] y() {
            return y.clone();
        }

        @Override
        public double[][] z() {
            return Validation.copy(z);
        }
    }

    /// Arrows: at each point `(x[i], y[i])` the vector `(u[i], v[i])`, drawn as given (no rescaling).
    ///
    /// @param name the legend entry
    /// @param x the arrows' tails, abscissae
    /// @param y the arrows' tails, ordinates
    /// @param u the horizontal components
    /// @param v the vertical components
    /// @param style the arrow colour and width
    @SuppressWarnings("ArrayRecordComponent") // copied in and out; see the interface
    record VectorField(String name, double[] x, double[] y, double[] u, double[] v, Style style) implements Series {
        /// Checks and copies the data.
        ///
        /// @throws IllegalArgumentException if the lengths differ or a value is not finite
        public VectorField {
            Validation.notNull("name", name);
            String what = "vector field '" + name + "'";
            x = Validation.finiteCopy(what + " x", x, false);
            y = Validation.finiteCopy(what + " y", y, false);
            u = Validation.finiteCopy(what + " u", u, false);
            v = Validation.finiteCopy(what + " v", v, false);
            Validation.sameLength(what, x, "x", y, "y");
            Validation.sameLength(what, x, "x", u, "u");
            Validation.sameLength(what, x, "x", v, "v");
            Validation.notNull("style", style);
        }

        @Override
        public double[] x() {
            return x.clone();
        }

        @Override
        public double[] y() {
            return y.clone();
        }

        @Override
        public double[] u() {
            return u.clone();
        }

        @Override
        public double[] v() {
            return v.clone();
        }
    }

    /// A raster image, `height` rows of `width` pixels, each `0xRRGGBB`, drawn with its top-left pixel
    /// at the top left and one unit per pixel on both axes.
    ///
    /// @param name the legend entry
    /// @param width pixels per row
    /// @param height rows
    /// @param rgb the pixels, row by row from the top, `width × height` of them
    @SuppressWarnings("ArrayRecordComponent") // copied in and out; see the interface
    record Image(String name, int width, int height, int[] rgb) implements Series {
        /// Checks and copies the data.
        ///
        /// @throws IllegalArgumentException if the pixel count is not `width × height`
        public Image {
            Validation.notNull("name", name);
            Validation.notNull("rgb", rgb);
            if (width < 1 || height < 1 || (long) width * height != rgb.length) {
                throw new IllegalArgumentException(
                        "image '" + name + "' is " + width + "×" + height + " but has " + rgb.length + " pixels");
            }
            rgb = rgb.clone();
        }

        /// A grey-scale image from intensities in `[0, 1]` (values outside are clipped), `gray[r][c]`
        /// being row `r` from the top.
        ///
        /// @param name the legend entry
        /// @param gray the intensities, rows of equal length
        /// @return the image
        /// @throws IllegalArgumentException if the rows are ragged or a value is NaN
        public static Image gray(String name, double[][] gray) {
            int height = gray.length;
            int width = height == 0 ? 0 : gray[0].length;
            int[] rgb = new int[width * height];
            for (int r = 0; r < height; r++) {
                if (gray[r].length != width) {
                    throw new IllegalArgumentException("image '" + name + "': row " + r + " has " + gray[r].length
                            + " pixels but row 0 has " + width);
                }
                for (int c = 0; c < width; c++) {
                    double g = gray[r][c];
                    if (Double.isNaN(g)) {
                        throw new IllegalArgumentException("image '" + name + "': pixel (" + r + ", " + c + ") is NaN");
                    }
                    int level = (int) Math.round(255 * Math.min(1, Math.max(0, g)));
                    rgb[r * width + c] = level << 16 | level << 8 | level;
                }
            }
            return new Image(name, width, height, rgb);
        }

        @Override
        public int[] rgb() {
            return rgb.clone();
        }
    }
}
