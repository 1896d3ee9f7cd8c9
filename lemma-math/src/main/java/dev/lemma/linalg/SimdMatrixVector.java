package dev.lemma.linalg;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/// The Vector API versions of [MatrixVector]'s products.
///
/// What changed from the plain loops, and why: four rows are combined per pass, so each vector of
/// `y` (for $A^\top x$) is loaded and stored once per four rows instead of once per row, and each
/// vector of `x` (for $A x$) is loaded once for four dot products; the dot products keep vector
/// partial sums, which the plain loop cannot (the JIT does not reorder a floating-point sum). Both
/// loops are bound by reading the matrix, so the gain is that the arithmetic now keeps pace with
/// memory.
///
/// Rounding: sums are formed in a different order (by lanes, with `fma`), within the same
/// $\gamma_n \sum |a_{ij} x_j|$ bound.
///
/// This class links against `jdk.incubator.vector`: [MatrixVector] touches it only when the module
/// is present.
final class SimdMatrixVector {
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();

    private SimdMatrixVector() {}

    static void transposeTimes(
            double[] a, int off, int lda, int rows, int cols, double[] x, int xOff, double[] y, int yOff) {
        java.util.Arrays.fill(y, yOff, yOff + cols, 0.0);
        int vecEnd = cols - cols % LANES;
        int r = 0;
        for (; r + 3 < rows; r += 4) {
            double x0 = x[xOff + r];
            double x1 = x[xOff + r + 1];
            double x2 = x[xOff + r + 2];
            double x3 = x[xOff + r + 3];
            DoubleVector b0 = DoubleVector.broadcast(SPECIES, x0);
            DoubleVector b1 = DoubleVector.broadcast(SPECIES, x1);
            DoubleVector b2 = DoubleVector.broadcast(SPECIES, x2);
            DoubleVector b3 = DoubleVector.broadcast(SPECIES, x3);
            int r0 = off + r * lda;
            int r1 = r0 + lda;
            int r2 = r1 + lda;
            int r3 = r2 + lda;
            int j = 0;
            for (; j < vecEnd; j += LANES) {
                DoubleVector acc = DoubleVector.fromArray(SPECIES, y, yOff + j);
                acc = DoubleVector.fromArray(SPECIES, a, r0 + j).fma(b0, acc);
                acc = DoubleVector.fromArray(SPECIES, a, r1 + j).fma(b1, acc);
                acc = DoubleVector.fromArray(SPECIES, a, r2 + j).fma(b2, acc);
                acc = DoubleVector.fromArray(SPECIES, a, r3 + j).fma(b3, acc);
                acc.intoArray(y, yOff + j);
            }
            for (; j < cols; j++) {
                y[yOff + j] += x0 * a[r0 + j] + x1 * a[r1 + j] + x2 * a[r2 + j] + x3 * a[r3 + j];
            }
        }
        for (; r < rows; r++) {
            double xr = x[xOff + r];
            DoubleVector br = DoubleVector.broadcast(SPECIES, xr);
            int row = off + r * lda;
            int j = 0;
            for (; j < vecEnd; j += LANES) {
                DoubleVector acc = DoubleVector.fromArray(SPECIES, y, yOff + j);
                DoubleVector.fromArray(SPECIES, a, row + j).fma(br, acc).intoArray(y, yOff + j);
            }
            for (; j < cols; j++) {
                y[yOff + j] += xr * a[row + j];
            }
        }
    }

    static void times(double[] a, int off, int lda, int rows, int cols, double[] x, int xOff, double[] y, int yOff) {
        int vecEnd = cols - cols % LANES;
        int r = 0;
        for (; r + 3 < rows; r += 4) {
            int r0 = off + r * lda;
            int r1 = r0 + lda;
            int r2 = r1 + lda;
            int r3 = r2 + lda;
            DoubleVector s0 = DoubleVector.zero(SPECIES);
            DoubleVector s1 = s0;
            DoubleVector s2 = s0;
            DoubleVector s3 = s0;
            int j = 0;
            for (; j < vecEnd; j += LANES) {
                DoubleVector xv = DoubleVector.fromArray(SPECIES, x, xOff + j);
                s0 = DoubleVector.fromArray(SPECIES, a, r0 + j).fma(xv, s0);
                s1 = DoubleVector.fromArray(SPECIES, a, r1 + j).fma(xv, s1);
                s2 = DoubleVector.fromArray(SPECIES, a, r2 + j).fma(xv, s2);
                s3 = DoubleVector.fromArray(SPECIES, a, r3 + j).fma(xv, s3);
            }
            double t0 = s0.reduceLanes(VectorOperators.ADD);
            double t1 = s1.reduceLanes(VectorOperators.ADD);
            double t2 = s2.reduceLanes(VectorOperators.ADD);
            double t3 = s3.reduceLanes(VectorOperators.ADD);
            for (; j < cols; j++) {
                double xj = x[xOff + j];
                t0 += a[r0 + j] * xj;
                t1 += a[r1 + j] * xj;
                t2 += a[r2 + j] * xj;
                t3 += a[r3 + j] * xj;
            }
            y[yOff + r] = t0;
            y[yOff + r + 1] = t1;
            y[yOff + r + 2] = t2;
            y[yOff + r + 3] = t3;
        }
        for (; r < rows; r++) {
            int row = off + r * lda;
            DoubleVector s0 = DoubleVector.zero(SPECIES);
            int j = 0;
            for (; j < vecEnd; j += LANES) {
                s0 = DoubleVector.fromArray(SPECIES, a, row + j).fma(DoubleVector.fromArray(SPECIES, x, xOff + j), s0);
            }
            double t0 = s0.reduceLanes(VectorOperators.ADD);
            for (; j < cols; j++) {
                t0 += a[row + j] * x[xOff + j];
            }
            y[yOff + r] = t0;
        }
    }
}
