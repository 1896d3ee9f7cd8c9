package dev.lemma.ml.linear;

import static dev.lemma.numeric.StableFunctions.sigmoid;
import static dev.lemma.numeric.StableFunctions.softplus;

import dev.lemma.linalg.Matrix;
import dev.lemma.optim.Objective;

/// The penalised negative log-likelihood that [LogisticRegression] minimises, with its gradient and
/// Hessian, over $\theta = (W, b)$ laid out as the rows of $W$ ($K' \times d$) then $b$ ($K'$):
/// - binary ($K' = 1$): $\sum_i \bigl[\log(1 + e^{z_i}) - y_i z_i\bigr] + \frac{1}{2C}\|w\|^2$,
///   $z_i = x_i^\top w + b$; $\partial/\partial z_i = \sigma(z_i) - y_i$;
/// - multinomial ($K' = K$): $\sum_i \bigl[\log\sum_k e^{z_{ik}} - z_{i y_i}\bigr] + \frac{1}{2C}\|W\|_F^2$,
///   $z_{ik} = x_i^\top w_k + b_k$; $\partial/\partial z_{ik} = \operatorname{softmax}(z_i)_k - [y_i = k]$.
///
/// Then $\nabla_W = G^\top X + W/C$ and $\nabla_b = G^\top \mathbf 1$ with $G$ the $m \times K'$ matrix of
/// those partial derivatives: two matrix products per evaluation, on the GEMM kernels. The intercepts are
/// not penalised.
final class LogisticLoss implements Objective {
    private final Matrix x;
    private final int[] y;
    private final int rows; // K'
    private final double inverseC;

    LogisticLoss(Matrix x, int[] y, int classes, double c) {
        this.x = x;
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

    @Override
    public Evaluation evaluate(double[] theta) {
        int m = x.rows();
        int d = x.cols();
        double[] z = scores(theta);
        double loss = 0;
        double[] g = new double[m * rows]; // G, row-major m × K'
        for (int i = 0; i < m; i++) {
            if (rows == 1) {
                double zi = z[i];
                loss += softplus(zi) - y[i] * zi;
                g[i] = sigmoid(zi) - y[i];
            } else {
                int o = i * rows;
                double max = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < rows; k++) {
                    max = Math.max(max, z[o + k]);
                }
                double sum = 0;
                for (int k = 0; k < rows; k++) {
                    double e = Math.exp(z[o + k] - max);
                    g[o + k] = e;
                    sum += e;
                }
                loss += max + Math.log(sum) - z[o + y[i]];
                for (int k = 0; k < rows; k++) {
                    g[o + k] /= sum;
                }
                g[o + y[i]] -= 1;
            }
        }
        Matrix gw = Matrix.ofRowMajor(m, rows, g).transpose().times(x); // K' × d
        double[] gradient = new double[rows * (d + 1)];
        double penalty = 0;
        for (int k = 0; k < rows; k++) {
            for (int j = 0; j < d; j++) {
                double w = theta[k * d + j];
                gradient[k * d + j] = gw.get(k, j) + inverseC * w;
                penalty += w * w;
            }
        }
        for (int i = 0; i < m; i++) {
            for (int k = 0; k < rows; k++) {
                gradient[rows * d + k] += g[i * rows + k];
            }
        }
        return new Evaluation(loss + 0.5 * inverseC * penalty, gradient);
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
