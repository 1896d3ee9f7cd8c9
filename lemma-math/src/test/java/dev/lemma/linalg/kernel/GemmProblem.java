package dev.lemma.linalg.kernel;

import dev.lemma.numeric.Tolerances;
import java.util.Arrays;
import java.util.SplittableRandom;

/// A random instance of $C \leftarrow \alpha A B + \beta C$ embedded in larger arrays (offsets, leading
/// dimensions wider than the blocks, sentinel values around them), so that a test sees whether a kernel
/// reads or writes outside its blocks.
/// (A class rather than a record: the arrays are compared by identity, not content.)
final class GemmProblem {
    private final int m;
    private final int n;
    private final int k;
    private final double alpha;
    private final double beta;
    private final double[] a;
    private final int aOffset;
    private final int lda;
    private final double[] b;
    private final int bOffset;
    private final int ldb;
    private final double[] c;
    private final int cOffset;
    private final int ldc;

    private GemmProblem(
            int m,
            int n,
            int k,
            double alpha,
            double beta,
            double[] a,
            int aOffset,
            int lda,
            double[] b,
            int bOffset,
            int ldb,
            double[] c,
            int cOffset,
            int ldc) {
        this.m = m;
        this.n = n;
        this.k = k;
        this.alpha = alpha;
        this.beta = beta;
        this.a = a;
        this.aOffset = aOffset;
        this.lda = lda;
        this.b = b;
        this.bOffset = bOffset;
        this.ldb = ldb;
        this.c = c;
        this.cOffset = cOffset;
        this.ldc = ldc;
    }

    int m() {
        return m;
    }

    int n() {
        return n;
    }

    int k() {
        return k;
    }

    double alpha() {
        return alpha;
    }

    double beta() {
        return beta;
    }

    double[] a() {
        return a;
    }

    int aOffset() {
        return aOffset;
    }

    int lda() {
        return lda;
    }

    double[] b() {
        return b;
    }

    int bOffset() {
        return bOffset;
    }

    int ldb() {
        return ldb;
    }

    double[] c() {
        return c;
    }

    int cOffset() {
        return cOffset;
    }

    int ldc() {
        return ldc;
    }

    /// The value outside the `C` block: a kernel that writes there is caught.
    static final double SENTINEL = -12345.678;

    /// A problem with entries uniform in $[-1, 1)$, padded leading dimensions and offsets.
    static GemmProblem random(int m, int n, int k, double alpha, double beta, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int lda = k + 3;
        int ldb = n + 5;
        int ldc = n + 2;
        int aOffset = 7;
        int bOffset = 11;
        int cOffset = 4;
        double[] a = filled(aOffset + m * lda + 3, random);
        double[] b = filled(bOffset + k * ldb + 3, random);
        double[] c = new double[cOffset + m * ldc + 3];
        Arrays.fill(c, SENTINEL);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                c[cOffset + i * ldc + j] = random.nextDouble(-1, 1);
            }
        }
        return new GemmProblem(m, n, k, alpha, beta, a, aOffset, lda, b, bOffset, ldb, c, cOffset, ldc);
    }

    private static double[] filled(int length, SplittableRandom random) {
        double[] x = new double[length];
        for (int i = 0; i < length; i++) {
            x[i] = random.nextDouble(-1, 1);
        }
        return x;
    }

    /// Runs `kernel` on copies of the arrays and returns the resulting `c` array (the whole array).
    double[] runOn(GemmKernel kernel) {
        double[] out = c.clone();
        kernel.gemm(m, n, k, alpha, a.clone(), aOffset, lda, b.clone(), bOffset, ldb, beta, out, cOffset, ldc);
        return out;
    }

    /// Entry $(i, j)$ of the `C` block within a `c` array.
    double at(double[] cArray, int i, int j) {
        return cArray[cOffset + i * ldc + j];
    }

    /// The rounding-error bound for entry $(i, j)$ of two kernels' results:
    /// $2(k + 2)u \, (|\alpha| \sum_p |a_{ip}||b_{pj}| + |\beta||c_{ij}|)$.
    ///
    /// Why: each kernel's sum of $k$ products has error at most $\gamma_k \sum_p |a_{ip} b_{pj}|$ with
    /// $\gamma_k = ku/(1 - ku)$, in any order of summation (Higham, *Accuracy and Stability of Numerical
    /// Algorithms*, 2nd ed., §3.5); scaling by $\alpha$ and adding $\beta c_{ij}$ add two roundings.
    /// Two results, each within that of the exact value, are within twice of each other. The factor
    /// is rounded up from $k + 2$ to absorb the $O(u^2)$ terms.
    double errorBound(int i, int j) {
        double sum = 0;
        for (int p = 0; p < k; p++) {
            sum += Math.abs(a[aOffset + i * lda + p] * b[bOffset + p * ldb + j]);
        }
        double old = beta == 0 ? 0 : Math.abs(beta * c[cOffset + i * ldc + j]); // beta = 0 ignores a NaN
        double scale = Math.abs(alpha) * sum + old;
        return 2 * (k + 2) * Tolerances.UNIT_ROUNDOFF * scale;
    }

    @Override
    public String toString() {
        return "m=" + m + " n=" + n + " k=" + k + " alpha=" + alpha + " beta=" + beta;
    }
}
