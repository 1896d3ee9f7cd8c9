package dev.lemma.optim;

/// The BFGS quasi-Newton method (Broyden, Fletcher, Goldfarb, Shanno, 1970): Newton's step with the
/// inverse Hessian replaced by an estimate $H_k$ learned from the gradients already computed.
///
/// Each step moves along $d_k = -H_k \nabla f(x_k)$ with a strong Wolfe line search, then updates the
/// estimate from the step $s = x_{k+1} - x_k$ and the gradient change $y = \nabla f_{k+1} - \nabla f_k$:
/// $$H_{k+1} = (I - \rho\, s y^\top)\, H_k\, (I - \rho\, y s^\top) + \rho\, s s^\top,
/// \qquad \rho = \frac{1}{y^\top s},$$
/// the matrix nearest to $H_k$ (in a weighted norm) that satisfies the secant equation $H_{k+1} y = s$.
/// It stays positive definite whenever $y^\top s > 0$, which the curvature condition of the Wolfe search
/// guarantees. $H_0 = I$, rescaled to $\frac{y^\top s}{y^\top y} I$ before the first update (Nocedal and
/// Wright, eq. 6.20), so the first steps have the right length. Convergence is superlinear near a
/// minimiser. Memory and work per step are $O(n^2)$; for large $n$ see [LBFGS].
///
/// Reference: J. Nocedal and S. J. Wright, *Numerical Optimization*, 2nd ed., Springer 2006, Algorithm 6.1.
///
/// Book: chapter 5, "Quasi-Newton methods".
///
/// @param maxIterations the iteration limit
/// @param tolerance stop when $\|\nabla f\|_2 \le$ `tolerance`
public record BFGS(int maxIterations, double tolerance) implements Optimizer {

    /// Checks the settings.
    ///
    /// @throws IllegalArgumentException naming a setting out of range
    public BFGS {
        Stepping.checkLimits("BFGS", maxIterations, tolerance);
    }

    /// Defaults: 1 000 iterations, tolerance $10^{-6}$.
    public BFGS() {
        this(1_000, 1e-6);
    }

    @Override
    public OptimizationResult minimize(Objective f, double[] x0) {
        Recorder run = new Recorder(f);
        LineSearch wolfe = LineSearch.strongWolfe();
        int n = x0.length;
        double[] x = x0.clone();
        Objective.Evaluation e = run.evaluate(x);
        double[][] h = identity(n);
        boolean fresh = true; // H is still the (unscaled) identity
        for (int k = 0; ; k++) {
            OptimizationResult done = run.record(k, x, e, tolerance, maxIterations);
            if (done != null) {
                return done;
            }
            double[] g = e.gradient();
            LineSearch.Step s = wolfe.search(run.objective(), x, e, Flat.negate(times(h, g)), firstStep(fresh, g));
            if (!decreased(s, e) && !fresh) { // the estimate has gone bad: restart from steepest descent
                h = identity(n);
                fresh = true;
                s = wolfe.search(run.objective(), x, e, Flat.negate(g), firstStep(true, g));
            }
            if (!decreased(s, e)) {
                return run.stalled(x, e, k, " along −∇f");
            }
            double[] step = Flat.minus(s.x(), x);
            double[] y = Flat.minus(s.evaluation().gradient(), g);
            double ys = Flat.dot(y, step);
            if (ys > 1e-12 * Trouble.norm(y) * Trouble.norm(step)) {
                if (fresh) {
                    scale(h, ys / Flat.dot(y, y));
                    fresh = false;
                }
                update(h, step, y, 1 / ys);
            }
            x = s.x();
            e = s.evaluation();
        }
    }

    /// With $H = I$ the step $-g$ has the gradient's length; the search starts at a unit move instead.
    static double firstStep(boolean fresh, double[] g) {
        return fresh ? Math.min(1, 1 / Trouble.norm(g)) : 1;
    }

    static boolean decreased(LineSearch.Step s, Objective.Evaluation from) {
        return s.step() > 0 && s.evaluation().value() < from.value();
    }

    /// $H \leftarrow (I - \rho s y^\top) H (I - \rho y s^\top) + \rho s s^\top$, expanded as
    /// $H - \rho(H y s^\top + s y^\top H) + (\rho^2\, y^\top H y + \rho)\, s s^\top$ ($H$ symmetric), in
    /// $O(n^2)$.
    private static void update(double[][] h, double[] s, double[] y, double rho) {
        double[] hy = times(h, y);
        double c = rho * rho * Flat.dot(y, hy) + rho;
        for (int i = 0; i < s.length; i++) {
            for (int j = 0; j < s.length; j++) {
                h[i][j] += -rho * (hy[i] * s[j] + s[i] * hy[j]) + c * s[i] * s[j];
            }
        }
    }

    private static double[] times(double[][] h, double[] v) {
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = Flat.dot(h[i], v);
        }
        return r;
    }

    private static void scale(double[][] h, double c) {
        for (double[] row : h) {
            for (int j = 0; j < row.length; j++) {
                row[j] *= c;
            }
        }
    }

    private static double[][] identity(int n) {
        double[][] h = new double[n][n];
        for (int i = 0; i < n; i++) {
            h[i][i] = 1;
        }
        return h;
    }
}
