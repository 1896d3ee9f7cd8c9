package dev.lemma.info;

import java.util.SplittableRandom;

/// Seeded random probability vectors and joint tables for the property tests: normalised exponentials
/// $p_i \propto e^{3 g_i}$ of standard normal $g_i$ (so that entries spread over a few orders of
/// magnitude), with some entries set to exactly 0 when asked, to exercise $0 \log 0$.
final class RandomDistributions {
    private RandomDistributions() {}

    /// A probability vector of length `n`; with `zeros`, each entry is 0 with probability 1/4 (but at
    /// least one stays positive).
    static double[] vector(SplittableRandom random, int n, boolean zeros) {
        double[] p = new double[n];
        double sum = 0.0;
        for (int i = 0; i < n; i++) {
            p[i] = zeros && i > 0 && random.nextInt(4) == 0 ? 0.0 : Math.exp(3.0 * random.nextGaussian());
            sum += p[i];
        }
        for (int i = 0; i < n; i++) {
            p[i] /= sum;
        }
        return p;
    }

    /// A joint table with `rows` rows and `cols` columns, entries as in [#vector].
    static double[][] table(SplittableRandom random, int rows, int cols, boolean zeros) {
        double[] flat = vector(random, rows * cols, zeros);
        double[][] t = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(flat, i * cols, t[i], 0, cols);
        }
        return t;
    }

    /// The product table $p(x) q(y)$: two independent variables.
    static double[][] product(double[] px, double[] py) {
        double[][] t = new double[px.length][py.length];
        for (int i = 0; i < px.length; i++) {
            for (int j = 0; j < py.length; j++) {
                t[i][j] = px[i] * py[j];
            }
        }
        return t;
    }

    static double[] flatten(double[][] t) {
        double[] flat = new double[t.length * t[0].length];
        for (int i = 0; i < t.length; i++) {
            System.arraycopy(t[i], 0, flat, i * t[0].length, t[0].length);
        }
        return flat;
    }
}
