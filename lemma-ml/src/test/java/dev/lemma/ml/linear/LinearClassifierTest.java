package dev.lemma.ml.linear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.lemma.data.Dataset;
import dev.lemma.data.Datasets;
import dev.lemma.linalg.Matrix;
import dev.lemma.ml.preprocessing.StandardScaler;
import java.util.List;
import org.junit.jupiter.api.Test;

/// The scores of the linear classifiers are $X W^\top + b$, computed here independently by
/// [Matrix#times(Matrix)], and their decisions follow the scores: the sign with two classes, the largest
/// otherwise.
class LinearClassifierTest {

    private static Dataset standardised(String name) {
        Dataset raw = Datasets.load(name);
        return raw.withFeatures(new StandardScaler().fit(raw).transform(raw.features()));
    }

    private static void assertScoresAreTheLinearMap(LinearClassifier model, Matrix x) {
        Matrix expected = x.times(Matrix.of(model.coefficients()).transpose());
        double[][] z = model.decisionFunction(x);
        assertThat(z).hasNumberOfRows(x.rows());
        for (int i = 0; i < x.rows(); i++) {
            assertThat(z[i]).hasSize(model.coefficients().length);
            for (int k = 0; k < z[i].length; k++) {
                assertThat(z[i][k]).isCloseTo(expected.get(i, k) + model.intercepts()[k], within(1e-12));
            }
        }
    }

    @Test
    void logisticScoresAreTheLogOddsOfItsProbabilities() {
        for (String name : List.of("breast_cancer", "wine")) {
            Dataset data = standardised(name);
            LogisticClassifier model = new LogisticRegression().fit(data);
            assertScoresAreTheLinearMap(model, data.features());
            double[][] z = model.decisionFunction(data.features());
            double[][] p = model.predictProba(data.features());
            for (int i = 0; i < z.length; i++) {
                if (z[i].length == 1) {
                    assertThat(Math.log(p[i][1] / p[i][0])).isCloseTo(z[i][0], within(1e-9));
                } else { // softmax: log-ratios of probabilities are differences of scores
                    assertThat(Math.log(p[i][1] / p[i][0])).isCloseTo(z[i][1] - z[i][0], within(1e-9));
                }
            }
        }
    }

    @Test
    void perceptronDecisionsFollowItsScores() {
        for (String name : List.of("breast_cancer", "iris")) {
            Dataset data = standardised(name);
            PerceptronClassifier model = new Perceptron().fit(data);
            assertScoresAreTheLinearMap(model, data.features());
            double[][] z = model.decisionFunction(data.features());
            int[] predicted = model.predict(data.features());
            for (int i = 0; i < z.length; i++) {
                int expected = 0;
                if (z[i].length == 1) {
                    expected = z[i][0] > 0 ? 1 : 0;
                } else {
                    for (int k = 1; k < z[i].length; k++) {
                        expected = z[i][k] > z[i][expected] ? k : expected;
                    }
                }
                assertThat(predicted[i]).as("row %d", i).isEqualTo(expected);
            }
        }
    }

    @Test
    void scoresOfTheWrongShapeAreRefusedByName() {
        LogisticClassifier model = new LogisticRegression().fit(standardised("iris"));
        assertThatThrownBy(() -> model.decisionFunction(Matrix.zeros(2, 3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("logistic-regression was fitted on 4 features but is given 3");
    }
}
