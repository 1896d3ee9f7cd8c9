package dev.lemma.optim;

/// A line search: given a point $x$, a descent direction $d$ and a first trial step, find a step $t$
/// along $\phi(t) = f(x + t\,d)$ that decreases $f$ enough to make progress, without the cost of
/// minimising $\phi$ exactly.
///
/// Two conditions name "enough", with $0 < c_1 < c_2 < 1$:
/// - sufficient decrease (Armijo): $\phi(t) \le \phi(0) + c_1\,t\,\phi'(0)$;
/// - curvature, strong form: $|\phi'(t)| \le c_2\,|\phi'(0)|$, which rules out steps so short that the
///   slope has hardly changed.
///
/// [Armijo] backtracks until the first holds; [StrongWolfe] brackets and zooms until both hold, which
/// quasi-Newton methods need to keep their curvature pairs positive ($s^\top y > 0$).
///
/// Reference: J. Nocedal and S. J. Wright, *Numerical Optimization*, 2nd ed., Springer 2006, §3.1 and
/// Algorithms 3.5 and 3.6.
///
/// Book: chapter 5, "Line searches".
public sealed interface LineSearch {

    /// Searches along `direction` from `x`.
    ///
    /// @param f the objective
    /// @param x the point
    /// @param at $f(x)$ and $\nabla f(x)$
    /// @param direction $d$, with $\nabla f(x)^\top d < 0$
    /// @param initialStep the first trial $t$, $> 0$
    /// @return the step found, with the new point and its evaluation
    Step search(Objective f, double[] x, Objective.Evaluation at, double[] direction, double initialStep);

    /// The outcome of a search.
    ///
    /// @param step $t$
    /// @param x $x + t\,d$
    /// @param evaluation $f$ and $\nabla f$ at the new point
    /// @param satisfied whether the search's conditions hold; when `false` the step is the best found
    ///     (possibly $t = 0$, the starting point, if nothing decreased $f$)
    @SuppressWarnings("ArrayRecordComponent") // a step handed to an optimiser, never compared or hashed
    record Step(double step, double[] x, Objective.Evaluation evaluation, boolean satisfied) {}

    /// Armijo backtracking with $c_1 = 10^{-4}$, halving the step.
    ///
    /// @return the search
    static LineSearch armijo() {
        return new Armijo(1e-4, 0.5);
    }

    /// The strong Wolfe search with $c_1 = 10^{-4}$ and $c_2 = 0.9$, the values for (quasi-)Newton
    /// methods; nonlinear conjugate gradients use $c_2 = 0.1$.
    ///
    /// @return the search
    static LineSearch strongWolfe() {
        return new StrongWolfe(1e-4, 0.9);
    }

    /// Backtracking: try $t$, then $\rho t$, $\rho^2 t$, … until sufficient decrease holds and $f$ is
    /// strictly lower; or, where $f$ moved by rounding only (256 ulps), until $|\nabla f^\top d|$ is smaller.
    /// (Below the rounding of $f$ sufficient decrease alone accepts steps that change nothing, and rejects
    /// good ones.) At most 60
    /// trials; then the search fails and returns $t = 0$.
    ///
    /// @param c1 the sufficient-decrease constant, in $(0, 1)$
    /// @param shrink $\rho$, in $(0, 1)$
    record Armijo(double c1, double shrink) implements LineSearch {
        /// How many ulps of $f$ count as rounding: a sum of a few hundred terms is that accurate.
        static final double FLOOR = 256;

        /// Checks the constants.
        ///
        /// @throws IllegalArgumentException naming a constant outside $(0, 1)$
        public Armijo {
            requireOpenUnit("c1", c1);
            requireOpenUnit("shrink", shrink);
        }

        @Override
        public Step search(Objective f, double[] x, Objective.Evaluation at, double[] direction, double initialStep) {
            double slope = Flat.dot(at.gradient(), direction);
            double t = initialStep;
            for (int trial = 0; trial < 60; trial++) {
                double[] next = Flat.along(x, direction, t);
                Objective.Evaluation e = f.evaluate(next);
                // Near a minimum c1·t·slope falls below the rounding of f, where the plain condition would
                // accept steps that change nothing, and a good step may even raise f by a few ulps. So: a
                // sufficient and strict decrease; or, where f moved by rounding only (FLOOR ulps), a smaller
                // slope along d, which is progress towards a stationary point.
                boolean sufficient = e.value() <= at.value() + c1 * t * slope && e.value() < at.value();
                boolean withinRounding = Math.abs(e.value() - at.value()) <= FLOOR * Math.ulp(at.value());
                if (sufficient || (withinRounding && Math.abs(Flat.dot(e.gradient(), direction)) < Math.abs(slope))) {
                    return new Step(t, next, e, true);
                }
                t *= shrink;
            }
            return new Step(0, x.clone(), at, false);
        }
    }

    /// Bracketing then zooming by safeguarded cubic interpolation until the strong Wolfe conditions hold
    /// (Nocedal and Wright, Algorithms 3.5 and 3.6). The bracketing phase doubles $t$; each phase
    /// stops after 30 evaluations, and then the search returns the lowest point it saw.
    ///
    /// @param c1 the sufficient-decrease constant
    /// @param c2 the curvature constant, $c_1 < c_2 < 1$
    record StrongWolfe(double c1, double c2) implements LineSearch {
        private static final int MAX_TRIALS = 30;

        /// Checks the constants.
        ///
        /// @throws IllegalArgumentException unless $0 < c_1 < c_2 < 1$
        public StrongWolfe {
            requireOpenUnit("c1", c1);
            requireOpenUnit("c2", c2);
            if (!(c1 < c2)) {
                throw new IllegalArgumentException("StrongWolfe: need c1 < c2, got c1 = " + c1 + ", c2 = " + c2);
            }
        }

        @Override
        public Step search(Objective f, double[] x, Objective.Evaluation at, double[] direction, double initialStep) {
            Probe zero = new Probe(0, x, at, Flat.dot(at.gradient(), direction));
            if (!(zero.slope < 0)) {
                return new Step(0, x.clone(), at, false);
            }
            Probe previous = zero;
            Probe best = zero;
            double t = initialStep;
            for (int trial = 1; trial <= MAX_TRIALS; trial++) {
                Probe p = probe(f, x, direction, t);
                if (p.value() < best.value()) {
                    best = p;
                }
                if (!(p.value() <= zero.value() + c1 * t * zero.slope)
                        || (trial > 1 && p.value() >= previous.value())) {
                    return zoom(f, x, direction, zero, previous, p, best);
                }
                if (Math.abs(p.slope) <= -c2 * zero.slope) {
                    return p.step(true);
                }
                if (p.slope >= 0) {
                    return zoom(f, x, direction, zero, p, previous, best);
                }
                previous = p;
                t *= 2;
            }
            return best.step(false);
        }

        /// Zoom between `lo` (satisfies sufficient decrease, lowest so far) and `hi`.
        private Step zoom(
                Objective f, double[] x, double[] direction, Probe zero, Probe lo, Probe hi, Probe bestSoFar) {
            Probe best = bestSoFar;
            for (int trial = 0; trial < MAX_TRIALS; trial++) {
                double t = cubicMinimizer(lo, hi);
                Probe p = probe(f, x, direction, t);
                if (p.value() < best.value()) {
                    best = p;
                }
                if (!(p.value() <= zero.value() + c1 * t * zero.slope) || p.value() >= lo.value()) {
                    hi = p;
                } else {
                    if (Math.abs(p.slope) <= -c2 * zero.slope) {
                        return p.step(true);
                    }
                    if (p.slope * (hi.t - lo.t) >= 0) {
                        hi = lo;
                    }
                    lo = p;
                }
                if (Math.abs(hi.t - lo.t) <= 1e-16 * Math.max(1, Math.abs(lo.t))) {
                    break; // the bracket has collapsed to rounding
                }
            }
            return best.step(false);
        }

        /// The minimiser of the cubic through $(t_a, \phi_a, \phi'_a)$ and $(t_b, \phi_b, \phi'_b)$
        /// (Nocedal and Wright, eq. 3.59), kept at least a tenth of the interval away from its ends;
        /// bisection when the cubic has no minimiser or falls outside.
        private static double cubicMinimizer(Probe a, Probe b) {
            double d1 = a.slope + b.slope - 3 * (a.value() - b.value()) / (a.t - b.t);
            double disc = d1 * d1 - a.slope * b.slope;
            double lo = Math.min(a.t, b.t);
            double hi = Math.max(a.t, b.t);
            double mid = 0.5 * (lo + hi);
            if (!(disc >= 0) || !Double.isFinite(a.value()) || !Double.isFinite(b.value())) {
                return mid;
            }
            double d2 = Math.signum(b.t - a.t) * Math.sqrt(disc);
            double t = b.t - (b.t - a.t) * (b.slope + d2 - d1) / (b.slope - a.slope + 2 * d2);
            double margin = 0.1 * (hi - lo);
            if (!(t >= lo + margin && t <= hi - margin)) {
                return mid;
            }
            return t;
        }

        private static Probe probe(Objective f, double[] x, double[] direction, double t) {
            double[] next = Flat.along(x, direction, t);
            Objective.Evaluation e = f.evaluate(next);
            return new Probe(t, next, e, Flat.dot(e.gradient(), direction));
        }

        /// One evaluated trial step: $t$, $\phi(t)$ and $\phi'(t)$.
        @SuppressWarnings("ArrayRecordComponent") // internal, never compared
        private record Probe(double t, double[] x, Objective.Evaluation e, double slope) {
            double value() {
                return e.value();
            }

            Step step(boolean satisfied) {
                return new Step(t, x, e, satisfied);
            }
        }
    }

    private static void requireOpenUnit(String name, double v) {
        if (!(v > 0 && v < 1)) {
            throw new IllegalArgumentException("line search: " + name + " must be in (0, 1), got " + v);
        }
    }
}
