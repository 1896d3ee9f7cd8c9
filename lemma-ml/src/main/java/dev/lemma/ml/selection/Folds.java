package dev.lemma.ml.selection;

import dev.lemma.data.Dataset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/// A way of cutting a dataset into $k$ folds: each fold is the test set once while the others train.
/// [#kFold] cuts the (optionally shuffled) rows into $k$ consecutive blocks whose sizes differ by at most
/// one, the first $m \bmod k$ one larger (scikit-learn's `KFold`); [#stratified] deals each class's rows
/// round the folds so every fold keeps the class proportions (as scikit-learn's `StratifiedKFold` aims
/// to; the exact assignment of rows differs).
///
/// @param k the number of folds, $\ge 2$
/// @param stratify whether to keep class proportions
/// @param shuffle whether to shuffle the rows first
/// @param seed the seed of the shuffle
public record Folds(int k, boolean stratify, boolean shuffle, long seed) {

    /// Checks the settings.
    ///
    /// @throws IllegalArgumentException if $k < 2$
    public Folds {
        if (k < 2) {
            throw new IllegalArgumentException("folds: n_splits must be ≥ 2, got " + k);
        }
    }

    /// $k$ consecutive blocks, shuffled with the seed.
    ///
    /// @param k the number of folds
    /// @param seed the seed
    /// @return the folds
    public static Folds kFold(int k, long seed) {
        return new Folds(k, false, true, seed);
    }

    /// $k$ folds keeping the class proportions, shuffled with the seed.
    ///
    /// @param k the number of folds
    /// @param seed the seed
    /// @return the folds
    public static Folds stratified(int k, long seed) {
        return new Folds(k, true, true, seed);
    }

    /// One train/test division of the rows.
    ///
    /// @param train the training rows
    /// @param test the test rows
    @SuppressWarnings("ArrayRecordComponent") // row indices, read once
    public record Split(int[] train, int[] test) {}

    /// Cuts the dataset.
    ///
    /// @param data the dataset
    /// @return $k$ splits; every row is in exactly one test set
    /// @throws IllegalArgumentException if there are fewer rows (or, stratified, members of some class)
    ///     than folds
    public List<Split> split(Dataset data) {
        int m = data.size();
        if (m < k) {
            throw new IllegalArgumentException("folds: " + k + " folds need at least " + k + " rows, got " + m);
        }
        int[] fold = new int[m];
        SplittableRandom random = new SplittableRandom(seed);
        if (!stratify) {
            int[] order = order(m, random);
            int start = 0;
            for (int f = 0; f < k; f++) {
                int size = m / k + (f < m % k ? 1 : 0);
                for (int i = start; i < start + size; i++) {
                    fold[order[i]] = f;
                }
                start += size;
            }
        } else {
            int[] labels = data.labels();
            int classes = Arrays.stream(labels).max().orElse(-1) + 1;
            int next = 0; // deal round the folds across classes, so fold sizes stay balanced
            for (int c = 0; c < classes; c++) {
                List<Integer> members = new ArrayList<>();
                for (int i = 0; i < m; i++) {
                    if (labels[i] == c) {
                        members.add(i);
                    }
                }
                if (!members.isEmpty() && members.size() < k) {
                    throw new IllegalArgumentException("folds: class " + c + " has " + members.size()
                            + " members, fewer than the " + k + " folds");
                }
                int[] order = order(members.size(), random);
                for (int i : order) {
                    fold[members.get(i)] = next;
                    next = (next + 1) % k;
                }
            }
        }
        List<Split> splits = new ArrayList<>();
        for (int f = 0; f < k; f++) {
            int count = 0;
            for (int v : fold) {
                count += v == f ? 1 : 0;
            }
            int[] test = new int[count];
            int[] train = new int[m - count];
            int a = 0;
            int b = 0;
            for (int i = 0; i < m; i++) {
                if (fold[i] == f) {
                    test[a++] = i;
                } else {
                    train[b++] = i;
                }
            }
            splits.add(new Split(train, test));
        }
        return splits;
    }

    private int[] order(int n, SplittableRandom random) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        if (shuffle) {
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = p[i];
                p[i] = p[j];
                p[j] = t;
            }
        }
        return p;
    }
}
