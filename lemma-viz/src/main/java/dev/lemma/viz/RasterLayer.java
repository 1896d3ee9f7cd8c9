package dev.lemma.viz;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;

/// Something the static renderer paints itself, under XChart's series, in data coordinates: the
/// cells of a heatmap (or of a surface seen from above) and the pixels of an image. XChart's own
/// `HeatMapChart` has category axes (one tick label per cell) and holds no other series, and its
/// `AnnotationImage` draws an image at its own pixel size on top of the series; neither fits a grid
/// drawn on numeric axes beneath lines and points.
sealed interface RasterLayer {

    /// Paints the layer once XChart has laid out the plot.
    ///
    /// @param g the graphics, clipped to the plot area
    /// @param screen where data land on screen in the laid-out plot
    void paint(Graphics2D g, Screen screen);

    /// The cells of a grid, each a rectangle between the midpoints of its neighbours' centres, in the
    /// colour of its value; NaN cells are left blank.
    ///
    /// @param x the cell centres along x, in plotting coordinates
    /// @param y the cell centres along y, in plotting coordinates (negated when y points down)
    /// @param z `y.length` rows of `x.length` values
    /// @param scale the colour scale
    /// @param lo the value at the bottom of the scale
    /// @param hi the value at its top
    /// @param logX whether the x axis is logarithmic (cell edges are then midpoints of logarithms)
    /// @param logY the same for y
    @SuppressWarnings("ArrayRecordComponent") // private to the renderer, built once and only read
    record Cells(
            double[] x, double[] y, double[][] z, ColorScale scale, double lo, double hi, boolean logX, boolean logY)
            implements RasterLayer {
        @Override
        public void paint(Graphics2D g, Screen screen) {
            double[] xe = edges(x, logX);
            double[] ye = edges(y, logY);
            int[] sx = new int[xe.length];
            int[] sy = new int[ye.length];
            for (int j = 0; j < xe.length; j++) {
                sx[j] = (int) Math.round(screen.x(xe[j]));
            }
            for (int i = 0; i < ye.length; i++) {
                sy[i] = (int) Math.round(screen.y(ye[i]));
            }
            if (evenlySpaced(sx) && evenlySpaced(sy)) {
                paintAsImage(g, sx, sy);
                return;
            }
            // Rounded shared edges and no antialiasing, so that neighbouring cells neither overlap
            // nor leave hairline seams.
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
            for (int i = 0; i < y.length; i++) {
                for (int j = 0; j < x.length; j++) {
                    double v = z[i][j];
                    if (Double.isNaN(v)) {
                        continue;
                    }
                    g.setColor(new Color(Palette.rgb(scale, (v - lo) / (hi - lo))));
                    int left = Math.min(sx[j], sx[j + 1]);
                    int top = Math.min(sy[i], sy[i + 1]);
                    g.fillRect(left, top, Math.abs(sx[j + 1] - sx[j]), Math.abs(sy[i + 1] - sy[i]));
                }
            }
        }

        /// A regular grid is one picture of one pixel per cell, stretched without smoothing: the same
        /// look as one rectangle per cell, but an SVG then holds one small embedded PNG instead of
        /// tens of thousands of rectangles (a 200 × 200 grid: 3.6 MB of SVG as rectangles).
        private void paintAsImage(Graphics2D g, int[] sx, int[] sy) {
            int n = x.length;
            int m = y.length;
            boolean leftToRight = sx[n] >= sx[0];
            boolean topDown = sy[m] >= sy[0];
            BufferedImage image = new BufferedImage(n, m, BufferedImage.TYPE_INT_ARGB);
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    double v = z[i][j];
                    int argb = Double.isNaN(v) ? 0 : 0xff000000 | Palette.rgb(scale, (v - lo) / (hi - lo));
                    image.setRGB(leftToRight ? j : n - 1 - j, topDown ? i : m - 1 - i, argb);
                }
            }
            int left = Math.min(sx[0], sx[n]);
            int top = Math.min(sy[0], sy[m]);
            new Picture(image, 0, 0, 0, 0).draw(g, left, top, Math.abs(sx[n] - sx[0]), Math.abs(sy[m] - sy[0]));
        }

        /// Whether the screen edges are evenly spaced to within a pixel, so that cells drawn as the
        /// pixels of one stretched image land where their own rectangles would.
        private static boolean evenlySpaced(int[] edges) {
            int n = edges.length - 1;
            for (int k = 1; k < n; k++) {
                double expected = edges[0] + (double) (edges[n] - edges[0]) * k / n;
                if (Math.abs(edges[k] - expected) > 1) {
                    return false;
                }
            }
            return true;
        }

        /// The `n + 1` cell boundaries of `n` centres, on a linear or a logarithmic axis: on a
        /// logarithmic one the midpoints are taken between logarithms, so that no edge falls at or
        /// below zero and the cells look even, as the axis shows them.
        static double[] edges(double[] c, boolean log) {
            if (!log) {
                return edges(c);
            }
            double[] logs = new double[c.length];
            for (int k = 0; k < c.length; k++) {
                logs[k] = Math.log10(c[k]);
            }
            double[] e = edges(logs);
            for (int k = 0; k < e.length; k++) {
                e[k] = Math.pow(10, e[k]);
            }
            return e;
        }

        /// The `n + 1` cell boundaries of `n` centres: midpoints inside, half a step beyond the ends.
        static double[] edges(double[] c) {
            int n = c.length;
            double[] e = new double[n + 1];
            if (n == 1) {
                e[0] = c[0] - 0.5;
                e[1] = c[0] + 0.5;
                return e;
            }
            for (int k = 1; k < n; k++) {
                e[k] = (c[k - 1] + c[k]) / 2;
            }
            e[0] = c[0] - (c[1] - c[0]) / 2;
            e[n] = c[n - 1] + (c[n - 1] - c[n - 2]) / 2;
            return e;
        }
    }

    /// Grid lines at the powers of ten of logarithmic axes, in place of XChart's lines at every tick.
    ///
    /// @param x whether to draw vertical lines at the decades of the x axis
    /// @param y whether to draw horizontal lines at the decades of the y axis
    /// @param color the lines' colour
    record DecadeGrid(boolean x, boolean y, Color color) implements RasterLayer {
        @Override
        public void paint(Graphics2D g, Screen screen) {
            Rectangle2D area = screen.area();
            g.setColor(color);
            g.setStroke(new BasicStroke(1));
            if (x) {
                for (double v : decades(screen.xLeft(), screen.xRight())) {
                    int px = (int) Math.round(screen.x(v));
                    g.drawLine(px, (int) area.getMinY(), px, (int) area.getMaxY());
                }
            }
            if (y) {
                for (double v : decades(screen.yBottom(), screen.yTop())) {
                    int py = (int) Math.round(screen.y(v));
                    g.drawLine((int) area.getMinX(), py, (int) area.getMaxX(), py);
                }
            }
        }

        private static double[] decades(double lo, double hi) {
            int first = (int) Math.ceil(Math.log10(Math.min(lo, hi)) - 1e-9);
            int last = (int) Math.floor(Math.log10(Math.max(lo, hi)) + 1e-9);
            double[] out = new double[Math.max(0, last - first + 1)];
            for (int k = 0; k < out.length; k++) {
                out[k] = Math.pow(10, first + k);
            }
            return out;
        }
    }

    /// An image stretched over the data rectangle `[x0, x1] × [y0, y1]` pixel for pixel, without
    /// smoothing, so each image pixel is a block of one colour.
    ///
    /// @param image the pixels
    /// @param x0 the data abscissa of the left edge
    /// @param y0 the data ordinate of the top edge
    /// @param x1 the data abscissa of the right edge
    /// @param y1 the data ordinate of the bottom edge
    record Picture(BufferedImage image, double x0, double y0, double x1, double y1) implements RasterLayer {
        @Override
        public void paint(Graphics2D g, Screen screen) {
            int left = (int) Math.round(screen.x(x0));
            int right = (int) Math.round(screen.x(x1));
            int top = (int) Math.round(screen.y(y0));
            int bottom = (int) Math.round(screen.y(y1));
            draw(g, left, top, right - left, bottom - top);
        }

        /// Draws the image into a screen rectangle, each pixel a solid block.
        void draw(Graphics2D g, int left, int top, int width, int height) {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
            g.drawImage(image, left, top, width, height, null);
        }
    }
}
