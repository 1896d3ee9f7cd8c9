package dev.lemma.optim;

import dev.lemma.autodiff.Tensor;
import dev.lemma.calculus.MultivariateDerivatives;
import dev.lemma.linalg.Matrix;
import dev.lemma.linalg.Vector;
import dev.lemma.numeric.DimensionMismatchException;
import java.util.Arrays;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.function.UnaryOperator;

/// A function $f : \mathbb{R}^n \to \mathbb{R}$ to minimise, with its gradient: what every optimiser
/// in this package consumes. Points and gradients are plain `double[]`, the form an optimiser updates in
/// place step after step.
///
/// Four ways to get one: write the value and the gradient by hand ([#of]), with the Hessian too
/// ([#withHessian]); write only the value with tensors and let reverse-mode differentiation supply the
/// exact gradient ([#fromTensors]); or write only the value and differentiate numerically ([#numerical]),
/// which is slow and approximate but a useful check.
///
/// Second derivatives are optional: [#hessian] and [#hessianVector] default to central differences of
/// the gradient (error $O(u^{2/3})$ relative), which Newton's method tolerates; an objective that knows
/// its Hessian overrides them.
///
/// Implementations must not modify the `x` they are given.
///
/// Book: chapter 2, "Reverse mode on arrays" (the bridge); chapter 5 (the optimisers).
public interface Objective {

    /// $f(x)$.
    ///
    /// @param x the point
    /// @return the value
    double value(double[] x);

    /// $\nabla f(x)$.
    ///
    /// @param x the point
    /// @return the gradient, a new array of the length of `x`
    double[] gradient(double[] x);

    /// $f(x)$ and $\nabla f(x)$ together, which costs one evaluation where the gradient is computed
    /// alongside the value (reverse mode computes the value on its way to the gradient). The default
    /// calls [#value] and [#gradient].
    ///
    /// @param x the point
    /// @return the value and the gradient
    default Evaluation evaluate(double[] x) {
        return new Evaluation(value(x), gradient(x));
    }

    /// $\nabla^2 f(x)$. The default differentiates the gradient by central differences
    /// ($2n$ gradient evaluations) and symmetrises the result.
    ///
    /// @param x the point
    /// @return the symmetric $n \times n$ Hessian
    default Matrix hessian(double[] x) {
        return MultivariateDerivatives.hessianFromGradient(v -> Vector.of(gradient(v.toArray())), Vector.of(x));
    }

    /// $\nabla^2 f(x)\,v$ without forming the Hessian. The default is a central difference of the
    /// gradient along $v$ (two gradient evaluations).
    ///
    /// @param x the point
    /// @param v the direction
    /// @return the product, of length $n$
    default double[] hessianVector(double[] x, double[] v) {
        return MultivariateDerivatives.hessianVectorProduct(
                        u -> Vector.of(gradient(u.toArray())), Vector.of(x), Vector.of(v))
                .toArray();
    }

    /// The value and the gradient at one point.
    ///
    /// @param value $f(x)$
    /// @param gradient $\nabla f(x)$
    @SuppressWarnings("ArrayRecordComponent") // a result handed to an optimiser, never compared or hashed
    record Evaluation(double value, double[] gradient) {}

    /// An objective from hand-written value and gradient. The gradient's length is checked against the
    /// point's at each call.
    ///
    /// @param value $x \mapsto f(x)$
    /// @param gradient $x \mapsto \nabla f(x)$
    /// @return the objective
    static Objective of(ToDoubleFunction<double[]> value, Function<double[], double[]> gradient) {
        return new Objective() {
            @Override
            public double value(double[] x) {
                return value.applyAsDouble(x);
            }

            @Override
            public double[] gradient(double[] x) {
                double[] g = gradient.apply(x);
                if (g == null || g.length != x.length) {
                    throw new DimensionMismatchException("the gradient function returned "
                            + (g == null ? "null" : g.length + " entries") + " for a point with " + x.length);
                }
                return g;
            }
        };
    }

    /// An objective from hand-written value, gradient and Hessian, for Newton's method.
    ///
    /// @param value $x \mapsto f(x)$
    /// @param gradient $x \mapsto \nabla f(x)$
    /// @param hessian $x \mapsto \nabla^2 f(x)$
    /// @return the objective
    static Objective withHessian(
            ToDoubleFunction<double[]> value,
            Function<double[], double[]> gradient,
            Function<double[], Matrix> hessian) {
        Objective first = of(value, gradient);
        return new Objective() {
            @Override
            public double value(double[] x) {
                return first.value(x);
            }

            @Override
            public double[] gradient(double[] x) {
                return first.gradient(x);
            }

            @Override
            public Matrix hessian(double[] x) {
                Matrix h = hessian.apply(x);
                if (h == null || h.rows() != x.length || h.cols() != x.length) {
                    throw new DimensionMismatchException("the Hessian function returned "
                            + (h == null ? "null" : h.rows() + "×" + h.cols()) + " for a point with " + x.length
                            + " entries");
                }
                return h;
            }

            @Override
            public double[] hessianVector(double[] x, double[] v) {
                if (v.length != x.length) {
                    throw new DimensionMismatchException(
                            "v has " + v.length + " entries but the point has " + x.length);
                }
                return hessian(x).times(Vector.of(v)).toArray();
            }
        };
    }

    /// An objective from its value alone, with the gradient by central differences
    /// ($h_j = \sqrt[3]{u}\max(1, |x_j|)$, $2n$ evaluations per gradient, error $O(u^{2/3})$). For
    /// checks and small problems; prefer an exact gradient ([#of], [#fromTensors]) to optimise.
    ///
    /// @param value $x \mapsto f(x)$
    /// @return the objective
    static Objective numerical(ToDoubleFunction<double[]> value) {
        return of(
                value,
                x -> MultivariateDerivatives.gradient(v -> value.applyAsDouble(v.toArray()), Vector.of(x))
                        .toArray());
    }

    /// An objective written with tensors, differentiated exactly by reverse mode: `function` receives the
    /// variables as a tensor of the given shape (the entries of $x$ in row-major order) and returns a
    /// tensor with one entry. A weight matrix is a shape `{rows, cols}`; a plain vector `{n}`.
    ///
    /// ```java
    /// // least squares ‖Aw − b‖² over w ∈ ℝ³
    /// Objective f = Objective.fromTensors(w -> a.matmul(w).sub(b).pow(2).sum(), 3);
    /// ```
    ///
    /// [#value] evaluates without recording a graph ([Tensor#noGrad()]); [#gradient] and [#evaluate]
    /// run one forward and one backward pass, so the gradient costs a small constant times the value.
    ///
    /// @param function the function, from a tensor of `shape` to a tensor with one entry
    /// @param shape the shape of the variables; $n$ is its size
    /// @return the objective
    /// @throws IllegalArgumentException if a dimension is negative; when evaluated, if `function` does
    ///     not return one entry or `x` does not have $n$ entries
    static Objective fromTensors(UnaryOperator<Tensor> function, int... shape) {
        int[] dims = shape.clone();
        int n = Tensor.zeros(dims).size();
        return new Objective() {
            @Override
            public double value(double[] x) {
                return Tensor.noGrad(() -> scalar(function.apply(Tensor.constant(check(n, x), dims))))
                        .item();
            }

            @Override
            public double[] gradient(double[] x) {
                return evaluate(x).gradient();
            }

            @Override
            public Evaluation evaluate(double[] x) {
                Tensor variables = Tensor.of(check(n, x), dims);
                Tensor y = scalar(function.apply(variables));
                if (!y.requiresGrad()) { // the function ignored its argument: f is constant
                    return new Evaluation(y.item(), new double[n]);
                }
                y.backward();
                return new Evaluation(y.item(), variables.grad().toArray());
            }
        };
    }

    private static Tensor scalar(Tensor y) {
        if (y.size() != 1) {
            throw new IllegalArgumentException("the objective's tensor function must return one number, it returned"
                    + " a tensor of shape " + Arrays.toString(y.shape()));
        }
        return y;
    }

    private static double[] check(int dimension, double[] x) {
        if (x.length != dimension) {
            throw new DimensionMismatchException(
                    "the objective has " + dimension + " variables but x has " + x.length + " entries");
        }
        return x;
    }
}
