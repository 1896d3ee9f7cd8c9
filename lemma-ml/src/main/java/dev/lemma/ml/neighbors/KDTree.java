package dev.lemma.ml.neighbors;

import dev.lemma.linalg.Matrix;
import java.util.Arrays;
import java.util.stream.IntStream;

/// A k-d tree for exact $k$-nearest-neighbour search in Euclidean distance, scikit-learn's `KDTree`
/// (Bentley, 1975; Friedman, Bentley and Finkel, 1977).
///
/// **Build**, $O(d\,m \log m)$: a node holding more than `leafSize` rows is split at the median of its
/// widest dimension (largest max − min), found by quickselect; the lower half goes left, the upper half
/// (with the median) right, so the tree is balanced and has depth $\lceil\log_2(m/\text{leafSize})\rceil$.
/// A node whose rows are all equal stays a leaf. The rows are copied into one array in tree order, so a
/// leaf's bucket is contiguous in memory; nodes are parallel `int`/`double` arrays, not objects.
///
/// **Query**: depth-first, the child on the query's side of the splitting plane first. The kept
/// neighbours sit in a bounded max-heap; a subtree is skipped when its lower bound on the squared
/// distance exceeds the worst kept one. The bound is the squared distance from the query to the cell,
/// $\sum_j o_j^2$ with $o_j$ the query's offset from the nearest splitting plane along $j$ on the path
/// (Arya and Mount's incremental distance, recomputed in full so that, with rounding monotone, it
/// never exceeds a distance computed for a point inside the cell: no tie is ever pruned away). In low
/// dimension a query visits $O(\log m + k)$ rows on average; in high dimension most leaves are visited
/// and [BruteForce] is faster.
///
/// A batch of queries is first sorted by the leaf each falls into, so that consecutive queries walk the
/// same nodes and buckets while they are in cache, then run in parallel blocks on the common fork-join
/// pool. Immutable and thread-safe.
///
/// References: J. L. Bentley, "Multidimensional binary search trees used for associative searching",
/// CACM 18(9), 1975; J. H. Friedman, J. L. Bentley and R. A. Finkel, "An algorithm for finding best
/// matches in logarithmic expected time", ACM TOMS 3(3), 1977; S. Arya and D. M. Mount, "Algorithms for
/// fast vector quantization", DCC 1993.
public final class KDTree implements NeighborSearch {
    /// Queries per parallel task: enough to amortise the task, small enough to balance two or more cores.
    private static final int BLOCK = 512;

    private final int m;
    private final int d;
    private final int leafSize;
    /// The training rows in tree order, row-major, $m \times d$.
    private final double[] points;
    /// `order[p]`: the training index of the row at tree position `p`.
    private final int[] order;
    // Nodes: rows [start, end) of the tree order; an internal node splits `dim` at `split`.
    private int[] start = new int[16];
    private int[] end = new int[16];
    private int[] left = new int[16];
    private int[] right = new int[16];
    private int[] dim = new int[16];
    private double[] split = new double[16];
    private int nodes;

    /// Builds the tree.
    ///
    /// @param x the training rows, $m \times d$, $m \ge 1$
    /// @param leafSize the largest bucket, $\ge 1$ (scikit-learn's default is 30)
    /// @throws IllegalArgumentException if `x` is empty, has a non-finite entry or `leafSize` < 1
    public KDTree(Matrix x, int leafSize) {
        if (leafSize < 1) {
            throw new IllegalArgumentException("KDTree: leaf_size must be ≥ 1, got " + leafSize);
        }
        if (x.rows() == 0 || x.cols() == 0) {
            throw new IllegalArgumentException(
                    "KDTree: needs at least one row and one column, got a " + x.rows() + "×" + x.cols() + " matrix");
        }
        this.m = x.rows();
        this.d = x.cols();
        this.leafSize = leafSize;
        double[] a = x.toRowMajorArray();
        for (int i = 0; i < a.length; i++) {
            if (!Double.isFinite(a[i])) {
                throw new IllegalArgumentException(
                        "KDTree: row " + i / d + ", column " + i % d + " is " + a[i] + "; it must be finite");
            }
        }
        order = new int[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
        }
        build(a, 0, m);
        points = new double[m * d];
        for (int p = 0; p < m; p++) {
            System.arraycopy(a, order[p] * d, points, p * d, d);
        }
        start = Arrays.copyOf(start, nodes);
        end = Arrays.copyOf(end, nodes);
        left = Arrays.copyOf(left, nodes);
        right = Arrays.copyOf(right, nodes);
        dim = Arrays.copyOf(dim, nodes);
        split = Arrays.copyOf(split, nodes);
    }

    @Override
    public int size() {
        return m;
    }

    @Override
    public int dimension() {
        return d;
    }

    /// @return the largest bucket size the tree was built with
    public int leafSize() {
        return leafSize;
    }

    /// @return the number of nodes, internal and leaves
    public int nodeCount() {
        return nodes;
    }

    private int build(double[] a, int from, int to) {
        int node = newNode(from, to);
        if (to - from <= leafSize) {
            return node;
        }
        int widest = -1;
        double spread = 0;
        for (int j = 0; j < d; j++) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int p = from; p < to; p++) {
                double v = a[order[p] * d + j];
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            if (hi - lo > spread) {
                spread = hi - lo;
                widest = j;
            }
        }
        if (widest < 0) {
            return node; // all rows equal: nothing to split
        }
        int mid = (from + to) >>> 1;
        select(a, widest, from, to, mid);
        dim[node] = widest;
        split[node] = a[order[mid] * d + widest];
        int l = build(a, from, mid);
        int r = build(a, mid, to);
        left[node] = l;
        right[node] = r;
        return node;
    }

    private int newNode(int from, int to) {
        if (nodes == start.length) {
            int n = 2 * nodes;
            start = Arrays.copyOf(start, n);
            end = Arrays.copyOf(end, n);
            left = Arrays.copyOf(left, n);
            right = Arrays.copyOf(right, n);
            dim = Arrays.copyOf(dim, n);
            split = Arrays.copyOf(split, n);
        }
        start[nodes] = from;
        end[nodes] = to;
        left[nodes] = -1;
        right[nodes] = -1;
        return nodes++;
    }

    /// Quickselect on `order[from, to)` by coordinate `j`, with a three-way partition (so that many equal
    /// values cost nothing): afterwards `order[mid]` has rank `mid - from`, the rows before it are $\le$
    /// and the rows after it $\ge$.
    private void select(double[] a, int j, int from, int to, int mid) {
        int lo = from;
        int hi = to - 1;
        while (lo < hi) {
            double pivot = median3(a[order[lo] * d + j], a[order[(lo + hi) >>> 1] * d + j], a[order[hi] * d + j]);
            int lt = lo;
            int gt = hi;
            int i = lo;
            while (i <= gt) {
                double v = a[order[i] * d + j];
                if (v < pivot) {
                    swap(lt++, i++);
                } else if (v > pivot) {
                    swap(i, gt--);
                } else {
                    i++;
                }
            }
            // [lo, lt) < pivot, [lt, gt] == pivot, (gt, hi] > pivot
            if (mid < lt) {
                hi = lt - 1;
            } else if (mid > gt) {
                lo = gt + 1;
            } else {
                return;
            }
        }
    }

    private static double median3(double a, double b, double c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }

    private void swap(int p, int q) {
        int t = order[p];
        order[p] = order[q];
        order[q] = t;
    }

    @Override
    public Result search(Matrix x, int k) {
        NeighborSearch.check("KDTree", x, k, m, d);
        int q = x.rows();
        double[] queries = x.toRowMajorArray();
        int[] index = new int[q * k];
        double[] squared = new double[q * k];
        int[] byLeaf = byLeaf(queries, q);
        int blocks = (q + BLOCK - 1) / BLOCK;
        IntStream.range(0, blocks).parallel().forEach(b -> {
            NeighborHeap heap = new NeighborHeap(k);
            double[] offset = new double[d];
            double[] query = new double[d];
            for (int t = b * BLOCK, stop = Math.min(q, t + BLOCK); t < stop; t++) {
                int i = byLeaf[t];
                System.arraycopy(queries, i * d, query, 0, d);
                Arrays.fill(offset, 0);
                visit(0, 0, query, offset, heap);
                heap.drainSorted(index, squared, i * k);
            }
        });
        return new Result(k, index, squared);
    }

    /// The queries in the order of the leaves they fall into (a counting sort by leaf), so that
    /// consecutive queries walk the same nodes and buckets while they are in cache. On random queries to a
    /// tree larger than the cache (2 000 000 rows in 3-D) this halves the search time; a tree that fits in
    /// the cache (100 000 rows in 2-D) gains nothing, and the sort costs about 1% of the search.
    private int[] byLeaf(double[] queries, int q) {
        int[] leaf = new int[q];
        int[] count = new int[nodes + 1];
        for (int i = 0; i < q; i++) {
            int node = 0;
            while (left[node] >= 0) {
                node = queries[i * d + dim[node]] < split[node] ? left[node] : right[node];
            }
            leaf[i] = node;
            count[node + 1]++;
        }
        for (int n = 0; n < nodes; n++) {
            count[n + 1] += count[n];
        }
        int[] perm = new int[q];
        for (int i = 0; i < q; i++) {
            perm[count[leaf[i]]++] = i;
        }
        return perm;
    }

    /// Depth-first search of `node`, whose cell is at squared distance at least `bound` from the query.
    private void visit(int node, double bound, double[] query, double[] offset, NeighborHeap heap) {
        if (bound > heap.worst()) {
            return;
        }
        int l = left[node];
        if (l < 0) {
            scan(node, query, heap);
            return;
        }
        int j = dim[node];
        double diff = query[j] - split[node];
        int near = diff < 0 ? l : right[node];
        int far = diff < 0 ? right[node] : l;
        visit(near, bound, query, offset, heap);
        double saved = offset[j];
        offset[j] = diff;
        double farBound = 0;
        for (int t = 0; t < d; t++) {
            farBound += offset[t] * offset[t];
        }
        if (farBound <= heap.worst()) {
            visit(far, farBound, query, offset, heap);
        }
        offset[j] = saved;
    }

    private void scan(int node, double[] query, NeighborHeap heap) {
        double[] pts = points;
        if (d == 2) { // the common low-dimensional case, unrolled
            double q0 = query[0];
            double q1 = query[1];
            for (int p = start[node], e = end[node]; p < e; p++) {
                double t0 = q0 - pts[2 * p];
                double t1 = q1 - pts[2 * p + 1];
                double s = t0 * t0 + t1 * t1;
                if (s <= heap.worst()) {
                    heap.offer(s, order[p]);
                }
            }
            return;
        }
        for (int p = start[node], e = end[node]; p < e; p++) {
            double s = 0;
            int base = p * d;
            for (int t = 0; t < d; t++) {
                double diff = query[t] - pts[base + t];
                s += diff * diff;
            }
            if (s <= heap.worst()) {
                heap.offer(s, order[p]);
            }
        }
    }
}
