package dev.lemma.ml.linear;

import static dev.lemma.numeric.StableFunctions.sigmoid;
import static dev.lemma.numeric.StableFunctions.softplus;

import dev.lemma.linalg.Matrix;
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
/// those partial derivatives, accumulated example by example in one pass over the data ([#evaluate]). The
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

    /// One pass over the rows per evaluation: for each example, its scores $z_i$, its loss and its
    /// partial derivatives $g_i$, added at once into $\nabla_W \mathrel{+}= g_i x_i^\top$ while $x_i$ is in
    /// cache. (Two matrix products, $XW^\top$ then $G^\top X$, read the $m \times d$ data from memory twice
    /// and were three times slower at 100 000 × 50, where the loss is bound by memory, not arithmetic.)
    ///
    /// The rows are cut into fixed chunks of [#CHUNK] examples that the cores share; each chunk sums into
    /// its own partial gradient and the partials are added in chunk order, so the result does not depend
    /// on the number of threads or on their timing.
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

    /// Examples per chunk of [#evaluate]: enough work per task (8192 rows of 50 features are 3 MB) to
    /// make the fork-join overhead negligible, and several chunks per core on large data.
    static final int CHUNK = 8192;

    /// The loss and gradient of examples `from` to `to - 1`, without the penalty: the gradient in
    /// $\theta$'s layout, then the loss.
    private double[] chunk(double[] theta, int from, int to) {
        int d = dimension;
        double[] out = new double[rows * (d + 1) + 1];
        double[] z = new double[rows];
        double loss = 0;
        for (int i = from; i < to; i++) {
            int row = i * d;
            for (int k = 0; k < rows; k++) {
                z[k] = theta[rows * d + k] + dot(xs, row, theta, k * d, d);
            }
            if (rows == 1) {
                loss += softplus(z[0]) - y[i] * z[0];
                z[0] = sigmoid(z[0]) - y[i];
            } else {
                double max = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < rows; k++) {
                    max = Math.max(max, z[k]);
                }
                double zy = z[y[i]];
                double sum = 0;
                for (int k = 0; k < rows; k++) {
                    z[k] = Math.exp(z[k] - max);
                    sum += z[k];
                }
                loss += max + Math.log(sum) - zy;
                for (int k = 0; k < rows; k++) {
                    z[k] /= sum;
                }
                z[y[i]] -= 1;
            }
            for (int k = 0; k < rows; k++) { // z now holds g_i
                double g = z[k];
                int o = k * d;
                for (int j = 0; j < d; j++) {
                    out[o + j] += g * xs[row + j];
                }
                out[rows * d + k] += g;
            }
        }
        out[rows * (d + 1)] = loss;
        return out;
    }

    /// $\sum_j a_{\text{aOff}+j} b_{\text{bOff}+j}$ with four running sums, so that the additions do not
    /// wait on each other.
    private static double dot(double[] a, int aOff, double[] b, int bOff, int len) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int j = 0;
        for (; j + 3 < len; j += 4) {
            s0 += a[aOff + j] * b[bOff + j];
            s1 += a[aOff + j + 1] * b[bOff + j + 1];
            s2 += a[aOff + j + 2] * b[bOff + j + 2];
            s3 += a[aOff + j + 3] * b[bOff + j + 3];
        }
        for (; j < len; j++) {
            s0 += a[aOff + j] * b[bOff + j];
        }
        return (s0 + s1) + (s2 + s3);
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
