package dev.lemma.experiments.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lemma.experiments.Arguments;
import dev.lemma.experiments.Progress;
import dev.lemma.experiments.Result;
import dev.lemma.experiments.Table;
import dev.lemma.linalg.Matrix;
import dev.lemma.linalg.Vector;
import dev.lemma.viz.Annotation;
import dev.lemma.viz.Chart;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/// The projection experiment against the theory of §1.9: the residual is orthogonal to the column
/// space, the projection is the normal equations' $A(A^\top A)^{-1}A^\top b$, and the first chart
/// draws true lengths and a true right angle.
class ProjectionExperimentTest {

    /// $A^\top r$ must vanish to this fraction of $\|A\|_F \|b\|$: a few dozen rounding errors of the
    /// SVD-based projection, $O(m\,u)$ relative.
    private static final double ORTHOGONALITY = 1e-12;

    private static final ProjectionExperiment EXPERIMENT = new ProjectionExperiment();

    private static Matrix randomColumns(SplittableRandom rng, int cols) {
        double[] entries = new double[3 * cols];
        for (int i = 0; i < entries.length; i++) {
            entries[i] = rng.nextDouble(-3, 3);
        }
        return Matrix.ofRowMajor(3, cols, entries);
    }

    private static Vector randomB(SplittableRandom rng) {
        return Vector.of(rng.nextDouble(-6, 6), rng.nextDouble(-6, 6), rng.nextDouble(-6, 6));
    }

    @Test
    void residualIsOrthogonalToTheColumnsForRandomLinesAndPlanes() {
        SplittableRandom rng = new SplittableRandom(20261122);
        for (int trial = 0; trial < 500; trial++) {
            Matrix a = randomColumns(rng, 1 + trial % 2);
            Vector b = randomB(rng);
            ProjectionExperiment.Projection pr = ProjectionExperiment.Projection.of(a, b);
            assertThat(pr.normalResidual().norm2())
                    .as("trial %d", trial)
                    .isLessThanOrEqualTo(ORTHOGONALITY * a.normFrobenius() * b.norm2());
            assertThat(pr.p().plus(pr.residual()).minus(b).normInf()).isLessThanOrEqualTo(1e-15 * 8);
        }
    }

    @Test
    void projectionEqualsTheNormalEquationsFormulaOnWellConditionedProblems() {
        SplittableRandom rng = new SplittableRandom(7);
        int checked = 0;
        while (checked < 300) {
            Matrix a = randomColumns(rng, 1 + checked % 2);
            if (a.conditionNumber() > 100) {
                continue; // the normal equations square κ; keep to problems they solve accurately
            }
            Vector b = randomB(rng);
            Matrix ata = a.transpose().times(a);
            Vector expected = a.times(ata.solve(a.transpose().times(b)));
            Vector p = ProjectionExperiment.Projection.of(a, b).p();
            // Forward error of the normal equations: about κ(A)² u relative to ‖b‖.
            assertThat(p.minus(expected).normInf()).isLessThanOrEqualTo(1e-11 * b.norm2());
            checked++;
        }
    }

    @Test
    void theBooksExampleGivesPAndTheResidualOfTheText() {
        // Book §1.9: A = [1 0; 1 1; 1 2], b = (6, 0, 0) → p = (5, 2, −1), b − p = (1, −2, 1), x̂ = (5, −3).
        Result result = EXPERIMENT.runDefaults();
        Table vectors = result.tables().getFirst();
        assertRow(vectors.rows().get(1), 5, 2, -1);
        assertRow(vectors.rows().get(2), 1, -2, 1);
        assertThat((double) vectors.rows().get(3).get(1)).isCloseTo(5, within(1e-12));
        assertThat((double) vectors.rows().get(3).get(2)).isCloseTo(-3, within(1e-12));
        assertThat((double) result.tables().get(1).rows().getFirst().get(1)).isCloseTo(Math.sqrt(6), within(1e-12));
    }

    private static void assertRow(List<Object> row, double... expected) {
        for (int i = 0; i < expected.length; i++) {
            assertThat((double) row.get(i + 1)).isCloseTo(expected[i], within(1e-12));
        }
    }

    @Test
    void theCrossSectionDrawsTrueLengthsAndARightAngle() {
        SplittableRandom rng = new SplittableRandom(3);
        for (int trial = 0; trial < 50; trial++) {
            Map<String, String> given = new java.util.HashMap<>();
            for (String name : List.of("b1", "b2", "b3")) {
                given.put(name, String.valueOf(Math.rint(rng.nextDouble(-6, 6) * 10) / 10));
            }
            for (String name : List.of("a11", "a21", "a31", "a12", "a22", "a32")) {
                given.put(name, String.valueOf(Math.rint(rng.nextDouble(-3, 3) * 10) / 10));
            }
            given.put("space", trial % 2 == 0 ? "line" : "plane");
            Arguments args = Arguments.parse(EXPERIMENT, given);
            Result result = EXPERIMENT.run(args, Progress.NONE);
            Chart cross = result.charts().getFirst();
            Annotation.Arrow b = arrow(cross, "b");
            Annotation.Arrow p = arrow(cross, "p = Ax̂");
            Annotation.Arrow r = arrow(cross, "b − p");
            Vector bVec = Vector.of(args.number("b1"), args.number("b2"), args.number("b3"));
            double pLength = Math.hypot(p.x1(), p.y1());
            double rLength = Math.hypot(r.x1() - r.x0(), r.y1() - r.y0());
            assertThat(Math.hypot(b.x1(), b.y1())).isCloseTo(bVec.norm2(), within(1e-12 * 10));
            assertThat(pLength * pLength + rLength * rLength).isCloseTo(bVec.dot(bVec), within(1e-10));
            // The residual is drawn at a right angle to p (and to the column space, the x axis).
            assertThat(Math.abs(p.x1() * (r.x1() - r.x0()) + p.y1() * (r.y1() - r.y0())))
                    .isLessThanOrEqualTo(1e-10 * Math.max(1, bVec.dot(bVec)));
            assertThat(Math.abs(r.x1() - r.x0())).isLessThanOrEqualTo(1e-10 * Math.max(1, bVec.norm2()));
        }
    }

    @Test
    void degenerateColumnsAreProjectedOntoWhatTheySpanAndSaidSo() {
        // Parallel columns: the plane collapses to a line.
        Result parallel = EXPERIMENT.run(
                Arguments.parse(
                        EXPERIMENT,
                        Map.of(
                                "a11", "1", "a21", "1", "a31", "0", "a12", "-2", "a22", "-2", "a32", "0", "b1", "1",
                                "b2", "2", "b3", "3")),
                Progress.NONE);
        assertThat(String.join(" ", parallel.notes())).contains("parallel");
        assertRow(parallel.tables().getFirst().rows().get(1), 1.5, 1.5, 0);

        // A zero matrix: the column space is {0}, p = 0 and the residual is b.
        Map<String, String> zero = new java.util.HashMap<>();
        for (String name : List.of("a11", "a21", "a31", "a12", "a22", "a32")) {
            zero.put(name, "0");
        }
        Result none = EXPERIMENT.run(Arguments.parse(EXPERIMENT, zero), Progress.NONE);
        assertThat(String.join(" ", none.notes())).contains("$A$ is zero");
        assertRow(none.tables().getFirst().rows().get(1), 0, 0, 0);
        assertRow(none.tables().getFirst().rows().get(2), 6, 0, 0);
    }

    private static Annotation.Arrow arrow(Chart chart, String label) {
        return chart.annotations().stream()
                .filter(a ->
                        a instanceof Annotation.Arrow arrow && arrow.label().equals(label))
                .map(Annotation.Arrow.class::cast)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no arrow '" + label + "' in " + chart.title()));
    }
}
