/// Nearest-neighbour methods, as scikit-learn's `sklearn.neighbors`: the k-nearest-neighbour classifier
/// and regressor, and the two exact searches behind them, [dev.lemma.ml.neighbors.BruteForce] (every
/// distance, through one matrix product per block of queries) and [dev.lemma.ml.neighbors.KDTree]
/// (a k-d tree that visits only the cells that can hold a nearer point).
///
/// Both searches return the same neighbours in the same order: ascending Euclidean distance, and among
/// equal distances the lower training index first.
///
/// Book: `book/models/`, "k nearest neighbours".
package dev.lemma.ml.neighbors;
