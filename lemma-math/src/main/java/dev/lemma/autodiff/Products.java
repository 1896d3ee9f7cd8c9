package dev.lemma.autodiff;

import dev.lemma.linalg.kernel.Gemm;

/// The matrix products of [Tensor#matmul] and its gradients, on Lemma's fast kernels ([Gemm]).
///
/// The backward pass needs products with a transposed factor, $\bar A \mathrel{+}= \bar C B^\top$ and
/// $\bar B \mathrel{+}= A^\top \bar C$. [Gemm] multiplies row-major blocks as they are, so the
/// transposed factor is first copied out ([#transpose]), which costs $O(mk)$ against the product's
/// $O(mnk)$; the product then accumulates straight into the gradient buffer with $\beta = 1$.
final class Products {
    /// Tile edge of the blocked transpose: two 32×32 tiles of doubles (16 KiB) fit in the L1 cache, so
    /// both the rows read and the columns written stay in cache.
    private static final int TILE = 32;

    private Products() {}

    /// $C \leftarrow \alpha A B + \beta C$ for row-major blocks with leading dimensions equal to their
    /// widths.
    static void gemm(
            int m,
            int n,
            int k,
            double[] a,
            int aOffset,
            double[] b,
            int bOffset,
            double beta,
            double[] c,
            int cOffset) {
        if (m == 0 || n == 0) {
            return;
        }
        Gemm.gemm(m, n, k, 1.0, a, aOffset, Math.max(k, 1), b, bOffset, n, beta, c, cOffset, n);
    }

    /// The transpose of the `rows×cols` block at `source[offset]`, as a new `cols×rows` array, by tiles.
    static double[] transpose(double[] source, int offset, int rows, int cols) {
        double[] t = new double[rows * cols];
        for (int i0 = 0; i0 < rows; i0 += TILE) {
            int i1 = Math.min(i0 + TILE, rows);
            for (int j0 = 0; j0 < cols; j0 += TILE) {
                int j1 = Math.min(j0 + TILE, cols);
                for (int i = i0; i < i1; i++) {
                    int from = offset + i * cols;
                    for (int j = j0; j < j1; j++) {
                        t[j * rows + i] = source[from + j];
                    }
                }
            }
        }
        return t;
    }
}
