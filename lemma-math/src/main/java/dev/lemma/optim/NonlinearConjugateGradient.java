package dev.lemma.optim;

/// Nonlinear conjugate gradients: linear CG's directions carried over to a general $f$ (Fletcher and
/// Reeves, 1964; Polak and Ribière, 1969).
///
/// $d_0 = -g_0$; after a line search along $d_k$, $d_{k+1} = -g_{k+1} + \beta_{k+1} d_k$ with
/// - Fletcher–Reeves: $\beta = \frac{g_{k+1}^\top g_{k+1}}{g_k^\top g_k}$;
/// - Polak–Ribière+: $\beta = \max\bigl(0, \frac{g_{k+1}^\top (g_{k+1} - g_k)}{g_k^\top g_k}\bigr)$, which
///   restarts by itself ($\beta = 0$) when progress stalls, and is usually the better one.
///
/// On a quadratic with exact line searches both reduce to linear conjugate gradients (`ConjugateGradient`)
/// and terminate in at most $n$ steps. Memory is $O(n)$: a few vectors. The line search is strong
/// Wolfe with $c_2 = 0.1$ (Fletcher–Reeves needs $c_2 < \tfrac12$ to guarantee descent); the direction
/// is reset to $-g$ every $n$ steps and whenever it fails to descend.
///
/// Reference: J. Nocedal and S. J. Wright, *Numerical Optimization*, 2nd ed., Springer 2006, §5.2,
/// Algorithm 5.4 and eq. (5.44).
///
/// Book: chapter 5, "Conjugate gradients".
///
/// @param formula the choice of $\beta$
/// @param maxIterations the iteration limit
/// @param tolerance stop when $\|\nabla f\|_2 \le$ `tolerance`
public record NonlinearConjugateGradient(Formula formula, int maxIterations, double tolerance) implements Optimizer {

    /// The choice of $\beta_{k+1}$.
    public enum Formula {
        /// $\beta = \|g_{k+1}\|^2 / \|g_k\|^2$.
        FLETCHER_REEVES,
        /// $\beta = \max(0, g_{k+1}^\top(g_{k+1} - g_k) / \|g_k\|^2)$.
        POLAK_RIBIERE_PLUS
    }

    /// Checks the settings.
    ///
    /// @throws IllegalArgumentException naming a setting out of range
    public NonlinearConjugateGradient {
        if (formula == null) {
            throw new IllegalArgumentException(
                    "NonlinearConjugateGradient: formula must be FLETCHER_REEVES or POLAK_RIBIERE_PLUS, got null");
        }
        Stepping.checkLimits("NonlinearConjugateGradient", maxIterations, tolerance);
    }

    /// Defaults: Polak–Ribière+, 10 000 iterations, tolerance $10^{-6}$.
    public NonlinearConjugateGradient() {
        this(Formula.POLAK_RIBIERE_PLUS, 10_000, 1e-6);
    }

    @Override
    public OptimizationResult minimize(Objective f, double[] x0) {
        Recorder run = new Recorder(f);
        LineSearch wolfe = new LineSearch.StrongWolfe(1e-4, 0.1);
        int n = x0.length;
        double[] x = x0.clone();
        Objective.Evaluation e = run.evaluate(x);
        double[] d = Flat.negate(e.gradient());
        double t0 = Math.min(1, 1 / Trouble.norm(e.gradient()));
        int sinceRestart = 0;
        for (int k = 0; ; k++) {
            OptimizationResult done = run.record(k, x, e, tolerance, maxIterations);
            if (done != null) {
                return done;
            }
            double[] g = e.gradient();
            double slope = Flat.dot(g, d);
            if (!(slope < 0) || sinceRestart == n) { // not a descent direction, or n steps since the last reset
                d = Flat.negate(g);
                slope = -Flat.dot(g, g);
                sinceRestart = 0;
            }
            LineSearch.Step s = wolfe.search(run.objective(), x, e, d, t0);
            if (!BFGS.decreased(s, e)) {
                return run.stalled(x, e, k, "");
            }
            double[] gNew = s.evaluation().gradient();
            double gg = Flat.dot(g, g);
            double beta = switch (formula) {
                case FLETCHER_REEVES -> Flat.dot(gNew, gNew) / gg;
                case POLAK_RIBIERE_PLUS -> Math.max(0, Flat.dot(gNew, Flat.minus(gNew, g)) / gg);
            };
            double[] dNew = new double[n];
            for (int i = 0; i < n; i++) {
                dNew[i] = -gNew[i] + beta * d[i];
            }
            // The next first trial: the step that would change f by as much as this one did, to first order.
            double slopeNew = Flat.dot(gNew, dNew);
            t0 = slopeNew < 0 ? 1.01 * s.step() * slope / slopeNew : 1;
            t0 = t0 > 0 ? t0 : 1;
            x = s.x();
            e = s.evaluation();
            d = dNew;
            sinceRestart++;
        }
    }
}
