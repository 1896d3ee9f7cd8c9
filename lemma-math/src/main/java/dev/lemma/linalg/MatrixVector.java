package dev.lemma.linalg;

import dev.lemma.linalg.kernel.Gemm;

/// Matrix–vector products on row-major blocks, for the panel steps of the blocked reductions
/// ([Tridiagonal], [Bidiagonal]) and for loops over data that cannot afford [Matrix]'s compensated
/// products (a learner's loss, evaluated over every example many times): memory-bound loops, each
/// entry of the matrix read once, written with the Vector API when it is present ([SimdMatrixVector])
/// and as plain loops otherwise. Their error is the usual $\gamma_n \sum_j |a_{ij} x_j|$ of a dot
/// product, not the compensated one of [Matrix#times(Vector)].
///
/// Each block is `rows×cols` at `a[off]` with row stride `lda`; only `y` is modified.
///
/// Single-threaded on purpose: split over the two cores of the development machine by columns or
/// rows, a 1000×1000 product took 145–170 µs against 136 µs on one (it already reads about 60 GB/s
/// from L3, and the second core was busy with other work).
public final class MatrixVector {
    private static final boolean SIMD = Gemm.simdAvailable();

    private MatrixVector() {}

    /// $y \leftarrow A^\top x$: `y[yOff .. yOff+cols)` gets $\sum_r x_r A_{r,\cdot}$, a sum of rows
    /// (for a symmetric $A$ this is $A x$), so the matrix is read along its rows.
    ///
    /// @param a the matrix's array
    /// @param off where its entry (0, 0) is
    /// @param lda the row stride
    /// @param rows the rows of the block
    /// @param cols the columns of the block
    /// @param x the vector's array, `rows` entries from `xOff`
    /// @param xOff where $x$ starts
    /// @param y the result's array, `cols` entries from `yOff`, overwritten
    /// @param yOff where $y$ starts
    public static void transposeTimes(
            double[] a, int off, int lda, int rows, int cols, double[] x, int xOff, double[] y, int yOff) {
        if (SIMD) {
            SimdMatrixVector.transposeTimes(a, off, lda, rows, cols, x, xOff, y, yOff);
        } else {
            transposeTimesPlain(a, off, lda, rows, cols, x, xOff, y, yOff);
        }
    }

    /// [#transposeTimes] as a plain loop: its specification, and the path without the Vector API.
    static void transposeTimesPlain(
            double[] a, int off, int lda, int rows, int cols, double[] x, int xOff, double[] y, int yOff) {
        java.util.Arrays.fill(y, yOff, yOff + cols, 0.0);
        for (int r = 0; r < rows; r++) {
            double xr = x[xOff + r];
            int row = off + r * lda;
            for (int j = 0; j < cols; j++) {
                y[yOff + j] += xr * a[row + j];
            }
        }
    }

    /// $y \leftarrow A x$: `y[yOff + r]` gets the dot product of row `r` with `x[xOff ..)`.
    ///
    /// @param a the matrix's array
    /// @param off where its entry (0, 0) is
    /// @param lda the row stride
    /// @param rows the rows of the block
    /// @param cols the columns of the block
    /// @param x the vector's array, `cols` entries from `xOff`
    /// @param xOff where $x$ starts
    /// @param y the result's array, `rows` entries from `yOff`, overwritten
    /// @param yOff where $y$ starts
    public static void times(
            double[] a, int off, int lda, int rows, int cols, double[] x, int xOff, double[] y, int yOff) {
        if (SIMD) {
            SimdMatrixVector.times(a, off, lda, rows, cols, x, xOff, y, yOff);
        } else {
            timesPlain(a, off, lda, rows, cols, x, xOff, y, yOff);
        }
    }

    /// [#times] as a plain loop: its specification, and the path without the Vector API.
    static void timesPlain(
            double[] a, int off, int lda, int rows, int cols, double[] x, int xOff, double[] y, int yOff) {
        for (int r = 0; r < rows; r++) {
            y[yOff + r] = Dots.dot(a, off + r * lda, x, xOff, cols);
        }
    }
}
