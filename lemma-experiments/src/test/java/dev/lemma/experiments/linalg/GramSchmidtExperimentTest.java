package dev.lemma.experiments.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lemma.experiments.Arguments;
import dev.lemma.experiments.Progress;
import dev.lemma.experiments.Result;
import dev.lemma.linalg.Matrix;
import dev.lemma.viz.Axis;
import dev.lemma.viz.Chart;
import dev.lemma.viz.Series;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/// The gram-schmidt experiment against the error analyses of §1.10: on log–log axes the loss of
/// orthogonality of classical Gram–Schmidt has slope 2 in $\kappa$ (Giraud et al. 2005) until it
/// saturates at 1, modified Gram–Schmidt slope 1 (Björck 1967), Householder slope 0 near $u$.
class GramSchmidtExperimentTest {

    private static final double U = 0x1.0p-53;

    /// The least-squares slope of $\log_{10} y$ against $\log_{10}\kappa$ over the points whose
    /// $\kappa$ lies in `[from, to]`.
    private static double slope(
            List<GramSchmidtExperiment.Point> points,
            double from,
            double to,
            ToDoubleFunction<GramSchmidtExperiment.Point> y) {
        List<GramSchmidtExperiment.Point> used = points.stream()
                .filter(p -> p.kappa() >= from && p.kappa() <= to)
                .toList();
        assertThat(used).hasSizeGreaterThanOrEqualTo(3);
        double mx =
                used.stream().mapToDouble(p -> Math.log10(p.kappa())).average().orElseThrow();
        double my = used.stream()
                .mapToDouble(p -> Math.log10(y.applyAsDouble(p)))
                .average()
                .orElseThrow();
        double sxy = 0;
        double sxx = 0;
        for (GramSchmidtExperiment.Point p : used) {
            double dx = Math.log10(p.kappa()) - mx;
            sxy += dx * (Math.log10(y.applyAsDouble(p)) - my);
            sxx += dx * dx;
        }
        return sxy / sxx;
    }

    @Test
    void randomFamilyShowsSlopeTwoForClassicalOneForModifiedAndZeroForHouseholder() {
        for (long seed : new long[] {1, 2, 3}) {
            List<GramSchmidtExperiment.Point> points = GramSchmidtExperiment.measure("random", 20, seed, Progress.NONE);
            assertThat(points).hasSize(17);
            // Classical: from where rounding noise is left behind (κ = 10²) until u·κ² nears 1 (κ = 10⁶).
            assertThat(slope(points, 1e2, 1e6, GramSchmidtExperiment.Point::classical))
                    .as("classical slope, seed %d", seed)
                    .isCloseTo(2, within(0.35));
            assertThat(slope(points, 1e2, 1e14, GramSchmidtExperiment.Point::modified))
                    .as("modified slope, seed %d", seed)
                    .isCloseTo(1, within(0.2));
            assertThat(slope(points, 1, 1e16, GramSchmidtExperiment.Point::householder))
                    .as("Householder slope, seed %d", seed)
                    .isCloseTo(0, within(0.1));
            for (GramSchmidtExperiment.Point p : points) {
                assertThat(p.householder()).as(p.label()).isLessThan(100 * U);
                if (p.kappa() <= 1e14) {
                    assertThat(p.modified()).as(p.label()).isLessThan(100 * U * p.kappa());
                }
                if (p.kappa() <= 1e7) {
                    assertThat(p.classical()).as(p.label()).isLessThan(100 * U * p.kappa() * p.kappa());
                }
            }
        }
    }

    /// The slopes read off the chart itself, as a reader would: the lines the experiment draws.
    @Test
    void theChartsLinesHaveTheTheoreticalSlopes() {
        GramSchmidtExperiment experiment = new GramSchmidtExperiment();
        Result result =
                experiment.run(Arguments.parse(experiment, java.util.Map.of("family", "random")), Progress.NONE);
        Chart chart = result.charts().getFirst();
        assertThat(chartSlope(chart, "classical Gram–Schmidt", 1e2, 1e6)).isCloseTo(2, within(0.35));
        assertThat(chartSlope(chart, "modified Gram–Schmidt", 1e2, 1e14)).isCloseTo(1, within(0.2));
        assertThat(chartSlope(chart, "Householder QR", 1, 1e16)).isCloseTo(0, within(0.1));
        assertThat(chartSlope(chart, "u·κ² (classical GS rate)", 1, 1e8)).isCloseTo(2, within(1e-9));
        assertThat(chartSlope(chart, "u·κ (modified GS rate)", 1, 1e16)).isCloseTo(1, within(1e-9));
        assertThat(chart.xAxis().scale()).isEqualTo(Axis.Scale.LOG);
        assertThat(chart.yAxis().scale()).isEqualTo(Axis.Scale.LOG);
    }

    private static double chartSlope(Chart chart, String name, double from, double to) {
        Series.Line line = chart.series().stream()
                .filter(s -> s.name().equals(name))
                .map(Series.Line.class::cast)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no line " + name));
        double[] x = line.x();
        double[] y = line.y();
        List<GramSchmidtExperiment.Point> points = new java.util.ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            if (!Double.isNaN(y[i])) {
                points.add(new GramSchmidtExperiment.Point("", x[i], y[i], y[i], y[i]));
            }
        }
        return slope(points, from, to, GramSchmidtExperiment.Point::classical);
    }

    @Test
    void hilbertMatricesReproduceTheBooksTableInKind() {
        List<GramSchmidtExperiment.Point> points = GramSchmidtExperiment.measure("hilbert", 0, 0, Progress.NONE);
        assertThat(points)
                .extracting(GramSchmidtExperiment.Point::label)
                .startsWith("H_2")
                .endsWith("H_12");
        GramSchmidtExperiment.Point h6 = points.get(4);
        GramSchmidtExperiment.Point h8 = points.get(6);
        GramSchmidtExperiment.Point h10 = points.get(8);
        // Book §1.10's table: κ₂(H₆) = 1.5e7, κ₂(H₈) = 1.5e10, κ₂(H₁₀) = 1.6e13.
        assertThat(h6.kappa()).isCloseTo(1.495e7, within(0.01e7));
        assertThat(h8.kappa()).isCloseTo(1.526e10, within(0.01e10));
        assertThat(h10.kappa()).isCloseTo(1.603e13, within(0.01e13));
        // κ₂(H₁₂) ≈ 1.7e16 (Choi 1983; book §1.14): computed from the exact inverse, not σ₁/σ₁₂.
        assertThat(points.getLast().kappa()).isBetween(1.6e16, 1.8e16);
        // Classical: ~u·κ² at H₆, lost completely (order 1) by H₈.
        assertThat(h6.classical()).isBetween(1e-6, 1e-3);
        assertThat(h8.classical()).isGreaterThan(0.5);
        assertThat(h10.classical()).isGreaterThan(0.5);
        // Modified: grows like u·κ.
        assertThat(h6.modified()).isBetween(1e-11, 1e-8);
        assertThat(h8.modified()).isBetween(1e-8, 1e-5);
        assertThat(h10.modified()).isBetween(1e-5, 1e-2);
        // Householder: rounding level throughout.
        assertThat(points).allSatisfy(p -> assertThat(p.householder()).isLessThan(20 * U));
    }

    @Test
    void hilbertInverseIsTheExactInverse() {
        for (int n = 2; n <= 8; n++) {
            Matrix product = GramSchmidtExperiment.hilbert(n).times(GramSchmidtExperiment.hilbertInverse(n));
            // The residual of a product with integer entries up to ~10^10: relative to ‖H‖‖H⁻¹‖ = κ.
            assertThat(product.maxAbsDifference(Matrix.identity(n)))
                    .as("H_%d H_%d^-1 - I", n, n)
                    .isLessThan(100 * U * GramSchmidtExperiment.hilbertCondition(n));
        }
        assertThat(GramSchmidtExperiment.hilbertInverse(3).get(1, 1)).isEqualTo(192); // [9 -36 30; -36 192 -180; ...]
        assertThat(GramSchmidtExperiment.binomial(23, 11)).isEqualTo(1352078);
    }

    @Test
    void randomMatricesHaveTheSingularValuesTheyWereBuiltWith() {
        Matrix u = Matrix.random(8, 8, 5).qr().q();
        Matrix v = Matrix.random(8, 8, 6).qr().q();
        Matrix a = GramSchmidtExperiment.withSingularValues(u, v, 1e6);
        double[] sigma = a.svd().singularValues().toArray();
        assertThat(sigma[0]).isCloseTo(1, within(1e-13));
        assertThat(sigma[7]).isCloseTo(1e-6, within(1e-13));
        assertThat(sigma[0] / sigma[7]).isCloseTo(1e6, within(1e6 * 1e-6));
    }
}
