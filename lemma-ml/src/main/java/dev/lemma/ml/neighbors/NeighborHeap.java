package dev.lemma.ml.neighbors;

/// A bounded max-heap of (squared distance, index) pairs that keeps the $k$ smallest, ordered
/// lexicographically: the distance first, then the index, so that ties go to the lower index. The root is
/// the worst kept pair; a new pair enters only if it is better than the root, and then replaces it
/// ($O(\log k)$). One heap per thread, reused across queries.
final class NeighborHeap {
    private final double[] distance;
    private final int[] index;
    private int size;

    NeighborHeap(int k) {
        distance = new double[k];
        index = new int[k];
    }

    void clear() {
        size = 0;
    }

    boolean full() {
        return size == distance.length;
    }

    /// The squared distance of the worst kept pair; $+\infty$ until the heap is full.
    double worst() {
        return size == distance.length ? distance[0] : Double.POSITIVE_INFINITY;
    }

    private static boolean before(double d1, int i1, double d2, int i2) {
        return d1 < d2 || (d1 == d2 && i1 < i2);
    }

    void offer(double d, int i) {
        int k = distance.length;
        if (size < k) {
            int c = size++;
            while (c > 0) {
                int p = (c - 1) >>> 1;
                if (!before(distance[p], index[p], d, i)) {
                    break;
                }
                distance[c] = distance[p];
                index[c] = index[p];
                c = p;
            }
            distance[c] = d;
            index[c] = i;
        } else if (before(d, i, distance[0], index[0])) {
            siftDown(d, i, k);
        }
    }

    private void siftDown(double d, int i, int n) {
        int c = 0;
        while (true) {
            int l = 2 * c + 1;
            if (l >= n) {
                break;
            }
            int r = l + 1;
            int big = r < n && before(distance[l], index[l], distance[r], index[r]) ? r : l;
            if (!before(d, i, distance[big], index[big])) {
                break;
            }
            distance[c] = distance[big];
            index[c] = index[big];
            c = big;
        }
        distance[c] = d;
        index[c] = i;
    }

    /// Empties the heap into `indexOut` and `squaredOut` from `offset`, best first.
    void drainSorted(int[] indexOut, double[] squaredOut, int offset) {
        for (int n = size; n > 0; n--) {
            indexOut[offset + n - 1] = index[0];
            squaredOut[offset + n - 1] = distance[0];
            double d = distance[n - 1];
            int i = index[n - 1];
            siftDown(d, i, n - 1);
        }
        size = 0;
    }
}
