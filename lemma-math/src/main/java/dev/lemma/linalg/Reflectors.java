package dev.lemma.linalg;

/// Householder reflectors $H = I - \tau v v^\top$ ($v_0 = 1$) on contiguous stretches of row-major
/// arrays, and their blocked application, shared by the reductions to condensed form ([Tridiagonal],
/// [Bidiagonal]).
///
/// A group of reflectors is applied at once in the compact WY form $H_0 H_1 \cdots H_{k-1} = I - V T
/// V^\top$ with $T$ upper triangular (Schreiber and Van Loan, "A storage-efficient WY representation
/// for products of Householder transformations", SIAM J. Sci. Stat. Comput. 10(1), 1989; LAPACK
/// `dlarft`/`dlarfb`), so that almost all of the $4 r c k$ flops run in [Gemm].
final class Reflectors {
    private Reflectors() {}

    /// Number of reflectors grouped into one compact WY block: wide enough that the two GEMM calls
    /// dominate, narrow enough that forming $T$ (about $k^2 c$ flops) stays cheap. LAPACK's default
    /// block size for `dormtr` and `dormbr` is 32 (`ilaenv`).
    static final int BLOCK = 32;

    /// Sums of squares outside $[2^{-900}, 2^{900}]$ may have lost digits to underflow or be near
    /// overflow; their norm is recomputed with scaling.
    private static final double SAFE_SQUARE_MIN = 0x1p-900;

    private static final double SAFE_SQUARE_MAX = 0x1p900;

    /// Builds the reflector that maps `x[off .. off+len)` to $\beta e_0$ (LAPACK `dlarfg`): on return
    /// `x[off]` holds $\beta$ and `x[off+1 .. off+len)` the tail of $v$ (its first entry 1 is implied).
    ///
    /// @return $\tau$, 0 when the tail is already zero (then $H = I$ and `x` is unchanged)
    static double generate(double[] x, int off, int len) {
        if (len <= 1) {
            return 0.0;
        }
        double squares = 0.0;
        for (int i = off + 1; i < off + len; i++) {
            squares += x[i] * x[i];
        }
        double tailNorm = squares >= SAFE_SQUARE_MIN && squares <= SAFE_SQUARE_MAX
                ? Math.sqrt(squares)
                : Vector.norm2(x, off + 1, off + len);
        if (tailNorm == 0.0) {
            return 0.0;
        }
        double alpha = x[off];
        // β takes the sign opposite to α so that α − β adds magnitudes instead of cancelling.
        double beta = -Math.copySign(Math.hypot(alpha, tailNorm), alpha);
        double tau = (beta - alpha) / beta;
        double divisor = alpha - beta;
        for (int i = off + 1; i < off + len; i++) {
            x[i] /= divisor;
        }
        x[off] = beta;
        return tau;
    }

    /// $X \leftarrow X H_{k-1} H_{k-2} \cdots H_0$ for the row-major `rows×cols` array `x`, blocked.
    ///
    /// Reflector $r$ acts on columns `start_r = firstStart + r .. cols-1`; its entry at `start_r` is 1
    /// and its entries at columns `j > start_r` are `vs[r * vsStride + j]`.
    ///
    /// Cost: $4 \cdot \text{rows} \cdot \sum_r (\text{cols} - \text{start}_r)$ flops, nearly all in
    /// [Gemm].
    static void applyFromRight(
            double[] x, int rows, int cols, double[] vs, int vsStride, int count, int firstStart, double[] tau) {
        if (rows == 0) {
            return;
        }
        for (int end = count; end > 0; end -= BLOCK) {
            int first = Math.max(0, end - BLOCK);
            int k = end - first;
            int start = firstStart + first;
            int len = cols - start;
            // Reflector first + j starts at column start + j: row j of the block, read in place from vs.
            CompactWy.ofRows(vs, first * vsStride + start, vsStride, k, len, tau, first)
                    .applyTransposeFromRight(x, start, cols, rows);
        }
    }
}
