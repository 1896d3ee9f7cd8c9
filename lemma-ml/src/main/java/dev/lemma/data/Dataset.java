package dev.lemma.data;

import dev.lemma.linalg.Matrix;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/// A dataset: an $m \times d$ feature matrix $X$ (one row per example), zero or more target columns $Y$,
/// their names, and, for a classification target, the names of the classes its integer codes stand for.
///
/// Immutable. Row operations ([#rows(int[])], [#shuffle], [#split]) return new datasets.
///
/// @param name a short name, e.g. `"iris"`
/// @param features $X$, $m \times d$
/// @param featureNames $d$ names
/// @param targets $Y$, $m \times t$ ($t = 0$ for unlabelled data)
/// @param targetNames $t$ names
/// @param classNames for a classification target, the name of class $k$ at index $k$; empty otherwise
public record Dataset(
        String name,
        Matrix features,
        List<String> featureNames,
        Matrix targets,
        List<String> targetNames,
        List<String> classNames) {

    /// Checks that the parts agree.
    ///
    /// @throws IllegalArgumentException naming the mismatch (the counts of rows or names)
    public Dataset {
        featureNames = List.copyOf(featureNames);
        targetNames = List.copyOf(targetNames);
        classNames = List.copyOf(classNames);
        if (features.cols() != featureNames.size()) {
            throw new IllegalArgumentException("dataset '" + name + "': " + features.cols() + " feature columns but "
                    + featureNames.size() + " feature names");
        }
        if (targets.rows() != features.rows()) {
            throw new IllegalArgumentException("dataset '" + name + "': " + features.rows() + " rows of features but "
                    + targets.rows() + " rows of targets");
        }
        if (targets.cols() != targetNames.size()) {
            throw new IllegalArgumentException("dataset '" + name + "': " + targets.cols() + " target columns but "
                    + targetNames.size() + " target names");
        }
    }

    /// A dataset with one target column.
    ///
    /// @param name the name
    /// @param features $X$
    /// @param featureNames the feature names
    /// @param target $y$, one value per row
    /// @param targetName the target's name
    /// @param classNames the class names for a classification target, else empty
    /// @return the dataset
    public static Dataset of(
            String name,
            Matrix features,
            List<String> featureNames,
            double[] target,
            String targetName,
            List<String> classNames) {
        double[][] y = new double[target.length][1];
        for (int i = 0; i < target.length; i++) {
            y[i][0] = target[i];
        }
        return new Dataset(name, features, featureNames, matrix(target.length, 1, y), List.of(targetName), classNames);
    }

    /// The same examples and targets with new features (e.g. after a transformation).
    ///
    /// @param x the new features, one row per example
    /// @param names their names
    /// @return the dataset
    /// @throws IllegalArgumentException if the row count or the number of names does not match
    public Dataset withFeatures(Matrix x, List<String> names) {
        return new Dataset(name, x, names, targets, targetNames, classNames);
    }

    /// The same examples and targets with new features of the same names.
    ///
    /// @param x the new features, $m \times d$
    /// @return the dataset
    public Dataset withFeatures(Matrix x) {
        return withFeatures(x, featureNames);
    }

    /// @return $m$, the number of examples
    public int size() {
        return features.rows();
    }

    /// @return $d$, the number of features
    public int dimension() {
        return features.cols();
    }

    /// The single target column.
    ///
    /// @return $y$, a new array
    /// @throws IllegalStateException if the dataset has no target or several
    public double[] target() {
        if (targets.cols() != 1) {
            throw new IllegalStateException("dataset '" + name + "' has " + targets.cols() + " target columns "
                    + targetNames + "; choose one with target(name)");
        }
        return column(targets, 0);
    }

    /// The target column of the given name.
    ///
    /// @param targetName the name
    /// @return its values, a new array
    /// @throws IllegalArgumentException naming the unknown column and the known ones
    public double[] target(String targetName) {
        int j = targetNames.indexOf(targetName);
        if (j < 0) {
            throw new IllegalArgumentException(
                    "dataset '" + name + "' has no target '" + targetName + "'; its targets are " + targetNames);
        }
        return column(targets, j);
    }

    /// The single target as class codes $0, 1, \dots$.
    ///
    /// @return the labels, a new array
    /// @throws IllegalStateException if the target is not a single column of non-negative integers, naming
    ///     the first row that is not
    public int[] labels() {
        double[] y = target();
        int[] labels = new int[y.length];
        for (int i = 0; i < y.length; i++) {
            if (!(y[i] >= 0) || y[i] != Math.rint(y[i]) || y[i] > Integer.MAX_VALUE) {
                throw new IllegalStateException("dataset '" + name + "': the target of row " + i + " is " + y[i]
                        + ", not a class code (a non-negative integer)");
            }
            labels[i] = (int) y[i];
        }
        return labels;
    }

    /// The examples at the given rows, in that order (repeats allowed).
    ///
    /// @param indices row indices in $[0, m)$
    /// @return the subset
    /// @throws IndexOutOfBoundsException naming an index out of range
    public Dataset rows(int[] indices) {
        double[][] x = new double[indices.length][];
        double[][] y = new double[indices.length][];
        double[][] allX = features.toArray();
        double[][] allY = targets.toArray();
        for (int i = 0; i < indices.length; i++) {
            int r = indices[i];
            if (r < 0 || r >= size()) {
                throw new IndexOutOfBoundsException("row " + r + " (at position " + i + ") is outside dataset '" + name
                        + "' of " + size() + " rows");
            }
            x[i] = allX[r];
            y[i] = allY[r];
        }
        return new Dataset(
                name,
                matrix(indices.length, dimension(), x),
                featureNames,
                matrix(indices.length, targets.cols(), y),
                targetNames,
                classNames);
    }

    /// The rows in a random order (Fisher–Yates with a seeded generator).
    ///
    /// @param seed the seed
    /// @return the shuffled dataset
    public Dataset shuffle(long seed) {
        return rows(permutation(size(), new SplittableRandom(seed)));
    }

    /// A train/test split, like scikit-learn's `train_test_split`: the test set has
    /// $\lceil f\,m \rceil$ rows. With `stratify`, each class of the (single, class-coded) target is split
    /// in the same proportion, so both sets keep the class frequencies (to within one example per
    /// class).
    ///
    /// @param testFraction $f \in (0, 1)$
    /// @param seed the seed of the shuffle
    /// @param stratify whether to split each class separately
    /// @return the two parts
    /// @throws IllegalArgumentException if $f$ is outside $(0, 1)$ or a part would be empty
    public Split split(double testFraction, long seed, boolean stratify) {
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("split: the test fraction must be in (0, 1), got " + testFraction);
        }
        int testSize = (int) Math.ceil(testFraction * size());
        if (testSize == 0 || testSize == size()) {
            throw new IllegalArgumentException(
                    "split: a test fraction of " + testFraction + " of " + size() + " rows leaves one part empty");
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<Integer> test = new ArrayList<>();
        List<Integer> train = new ArrayList<>();
        if (!stratify) {
            int[] order = permutation(size(), random);
            for (int i = 0; i < order.length; i++) {
                (i < testSize ? test : train).add(order[i]);
            }
        } else {
            int[] labels = labels();
            int classes = Arrays.stream(labels).max().orElse(-1) + 1;
            // Largest-remainder allocation of the test rows among the classes, as scikit-learn does.
            int[] counts = new int[classes];
            for (int label : labels) {
                counts[label]++;
            }
            int[] quota = allocate(counts, testSize);
            for (int c = 0; c < classes; c++) {
                List<Integer> members = new ArrayList<>();
                for (int i = 0; i < labels.length; i++) {
                    if (labels[i] == c) {
                        members.add(i);
                    }
                }
                int[] order = permutation(members.size(), random);
                for (int i = 0; i < order.length; i++) {
                    (i < quota[c] ? test : train).add(members.get(order[i]));
                }
            }
        }
        return new Split(rows(toArray(train)), rows(toArray(test)));
    }

    /// A train/test split.
    ///
    /// @param train the training part
    /// @param test the test part
    public record Split(Dataset train, Dataset test) {}

    /// Shares `total` among groups in proportion to `counts`: floors first, then the largest remainders.
    static int[] allocate(int[] counts, int total) {
        long all = Arrays.stream(counts).asLongStream().sum();
        int[] quota = new int[counts.length];
        double[] remainder = new double[counts.length];
        int given = 0;
        for (int c = 0; c < counts.length; c++) {
            double exact = (double) total * counts[c] / all;
            quota[c] = (int) Math.floor(exact);
            remainder[c] = exact - quota[c];
            given += quota[c];
        }
        while (given < total) {
            int best = -1;
            for (int c = 0; c < counts.length; c++) {
                if (quota[c] < counts[c] && (best < 0 || remainder[c] > remainder[best])) {
                    best = c;
                }
            }
            quota[best]++;
            remainder[best] = -1;
            given++;
        }
        return quota;
    }

    static int[] permutation(int n, SplittableRandom random) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    /// A matrix from rows, also when there are none (where [Matrix#of(double[][])] cannot see the width).
    static Matrix matrix(int rows, int cols, double[][] data) {
        double[] flat = new double[rows * cols];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(data[i], 0, flat, i * cols, cols);
        }
        return Matrix.ofRowMajor(rows, cols, flat);
    }

    private static int[] toArray(List<Integer> list) {
        return list.stream().mapToInt(Integer::intValue).toArray();
    }

    private static double[] column(Matrix m, int j) {
        double[] c = new double[m.rows()];
        for (int i = 0; i < c.length; i++) {
            c[i] = m.get(i, j);
        }
        return c;
    }
}
