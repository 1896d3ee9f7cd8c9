package dev.lemma.calculus;

import dev.lemma.linalg.Matrix;
import dev.lemma.linalg.Vector;

/// The test functions of machine learning with their derivatives worked by hand: a quadratic form,
/// least squares, softmax cross-entropy and Rosenbrock's function. Each in plain doubles and, where the
/// forward-mode tests need it, written with duals.
final class Functions {
    private Functions() {}

    /// $x^\top A x$.
    static double quadratic(Matrix A, Vector x) {
        return x.dot(A.times(x));
    }

    /// $\|Ax - b\|^2$.
    static double leastSquares(Matrix A, Vector b, Vector x) {
        Vector r = A.times(x).minus(b);
        return r.dot(r);
    }

    /// $\operatorname{softmax}(z)_i = e^{z_i - \max z} / \sum_j e^{z_j - \max z}$.
    static Vector softmax(Vector z) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < z.size(); i++) {
            max = Math.max(max, z.get(i));
        }
        double[] e = new double[z.size()];
        double sum = 0;
        for (int i = 0; i < e.length; i++) {
            e[i] = Math.exp(z.get(i) - max);
            sum += e[i];
        }
        return Vector.of(e).times(1 / sum);
    }

    /// Cross-entropy of softmax(z) against a probability vector y: $-\sum_i y_i \log
    /// \operatorname{softmax}(z)_i = \log \sum_j e^{z_j} - y \cdot z$ (when $\sum y = 1$).
    static double softmaxCrossEntropy(Vector y, Vector z) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < z.size(); i++) {
            max = Math.max(max, z.get(i));
        }
        double sum = 0;
        for (int i = 0; i < z.size(); i++) {
            sum += Math.exp(z.get(i) - max);
        }
        return max + Math.log(sum) - y.dot(z);
    }

    /// Rosenbrock's function $(1 - x)^2 + 100(y - x^2)^2$ (Rosenbrock 1960; Nocedal & Wright Eq. 2.22).
    static double rosenbrock(Vector v) {
        double x = v.get(0);
        double y = v.get(1);
        return (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x);
    }

    static Vector rosenbrockGradient(Vector v) {
        double x = v.get(0);
        double y = v.get(1);
        return Vector.of(-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x));
    }

    static Matrix rosenbrockHessian(Vector v) {
        double x = v.get(0);
        double y = v.get(1);
        return Matrix.of(new double[][] {{2 - 400 * y + 1200 * x * x, -400 * x}, {-400 * x, 200}});
    }

    static Dual rosenbrock(Dual[] v) {
        Dual a = v[0].negate().plus(1);
        Dual b = v[1].minus(v[0].times(v[0]));
        return a.times(a).plus(b.times(b).times(100));
    }

    static Dual[] rosenbrockGradient(Dual[] v) {
        Dual x = v[0];
        Dual y = v[1];
        Dual b = y.minus(x.times(x));
        return new Dual[] {x.negate().plus(1).times(-2).minus(x.times(b).times(400)), b.times(200)};
    }

    static HyperDual rosenbrock(HyperDual[] v) {
        HyperDual a = v[0].negate().plus(1);
        HyperDual b = v[1].minus(v[0].times(v[0]));
        return a.times(a).plus(b.times(b).times(100));
    }

    /// Softmax cross-entropy $\log \sum_j e^{z_j} - y \cdot z$ written with hyper-duals (no max shift:
    /// the test inputs are small).
    static HyperDual softmaxCrossEntropy(Vector y, HyperDual[] z) {
        HyperDual sum = HyperDual.constant(0);
        HyperDual dot = HyperDual.constant(0);
        for (int i = 0; i < z.length; i++) {
            sum = sum.plus(z[i].exp());
            dot = dot.plus(z[i].times(y.get(i)));
        }
        return sum.log().minus(dot);
    }
}
