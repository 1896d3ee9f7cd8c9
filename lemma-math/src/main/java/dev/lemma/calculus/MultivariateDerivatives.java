package dev.lemma.calculus;

import dev.lemma.linalg.Matrix;
import dev.lemma.linalg.Vector;
import dev.lemma.numeric.Checks;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/// Derivatives of functions of several variables by central differences: the gradient of
/// $f: \mathbb{R}^n \to \mathbb{R}$, the Jacobian of $F: \mathbb{R}^n \to \mathbb{R}^m$, the Hessian,
/// directional derivatives and Hessian-vector products.
///
/// Each coordinate gets its own step, scaled with that coordinate as in [Derivative]:
/// $h_i = \sqrt[3]{u} \max(1, |x_i|)$ for first derivatives (error $O(u^{2/3})$) and
/// $h_i = u^{1/4} \max(1, |x_i|)$ for the Hessian from values of $f$ (error $O(\sqrt{u})$). The
/// derivation of these defaults is in [Derivative]'s Javadoc; the source is Nocedal & Wright,
/// *Numerical Optimization*, 2nd ed., §8.1.
///
/// Cost, in evaluations: gradient $2n$ of $f$; Jacobian $2n$ of $F$; Hessian $2n^2 + 1$ of $f$ (or
/// $2n$ of the gradient); directional derivative and Hessian-vector product 2.
///
/// Non-finite values: the point and the direction must be finite (`NonFiniteValueException`, naming
/// the index); NaN or infinity returned by `f` propagates into the entries it touches.
///
/// Book: chapter 2, sections "Gradient and Jacobian" and "The Hessian".
public final class MultivariateDerivatives {
    private MultivariateDerivatives() {}

    /// The gradient $\nabla f(x)$ by central differences,
    /// $\partial_i f(x) \approx \frac{f(x + h_i e_i) - f(x - h_i e_i)}{2 h_i}$,
    /// $h_i = \sqrt[3]{u} \max(1, |x_i|)$; error $O(u^{2/3})$ per entry.
    ///
    /// @param f the function $\mathbb{R}^n \to \mathbb{R}$
    /// @param x the point
    /// @return $\nabla f(x) \in \mathbb{R}^n$
    /// @throws dev.lemma.numeric.NonFiniteValueException if an entry of `x` is not finite
    public static Vector gradient(ToDoubleFunction<Vector> f, Vector x) {
        double[] point = finitePoint(x);
        double[] g = new double[point.length];
        for (int i = 0; i < point.length; i++) {
            double h = step(point[i], Derivative.centralStep(point[i]));
            double plus = f.applyAsDouble(shifted(point, i, h));
            double minus = f.applyAsDouble(shifted(point, i, -h));
            g[i] = (plus - minus) / (2 * h);
        }
        return Vector.of(g);
    }

    /// The `m×n` Jacobian $J_{ij} = \partial F_i / \partial x_j$ by central differences: column $j$
    /// is $\frac{F(x + h_j e_j) - F(x - h_j e_j)}{2 h_j}$, $h_j = \sqrt[3]{u} \max(1, |x_j|)$;
    /// error $O(u^{2/3})$ per entry.
    ///
    /// @param F the function $\mathbb{R}^n \to \mathbb{R}^m$
    /// @param x the point
    /// @return $J_F(x)$, `m×n`
    /// @throws dev.lemma.numeric.NonFiniteValueException if an entry of `x` is not finite
    /// @throws dev.lemma.numeric.DimensionMismatchException if `F` returns vectors of different lengths
    public static Matrix jacobian(Function<Vector, Vector> F, Vector x) {
        double[] point = finitePoint(x);
        int n = point.length;
        int m = F.apply(x).size();
        double[] J = new double[m * n];
        for (int j = 0; j < n; j++) {
            double h = step(point[j], Derivative.centralStep(point[j]));
            Vector plus = F.apply(shifted(point, j, h));
            Vector minus = F.apply(shifted(point, j, -h));
            Checks.dimensions(
                    plus.size() == m && minus.size() == m,
                    "F(x) has length %d but F(x ± h e_%d) has lengths %d and %d",
                    m,
                    j,
                    plus.size(),
                    minus.size());
            for (int i = 0; i < m; i++) {
                J[i * n + j] = (plus.get(i) - minus.get(i)) / (2 * h);
            }
        }
        return Matrix.ofRowMajor(m, n, J);
    }

    /// The Hessian $\nabla^2 f(x)$ from values of $f$ by the 4-point formula
    /// $$H_{ij} \approx \frac{f(x + h_i e_i + h_j e_j) - f(x + h_i e_i - h_j e_j)
    ///   - f(x - h_i e_i + h_j e_j) + f(x - h_i e_i - h_j e_j)}{4 h_i h_j},$$
    /// and on the diagonal the second difference $\frac{f(x + h_i e_i) - 2f(x) + f(x - h_i e_i)}{h_i^2}$.
    /// Truncation $O(h^2)$, rounding $O(u / h^2)$, so $h_i = u^{1/4} \max(1, |x_i|)$ and an error
    /// $O(\sqrt{u}) \approx 10^{-8}$. Only $j > i$ is computed and mirrored: the result is exactly
    /// symmetric. $2n^2 + 1$ evaluations; prefer [#hessianFromGradient(Function, Vector)] when the
    /// gradient is known.
    ///
    /// @param f the function $\mathbb{R}^n \to \mathbb{R}$
    /// @param x the point
    /// @return the symmetric `n×n` Hessian
    /// @throws dev.lemma.numeric.NonFiniteValueException if an entry of `x` is not finite
    public static Matrix hessian(ToDoubleFunction<Vector> f, Vector x) {
        double[] point = finitePoint(x);
        int n = point.length;
        double[] h = new double[n];
        for (int i = 0; i < n; i++) {
            h[i] = step(point[i], Derivative.secondStep(point[i]));
        }
        double f0 = f.applyAsDouble(x);
        double[] H = new double[n * n];
        for (int i = 0; i < n; i++) {
            double plus = f.applyAsDouble(shifted(point, i, h[i]));
            double minus = f.applyAsDouble(shifted(point, i, -h[i]));
            H[i * n + i] = (plus - 2 * f0 + minus) / (h[i] * h[i]);
            for (int j = i + 1; j < n; j++) {
                double pp = f.applyAsDouble(shifted(point, i, h[i], j, h[j]));
                double pm = f.applyAsDouble(shifted(point, i, h[i], j, -h[j]));
                double mp = f.applyAsDouble(shifted(point, i, -h[i], j, h[j]));
                double mm = f.applyAsDouble(shifted(point, i, -h[i], j, -h[j]));
                double hij = (pp - pm - mp + mm) / (4 * h[i] * h[j]);
                H[i * n + j] = hij;
                H[j * n + i] = hij;
            }
        }
        return Matrix.ofRowMajor(n, n, H);
    }

    /// The Hessian as the Jacobian of a known gradient, by central differences with
    /// $h_j = \sqrt[3]{u} \max(1, |x_j|)$ (error $O(u^{2/3})$, better than [#hessian] from values),
    /// then symmetrised, $\frac12 (J + J^\top)$: the two triangles of $J$ differ by rounding only, and
    /// their mean is the symmetric matrix nearest to $J$ in the Frobenius norm.
    ///
    /// @param gradient $x \mapsto \nabla f(x)$
    /// @param x the point
    /// @return the symmetric `n×n` Hessian
    /// @throws dev.lemma.numeric.NonFiniteValueException if an entry of `x` is not finite
    /// @throws dev.lemma.numeric.DimensionMismatchException if the gradient's length is not $n$
    public static Matrix hessianFromGradient(Function<Vector, Vector> gradient, Vector x) {
        Matrix J = jacobian(gradient, x);
        Checks.dimensions(J.rows() == x.size(), "the gradient has length %d but x has length %d", J.rows(), x.size());
        return J.plus(J.transpose()).times(0.5);
    }

    /// The directional derivative $D_v f(x) = \nabla f(x) \cdot v = \frac{d}{dt} f(x + tv) |_{t=0}$, by
    /// a central difference in $t$ with $t = \sqrt[3]{u} \max(1, \|x\|_\infty) / \|v\|_\infty$ (so the
    /// points move by the same amount as a coordinate step would). Two evaluations, whatever $n$.
    /// Returns 0 when $v = 0$.
    ///
    /// @param f the function $\mathbb{R}^n \to \mathbb{R}$
    /// @param x the point
    /// @param v the direction (not normalised: the result is linear in `v`)
    /// @return $\nabla f(x) \cdot v$
    /// @throws dev.lemma.numeric.NonFiniteValueException if `x` or `v` has a non-finite entry
    /// @throws dev.lemma.numeric.DimensionMismatchException if the lengths of `x` and `v` differ
    public static double directionalDerivative(ToDoubleFunction<Vector> f, Vector x, Vector v) {
        double t = lineStep(x, v);
        if (t == 0.0) {
            return 0.0;
        }
        return (f.applyAsDouble(x.plus(v.times(t))) - f.applyAsDouble(x.minus(v.times(t)))) / (2 * t);
    }

    /// The Hessian-vector product $\nabla^2 f(x) v = \frac{d}{dt} \nabla f(x + tv) |_{t=0}$ by a
    /// central difference of the gradient along `v`, with the step of
    /// [#directionalDerivative(ToDoubleFunction, Vector, Vector)]; error $O(u^{2/3})$. Two gradient
    /// evaluations and no $n \times n$ matrix: the product Newton–CG and Lanczos need. For a product
    /// exact to rounding, see [ForwardMode#hessianVectorProduct(DualMap, Vector, Vector)].
    ///
    /// @param gradient $x \mapsto \nabla f(x)$
    /// @param x the point
    /// @param v the vector
    /// @return $\nabla^2 f(x)\, v$
    /// @throws dev.lemma.numeric.NonFiniteValueException if `x` or `v` has a non-finite entry
    /// @throws dev.lemma.numeric.DimensionMismatchException if the lengths of `x` and `v` differ
    public static Vector hessianVectorProduct(Function<Vector, Vector> gradient, Vector x, Vector v) {
        double t = lineStep(x, v);
        if (t == 0.0) {
            return Vector.zeros(x.size());
        }
        return gradient.apply(x.plus(v.times(t)))
                .minus(gradient.apply(x.minus(v.times(t))))
                .times(1 / (2 * t));
    }

    private static double lineStep(Vector x, Vector v) {
        Checks.dimensions(x.size() == v.size(), "x has length %d but v has length %d", x.size(), v.size());
        finitePoint(x);
        Checks.finite("v", v.toArray());
        double vmax = v.normInf();
        if (vmax == 0.0) {
            return 0.0;
        }
        return Derivative.CENTRAL_STEP_FACTOR * Math.max(1.0, x.normInf()) / vmax;
    }

    private static double[] finitePoint(Vector x) {
        double[] point = x.toArray();
        Checks.finite("x", point);
        return point;
    }

    /// The step $(x_i + h) - x_i$ actually taken once $x_i + h$ is rounded.
    private static double step(double xi, double h) {
        return (xi + h) - xi;
    }

    private static Vector shifted(double[] x, int i, double hi) {
        double[] y = x.clone();
        y[i] += hi;
        return Vector.of(y);
    }

    private static Vector shifted(double[] x, int i, double hi, int j, double hj) {
        double[] y = x.clone();
        y[i] += hi;
        y[j] += hj;
        return Vector.of(y);
    }
}
