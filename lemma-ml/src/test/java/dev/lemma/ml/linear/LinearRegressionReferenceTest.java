package dev.lemma.ml.linear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lemma.data.Csv;
import dev.lemma.data.Dataset;
import dev.lemma.data.Frame;
import dev.lemma.linalg.Matrix;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/// Least squares and ridge against scikit-learn 1.2.1 on the diabetes data (scaled, as its default
/// `load_diabetes()` gives it): coefficients and intercept to $10^{-9}$ relative for the closed forms
/// (the repository's suggested tolerance for closed-form fits) and $10^{-6}$ for the iterative solvers,
/// which stop at a gradient $10^{-10}$ times the scale of $X^\top y$.
class LinearRegressionReferenceTest {

    static JsonNode reference() {
        return json("/reference/sklearn_regression.json");
    }

    static Dataset diabetes() {
        try (InputStream in =
                LinearRegressionReferenceTest.class.getResourceAsStream("/reference/diabetes_scaled.csv")) {
            return Csv.read(new InputStreamReader(in, StandardCharsets.UTF_8), "diabetes_scaled.csv")
                    .toDataset("diabetes", Frame.MissingValues.REJECT, "target");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest
    @EnumSource(LinearRegression.Solver.class)
    void everySolverGivesScikitLearnsCoefficients(LinearRegression.Solver solver) {
        JsonNode ref = reference().get("models").get("LinearRegression");
        LinearRegressor model = new LinearRegression(solver, true).fit(diabetes());
        double tol = solver == LinearRegression.Solver.GRADIENT_DESCENT ? 1e-6 : 1e-9;
        assertRelative(model.coefficients(), doubles(ref.get("coef_")), tol);
        assertThat(model.intercept()).isCloseTo(ref.get("intercept_").asDouble(), within(tol * 152));
        assertThat(model.score(diabetes())).isCloseTo(ref.get("r2_train").asDouble(), within(1e-9));
    }

    @ParameterizedTest
    @EnumSource(Ridge.Solver.class)
    void everyRidgeSolverGivesScikitLearnsCoefficients(Ridge.Solver solver) {
        JsonNode ref = reference().get("models").get("Ridge");
        LinearRegressor model = new Ridge(1.0, solver, true).fit(diabetes());
        double tol = solver == Ridge.Solver.LBFGS ? 1e-6 : 1e-9;
        assertRelative(model.coefficients(), doubles(ref.get("coef_")), tol);
        assertThat(model.intercept()).isCloseTo(ref.get("intercept_").asDouble(), within(tol * 152));
        assertThat(model.score(diabetes())).isCloseTo(ref.get("r2_train").asDouble(), within(1e-9));
    }

    @Test
    void lassoAndElasticNetReachScikitLearnsOptimum() {
        // Against scikit-learn's tight fits (tol = 1e-15); Lemma's sweeps stop at a relative change of 1e-13.
        for (String name : new String[] {"Lasso", "ElasticNet"}) {
            JsonNode ref = reference().get("models").get(name);
            ElasticNet learner = name.equals("Lasso")
                    ? new ElasticNet(0.1, 1.0, 1_000_000, 1e-13, true)
                    : new ElasticNet(0.1, 0.5, 1_000_000, 1e-13, true);
            LinearRegressor model = learner.fit(diabetes());
            assertRelative(model.coefficients(), doubles(ref.get("coef_")), 1e-9);
            assertThat(model.intercept()).isCloseTo(ref.get("intercept_").asDouble(), within(1e-9 * 152));
            assertThat(model.score(diabetes())).isCloseTo(ref.get("r2_train").asDouble(), within(1e-9));
            // scikit-learn's defaults stop at tol = 1e-4 on its duality gap; Lemma's default at a relative
            // change of 1e-4: both land within 1e-4 of the optimum, relative to the largest coefficient.
            LinearRegressor loose = name.equals("Lasso")
                    ? ElasticNet.lasso(0.1).fit(diabetes())
                    : new ElasticNet(0.1, 0.5, 1_000, 1e-4, true).fit(diabetes());
            assertRelative(loose.coefficients(), doubles(ref.get("coef_")), 1e-4);
        }
    }

    @Test
    void theLassoPathStartsAtZeroAndItsSubgradientConditionsHold() {
        Dataset d = diabetes();
        ElasticNet lasso = new ElasticNet(1, 1.0, 1_000_000, 1e-13, true);
        double top = lasso.alphaMax(d);
        double[] alphas = {top * 1.0001, top * 0.5, top * 0.1, top * 0.01};
        double[][] path = lasso.path(d, alphas);
        assertThat(path[0]).containsOnly(0.0);
        // At each α: for w_j ≠ 0, x_jᵀr/m = α sign(w_j); for w_j = 0, |x_jᵀr/m| ≤ α (centred data).
        double[] y = d.target();
        double yMean = java.util.Arrays.stream(y).average().orElseThrow();
        for (int a = 1; a < alphas.length; a++) {
            int nonZero = 0;
            for (int j = 0; j < d.dimension(); j++) {
                double xMean = 0;
                for (int i = 0; i < d.size(); i++) {
                    xMean += d.features().get(i, j) / d.size();
                }
                double g = 0;
                for (int i = 0; i < d.size(); i++) {
                    double fit = 0;
                    for (int k = 0; k < d.dimension(); k++) {
                        double xk = 0;
                        for (int t = 0; t < d.size(); t++) {
                            xk += d.features().get(t, k) / d.size();
                        }
                        fit += (d.features().get(i, k) - xk) * path[a][k];
                    }
                    g += (d.features().get(i, j) - xMean) * (y[i] - yMean - fit) / d.size();
                }
                if (path[a][j] != 0) {
                    nonZero++;
                    assertThat(g).isCloseTo(alphas[a] * Math.signum(path[a][j]), within(1e-8 * alphas[a]));
                } else {
                    assertThat(Math.abs(g)).isLessThanOrEqualTo(alphas[a] * (1 + 1e-8));
                }
            }
            assertThat(nonZero).as("α = %s", alphas[a]).isPositive();
        }
    }

    @Test
    void collinearFeaturesAreNamedByTheNormalEquationsAndSolvedBySvd() {
        // x2 = 2 x1: XᵀX is singular. The SVD solver returns the minimum-norm solution, which splits the
        // weight between the two columns in the ratio 1 : 2.
        double[][] x = {{1, 2}, {2, 4}, {3, 6}, {4, 8}};
        Dataset d =
                Dataset.of("collinear", Matrix.of(x), List.of("a", "b"), new double[] {5, 10, 15, 20}, "y", List.of());
        assertThatThrownBy(() -> new LinearRegression(LinearRegression.Solver.NORMAL_EQUATION, false).fit(d))
                .hasMessageContaining("the normal equations are singular");
        LinearRegressor svd = new LinearRegression(LinearRegression.Solver.SVD, false).fit(d);
        assertThat(svd.coefficients()[0]).isCloseTo(1, within(1e-12));
        assertThat(svd.coefficients()[1]).isCloseTo(2, within(1e-12));
    }

    @Test
    void aNonFiniteFeatureIsNamedByRowAndColumn() {
        Dataset d = Dataset.of(
                "bad",
                Matrix.of(new double[][] {{1, 2}, {3, Double.NaN}}),
                List.of("a", "b"),
                new double[] {1, 2},
                "y",
                List.of());
        assertThatThrownBy(() -> new LinearRegression().fit(d))
                .hasMessage("linear-regression: row 1, column 1 ('b') is NaN; impute or drop missing values first");
        LinearRegressor fitted = new LinearRegression().fit(diabetes());
        assertThatThrownBy(() -> fitted.predict(Matrix.zeros(2, 3)))
                .hasMessageContaining("was fitted on 10 features but is given 3");
    }

    static void assertRelative(double[] actual, double[] expected, double tol) {
        assertThat(actual).hasSameSizeAs(expected);
        double scale = 0;
        for (double v : expected) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int i = 0; i < actual.length; i++) {
            assertThat(actual[i]).as("coefficient %d", i).isCloseTo(expected[i], within(tol * scale));
        }
    }

    static double[] doubles(JsonNode a) {
        double[] r = new double[a.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = a.get(i).asDouble();
        }
        return r;
    }

    static JsonNode json(String path) {
        try (InputStream in = LinearRegressionReferenceTest.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is missing from the test resources");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
