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

/// The matrix-action experiment against §1.13: the arrows it draws are eigenvectors ($Ax = \lambda x$)
/// and the SVD's $v_i \mapsto \sigma_i u_i$, the semi-axes have lengths $\sigma_1, \sigma_2$, and
/// $|\det A| = \sigma_1 \sigma_2$.
class MatrixActionExperimentTest {

    /// Residuals relative to $\|A\|$: the 2×2 eigen and SVD routines are backward stable, so a few $u$.
    private static final double TOLERANCE = 1e-12;

    private static final MatrixActionExperiment EXPERIMENT = new MatrixActionExperiment();

    private static Result run(double a11, double a12, double a21, double a22) {
        return EXPERIMENT.run(
                Arguments.parse(
                        EXPERIMENT,
                        Map.of(
                                "a11",
                                String.valueOf(a11),
                                "a12",
                                String.valueOf(a12),
                                "a21",
                                String.valueOf(a21),
                                "a22",
                                String.valueOf(a22))),
                Progress.NONE);
    }

    private static Annotation.Arrow arrow(Chart chart, String label) {
        return chart.annotations().stream()
                .filter(a ->
                        a instanceof Annotation.Arrow arrow && arrow.label().equals(label))
                .map(Annotation.Arrow.class::cast)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no arrow '" + label + "' in " + chart.title()));
    }

    private static Vector head(Annotation.Arrow a) {
        assertThat(a.x0()).isZero();
        assertThat(a.y0()).isZero();
        return Vector.of(a.x1(), a.y1());
    }

    private static double value(Table table, String quantity) {
        return table.rows().stream()
                .filter(r -> r.getFirst().equals(quantity))
                .map(r -> ((Number) r.get(1)).doubleValue())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row " + quantity));
    }

    @Test
    void drawnVectorsSatisfyTheirDefiningEquationsOnRandomMatrices() {
        SplittableRandom rng = new SplittableRandom(11);
        int realCases = 0;
        for (int trial = 0; trial < 300; trial++) {
            double[] e = new double[4];
            for (int i = 0; i < 4; i++) {
                e[i] = Math.rint(rng.nextDouble(-3, 3) * 10) / 10; // on the sliders' 0.1 grid
            }
            Matrix a = Matrix.ofRowMajor(2, 2, e);
            double norm = Math.max(a.norm2(), Double.MIN_NORMAL);
            Result result = run(e[0], e[1], e[2], e[3]);
            Chart eigenChart = result.charts().get(0);
            Chart svdChart = result.charts().get(1);
            Table values = result.tables().getFirst();

            double sigma1 = value(values, "σ₁");
            double sigma2 = value(values, "σ₂");
            for (int i = 1; i <= 2; i++) {
                String idx = i == 1 ? "₁" : "₂";
                Vector v = head(arrow(svdChart, "v" + idx));
                Vector axis = head(arrow(svdChart, "σ" + idx + "u" + idx));
                assertThat(v.norm2()).isCloseTo(1, within(TOLERANCE));
                assertThat(axis.norm2()).isCloseTo(i == 1 ? sigma1 : sigma2, within(TOLERANCE * norm));
                assertThat(a.times(v).minus(axis).norm2())
                        .as("A v%d = σ%d u%d", i, i, i)
                        .isLessThanOrEqualTo(TOLERANCE * norm);
            }
            assertThat(sigma1).isGreaterThanOrEqualTo(sigma2).isGreaterThanOrEqualTo(0);
            double det = e[0] * e[3] - e[1] * e[2];
            assertThat(Math.abs(value(values, "det A = a₁₁a₂₂ − a₁₂a₂₁")))
                    .isCloseTo(sigma1 * sigma2, within(TOLERANCE * norm * norm));
            assertThat(value(values, "λ₁λ₂")).isCloseTo(det, within(TOLERANCE * norm * norm));

            boolean real = values.rows().get(0).get(1) instanceof Double;
            if (real) {
                realCases++;
                for (int j = 1; j <= 2; j++) {
                    String idx = j == 1 ? "₁" : "₂";
                    double lambda = value(values, "λ" + idx);
                    Vector x = head(arrow(eigenChart, "x" + idx));
                    Vector ax = head(arrow(eigenChart, "Ax" + idx + " = λ" + idx + "x" + idx));
                    assertThat(x.norm2()).isCloseTo(1, within(TOLERANCE));
                    assertThat(a.times(x).minus(x.times(lambda)).norm2())
                            .as("A x = λ x")
                            .isLessThanOrEqualTo(TOLERANCE * norm);
                    assertThat(ax.minus(x.times(lambda)).norm2()).isLessThanOrEqualTo(TOLERANCE * norm);
                }
            } else {
                assertThat(eigenChart.annotations()).noneMatch(an -> an instanceof Annotation.Arrow);
                assertThat(eigenChart.annotations())
                        .anyMatch(an ->
                                an instanceof Annotation.Text t && t.text().contains("complex"));
            }
        }
        assertThat(realCases).isBetween(50, 290); // both kinds occurred
    }

    @Test
    void defaultIsNonSymmetricWithRealEigenvaluesOneAndTwoAndAHalf() {
        Result result = EXPERIMENT.runDefaults();
        Table values = result.tables().getFirst();
        assertThat(value(values, "λ₁")).isCloseTo(1, within(1e-14));
        assertThat(value(values, "λ₂")).isCloseTo(2.5, within(1e-14));
        assertThat(value(values, "σ₁") * value(values, "σ₂")).isCloseTo(2.5, within(1e-14));
        assertThat(String.join(" ", result.notes())).contains("not symmetric");
    }

    @Test
    void aRotationHasNoRealEigenvectorsAndMapsTheCircleToItself() {
        Result result = run(0, -1, 1, 0); // rotation by 90°: λ = ±i, σ₁ = σ₂ = 1
        assertThat(String.join(" ", result.notes())).contains("complex pair").contains("± 1i");
        Table values = result.tables().getFirst();
        assertThat(values.rows().get(0).get(1)).asString().endsWith("− 1i");
        assertThat(values.rows().get(1).get(1)).asString().endsWith("+ 1i");
        assertThat(value(values, "σ₁")).isCloseTo(1, within(1e-15));
        assertThat(value(values, "σ₂")).isCloseTo(1, within(1e-15));
    }

    @Test
    void singularAndZeroMatricesAreDrawnAndExplained() {
        Result singular = run(1, 2, 1.5, 3);
        assertThat(String.join(" ", singular.notes())).contains("singular");
        assertThat(value(singular.tables().getFirst(), "σ₂")).isCloseTo(0, within(1e-14));
        Result zero = run(0, 0, 0, 0);
        assertThat(String.join(" ", zero.notes())).contains("$A = 0$");
        Result symmetric = run(2, 1, 1, 2);
        assertThat(String.join(" ", symmetric.notes())).contains("symmetric");
        Result shear = run(1, 1, 0, 1);
        assertThat(String.join(" ", shear.notes())).contains("defective");
    }

    @Test
    void theGridAndCircleAreTheImagesOfTheUnitOnes() {
        Matrix a = Matrix.ofRowMajor(2, 2, 2, 1, 0.5, 1.5);
        double[][] circle = MatrixActionExperiment.circle(a);
        Vector first = a.times(Vector.of(1, 0));
        assertThat(circle[0][0]).isEqualTo(first.get(0));
        assertThat(circle[1][0]).isEqualTo(first.get(1));
        List<Double> radii = new java.util.ArrayList<>();
        for (int i = 0; i < circle[0].length; i++) {
            radii.add(Math.hypot(circle[0][i], circle[1][i]));
        }
        double sigma1 = a.norm2();
        double sigma2 = a.svd().singularValues().get(1);
        assertThat(radii).allSatisfy(r -> assertThat(r).isBetween(sigma2 - 1e-12, sigma1 + 1e-12));
    }
}
