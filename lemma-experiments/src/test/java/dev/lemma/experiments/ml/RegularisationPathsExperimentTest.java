package dev.lemma.experiments.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.lemma.data.Dataset;
import dev.lemma.experiments.ParameterException;
import dev.lemma.experiments.Result;
import dev.lemma.experiments.Runs;
import dev.lemma.linalg.Matrix;
import dev.lemma.linalg.Vector;
import dev.lemma.viz.Chart;
import dev.lemma.viz.Series;
import org.junit.jupiter.api.Test;

/// The regularisation-paths experiment: $\alpha_{\max}$ recomputed here from its definition, the lasso path
/// zero from there on, ridge coefficients against the normal equations $(X^\top X + \alpha I)w = X^\top y$
/// solved here on centred data.
class RegularisationPathsExperimentTest {

    private static final RegularisationPathsExperiment EXPERIMENT = new RegularisationPathsExperiment();

    private static double[][] centred(Dataset data) {
        double[][] x = data.features().toArray();
        double[] y = data.target();
        int m = x.length;
        int d = x[0].length;
        double ybar = 0;
        for (double v : y) {
            ybar += v / m;
        }
        double[] xbar = new double[d];
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                xbar[j] += row[j] / m;
            }
        }
        double[][] out = new double[m][d + 1];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < d; j++) {
                out[i][j] = x[i][j] - xbar[j];
            }
            out[i][d] = y[i] - ybar;
        }
        return out;
    }

    @Test
    void theLassoPathIsZeroFromAlphaMaxOn() {
        Dataset data = RegularisationPathsExperiment.standardised();
        double[][] c = centred(data);
        int m = c.length;
        int d = data.dimension();
        double alphaMax = 0;
        for (int j = 0; j < d; j++) {
            double s = 0;
            for (double[] row : c) {
                s += row[j] * row[d];
            }
            alphaMax = Math.max(alphaMax, Math.abs(s) / m);
        }
        Result r = Runs.run(EXPERIMENT);
        Chart path = r.charts().getFirst();
        assertThat(path.title()).contains("α_max = " + dev.lemma.experiments.Format.num(alphaMax));
        int lines = 0;
        for (Series s : path.series()) {
            if (s instanceof Series.Line line && !line.name().startsWith("cross")) {
                lines++;
                assertThat(line.x()[0]).isCloseTo(alphaMax, within(1e-9 * alphaMax));
                assertThat(line.y()[0]).as(line.name()).isZero();
                // Below α_max, somewhere along the path, the coefficient is not zero.
                assertThat(line.y()[line.y().length - 1]).as(line.name()).isNotZero();
            }
        }
        assertThat(lines).isEqualTo(d);
        // Just above α_max, the lasso fit itself is zero.
        assertThat(dev.lemma.ml.linear.ElasticNet.lasso(alphaMax * 1.001)
                        .fit(data)
                        .coefficients())
                .containsOnly(0.0);
    }

    @Test
    void ridgeCoefficientsSolveThePenalisedNormalEquations() {
        Dataset data = RegularisationPathsExperiment.standardised();
        double[][] c = centred(data);
        int d = data.dimension();
        Matrix xy = Matrix.of(c);
        Matrix x = xy.block(0, c.length, 0, d);
        Vector y = xy.column(d);
        Result r = Runs.run(EXPERIMENT, "points", "12");
        Chart ridge = r.charts().get(2);
        for (int j = 0; j < d; j++) {
            Series.Line line = (Series.Line) ridge.series().get(j);
            for (int i = 0; i < line.x().length; i += 3) {
                double alpha = line.x()[i];
                Vector w = x.transpose()
                        .times(x)
                        .plus(Matrix.identity(d).times(alpha))
                        .solve(x.transpose().times(y));
                assertThat(line.y()[i]).as("%s at α = %s", line.name(), alpha).isCloseTo(w.get(j), within(1e-6));
            }
        }
        // At the smallest penalty ridge is least squares, solved here by QR.
        Vector ols = x.leastSquares(y);
        Series.Line first = (Series.Line) ridge.series().getFirst();
        assertThat(first.y()[first.y().length - 1]).isCloseTo(ols.get(0), within(0.01));
    }

    @Test
    void theBestCrossValidatedScoreIsTheMaximumOfItsCurve() {
        Result r = Runs.run(EXPERIMENT);
        Series.Line heldOut = Runs.series(r.charts().get(1), Series.Line.class, "held-out");
        double max = java.util.Arrays.stream(heldOut.y()).max().orElseThrow();
        assertThat(Runs.cell(r.tables().get(1), "lasso", 2)).isEqualTo(max);
        assertThat(max).isBetween(0.4, 0.6);
    }

    @Test
    void badParametersAreRejectedWithTheirName() {
        assertThatThrownBy(() -> Runs.run(EXPERIMENT, "folds", "1"))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("folds");
    }
}
