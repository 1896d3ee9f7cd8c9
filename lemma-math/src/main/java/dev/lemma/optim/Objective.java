package dev.lemma.optim;

import dev.lemma.autodiff.Tensor;
import dev.lemma.linalg.Vector;
import dev.lemma.numeric.DimensionMismatchException;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.function.UnaryOperator;

/// A function $f : \mathbb{R}^n \to \mathbb{R}$ to minimise, with its gradient: what every optimiser
/// in this package consumes.
///
/// Three ways to get one: write the value and the gradient by hand ([#of]); write only the value with
/// tensors and let reverse-mode differentiation supply the exact gradient ([#fromTensors]); or, for a
/// check, differentiate numerically (`dev.lemma.calculus.MultivariateDerivatives`).
///
/// Book: chapter 2, "Reverse mode and back-propagation" (the bridge); chapter 5 (the optimisers).
public interface Objective {

    /// @return $n$, the number of variables
    int dimension();

    /// $f(x)$.
    ///
    /// @param x the point, of length [#dimension()]
    /// @return the value
    /// @throws DimensionMismatchException if the length of `x` is not the dimension
    double value(Vector x);

    /// $\nabla f(x)$.
    ///
    /// @param x the point, of length [#dimension()]
    /// @return the gradient, of the same length
    /// @throws DimensionMismatchException if the length of `x` is not the dimension
    Vector gradient(Vector x);

    /// $f(x)$ and $\nabla f(x)$ together, which costs one evaluation where the gradient is computed
    /// alongside the value (reverse mode computes the value on its way to the gradient). The default
    /// calls [#value] and [#gradient].
    ///
    /// @param x the point
    /// @return the value and the gradient
    default Evaluation evaluate(Vector x) {
        return new Evaluation(value(x), gradient(x));
    }

    /// The value and the gradient at one point.
    ///
    /// @param value $f(x)$
    /// @param gradient $\nabla f(x)$
    record Evaluation(double value, Vector gradient) {}

    /// An objective from hand-written value and gradient.
    ///
    /// @param dimension $n$
    /// @param value $x \mapsto f(x)$
    /// @param gradient $x \mapsto \nabla f(x)$
    /// @return the objective
    /// @throws IllegalArgumentException if the dimension is negative
    static Objective of(int dimension, ToDoubleFunction<Vector> value, Function<Vector, Vector> gradient) {
        if (dimension < 0) {
            throw new IllegalArgumentException("dimension must be ≥ 0 but is " + dimension);
        }
        return new Objective() {
            @Override
            public int dimension() {
                return dimension;
            }

            @Override
            public double value(Vector x) {
                return value.applyAsDouble(check(dimension, x));
            }

            @Override
            public Vector gradient(Vector x) {
                Vector g = gradient.apply(check(dimension, x));
                if (g.size() != dimension) {
                    throw new DimensionMismatchException(
                            "the gradient function returned " + g.size() + " entries for dimension " + dimension);
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
    ///     not return one entry
    static Objective fromTensors(UnaryOperator<Tensor> function, int... shape) {
        int[] dims = shape.clone();
        int n = Tensor.zeros(dims).size();
        return new Objective() {
            @Override
            public int dimension() {
                return n;
            }

            @Override
            public double value(Vector x) {
                return Tensor.noGrad(() -> scalar(
                                function.apply(Tensor.constant(check(n, x).toArray(), dims))))
                        .item();
            }

            @Override
            public Vector gradient(Vector x) {
                return evaluate(x).gradient();
            }

            @Override
            public Evaluation evaluate(Vector x) {
                Tensor variables = Tensor.of(check(n, x).toArray(), dims);
                Tensor y = scalar(function.apply(variables));
                if (!y.requiresGrad()) { // the function ignored its argument: f is constant
                    return new Evaluation(y.item(), Vector.zeros(n));
                }
                y.backward();
                return new Evaluation(y.item(), variables.grad().toVector());
            }
        };
    }

    private static Tensor scalar(Tensor y) {
        if (y.size() != 1) {
            throw new IllegalArgumentException("the objective's tensor function must return one number, it returned"
                    + " a tensor of shape " + java.util.Arrays.toString(y.shape()));
        }
        return y;
    }

    private static Vector check(int dimension, Vector x) {
        if (x.size() != dimension) {
            throw new DimensionMismatchException(
                    "the objective has " + dimension + " variables but x has " + x.size() + " entries");
        }
        return x;
    }
}
