package dev.lemma.linalg;

/// Exact rescaling by powers of 2 before a decomposition, so that the squares formed inside it neither
/// overflow nor underflow (LAPACK's drivers do the same with `dlascl` when $\|A\|_{\max}$ lies outside
/// $[\sqrt{\text{safmin}}/\varepsilon, \sqrt{\text{safmax}}\,\varepsilon]$).
final class Scaling {
    private Scaling() {}

    /// Largest entries at or above $2^{500}$ or below $2^{-500}$ (but non-zero) trigger a rescaling.
    private static final int EXPONENT_LIMIT = 500;

    /// @return a power of 2, $s$, such that $s \max |a_{ij}|$ lies in $[1, 2)$ when $\max |a_{ij}|$ is
    ///     outside $[2^{-500}, 2^{500})$, otherwise 1 (a zero array gives 1)
    static double powerOfTwo(double[] a) {
        double max = 0.0;
        for (double x : a) {
            max = Math.max(max, Math.abs(x));
        }
        if (max == 0.0) {
            return 1.0;
        }
        int exponent = Math.getExponent(max);
        if (exponent < -EXPONENT_LIMIT || exponent >= EXPONENT_LIMIT) {
            return Math.scalb(1.0, -exponent);
        }
        return 1.0;
    }

    /// @return a copy of `a` times `scale` (exact: `scale` is a power of 2 that keeps entries normal)
    static double[] scaledCopy(double[] a, double scale) {
        double[] copy = a.clone();
        if (scale != 1.0) {
            for (int i = 0; i < copy.length; i++) {
                copy[i] *= scale;
            }
        }
        return copy;
    }
}
