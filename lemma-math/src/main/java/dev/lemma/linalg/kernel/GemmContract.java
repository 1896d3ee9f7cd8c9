package dev.lemma.linalg.kernel;

import dev.lemma.numeric.Checks;

/// What every [GemmKernel] does before and around its loops: check the arguments, and apply $\beta$ to
/// `C`. Kept in one place so that every step of the staircase rejects the same bad input with the same
/// message, and treats $\beta = 0$ the same way.
final class GemmContract {
    private GemmContract() {}

    /// Checks that no dimension is negative.
    static void checkDimensions(int m, int n, int k) {
        Checks.nonNegative("m", m);
        Checks.nonNegative("n", n);
        Checks.nonNegative("k", k);
    }

    /// Checks the dimensions, the leading dimensions and that each block lies inside its array, so that
    /// a kernel fails before it writes anything rather than halfway through `C`.
    static void check(
            int m,
            int n,
            int k,
            double[] a,
            int aOffset,
            int lda,
            double[] b,
            int bOffset,
            int ldb,
            double[] c,
            int cOffset,
            int ldc) {
        checkDimensions(m, n, k);
        checkBlock("A", m, k, a, aOffset, lda);
        checkBlock("B", k, n, b, bOffset, ldb);
        checkBlock("C", m, n, c, cOffset, ldc);
    }

    private static void checkBlock(String name, int rows, int cols, double[] x, int offset, int ld) {
        Checks.argument(
                ld >= cols,
                "%s is %s but its leading dimension is %d (must be ≥ %d)",
                name,
                Checks.shape(rows, cols),
                ld,
                cols);
        if (rows == 0 || cols == 0) {
            return;
        }
        long last = (long) offset + (long) (rows - 1) * ld + cols - 1;
        Checks.argument(
                offset >= 0 && last < x.length,
                "%s is %s at offset %d with leading dimension %d, which needs index %d, but the array has"
                        + " length %d",
                name,
                Checks.shape(rows, cols),
                offset,
                ld,
                last,
                x.length);
    }

    /// $C \leftarrow \beta C$ on the `m×n` block; $\beta = 0$ writes zeros without reading `C`, and
    /// $\beta = 1$ leaves it untouched.
    static void scale(int m, int n, double beta, double[] c, int cOffset, int ldc) {
        if (beta == 1.0) {
            return;
        }
        for (int i = 0; i < m; i++) {
            int row = cOffset + i * ldc;
            if (beta == 0.0) {
                java.util.Arrays.fill(c, row, row + n, 0.0);
            } else {
                for (int j = 0; j < n; j++) {
                    c[row + j] *= beta;
                }
            }
        }
    }
}
