package dev.lemma.optim;

import dev.lemma.numeric.DimensionMismatchException;
import java.util.Arrays;

/// A closed convex set $C \subseteq \mathbb{R}^n$ onto which a point can be projected cheaply: the
/// feasible set of [ProjectedGradient].
///
/// The projection $P_C(v) = \arg\min_{x \in C} \tfrac12\|x - v\|_2^2$ exists and is unique for every $v$
/// because $C$ is closed and convex, and it is characterised by the obtuse-angle condition
/// $(v - P_C(v))^\top (y - P_C(v)) \le 0$ for all $y \in C$. Three sets have projections in closed form or
/// nearly: a [Box] (clip each coordinate), a Euclidean [Ball] (scale towards the centre) and the
/// [Simplex] (shift and clip, with the shift found by sorting).
///
/// Book: chapter 5, "Constraints".
public sealed interface ConvexSet {

    /// $P_C(x)$, the nearest point of the set in the Euclidean norm.
    ///
    /// @param x the point, not modified
    /// @return a new array
    /// @throws DimensionMismatchException if `x` does not have the set's dimension
    double[] project(double[] x);

    /// Whether $x \in C$ up to `tol` (each defining inequality or equality may be violated by `tol`).
    ///
    /// @param x the point
    /// @param tol the slack, $\ge 0$
    /// @return whether $x$ is in the set
    /// @throws DimensionMismatchException if `x` does not have the set's dimension
    boolean contains(double[] x, double tol);

    /// The box $\{x : \ell_i \le x_i \le u_i\}$; bounds may be infinite. Projection clips each
    /// coordinate, $P(x)_i = \min(\max(x_i, \ell_i), u_i)$: the squared distance is a sum of one-dimensional
    /// terms, each minimised separately. Cost $O(n)$.
    ///
    /// @param lower $\ell$
    /// @param upper $u$, with $\ell_i \le u_i$
    @SuppressWarnings("ArrayRecordComponent") // a description of a set, copied on construction, never hashed
    record Box(double[] lower, double[] upper) implements ConvexSet {

        /// Checks and copies the bounds.
        ///
        /// @throws IllegalArgumentException if the lengths differ, a bound is NaN or
        ///     $\ell_i > u_i$ (naming $i$)
        public Box {
            if (lower == null || upper == null) {
                throw new IllegalArgumentException("Box: lower and upper must not be null");
            }
            if (lower.length != upper.length) {
                throw new IllegalArgumentException(
                        "Box: lower has " + lower.length + " entries but upper has " + upper.length);
            }
            for (int i = 0; i < lower.length; i++) {
                if (Double.isNaN(lower[i]) || Double.isNaN(upper[i]) || lower[i] > upper[i]) {
                    throw new IllegalArgumentException(
                            "Box: need lower[" + i + "] ≤ upper[" + i + "], got " + lower[i] + " and " + upper[i]);
                }
            }
            lower = lower.clone();
            upper = upper.clone();
        }

        @Override
        public double[] project(double[] x) {
            check(lower.length, x);
            double[] p = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                p[i] = Math.min(Math.max(x[i], lower[i]), upper[i]);
            }
            return p;
        }

        @Override
        public boolean contains(double[] x, double tol) {
            check(lower.length, x);
            for (int i = 0; i < x.length; i++) {
                if (!(x[i] >= lower[i] - tol && x[i] <= upper[i] + tol)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public String toString() {
            return "Box[lower=" + Arrays.toString(lower) + ", upper=" + Arrays.toString(upper) + "]";
        }
    }

    /// The Euclidean ball $\{x : \|x - c\|_2 \le r\}$. Projection moves an outside point towards the centre
    /// until it meets the sphere: $P(x) = c + (x - c)\,\min\bigl(1, r / \|x - c\|_2\bigr)$. Cost $O(n)$.
    ///
    /// @param centre $c$
    /// @param radius $r \ge 0$
    @SuppressWarnings("ArrayRecordComponent") // a description of a set, copied on construction, never hashed
    record Ball(double[] centre, double radius) implements ConvexSet {

        /// Checks and copies the centre.
        ///
        /// @throws IllegalArgumentException if the radius is negative or not finite, or the centre is not
        ///     finite (naming the entry)
        public Ball {
            if (centre == null) {
                throw new IllegalArgumentException("Ball: centre must not be null");
            }
            if (!(radius >= 0) || Double.isInfinite(radius)) {
                throw new IllegalArgumentException("Ball: radius must be finite and ≥ 0, got " + radius);
            }
            for (int i = 0; i < centre.length; i++) {
                if (!Double.isFinite(centre[i])) {
                    throw new IllegalArgumentException("Ball: centre[" + i + "] must be finite, got " + centre[i]);
                }
            }
            centre = centre.clone();
        }

        @Override
        public double[] project(double[] x) {
            check(centre.length, x);
            double[] d = Flat.minus(x, centre);
            double distance = Trouble.norm(d);
            double scale = distance <= radius ? 1 : radius / distance;
            return Flat.along(centre, d, scale);
        }

        @Override
        public boolean contains(double[] x, double tol) {
            check(centre.length, x);
            return Trouble.norm(Flat.minus(x, centre)) <= radius + tol;
        }

        @Override
        public String toString() {
            return "Ball[centre=" + Arrays.toString(centre) + ", radius=" + radius + "]";
        }
    }

    /// The scaled probability simplex $\Delta_r = \{x \in \mathbb{R}^n : x \ge 0,\ \sum_i x_i = r\}$, in any
    /// dimension $n \ge 1$ (the dimension is that of the point projected).
    ///
    /// The projection has the form $P(v)_i = \max(v_i - \tau, 0)$, with the one shift $\tau$ that makes
    /// the entries sum to $r$ (this is the KKT system of $\min \tfrac12\|x - v\|^2$ over $\Delta_r$: $\tau$
    /// is the multiplier of the equality, and the multipliers of $x \ge 0$ clip). Sorting finds
    /// $\tau$ exactly: with $u$ the entries of $v$ in decreasing order, let
    /// $\rho = \max\{j : u_j - \frac1j(\sum_{i \le j} u_i - r) > 0\}$; then
    /// $\tau = \frac1\rho(\sum_{i \le \rho} u_i - r)$. Cost $O(n \log n)$.
    ///
    /// References: M. Held, P. Wolfe and H. P. Crowder, "Validation of subgradient optimization",
    /// *Mathematical Programming* 6, 1974, 62–88; J. Duchi, S. Shalev-Shwartz, Y. Singer and T. Chandra,
    /// "Efficient projections onto the ℓ1-ball for learning in high dimensions", ICML 2008, Figure 1.
    ///
    /// @param radius $r > 0$
    record Simplex(double radius) implements ConvexSet {

        /// Checks the radius.
        ///
        /// @throws IllegalArgumentException if the radius is not finite and $> 0$
        public Simplex {
            if (!(radius > 0) || Double.isInfinite(radius)) {
                throw new IllegalArgumentException("Simplex: radius must be finite and > 0, got " + radius);
            }
        }

        /// The probability simplex, $r = 1$.
        public Simplex() {
            this(1);
        }

        @Override
        public double[] project(double[] v) {
            if (v.length == 0) {
                throw new DimensionMismatchException("Simplex: cannot project a point with 0 entries");
            }
            double tau = shift(v);
            double[] x = new double[v.length];
            for (int i = 0; i < v.length; i++) {
                x[i] = Math.max(v[i] - tau, 0);
            }
            return x;
        }

        /// The shift $\tau$ of the projection of `v`: sort, then take the last prefix whose mean excess
        /// leaves its smallest entry positive.
        double shift(double[] v) {
            double[] u = v.clone();
            Arrays.sort(u); // increasing; read it backwards for u_1 ≥ u_2 ≥ …
            double prefix = 0;
            double tau = 0;
            for (int j = 1; j <= u.length; j++) {
                double uj = u[u.length - j];
                prefix += uj;
                double candidate = (prefix - radius) / j;
                if (uj - candidate > 0) {
                    tau = candidate; // the condition holds for j ≤ ρ and fails after, so the last one is ρ's
                }
            }
            return tau;
        }

        @Override
        public boolean contains(double[] x, double tol) {
            if (x.length == 0) {
                throw new DimensionMismatchException("Simplex: a point with 0 entries is in no simplex");
            }
            double sum = 0;
            for (double v : x) {
                if (!(v >= -tol)) {
                    return false;
                }
                sum += v;
            }
            return Math.abs(sum - radius) <= tol;
        }
    }

    private static void check(int n, double[] x) {
        if (x.length != n) {
            throw new DimensionMismatchException(
                    "the set lies in dimension " + n + " but x has " + x.length + " entries");
        }
    }
}
