package dev.lemma.optim;

import dev.lemma.autodiff.Tensor;
import dev.lemma.numeric.DimensionMismatchException;
import java.util.Arrays;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.function.UnaryOperator;

/// A function $f : \mathbb{R}^n \to \mathbb{R}$ to minimise, with its gradient: what every optimiser
/// in this package consumes. Points and gradients are plain `double[]`, the form an optimiser updates in
/// place step after step.
///
/// Three ways to get one: write the value and the gradient by hand ([#of]); write only the value with
/// tensors and let reverse-mode differentiation supply the exact gradient ([#fromTensors]); or, for a
/// check, differentiate numerically (`dev.lemma.calculus.MultivariateDerivatives`).
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
