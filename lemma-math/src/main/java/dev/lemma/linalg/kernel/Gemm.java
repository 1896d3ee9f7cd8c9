package dev.lemma.linalg.kernel;

/// General matrix multiply, $C \leftarrow \alpha A B + \beta C$, on row-major arrays with offsets and
/// leading dimensions (the BLAS `dgemm` contract, without transposes).
///
/// `A` is `m×k` starting at `a[aOffset]` with row stride `lda`; `B` is `k×n` at `b[bOffset]` with
/// stride `ldb`; `C` is `m×n` at `c[cOffset]` with stride `ldc` and is the only array modified.
public final class Gemm {
    private Gemm() {}

    /// $C \leftarrow \alpha A B + \beta C$; see the class documentation for the layout.
    ///
    /// @param m rows of `A` and `C`
    /// @param n columns of `B` and `C`
    /// @param k columns of `A`, rows of `B`
    /// @param alpha scale of the product
    /// @param a entries of `A`
    /// @param aOffset index of $A_{00}$
    /// @param lda row stride of `A`
    /// @param b entries of `B`
    /// @param bOffset index of $B_{00}$
    /// @param ldb row stride of `B`
    /// @param beta scale of the old `C` (0 means `C` is overwritten, even if it held NaN)
    /// @param c entries of `C`, modified
    /// @param cOffset index of $C_{00}$
    /// @param ldc row stride of `C`
    public static void gemm(
            int m,
            int n,
            int k,
            double alpha,
            double[] a,
            int aOffset,
            int lda,
            double[] b,
            int bOffset,
            int ldb,
            double beta,
            double[] c,
            int cOffset,
            int ldc) {
        for (int i = 0; i < m; i++) {
            int ci = cOffset + i * ldc;
            for (int j = 0; j < n; j++) {
                c[ci + j] = beta == 0.0 ? 0.0 : beta * c[ci + j];
            }
            for (int p = 0; p < k; p++) {
                double aip = alpha * a[aOffset + i * lda + p];
                int bp = bOffset + p * ldb;
                for (int j = 0; j < n; j++) {
                    c[ci + j] += aip * b[bp + j];
                }
            }
        }
    }

    /// $C = A B$ for contiguous row-major `A` (`m×k`) and `B` (`k×n`).
    ///
    /// @param m rows of `A`
    /// @param n columns of `B`
    /// @param k columns of `A`
    /// @param a entries of `A`
    /// @param b entries of `B`
    /// @return the `m×n` entries of `A·B`, row-major
    public static double[] multiply(int m, int n, int k, double[] a, double[] b) {
        double[] c = new double[m * n];
        gemm(m, n, k, 1.0, a, 0, k, b, 0, n, 0.0, c, 0, n);
        return c;
    }
}
