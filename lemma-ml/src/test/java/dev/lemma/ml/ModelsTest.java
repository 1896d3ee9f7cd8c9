package dev.lemma.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lemma.data.Dataset;
import dev.lemma.data.Datasets;
import dev.lemma.linalg.Matrix;
import dev.lemma.ml.linear.ElasticNet;
import dev.lemma.ml.linear.Ridge;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/// The registry: every name builds a learner that fits a bundled dataset, and the state of the fitted
/// model restores to a model that predicts exactly the same (the numbers are copied, not recomputed).
class ModelsTest {

    static java.util.List<String> names() {
        return Models.names();
    }

    /// A dataset each model can fit: counts for the multinomial model, classes for the classifiers,
    /// standardised diabetes for the regressors (coordinate descent converges quickly on it).
    private static Dataset dataFor(String name) {
        return switch (name) {
            case "multinomial-nb", "bernoulli-nb" -> Datasets.load("digits");
            default ->
                switch (Models.info(name).task()) {
                    case CLASSIFIER, TRANSFORMER -> Datasets.load("iris");
                    case REGRESSOR -> Datasets.load("diabetes");
                };
        };
    }

    @ParameterizedTest
    @MethodSource("names")
    void everyModelFitsAndRestoresToIdenticalPredictions(String name) {
        Dataset data = dataFor(name);
        Map<String, String> params = name.equals("lasso") || name.equals("elastic-net")
                ? Map.of("alpha", "0.1", "max_iter", "100000")
                : Map.of();
        Model model = Models.learner(name, params).fit(data);
        Model restored = Models.restore(model.state());
        assertThat(restored.state().kind()).isEqualTo(model.state().kind());
        assertSamePredictions(model, restored, data.features());
    }

    @ParameterizedTest
    @MethodSource("names")
    void standardizedPipelinesRestoreToIdenticalPredictions(String name) {
        Dataset data = dataFor(name);
        if (name.equals("multinomial-nb")) {
            // standardised features are negative, and counts cannot be
            assertThatThrownBy(() -> Models.standardized(name, Map.of()).fit(data))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("counts must be ≥ 0");
            return;
        }
        Model model = Models.standardized(name, Map.of()).fit(data);
        Model restored = Models.restore(model.state());
        assertThat(restored.state().kind()).isEqualTo("pipeline");
        assertSamePredictions(model, restored, data.features());
    }

    private static void assertSamePredictions(Model model, Model restored, Matrix x) {
        switch (model) {
            case Classifier c -> {
                assertThat(((Classifier) restored).predict(x)).containsExactly(c.predict(x));
                if (c.hasProbabilities()) {
                    double[][] p = c.predictProba(x);
                    double[][] q = ((Classifier) restored).predictProba(x);
                    for (int i = 0; i < p.length; i++) {
                        assertThat(q[i]).containsExactly(p[i]);
                    }
                }
            }
            case Regressor r -> assertThat(((Regressor) restored).predict(x)).containsExactly(r.predict(x));
            case Transformer t ->
                assertThat(((Transformer) restored).transform(x).toRowMajorArray())
                        .containsExactly(t.transform(x).toRowMajorArray());
            default -> throw new AssertionError(model);
        }
    }

    @Test
    void parametersAreParsedUnderScikitLearnsNames() {
        assertThat(Models.learner("ridge", Map.of("alpha", "0.5", "solver", "svd", "fit_intercept", "false")))
                .isEqualTo(new Ridge(0.5, Ridge.Solver.SVD, false));
        assertThat(Models.learner("lasso", Map.of("alpha", "2"))).isEqualTo(ElasticNet.lasso(2));
        assertThat(Models.learner("logistic-regression", Map.of("solver", "gradient_descent"))
                        .toString())
                .contains("GRADIENT_DESCENT");
    }

    @Test
    void anUnknownModelIsNamedWithTheKnownOnes() {
        assertThatThrownBy(() -> Models.learner("svm", Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown model 'svm'; the models are " + String.join(", ", Models.names()));
    }

    @Test
    void anUnknownParameterIsNamedWithTheModelsParameters() {
        assertThatThrownBy(() -> Models.learner("ridge", Map.of("C", "1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("model 'ridge' has no parameter 'C'; its parameters are alpha, solver, fit_intercept");
    }

    @Test
    void aBadValueNamesTheParameterAndTheValue() {
        assertThatThrownBy(() -> Models.learner("ridge", Map.of("alpha", "lots")))
                .hasMessage("ridge: parameter 'alpha' should be a finite number, got 'lots'");
        assertThatThrownBy(() -> Models.learner("ridge", Map.of("solver", "magic")))
                .hasMessage("ridge: parameter 'solver' should be one of cholesky, svd, lbfgs, got 'magic'");
        assertThatThrownBy(() -> Models.learner("pca", Map.of("whiten", "yes")))
                .hasMessage("pca: parameter 'whiten' should be true or false, got 'yes'");
        assertThatThrownBy(() -> Models.learner("perceptron", Map.of("max_iter", "1.5")))
                .hasMessage("perceptron: parameter 'max_iter' should be an integer, got '1.5'");
        assertThatThrownBy(() -> Models.learner("ridge", Map.of("alpha", "-1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("alpha")
                .hasMessageContaining("-1");
    }

    @Test
    void anUnknownKindDoesNotRestore() {
        assertThatThrownBy(() -> Models.restore(new ModelState("svm", Map.of(), Map.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("unknown model kind 'svm'");
    }
}
