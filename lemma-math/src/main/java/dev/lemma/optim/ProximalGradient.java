package dev.lemma.optim;

import dev.lemma.linalg.Matrix;
import dev.lemma.linalg.Vector;
import dev.lemma.numeric.DimensionMismatchException;

/// Proximal gradient descent for $F(x) = f(x) + \lambda\|x\|_1$, $f$ smooth and convex: a gradient step on
/// $f$, then the proximal map of $t\lambda\|\cdot\|_1$, which is soft-thresholding,
/// $$x_{k+1} = S_{t\lambda}\bigl(y_k - t\,\nabla f(y_k)\bigr), \qquad
///   S_\theta(z)_i = \operatorname{sign}(z_i)\max(|z_i| - \theta, 0).$$
/// The [Objective] given to [#minimize] is the smooth part $f$; the recorded values are $F$, and the
/// result's `gradientNorm` is $\|\nabla f\|_2$ (which need not vanish at the minimiser of $F$).
///
/// Two methods ([Method]):
/// - [Method#ISTA]: $y_k = x_k$; $F(x_k) - F^\star \le \frac{\|x_0 - x^\star\|^2}{2 t k}$;
/// - [Method#FISTA]: Nesterov's extrapolation $y_{k+1} = x_{k+1} + \frac{s_k - 1}{s_{k+1}}(x_{k+1} - x_k)$
///   with $s_1 = 1$, $s_{k+1} = \frac{1 + \sqrt{1 + 4 s_k^2}}{2}$; $F(x_k) - F^\star \le
///   \frac{2\|x_0 - x^\star\|^2}{t (k+1)^2}$.
///
/// Two step rules ([StepRule]): [StepRule#FIXED] $t = $ `step`, which should be $1/L$ for $\nabla f$
/// $L$-Lipschitz; [StepRule#BACKTRACKING], Beck and Teboulle's: starting from the previous step (first
/// from `step`), halve $t$ until the quadratic model at $y$ majorises $f$ at the new point,
/// $f(x^+) \le f(y) + \nabla f(y)^\top (x^+ - y) + \frac1{2t}\|x^+ - y\|^2$.
/// Near the solution the two sides differ by less than the rounding of $f$ and the test fails for every
/// $t$; so the step is also accepted when $(\nabla f(x^+) - \nabla f(y))^\top (x^+ - y) \le \frac1{2t}
/// \|x^+ - y\|^2$, which implies the first for convex $f$ (convexity gives $f(x^+) - f(y) \le \nabla
/// f(x^+)^\top (x^+ - y)$), compares no values, and holds for every $t \le 1/(2L)$, so the search ends.
///
/// The stopping test is on the *prox-gradient mapping* at the current iterate,
/// $\|G_t(x)\|_2 = \|x - S_{t\lambda}(x - t\nabla f(x))\|_2 / t \le$ `tolerance`, which vanishes
/// exactly when $0 \in \nabla f(x) + \lambda\,\partial\|x\|_1$. For ISTA the mapping is the step itself;
/// FISTA evaluates $\nabla f$ at $x_k$ for it besides $\nabla f(y_k)$, two gradients per iteration.
///
/// Reference: A. Beck and M. Teboulle, "A fast iterative shrinkage-thresholding algorithm for linear
/// inverse problems", *SIAM J. Imaging Sciences* 2(1), 2009, 183–202 (ISTA and FISTA with constant step
/// and with backtracking, Theorems 3.1 and 4.4).
///
/// Book: chapter 5, "Proximal methods".
///
/// @param lambda $\lambda \ge 0$, the weight of $\|x\|_1$
/// @param step $t > 0$: the step (fixed), or the first trial step (backtracking)
/// @param method ISTA or FISTA
/// @param stepRule fixed or backtracking
/// @param maxIterations the iteration limit
/// @param tolerance stop when $\|G_t(x)\|_2 \le$ `tolerance`
public record ProximalGradient(
        double lambda, double step, Method method, StepRule stepRule, int maxIterations, double tolerance)
        implements Optimizer {

    /// Which proximal gradient method.
    public enum Method {
        /// The iterative shrinkage-thresholding algorithm, $y_k = x_k$.
        ISTA,
        /// The fast (accelerated) variant, with Nesterov's extrapolation.
        FISTA
    }

    /// How the step is chosen.
    public enum StepRule {
        /// The fixed step, $1/L$.
        FIXED,
        /// Beck and Teboulle's backtracking, halving.
        BACKTRACKING
    }

    /// Checks the settings.
    ///
    /// @throws IllegalArgumentException naming a setting out of range or missing
    public ProximalGradient {
        if (!(lambda >= 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("ProximalGradient: lambda must be finite and ≥ 0, got " + lambda);
        }
        if (!(step > 0) || Double.isInfinite(step)) {
            throw new IllegalArgumentException("ProximalGradient: step must be finite and > 0, got " + step);
        }
        if (method == null) {
            throw new IllegalArgumentException("ProximalGradient: method must be ISTA or FISTA, got null");
        }
        if (stepRule == null) {
            throw new IllegalArgumentException("ProximalGradient: stepRule must be FIXED or BACKTRACKING, got null");
        }
        Stepping.checkLimits("ProximalGradient", maxIterations, tolerance);
    }

    /// Defaults for the weight $\lambda$: FISTA with backtracking from step 1, 10 000 iterations,
    /// tolerance $10^{-8}$.
    ///
    /// @param lambda $\lambda$
    public ProximalGradient(double lambda) {
        this(lambda, 1.0, Method.FISTA, StepRule.BACKTRACKING, 10_000, 1e-8);
    }

    /// Soft-thresholding, the proximal map of $\theta|\cdot|$:
    /// $S_\theta(z) = \arg\min_x \tfrac12 (x - z)^2 + \theta|x| = \operatorname{sign}(z)\max(|z| - \theta, 0)$.
    ///
    /// @param z the point
    /// @param theta the threshold, $\ge 0$
    /// @return $S_\theta(z)$; NaN if `z` is NaN
    public static double softThreshold(double z, double theta) {
        if (Math.abs(z) <= theta) { // false for NaN, which then propagates
            return 0;
        }
        return z > 0 ? z - theta : z + theta;
    }

    /// The smooth part of the lasso, $f(x) = \frac{1}{2m}\|Ax - b\|_2^2$ for $A$ of shape $m \times n$, with
    /// $\nabla f(x) = \frac1m A^\top (Ax - b)$ and $\nabla^2 f = \frac1m A^\top A$ (the scaling of
    /// scikit-learn's `Lasso`, so that $\lambda$ there is `alpha`). Its gradient is Lipschitz with
    /// $L = \sigma_{\max}(A)^2 / m$.
    ///
    /// @param a $A$
    /// @param b $b$, of length $m$
    /// @return the objective
    /// @throws DimensionMismatchException if $b$ does not have $m$ entries
    public static Objective leastSquares(Matrix a, double[] b) {
        if (b.length != a.rows()) {
            throw new DimensionMismatchException("A is " + a.rows() + "×" + a.cols() + " but b has length " + b.length);
        }
        int m = a.rows();
        Vector bv = Vector.of(b);
        Matrix at = a.transpose();
        Matrix hessian = at.times(a).times(1.0 / m);
        return Objective.withHessian(
                x -> {
                    Vector r = a.times(Vector.of(x)).minus(bv);
                    return 0.5 * r.dot(r) / m;
                },
                x -> at.times(a.times(Vector.of(x)).minus(bv)).times(1.0 / m).toArray(),
                x -> hessian);
    }

    /// $F(x) = f(x) + \lambda\|x\|_1$ given $f(x)$.
    private double composite(double smooth, double[] x) {
        return smooth + lambda * Flat.norm1(x);
    }

    /// $S_{t\lambda}(y - t\,g)$.
    private double[] proxStep(double[] y, double[] g, double t) {
        double[] x = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            x[i] = softThreshold(y[i] - t * g[i], t * lambda);
        }
        return x;
    }

    @Override
    public OptimizationResult minimize(Objective f, double[] x0) {
        Recorder run = new Recorder(f);
        double t = step;
        double[] x = x0.clone();
        double[] y = x;
        double s = 1; // FISTA's sequence s_k
        Objective.Evaluation atX = run.evaluate(x);
        Objective.Evaluation atY = atX;
        for (int k = 0; ; k++) {
            double[] mapped = proxStep(x, atX.gradient(), t);
            double mapping = Trouble.norm(Flat.minus(x, mapped)) / t;
            Objective.Evaluation recorded = new Objective.Evaluation(composite(atX.value(), x), atX.gradient());
            OptimizationResult done = run.record(k, x, recorded, mapping, "‖G_t(x)‖", tolerance, maxIterations);
            if (done != null) {
                return done;
            }
            // x⁺ = S_{tλ}(y − t∇f(y)), halving t until f's quadratic model at y lies above f at x⁺.
            double[] next = method == Method.ISTA ? mapped : proxStep(y, atY.gradient(), t);
            Objective.Evaluation atNext = run.evaluate(next);
            for (int trials = 0; stepRule == StepRule.BACKTRACKING && !majorised(atY, y, atNext, next, t); trials++) {
                if (trials == 60) {
                    return run.stop(
                            x,
                            recorded.value(),
                            Trouble.norm(atX.gradient()),
                            Status.STALLED,
                            "backtracking found no step with f below its quadratic model at iteration " + k,
                            k);
                }
                t *= 0.5;
                next = proxStep(y, atY.gradient(), t);
                atNext = run.evaluate(next);
            }
            if (method == Method.ISTA) {
                y = next;
                atY = atNext;
            } else {
                double sNext = (1 + Math.sqrt(1 + 4 * s * s)) / 2;
                y = Flat.along(next, Flat.minus(next, x), (s - 1) / sNext);
                s = sNext;
                atY = run.evaluate(y);
            }
            x = next;
            atX = atNext;
        }
    }

    /// $f(x^+) \le f(y) + \nabla f(y)^\top d + \frac{1}{2t}\|d\|^2$ with $d = x^+ - y$, or the sufficient
    /// condition $(\nabla f(x^+) - \nabla f(y))^\top d \le \frac{1}{2t}\|d\|^2$ (see the class comment).
    private static boolean majorised(
            Objective.Evaluation atY, double[] y, Objective.Evaluation atNext, double[] next, double t) {
        double[] d = Flat.minus(next, y);
        double bound = Flat.dot(d, d) / (2 * t);
        return atNext.value() <= atY.value() + Flat.dot(atY.gradient(), d) + bound
                || Flat.dot(Flat.minus(atNext.gradient(), atY.gradient()), d) <= bound;
    }
}
