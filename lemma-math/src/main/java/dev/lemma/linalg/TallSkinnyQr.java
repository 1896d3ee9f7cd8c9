package dev.lemma.linalg;

import dev.lemma.linalg.kernel.Gemm;
import java.util.stream.IntStream;

/// The triangular factor $R$ of a tall, skinny matrix ($m \gg n$) by TSQR, the tall-skinny QR of
/// Demmel, Grigori, Hoemmen and Langou (2012): cut $A$ into blocks of rows, factor each block by
/// Householder QR, stack the $n \times n$ factors and factor the stack, until one factor remains:
/// $$A = \begin{pmatrix} A_0 \\ \vdots \\ A_{p-1} \end{pmatrix}
///     = \begin{pmatrix} Q_0 R_0 \\ \vdots \\ Q_{p-1} R_{p-1} \end{pmatrix}
///     = \operatorname{diag}(Q_0, \dots, Q_{p-1}) \begin{pmatrix} R_0 \\ \vdots \\ R_{p-1} \end{pmatrix},
///     \qquad \begin{pmatrix} R_0 \\ \vdots \\ R_{p-1} \end{pmatrix} = Q' R
///     \;\Longrightarrow\; A = \operatorname{diag}(Q_i)\, Q'\, R .$$
/// The product of orthogonal factors is orthogonal, so $R$ is a triangular factor of $A$: $R^\top R =
/// A^\top A$, and $A$ and $R$ have the same singular values and right singular vectors. Every step is an
/// orthogonal transformation, so TSQR is backward stable like Householder QR (unlike the Cholesky
/// factorisation of $A^\top A$, which squares the condition number).
///
/// Why: Householder QR on the whole of a $100\,000 \times 100$ matrix reads its 80 MB from memory once
/// per reflector of each panel; a block of [#blockRows] rows stays in cache while it is factored, and the
/// blocks are independent, so the cores share them. Same $2mn^2$ flops, several times faster.
///
/// Book: chapter 1, section "Gram–Schmidt and QR"; used by PCA's full solver (chapter 8).
///
/// Reference: J. Demmel, L. Grigori, M. Hoemmen and J. Langou, "Communication-optimal parallel and
/// sequential QR and LU factorizations", SIAM J. Sci. Comput. 34(1), 2012.
public final class TallSkinnyQr {
    private TallSkinnyQr() {}

    /// About this many bytes of $A$ per block: a block and its Householder work fit in a core's L2 cache.
    static final int BLOCK_BYTES = 1 << 20;

    /// The rows per block for $n$ columns: [#BLOCK_BYTES] of them, and at least $2n$ so that each block
    /// reduces its rows by half or more.
    ///
    /// @param n the number of columns
    /// @return the block height
    static int blockRows(int n) {
        return Math.max(2 * n, BLOCK_BYTES / (8 * Math.max(n, 1)));
    }

    /// The upper triangular $R$ ($n \times n$) of $A = QR$, $Q$ not formed.
    ///
    /// $R$ is unique up to the signs of its rows when $A$ has full column rank; this one may differ in
    /// those signs from [Matrix#qr()]'s.
    ///
    /// @param a an `m×n` matrix with $m \ge n$
    /// @return $R$, `n×n`
    /// @throws IllegalArgumentException if $m < n$
    /// @throws dev.lemma.numeric.NonFiniteValueException naming the first NaN or infinite entry
    public static Matrix r(Matrix a) {
        requireTall(a);
        return reduce(a.data(), a.rows(), a.cols());
    }

    /// The thin factors $A = QR$ by TSQR: $Q$ (`m×n`, orthonormal columns) as well as $R$.
    ///
    /// Each block's $Q_b$ is formed while the block is in cache, and multiplied by its $n \times n$
    /// slice of the factor $Q'$ of the stacked triangles: $Q = \operatorname{diag}(Q_b)\, Q'$, a
    /// product of matrices with orthonormal columns, so $Q^\top Q = I$ to rounding whatever the rank
    /// of $A$ (unlike $Q = A R^{-1}$, which needs $R$ invertible and loses orthogonality as
    /// $\kappa(A)\,u$). Randomized PCA orthonormalises its $100\,000 \times 20$ sample with this.
    ///
    /// @param a an `m×n` matrix with $m \ge n$
    /// @return $Q$ and $R$
    /// @throws IllegalArgumentException if $m < n$
    /// @throws dev.lemma.numeric.NonFiniteValueException naming the first NaN or infinite entry
    public static Factors factor(Matrix a) {
        requireTall(a);
        int m = a.rows();
        int n = a.cols();
        double[] q = new double[m * n];
        Matrix r = factor(a.data(), m, n, q);
        return new Factors(Matrix.wrap(m, n, q), r);
    }

    /// The checks both entry points make: finite entries, and at least as many rows as columns.
    private static void requireTall(Matrix a) {
        a.requireFinite("A");
        if (a.rows() < a.cols()) {
            throw new IllegalArgumentException("TSQR needs at least as many rows as columns, but A is " + a.rows() + "×"
                    + a.cols() + "; use Matrix.qr()");
        }
    }

    /// $A = QR$ with $Q$ `m×n` (orthonormal columns) and $R$ `n×n` upper triangular.
    ///
    /// @param q the orthonormal factor
    /// @param r the triangular factor
    public record Factors(Matrix q, Matrix r) {}

    /// Writes $Q$ (`m×n`) of the rows in `data` into `q` and returns $R$. Every block has at least
    /// [#blockRows] rows (the last takes the remainder), so every $Q_b$ is `rows×n`.
    private static Matrix factor(double[] data, int m, int n, double[] q) {
        int height = blockRows(n);
        if (m < 2 * height) {
            Qr qr = Qr.of(Matrix.wrap(m, n, data.clone()));
            System.arraycopy(qr.q().data(), 0, q, 0, m * n);
            return qr.r();
        }
        int blocks = m / height;
        double[] stacked = new double[blocks * n * n];
        double[][] blockQ = new double[blocks][];
        IntStream.range(0, blocks).parallel().forEach(b -> {
            int from = b * height;
            int rows = b == blocks - 1 ? m - from : height;
            double[] block = new double[rows * n];
            System.arraycopy(data, from * n, block, 0, rows * n);
            Qr qr = Qr.of(Matrix.wrap(rows, n, block));
            blockQ[b] = qr.q().data(); // rows × n
            System.arraycopy(qr.r().data(), 0, stacked, b * n * n, n * n);
        });
        double[] stackedQ = new double[blocks * n * n];
        Matrix r = factor(stacked, blocks * n, n, stackedQ);
        IntStream.range(0, blocks).parallel().forEach(b -> {
            int from = b * height;
            int rows = b == blocks - 1 ? m - from : height;
            Gemm.sequential().gemm(rows, n, n, 1.0, blockQ[b], 0, n, stackedQ, b * n * n, n, 0.0, q, from * n, n);
        });
        return r;
    }

    /// Factors the `m×n` rows in `data` down to one $n \times n$ triangle.
    private static Matrix reduce(double[] data, int m, int n) {
        int height = blockRows(n);
        if (m <= height) {
            return Qr.of(Matrix.wrap(m, n, data.clone())).r();
        }
        int blocks = (m + height - 1) / height;
        double[] stacked = new double[blocks * n * n];
        IntStream.range(0, blocks).parallel().forEach(b -> {
            int from = b * height;
            int rows = Math.min(height, m - from);
            double[] block = new double[rows * n];
            System.arraycopy(data, from * n, block, 0, rows * n);
            Matrix r = Qr.of(Matrix.wrap(rows, n, block)).r(); // min(rows, n) × n
            System.arraycopy(r.data(), 0, stacked, b * n * n, r.rows() * n);
        });
        // a last block shorter than n leaves rows of zeros, which change neither RᵀR nor R
        return reduce(stacked, blocks * n, n);
    }
}
