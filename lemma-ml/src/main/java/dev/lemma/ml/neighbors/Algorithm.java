package dev.lemma.ml.neighbors;

/// How the neighbours are found, scikit-learn's `algorithm`. Both searches are exact and give the same
/// answer; they differ only in speed.
public enum Algorithm {
    /// [KDTree] when it is likely to be faster, otherwise [BruteForce]: scikit-learn's rule, brute force
    /// when there are more than 15 features or $k \ge m/2$.
    AUTO,
    /// Every distance ([BruteForce]): $O(m d)$ per query, but one matrix product per block of queries.
    BRUTE,
    /// A k-d tree ([KDTree]): about $O(\log m)$ per query in low dimension.
    KD_TREE;

    /// The search `AUTO` chooses: scikit-learn 1.2's rule in `NeighborsBase._fit`.
    ///
    /// @param rows $m$, the training rows
    /// @param features $d$
    /// @param k the number of neighbours
    /// @return [#BRUTE] or [#KD_TREE]
    public Algorithm resolve(int rows, int features, int k) {
        if (this != AUTO) {
            return this;
        }
        return features > 15 || k >= rows / 2 ? BRUTE : KD_TREE;
    }
}
