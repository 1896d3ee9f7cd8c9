package dev.lemma.ml.linear;

import static dev.lemma.ml.linear.LinearRegressionReferenceTest.doubles;
import static dev.lemma.ml.linear.LinearRegressionReferenceTest.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lemma.data.Dataset;
import dev.lemma.data.Datasets;
import dev.lemma.ml.metrics.ClassificationMetrics;
import dev.lemma.ml.preprocessing.StandardScaler;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/// Logistic regression against scikit-learn 1.2.1 on standardised iris and wine (multinomial) and breast
/// cancer (binary), $C = 1$: every solver reaches scikit-learn's tightly converged optimum (`newton-cg`,
/// `tol=1e-8`) to $10^{-6}$ of the largest coefficient (L-BFGS and Newton at tolerance $10^{-9}$ per
/// example) or $10^{-4}$ (gradient descent at $10^{-7}$), and the same log loss to $10^{-8}$.
class LogisticRegressionReferenceTest {

    static Stream<Arguments> fits() {
        return Stream.of("iris", "wine", "breast_cancer")
                .flatMap(name -> Stream.of(LogisticRegression.Solver.values()).map(s -> Arguments.of(name, s)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("fits")
    void theOptimumIsScikitLearns(String name, LogisticRegression.Solver solver) {
        JsonNode ref =
                json("/reference/sklearn_logistic_regression.json").get("fits").get(name);
        Dataset raw = Datasets.load(name);
        Dataset data = raw.withFeatures(new StandardScaler().fit(raw).transform(raw.features()));
        boolean slow = solver == LogisticRegression.Solver.GRADIENT_DESCENT;
        LogisticClassifier model =
                new LogisticRegression(1.0, solver, slow ? 200_000 : 1_000, slow ? 1e-7 : 1e-9).fit(data);
        JsonNode converged = ref.get("converged");
        double[][] coef = model.coefficients();
        double scale = 0;
        for (JsonNode row : converged.get("coef_")) {
            for (double v : doubles(row)) {
                scale = Math.max(scale, Math.abs(v));
            }
        }
        double tol = (slow ? 1e-4 : 1e-6) * scale;
        for (int k = 0; k < coef.length; k++) {
            double[] expected = doubles(converged.get("coef_").get(k));
            for (int j = 0; j < expected.length; j++) {
                assertThat(coef[k][j]).as("%s coef[%d][%d]", name, k, j).isCloseTo(expected[j], within(tol));
            }
            assertThat(model.intercepts()[k])
                    .as("%s intercept %d", name, k)
                    .isCloseTo(converged.get("intercept_").get(k).asDouble(), within(tol));
        }
        double logLoss = ClassificationMetrics.logLoss(data.labels(), model.predictProba(data.features()));
        assertThat(logLoss).isCloseTo(converged.get("log_loss").asDouble(), within(slow ? 1e-6 : 1e-8));
        assertThat(model.score(data)).isCloseTo(converged.get("train_accuracy").asDouble(), within(1e-12));
    }

    @org.junit.jupiter.api.Test
    void newtonAndLbfgsAgreeOnALargerProblem() {
        // 2 000 × 50 data built as make_classification builds it: the Hessian's entries are long sums whose
        // two triangles round differently, which Newton must tolerate.
        Dataset data = dev.lemma.data.Synthetic.classification(2_000, 50, 2, 2, 2, 2, 1.0, 0.01, 42);
        LogisticClassifier newton = new LogisticRegression(1.0, LogisticRegression.Solver.NEWTON, 100, 1e-10).fit(data);
        LogisticClassifier lbfgs =
                new LogisticRegression(1.0, LogisticRegression.Solver.LBFGS, 10_000, 1e-10).fit(data);
        assertThat(newton.converged()).isTrue();
        for (int j = 0; j < 50; j++) {
            assertThat(newton.coefficients()[0][j]).isCloseTo(lbfgs.coefficients()[0][j], within(1e-6));
        }
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"iris", "breast_cancer"})
    void theObjectiveIsTheLogLossTimesMPlusThePenaltyAndScikitLearnsOptimumIsNoLower(String name) {
        JsonNode ref =
                json("/reference/sklearn_logistic_regression.json").get("fits").get(name);
        Dataset raw = Datasets.load(name);
        Dataset data = raw.withFeatures(new StandardScaler().fit(raw).transform(raw.features()));
        LogisticRegression learner = new LogisticRegression(1.0, LogisticRegression.Solver.NEWTON, 100, 1e-10);
        LogisticClassifier model = learner.fit(data);
        double penalty = 0;
        for (double[] row : model.coefficients()) {
            for (double w : row) {
                penalty += w * w;
            }
        }
        double m = data.size();
        double expected =
                m * ClassificationMetrics.logLoss(data.labels(), model.predictProba(data.features())) + penalty / 2;
        assertThat(learner.objective(data, model)).isCloseTo(expected, within(1e-9 * expected));
        // scikit-learn's converged log loss, with its penalty, is the same minimum
        JsonNode converged = ref.get("converged");
        double sklearnPenalty = 0;
        for (JsonNode row : converged.get("coef_")) {
            for (double w : doubles(row)) {
                sklearnPenalty += w * w;
            }
        }
        double sklearn = m * converged.get("log_loss").asDouble() + sklearnPenalty / 2;
        assertThat(learner.objective(data, model)).isCloseTo(sklearn, within(1e-7 * sklearn));
        // a model one class short is refused by name
        LogisticClassifier binary = new LogisticRegression()
                .fit(Dataset.of(
                        "two",
                        data.features(),
                        data.featureNames(),
                        java.util.Arrays.stream(data.labels())
                                .mapToDouble(k -> Math.min(k, 1))
                                .toArray(),
                        "y",
                        java.util.List.of("0", "1")));
        if (name.equals("iris")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> learner.objective(data, binary))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("classes");
        }
    }
}
