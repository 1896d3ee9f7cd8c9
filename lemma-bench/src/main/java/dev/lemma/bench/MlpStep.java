package dev.lemma.bench;

import dev.lemma.autodiff.Tensor;
import dev.lemma.linalg.kernel.Gemm;

/// One training step's gradients of a two-layer perceptron, $\text{logits} = \operatorname{relu}(XW_1 +
/// b_1)W_2 + b_2$ with the mean softmax cross-entropy loss, computed two ways: by the tensor engine
/// ([#engine]), and by hand with the same fast kernels ([#handWritten]), the back-propagation of
/// chapter 2 written out. The difference in time is the engine's overhead: building the graph, the
/// separate passes of operations that a hand-written step fuses, and the gradient buffers.
///
/// Both transpose the factors they need for the backward products ($X^\top$, $H^\top$, $W_2^\top$),
/// because [Gemm] takes its operands as they are stored, and both skip $\partial L/\partial X$, which
/// training does not need.
public final class MlpStep {
    private MlpStep() {}

    /// The loss and the gradients of the four parameters, row-major.
    ///
    /// @param loss the mean cross-entropy
    /// @param w1 $\partial L/\partial W_1$, `in×hidden`
    /// @param b1 $\partial L/\partial b_1$
    /// @param w2 $\partial L/\partial W_2$, `hidden×out`
    /// @param b2 $\partial L/\partial b_2$
    @SuppressWarnings("ArrayRecordComponent") // a result handed to a benchmark or a test, never compared
    public record Gradients(double loss, double[] w1, double[] b1, double[] w2, double[] b2) {}

    /// The step by the tensor engine: what a user writes. The gradients are left in the parameters
    /// (`w1.grad()`, …), where an optimiser reads them.
    ///
    /// @param x the batch, a constant `[n, in]`
    /// @param labels the class of each row
    /// @param w1 `[in, hidden]`
    /// @param b1 `[hidden]`
    /// @param w2 `[hidden, out]`
    /// @param b2 `[out]`
    /// @return the loss, after its backward pass
    public static Tensor engineStep(Tensor x, int[] labels, Tensor w1, Tensor b1, Tensor w2, Tensor b2) {
        Tensor loss = x.matmul(w1).add(b1).relu().matmul(w2).add(b2).crossEntropy(labels);
        loss.zeroGrad();
        loss.backward();
        return loss;
    }

    /// [#engineStep], with the gradients copied out for comparison.
    ///
    /// @param x the batch, a constant `[n, in]`
    /// @param labels the class of each row
    /// @param w1 `[in, hidden]`
    /// @param b1 `[hidden]`
    /// @param w2 `[hidden, out]`
    /// @param b2 `[out]`
    /// @return the loss and the gradients
    public static Gradients engine(Tensor x, int[] labels, Tensor w1, Tensor b1, Tensor w2, Tensor b2) {
        Tensor loss = engineStep(x, labels, w1, b1, w2, b2);
        return new Gradients(
                loss.item(),
                w1.grad().toArray(),
                b1.grad().toArray(),
                w2.grad().toArray(),
                b2.grad().toArray());
    }

    /// The same step written by hand: bias and relu fused into one pass, softmax and the loss's
    /// gradient into another, every product on [Gemm].
    ///
    /// @param x the batch, `n×in`, row-major
    /// @param labels the class of each row
    /// @param w1 `in×hidden`
    /// @param b1 `hidden`
    /// @param w2 `hidden×out`
    /// @param b2 `out`
    /// @param n rows in the batch
    /// @param in input features
    /// @param hidden hidden units
    /// @param out classes
    /// @return the loss and the gradients
    public static Gradients handWritten(
            double[] x,
            int[] labels,
            double[] w1,
            double[] b1,
            double[] w2,
            double[] b2,
            int n,
            int in,
            int hidden,
            int out) {
        // Forward. Z1 = X W1; H = relu(Z1 + b1), in place.
        double[] h = new double[n * hidden];
        Gemm.gemm(n, hidden, in, 1.0, x, 0, in, w1, 0, hidden, 0.0, h, 0, hidden);
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < hidden; j++) {
                double z = h[r * hidden + j] + b1[j];
                h[r * hidden + j] = z > 0 ? z : 0.0;
            }
        }
        // Logits Z2 = H W2 + b2, then, row by row, softmax P and dZ2 = (P − onehot) / n.
        double[] dz2 = new double[n * out];
        Gemm.gemm(n, out, hidden, 1.0, h, 0, hidden, w2, 0, out, 0.0, dz2, 0, out);
        double loss = 0;
        for (int r = 0; r < n; r++) {
            int row = r * out;
            double m = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < out; c++) {
                dz2[row + c] += b2[c];
                m = Math.max(m, dz2[row + c]);
            }
            double total = 0;
            for (int c = 0; c < out; c++) {
                total += Math.exp(dz2[row + c] - m);
            }
            loss += Math.log(total) - (dz2[row + labels[r]] - m);
            for (int c = 0; c < out; c++) {
                dz2[row + c] = Math.exp(dz2[row + c] - m) / total / n;
            }
            dz2[row + labels[r]] -= 1.0 / n;
        }
        // Backward. dW2 = Hᵀ dZ2, db2 = column sums of dZ2.
        double[] gw2 = new double[hidden * out];
        Gemm.gemm(hidden, out, n, 1.0, transpose(h, n, hidden), 0, n, dz2, 0, out, 0.0, gw2, 0, out);
        double[] gb2 = columnSums(dz2, n, out);
        // dH = dZ2 W2ᵀ, then dZ1 = dH where H > 0 (relu's derivative), in place.
        double[] dz1 = new double[n * hidden];
        Gemm.gemm(n, hidden, out, 1.0, dz2, 0, out, transpose(w2, hidden, out), 0, hidden, 0.0, dz1, 0, hidden);
        for (int i = 0; i < dz1.length; i++) {
            if (h[i] <= 0) {
                dz1[i] = 0.0;
            }
        }
        // dW1 = Xᵀ dZ1, db1 = column sums of dZ1.
        double[] gw1 = new double[in * hidden];
        Gemm.gemm(in, hidden, n, 1.0, transpose(x, n, in), 0, n, dz1, 0, hidden, 0.0, gw1, 0, hidden);
        double[] gb1 = columnSums(dz1, n, hidden);
        return new Gradients(loss / n, gw1, gb1, gw2, gb2);
    }

    private static double[] columnSums(double[] a, int rows, int cols) {
        double[] s = new double[cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                s[c] += a[r * cols + c];
            }
        }
        return s;
    }

    /// The transpose of a `rows×cols` row-major matrix, by 32×32 tiles (as the engine does).
    private static double[] transpose(double[] a, int rows, int cols) {
        double[] t = new double[rows * cols];
        for (int i0 = 0; i0 < rows; i0 += 32) {
            for (int j0 = 0; j0 < cols; j0 += 32) {
                for (int i = i0; i < Math.min(i0 + 32, rows); i++) {
                    for (int j = j0; j < Math.min(j0 + 32, cols); j++) {
                        t[j * rows + i] = a[i * cols + j];
                    }
                }
            }
        }
        return t;
    }
}
