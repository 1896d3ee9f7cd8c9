package dev.lemma.linalg;

import dev.lemma.numeric.Checks;
import dev.lemma.numeric.Compensated;
import java.util.Arrays;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;

/// A dense vector of doubles, $x \in \mathbb{R}^n$. Immutable: every operation returns a new vector.
///
/// Non-finite entries are allowed and propagate through arithmetic as IEEE 754 says; the solvers that
/// take a vector reject them with a `NonFiniteValueException`.
///
/// Book: chapter 1, sections "Vectors and matrices" and "Dot product and geometry".
public final class Vector {
    private final double[] data;

    private Vector(double[] data) {
        this.data = data;
    }

    /// A vector with the given entries (copied).
    ///
    /// @param entries $x_0, \dots, x_{n-1}$
    /// @return the vector
    public static Vector of(double... entries) {
        return new Vector(entries.clone());
    }

    /// The zero vector of length `n`.
    ///
    /// @param n the length
    /// @return $0 \in \mathbb{R}^n$
    /// @throws IllegalArgumentException if `n < 0`
    public static Vector zeros(int n) {
        return new Vector(new double[Checks.nonNegative("n", n)]);
    }

    /// The vector of `n` entries all equal to `value`.
    ///
    /// @param n the length
    /// @param value every entry
    /// @return the constant vector
    public static Vector filled(int n, double value) {
        double[] x = new double[Checks.nonNegative("n", n)];
        Arrays.fill(x, value);
        return new Vector(x);
    }

    /// The `i`-th standard basis vector $e_i \in \mathbb{R}^n$.
    ///
    /// @param n the length
    /// @param i the index of the one
    /// @return $e_i$
    public static Vector unit(int n, int i) {
        double[] x = new double[Checks.nonNegative("n", n)];
        x[Checks.index("i", i, n)] = 1.0;
        return new Vector(x);
    }

    /// A vector of independent entries uniform on $[-1, 1)$, reproducible from `seed`.
    ///
    /// @param n the length
    /// @param seed the seed of the generator (`SplittableRandom`)
    /// @return the random vector
    public static Vector random(int n, long seed) {
        RandomGenerator rng = new java.util.SplittableRandom(seed);
        double[] x = new double[Checks.nonNegative("n", n)];
        for (int i = 0; i < n; i++) {
            x[i] = 2.0 * rng.nextDouble() - 1.0;
        }
        return new Vector(x);
    }

    /// Takes ownership of `data` without copying: for this package's kernels only.
    static Vector wrap(double[] data) {
        return new Vector(data);
    }

    /// The backing array, not copied: for this package's kernels only; never exposed.
    double[] data() {
        return data;
    }

    /// @return $n$, the number of entries
    public int size() {
        return data.length;
    }

    /// @param i an index in `[0, size())`
    /// @return $x_i$
    /// @throws IndexOutOfBoundsException if `i` is out of range
    public double get(int i) {
        return data[Checks.index("i", i, data.length)];
    }

    /// @return a copy of the entries
    public double[] toArray() {
        return data.clone();
    }

    /// $x + y$.
    ///
    /// @param y a vector of the same length
    /// @return the sum
    /// @throws dev.lemma.numeric.DimensionMismatchException if the lengths differ
    public Vector plus(Vector y) {
        sameLength("x + y", y);
        double[] z = new double[data.length];
        for (int i = 0; i < z.length; i++) {
            z[i] = data[i] + y.data[i];
        }
        return new Vector(z);
    }

    /// $x - y$.
    ///
    /// @param y a vector of the same length
    /// @return the difference
    /// @throws dev.lemma.numeric.DimensionMismatchException if the lengths differ
    public Vector minus(Vector y) {
        sameLength("x − y", y);
        double[] z = new double[data.length];
        for (int i = 0; i < z.length; i++) {
            z[i] = data[i] - y.data[i];
        }
        return new Vector(z);
    }

    /// $\alpha x$.
    ///
    /// @param alpha the scalar
    /// @return the scaled vector
    public Vector times(double alpha) {
        double[] z = new double[data.length];
        for (int i = 0; i < z.length; i++) {
            z[i] = alpha * data[i];
        }
        return new Vector(z);
    }

    /// The dot product $x \cdot y = \sum_i x_i y_i$, summed with compensation
    /// ([Compensated#dot(double\[\], double\[\])]) so that it is as accurate as if computed in twice the
    /// working precision.
    ///
    /// @param y a vector of the same length
    /// @return $x \cdot y$
    /// @throws dev.lemma.numeric.DimensionMismatchException if the lengths differ
    public double dot(Vector y) {
        sameLength("x · y", y);
        return Compensated.dot(data, y.data);
    }

    /// The outer product $x y^\top$, the `n×m` matrix with entries $x_i y_j$ (rank one unless a factor
    /// is zero).
    ///
    /// @param y a vector of length $m$
    /// @return $x y^\top$
    public Matrix outer(Vector y) {
        int n = data.length;
        int m = y.data.length;
        double[] a = new double[n * m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                a[i * m + j] = data[i] * y.data[j];
            }
        }
        return Matrix.wrap(n, m, a);
    }

    /// The 1-norm $\|x\|_1 = \sum_i |x_i|$ (0 for the empty vector; NaN if any entry is NaN, otherwise
    /// $\infty$ if any is infinite).
    ///
    /// @return $\|x\|_1$
    public double norm1() {
        double[] abs = new double[data.length];
        for (int i = 0; i < abs.length; i++) {
            abs[i] = Math.abs(data[i]);
        }
        return Compensated.sum(abs);
    }

    /// The Euclidean norm $\|x\|_2 = \sqrt{\sum_i x_i^2}$, computed with scaling so that it neither
    /// overflows nor underflows when $\|x\|_2$ itself is representable (the LAPACK `dnrm2` idea: divide
    /// by the largest magnitude first). 0 for the empty vector; NaN if any entry is NaN, otherwise
    /// $\infty$ if any is infinite.
    ///
    /// @return $\|x\|_2$
    public double norm2() {
        return norm2(data, 0, data.length);
    }

    /// The scaled Euclidean norm of `x[from .. to)`; see [#norm2()].
    static double norm2(double[] x, int from, int to) {
        double scale = 0.0;
        for (int i = from; i < to; i++) {
            scale = Math.max(scale, Math.abs(x[i]));
        }
        if (scale == 0.0 || !Double.isFinite(scale)) {
            return scale == 0.0 ? 0.0 : (Double.isNaN(scale) ? Double.NaN : Double.POSITIVE_INFINITY);
        }
        double sum = 0.0;
        for (int i = from; i < to; i++) {
            double t = x[i] / scale;
            sum += t * t;
        }
        return scale * Math.sqrt(sum);
    }

    /// The maximum norm $\|x\|_\infty = \max_i |x_i|$ (0 for the empty vector; NaN if any entry is NaN).
    ///
    /// @return $\|x\|_\infty$
    public double normInf() {
        double max = 0.0;
        for (double v : data) {
            if (Double.isNaN(v)) {
                return Double.NaN;
            }
            max = Math.max(max, Math.abs(v));
        }
        return max;
    }

    /// @return $x / \|x\|_2$
    /// @throws ArithmeticException if $x = 0$, which has no direction
    public Vector normalize() {
        double norm = norm2();
        if (norm == 0.0) {
            throw new ArithmeticException("cannot normalise the zero vector of length " + data.length);
        }
        return times(1.0 / norm);
    }

    private void sameLength(String operation, Vector y) {
        Checks.dimensions(
                data.length == y.data.length,
                "%s: x has length %d but y has length %d",
                operation,
                data.length,
                y.data.length);
    }

    /// Two vectors are equal when they have the same length and bitwise-equal entries
    /// (`Double.compare` semantics, so `NaN` equals `NaN` and `0.0` differs from `-0.0`).
    @Override
    public boolean equals(Object other) {
        return other instanceof Vector v && Arrays.equals(data, v.data);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return Arrays.stream(data).mapToObj(Double::toString).collect(Collectors.joining(", ", "[", "]"));
    }
}
