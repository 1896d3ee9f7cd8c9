package dev.lemma.optim;

/// Limited-memory BFGS (Nocedal, 1980; Liu and Nocedal, 1989): [BFGS] without the $n \times n$ matrix.
///
/// The BFGS estimate $H_k$ is the result of applying the last updates to a starting matrix; L-BFGS keeps
/// only the last $m$ pairs $(s_i, y_i)$ and applies them on the fly to compute $H_k g$ by the two-loop
/// recursion, in $O(mn)$ work and memory:
/// ```
/// q ← g
/// for i = k−1 down to k−m:   α_i ← ρ_i s_iᵀq;   q ← q − α_i y_i
/// r ← γ q,   γ = s_{k−1}ᵀy_{k−1} / y_{k−1}ᵀy_{k−1}
/// for i = k−m up to k−1:     β ← ρ_i y_iᵀr;     r ← r + (α_i − β) s_i
/// return r                    (= H_k g)
/// ```
/// with $\rho_i = 1/(y_i^\top s_i)$. The scaling $\gamma$ makes the starting matrix $\gamma I$ match the
/// curvature along the last step. A pair is stored only when $y^\top s > 0$ (the strong Wolfe search
/// ensures it), which keeps $H_k$ positive definite and $-H_k g$ a descent direction. This is the
/// optimiser that fits logistic regression in scikit-learn and most large smooth models.
///
/// Reference: J. Nocedal and S. J. Wright, *Numerical Optimization*, 2nd ed., Springer 2006, Algorithms 7.4
/// and 7.5.
///
/// Book: chapter 5, "Quasi-Newton methods".
///
/// @param memory $m$, the pairs kept, $\ge 1$ (3 to 20 is usual)
/// @param maxIterations the iteration limit
/// @param tolerance stop when $\|\nabla f\|_2 \le$ `tolerance`
public record LBFGS(int memory, int maxIterations, double tolerance) implements Optimizer {

    /// Checks the settings.
    ///
    /// @throws IllegalArgumentException naming a setting out of range
    public LBFGS {
        if (memory < 1) {
            throw new IllegalArgumentException("LBFGS: memory must be ≥ 1, got " + memory);
        }
        Stepping.checkLimits("LBFGS", maxIterations, tolerance);
    }

    /// Defaults: memory 10 (SciPy's `maxcor`), 1 000 iterations, tolerance $10^{-6}$.
    public LBFGS() {
        this(10, 1_000, 1e-6);
    }

    @Override
    public OptimizationResult minimize(Objective f, double[] x0) {
        Recorder run = new Recorder(f);
        LineSearch wolfe = LineSearch.strongWolfe();
        double[] x = x0.clone();
        Objective.Evaluation e = run.evaluate(x);
        double[][] s = new double[memory][];
        double[][] y = new double[memory][];
        double[] rho = new double[memory];
        int stored = 0; // pairs held; the newest is at (newest % memory)
        int newest = -1;
        for (int k = 0; ; k++) {
            OptimizationResult done = run.record(k, x, e, tolerance, maxIterations);
            if (done != null) {
                return done;
            }
            double[] g = e.gradient();
            double[] d = Flat.negate(twoLoop(g, s, y, rho, stored, newest));
            LineSearch.Step step = wolfe.search(run.objective(), x, e, d, BFGS.firstStep(stored == 0, g));
            if (!BFGS.decreased(step, e) && stored > 0) { // forget the pairs: restart from steepest descent
                stored = 0;
                step = wolfe.search(run.objective(), x, e, Flat.negate(g), BFGS.firstStep(true, g));
            }
            if (!BFGS.decreased(step, e)) {
                return run.stalled(x, e, k, " along −∇f");
            }
            double[] sk = Flat.minus(step.x(), x);
            double[] yk = Flat.minus(step.evaluation().gradient(), g);
            double ys = Flat.dot(yk, sk);
            if (ys > 1e-12 * Trouble.norm(yk) * Trouble.norm(sk)) {
                newest = (newest + 1) % memory;
                s[newest] = sk;
                y[newest] = yk;
                rho[newest] = 1 / ys;
                stored = Math.min(stored + 1, memory);
            }
            x = step.x();
            e = step.evaluation();
        }
    }

    /// $H_k g$ by the two-loop recursion over the `stored` newest pairs.
    private static double[] twoLoop(double[] g, double[][] s, double[][] y, double[] rho, int stored, int newest) {
        int m = s.length;
        double[] q = g.clone();
        double[] alpha = new double[m];
        for (int j = 0; j < stored; j++) { // newest to oldest
            int i = Math.floorMod(newest - j, m);
            alpha[i] = rho[i] * Flat.dot(s[i], q);
            axpy(-alpha[i], y[i], q);
        }
        if (stored > 0) {
            double gamma = Flat.dot(s[newest], y[newest]) / Flat.dot(y[newest], y[newest]);
            for (int i = 0; i < q.length; i++) {
                q[i] *= gamma;
            }
        }
        for (int j = stored - 1; j >= 0; j--) { // oldest to newest
            int i = Math.floorMod(newest - j, m);
            double beta = rho[i] * Flat.dot(y[i], q);
            axpy(alpha[i] - beta, s[i], q);
        }
        return q;
    }

    /// $v \leftarrow v + a\,u$.
    private static void axpy(double a, double[] u, double[] v) {
        for (int i = 0; i < v.length; i++) {
            v[i] += a * u[i];
        }
    }
}
