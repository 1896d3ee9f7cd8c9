package dev.lemma.linalg;

/// A queue of plane (Givens) rotations on the rows of a matrix, applied in batches.
///
/// Rotation $(p, q, c, s)$ replaces rows $x_p, x_q$ by $c x_p + s x_q$ and $c x_q - s x_p$. The QR
/// iterations on tridiagonal and bidiagonal matrices produce thousands of them, each touching two
/// whole rows of the eigenvector (or singular vector) matrix, and applying each at once would stream
/// that matrix through the cache once per sweep. Instead the rotations are queued and applied strip by
/// strip: all queued rotations to columns `[j0, j0 + STRIP)`, then to the next strip, so the strip
/// stays in the L2 cache while thousands of rotations pass over it. The arithmetic and its order per
/// entry are unchanged; only the loop order differs.
///
/// The rows are separate arrays so that the inner loop, `a[j]` and `b[j]` at the same index, is one
/// the JIT compiler vectorises (two offsets into one array would need an aliasing check).
final class PlaneRotations {
    /// Columns per strip: 128 doubles (1 KiB) per row keeps the rows of a 1000×1000 problem that one
    /// sweep touches within a 1 MiB L2 cache, and is long enough to amortise the per-rotation loads.
    private static final int STRIP = 128;

    /// Rotations queued per row of the matrix before a flush: each flush then does $6 \cdot 16 n$
    /// flops per column for the $16 n$ bytes it moves, far from memory-bound.
    private static final int QUEUED_PER_ROW = 16;

    private final double[][] rows;
    private final int cols;
    private final int[] p;
    private final int[] q;
    private final double[] c;
    private final double[] s;
    private int count;

    /// @param rows the matrix, one array per row, all of the same length; modified by [#flush()]
    PlaneRotations(double[][] rows) {
        this.rows = rows;
        this.cols = rows.length == 0 ? 0 : rows[0].length;
        int capacity = Math.max(256, QUEUED_PER_ROW * rows.length);
        p = new int[capacity];
        q = new int[capacity];
        c = new double[capacity];
        s = new double[capacity];
    }

    /// Queues $x_p \leftarrow c x_p + s x_q$, $x_q \leftarrow c x_q - s x_p$.
    void add(int rowP, int rowQ, double cos, double sin) {
        if (sin == 0.0 && cos == 1.0) {
            return;
        }
        if (count == p.length) {
            flush();
        }
        p[count] = rowP;
        q[count] = rowQ;
        c[count] = cos;
        s[count] = sin;
        count++;
    }

    /// Applies every queued rotation, in the order queued.
    void flush() {
        for (int j0 = 0; j0 < cols; j0 += STRIP) {
            int j1 = Math.min(cols, j0 + STRIP);
            for (int r = 0; r < count; r++) {
                double[] a = rows[p[r]];
                double[] b = rows[q[r]];
                double cr = c[r];
                double sr = s[r];
                for (int j = j0; j < j1; j++) {
                    double x = a[j];
                    double y = b[j];
                    a[j] = cr * x + sr * y;
                    b[j] = cr * y - sr * x;
                }
            }
        }
        count = 0;
    }

    /// The `n×n` identity as separate rows.
    static double[][] identityRows(int n) {
        double[][] rows = new double[n][n];
        for (int i = 0; i < n; i++) {
            rows[i][i] = 1.0;
        }
        return rows;
    }

    /// Copies rows into one row-major array with `cols ≥ rows[i].length` columns, zero-padded.
    static double[] flatten(double[][] rows, int cols) {
        double[] flat = new double[rows.length * cols];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, flat, i * cols, rows[i].length);
        }
        return flat;
    }

    /// $r = \sqrt{x^2 + y^2}$ without `Math.hypot`'s cost when the squares neither overflow nor
    /// underflow (the common case), and with it otherwise.
    static double hypot(double x, double y) {
        double squares = x * x + y * y;
        return squares >= 0x1p-900 && squares <= 0x1p900 ? Math.sqrt(squares) : Math.hypot(x, y);
    }
}
