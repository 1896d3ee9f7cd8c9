package dev.lemma.optim;

import static dev.lemma.numeric.StableFunctions.sigmoid;
import static dev.lemma.numeric.StableFunctions.softplus;

import dev.lemma.linalg.Matrix;
import java.util.List;

/// The standard test functions of optimisation, each with its exact gradient and Hessian, written out.
///
/// | function | formula | minimum | what it tests |
/// |---|---|---|---|
/// | [#quadratic] | $\tfrac12 x^\top A x - b^\top x$ | $A^{-1}b$ | conditioning, the rates of chapter 5 |
/// | [#rosenbrock] | $\sum 100(x_{i+1} - x_i^2)^2 + (1 - x_i)^2$ | $(1, \dots, 1)$ | a curved valley |
/// | [#beale] | $\sum_i (c_i - x + x y^i)^2$ | $(3, 0.5)$ | flat plateaus, steep walls |
/// | [#himmelblau] | $(x^2 + y - 11)^2 + (x + y^2 - 7)^2$ | four, value 0 | which basin a method falls in |
/// | [#rastrigin] | $10n + \sum x_i^2 - 10\cos 2\pi x_i$ | $0$ | many local minima |
/// | [#booth] | $(x + 2y - 7)^2 + (2x + y - 5)^2$ | $(1, 3)$ | a plain convex quadratic |
/// | [#saddle] | $\tfrac12 x^2 + \tfrac14 y^4 - \tfrac12 y^2$ | $(0, \pm 1)$ | a saddle at the origin |
/// | [#logisticLoss] | $\frac1m \sum \log(1 + e^{z_i}) - y_i z_i + \frac\lambda2\|w\|^2$ | — | a real model's loss |
///
/// Reference: M. Jamil and X.-S. Yang, "A literature survey of benchmark functions for global
/// optimisation problems", *Int. J. Math. Modelling and Numerical Optimisation* 4(2), 2013.
///
/// Book: chapter 5.
public final class TestFunctions {
    private TestFunctions() {}

    /// $f(x) = \tfrac12 x^\top A x - b^\top x$, minimised at $x^\star = A^{-1} b$ when $A$ is symmetric
    /// positive definite, where $f^\star = -\tfrac12 b^\top x^\star$.
    ///
    /// @param a the symmetric positive definite $n \times n$ matrix
    /// @param b the vector of length $n$
    /// @return the function
    /// @throws IllegalArgumentException if $A$ is not square or $b$ has the wrong length
    public static TestFunction quadratic(Matrix a, double[] b) {
        int n = a.rows();
        if (a.cols() != n || b.length != n) {
            throw new IllegalArgumentException("quadratic: A must be n×n and b of length n, got A " + a.rows() + "×"
                    + a.cols() + " and b of length " + b.length);
        }
        double[] bb = b.clone();
        Objective f = Objective.withHessian(
                x -> 0.5 * Flat.dot(x, times(a, x)) - Flat.dot(bb, x), x -> Flat.minus(times(a, x), bb), x -> a);
        double[] star = a.solve(dev.lemma.linalg.Vector.of(bb)).toArray();
        double[] box = n == 2 ? box(star, 2) : null;
        return new TestFunction("quadratic", f, n, List.of(star), -0.5 * Flat.dot(bb, star), new double[n], box);
    }

    /// $f(x) = \tfrac12 x^\top A x$ with $A = Q\,\mathrm{diag}(\mu, \dots, L)\,Q^\top$: eigenvalues evenly
    /// spaced from $\mu$ to $L$, eigenvectors those of a random orthogonal $Q$ (the QR factor of a seeded
    /// random matrix). Condition number $\kappa = L/\mu$; minimum 0 at the origin; start at $(1, \dots,
    /// 1)$.
    ///
    /// @param n the dimension, $\ge 2$
    /// @param mu the smallest eigenvalue, $> 0$
    /// @param l the largest, $\ge \mu$
    /// @param seed the seed of $Q$
    /// @return the function
    public static TestFunction quadratic(int n, double mu, double l, long seed) {
        if (n < 2 || !(mu > 0) || !(l >= mu)) {
            throw new IllegalArgumentException(
                    "quadratic: need n ≥ 2 and 0 < mu ≤ L, got n = " + n + ", mu = " + mu + ", L = " + l);
        }
        Matrix q = Matrix.random(n, n, seed).qr().q();
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = mu + (l - mu) * i / (n - 1);
        }
        Matrix a = q.times(Matrix.diagonal(d)).times(q.transpose());
        a = a.plus(a.transpose()).times(0.5); // exactly symmetric
        TestFunction t = quadratic(a, new double[n]);
        double[] start = new double[n];
        java.util.Arrays.fill(start, 1);
        return new TestFunction(
                "quadratic κ = " + l / mu,
                t.objective(),
                n,
                t.minimizers(),
                0,
                start,
                n == 2 ? new double[] {-1.5, 1.5, -1.5, 1.5} : null);
    }

    /// Rosenbrock's function in $n \ge 2$ dimensions, the chained form of SciPy's `rosen`:
    /// $\sum_{i=1}^{n-1} 100(x_{i+1} - x_i^2)^2 + (1 - x_i)^2$, minimum 0 at $(1, \dots, 1)$; start
    /// $(-1.2, 1, -1.2, 1, \dots)$. For $n \ge 4$ it also has a local minimum near $(-1, 1, \dots, 1)$.
    ///
    /// @param n the dimension
    /// @return the function
    public static TestFunction rosenbrock(int n) {
        if (n < 2) {
            throw new IllegalArgumentException("rosenbrock: the dimension must be ≥ 2, got " + n);
        }
        Objective f = Objective.withHessian(
                x -> {
                    double s = 0;
                    for (int i = 0; i + 1 < x.length; i++) {
                        double u = x[i + 1] - x[i] * x[i];
                        s += 100 * u * u + (1 - x[i]) * (1 - x[i]);
                    }
                    return s;
                },
                x -> {
                    double[] g = new double[x.length];
                    for (int i = 0; i + 1 < x.length; i++) {
                        double u = x[i + 1] - x[i] * x[i];
                        g[i] += -400 * x[i] * u - 2 * (1 - x[i]);
                        g[i + 1] += 200 * u;
                    }
                    return g;
                },
                x -> {
                    double[][] h = new double[x.length][x.length];
                    for (int i = 0; i + 1 < x.length; i++) {
                        h[i][i] += 1200 * x[i] * x[i] - 400 * x[i + 1] + 2;
                        h[i][i + 1] += -400 * x[i];
                        h[i + 1][i] += -400 * x[i];
                        h[i + 1][i + 1] += 200;
                    }
                    return Matrix.of(h);
                });
        double[] ones = new double[n];
        double[] start = new double[n];
        for (int i = 0; i < n; i++) {
            ones[i] = 1;
            start[i] = i % 2 == 0 ? -1.2 : 1;
        }
        return new TestFunction(
                n == 2 ? "Rosenbrock" : "Rosenbrock " + n + "-D", f, n, List.of(ones), 0, start, new double[] {
                    -2, 2, -1, 3
                });
    }

    private static final double[] BEALE_C = {1.5, 2.25, 2.625};

    /// Beale's function $\sum_{i=1}^{3} (c_i - x + x y^i)^2$ with $c = (1.5, 2.25, 2.625)$, minimum 0 at
    /// $(3, 0.5)$; start $(1, 1)$.
    ///
    /// @return the function
    public static TestFunction beale() {
        Objective f = Objective.withHessian(
                v -> {
                    double s = 0;
                    for (int i = 1; i <= 3; i++) {
                        double r = BEALE_C[i - 1] - v[0] + v[0] * Math.pow(v[1], i);
                        s += r * r;
                    }
                    return s;
                },
                v -> {
                    double gx = 0;
                    double gy = 0;
                    for (int i = 1; i <= 3; i++) {
                        double yi = Math.pow(v[1], i);
                        double r = BEALE_C[i - 1] - v[0] + v[0] * yi;
                        gx += 2 * r * (yi - 1);
                        gy += 2 * r * v[0] * i * Math.pow(v[1], i - 1);
                    }
                    return new double[] {gx, gy};
                },
                v -> {
                    double hxx = 0;
                    double hxy = 0;
                    double hyy = 0;
                    for (int i = 1; i <= 3; i++) {
                        double yi = Math.pow(v[1], i);
                        double dyi = i * Math.pow(v[1], i - 1); // d(y^i)/dy
                        double d2yi = i * (i - 1) * (i >= 2 ? Math.pow(v[1], i - 2) : 0);
                        double r = BEALE_C[i - 1] - v[0] + v[0] * yi;
                        double rx = yi - 1;
                        double ry = v[0] * dyi;
                        hxx += 2 * rx * rx;
                        hxy += 2 * (ry * rx + r * dyi);
                        hyy += 2 * (ry * ry + r * v[0] * d2yi);
                    }
                    return Matrix.of(new double[][] {{hxx, hxy}, {hxy, hyy}});
                });
        return new TestFunction("Beale", f, 2, List.of(new double[] {3, 0.5}), 0, new double[] {1, 1}, new double[] {
            -4.5, 4.5, -4.5, 4.5
        });
    }

    /// Himmelblau's function $(x^2 + y - 11)^2 + (x + y^2 - 7)^2$, with four minima of value 0: $(3, 2)$
    /// and three irrational ones (to 16 digits, from SciPy's `fsolve` on the gradient); start $(0, 0)$.
    ///
    /// @return the function
    public static TestFunction himmelblau() {
        Objective f = Objective.withHessian(
                v -> {
                    double a = v[0] * v[0] + v[1] - 11;
                    double b = v[0] + v[1] * v[1] - 7;
                    return a * a + b * b;
                },
                v -> {
                    double a = v[0] * v[0] + v[1] - 11;
                    double b = v[0] + v[1] * v[1] - 7;
                    return new double[] {4 * v[0] * a + 2 * b, 2 * a + 4 * v[1] * b};
                },
                v -> {
                    double a = v[0] * v[0] + v[1] - 11;
                    double b = v[0] + v[1] * v[1] - 7;
                    double hxy = 4 * v[0] + 4 * v[1];
                    return Matrix.of(new double[][] {
                        {4 * a + 8 * v[0] * v[0] + 2, hxy}, {hxy, 2 + 4 * b + 8 * v[1] * v[1]}
                    });
                });
        return new TestFunction(
                "Himmelblau",
                f,
                2,
                List.of(
                        new double[] {3, 2},
                        new double[] {-2.805118086952745, 3.131312518250573},
                        new double[] {-3.779310253377747, -3.2831859912861696},
                        new double[] {3.5844283403304917, -1.8481265269644036}),
                0,
                new double[] {0, 0},
                new double[] {-5, 5, -5, 5});
    }

    /// Rastrigin's function $10n + \sum_i (x_i^2 - 10\cos 2\pi x_i)$: minimum 0 at the origin among a
    /// lattice of local minima near the integer points; start $(2.5, \dots)$ (0.5 shifted from a local
    /// maximum) so that local methods show where they get caught.
    ///
    /// @param n the dimension
    /// @return the function
    public static TestFunction rastrigin(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("rastrigin: the dimension must be ≥ 1, got " + n);
        }
        double w = 2 * Math.PI;
        Objective f = Objective.withHessian(
                x -> {
                    double s = 10.0 * x.length;
                    for (double v : x) {
                        s += v * v - 10 * Math.cos(w * v);
                    }
                    return s;
                },
                x -> {
                    double[] g = new double[x.length];
                    for (int i = 0; i < x.length; i++) {
                        g[i] = 2 * x[i] + 10 * w * Math.sin(w * x[i]);
                    }
                    return g;
                },
                x -> {
                    double[] d = new double[x.length];
                    for (int i = 0; i < x.length; i++) {
                        d[i] = 2 + 10 * w * w * Math.cos(w * x[i]);
                    }
                    return Matrix.diagonal(d);
                });
        double[] start = new double[n];
        java.util.Arrays.fill(start, 2.5);
        return new TestFunction(
                "Rastrigin", f, n, List.of(new double[n]), 0, start, new double[] {-5.12, 5.12, -5.12, 5.12});
    }

    /// Booth's function $(x + 2y - 7)^2 + (2x + y - 5)^2$, a convex quadratic with Hessian
    /// $\begin{pmatrix} 10 & 8 \\ 8 & 10 \end{pmatrix}$ ($\kappa = 9$), minimum 0 at $(1, 3)$; start $(-5, -5)$.
    ///
    /// @return the function
    public static TestFunction booth() {
        Matrix h = Matrix.of(new double[][] {{10, 8}, {8, 10}});
        Objective f = Objective.withHessian(
                v -> {
                    double a = v[0] + 2 * v[1] - 7;
                    double b = 2 * v[0] + v[1] - 5;
                    return a * a + b * b;
                },
                v -> {
                    double a = v[0] + 2 * v[1] - 7;
                    double b = 2 * v[0] + v[1] - 5;
                    return new double[] {2 * a + 4 * b, 4 * a + 2 * b};
                },
                v -> h);
        return new TestFunction(
                "Booth", f, 2, List.of(new double[] {1, 3}), 0, new double[] {-5, -5}, new double[] {-10, 10, -10, 10});
    }

    /// $\tfrac12 x^2 + \tfrac14 y^4 - \tfrac12 y^2$: a saddle at the origin (curvatures $1$ and $-1$) between
    /// two minima $(0, \pm 1)$ of value $-\tfrac14$. Started on the axis $y = 0$, gradient descent walks
    /// into the saddle and stops there; a start a hair off the axis escapes, slowly at first. Start
    /// $(1, 10^{-6})$.
    ///
    /// @return the function
    public static TestFunction saddle() {
        Objective f = Objective.withHessian(
                v -> 0.5 * v[0] * v[0] + 0.25 * Math.pow(v[1], 4) - 0.5 * v[1] * v[1],
                v -> new double[] {v[0], v[1] * v[1] * v[1] - v[1]},
                v -> Matrix.of(new double[][] {{1, 0}, {0, 3 * v[1] * v[1] - 1}}));
        return new TestFunction(
                "saddle",
                f,
                2,
                List.of(new double[] {0, 1}, new double[] {0, -1}),
                -0.25,
                new double[] {1, 1e-6},
                new double[] {-1.5, 1.5, -1.5, 1.5});
    }

    /// The L2-regularised logistic loss of a linear classifier with intercept, averaged over the data:
    /// with $z_i = w_0 + \sum_j w_j X_{ij}$ and labels $y_i \in \{0, 1\}$,
    /// $f(w) = \frac1m \sum_i \bigl[\log(1 + e^{z_i}) - y_i z_i\bigr] + \frac\lambda2 \sum_{j \ge 1} w_j^2$,
    /// computed as $\mathrm{softplus}(z) - yz$ without overflow. Gradient $\frac1m \tilde X^\top (p - y) +
    /// \lambda w$, Hessian $\frac1m \tilde X^\top \mathrm{diag}(p(1-p))\,\tilde X + \lambda I$ (intercept not
    /// penalised), $p = \sigma(z)$, $\tilde X = [\mathbf 1, X]$. Convex; strictly so when $\lambda > 0$.
    /// The minimiser has no closed form. Start at $w = 0$.
    ///
    /// @param features the $m \times d$ matrix $X$
    /// @param labels $y_i \in \{0, 1\}$, length $m$
    /// @param lambda the penalty $\lambda \ge 0$
    /// @return the function of $w \in \mathbb{R}^{d + 1}$ ($w_0$ the intercept)
    /// @throws IllegalArgumentException naming the first label not 0 or 1, or mismatched lengths
    public static TestFunction logisticLoss(Matrix features, int[] labels, double lambda) {
        int m = features.rows();
        int d = features.cols();
        if (labels.length != m || m == 0) {
            throw new IllegalArgumentException("logisticLoss: X has " + m + " rows but there are " + labels.length
                    + " labels (need at least one row)");
        }
        if (!(lambda >= 0)) {
            throw new IllegalArgumentException("logisticLoss: lambda must be ≥ 0, got " + lambda);
        }
        for (int i = 0; i < m; i++) {
            if (labels[i] != 0 && labels[i] != 1) {
                throw new IllegalArgumentException("logisticLoss: label " + i + " is " + labels[i] + ", not 0 or 1");
            }
        }
        double[][] x = features.toArray();
        int[] y = labels.clone();
        Objective f = Objective.withHessian(
                w -> {
                    double s = 0;
                    for (int i = 0; i < m; i++) {
                        double z = linear(w, x[i]);
                        s += softplus(z) - y[i] * z;
                    }
                    return s / m + penalty(w, lambda);
                },
                w -> {
                    double[] g = new double[d + 1];
                    for (int i = 0; i < m; i++) {
                        double r = sigmoid(linear(w, x[i])) - y[i];
                        g[0] += r;
                        for (int j = 0; j < d; j++) {
                            g[j + 1] += r * x[i][j];
                        }
                    }
                    for (int j = 0; j <= d; j++) {
                        g[j] = g[j] / m + (j > 0 ? lambda * w[j] : 0);
                    }
                    return g;
                },
                w -> {
                    double[][] h = new double[d + 1][d + 1];
                    double[] row = new double[d + 1];
                    for (int i = 0; i < m; i++) {
                        double p = sigmoid(linear(w, x[i]));
                        double c = p * (1 - p) / m;
                        row[0] = 1;
                        System.arraycopy(x[i], 0, row, 1, d);
                        for (int a = 0; a <= d; a++) {
                            for (int b = 0; b <= a; b++) {
                                h[a][b] += c * row[a] * row[b];
                            }
                        }
                    }
                    for (int a = 0; a <= d; a++) {
                        if (a > 0) {
                            h[a][a] += lambda;
                        }
                        for (int b = 0; b < a; b++) {
                            h[b][a] = h[a][b];
                        }
                    }
                    return Matrix.of(h);
                });
        return new TestFunction(
                "logistic loss",
                f,
                d + 1,
                List.of(),
                Double.NaN,
                new double[d + 1],
                d == 1 ? new double[] {-5, 5, -5, 5} : null);
    }

    private static double linear(double[] w, double[] row) {
        double z = w[0];
        for (int j = 0; j < row.length; j++) {
            z += w[j + 1] * row[j];
        }
        return z;
    }

    private static double penalty(double[] w, double lambda) {
        double s = 0;
        for (int j = 1; j < w.length; j++) {
            s += w[j] * w[j];
        }
        return 0.5 * lambda * s;
    }

    private static double[] times(Matrix a, double[] x) {
        return a.times(dev.lemma.linalg.Vector.of(x)).toArray();
    }

    private static double[] box(double[] centre, double half) {
        return new double[] {centre[0] - half, centre[0] + half, centre[1] - half, centre[1] + half};
    }
}
