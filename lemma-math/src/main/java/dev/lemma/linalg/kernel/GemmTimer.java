package dev.lemma.linalg.kernel;

/// How `lemma bench gemm` and the lab's GEMM experiment time a kernel and check its product, in one
/// place so that both measure the same way.
///
/// A timed run repeats $C = AB$ on square matrices until a minimum time has passed, so that even the
/// smallest sizes are timed over many products, long against `System.nanoTime`'s resolution and the
/// loop's own overhead. Speed is then $2n^3 / t$ floating-point operations per second.
public final class GemmTimer {
    private GemmTimer() {}

    /// Repeats $C = AB$ (all $n \times n$, row-major) for at least `minNanos` (at least once).
    ///
    /// @param step the kernel
    /// @param n the size
    /// @param a the left factor, `n*n` entries
    /// @param b the right factor, `n*n` entries
    /// @param c the product, overwritten
    /// @param minNanos the least time to run for
    /// @return the seconds per product
    public static double secondsPerProduct(GemmKernel step, int n, double[] a, double[] b, double[] c, long minNanos) {
        long start = System.nanoTime();
        long elapsed;
        int calls = 0;
        do {
            step.gemm(n, n, n, 1.0, a, 0, n, b, 0, n, 0.0, c, 0, n);
            calls++;
            elapsed = System.nanoTime() - start;
        } while (elapsed < minNanos);
        return elapsed / 1e9 / calls;
    }

    /// The speed of one product of size `n` that took `seconds`.
    ///
    /// @param n the size
    /// @param seconds the time per product
    /// @return $2n^3 / (10^9 t)$
    public static double gflops(int n, double seconds) {
        return 2.0 * n * n * n / seconds / 1e9;
    }

    /// The largest entrywise difference $\max_i |x_i - y_i|$; a NaN on either side counts as the
    /// largest difference there is (the result is then NaN).
    ///
    /// @param x one result
    /// @param y the other, as long
    /// @return the largest difference
    public static double maxDifference(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("results of different lengths: " + x.length + " and " + y.length);
        }
        double max = 0;
        for (int i = 0; i < x.length; i++) {
            double d = Math.abs(x[i] - y[i]);
            if (Double.isNaN(d)) {
                return Double.NaN; // a NaN counts as the largest difference, whatever follows it
            }
            max = Math.max(max, d);
        }
        return max;
    }
}
