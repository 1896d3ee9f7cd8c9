package dev.lemma.experiments.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.lemma.experiments.ParameterException;
import dev.lemma.experiments.Result;
import dev.lemma.experiments.Runs;
import dev.lemma.experiments.Table;
import dev.lemma.linalg.Matrix;
import dev.lemma.linalg.Vector;
import dev.lemma.viz.Series;
import java.util.List;
import org.junit.jupiter.api.Test;

/// The polynomial-degree experiment: training errors against a direct least-squares fit of a Vandermonde
/// matrix built here from the drawn points, non-increasing in the degree; the U shape of the test error.
class PolynomialDegreeExperimentTest {

    private static final PolynomialDegreeExperiment EXPERIMENT = new PolynomialDegreeExperiment();

    private static double trainingError(double[] x, double[] y, int degree) {
        double[][] v = new double[x.length][degree + 1];
        for (int i = 0; i < x.length; i++) {
            for (int k = 0; k <= degree; k++) {
                v[i][k] = Math.pow(x[i], k);
            }
        }
        Matrix a = Matrix.of(v);
        Vector r = Vector.of(y).minus(a.times(a.leastSquares(Vector.of(y))));
        return r.dot(r) / x.length;
    }

    @Test
    void trainingErrorsEqualADirectVandermondeFitAndNeverRise() {
        for (String[] args :
                new String[][] {{}, {"n", "50", "noise", "0.1", "seed", "9"}, {"n", "8", "maxDegree", "7"}}) {
            Result r = Runs.run(EXPERIMENT, args);
            Table t = r.tables().getFirst();
            Series.Scatter points = Runs.series(r.charts().get(1), Series.Scatter.class, "training points");
            double previous = Double.POSITIVE_INFINITY;
            for (List<Object> row : t.rows()) {
                int degree = ((Number) row.get(0)).intValue();
                double train = ((Number) row.get(1)).doubleValue();
                if (degree <= 10 && degree < points.x().length - 1) {
                    double direct = trainingError(points.x(), points.y(), degree);
                    assertThat(train).as("degree %d", degree).isCloseTo(direct, within(1e-8 + 1e-6 * direct));
                }
                assertThat(train).as("degree %d", degree).isLessThanOrEqualTo(previous * (1 + 1e-9) + 1e-12);
                previous = train;
            }
        }
    }

    @Test
    void theTestErrorFallsThenRises() {
        Result r = Runs.run(EXPERIMENT);
        Table t = r.tables().getFirst();
        double line = Runs.cell(t, "1", 2);
        double cubic = ((Number) t.rows().get(2).get(2)).doubleValue();
        double fifteen = ((Number) t.rows().get(14).get(2)).doubleValue();
        assertThat(cubic).isLessThan(line / 2);
        assertThat(fifteen).isGreaterThan(10 * cubic);
        // The best test error is near the noise floor σ² = 0.09 and never below what noise allows by much.
        assertThat(cubic).isBetween(0.06, 0.2);
        assertThat(r.notes().getFirst()).contains("Lowest test error at degree 3");
    }

    @Test
    void withoutNoiseTheTestErrorKeepsFallingForAWhile() {
        Table t = Runs.run(EXPERIMENT, "noise", "0", "n", "100", "maxDegree", "9")
                .tables()
                .getFirst();
        double three = ((Number) t.rows().get(2).get(2)).doubleValue();
        double nine = ((Number) t.rows().get(8).get(2)).doubleValue();
        assertThat(nine).isLessThan(three / 100);
    }

    @Test
    void badParametersAreRejectedWithTheirName() {
        assertThatThrownBy(() -> Runs.run(EXPERIMENT, "maxDegree", "0"))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("maxDegree");
        assertThatThrownBy(() -> Runs.run(EXPERIMENT, "noise", "-1"))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("noise");
    }
}
