package dev.lemma.calculus;

import dev.lemma.linalg.Matrix;
import dev.lemma.linalg.Vector;
import dev.lemma.numeric.Checks;

/// Forward-mode automatic differentiation with [Dual] numbers: derivatives, gradients, Jacobians,
/// directional derivatives and Hessian-vector products, all exact to rounding (no step, no truncation).
///
/// Forward mode computes one Jacobian-vector product $J v$ per evaluation: seed the inputs with
/// tangent $v$, read the tangent of the output. A gradient of $f: \mathbb{R}^n \to \mathbb{R}$ thus
/// costs $n$ evaluations (one per basis vector $e_i$), which is why training uses reverse mode
/// (`dev.lemma.autodiff`) instead; a directional derivative costs one.
///
/// ## Hessian-vector products
///
/// $\nabla^2 f(x)\, v = \frac{d}{dt} \nabla f(x + tv) |_{t=0}$ is the Jacobian of the gradient applied
/// to $v$: one forward pass *over a gradient*. If the gradient $\nabla f$ is written with duals (a
/// [DualMap]), seeding $x + v\varepsilon$ gives $\nabla f(x) + \nabla^2 f(x) v\,\varepsilon$, exact to
/// rounding, in the cost of about one gradient: [#hessianVectorProduct(DualMap, Vector, Vector)].
/// The alternative, forward-over-forward on $f$ itself, needs nested duals ([HyperDual],
/// $a + b\varepsilon_1 + c\varepsilon_2 + d\varepsilon_1\varepsilon_2$) and $n$ passes for $Hv$
/// ([#hessianVectorProductByHyperDuals(HyperDualField, Vector, Vector)], [#hessianByHyperDuals(HyperDualField,
/// Vector)]); and
/// forward-over-reverse (a dual-valued reverse sweep) is how the autodiff package does it at scale
/// (Pearlmutter, "Fast exact multiplication by the Hessian", Neural Computation 6(1), 1994).
///
/// Non-finite values: the point and the direction must be finite (`NonFiniteValueException`); NaN
/// from the function propagates.
///
/// References: Griewank & Walther, *Evaluating Derivatives*, 2nd ed., SIAM 2008, ch. 3; Baydin et
/// al., "Automatic differentiation in machine learning: a survey", JMLR 18, 2018.
///
/// Book: chapter 2, section "Forward-mode automatic differentiation".
public final class ForwardMode {
    private ForwardMode() {}

    /// $f'(x)$, exact to rounding: the tangent of $f(x + \varepsilon)$. One evaluation.
    ///
    /// @param f the function written with duals
    /// @param x the point
    /// @return $f'(x)$
    /// @throws dev.lemma.numeric.NonFiniteValueException if `x` is not finite
    public static double derivative(DualFunction f, double x) {
        Checks.finite("x", x);
        return f.apply(Dual.variable(x)).derivative();
    }

    /// $\nabla f(x) \cdot v$, exact to rounding: one evaluation with tangents `v`.
    ///
    /// @param f the function written with duals
    /// @param x the point
    /// @param v the direction
    /// @return $\nabla f(x) \cdot v$
    /// @throws dev.lemma.numeric.DimensionMismatchException if the lengths of `x` and `v` differ
    /// @throws dev.lemma.numeric.NonFiniteValueException if `x` or `v` has a non-finite entry
    public static double directionalDerivative(DualField f, Vector x, Vector v) {
        return f.apply(seed(x, v)).derivative();
    }

    /// $\nabla f(x)$, exact to rounding: $n$ evaluations, the $i$-th seeded with $e_i$.
    ///
    /// @param f the function written with duals
    /// @param x the point
    /// @return $\nabla f(x)$
    /// @throws dev.lemma.numeric.NonFiniteValueException if `x` has a non-finite entry
    public static Vector gradient(DualField f, Vector x) {
        int n = x.size();
        double[] g = new double[n];
        for (int i = 0; i < n; i++) {
            g[i] = f.apply(seed(x, Vector.unit(n, i))).derivative();
        }
        return Vector.of(g);
    }

    /// The `m×n` Jacobian $J_F(x)$, exact to rounding: column $j$ is the tangent of $F(x + e_j
    /// \varepsilon)$; $n$ evaluations.
    ///
    /// @param F the function written with duals
    /// @param x the point
    /// @return $J_F(x)$
    /// @throws dev.lemma.numeric.NonFiniteValueException if `x` has a non-finite entry
    /// @throws dev.lemma.numeric.DimensionMismatchException if `F` returns outputs of different lengths
    public static Matrix jacobian(DualMap F, Vector x) {
        int n = x.size();
        double[][] columns = new double[n][];
        int m = -1;
        for (int j = 0; j < n; j++) {
            Dual[] y = F.apply(seed(x, Vector.unit(n, j)));
            if (m < 0) {
                m = y.length;
            }
            Checks.dimensions(y.length == m, "F returned length %d for column 0 but %d for column %d", m, y.length, j);
            columns[j] = new double[m];
            for (int i = 0; i < m; i++) {
                columns[j][i] = y[i].derivative();
            }
        }
        if (n == 0) {
            Checks.finite("x", x.toArray());
            return Matrix.zeros(F.apply(new Dual[0]).length, 0);
        }
        double[] J = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                J[i * n + j] = columns[j][i];
            }
        }
        return Matrix.ofRowMajor(m, n, J);
    }

    /// The Hessian-vector product $\nabla^2 f(x)\, v$, exact to rounding, by one forward pass over a
    /// gradient written with duals: the tangent of $\nabla f(x + v\varepsilon)$ (see the class
    /// comment). No $n \times n$ matrix is formed.
    ///
    /// @param gradient $\nabla f$, written with duals
    /// @param x the point
    /// @param v the vector
    /// @return $\nabla^2 f(x)\, v$
    /// @throws dev.lemma.numeric.DimensionMismatchException if the lengths of `x`, `v` and the gradient
    ///     differ
    /// @throws dev.lemma.numeric.NonFiniteValueException if `x` or `v` has a non-finite entry
    public static Vector hessianVectorProduct(DualMap gradient, Vector x, Vector v) {
        Dual[] g = gradient.apply(seed(x, v));
        Checks.dimensions(g.length == x.size(), "the gradient has length %d but x has length %d", g.length, x.size());
        double[] Hv = new double[g.length];
        for (int i = 0; i < g.length; i++) {
            Hv[i] = g[i].derivative();
        }
        return Vector.of(Hv);
    }

    /// The Hessian $\nabla^2 f(x)$ column by column, $H e_j$, from a gradient written with duals;
    /// $n$ passes, symmetrised as $\frac12(H + H^\top)$ (the two triangles agree to rounding).
    ///
    /// @param gradient $\nabla f$, written with duals
    /// @param x the point
    /// @return the symmetric Hessian
    /// @throws dev.lemma.numeric.NonFiniteValueException if `x` has a non-finite entry
    /// @throws dev.lemma.numeric.DimensionMismatchException if the gradient's length is not $n$
    public static Matrix hessian(DualMap gradient, Vector x) {
        Matrix J = jacobian(gradient, x);
        Checks.dimensions(J.rows() == x.size(), "the gradient has length %d but x has length %d", J.rows(), x.size());
        return J.plus(J.transpose()).times(0.5);
    }

    /// The Hessian-vector product $\nabla^2 f(x)\, v$ by forward-over-forward mode on $f$ itself:
    /// entry $i$ is the $\varepsilon_1\varepsilon_2$ part of $f(x + e_i\varepsilon_1 +
    /// v\varepsilon_2)$, that is $e_i^\top \nabla^2 f(x)\, v$. Exact to rounding; $n$ evaluations of
    /// $f$ (against one of a gradient for [#hessianVectorProduct(DualMap, Vector, Vector)]), but no
    /// gradient has to be written.
    ///
    /// @param f the function written with hyper-duals
    /// @param x the point
    /// @param v the vector
    /// @return $\nabla^2 f(x)\, v$
    /// @throws dev.lemma.numeric.DimensionMismatchException if the lengths of `x` and `v` differ
    /// @throws dev.lemma.numeric.NonFiniteValueException if `x` or `v` has a non-finite entry
    public static Vector hessianVectorProductByHyperDuals(HyperDualField f, Vector x, Vector v) {
        Checks.dimensions(x.size() == v.size(), "x has length %d but v has length %d", x.size(), v.size());
        Checks.finite("x", x.toArray());
        Checks.finite("v", v.toArray());
        int n = x.size();
        double[] Hv = new double[n];
        for (int i = 0; i < n; i++) {
            Hv[i] = f.apply(seed(x, Vector.unit(n, i), v)).e12();
        }
        return Vector.of(Hv);
    }

    /// The Hessian $\nabla^2 f(x)$ by forward-over-forward mode: $H_{ij}$ is the
    /// $\varepsilon_1\varepsilon_2$ part of $f(x + e_i\varepsilon_1 + e_j\varepsilon_2)$, exact to
    /// rounding. $n(n+1)/2$ evaluations ($j \ge i$, mirrored), so exactly symmetric.
    ///
    /// @param f the function written with hyper-duals
    /// @param x the point
    /// @return the symmetric `n×n` Hessian
    /// @throws dev.lemma.numeric.NonFiniteValueException if `x` has a non-finite entry
    public static Matrix hessianByHyperDuals(HyperDualField f, Vector x) {
        Checks.finite("x", x.toArray());
        int n = x.size();
        double[] H = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double hij =
                        f.apply(seed(x, Vector.unit(n, i), Vector.unit(n, j))).e12();
                H[i * n + j] = hij;
                H[j * n + i] = hij;
            }
        }
        return Matrix.ofRowMajor(n, n, H);
    }

    /// The hyper-duals $x_i + u_i\varepsilon_1 + v_i\varepsilon_2$.
    private static HyperDual[] seed(Vector x, Vector u, Vector v) {
        HyperDual[] seeded = new HyperDual[x.size()];
        for (int i = 0; i < seeded.length; i++) {
            seeded[i] = new HyperDual(x.get(i), u.get(i), v.get(i), 0.0);
        }
        return seeded;
    }

    /// The duals $x_i + v_i\varepsilon$.
    static Dual[] seed(Vector x, Vector v) {
        Checks.dimensions(x.size() == v.size(), "x has length %d but v has length %d", x.size(), v.size());
        double[] point = x.toArray();
        double[] tangent = v.toArray();
        Checks.finite("x", point);
        Checks.finite("v", tangent);
        Dual[] seeded = new Dual[point.length];
        for (int i = 0; i < point.length; i++) {
            seeded[i] = new Dual(point[i], tangent[i]);
        }
        return seeded;
    }
}
