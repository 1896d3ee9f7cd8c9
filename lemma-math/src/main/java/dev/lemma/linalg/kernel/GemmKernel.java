package dev.lemma.linalg.kernel;

/// One step of the GEMM staircase: a way to compute $C \leftarrow \alpha A B + \beta C$ on row-major
/// arrays with offsets and leading dimensions (the BLAS `dgemm` contract, without transposes).
///
/// `A` is `m×k` with $a_{ip}$ at `a[aOffset + i*lda + p]`; `B` is `k×n` with $b_{pj}$ at
/// `b[bOffset + p*ldb + j]`; `C` is `m×n` with $c_{ij}$ at `c[cOffset + i*ldc + j]`. Only the `m×n`
/// entries of `C` are modified; `a`, `b` and the entries of `c` outside the block are not.
///
/// Every step computes the same function, $c_{ij} \leftarrow \alpha \sum_p a_{ip} b_{pj} + \beta c_{ij}$,
/// in a different order, so the results agree to within rounding: each entry is a sum of $k$ products,
/// whose error is at most about $k u \sum_p |a_{ip}| |b_{pj}|$ in any order (Higham, *Accuracy and
/// Stability of Numerical Algorithms*, 2nd ed., §3.5). `KernelsAgreeTest` checks every step against
/// [ReferenceGemm].
///
/// Non-finite values follow IEEE 754 through the formula: a NaN in row $i$ of `A` makes row $i$ of `C`
/// NaN. One exception, as in BLAS: $\beta = 0$ means the old `C` is not read, so a NaN there is
/// overwritten rather than propagated.
///
/// Implementations are stateless and thread-safe: scratch buffers are allocated per call.
public interface GemmKernel {

    /// The step's short name, as the benchmark prints it (`"reference"`, `"simd"`, ...).
    ///
    /// @return the name
    String name();

    /// $C \leftarrow \alpha A B + \beta C$; see the interface documentation for the layout.
    ///
    /// @param m rows of `A` and `C`
    /// @param n columns of `B` and `C`
    /// @param k columns of `A`, rows of `B`
    /// @param alpha scale of the product
    /// @param a entries of `A`, not modified
    /// @param aOffset index of $a_{00}$
    /// @param lda row stride of `A`, at least `k`
    /// @param b entries of `B`, not modified
    /// @param bOffset index of $b_{00}$
    /// @param ldb row stride of `B`, at least `n`
    /// @param beta scale of the old `C` (0 means `C` is overwritten, even if it held NaN)
    /// @param c entries of `C`, modified
    /// @param cOffset index of $c_{00}$
    /// @param ldc row stride of `C`, at least `n`
    /// @throws IllegalArgumentException if a dimension is negative, a leading dimension is too small,
    ///     or a block does not fit in its array (checked before anything is written)
    void gemm(
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
            int ldc);

    /// $C = A B$ for contiguous row-major `A` (`m×k`) and `B` (`k×n`), into a new array.
    ///
    /// @param m rows of `A`
    /// @param n columns of `B`
    /// @param k columns of `A`
    /// @param a the `m*k` entries of `A`, not modified
    /// @param b the `k*n` entries of `B`, not modified
    /// @return the `m*n` entries of $AB$, row-major
    /// @throws IllegalArgumentException if a dimension is negative or an array is too short
    default double[] multiply(int m, int n, int k, double[] a, double[] b) {
        GemmContract.checkDimensions(m, n, k);
        double[] c = new double[Math.multiplyExact(m, n)];
        gemm(m, n, k, 1.0, a, 0, k, b, 0, n, 0.0, c, 0, n);
        return c;
    }
}
