package dev.lemma.optim;

import static dev.lemma.numeric.StableFunctions.sigmoid;
import static dev.lemma.numeric.StableFunctions.softplus;

import dev.lemma.autodiff.Tensor;
import dev.lemma.linalg.Matrix;
import dev.lemma.numeric.Checks;
import java.util.Arrays;
import java.util.stream.IntStream;

/// An objective that is an average of $m$ example losses,
///
/// $$f(x) = \frac1m \sum_{i=0}^{m-1} f_i(x),$$
///
/// the shape of every training loss. A mini-batch $B$ of example indices gives the estimate
/// $f_B(x) = \frac1{|B|}\sum_{i \in B} f_i(x)$ and its gradient, which is what stochastic gradient descent
/// ([SGD]) follows; for a batch drawn uniformly without replacement the estimate is unbiased and the
/// variance of the gradient's estimate is $\frac{\sigma^2}{|B|}\cdot\frac{m - |B|}{m - 1}$, with $\sigma^2$
/// the variance of the example gradients about their mean (chapter 5 derives it; the tests measure it).
///
/// Build one from a per-example loss ([#of]), from tensors ([#fromTensors]), or take a ready one
/// ([#leastSquares], [#logistic]). [#full] is the whole average as an [Objective], for the full-batch
/// optimisers and to watch the true loss during SGD.
///
/// Book: chapter 5, "Stochastic gradient descent".
public interface StochasticObjective {

    /// $m$, the number of examples.
    ///
    /// @return $m \ge 1$
    int size();

    /// $f_B(x)$ and $\nabla f_B(x)$, the averages over the batch (an index may appear twice and then counts
    /// twice).
    ///
    /// @param x the point, not modified
    /// @param batch the example indices, at least one, each in $[0, m)$
    /// @return the value and the gradient
    /// @throws IllegalArgumentException if the batch is empty or an index is out of range
    Objective.Evaluation evaluate(double[] x, int[] batch);

    /// $f_B(x)$.
    ///
    /// @param x the point
    /// @param batch the example indices
    /// @return the batch's average loss
    default double value(double[] x, int[] batch) {
        return evaluate(x, batch).value();
    }

    /// The whole average $f$ as an [Objective] (each evaluation visits all $m$ examples).
    ///
    /// @return the full objective
    default Objective full() {
        int[] all = IntStream.range(0, size()).toArray();
        return new Objective() {
            @Override
            public double value(double[] x) {
                return StochasticObjective.this.value(x, all);
            }

            @Override
            public double[] gradient(double[] x) {
                return evaluate(x).gradient();
            }

            @Override
            public Evaluation evaluate(double[] x) {
                return StochasticObjective.this.evaluate(x, all);
            }
        };
    }

    /// One example's loss and its gradient.
    @FunctionalInterface
    interface ExampleLoss {
        /// $f_i(x)$ and $\nabla f_i(x)$.
        ///
        /// @param i the example, in $[0, m)$
        /// @param x the point, not to be modified
        /// @return the value and the gradient (length that of `x`)
        Objective.Evaluation evaluate(int i, double[] x);
    }

    /// One example's loss written with tensors.
    @FunctionalInterface
    interface TensorLoss {
        /// $f_i(w)$ as a tensor with one entry.
        ///
        /// @param w the variables
        /// @param i the example, in $[0, m)$
        /// @return the loss
        Tensor loss(Tensor w, int i);
    }

    /// An average of `m` hand-written example losses. Batch averages are summed in index order of the
    /// batch; each gradient's length is checked.
    ///
    /// @param m the number of examples, $\ge 1$
    /// @param example $(i, x) \mapsto (f_i(x), \nabla f_i(x))$
    /// @return the objective
    /// @throws IllegalArgumentException if `m < 1`
    static StochasticObjective of(int m, ExampleLoss example) {
        Checks.argument(m >= 1, "StochasticObjective: need at least one example, got m = %d", m);
        return new StochasticObjective() {
            @Override
            public int size() {
                return m;
            }

            @Override
            public Objective.Evaluation evaluate(double[] x, int[] batch) {
                checkBatch(m, batch);
                double value = 0;
                double[] gradient = new double[x.length];
                for (int i : batch) {
                    Objective.Evaluation e = example.evaluate(i, x);
                    Checks.dimensions(
                            e.gradient().length == x.length,
                            "the gradient of example %d has %d entries but x has %d",
                            i,
                            e.gradient().length,
                            x.length);
                    value += e.value();
                    for (int j = 0; j < x.length; j++) {
                        gradient[j] += e.gradient()[j];
                    }
                }
                for (int j = 0; j < x.length; j++) {
                    gradient[j] /= batch.length;
                }
                return new Objective.Evaluation(value / batch.length, gradient);
            }
        };
    }

    /// An average of `m` example losses written with tensors, differentiated exactly by reverse mode (as
    /// [Objective#fromTensors]): a batch's losses are summed into one tensor, divided by $|B|$, and
    /// differentiated in one backward pass.
    ///
    /// ```java
    /// // least squares: f_i(w) = ½(a_i·w − b_i)²
    /// StochasticObjective f = StochasticObjective.fromTensors(m,
    ///         (w, i) -> w.mul(Tensor.constant(rows[i], 3)).sum().sub(b[i]).pow(2).mul(0.5), 3);
    /// ```
    ///
    /// @param m the number of examples, $\ge 1$
    /// @param loss $(w, i) \mapsto f_i(w)$, a tensor with one entry
    /// @param shape the shape of the variables (the entries of $x$ in row-major order)
    /// @return the objective
    /// @throws IllegalArgumentException if `m < 1`; when evaluated, if a loss is not one entry
    static StochasticObjective fromTensors(int m, TensorLoss loss, int... shape) {
        Checks.argument(m >= 1, "StochasticObjective: need at least one example, got m = %d", m);
        int[] dims = shape.clone();
        int n = Tensor.zeros(dims).size();
        return new StochasticObjective() {
            @Override
            public int size() {
                return m;
            }

            @Override
            public Objective.Evaluation evaluate(double[] x, int[] batch) {
                checkBatch(m, batch);
                Checks.dimensions(x.length == n, "the objective has %d variables but x has %d entries", n, x.length);
                Tensor w = Tensor.of(x, dims);
                Tensor total = null;
                for (int i : batch) {
                    Tensor l = loss.loss(w, i);
                    Checks.argument(
                            l.size() == 1,
                            "the loss of example %d must be one number, it has shape %s",
                            i,
                            Arrays.toString(l.shape()));
                    total = total == null ? l : total.add(l);
                }
                Tensor mean = total.div(batch.length);
                if (!mean.requiresGrad()) { // the losses ignore w
                    return new Objective.Evaluation(mean.item(), new double[n]);
                }
                mean.backward();
                return new Objective.Evaluation(mean.item(), w.grad().toArray());
            }
        };
    }

    /// Least squares, $f(x) = \frac1m \sum_i \tfrac12 (a_i^\top x - b_i)^2 = \frac1{2m}\|Ax - b\|^2$,
    /// example $i$ being row $a_i$ of $A$: $\nabla f_i(x) = (a_i^\top x - b_i)\,a_i$. Its minimiser is the
    /// least-squares solution [Matrix#leastSquares].
    ///
    /// @param a the $m \times n$ matrix
    /// @param b the $m$ targets
    /// @return the objective of $x \in \mathbb{R}^n$
    /// @throws dev.lemma.numeric.DimensionMismatchException if `b` does not have $m$ entries
    static StochasticObjective leastSquares(Matrix a, double[] b) {
        Checks.dimensions(b.length == a.rows(), "A is %d×%d but b has length %d", a.rows(), a.cols(), b.length);
        double[][] rows = a.toArray();
        double[] y = b.clone();
        return of(a.rows(), (i, x) -> {
            double r = Flat.dot(rows[i], x) - y[i];
            double[] g = new double[x.length];
            for (int j = 0; j < x.length; j++) {
                g[j] = r * rows[i][j];
            }
            return new Objective.Evaluation(0.5 * r * r, g);
        });
    }

    /// The L2-regularised logistic loss of [TestFunctions#logisticLoss], one example at a time: with
    /// $z_i = w_0 + \sum_j w_j X_{ij}$,
    /// $f_i(w) = \log(1 + e^{z_i}) - y_i z_i + \frac\lambda2 \sum_{j \ge 1} w_j^2$ (the penalty in every
    /// example, so that the average is exactly the full loss), $\nabla f_i(w) = (\sigma(z_i) - y_i)(1, X_i)
    /// + \lambda(0, w_1, \dots, w_d)$.
    ///
    /// @param x the $m \times d$ features
    /// @param y the labels, each 0 or 1
    /// @param lambda $\lambda \ge 0$
    /// @return the objective of $w \in \mathbb{R}^{d + 1}$ ($w_0$ the intercept)
    /// @throws IllegalArgumentException naming the first label not 0 or 1, mismatched lengths, or a
    ///     negative `lambda`
    static StochasticObjective logistic(Matrix x, int[] y, double lambda) {
        int m = x.rows();
        int d = x.cols();
        Checks.argument(m >= 1 && y.length == m, "logistic: X has %d rows but there are %d labels", m, y.length);
        Checks.argument(lambda >= 0 && Double.isFinite(lambda), "logistic: lambda must be ≥ 0, got %s", lambda);
        for (int i = 0; i < m; i++) {
            Checks.argument(y[i] == 0 || y[i] == 1, "logistic: label %d is %d, not 0 or 1", i, y[i]);
        }
        double[][] rows = x.toArray();
        int[] labels = y.clone();
        return of(m, (i, w) -> {
            Checks.dimensions(w.length == d + 1, "logistic: w must have %d entries, got %d", d + 1, w.length);
            double z = w[0];
            for (int j = 0; j < d; j++) {
                z += w[j + 1] * rows[i][j];
            }
            double r = sigmoid(z) - labels[i];
            double[] g = new double[d + 1];
            g[0] = r;
            double penalty = 0;
            for (int j = 1; j <= d; j++) {
                g[j] = r * rows[i][j - 1] + lambda * w[j];
                penalty += w[j] * w[j];
            }
            return new Objective.Evaluation(softplus(z) - labels[i] * z + 0.5 * lambda * penalty, g);
        });
    }

    private static void checkBatch(int m, int[] batch) {
        Checks.argument(batch != null && batch.length > 0, "a mini-batch needs at least one example index");
        for (int k = 0; k < batch.length; k++) {
            Checks.argument(
                    batch[k] >= 0 && batch[k] < m, "batch entry %d is example %d, outside [0, %d)", k, batch[k], m);
        }
    }
}
