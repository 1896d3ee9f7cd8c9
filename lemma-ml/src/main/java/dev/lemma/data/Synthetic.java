package dev.lemma.data;

import dev.lemma.linalg.Matrix;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/// Synthetic datasets with known structure, for experiments and tests: each is seeded and deterministic,
/// and says in its documentation what a perfect model would learn. Named after scikit-learn's
/// `make_*` generators where there is one; the constructions are written out here.
///
/// Book: chapter 8, "Case studies".
public final class Synthetic {
    private Synthetic() {}

    /// Isotropic Gaussian blobs: `centres.length` classes, example $i$ of class $k$ drawn from
    /// $\mathcal N(c_k, \sigma^2 I)$; classes take turns, so their sizes differ by at most one.
    ///
    /// @param n the number of examples
    /// @param centres the class centres, all of one dimension
    /// @param sd $\sigma \ge 0$
    /// @param seed the seed
    /// @return the dataset, classes `0, 1, …`
    public static Dataset blobs(int n, double[][] centres, double sd, long seed) {
        requireCount(n);
        if (centres.length == 0) {
            throw new IllegalArgumentException("blobs: at least one centre is needed");
        }
        requireNonNegative("sd", sd);
        int d = centres[0].length;
        SplittableRandom random = new SplittableRandom(seed);
        double[][] x = new double[n][d];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            int k = i % centres.length;
            if (centres[k].length != d) {
                throw new IllegalArgumentException(
                        "blobs: centre " + k + " has " + centres[k].length + " coordinates, centre 0 has " + d);
            }
            for (int j = 0; j < d; j++) {
                x[i][j] = centres[k][j] + sd * random.nextGaussian();
            }
            y[i] = k;
        }
        return classification("blobs", x, y, centres.length);
    }

    /// Two interleaving half-moons in the plane: class 0 on the upper half of the unit circle, class 1
    /// on the lower half of the unit circle shifted by $(1, 0.5)$, each point moved by
    /// $\mathcal N(0, \sigma^2 I)$. Not linearly separable.
    ///
    /// @param n the number of examples
    /// @param noise $\sigma \ge 0$
    /// @param seed the seed
    /// @return the dataset
    public static Dataset moons(int n, double noise, long seed) {
        requireCount(n);
        requireNonNegative("noise", noise);
        SplittableRandom random = new SplittableRandom(seed);
        int outer = (n + 1) / 2;
        double[][] x = new double[n][2];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            boolean upper = i < outer;
            int count = upper ? outer : n - outer;
            int k = upper ? i : i - outer;
            double t = count == 1 ? 0 : Math.PI * k / (count - 1);
            x[i][0] = (upper ? Math.cos(t) : 1 - Math.cos(t)) + noise * random.nextGaussian();
            x[i][1] = (upper ? Math.sin(t) : 0.5 - Math.sin(t)) + noise * random.nextGaussian();
            y[i] = upper ? 0 : 1;
        }
        return classification("moons", x, y, 2);
    }

    /// Two concentric circles: class 0 on the unit circle, class 1 on the circle of radius `factor`, plus
    /// $\mathcal N(0, \sigma^2 I)$ noise. Separable by the radius, not by a line.
    ///
    /// @param n the number of examples
    /// @param factor the inner radius, in $(0, 1)$
    /// @param noise $\sigma \ge 0$
    /// @param seed the seed
    /// @return the dataset
    public static Dataset circles(int n, double factor, double noise, long seed) {
        requireCount(n);
        if (!(factor > 0 && factor < 1)) {
            throw new IllegalArgumentException("circles: factor must be in (0, 1), got " + factor);
        }
        requireNonNegative("noise", noise);
        SplittableRandom random = new SplittableRandom(seed);
        int outer = (n + 1) / 2;
        double[][] x = new double[n][2];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            boolean isOuter = i < outer;
            int count = isOuter ? outer : n - outer;
            int k = isOuter ? i : i - outer;
            double t = 2 * Math.PI * k / count;
            double r = isOuter ? 1 : factor;
            x[i][0] = r * Math.cos(t) + noise * random.nextGaussian();
            x[i][1] = r * Math.sin(t) + noise * random.nextGaussian();
            y[i] = isOuter ? 0 : 1;
        }
        return classification("circles", x, y, 2);
    }

    /// The XOR problem: points uniform in $[-1, 1]^2$, class 1 when the coordinates have opposite signs.
    /// The smallest problem no linear model solves.
    ///
    /// @param n the number of examples
    /// @param seed the seed
    /// @return the dataset
    public static Dataset xor(int n, long seed) {
        requireCount(n);
        SplittableRandom random = new SplittableRandom(seed);
        double[][] x = new double[n][2];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i][0] = random.nextDouble(-1, 1);
            x[i][1] = random.nextDouble(-1, 1);
            y[i] = x[i][0] * x[i][1] < 0 ? 1 : 0;
        }
        return classification("xor", x, y, 2);
    }

    /// Interleaved spirals: class $k$ of $K$ follows $r = t$, $\theta = 4t + 2\pi k/K$ for
    /// $t \in [0, 1]$, with $\mathcal N(0, \sigma^2)$ noise on $\theta$ (CS231n's classic toy problem).
    ///
    /// @param n the number of examples
    /// @param classes $K \ge 2$
    /// @param noise $\sigma \ge 0$, in radians
    /// @param seed the seed
    /// @return the dataset
    public static Dataset spirals(int n, int classes, double noise, long seed) {
        requireCount(n);
        if (classes < 2) {
            throw new IllegalArgumentException("spirals: at least 2 classes, got " + classes);
        }
        requireNonNegative("noise", noise);
        SplittableRandom random = new SplittableRandom(seed);
        double[][] x = new double[n][2];
        double[] y = new double[n];
        int perClass = Math.max(1, n / classes);
        for (int i = 0; i < n; i++) {
            int k = i % classes;
            int step = i / classes; // the example's place along its arm
            double t = Math.min(1, (double) step / Math.max(1, perClass - 1));
            double theta = 4 * t + 2 * Math.PI * k / classes + noise * random.nextGaussian();
            x[i][0] = t * Math.cos(theta);
            x[i][1] = t * Math.sin(theta);
            y[i] = k;
        }
        return classification("spirals", x, y, classes);
    }

    /// A linear regression problem: $X$ with independent standard normal entries,
    /// $y = X w + b + \varepsilon$ with $w$ drawn uniformly from $[-10, 10]$ on the first `informative`
    /// features and 0 on the rest, $\varepsilon \sim \mathcal N(0, \sigma^2)$. The true coefficients are
    /// returned with the data, so a fit can be checked against them.
    ///
    /// @param n the number of examples
    /// @param d the number of features
    /// @param informative how many features matter, $\le d$
    /// @param intercept $b$
    /// @param noise $\sigma \ge 0$
    /// @param seed the seed
    /// @return the dataset and the true coefficients
    public static Regression regression(int n, int d, int informative, double intercept, double noise, long seed) {
        requireCount(n);
        if (d < 1 || informative < 0 || informative > d) {
            throw new IllegalArgumentException(
                    "regression: need d ≥ 1 and 0 ≤ informative ≤ d, got d = " + d + ", informative = " + informative);
        }
        requireNonNegative("noise", noise);
        SplittableRandom random = new SplittableRandom(seed);
        double[] w = new double[d];
        for (int j = 0; j < informative; j++) {
            w[j] = random.nextDouble(-10, 10);
        }
        double[][] x = new double[n][d];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double s = intercept;
            for (int j = 0; j < d; j++) {
                x[i][j] = random.nextGaussian();
                s += w[j] * x[i][j];
            }
            y[i] = s + noise * random.nextGaussian();
        }
        Dataset data = Dataset.of("regression", Dataset.matrix(n, d, x), names(d), y, "target", List.of());
        return new Regression(data, w, intercept);
    }

    /// A synthetic regression problem with the coefficients that generated it.
    ///
    /// @param data the dataset
    /// @param coefficients the true $w$
    /// @param intercept the true $b$
    @SuppressWarnings("ArrayRecordComponent") // a generator's answer key, read by tests and experiments
    public record Regression(Dataset data, double[] coefficients, double intercept) {}

    /// A binary classification problem from a logistic model: $X$ standard normal, $P(y = 1 \mid x) =
    /// \sigma(x^\top w + b)$ with $w$ drawn uniformly from $[-s, s]$ on the first `informative` features
    /// (0 elsewhere). Larger $s$ makes the classes more separable. The true parameters are returned.
    ///
    /// @param n the number of examples
    /// @param d the number of features
    /// @param informative how many features matter, $\le d$
    /// @param scale $s > 0$
    /// @param seed the seed
    /// @return the dataset and the true parameters
    public static Regression logistic(int n, int d, int informative, double scale, long seed) {
        requireCount(n);
        if (d < 1 || informative < 0 || informative > d || !(scale > 0)) {
            throw new IllegalArgumentException("logistic: need d ≥ 1, 0 ≤ informative ≤ d and scale > 0, got d = " + d
                    + ", informative = " + informative + ", scale = " + scale);
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] w = new double[d];
        for (int j = 0; j < informative; j++) {
            w[j] = random.nextDouble(-scale, scale);
        }
        double b = random.nextDouble(-1, 1);
        double[][] x = new double[n][d];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double z = b;
            for (int j = 0; j < d; j++) {
                x[i][j] = random.nextGaussian();
                z += w[j] * x[i][j];
            }
            y[i] = random.nextDouble() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
        }
        Dataset data = Dataset.of("logistic", Dataset.matrix(n, d, x), names(d), y, "target", List.of("0", "1"));
        return new Regression(data, w, b);
    }

    /// A classification problem built as scikit-learn's `make_classification` builds it (its algorithm, not
    /// its random numbers): each class is made of `clustersPerClass` Gaussian clusters centred on distinct
    /// vertices of the hypercube $[-s, s]^{p}$ in the $p$ = `informative` dimensions ($s$ = `classSep`),
    /// each cluster given a random covariance $A^\top A$ with $A$ uniform in $[-1, 1]^{p \times p}$; then
    /// `redundant` features that are random linear combinations of the informative ones, the rest pure
    /// noise $\mathcal N(0, 1)$, a fraction `flipY` of labels replaced at random, and the columns shuffled.
    /// Examples are spread over the clusters as evenly as possible.
    ///
    /// @param n the number of examples
    /// @param features the number of features $d$
    /// @param informative $p$, with $2^p \ge$ classes × clusters per class
    /// @param redundant the number of redundant features, informative + redundant $\le d$
    /// @param classes the number of classes, $\ge 2$
    /// @param clustersPerClass clusters per class, $\ge 1$
    /// @param classSep $s > 0$: larger separates the classes more
    /// @param flipY the fraction of labels replaced by random ones, in $[0, 1]$
    /// @param seed the seed
    /// @return the dataset
    public static Dataset classification(
            int n,
            int features,
            int informative,
            int redundant,
            int classes,
            int clustersPerClass,
            double classSep,
            double flipY,
            long seed) {
        requireCount(n);
        int clusters = classes * clustersPerClass;
        if (informative < 1
                || redundant < 0
                || informative + redundant > features
                || classes < 2
                || clustersPerClass < 1
                || informative >= 31
                || (1L << informative) < clusters
                || !(classSep > 0)
                || !(flipY >= 0 && flipY <= 1)) {
            throw new IllegalArgumentException("classification: need 1 ≤ informative, informative + redundant ≤"
                    + " features, classes ≥ 2, 2^informative ≥ classes × clusters per class, classSep > 0 and flipY in"
                    + " [0, 1]; got features = " + features + ", informative = " + informative + ", redundant = "
                    + redundant + ", classes = " + classes + ", clusters per class = " + clustersPerClass
                    + ", classSep = " + classSep + ", flipY = " + flipY);
        }
        SplittableRandom random = new SplittableRandom(seed);
        // distinct hypercube vertices, chosen at random
        int[] vertices = Dataset.permutation(1 << informative, random);
        double[][] x = new double[n][features];
        double[] y = new double[n];
        int start = 0;
        for (int c = 0; c < clusters; c++) {
            int size = n / clusters + (c < n % clusters ? 1 : 0);
            double[][] a = new double[informative][informative];
            for (double[] row : a) {
                for (int j = 0; j < informative; j++) {
                    row[j] = random.nextDouble(-1, 1);
                }
            }
            for (int i = start; i < start + size; i++) {
                double[] z = new double[informative];
                for (int j = 0; j < informative; j++) {
                    z[j] = random.nextGaussian();
                }
                for (int j = 0; j < informative; j++) {
                    double v = 0;
                    for (int k = 0; k < informative; k++) {
                        v += z[k] * a[k][j];
                    }
                    int bit = (vertices[c] >> j) & 1;
                    x[i][j] = v + (bit == 1 ? classSep : -classSep);
                }
                y[i] = c % classes;
            }
            start += size;
        }
        double[][] b = new double[informative][redundant];
        for (double[] row : b) {
            for (int j = 0; j < redundant; j++) {
                row[j] = random.nextDouble(-1, 1);
            }
        }
        for (int i = 0; i < n; i++) {
            for (int r = 0; r < redundant; r++) {
                double v = 0;
                for (int k = 0; k < informative; k++) {
                    v += x[i][k] * b[k][r];
                }
                x[i][informative + r] = v;
            }
            for (int j = informative + redundant; j < features; j++) {
                x[i][j] = random.nextGaussian();
            }
            if (random.nextDouble() < flipY) {
                y[i] = random.nextInt(classes);
            }
        }
        int[] columns = Dataset.permutation(features, random);
        double[][] shuffled = new double[n][features];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < features; j++) {
                shuffled[i][j] = x[i][columns[j]];
            }
        }
        int[] rows = Dataset.permutation(n, random);
        double[][] xs = new double[n][];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = shuffled[rows[i]];
            ys[i] = y[rows[i]];
        }
        return classification("classification", xs, ys, classes);
    }

    /// Unlabelled standard normal data: $m$ rows of $d$ independent $\mathcal N(0, 1)$ features, as
    /// `numpy.random.standard_normal((m, d))`. Every direction has variance 1, so the population has no
    /// principal components at all: the sample's come from noise only, their variances spread by the
    /// Marchenko–Pastur law over about $(1 \pm \sqrt{d/m})^2$. A hard case for a randomized PCA, whose
    /// power iterations converge at the rate of the gaps between the singular values.
    ///
    /// @param m the number of rows
    /// @param d the number of features
    /// @param seed the seed
    /// @return the dataset, without a target
    public static Dataset gaussian(int m, int d, long seed) {
        requireCount(m);
        if (d < 1) {
            throw new IllegalArgumentException("gaussian: the number of features must be ≥ 1, got " + d);
        }
        if ((long) m * d > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(
                    "gaussian: " + m + " × " + d + " entries do not fit in one Java array (at most 2^31 − 9)");
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] x = new double[m * d];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextGaussian();
        }
        return new Dataset("gaussian", Matrix.ofRowMajor(m, d, x), names(d), Matrix.zeros(m, 0), List.of(), List.of());
    }

    private static Dataset classification(String name, double[][] x, double[] y, int classes) {
        List<String> classNames = new ArrayList<>();
        for (int k = 0; k < classes; k++) {
            classNames.add(Integer.toString(k));
        }
        return Dataset.of(name, Dataset.matrix(x.length, x[0].length, x), names(x[0].length), y, "target", classNames);
    }

    private static List<String> names(int d) {
        List<String> names = new ArrayList<>();
        for (int j = 0; j < d; j++) {
            names.add("x" + j);
        }
        return names;
    }

    private static void requireCount(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("the number of examples must be ≥ 1, got " + n);
        }
    }

    private static void requireNonNegative(String name, double v) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(name + " must be finite and ≥ 0, got " + v);
        }
    }
}
