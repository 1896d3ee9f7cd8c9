package dev.lemma.ml.linear;

import static dev.lemma.numeric.StableFunctions.sigmoid;

import dev.lemma.linalg.Matrix;
import dev.lemma.linalg.MatrixVector;
import dev.lemma.optim.Objective;
import java.util.stream.IntStream;

/// The penalised negative log-likelihood that [LogisticRegression] minimises, with its gradient and
/// Hessian, over $\theta = (W, b)$ laid out as the rows of $W$ ($K' \times d$) then $b$ ($K'$):
/// - binary ($K' = 1$): $\sum_i \bigl[\log(1 + e^{z_i}) - y_i z_i\bigr] + \frac{1}{2C}\|w\|^2$,
///   $z_i = x_i^\top w + b$; $\partial/\partial z_i = \sigma(z_i) - y_i$;
/// - multinomial ($K' = K$): $\sum_i \bigl[\log\sum_k e^{z_{ik}} - z_{i y_i}\bigr] + \frac{1}{2C}\|W\|_F^2$,
///   $z_{ik} = x_i^\top w_k + b_k$; $\partial/\partial z_{ik} = \operatorname{softmax}(z_i)_k - [y_i = k]$.
///
/// Then $\nabla_W = G^\top X + W/C$ and $\nabla_b = G^\top \mathbf 1$ with $G$ the $m \times K'$ matrix of
/// those partial derivatives, accumulated block by block in one pass over the data ([#evaluate]). The
/// intercepts are not penalised.
final class LogisticLoss implements Objective {
    private final Matrix x;
    private final double[] xs; // X, row-major
    private final int dimension;
    private final int[] y;
    private final int rows; // K'
    private final double inverseC;

    LogisticLoss(Matrix x, int[] y, int classes, double c) {
        this.x = x;
        this.xs = x.toRowMajorArray();
        this.dimension = x.cols();
        this.y = y.clone();
        this.rows = classes == 2 ? 1 : classes;
        this.inverseC = 1 / c;
    }

    int weightRows() {
        return rows;
    }

    @Override
    public double value(double[] theta) {
        return evaluate(theta).value();
    }

    @Override
    public double[] gradient(double[] theta) {
        return evaluate(theta).gradient();
    }

    /// The loss and gradient block by block: for each block of [#CHUNK] examples, its scores
    /// $Z = X_B W^\top + b$ (one matrix–vector product per class), the losses and partial derivatives
    /// $G$ row by row, and $\nabla_W \mathrel{+}= G^\top X_B$ while the block is still in cache. (Two
    /// products over the whole of $X$ read the $m \times d$ data from memory twice; at 100 000 × 50 the
    /// loss is bound by memory, not arithmetic.) The products are [MatrixVector]'s vectorised kernels.
    ///
    /// The blocks are shared by the cores; each sums into its own partial gradient and the partials are
    /// added in block order, so the result does not depend on the number of threads or on their timing.
    @Override
    public Evaluation evaluate(double[] theta) {
        int m = y.length;
        int d = dimension;
        int chunks = (m + CHUNK - 1) / CHUNK;
        double[][] partial = new double[chunks][];
        IntStream.range(0, chunks)
                .parallel()
                .forEach(c -> partial[c] = chunk(theta, c * CHUNK, Math.min(m, (c + 1) * CHUNK)));
        int n = rows * (d + 1);
        double[] gradient = new double[n];
        double loss = 0;
        for (double[] p : partial) {
            for (int j = 0; j < n; j++) {
                gradient[j] += p[j];
            }
            loss += p[n];
        }
        double penalty = 0;
        for (int j = 0; j < rows * d; j++) {
            gradient[j] += inverseC * theta[j];
            penalty += theta[j] * theta[j];
        }
        return new Evaluation(loss + 0.5 * inverseC * penalty, gradient);
    }

    /// Examples per block of [#evaluate]: 2048 rows of 50 features are 800 KB, which stay in a core's L2
    /// cache between the two products, and 100 000 rows make 49 blocks for the cores to share.
    static final int CHUNK = 2048;

    /// The loss and gradient of examples `from` to `to - 1`, without the penalty: the gradient in
    /// $\theta$'s layout, then the loss.
    private double[] chunk(double[] theta, int from, int to) {
        int d = dimension;
        int n = to - from;
        double[] out = new double[rows * (d + 1) + 1];
        double[] z = new double[rows * n]; // class by class: z[k n + i] is z_ik, later g_ik
        for (int k = 0; k < rows; k++) {
            MatrixVector.times(xs, from * d, d, n, d, theta, k * d, z, k * n);
            double b = theta[rows * d + k];
            for (int i = 0; i < n; i++) {
                z[k * n + i] += b;
            }
        }
        double loss = 0;
        for (int i = 0; i < n; i++) {
            int label = y[from + i];
            if (rows == 1) {
                // softplus(z) = max(z, 0) + log1p(e) and σ(z) from the one e = exp(−|z|): the same
                // operations as StableFunctions.softplus and .sigmoid (so the same bits), one exp fewer
                double zi = z[i];
                double e = Math.exp(-Math.abs(zi));
                loss += Math.max(zi, 0) + Math.log1p(e) - label * zi;
                z[i] = (zi >= 0 ? 1 / (1 + e) : e / (1 + e)) - label;
            } else {
                double max = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < rows; k++) {
                    max = Math.max(max, z[k * n + i]);
                }
                double zy = z[label * n + i];
                double sum = 0;
                for (int k = 0; k < rows; k++) {
                    double e = Math.exp(z[k * n + i] - max);
                    z[k * n + i] = e;
                    sum += e;
                }
                loss += max + Math.log(sum) - zy;
                for (int k = 0; k < rows; k++) {
                    z[k * n + i] /= sum;
                }
                z[label * n + i] -= 1;
            }
        }
        for (int k = 0; k < rows; k++) { // z now holds G, class by class
            MatrixVector.transposeTimes(xs, from * d, d, n, d, z, k * n, out, k * d);
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += z[k * n + i];
            }
            out[rows * d + k] = s;
        }
        out[rows * (d + 1)] = loss;
        return out;
    }

    /// The Hessian, $\sum_i \tilde x_i \tilde x_i^\top \otimes (\operatorname{diag} p_i - p_i p_i^\top)$ plus
    /// $I/C$ on the weights, with $\tilde x_i = (x_i, 1)$ arranged in $\theta$'s layout. $O(m K'^2 d^2)$.
    @Override
    public Matrix hessian(double[] theta) {
        int m = x.rows();
        int d = x.cols();
        int n = rows * (d + 1);
        double[] z = scores(theta);
        double[][] h = new double[n][n];
        double[] p = new double[rows];
        double[] xi = new double[d + 1];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < d; j++) {
                xi[j] = x.get(i, j);
            }
            xi[d] = 1;
            if (rows == 1) {
                p[0] = sigmoid(z[i]);
            } else {
                double max = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < rows; k++) {
                    max = Math.max(max, z[i * rows + k]);
                }
                double sum = 0;
                for (int k = 0; k < rows; k++) {
                    p[k] = Math.exp(z[i * rows + k] - max);
                    sum += p[k];
                }
                for (int k = 0; k < rows; k++) {
                    p[k] /= sum;
                }
            }
            for (int k = 0; k < rows; k++) {
                for (int l = 0; l <= k; l++) {
                    double s = rows == 1 ? p[0] * (1 - p[0]) : (k == l ? p[k] : 0) - p[k] * p[l];
                    if (s == 0) {
                        continue;
                    }
                    for (int a = 0; a <= d; a++) {
                        int ra = index(k, a, d);
                        double sa = s * xi[a];
                        for (int b = 0; b <= d; b++) {
                            h[ra][index(l, b, d)] += sa * xi[b];
                        }
                    }
                }
            }
        }
        for (int k = 0; k < rows; k++) { // the blocks above the diagonal mirror those below
            for (int l = 0; l < k; l++) {
                for (int a = 0; a <= d; a++) {
                    for (int b = 0; b <= d; b++) {
                        h[index(l, b, d)][index(k, a, d)] = h[index(k, a, d)][index(l, b, d)];
                    }
                }
            }
        }
        for (int r = 0; r < n; r++) { // (s·x_a)·x_b and (s·x_b)·x_a round differently: average the two
            for (int c = 0; c < r; c++) {
                double mean = 0.5 * (h[r][c] + h[c][r]);
                h[r][c] = mean;
                h[c][r] = mean;
            }
        }
        for (int r = 0; r < rows * d; r++) {
            h[r][r] += inverseC;
        }
        return Matrix.of(h);
    }

    /// The position in $\theta$ of feature $a$ (or the intercept, $a = d$) of row $k$.
    private int index(int k, int a, int d) {
        return a == d ? rows * d + k : k * d + a;
    }

    /// $Z = X W^\top + \mathbf 1 b^\top$, row-major $m \times K'$.
    double[] scores(double[] theta) {
        int d = x.cols();
        Matrix w = Matrix.ofRowMajor(rows, d, java.util.Arrays.copyOf(theta, rows * d));
        double[] z = x.times(w.transpose()).toRowMajorArray();
        for (int i = 0; i < x.rows(); i++) {
            for (int k = 0; k < rows; k++) {
                z[i * rows + k] += theta[rows * d + k];
            }
        }
        return z;
    }
}
