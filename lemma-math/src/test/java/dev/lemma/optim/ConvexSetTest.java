package dev.lemma.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.lemma.numeric.DimensionMismatchException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/// The projections against independent characterisations: the simplex projection against its KKT form
/// $x_i = \max(v_i - \tau, 0)$, $\sum x_i = r$, with $\tau$ found by bisection; the box and the ball against
/// the obtuse-angle condition $(v - P(v))^\top (y - P(v)) \le 0$ for points $y$ of the set.
class ConvexSetTest {

    /// Agreement of the sort-based simplex projection with the bisection one, entry by entry.
    private static final double SIMPLEX_TOLERANCE = 1e-14;

    /// The slack allowed in the obtuse-angle inequality, for rounding in the inner products.
    private static final double ANGLE_TOLERANCE = 1e-12;

    @Test
    void simplexProjectionMatchesItsKktCharacterisationFoundByBisection() {
        SplittableRandom rng = new SplittableRandom(20260522);
        for (int trial = 0; trial < 2000; trial++) {
            int n = 1 + rng.nextInt(40);
            double radius = new double[] {1, 0.5, 3}[trial % 3];
            double scale = new double[] {0.1, 1, 2}[(trial / 3) % 3];
            double[] v = rng.doubles(n, -scale, scale).toArray();
            if (trial % 10 == 0 && n > 2) {
                v[1] = v[0]; // ties
            }
            ConvexSet.Simplex simplex = new ConvexSet.Simplex(radius);
            double[] x = simplex.project(v);
            double tau = bisectShift(v, radius);
            for (int i = 0; i < n; i++) {
                assertThat(x[i])
                        .as("trial %d, n = %d, entry %d", trial, n, i)
                        .isCloseTo(Math.max(v[i] - tau, 0), within(SIMPLEX_TOLERANCE));
            }
            assertThat(simplex.contains(x, 1e-13)).as("trial %d", trial).isTrue();
        }
    }

    /// $\tau$ with $\sum_i \max(v_i - \tau, 0) = r$, by bisection on the decreasing function
    /// $\phi(\tau) = \sum_i \max(v_i - \tau, 0) - r$ from $[\min v - r/n, \max v]$, where
    /// $\phi \ge 0$ and $\phi = -r < 0$, until the bracket is two adjacent doubles.
    private static double bisectShift(double[] v, double r) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double vi : v) {
            lo = Math.min(lo, vi);
            hi = Math.max(hi, vi);
        }
        lo -= r / v.length;
        while (true) {
            double mid = 0.5 * (lo + hi);
            if (mid <= lo || mid >= hi) {
                return mid;
            }
            double phi = -r;
            for (double vi : v) {
                phi += Math.max(vi - mid, 0);
            }
            if (phi > 0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
    }

    @Test
    void simplexProjectionLeavesAPointOfTheSimplexAloneAndIsIdempotent() {
        ConvexSet.Simplex simplex = new ConvexSet.Simplex();
        double[] inside = {0.2, 0.3, 0.5};
        double[] p = simplex.project(inside);
        for (int i = 0; i < 3; i++) {
            assertThat(p[i]).isCloseTo(inside[i], within(1e-16));
        }
        // (3, 0, 0) → shift τ = 2 → (1, 0, 0); (1, 1) → τ = 1/2 → (1/2, 1/2), by hand.
        assertThat(simplex.project(new double[] {3, 0, 0})).containsExactly(1, 0, 0);
        assertThat(simplex.project(new double[] {1, 1})).containsExactly(0.5, 0.5);
        double[] q = simplex.project(new double[] {0.9, -0.4, 2.2, 0.3});
        assertThat(simplex.project(q)).containsExactly(q);
    }

    @Test
    void boxProjectionClipsAndSatisfiesTheObtuseAngleCondition() {
        ConvexSet.Box box = new ConvexSet.Box(new double[] {-1, 0, Double.NEGATIVE_INFINITY}, new double[] {1, 0, 2});
        assertThat(box.project(new double[] {3, 5, -7})).containsExactly(1, 0, -7);
        assertThat(box.project(new double[] {-0.5, -5, 9})).containsExactly(-0.5, 0, 2);
        SplittableRandom rng = new SplittableRandom(7);
        for (int trial = 0; trial < 200; trial++) {
            double[] v = rng.doubles(3, -4, 4).toArray();
            double[] y = box.project(rng.doubles(3, -4, 4).toArray()); // a point of the box
            assertObtuse(v, box.project(v), y);
        }
    }

    @Test
    void ballProjectionScalesTowardsTheCentreAndSatisfiesTheObtuseAngleCondition() {
        ConvexSet.Ball ball = new ConvexSet.Ball(new double[] {1, 1}, 2);
        // (1, 1) + (6, 8) is at distance 10, so it moves to (1, 1) + (6, 8)/5.
        double[] p = ball.project(new double[] {7, 9});
        assertThat(p[0]).isCloseTo(1 + 1.2, within(1e-15));
        assertThat(p[1]).isCloseTo(1 + 1.6, within(1e-15));
        assertThat(ball.project(new double[] {2, 0})).containsExactly(2, 0);
        SplittableRandom rng = new SplittableRandom(8);
        for (int trial = 0; trial < 200; trial++) {
            double[] v = rng.doubles(2, -5, 5).toArray();
            double[] y = ball.project(rng.doubles(2, -5, 5).toArray());
            assertThat(ball.contains(ball.project(v), 1e-12)).isTrue();
            assertObtuse(v, ball.project(v), y);
        }
    }

    private static void assertObtuse(double[] v, double[] p, double[] y) {
        assertThat(Flat.dot(Flat.minus(v, p), Flat.minus(y, p))).isLessThanOrEqualTo(ANGLE_TOLERANCE);
    }

    @Test
    void badSetsAreNamed() {
        assertThatThrownBy(() -> new ConvexSet.Box(new double[] {0, 2}, new double[] {1, 1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Box: need lower[1] ≤ upper[1], got 2.0 and 1.0");
        assertThatThrownBy(() -> new ConvexSet.Box(new double[] {0}, new double[] {1, 1}))
                .hasMessage("Box: lower has 1 entries but upper has 2");
        assertThatThrownBy(() -> new ConvexSet.Simplex(-1))
                .hasMessage("Simplex: radius must be finite and > 0, got -1.0");
        assertThatThrownBy(() -> new ConvexSet.Ball(new double[] {0}, Double.NaN))
                .hasMessage("Ball: radius must be finite and ≥ 0, got NaN");
        assertThatThrownBy(() -> new ConvexSet.Box(new double[] {0}, new double[] {1}).project(new double[2]))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessageContaining("dimension 1 but x has 2 entries");
    }
}
