package dev.lemma.linalg;

import dev.lemma.linalg.kernel.Gemm;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;

/// A matrix that plane (Givens) rotations act on by rows, and the queue of rotations not yet applied.
///
/// Rotation $(p, q, c, s)$ replaces rows $x_p, x_q$ by $c x_p + s x_q$ and $c x_q - s x_p$. The QR
/// iterations on tridiagonal and bidiagonal matrices produce about $n^2$ of them, each touching two
/// whole rows of the eigenvector (or singular vector) matrix, and applying each at once would stream
/// that matrix through the cache once per sweep. Instead the rotations are queued and applied strip by
/// strip: all queued rotations to columns `[j0, j0 + STRIP)`, then to the next strip, so the strip
/// stays in the L2 cache while thousands of rotations pass over it. The order of the rotations per
/// entry is unchanged; only the loop order differs.
///
/// The matrix is therefore stored strip by strip ("strip-major"): strip $t$ is a contiguous
/// `rows × STRIP` block, the last one padded with zero columns. A rotation then touches two adjacent
/// runs of [#STRIP] doubles in one array, with no row arrays to look up and no headers to load.
/// Within a strip, [SimdRotations] keeps the row that a chain of rotations
/// $(k, k+1), (k+1, k+2), \dots$ carries along in vector registers, halving the loads and stores;
/// the strips are independent, so on several cores each takes its own range of them.
///
/// Why not divide and conquer (Cuppen; LAPACK `dstedc`), which turns most of this work into GEMM? It
/// would replace only the symmetric eigensolver's rotations, while the SVD's bidiagonal QR (twice the
/// rotations) would need the separate and more delicate bidiagonal divide and conquer (`dbdsdc`); a
/// faster rotation kernel speeds up both at once and keeps the QR iteration, whose accuracy the
/// tests already establish.
final class PlaneRotations {
    /// Columns per strip: 32 doubles (256 B), four AVX-512 vectors for [SimdRotations]; the strip of a
    /// 1000-row matrix (256 KiB) stays in a 1 MiB L2 cache beside the queued rotations.
    static final int STRIP = 32;

    /// Row updates (rotations × columns) from which a flush is split over cores: $2^{18}$, about
    /// 100 µs of work, far above the cost of a fork and join.
    private static final long PARALLEL_MIN_WORK = 1L << 18;

    /// Ranges of strips per thread in a parallel flush: 4, so that a thread that finishes early (or a
    /// caller whose partner thread is descheduled) finds unstarted ranges to take over.
    private static final int TASKS_PER_THREAD = 4;

    /// Whether [SimdRotations] may be loaded (the `jdk.incubator.vector` module is present).
    private static final boolean SIMD = Gemm.simdAvailable();

    /// Rotations queued per row of the matrix before a flush: $8 n$ rotations (192 KiB at
    /// $n = 1000$) stay in L2 beside the strip while they pass over it, and a flush still does
    /// $6 \cdot 8 n$ flops per column. Measured at $n = 1000$ on a shared 2-core Zen 4: 4 to 8 per row
    /// ran about 20% faster than 16 or 64, and 1 or 2 about 10% slower (noisy: ±15%).
    private static final int QUEUED_PER_ROW = 8;

    private final int rows;
    private final int cols;
    private final int strips;
    private final double[] data;
    private final int[] p;
    private final int[] q;
    private final double[] c;
    private final double[] s;
    private final boolean vectorised;
    private int count;

    /// A `rows×cols` matrix of zeros.
    PlaneRotations(int rows, int cols) {
        this(rows, cols, SIMD);
    }

    /// A `rows×cols` matrix of zeros whose flushes use [SimdRotations] if `vectorised` (and the
    /// Vector API is present) or the plain loop, so that tests can run both.
    PlaneRotations(int rows, int cols, boolean vectorised) {
        this.vectorised = vectorised && SIMD;
        this.rows = rows;
        this.cols = cols;
        this.strips = (cols + STRIP - 1) / STRIP;
        this.data = new double[strips * rows * STRIP];
        int capacity = Math.max(256, QUEUED_PER_ROW * rows);
        p = new int[capacity];
        q = new int[capacity];
        c = new double[capacity];
        s = new double[capacity];
    }

    /// The `n×n` identity.
    static PlaneRotations identity(int n) {
        PlaneRotations x = new PlaneRotations(n, n);
        for (int i = 0; i < n; i++) {
            x.data[x.index(i, i)] = 1.0;
        }
        return x;
    }

    /// A copy of the row-major `rows×cols` array `a`, flushed as by [#PlaneRotations(int, int, boolean)].
    static PlaneRotations of(double[] a, int rows, int cols, boolean vectorised) {
        PlaneRotations x = new PlaneRotations(rows, cols, vectorised);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                x.data[x.index(i, j)] = a[i * cols + j];
            }
        }
        return x;
    }

    private int index(int i, int j) {
        return ((j / STRIP) * rows + i) * STRIP + j % STRIP;
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

    /// Applies every queued rotation, in the order queued: with [SimdRotations] when the Vector API is
    /// present, otherwise with the plain loop. On two or more cores, when the batch holds at least
    /// [#PARALLEL_MIN_WORK] row updates, the strips are cut into [#TASKS_PER_THREAD] ranges per thread
    /// and run as fork-join tasks, the caller working too: on a machine shared with other programs a
    /// thread that is held up leaves its unstarted ranges to the others.
    void flush() {
        int cores = Runtime.getRuntime().availableProcessors();
        if (cores > 1 && strips > 1 && (long) count * cols >= PARALLEL_MIN_WORK) {
            int threads = ForkJoinPool.commonPool().getParallelism() + 1;
            new StripRange(0, strips, Math.max(1, strips / (TASKS_PER_THREAD * threads))).invoke();
        } else {
            applyStrips(0, strips);
        }
        count = 0;
    }

    /// Strips `t0 .. t1-1`, halved until a range holds at most `grain` strips.
    private final class StripRange extends RecursiveAction {
        private static final long serialVersionUID = 1L;
        private final int t0;
        private final int t1;
        private final int grain;

        StripRange(int t0, int t1, int grain) {
            this.t0 = t0;
            this.t1 = t1;
            this.grain = grain;
        }

        @Override
        protected void compute() {
            if (t1 - t0 <= grain) {
                applyStrips(t0, t1);
                return;
            }
            int mid = (t0 + t1) >>> 1;
            invokeAll(new StripRange(t0, mid, grain), new StripRange(mid, t1, grain));
        }
    }

    private void applyStrips(int t0, int t1) {
        for (int t = t0; t < t1; t++) {
            int base = t * rows * STRIP;
            if (vectorised) {
                SimdRotations.apply(data, base, STRIP, p, q, c, s, count);
            } else {
                for (int r = 0; r < count; r++) {
                    int a = base + p[r] * STRIP;
                    int b = base + q[r] * STRIP;
                    double cr = c[r];
                    double sr = s[r];
                    for (int j = 0; j < STRIP; j++) {
                        double x = data[a + j];
                        double y = data[b + j];
                        data[a + j] = cr * x + sr * y;
                        data[b + j] = cr * y - sr * x;
                    }
                }
            }
        }
    }

    /// Applies the queued rotations, then copies rows `order[0], order[1], …` into a row-major array
    /// with `outCols ≥ cols` columns, zero-padded on the right.
    double[] toRowMajor(int[] order, int outCols) {
        flush();
        double[] out = new double[order.length * outCols];
        for (int i = 0; i < order.length; i++) {
            for (int t = 0; t < strips; t++) {
                int j0 = t * STRIP;
                int len = Math.min(STRIP, cols - j0);
                System.arraycopy(data, (t * rows + order[i]) * STRIP, out, i * outCols + j0, len);
            }
        }
        return out;
    }

    /// The specification of [#flush()]: rotations `0 .. count-1` applied one after the other to the
    /// rows of `x`, each over all columns.
    static void applyPlain(double[][] x, int[] p, int[] q, double[] c, double[] s, int count) {
        for (int r = 0; r < count; r++) {
            double[] a = x[p[r]];
            double[] b = x[q[r]];
            for (int j = 0; j < a.length; j++) {
                double u = a[j];
                double v = b[j];
                a[j] = c[r] * u + s[r] * v;
                b[j] = c[r] * v - s[r] * u;
            }
        }
    }

    /// $r = \sqrt{x^2 + y^2}$ without `Math.hypot`'s cost when the squares neither overflow nor
    /// underflow (the common case), and with it otherwise.
    static double hypot(double x, double y) {
        double squares = x * x + y * y;
        return squares >= 0x1p-900 && squares <= 0x1p900 ? Math.sqrt(squares) : Math.hypot(x, y);
    }
}
