package dev.lemma.ml.neighbors;

/// The $k$ nearest training rows of each query, nearest first (equal distances: lower index first), as
/// scikit-learn's `kneighbors` returns them.
///
/// @param indices `indices[i][r]`, the training row of the $r$-th neighbour of query $i$
/// @param distances `distances[i][r]`, its Euclidean distance
@SuppressWarnings("ArrayRecordComponent") // a result handed to the caller, who owns it
public record Neighbors(int[][] indices, double[][] distances) {}
