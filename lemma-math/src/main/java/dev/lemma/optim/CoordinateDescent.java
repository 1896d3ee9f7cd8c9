package dev.lemma.optim;

import dev.lemma.linalg.Matrix;
import dev.lemma.numeric.DimensionMismatchException;

/// Cyclic coordinate descent: sweep over the coordinates $i = 1, \dots, n$ in order, changing only $x_i$
/// at a time, to (approximately) minimise $f$ along $e_i$ with the others fixed. One iteration is one
/// sweep.
///
/// - [#minimize], for a smooth $f$: a one-dimensional Newton step per coordinate,
///   $x_i \leftarrow x_i - \partial_i f(x) / \partial_{ii} f(x)$, with the curvature
///   $\partial_{ii} f = e_i^\top \nabla^2 f(x)\,e_i$ from one Hessian-vector product, halved until $f$
///   decreases or the slope $\partial_i f$ shrinks without changing sign (for convex $f$ the second
///   implies the first, and unlike it is not lost in the rounding of $f$ near the minimiser). On a
///   quadratic $\tfrac12 x^\top A x - b^\top x$ the Newton step is the exact minimiser along $e_i$,
///   $x_i \leftarrow (b_i - \sum_{j \ne i} A_{ij} x_j) / A_{ii}$, and the sweep is the Gauss–Seidel
///   iteration, which converges for every symmetric positive definite $A$. Stops when
///   $\|\nabla f\|_2 \le$ `tolerance` at the end of a sweep.
/// - [#lasso], for $F(x) = \frac1{2m}\|Ax - b\|_2^2 + \lambda\|x\|_1$: the exact minimiser along
///   $e_j$ is a soft-threshold,
///   $$x_j \leftarrow \frac{S_\lambda\bigl(\tfrac1m a_j^\top (r + a_j x_j)\bigr)}{\tfrac1m \|a_j\|_2^2},
///   \qquad r = b - Ax,$$
///   with the residual $r$ updated after each coordinate in $O(m)$, so a sweep costs $O(mn)$. This is the
///   update of scikit-learn's `Lasso` (which tests a duality gap instead). Stops when the minimum-norm
///   subgradient $\operatorname{dist}(0, \partial F(x))$, whose entries are $\partial_j f + \lambda
///   \operatorname{sign} x_j$ where $x_j \ne 0$ and $\max(|\partial_j f| - \lambda, 0)$ where $x_j = 0$, has
///   norm $\le$ `tolerance` at the end of a sweep.
///
/// References: S. J. Wright, "Coordinate descent algorithms", *Mathematical Programming* 151, 2015,
/// 3–34; J. Friedman, T. Hastie and R. Tibshirani, "Regularization paths for generalized linear models
/// via coordinate descent", *Journal of Statistical Software* 33(1), 2010 (the lasso update).
///
/// Book: chapter 5, "Coordinate descent".
///
/// @param maxIterations the limit on sweeps
/// @param tolerance the stopping tolerance (see above)
public record CoordinateDescent(int maxIterations, double tolerance) implements Optimizer {

    /// Checks the settings.
    ///
    /// @throws IllegalArgumentException naming a negative limit or tolerance
    public CoordinateDescent {
        Stepping.checkLimits("CoordinateDescent", maxIterations, tolerance);
    }

    /// Defaults: 10 000 sweeps, tolerance $10^{-8}$.
    public CoordinateDescent() {
        this(10_000, 1e-8);
    }

    @Override
    public OptimizationResult minimize(Objective f, double[] x0) {
        Recorder run = new Recorder(f);
        int n = x0.length;
        double[] x = x0.clone();
        Objective.Evaluation e = run.evaluate(x);
        for (int k = 0; ; k++) {
            OptimizationResult done = run.record(k, x, e, tolerance, maxIterations);
            if (done != null) {
                return done;
            }
            for (int i = 0; i < n; i++) {
                double gi = e.gradient()[i];
                if (gi == 0) {
                    continue;
                }
                double[] unit = new double[n];
                unit[i] = 1;
                double curvature = f.hessianVector(x, unit)[i];
                if (!(curvature > 0)) {
                    return run.stop(
                            x,
                            e.value(),
                            Trouble.norm(e.gradient()),
                            Status.STALLED,
                            "the curvature along coordinate " + i + " is " + curvature + " at sweep " + k
                                    + ": the Newton step needs a positive one",
                            k);
                }
                double newton = -gi / curvature;
                for (int halving = 0; halving < 60; halving++) {
                    double[] trial = x.clone();
                    trial[i] += newton;
                    if (trial[i] == x[i]) {
                        break; // the step is below the spacing of doubles at x_i
                    }
                    Objective.Evaluation et = run.evaluate(trial);
                    double slope = et.gradient()[i];
                    if (et.value() < e.value() || (Math.abs(slope) < Math.abs(gi) && slope * gi >= 0)) {
                        x = trial;
                        e = et;
                        break;
                    }
                    newton *= 0.5;
                }
            }
        }
    }

    /// Minimises the lasso objective $\frac1{2m}\|Ax - b\|_2^2 + \lambda\|x\|_1$ by cyclic exact
    /// coordinate minimisation (the soft-threshold update above). The result's values are $F(x)$; each
    /// sweep counts one evaluation (of $f$ and $\nabla f$ at its end, for the stopping test). Columns of
    /// $A$ that are zero are left at $0$.
    ///
    /// @param a $A$, $m \times n$
    /// @param b $b$, of length $m$
    /// @param lambda $\lambda \ge 0$
    /// @param x0 the starting point, of length $n$
    /// @return the result
    /// @throws DimensionMismatchException if $b$ or $x_0$ has the wrong length
    /// @throws IllegalArgumentException if $\lambda$ is negative or not finite
    public OptimizationResult lasso(Matrix a, double[] b, double lambda, double[] x0) {
        int m = a.rows();
        int n = a.cols();
        if (x0.length != n) {
            throw new DimensionMismatchException("A is " + m + "×" + n + " but x0 has length " + x0.length);
        }
        if (!(lambda >= 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("CoordinateDescent.lasso: lambda must be finite and ≥ 0, got " + lambda);
        }
        Recorder run = new Recorder(ProximalGradient.leastSquares(a, b));
        double[][] columns = a.transpose().toArray();
        double[] squaredNorms = new double[n];
        for (int j = 0; j < n; j++) {
            squaredNorms[j] = Flat.dot(columns[j], columns[j]) / m;
        }
        double[] x = x0.clone();
        double[] r = b.clone();
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < m; i++) {
                r[i] -= columns[j][i] * x[j];
            }
        }
        for (int k = 0; ; k++) {
            Objective.Evaluation e = run.evaluate(x);
            double[] g = e.gradient();
            Objective.Evaluation recorded = new Objective.Evaluation(e.value() + lambda * Flat.norm1(x), g);
            double measure = Trouble.norm(minimumNormSubgradient(x, g, lambda));
            OptimizationResult done = run.record(k, x, recorded, measure, "dist(0, ∂F(x))", tolerance, maxIterations);
            if (done != null) {
                return done;
            }
            for (int j = 0; j < n; j++) {
                if (squaredNorms[j] == 0) {
                    x[j] = 0;
                    continue;
                }
                double[] aj = columns[j];
                double rho = Flat.dot(aj, r) / m + squaredNorms[j] * x[j]; // a_jᵀ(r + a_j x_j) / m
                double updated = ProximalGradient.softThreshold(rho, lambda) / squaredNorms[j];
                double change = updated - x[j];
                if (change != 0) {
                    for (int i = 0; i < m; i++) {
                        r[i] -= aj[i] * change;
                    }
                    x[j] = updated;
                }
            }
        }
    }

    /// The element of least norm of $\nabla f(x) + \lambda\,\partial\|x\|_1$: zero exactly at a minimiser
    /// of $f + \lambda\|x\|_1$ for convex $f$.
    ///
    /// @param x the point
    /// @param gradient $\nabla f(x)$
    /// @param lambda $\lambda$
    /// @return the subgradient, a new array
    static double[] minimumNormSubgradient(double[] x, double[] gradient, double lambda) {
        double[] s = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            if (x[j] > 0) {
                s[j] = gradient[j] + lambda;
            } else if (x[j] < 0) {
                s[j] = gradient[j] - lambda;
            } else {
                s[j] = Math.signum(gradient[j]) * Math.max(Math.abs(gradient[j]) - lambda, 0);
            }
        }
        return s;
    }
}
