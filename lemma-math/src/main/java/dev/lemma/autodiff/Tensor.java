package dev.lemma.autodiff;

import dev.lemma.linalg.Matrix;
import dev.lemma.linalg.Vector;
import dev.lemma.numeric.DimensionMismatchException;
import dev.lemma.numeric.SpecialFunctions;
import dev.lemma.numeric.StableFunctions;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/// An n-dimensional array of doubles that remembers how it was computed, so that [#backward] can send
/// derivatives back through the computation: [Value]'s reverse mode, one array at a time.
///
/// A tensor holds its entries in row-major order, its *shape* (`[]` for a scalar, `[n]` for a vector,
/// `[rows, cols]` for a matrix, and so on), and, when it takes part in differentiation, its gradient
/// (an array of the same shape), the tensors it was computed from and its local backward rule. As in
/// [Value], every operation's rule sits right beside its forward computation and *adds* into its
/// inputs' gradients, so a tensor used twice receives both contributions.
///
/// ```java
/// Tensor x = Tensor.constant(new double[][] {{1, 2}, {3, 4}, {5, 6}}); // 3 examples, 2 features
/// Tensor w = Tensor.randn(42, 2, 1);                                     // a parameter
/// Tensor b = Tensor.zeros(1);
/// Tensor y = Tensor.constant(new double[][] {{1}, {0}, {1}});
/// Tensor loss = x.matmul(w).add(b).mse(y);                               // b broadcasts over rows
/// loss.backward();
/// w.grad();                                                              // ∂loss/∂w, shape [2, 1]
/// ```
///
/// **Which tensors get gradients.** Every tensor made by a factory is a *leaf* that tracks its gradient
/// ([#of], [#zeros], [#randn], …), as every micrograd `Value` does, except those made by [#constant]
/// or [#detach], which are data: no gradient is computed for them (an input batch of 256×784 numbers
/// needs none). A computed tensor tracks its gradient when at least one of its inputs does and
/// gradients are enabled (see [#noGrad()]); otherwise it records nothing and keeps no graph alive.
///
/// **Broadcasting** follows NumPy: shapes are aligned on the right and a dimension of length 1 (or a
/// missing one) is repeated to match the other operand, so a bias of shape `[10]` adds to every row of
/// a `[256, 10]` batch. In the backward pass the gradient of a repeated operand is the *sum* over its
/// copies, the chain rule for a variable used many times.
///
/// **Errors.** Shapes that do not fit raise a [DimensionMismatchException] naming both shapes and the
/// axis; a bad axis, index or reshape an [IllegalArgumentException] naming it and the shape. Non-finite
/// numbers flow through as IEEE arithmetic makes them (the log of 0 is $-\infty$), as in PyTorch.
///
/// **Data is never overwritten.** No operation writes into an array it did not create, so [#reshape],
/// [#detach] and the factories may share arrays safely; [#setData] gives a leaf a new array.
///
/// Not thread-safe: a graph belongs to one thread (the matrix products inside may use all cores).
/// Tensors are compared by identity.
///
/// References: A. Karpathy, micrograd (2020); A. Paszke et al., "Automatic differentiation in PyTorch",
/// NIPS Autodiff Workshop 2017; NumPy's broadcasting rules (`numpy.org/doc/stable/user/basics.broadcasting`).
///
/// Book: chapter 2, section "Reverse mode and back-propagation".
public final class Tensor {
    private static final Tensor[] NO_INPUTS = {};
    private static final ThreadLocal<int[]> NO_GRAD_DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    private double[] data;
    private final int[] shape;
    private final int size;
    private final boolean requiresGrad;
    private final Tensor[] inputs;
    private final String op;

    /// ∂L/∂this, allocated (as zeros) when the first contribution arrives; `null` means zero.
    private double[] grad;

    /// Adds this tensor's gradient, times the local derivative, into its inputs' gradients.
    private Runnable backward;

    private Tensor(double[] data, int[] shape, boolean requiresGrad, String op, Tensor[] inputs) {
        this.data = data;
        this.shape = shape;
        this.size = data.length;
        this.requiresGrad = requiresGrad;
        this.op = op;
        this.inputs = inputs;
    }

    // ------------------------------------------------------------------ making tensors

    /// A leaf that tracks its gradient, holding a copy of `values` in row-major order.
    ///
    /// @param values the entries, row-major (the last index varies fastest)
    /// @param shape the dimensions; none for a scalar
    /// @return the tensor
    /// @throws IllegalArgumentException if a dimension is negative or the number of values is not the
    ///     product of the dimensions
    public static Tensor of(double[] values, int... shape) {
        return leaf(values.clone(), shape, true);
    }

    /// A leaf matrix that tracks its gradient, from its rows (all of one length).
    ///
    /// @param rows the rows
    /// @return the tensor of shape `[rows.length, rows[0].length]`
    /// @throws IllegalArgumentException if the rows differ in length (naming the first that does)
    public static Tensor of(double[][] rows) {
        return matrix(rows, true);
    }

    /// A leaf holding the entries of a Lemma [Matrix], tracking its gradient.
    ///
    /// @param m the matrix
    /// @return the tensor of shape `[m.rows(), m.cols()]`
    public static Tensor of(Matrix m) {
        return leaf(m.toRowMajorArray(), new int[] {m.rows(), m.cols()}, true);
    }

    /// A leaf holding the entries of a Lemma [Vector], tracking its gradient.
    ///
    /// @param v the vector
    /// @return the tensor of shape `[v.size()]`
    public static Tensor of(Vector v) {
        return leaf(v.toArray(), new int[] {v.size()}, true);
    }

    /// A leaf vector (rank 1) that tracks its gradient.
    ///
    /// @param values the entries
    /// @return the tensor of shape `[values.length]`
    public static Tensor vector(double... values) {
        return leaf(values.clone(), new int[] {values.length}, true);
    }

    /// A leaf scalar (rank 0, shape `[]`) that tracks its gradient.
    ///
    /// @param value the number
    /// @return the tensor
    public static Tensor scalar(double value) {
        return leaf(new double[] {value}, new int[0], true);
    }

    /// Data that takes no part in differentiation (no gradient is computed for it): inputs, targets.
    ///
    /// @param values the entries, row-major
    /// @param shape the dimensions
    /// @return the tensor
    /// @throws IllegalArgumentException as [#of(double[], int...)]
    public static Tensor constant(double[] values, int... shape) {
        return leaf(values.clone(), shape, false);
    }

    /// A constant matrix from its rows.
    ///
    /// @param rows the rows, all of one length
    /// @return the tensor
    public static Tensor constant(double[][] rows) {
        return matrix(rows, false);
    }

    /// A leaf of zeros that tracks its gradient (a bias, typically).
    ///
    /// @param shape the dimensions
    /// @return the tensor
    public static Tensor zeros(int... shape) {
        return leaf(new double[Shapes.size(shape)], shape, true);
    }

    /// A leaf of ones that tracks its gradient.
    ///
    /// @param shape the dimensions
    /// @return the tensor
    public static Tensor ones(int... shape) {
        return full(1.0, shape);
    }

    /// A leaf with every entry `value`, tracking its gradient.
    ///
    /// @param value the entry
    /// @param shape the dimensions
    /// @return the tensor
    public static Tensor full(double value, int... shape) {
        double[] values = new double[Shapes.size(shape)];
        Arrays.fill(values, value);
        return leaf(values, shape, true);
    }

    /// A leaf of independent standard normal entries, reproducible from `seed`, tracking its gradient.
    ///
    /// @param seed the seed of a `SplittableRandom`
    /// @param shape the dimensions
    /// @return the tensor
    public static Tensor randn(long seed, int... shape) {
        return randn(new SplittableRandom(seed), shape);
    }

    /// A leaf of independent standard normal entries drawn from `random`, tracking its gradient.
    ///
    /// @param random the generator
    /// @param shape the dimensions
    /// @return the tensor
    public static Tensor randn(RandomGenerator random, int... shape) {
        double[] values = new double[Shapes.size(shape)];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextGaussian();
        }
        return leaf(values, shape, true);
    }

    private static Tensor leaf(double[] values, int[] shape, boolean requiresGrad) {
        int size = Shapes.size(shape);
        if (values.length != size) {
            throw new IllegalArgumentException(
                    "shape " + Shapes.format(shape) + " needs " + size + " values, " + values.length + " were given");
        }
        return new Tensor(values, shape.clone(), requiresGrad, "", NO_INPUTS);
    }

    private static Tensor matrix(double[][] rows, boolean requiresGrad) {
        int cols = rows.length == 0 ? 0 : rows[0].length;
        double[] values = new double[rows.length * cols];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != cols) {
                throw new IllegalArgumentException(
                        "row " + i + " has " + rows[i].length + " entries, row 0 has " + cols);
            }
            System.arraycopy(rows[i], 0, values, i * cols, cols);
        }
        return new Tensor(values, new int[] {rows.length, cols}, requiresGrad, "", NO_INPUTS);
    }

    /// The result of an operation: tracks its gradient when gradients are enabled and an input does;
    /// only then does it keep its inputs (and so the graph) alive.
    private static Tensor result(double[] values, int[] shape, String op, Tensor... inputs) {
        boolean track = isGradEnabled() && anyTracks(inputs);
        return new Tensor(values, shape, track, op, track ? inputs : NO_INPUTS);
    }

    private static boolean anyTracks(Tensor[] inputs) {
        for (Tensor t : inputs) {
            if (t.requiresGrad) {
                return true;
            }
        }
        return false;
    }

    /// Sets the backward rule of a result that tracks its gradient; a result that does not never runs
    /// one, so the rule (and what it holds on to) is dropped.
    private Tensor withBackward(Runnable rule) {
        if (requiresGrad) {
            backward = rule;
        }
        return this;
    }

    /// This tensor's gradient array, allocated as zeros on first use, for backward rules to add into.
    private double[] gradBuffer() {
        if (grad == null) {
            grad = new double[size];
        }
        return grad;
    }

    // ------------------------------------------------------------------ reading

    /// @return a copy of the dimensions (`[]` for a scalar)
    public int[] shape() {
        return shape.clone();
    }

    /// @return the number of dimensions (0 for a scalar)
    public int rank() {
        return shape.length;
    }

    /// @return the number of entries, the product of the dimensions
    public int size() {
        return size;
    }

    /// The single entry of a tensor with one entry (a loss, typically).
    ///
    /// @return the entry
    /// @throws IllegalStateException if the tensor has more or fewer than one entry
    public double item() {
        if (size != 1) {
            throw new IllegalStateException("item() needs a tensor with one entry, this one has shape "
                    + Shapes.format(shape) + " (" + size + " entries)");
        }
        return data[0];
    }

    /// The entry at `index`, one index per dimension.
    ///
    /// @param index the indices, $0 \le i_d < n_d$
    /// @return the entry
    /// @throws IllegalArgumentException if the number of indices is not the rank or one is out of range
    public double get(int... index) {
        return data[offset(index)];
    }

    private int offset(int[] index) {
        if (index.length != shape.length) {
            throw new IllegalArgumentException("get: " + index.length + " indices for a tensor of shape "
                    + Shapes.format(shape) + " (rank " + shape.length + ")");
        }
        int offset = 0;
        for (int d = 0; d < shape.length; d++) {
            if (index[d] < 0 || index[d] >= shape[d]) {
                throw new IllegalArgumentException("get: index " + index[d] + " is out of range for axis " + d
                        + " of length " + shape[d] + " (shape " + Shapes.format(shape) + ")");
            }
            offset = offset * shape[d] + index[d];
        }
        return offset;
    }

    /// @return a copy of the entries in row-major order
    public double[] toArray() {
        return data.clone();
    }

    /// @return the entries of a rank-2 tensor as a Lemma [Matrix]
    /// @throws IllegalStateException if the rank is not 2
    public Matrix toMatrix() {
        if (shape.length != 2) {
            throw new IllegalStateException("toMatrix() needs rank 2, this tensor has shape " + Shapes.format(shape));
        }
        return Matrix.ofRowMajor(shape[0], shape[1], data.clone());
    }

    /// @return the entries in row-major order as a Lemma [Vector], whatever the shape
    public Vector toVector() {
        return Vector.of(data.clone());
    }

    /// @return whether a gradient is computed for this tensor
    public boolean requiresGrad() {
        return requiresGrad;
    }

    /// @return the operation that made this tensor (`"+"`, `"matmul"`, `"relu"`, …), `""` for a leaf
    public String op() {
        return op;
    }

    /// @return the tensors this one was computed from, in operand order; empty for a leaf and for a
    ///     result that does not track its gradient
    public List<Tensor> inputs() {
        return List.of(inputs);
    }

    /// $\partial L / \partial\, \text{this}$ as accumulated by the calls of [#backward] so far, zeros
    /// before any: a constant tensor of this shape (a copy).
    ///
    /// @return the gradient
    /// @throws IllegalStateException if this tensor does not track its gradient
    public Tensor grad() {
        if (!requiresGrad) {
            throw new IllegalStateException("this tensor (shape " + Shapes.format(shape)
                    + ") has no gradient: it is a constant or detached, was computed under noGrad, or"
                    + " depends on no tensor that tracks a gradient");
        }
        return new Tensor(grad == null ? new double[size] : grad.clone(), shape, false, "", NO_INPUTS);
    }

    /// Replaces the entries, as an optimiser does with a parameter between steps. Tensors already
    /// computed from this one keep the old values: build the graph again.
    ///
    /// @param values the new entries, row-major, as many as before
    /// @throws IllegalArgumentException if the count differs from the size
    public void setData(double[] values) {
        if (values.length != size) {
            throw new IllegalArgumentException("setData: " + values.length + " values for a tensor of shape "
                    + Shapes.format(shape) + " (" + size + " entries)");
        }
        data = values.clone();
    }

    /// The same entries as a constant, cut from the graph: nothing flows back through it. (PyTorch's
    /// `detach`; the entries are shared, which is safe because they are never overwritten.)
    ///
    /// @return a constant tensor
    public Tensor detach() {
        return new Tensor(data, shape, false, "", NO_INPUTS);
    }

    // ------------------------------------------------------------------ element-wise, with broadcasting

    /// $\text{this} + \text{other}$, broadcast; backward: the gradient passes unchanged to both
    /// operands, summed over the axes where one was repeated.
    ///
    /// @param other the other operand
    /// @return a new tensor of the broadcast shape
    /// @throws DimensionMismatchException if the shapes do not broadcast
    public Tensor add(Tensor other) {
        int[] zShape = Shapes.broadcast("add", shape, other.shape);
        double[] a = data;
        double[] b = other.data;
        double[] z = new double[Shapes.size(zShape)];
        Broadcast.rows(zShape, shape, other.shape, (zo, ao, as, bo, bs, n) -> {
            for (int i = 0; i < n; i++) {
                z[zo + i] = a[ao + i * as] + b[bo + i * bs];
            }
        });
        Tensor out = result(z, zShape, "+", this, other);
        return out.withBackward(() -> {
            double[] g = out.grad;
            if (requiresGrad) {
                double[] ga = gradBuffer();
                Broadcast.rows(zShape, shape, other.shape, (zo, ao, as, bo, bs, n) -> {
                    for (int i = 0; i < n; i++) {
                        ga[ao + i * as] += g[zo + i];
                    }
                });
            }
            if (other.requiresGrad) {
                double[] gb = other.gradBuffer();
                Broadcast.rows(zShape, shape, other.shape, (zo, ao, as, bo, bs, n) -> {
                    for (int i = 0; i < n; i++) {
                        gb[bo + i * bs] += g[zo + i];
                    }
                });
            }
        });
    }

    /// $\text{this} - \text{other}$, broadcast; backward: $+\bar z$ to this, $-\bar z$ to the other.
    ///
    /// @param other the subtrahend
    /// @return a new tensor of the broadcast shape
    /// @throws DimensionMismatchException if the shapes do not broadcast
    public Tensor sub(Tensor other) {
        int[] zShape = Shapes.broadcast("sub", shape, other.shape);
        double[] a = data;
        double[] b = other.data;
        double[] z = new double[Shapes.size(zShape)];
        Broadcast.rows(zShape, shape, other.shape, (zo, ao, as, bo, bs, n) -> {
            for (int i = 0; i < n; i++) {
                z[zo + i] = a[ao + i * as] - b[bo + i * bs];
            }
        });
        Tensor out = result(z, zShape, "-", this, other);
        return out.withBackward(() -> {
            double[] g = out.grad;
            if (requiresGrad) {
                double[] ga = gradBuffer();
                Broadcast.rows(zShape, shape, other.shape, (zo, ao, as, bo, bs, n) -> {
                    for (int i = 0; i < n; i++) {
                        ga[ao + i * as] += g[zo + i];
                    }
                });
            }
            if (other.requiresGrad) {
                double[] gb = other.gradBuffer();
                Broadcast.rows(zShape, shape, other.shape, (zo, ao, as, bo, bs, n) -> {
                    for (int i = 0; i < n; i++) {
                        gb[bo + i * bs] -= g[zo + i];
                    }
                });
            }
        });
    }

    /// $\text{this} \odot \text{other}$ (entry by entry), broadcast; backward: $\bar a = \bar z\, b$,
    /// $\bar b = \bar z\, a$ (the product rule), each summed over its repeated axes.
    ///
    /// @param other the other factor
    /// @return a new tensor of the broadcast shape
    /// @throws DimensionMismatchException if the shapes do not broadcast
    public Tensor mul(Tensor other) {
        int[] zShape = Shapes.broadcast("mul", shape, other.shape);
        double[] a = data;
        double[] b = other.data;
        double[] z = new double[Shapes.size(zShape)];
        Broadcast.rows(zShape, shape, other.shape, (zo, ao, as, bo, bs, n) -> {
            for (int i = 0; i < n; i++) {
                z[zo + i] = a[ao + i * as] * b[bo + i * bs];
            }
        });
        Tensor out = result(z, zShape, "*", this, other);
        return out.withBackward(() -> {
            double[] g = out.grad;
            if (requiresGrad) {
                double[] ga = gradBuffer();
                Broadcast.rows(zShape, shape, other.shape, (zo, ao, as, bo, bs, n) -> {
                    for (int i = 0; i < n; i++) {
                        ga[ao + i * as] += g[zo + i] * b[bo + i * bs];
                    }
                });
            }
            if (other.requiresGrad) {
                double[] gb = other.gradBuffer();
                Broadcast.rows(zShape, shape, other.shape, (zo, ao, as, bo, bs, n) -> {
                    for (int i = 0; i < n; i++) {
                        gb[bo + i * bs] += g[zo + i] * a[ao + i * as];
                    }
                });
            }
        });
    }

    /// $\text{this} / \text{other}$ (entry by entry), broadcast; backward: $\bar a = \bar z / b$,
    /// $\bar b = -\bar z\, a / b^2 = -\bar z\, z / b$. Division by 0 gives $\pm\infty$ or NaN.
    ///
    /// @param other the divisor
    /// @return a new tensor of the broadcast shape
    /// @throws DimensionMismatchException if the shapes do not broadcast
    public Tensor div(Tensor other) {
        int[] zShape = Shapes.broadcast("div", shape, other.shape);
        double[] a = data;
        double[] b = other.data;
        double[] z = new double[Shapes.size(zShape)];
        Broadcast.rows(zShape, shape, other.shape, (zo, ao, as, bo, bs, n) -> {
            for (int i = 0; i < n; i++) {
                z[zo + i] = a[ao + i * as] / b[bo + i * bs];
            }
        });
        Tensor out = result(z, zShape, "/", this, other);
        return out.withBackward(() -> {
            double[] g = out.grad;
            if (requiresGrad) {
                double[] ga = gradBuffer();
                Broadcast.rows(zShape, shape, other.shape, (zo, ao, as, bo, bs, n) -> {
                    for (int i = 0; i < n; i++) {
                        ga[ao + i * as] += g[zo + i] / b[bo + i * bs];
                    }
                });
            }
            if (other.requiresGrad) {
                double[] gb = other.gradBuffer();
                Broadcast.rows(zShape, shape, other.shape, (zo, ao, as, bo, bs, n) -> {
                    for (int i = 0; i < n; i++) {
                        gb[bo + i * bs] -= g[zo + i] * z[zo + i] / b[bo + i * bs];
                    }
                });
            }
        });
    }

    /// $\text{this} + c$ for a constant $c$.
    ///
    /// @param c the constant
    /// @return a new tensor
    public Tensor add(double c) {
        return add(constantScalar(c));
    }

    /// $\text{this} - c$ for a constant $c$.
    ///
    /// @param c the constant
    /// @return a new tensor
    public Tensor sub(double c) {
        return sub(constantScalar(c));
    }

    /// $c \cdot \text{this}$ for a constant $c$.
    ///
    /// @param c the constant
    /// @return a new tensor
    public Tensor mul(double c) {
        return mul(constantScalar(c));
    }

    /// $\text{this} / c$ for a constant $c$.
    ///
    /// @param c the constant
    /// @return a new tensor
    public Tensor div(double c) {
        return div(constantScalar(c));
    }

    private static Tensor constantScalar(double c) {
        return new Tensor(new double[] {c}, new int[0], false, "", NO_INPUTS);
    }

    // ------------------------------------------------------------------ element-wise functions

    /// $-\text{this}$; backward: $\bar x = -\bar y$.
    ///
    /// @return a new tensor
    public Tensor neg() {
        double[] x = data;
        double[] y = new double[size];
        for (int i = 0; i < size; i++) {
            y[i] = -x[i];
        }
        Tensor out = result(y, shape, "neg", this);
        return out.withBackward(() -> {
            double[] g = out.grad;
            double[] gx = gradBuffer();
            for (int i = 0; i < size; i++) {
                gx[i] -= g[i];
            }
        });
    }

    /// $x^k$ entry by entry, for a constant $k$; backward: $k\,x^{k-1}$. A negative base with a
    /// non-integer $k$ gives NaN, as `Math.pow` does.
    ///
    /// @param k the exponent
    /// @return a new tensor
    public Tensor pow(double k) {
        double[] x = data;
        double[] y = new double[size];
        for (int i = 0; i < size; i++) {
            y[i] = Math.pow(x[i], k);
        }
        Tensor out = result(y, shape, "^" + k, this);
        return out.withBackward(() -> {
            double[] g = out.grad;
            double[] gx = gradBuffer();
            for (int i = 0; i < size; i++) {
                gx[i] += k * Math.pow(x[i], k - 1) * g[i];
            }
        });
    }

    /// $e^x$ entry by entry; backward: $e^x$, the result itself.
    ///
    /// @return a new tensor
    public Tensor exp() {
        double[] x = data;
        double[] y = new double[size];
        for (int i = 0; i < size; i++) {
            y[i] = Math.exp(x[i]);
        }
        Tensor out = result(y, shape, "exp", this);
        return out.withBackward(() -> {
            double[] g = out.grad;
            double[] gx = gradBuffer();
            for (int i = 0; i < size; i++) {
                gx[i] += y[i] * g[i];
            }
        });
    }

    /// $\ln x$ entry by entry; backward: $1/x$. NaN for $x < 0$, $-\infty$ at 0.
    ///
    /// @return a new tensor
    public Tensor log() {
        double[] x = data;
        double[] y = new double[size];
        for (int i = 0; i < size; i++) {
            y[i] = Math.log(x[i]);
        }
        Tensor out = result(y, shape, "log", this);
        return out.withBackward(() -> {
            double[] g = out.grad;
            double[] gx = gradBuffer();
            for (int i = 0; i < size; i++) {
                gx[i] += g[i] / x[i];
            }
        });
    }

    /// $\sqrt x$ entry by entry; backward: $1/(2\sqrt x)$, infinite at 0.
    ///
    /// @return a new tensor
    public Tensor sqrt() {
        double[] x = data;
        double[] y = new double[size];
        for (int i = 0; i < size; i++) {
            y[i] = Math.sqrt(x[i]);
        }
        Tensor out = result(y, shape, "sqrt", this);
        return out.withBackward(() -> {
            double[] g = out.grad;
            double[] gx = gradBuffer();
            for (int i = 0; i < size; i++) {
                gx[i] += 0.5 * g[i] / y[i];
            }
        });
    }

    /// $|x|$ entry by entry; backward: $\operatorname{sign} x$, with the subgradient 0 at $x = 0$ (as in
    /// PyTorch).
    ///
    /// @return a new tensor
    public Tensor abs() {
        double[] x = data;
        double[] y = new double[size];
        for (int i = 0; i < size; i++) {
            y[i] = Math.abs(x[i]);
        }
        Tensor out = result(y, shape, "abs", this);
        return out.withBackward(() -> {
            double[] g = out.grad;
            double[] gx = gradBuffer();
            for (int i = 0; i < size; i++) {
                gx[i] += Math.signum(x[i]) * g[i];
            }
        });
    }

    /// $\tanh x$ entry by entry; backward: $1 - \tanh^2 x$, from the result.
    ///
    /// @return a new tensor
    public Tensor tanh() {
        double[] x = data;
        double[] y = new double[size];
        for (int i = 0; i < size; i++) {
            y[i] = Math.tanh(x[i]);
        }
        Tensor out = result(y, shape, "tanh", this);
        return out.withBackward(() -> {
            double[] g = out.grad;
            double[] gx = gradBuffer();
            for (int i = 0; i < size; i++) {
                gx[i] += (1 - y[i] * y[i]) * g[i];
            }
        });
    }

    /// The logistic sigmoid $\sigma(x) = 1/(1 + e^{-x})$ entry by entry, without overflow
    /// ([StableFunctions#sigmoid(double)]); backward: $\sigma(x)(1 - \sigma(x))$, from the result.
    ///
    /// @return a new tensor
    public Tensor sigmoid() {
        double[] x = data;
        double[] y = new double[size];
        for (int i = 0; i < size; i++) {
            y[i] = StableFunctions.sigmoid(x[i]);
        }
        Tensor out = result(y, shape, "sigmoid", this);
        return out.withBackward(() -> {
            double[] g = out.grad;
            double[] gx = gradBuffer();
            for (int i = 0; i < size; i++) {
                gx[i] += y[i] * (1 - y[i]) * g[i];
            }
        });
    }

    /// $\max(0, x)$ entry by entry; backward: 1 where $x > 0$, else 0 (the subgradient 0 at 0, as in
    /// PyTorch).
    ///
    /// @return a new tensor
    public Tensor relu() {
        double[] x = data;
        double[] y = new double[size];
        for (int i = 0; i < size; i++) {
            y[i] = x[i] > 0 ? x[i] : 0.0;
        }
        Tensor out = result(y, shape, "relu", this);
        return out.withBackward(() -> {
            double[] g = out.grad;
            double[] gx = gradBuffer();
            for (int i = 0; i < size; i++) {
                if (x[i] > 0) {
                    gx[i] += g[i];
                }
            }
        });
    }

    /// The Gaussian error linear unit $\operatorname{gelu}(x) = x\,\Phi(x)$, with $\Phi(x) = \tfrac12(1 +
    /// \operatorname{erf}(x/\sqrt2))$ the standard normal CDF (the exact form, PyTorch's default, not
    /// the tanh approximation); backward: $\Phi(x) + x\,\varphi(x)$ with $\varphi(x) =
    /// e^{-x^2/2}/\sqrt{2\pi}$, by the product rule.
    ///
    /// Reference: D. Hendrycks and K. Gimpel, "Gaussian error linear units (GELUs)", arXiv:1606.08415.
    ///
    /// @return a new tensor
    public Tensor gelu() {
        double[] x = data;
        double[] cdf = new double[size];
        double[] y = new double[size];
        for (int i = 0; i < size; i++) {
            cdf[i] = 0.5 * (1 + SpecialFunctions.erf(x[i] / Math.sqrt(2)));
            y[i] = x[i] * cdf[i];
        }
        Tensor out = result(y, shape, "gelu", this);
        return out.withBackward(() -> {
            double[] g = out.grad;
            double[] gx = gradBuffer();
            double invSqrt2Pi = 1 / Math.sqrt(2 * Math.PI);
            for (int i = 0; i < size; i++) {
                double density = invSqrt2Pi * Math.exp(-0.5 * x[i] * x[i]);
                gx[i] += (cdf[i] + x[i] * density) * g[i];
            }
        });
    }

    // ------------------------------------------------------------------ matrix product

    /// The matrix product, with NumPy's `matmul` rules: two matrices `[m, k]·[k, n] → [m, n]`; a vector
    /// on the left is a row (`[k]·[k, n] → [n]`), on the right a column (`[m, k]·[k] → [m]`), two vectors
    /// give their dot product (`[]`); tensors of higher rank are stacks of matrices over their leading
    /// (batch) axes, `[..., m, k]·[..., k, n] → [..., m, n]`, where the batch axes must be equal or one
    /// operand must be a single matrix (which then multiplies every matrix of the stack).
    ///
    /// Backward, for $C = AB$: $\bar A = \bar C B^\top$ and $\bar B = A^\top \bar C$ (chapter 2, "Matrix
    /// calculus"), summed over the stack for an operand that was shared. All products run on Lemma's
    /// fast kernels ([dev.lemma.linalg.kernel.Gemm]); a stack times one matrix is a single product of a
    /// `(batch·m)×k` block, because the stack is contiguous.
    ///
    /// @param other the right factor
    /// @return a new tensor
    /// @throws DimensionMismatchException if the inner dimensions differ or the batch axes do not match
    /// @throws IllegalArgumentException if an operand is a scalar
    public Tensor matmul(Tensor other) {
        int[] as = shape;
        int[] bs = other.shape;
        if (as.length == 0 || bs.length == 0) {
            throw new IllegalArgumentException("matmul: operands need rank 1 or more, got shapes " + Shapes.format(as)
                    + " and " + Shapes.format(bs) + " (use mul to scale by a number)");
        }
        boolean aVector = as.length == 1;
        boolean bVector = bs.length == 1;
        int m = aVector ? 1 : as[as.length - 2];
        int k = as[as.length - 1];
        int kb = bVector ? bs[0] : bs[bs.length - 2];
        int n = bVector ? 1 : bs[bs.length - 1];
        if (k != kb) {
            throw new DimensionMismatchException("matmul: shapes " + Shapes.format(as) + " and " + Shapes.format(bs)
                    + " do not align (the last axis of the first, " + k + ", must equal the "
                    + (bVector ? "length" : "second-to-last axis") + " of the second, " + kb + ")");
        }
        int[] aBatch = aVector ? new int[0] : Arrays.copyOf(as, as.length - 2);
        int[] bBatch = bVector ? new int[0] : Arrays.copyOf(bs, bs.length - 2);
        int[] batch;
        if (Arrays.equals(aBatch, bBatch) || bBatch.length == 0) {
            batch = aBatch;
        } else if (aBatch.length == 0) {
            batch = bBatch;
        } else {
            throw new DimensionMismatchException("matmul: the batch axes of " + Shapes.format(as) + " and "
                    + Shapes.format(bs) + " differ (" + Shapes.format(aBatch) + " vs " + Shapes.format(bBatch)
                    + "); they must be equal, or one operand a single matrix");
        }
        int batches = Shapes.size(batch);
        int[] zShape = Arrays.copyOf(batch, batch.length + (aVector ? 0 : 1) + (bVector ? 0 : 1));
        int next = batch.length;
        if (!aVector) {
            zShape[next++] = m;
        }
        if (!bVector) {
            zShape[next] = n;
        }
        int aStride = aBatch.length == 0 ? 0 : m * k;
        int bStride = bBatch.length == 0 ? 0 : k * n;
        boolean fold = bStride == 0; // a stack (or one matrix) times one matrix: one tall product
        double[] a = data;
        double[] b = other.data;
        double[] c = new double[batches * m * n];
        if (fold) {
            Products.gemm(batches * m, n, k, a, 0, b, 0, 0.0, c, 0);
        } else {
            for (int t = 0; t < batches; t++) {
                Products.gemm(m, n, k, a, t * aStride, b, t * bStride, 0.0, c, t * m * n);
            }
        }
        Tensor out = result(c, zShape, "matmul", this, other);
        return out.withBackward(() -> {
            double[] g = out.grad;
            if (requiresGrad) { // Ā += C̄ Bᵀ
                double[] ga = gradBuffer();
                if (fold) {
                    double[] bt = Products.transpose(b, 0, k, n);
                    Products.gemm(batches * m, k, n, g, 0, bt, 0, 1.0, ga, 0);
                } else {
                    for (int t = 0; t < batches; t++) {
                        double[] bt = Products.transpose(b, t * bStride, k, n);
                        Products.gemm(m, k, n, g, t * m * n, bt, 0, 1.0, ga, t * aStride);
                    }
                }
            }
            if (other.requiresGrad) { // B̄ += Aᵀ C̄
                double[] gb = other.gradBuffer();
                if (fold) {
                    double[] at = Products.transpose(a, 0, batches * m, k);
                    Products.gemm(k, n, batches * m, at, 0, g, 0, 1.0, gb, 0);
                } else {
                    for (int t = 0; t < batches; t++) {
                        double[] at = Products.transpose(a, t * aStride, m, k);
                        Products.gemm(k, n, m, at, 0, g, t * m * n, 1.0, gb, t * bStride);
                    }
                }
            }
        });
    }

    // ------------------------------------------------------------------ shape

    /// The same entries, in the same row-major order, under a new shape; one dimension may be `-1`, to
    /// be inferred. The entries are shared, not copied. Backward: the gradient reshaped back.
    ///
    /// @param newShape the dimensions, with at most one `-1`
    /// @return a new tensor
    /// @throws IllegalArgumentException if the sizes differ or the shape is malformed
    public Tensor reshape(int... newShape) {
        int[] zShape = newShape.clone();
        int unknown = -1;
        long known = 1;
        for (int d = 0; d < zShape.length; d++) {
            if (zShape[d] == -1 && unknown < 0) {
                unknown = d;
            } else if (zShape[d] < 0) {
                throw new IllegalArgumentException("reshape: shape " + Shapes.format(newShape) + " has a bad dimension "
                        + zShape[d] + " at axis " + d + " (only one -1 is allowed)");
            } else {
                known *= zShape[d];
            }
        }
        if (unknown >= 0) {
            if (known == 0 || size % known != 0) {
                throw new IllegalArgumentException("reshape: cannot infer the -1 in " + Shapes.format(newShape)
                        + " for " + size + " entries (shape " + Shapes.format(shape) + ")");
            }
            zShape[unknown] = (int) (size / known);
        }
        if (Shapes.size(zShape) != size) {
            throw new IllegalArgumentException("reshape: cannot reshape " + Shapes.format(shape) + " (" + size
                    + " entries) into " + Shapes.format(zShape) + " (" + Shapes.size(zShape) + " entries)");
        }
        Tensor out = result(data, zShape, "reshape", this);
        return out.withBackward(() -> {
            double[] g = out.grad;
            double[] gx = gradBuffer();
            for (int i = 0; i < size; i++) {
                gx[i] += g[i];
            }
        });
    }

    /// The entries as a vector, `reshape(-1)`.
    ///
    /// @return a new tensor of shape `[size]`
    public Tensor flatten() {
        return reshape(-1);
    }

    /// Swaps the last two axes: the matrix transpose, or the transpose of every matrix in a stack.
    ///
    /// @return a new tensor
    /// @throws IllegalArgumentException if the rank is below 2
    public Tensor transpose() {
        if (shape.length < 2) {
            throw new IllegalArgumentException("transpose: needs rank 2 or more, the shape is " + Shapes.format(shape));
        }
        return transpose(-2, -1);
    }

    /// Swaps two axes.
    ///
    /// @param axis1 one axis (negative counts from the end)
    /// @param axis2 the other
    /// @return a new tensor
    /// @throws IllegalArgumentException if an axis is out of range
    public Tensor transpose(int axis1, int axis2) {
        int[] axes = new int[shape.length];
        for (int d = 0; d < axes.length; d++) {
            axes[d] = d;
        }
        int i = Shapes.axis("transpose", axis1, shape);
        int j = Shapes.axis("transpose", axis2, shape);
        axes[i] = j;
        axes[j] = i;
        return permute(axes);
    }

    /// Reorders the axes: axis $d$ of the result is axis `axes[d]` of this tensor (NumPy's `transpose`
    /// with axes, PyTorch's `permute`). The entries are copied into row-major order. Backward: the
    /// gradient permuted back.
    ///
    /// @param axes a permutation of $0, \dots, r-1$
    /// @return a new tensor
    /// @throws IllegalArgumentException if `axes` is not a permutation of the axes
    public Tensor permute(int... axes) {
        boolean[] seen = new boolean[shape.length];
        boolean valid = axes.length == shape.length;
        for (int d = 0; valid && d < axes.length; d++) {
            valid = axes[d] >= 0 && axes[d] < shape.length && !seen[axes[d]];
            if (valid) {
                seen[axes[d]] = true;
            }
        }
        if (!valid) {
            throw new IllegalArgumentException("permute: " + Arrays.toString(axes) + " is not a permutation of the "
                    + shape.length + " axes of shape " + Shapes.format(shape));
        }
        int[] zShape = new int[shape.length];
        for (int d = 0; d < axes.length; d++) {
            zShape[d] = shape[axes[d]];
        }
        int[] from = Shapes.permutedOffsets(shape, axes);
        double[] x = data;
        double[] y = new double[size];
        for (int i = 0; i < size; i++) {
            y[i] = x[from[i]];
        }
        Tensor out = result(y, zShape, "permute", this);
        return out.withBackward(() -> {
            double[] g = out.grad;
            double[] gx = gradBuffer();
            for (int i = 0; i < size; i++) {
                gx[from[i]] += g[i];
            }
        });
    }

    /// The entries with index `start ≤ i < end` along `axis` (NumPy's `x[..., start:end, ...]`), copied.
    /// Backward: the gradient goes back to the sliced positions, 0 elsewhere.
    ///
    /// @param axis the axis (negative counts from the end)
    /// @param start the first index kept
    /// @param end one past the last index kept
    /// @return a new tensor
    /// @throws IllegalArgumentException if the axis or the range is out of bounds
    public Tensor slice(int axis, int start, int end) {
        int ax = Shapes.axis("slice", axis, shape);
        int n = shape[ax];
        if (start < 0 || start > end || end > n) {
            throw new IllegalArgumentException("slice: range " + start + ":" + end + " is not within axis " + axis
                    + " of length " + n + " (shape " + Shapes.format(shape) + ")");
        }
        int outer = Shapes.outer(shape, ax);
        int inner = Shapes.inner(shape, ax);
        int block = (end - start) * inner;
        double[] x = data;
        double[] y = new double[outer * block];
        for (int o = 0; o < outer; o++) {
            System.arraycopy(x, (o * n + start) * inner, y, o * block, block);
        }
        Tensor out = result(y, Shapes.with(shape, ax, end - start), "slice", this);
        return out.withBackward(() -> {
            double[] g = out.grad;
            double[] gx = gradBuffer();
            for (int o = 0; o < outer; o++) {
                int from = (o * n + start) * inner;
                for (int t = 0; t < block; t++) {
                    gx[from + t] += g[o * block + t];
                }
            }
        });
    }

    /// The entries at the given indices along `axis`, in that order, repeats allowed (NumPy's `take`,
    /// PyTorch's `index_select`): an embedding lookup is `table.gather(0, tokenIds)`. Backward: each
    /// index adds its slice of the gradient back at its position, so a repeated index accumulates.
    ///
    /// @param axis the axis (negative counts from the end)
    /// @param indices positions along the axis, each $0 \le i < n$
    /// @return a new tensor whose axis has length `indices.length`
    /// @throws IllegalArgumentException if the axis or an index is out of range (naming its position)
    public Tensor gather(int axis, int... indices) {
        int ax = Shapes.axis("gather", axis, shape);
        int n = shape[ax];
        for (int j = 0; j < indices.length; j++) {
            if (indices[j] < 0 || indices[j] >= n) {
                throw new IllegalArgumentException("gather: index " + indices[j] + " at position " + j
                        + " is out of range for axis " + axis + " of length " + n + " (shape "
                        + Shapes.format(shape) + ")");
            }
        }
        int[] idx = indices.clone();
        int outer = Shapes.outer(shape, ax);
        int inner = Shapes.inner(shape, ax);
        int m = idx.length;
        double[] x = data;
        double[] y = new double[outer * m * inner];
        for (int o = 0; o < outer; o++) {
            for (int j = 0; j < m; j++) {
                System.arraycopy(x, (o * n + idx[j]) * inner, y, (o * m + j) * inner, inner);
            }
        }
        Tensor out = result(y, Shapes.with(shape, ax, m), "gather", this);
        return out.withBackward(() -> {
            double[] g = out.grad;
            double[] gx = gradBuffer();
            for (int o = 0; o < outer; o++) {
                for (int j = 0; j < m; j++) {
                    int from = (o * n + idx[j]) * inner;
                    int to = (o * m + j) * inner;
                    for (int t = 0; t < inner; t++) {
                        gx[from + t] += g[to + t];
                    }
                }
            }
        });
    }

    /// The slice at one index along `axis`, with that axis removed (NumPy's `x[..., index, ...]`):
    /// `gather(axis, index)` reshaped.
    ///
    /// @param axis the axis (negative counts from the end)
    /// @param index the position, $0 \le i < n$
    /// @return a new tensor of rank one less
    /// @throws IllegalArgumentException if the axis or the index is out of range
    public Tensor select(int axis, int index) {
        int ax = Shapes.axis("select", axis, shape);
        return gather(ax, index).reshape(Shapes.without(shape, ax));
    }

    /// Joins tensors along an existing axis; all other dimensions must agree. Backward: each input
    /// receives its own block of the gradient.
    ///
    /// @param axis the axis (negative counts from the end)
    /// @param tensors one or more tensors of one rank
    /// @return a new tensor
    /// @throws DimensionMismatchException if the ranks or the other dimensions differ (naming the tensor)
    /// @throws IllegalArgumentException if no tensor is given or the axis is out of range
    public static Tensor concat(int axis, Tensor... tensors) {
        if (tensors.length == 0) {
            throw new IllegalArgumentException("concat: no tensors to join");
        }
        int[] first = tensors[0].shape;
        int ax = Shapes.axis("concat", axis, first);
        int length = 0;
        for (int t = 0; t < tensors.length; t++) {
            int[] s = tensors[t].shape;
            boolean fits = s.length == first.length;
            for (int d = 0; fits && d < s.length; d++) {
                fits = d == ax || s[d] == first[d];
            }
            if (!fits) {
                throw new DimensionMismatchException("concat along axis " + axis + ": tensor " + t + " has shape "
                        + Shapes.format(s) + ", tensor 0 has " + Shapes.format(first)
                        + " (all dimensions but the axis must agree)");
            }
            length += s[ax];
        }
        int total = length;
        int outer = Shapes.outer(first, ax);
        int inner = Shapes.inner(first, ax);
        int[] zShape = Shapes.with(first, ax, total);
        double[] y = new double[outer * total * inner];
        int[] offsets = new int[tensors.length];
        for (int t = 0, at = 0; t < tensors.length; t++) {
            offsets[t] = at;
            int block = tensors[t].shape[ax] * inner;
            for (int o = 0; o < outer; o++) {
                System.arraycopy(tensors[t].data, o * block, y, (o * total + at) * inner, block);
            }
            at += tensors[t].shape[ax];
        }
        Tensor[] inputs = tensors.clone();
        Tensor out = result(y, zShape, "concat", inputs);
        return out.withBackward(() -> {
            double[] g = out.grad;
            for (int t = 0; t < inputs.length; t++) {
                if (inputs[t].requiresGrad) {
                    double[] gx = inputs[t].gradBuffer();
                    int block = inputs[t].shape[ax] * inner;
                    for (int o = 0; o < outer; o++) {
                        int from = (o * total + offsets[t]) * inner;
                        for (int i = 0; i < block; i++) {
                            gx[o * block + i] += g[from + i];
                        }
                    }
                }
            }
        });
    }

    // ------------------------------------------------------------------ reductions

    /// The sum of all entries, a scalar; backward: every entry receives $\bar y$.
    ///
    /// @return a new tensor of shape `[]`
    public Tensor sum() {
        double[] x = data;
        double s = 0;
        for (int i = 0; i < size; i++) {
            s += x[i];
        }
        Tensor out = result(new double[] {s}, new int[0], "sum", this);
        return out.withBackward(() -> {
            double g = out.grad[0];
            double[] gx = gradBuffer();
            for (int i = 0; i < size; i++) {
                gx[i] += g;
            }
        });
    }

    /// The sums along `axis`, which is removed.
    ///
    /// @param axis the axis (negative counts from the end)
    /// @return a new tensor of rank one less
    /// @throws IllegalArgumentException if the axis is out of range
    public Tensor sum(int axis) {
        return sum(axis, false);
    }

    /// The sums along `axis`; backward: each entry receives the gradient of its sum (the sum's
    /// derivative with respect to each term is 1).
    ///
    /// @param axis the axis (negative counts from the end)
    /// @param keepDims keep the axis with length 1 (so that the result broadcasts against this tensor)
    /// @return a new tensor
    /// @throws IllegalArgumentException if the axis is out of range
    public Tensor sum(int axis, boolean keepDims) {
        int ax = Shapes.axis("sum", axis, shape);
        int n = shape[ax];
        int outer = Shapes.outer(shape, ax);
        int inner = Shapes.inner(shape, ax);
        double[] x = data;
        double[] y = new double[outer * inner];
        for (int o = 0; o < outer; o++) {
            for (int j = 0; j < n; j++) {
                int from = (o * n + j) * inner;
                for (int i = 0; i < inner; i++) {
                    y[o * inner + i] += x[from + i];
                }
            }
        }
        int[] zShape = keepDims ? Shapes.with(shape, ax, 1) : Shapes.without(shape, ax);
        Tensor out = result(y, zShape, "sum", this);
        return out.withBackward(() -> {
            double[] g = out.grad;
            double[] gx = gradBuffer();
            for (int o = 0; o < outer; o++) {
                for (int j = 0; j < n; j++) {
                    int to = (o * n + j) * inner;
                    for (int i = 0; i < inner; i++) {
                        gx[to + i] += g[o * inner + i];
                    }
                }
            }
        });
    }

    /// The mean of all entries, `sum() / size` (NaN for an empty tensor).
    ///
    /// @return a new tensor of shape `[]`
    public Tensor mean() {
        return sum().mul(1.0 / size);
    }

    /// The means along `axis`, which is removed.
    ///
    /// @param axis the axis (negative counts from the end)
    /// @return a new tensor
    public Tensor mean(int axis) {
        return mean(axis, false);
    }

    /// The means along `axis`, `sum(axis, keepDims) / n`.
    ///
    /// @param axis the axis (negative counts from the end)
    /// @param keepDims keep the axis with length 1
    /// @return a new tensor
    public Tensor mean(int axis, boolean keepDims) {
        int n = shape[Shapes.axis("mean", axis, shape)];
        return sum(axis, keepDims).mul(1.0 / n);
    }

    /// The largest entry, a scalar; backward: the whole gradient goes to the first largest entry (a
    /// subgradient where there are ties). NaN if any entry is NaN.
    ///
    /// @return a new tensor of shape `[]`
    /// @throws IllegalStateException if the tensor is empty
    public Tensor max() {
        return reshape(-1).max(0);
    }

    /// The largest entries along `axis`, which is removed.
    ///
    /// @param axis the axis (negative counts from the end)
    /// @return a new tensor
    public Tensor max(int axis) {
        return max(axis, false);
    }

    /// The largest entries along `axis`; backward: each maximum's gradient goes to the entry that
    /// attained it (the first, where there are ties), the others receive 0. NaN where a lane holds a NaN.
    ///
    /// @param axis the axis (negative counts from the end)
    /// @param keepDims keep the axis with length 1
    /// @return a new tensor
    /// @throws IllegalStateException if the axis has length 0 (a maximum of nothing)
    public Tensor max(int axis, boolean keepDims) {
        int ax = Shapes.axis("max", axis, shape);
        int n = shape[ax];
        if (n == 0) {
            throw new IllegalStateException("max: axis " + axis + " of shape " + Shapes.format(shape) + " is empty");
        }
        int outer = Shapes.outer(shape, ax);
        int inner = Shapes.inner(shape, ax);
        double[] x = data;
        double[] y = new double[outer * inner];
        int[] where = new int[outer * inner];
        for (int o = 0; o < outer; o++) {
            for (int i = 0; i < inner; i++) {
                int best = o * n * inner + i;
                for (int j = 1; j < n && !Double.isNaN(x[best]); j++) {
                    int at = (o * n + j) * inner + i;
                    if (x[at] > x[best] || Double.isNaN(x[at])) {
                        best = at;
                    }
                }
                y[o * inner + i] = x[best];
                where[o * inner + i] = best;
            }
        }
        int[] zShape = keepDims ? Shapes.with(shape, ax, 1) : Shapes.without(shape, ax);
        Tensor out = result(y, zShape, "max", this);
        return out.withBackward(() -> {
            double[] g = out.grad;
            double[] gx = gradBuffer();
            for (int z = 0; z < where.length; z++) {
                gx[where[z]] += g[z];
            }
        });
    }

    // ------------------------------------------------------------------ probabilities and losses

    /// The softmax along `axis`, $y_j = e^{x_j - m} / \sum_k e^{x_k - m}$ with $m = \max_k x_k$ (the shift
    /// that keeps $e^{x}$ from overflowing; chapter 7, "Log-sum-exp"). Backward: the softmax Jacobian
    /// $\partial y_j/\partial x_i = y_j(\delta_{ij} - y_i)$ applied to $\bar y$, which is $\bar x_i =
    /// y_i(\bar y_i - \sum_j \bar y_j y_j)$.
    ///
    /// @param axis the axis (negative counts from the end)
    /// @return a new tensor of this shape, each lane along `axis` summing to 1
    public Tensor softmax(int axis) {
        int ax = Shapes.axis("softmax", axis, shape);
        int n = shape[ax];
        int outer = Shapes.outer(shape, ax);
        int inner = Shapes.inner(shape, ax);
        double[] x = data;
        double[] y = new double[size];
        for (int o = 0; o < outer; o++) {
            for (int i = 0; i < inner; i++) {
                int base = o * n * inner + i;
                double m = max(x, base, inner, n);
                double total = 0;
                for (int j = 0; j < n; j++) {
                    y[base + j * inner] = Math.exp(x[base + j * inner] - m);
                    total += y[base + j * inner];
                }
                for (int j = 0; j < n; j++) {
                    y[base + j * inner] /= total;
                }
            }
        }
        Tensor out = result(y, shape, "softmax", this);
        return out.withBackward(() -> {
            double[] g = out.grad;
            double[] gx = gradBuffer();
            for (int o = 0; o < outer; o++) {
                for (int i = 0; i < inner; i++) {
                    int base = o * n * inner + i;
                    double dot = 0;
                    for (int j = 0; j < n; j++) {
                        dot += g[base + j * inner] * y[base + j * inner];
                    }
                    for (int j = 0; j < n; j++) {
                        int at = base + j * inner;
                        gx[at] += y[at] * (g[at] - dot);
                    }
                }
            }
        });
    }

    /// The log-softmax along `axis`, $y_j = x_j - \log\sum_k e^{x_k}$, computed as $x_j - m - \log\sum_k
    /// e^{x_k - m}$ so that it is finite whenever the $x$ are. Backward: $\bar x_i = \bar y_i -
    /// \operatorname{softmax}(x)_i \sum_j \bar y_j$.
    ///
    /// @param axis the axis (negative counts from the end)
    /// @return a new tensor of this shape
    public Tensor logSoftmax(int axis) {
        int ax = Shapes.axis("logSoftmax", axis, shape);
        int n = shape[ax];
        int outer = Shapes.outer(shape, ax);
        int inner = Shapes.inner(shape, ax);
        double[] x = data;
        double[] y = new double[size];
        for (int o = 0; o < outer; o++) {
            for (int i = 0; i < inner; i++) {
                int base = o * n * inner + i;
                double m = max(x, base, inner, n);
                double logTotal = Math.log(sumExp(x, base, inner, n, m));
                for (int j = 0; j < n; j++) {
                    y[base + j * inner] = (x[base + j * inner] - m) - logTotal;
                }
            }
        }
        Tensor out = result(y, shape, "logSoftmax", this);
        return out.withBackward(() -> {
            double[] g = out.grad;
            double[] gx = gradBuffer();
            for (int o = 0; o < outer; o++) {
                for (int i = 0; i < inner; i++) {
                    int base = o * n * inner + i;
                    double total = 0;
                    for (int j = 0; j < n; j++) {
                        total += g[base + j * inner];
                    }
                    for (int j = 0; j < n; j++) {
                        int at = base + j * inner;
                        gx[at] += g[at] - Math.exp(y[at]) * total;
                    }
                }
            }
        });
    }

    /// The largest entry of the lane `x[base + j·stride]`, $j < n$ ($-\infty$ for an empty lane).
    private static double max(double[] x, int base, int stride, int n) {
        double m = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < n; j++) {
            m = Math.max(m, x[base + j * stride]);
        }
        return m;
    }

    /// $\sum_j e^{x_j - m}$ over the lane, between 1 and $n$ when $m$ is the lane's maximum. The
    /// callers keep $x_j - m$ and $\log$ of this sum apart, as in $\log\operatorname{softmax}(x)_j =
    /// (x_j - m) - \log\sum_k e^{x_k - m}$: forming $m + \log\sum$ first would round it at the scale of
    /// $m$, an absolute error of $u|m|$ (about $10^{-13}$ for logits near 1000) in every result.
    private static double sumExp(double[] x, int base, int stride, int n, double m) {
        double s = 0;
        for (int j = 0; j < n; j++) {
            s += Math.exp(x[base + j * stride] - m);
        }
        return s;
    }

    /// The mean cross-entropy of logits against class labels, $L = \frac1N \sum_r \bigl(\log\sum_c
    /// e^{x_{rc}} - x_{r,t_r}\bigr)$, PyTorch's `cross_entropy`: this tensor holds one row of logits
    /// (unnormalised log-probabilities) per example, `[N, C]`, or a single row `[C]`. Computed stably,
    /// in one fused operation; backward: $\bar x_{rc} = \frac{\bar L}{N}(\operatorname{softmax}(x_r)_c -
    /// [c = t_r])$, derived in chapter 2, "Softmax cross-entropy".
    ///
    /// @param targets the class of each row, $0 \le t_r < C$
    /// @return a new tensor of shape `[]`
    /// @throws IllegalArgumentException if the rank is not 1 or 2, the number of targets is not the
    ///     number of rows, or a target is out of range (naming its row)
    public Tensor crossEntropy(int... targets) {
        if (shape.length != 1 && shape.length != 2) {
            throw new IllegalArgumentException(
                    "crossEntropy: logits must be [N, C] or [C], the shape is " + Shapes.format(shape));
        }
        int rows = shape.length == 2 ? shape[0] : 1;
        int classes = shape[shape.length - 1];
        if (targets.length != rows) {
            throw new DimensionMismatchException("crossEntropy: " + targets.length + " targets for " + rows
                    + " rows of logits (shape " + Shapes.format(shape) + ")");
        }
        if (rows == 0) {
            throw new IllegalArgumentException("crossEntropy: no rows (shape " + Shapes.format(shape) + ")");
        }
        for (int r = 0; r < rows; r++) {
            if (targets[r] < 0 || targets[r] >= classes) {
                throw new IllegalArgumentException("crossEntropy: target " + targets[r] + " in row " + r
                        + " is not a class index from 0 to " + (classes - 1));
            }
        }
        int[] t = targets.clone();
        double[] x = data;
        double[] p = new double[size];
        double loss = 0;
        for (int r = 0; r < rows; r++) {
            int base = r * classes;
            double m = max(x, base, 1, classes);
            double total = sumExp(x, base, 1, classes, m);
            loss += Math.log(total) - (x[base + t[r]] - m);
            for (int c = 0; c < classes; c++) {
                p[base + c] = Math.exp(x[base + c] - m) / total;
            }
        }
        Tensor out = result(new double[] {loss / rows}, new int[0], "crossEntropy", this);
        return out.withBackward(() -> {
            double g = out.grad[0] / rows;
            double[] gx = gradBuffer();
            for (int r = 0; r < rows; r++) {
                int base = r * classes;
                for (int c = 0; c < classes; c++) {
                    gx[base + c] += g * p[base + c];
                }
                gx[base + t[r]] -= g;
            }
        });
    }

    /// The mean cross-entropy of logits against target distributions (soft labels), $L = -\frac1N
    /// \sum_r \sum_c p_{rc} \log\operatorname{softmax}(x_r)_c$, built from [#logSoftmax], so it is
    /// differentiable in the targets too.
    ///
    /// @param targetProbabilities one distribution per row, of this tensor's shape
    /// @return a new tensor of shape `[]`
    /// @throws DimensionMismatchException if the shapes differ
    public Tensor crossEntropy(Tensor targetProbabilities) {
        if (!Arrays.equals(shape, targetProbabilities.shape) || shape.length == 0) {
            throw new DimensionMismatchException("crossEntropy: logits " + Shapes.format(shape) + " and targets "
                    + Shapes.format(targetProbabilities.shape) + " must have one shape, [N, C] or [C]");
        }
        int rows = size / shape[shape.length - 1];
        return logSoftmax(-1).mul(targetProbabilities).sum().mul(-1.0 / rows);
    }

    /// The mean squared error $\frac1n \sum_i (x_i - y_i)^2$ against a target of the same shape.
    ///
    /// @param target the target values
    /// @return a new tensor of shape `[]`
    /// @throws DimensionMismatchException if the shapes differ (no broadcasting here: a `[N]` target
    ///     against `[N, 1]` predictions would silently average $N^2$ differences)
    public Tensor mse(Tensor target) {
        if (!Arrays.equals(shape, target.shape)) {
            throw new DimensionMismatchException("mse: prediction " + Shapes.format(shape) + " and target "
                    + Shapes.format(target.shape) + " must have one shape");
        }
        Tensor difference = sub(target);
        return difference.mul(difference).mean();
    }

    // ------------------------------------------------------------------ the reverse pass

    /// Computes $\partial\,\text{this}/\partial v$ for every tensor $v$ this one depends on that tracks
    /// its gradient: this tensor must hold one number (a loss). Orders the graph topologically, seeds
    /// this tensor's gradient with 1, then runs each backward rule once, from here back to the leaves.
    /// Cost: a constant times the forward pass, with no recursion (a chain of $10^5$ operations is
    /// fine).
    ///
    /// **Calling it twice** is defined as for [Value#backward()]: leaves *accumulate* (after two calls
    /// their gradient is twice the derivative, as in PyTorch with `retain_graph=True`; call [#zeroGrad]
    /// between optimisation steps), while computed tensors hold the derivative of the latest pass only,
    /// because they are the messages of the pass and each pass first clears them.
    ///
    /// @throws IllegalStateException if this tensor has more than one entry, or does not track its
    ///     gradient
    public void backward() {
        if (size != 1) {
            throw new IllegalStateException("backward() needs a tensor with one entry (a loss), this one has shape "
                    + Shapes.format(shape) + "; reduce it first (sum, mean) or call backward(seed)");
        }
        backward(new Tensor(new double[] {1.0}, shape, false, "", NO_INPUTS));
    }

    /// The reverse pass seeded with $\bar y$ = `seed` instead of 1: computes the vector–Jacobian
    /// product $\bar y^\top \partial y/\partial v$ for every $v$ this tensor depends on.
    ///
    /// @param seed $\partial L/\partial\, \text{this}$, of this tensor's shape
    /// @throws DimensionMismatchException if the seed's shape differs
    /// @throws IllegalStateException if this tensor does not track its gradient
    public void backward(Tensor seed) {
        if (!requiresGrad) {
            throw new IllegalStateException("backward(): this tensor (shape " + Shapes.format(shape)
                    + ") does not track gradients: it depends on no tensor that does, or was computed under noGrad");
        }
        if (!Arrays.equals(seed.shape, shape)) {
            throw new DimensionMismatchException("backward(seed): the seed has shape " + Shapes.format(seed.shape)
                    + ", this tensor " + Shapes.format(shape));
        }
        List<Tensor> order = topologicalOrder();
        for (Tensor t : order) {
            if (t.inputs.length > 0) {
                t.grad = null;
            }
        }
        double[] g = gradBuffer();
        for (int i = 0; i < size; i++) {
            g[i] += seed.data[i];
        }
        for (int i = order.size() - 1; i >= 0; i--) {
            Tensor t = order.get(i);
            if (t.backward != null && t.grad != null) { // no gradient arrived: nothing to send on
                t.backward.run();
            }
        }
    }

    /// Sets to 0 the gradient of this tensor and of every tensor it depends on (its parameters among
    /// them).
    public void zeroGrad() {
        for (Tensor t : topologicalOrder()) {
            t.grad = null;
        }
    }

    /// Every tracked tensor this one depends on, itself last, each after all of its inputs: a
    /// depth-first search with an explicit stack, as in [Value].
    private List<Tensor> topologicalOrder() {
        List<Tensor> order = new ArrayList<>();
        Set<Tensor> visited = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Frame> stack = new ArrayDeque<>();
        visited.add(this);
        stack.push(new Frame(this));
        while (!stack.isEmpty()) {
            Frame top = stack.peek();
            if (top.next < top.node.inputs.length) {
                Tensor input = top.node.inputs[top.next++];
                if (input.requiresGrad && visited.add(input)) {
                    stack.push(new Frame(input));
                }
            } else {
                stack.pop();
                order.add(top.node);
            }
        }
        return order;
    }

    /// A tensor on the depth-first stack and the index of its next input to visit.
    private static final class Frame {
        private final Tensor node;
        private int next;

        Frame(Tensor node) {
            this.node = node;
        }
    }

    // ------------------------------------------------------------------ no-grad evaluation

    /// @return whether operations on this thread record the graph (true unless inside [#noGrad()])
    public static boolean isGradEnabled() {
        return NO_GRAD_DEPTH.get()[0] == 0;
    }

    /// Turns off graph recording on this thread until the returned handle is closed: results computed
    /// meanwhile track no gradient and hold no inputs (evaluation, and updating parameters, cost no
    /// graph). Nests; close it on the thread that opened it.
    ///
    /// ```java
    /// try (var _ = Tensor.noGrad()) {
    ///     accuracy = model.forward(testBatch)...;
    /// }
    /// ```
    ///
    /// @return the handle that turns recording back on
    public static NoGrad noGrad() {
        NO_GRAD_DEPTH.get()[0]++;
        return new NoGrad();
    }

    /// Evaluates `body` with graph recording off (see [#noGrad()]).
    ///
    /// @param body the computation
    /// @param <T> its result type
    /// @return what `body` returns
    public static <T> T noGrad(Supplier<T> body) {
        try (NoGrad _ = noGrad()) {
            return body.get();
        }
    }

    /// The handle of [Tensor#noGrad()]; closing it (once) turns recording back on.
    public static final class NoGrad implements AutoCloseable {
        private boolean closed;

        private NoGrad() {}

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                NO_GRAD_DEPTH.get()[0]--;
            }
        }
    }

    /// @return `Tensor(shape=[2, 3], op=matmul, data=[…])`, with at most 8 entries shown
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Tensor(shape=").append(Shapes.format(shape));
        if (!op.isEmpty()) {
            s.append(", op=").append(op);
        }
        s.append(", data=[");
        for (int i = 0; i < Math.min(size, 8); i++) {
            s.append(i == 0 ? "" : ", ").append(data[i]);
        }
        return s.append(size > 8 ? ", …])" : "])").toString();
    }
}
