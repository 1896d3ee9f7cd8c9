package dev.lemma.ml.neighbors;

import dev.lemma.linalg.Matrix;
import dev.lemma.linalg.kernel.Gemm;
import java.util.stream.IntStream;

/// Exact $k$-nearest-neighbour search by computing every distance, scikit-learn's `algorithm='brute'`.
///
/// For a block of queries $Q$ the squared distances to all training rows $X$ come from one matrix
/// product (GEMM, the kernel behind [Matrix#times(Matrix)], called directly to write into the block):
/// $$\|q - x\|^2 = \|q\|^2 - 2\,q^\top x + \|x\|^2, \qquad D = \mathbf{n}_Q \mathbf 1^\top - 2 Q X^\top +
/// \mathbf 1 \mathbf{n}_X^\top,$$
/// $2 q m d$ flops at GEMM speed instead of a loop of $3 q m d$ scalar operations. Both sides are first
/// centred on the training mean, which leaves distances unchanged and keeps the norms, and with them the
/// cancellation error, small.
///
/// That expansion cancels: its error is about $d\,u\,(\|q\|^2 + \|x\|^2)$ ($u$ the unit roundoff), so it
/// can misorder near-ties and is poor for tiny distances. So it only selects candidates: per query, a
/// partial selection (a bounded heap, $O(m \log k)$) finds the $k$-th smallest approximate value $t$
/// while it collects, in the same pass, the rows within $\delta$ (twice the error bound) of the $k$-th
/// smallest so far; those still within $t + \delta$ at the end are the candidates, and for them the squared
/// distance is recomputed as $\sum_j (q_j - x_j)^2$, the same sum the [KDTree] computes, and the best
/// $k$ are taken by (distance, index). The answer is therefore exact and identical to the tree's, ties
/// included.
///
/// Memory: one block of at most [#BLOCK_ENTRIES] distances per task (four tasks per core). Queries run in
/// parallel blocks on the common fork-join pool. Immutable and thread-safe.
public final class BruteForce implements NeighborSearch {
    /// Distances per block (2^20 doubles, 8 MiB): large enough for an efficient GEMM, small enough to
    /// stay out of the way of other work.
    static final int BLOCK_ENTRIES = 1 << 20;

    /// At most this many queries per block, so that two cores both get work on modest query sets.
    private static final int MAX_BLOCK_ROWS = 256;

    private final int m;
    private final int d;
    private final double[] x;
    private final double[] mean;
    /// $X_c^\top$, $d \times m$ row-major: the centred training rows as columns.
    private final double[] centredTransposed;
    private final double[] norms;
    private final double largestNorm;

    /// Keeps the training rows.
    ///
    /// @param x the training rows, $m \times d$, $m \ge 1$
    /// @throws IllegalArgumentException if `x` is empty or has a non-finite entry
    public BruteForce(Matrix x) {
        if (x.rows() == 0 || x.cols() == 0) {
            throw new IllegalArgumentException("BruteForce: needs at least one row and one column, got a " + x.rows()
                    + "×" + x.cols() + " matrix");
        }
        this.m = x.rows();
        this.d = x.cols();
        this.x = x.toRowMajorArray();
        for (int i = 0; i < this.x.length; i++) {
            if (!Double.isFinite(this.x[i])) {
                throw new IllegalArgumentException(
                        "BruteForce: row " + i / d + ", column " + i % d + " is " + this.x[i] + "; it must be finite");
            }
        }
        mean = new double[d];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < d; j++) {
                mean[j] += this.x[i * d + j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= m;
        }
        double[] centred = new double[m * d];
        norms = new double[m];
        double largest = 0;
        for (int i = 0; i < m; i++) {
            double s = 0;
            for (int j = 0; j < d; j++) {
                double c = this.x[i * d + j] - mean[j];
                centred[i * d + j] = c;
                s += c * c;
            }
            norms[i] = s;
            largest = Math.max(largest, s);
        }
        largestNorm = largest;
        centredTransposed = Matrix.ofRowMajor(m, d, centred).transpose().toRowMajorArray();
    }

    @Override
    public int size() {
        return m;
    }

    @Override
    public int dimension() {
        return d;
    }

    @Override
    public Result search(Matrix queries, int k) {
        NeighborSearch.check("BruteForce", queries, k, m, d);
        int q = queries.rows();
        double[] all = queries.toRowMajorArray();
        int[] index = new int[q * k];
        double[] squared = new double[q * k];
        int rows = Math.max(1, Math.min(MAX_BLOCK_ROWS, BLOCK_ENTRIES / m));
        int blocks = (q + rows - 1) / rows;
        // Bound on |approximate − exact| squared distance, per unit of (‖q‖² + max ‖x‖²): each of the
        // d-term sums errs by at most about d·u times its magnitude; a factor of 4 to spare.
        double relative = 4 * (d + 4) * Math.ulp(1.0);
        // A few tasks per core, each with its buffers, taking every tasks-th block: the distance block is
        // allocated once per task, not once per block.
        int tasks = Math.min(blocks, 4 * Runtime.getRuntime().availableProcessors());
        IntStream.range(0, tasks).parallel().forEach(task -> {
            double[] block = new double[rows * d];
            double[] queryNorms = new double[rows];
            double[] g = new double[rows * m]; // (rows, m): Q_c X_c^T
            NeighborHeap heap = new NeighborHeap(k);
            double[] top = new double[k];
            int[] candidates = new int[m];
            for (int b = task; b < blocks; b += tasks) {
                searchBlock(
                        b * rows,
                        Math.min(q, b * rows + rows),
                        all,
                        k,
                        relative,
                        block,
                        queryNorms,
                        g,
                        heap,
                        top,
                        candidates,
                        index,
                        squared);
            }
        });
        return new Result(k, index, squared);
    }

    /// Queries `[from, to)`: one GEMM, then per query the selection and the exact distances.
    private void searchBlock(
            int from,
            int to,
            double[] all,
            int k,
            double relative,
            double[] block,
            double[] queryNorms,
            double[] g,
            NeighborHeap heap,
            double[] top,
            int[] candidates,
            int[] index,
            double[] squared) {
        int n = to - from;
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < d; j++) {
                double c = all[(from + i) * d + j] - mean[j];
                block[i * d + j] = c;
                s += c * c;
            }
            queryNorms[i] = s;
        }
        Gemm.gemm(n, m, d, 1.0, block, 0, d, centredTransposed, 0, m, 0.0, g, 0, m);
        for (int i = 0; i < n; i++) {
            double qn = queryNorms[i];
            int row = i * m;
            double margin = 2 * relative * (qn + largestNorm);
            // 1. one pass: the k smallest approximate values in a max-heap, and every row that was
            //    within the margin of the k-th smallest so far (a superset of the final candidates)
            int size = 0;
            int count = 0;
            for (int r = 0; r < m; r++) {
                double v = qn - 2 * g[row + r] + norms[r];
                if (size < k) {
                    size = push(top, size, v);
                    candidates[count++] = r;
                } else if (v <= top[0] + margin) {
                    candidates[count++] = r;
                    if (v < top[0]) {
                        replaceTop(top, k, v);
                    }
                }
            }
            double limit = top[0] + margin;
            // 2. exact distances for the rows within the margin of the final k-th smallest
            int base = (from + i) * d;
            for (int c = 0; c < count; c++) {
                int r = candidates[c];
                if (qn - 2 * g[row + r] + norms[r] <= limit) {
                    double s = 0;
                    for (int j = 0; j < d; j++) {
                        double diff = all[base + j] - x[r * d + j];
                        s += diff * diff;
                    }
                    heap.offer(s, r);
                }
            }
            heap.drainSorted(index, squared, (from + i) * k);
        }
    }

    /// Adds `v` to the max-heap `top[0, size)`; returns the new size.
    private static int push(double[] top, int size, double v) {
        int c = size;
        while (c > 0) {
            int p = (c - 1) >>> 1;
            if (top[p] >= v) {
                break;
            }
            top[c] = top[p];
            c = p;
        }
        top[c] = v;
        return size + 1;
    }

    /// Replaces the largest of the full max-heap `top[0, k)` by the smaller `v`.
    private static void replaceTop(double[] top, int k, double v) {
        int c = 0;
        while (true) {
            int l = 2 * c + 1;
            if (l >= k) {
                break;
            }
            int big = l + 1 < k && top[l + 1] > top[l] ? l + 1 : l;
            if (top[big] <= v) {
                break;
            }
            top[c] = top[big];
            c = big;
        }
        top[c] = v;
    }
}
