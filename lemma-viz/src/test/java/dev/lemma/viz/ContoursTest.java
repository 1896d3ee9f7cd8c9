package dev.lemma.viz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContoursTest {

    /// Linear interpolation of $x^2 + y^2$ across a cell of side $h$ errs by at most about
    /// $h^2/4$ in value, so by $h^2 / (8r)$ in radius; with $h = 0.05$ and $r ≥ 0.5$ that is under
    /// $10^{-3}$.
    private static final double RADIUS_TOLERANCE = 1e-3;

    private static double[] grid(double lo, double hi, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = lo + (hi - lo) * i / (n - 1);
        }
        return v;
    }

    private static double[][] paraboloid(double[] x, double[] y) {
        double[][] z = new double[y.length][x.length];
        for (int i = 0; i < y.length; i++) {
            for (int j = 0; j < x.length; j++) {
                z[i][j] = x[j] * x[j] + y[i] * y[i];
            }
        }
        return z;
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.25, 0.5, 1.0, 2.0})
    void everyEndpointOfALevelOfTheParaboloidLiesOnItsCircle(double level) {
        double[] x = grid(-2, 2, 81);
        double[] y = grid(-2, 2, 81);
        List<Contours.Segment> segments = Contours.segments(x, y, paraboloid(x, y), level);

        double r = Math.sqrt(level);
        assertThat(segments).hasSizeGreaterThan(20);
        for (Contours.Segment s : segments) {
            assertThat(Math.hypot(s.x0(), s.y0())).isCloseTo(r, within(RADIUS_TOLERANCE));
            assertThat(Math.hypot(s.x1(), s.y1())).isCloseTo(r, within(RADIUS_TOLERANCE));
        }
    }

    @Test
    void theSegmentsOfACircleAddUpToItsCircumference() {
        double[] x = grid(-2, 2, 161);
        double[] y = grid(-2, 2, 161);
        double length = 0;
        for (Contours.Segment s : Contours.segments(x, y, paraboloid(x, y), 1.0)) {
            length += Math.hypot(s.x1() - s.x0(), s.y1() - s.y0());
        }
        assertThat(length).isCloseTo(2 * Math.PI, within(1e-2));
    }

    @Test
    void anEdgeIsCrossedWhereTheLinearInterpolantMeetsTheLevel() {
        // One cell, z = x: the level 0.25 crosses the bottom and top edges at x = 0.25.
        List<Contours.Segment> segments =
                Contours.segments(new double[] {0, 1}, new double[] {0, 1}, new double[][] {{0, 1}, {0, 1}}, 0.25);
        assertThat(segments).hasSize(1);
        Contours.Segment s = segments.getFirst();
        assertThat(s.x0()).isEqualTo(0.25);
        assertThat(s.x1()).isEqualTo(0.25);
        assertThat(List.of(s.y0(), s.y1())).containsExactlyInAnyOrder(0.0, 1.0);
    }

    @Test
    void aSaddleIsSplitByItsCentreValue() {
        // Corners: lower left and upper right high (1), the other two low (0).
        double[] x = {0, 1};
        double[] y = {0, 1};
        double[][] z = {{1, 0}, {0, 1}};
        // Level 0.4: the centre (mean 0.5) is above, so the two low corners are cut off, each by a
        // segment joining the crossings on its two edges, at 0.6 of the way from the high corner.
        List<Contours.Segment> low = Contours.segments(x, y, z, 0.4);
        assertThat(low).hasSize(2);
        assertThat(low)
                .allSatisfy(s ->
                        assertThat(cutsCorner(s, 1, 0) || cutsCorner(s, 0, 1)).isTrue());
        // Level 0.6: the centre is below, so the two high corners are cut off instead.
        List<Contours.Segment> high = Contours.segments(x, y, z, 0.6);
        assertThat(high).hasSize(2);
        assertThat(high)
                .allSatisfy(s ->
                        assertThat(cutsCorner(s, 0, 0) || cutsCorner(s, 1, 1)).isTrue());
    }

    /// Whether both ends of the segment are within 0.5 (in each coordinate) of corner `(cx, cy)`,
    /// that is, the segment separates that corner from the other three.
    private static boolean cutsCorner(Contours.Segment s, double cx, double cy) {
        return Math.abs(s.x0() - cx) <= 0.5
                && Math.abs(s.y0() - cy) <= 0.5
                && Math.abs(s.x1() - cx) <= 0.5
                && Math.abs(s.y1() - cy) <= 0.5;
    }

    @Test
    void cellsWithAMissingCornerAreSkipped() {
        double[] x = grid(-1, 1, 3);
        double[] y = grid(-1, 1, 3);
        double[][] z = paraboloid(x, y);
        assertThat(Contours.segments(x, y, z, 0.5)).hasSize(4); // one per cell around the centre
        z[1][1] = Double.NaN; // the centre touches all four cells
        assertThat(Contours.segments(x, y, z, 0.5)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(doubles = {-1, 8.5, 100})
    void levelsOutsideTheRangeGiveNothing(double level) {
        double[] x = grid(-2, 2, 21);
        double[] y = grid(-2, 2, 21);
        assertThat(Contours.segments(x, y, paraboloid(x, y), level)).isEmpty();
    }

    @Test
    void autoLevelsSitStrictlyInsideTheRange() {
        double[] levels = Contours.autoLevels(new double[][] {{0, 1}, {Double.NaN, 10}}, 4);
        assertThat(levels).containsExactly(2, 4, 6, 8);
        assertThat(Contours.autoLevels(new double[][] {{3, 3}}, 4)).isEmpty();
    }

    @Test
    void aBadGridOrLevelIsRejected() {
        assertThatThrownBy(() -> Contours.segments(new double[] {0, 1}, new double[] {0}, new double[][] {{0}}, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("z row 0 has 1 values but x has 2");
        assertThatThrownBy(() ->
                        Contours.segments(new double[] {0, 1}, new double[] {0}, new double[][] {{0, 1}}, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("level");
    }
}
