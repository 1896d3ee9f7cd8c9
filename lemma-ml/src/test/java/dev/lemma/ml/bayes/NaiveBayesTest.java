package dev.lemma.ml.bayes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lemma.data.Dataset;
import dev.lemma.data.Datasets;
import dev.lemma.linalg.Matrix;
import dev.lemma.prob.Normal;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/// Naive Bayes: Gaussian against scikit-learn 1.2.1 on iris (`sklearn_classifiers.json`: means, variances,
/// priors, $\varepsilon$ to $10^{-12}$ relative, probabilities of probe rows to $10^{-9}$); multinomial and
/// Bernoulli against Bayes' rule computed by hand in the test on a small corpus.
class NaiveBayesTest {

    static JsonNode reference() {
        try (InputStream in = NaiveBayesTest.class.getResourceAsStream("/reference/sklearn_classifiers.json")) {
            return new ObjectMapper().readTree(in).get("GaussianNB");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void gaussianIsScikitLearns() {
        JsonNode ref = reference();
        Dataset iris = Datasets.load("iris");
        GaussianNB.Fitted nb = new GaussianNB().fit(iris);
        for (int k = 0; k < 3; k++) {
            for (int j = 0; j < 4; j++) {
                double theta = ref.get("theta_").get(k).get(j).asDouble();
                double var = ref.get("var_").get(k).get(j).asDouble();
                assertThat(nb.theta()[k][j]).isCloseTo(theta, within(1e-12 * Math.abs(theta)));
                assertThat(nb.variance()[k][j]).isCloseTo(var, within(1e-12 * var));
            }
            assertThat(nb.classPrior()[k])
                    .isCloseTo(ref.get("class_prior_").get(k).asDouble(), within(1e-15));
        }
        assertThat(nb.epsilon()).isCloseTo(ref.get("epsilon_").asDouble(), within(1e-20));
        assertThat(nb.score(iris)).isEqualTo(ref.get("train_accuracy").asDouble());
        JsonNode rows = ref.get("probe_rows");
        for (int p = 0; p < rows.size(); p++) {
            int r = rows.get(p).asInt();
            double[][] proba = nb.predictProba(
                    Matrix.of(new double[][] {iris.features().row(r).toArray()}));
            for (int k = 0; k < 3; k++) {
                double expected =
                        ref.get("predict_proba_probe_rows").get(p).get(k).asDouble();
                // tiny probabilities agree in their exponent; compare logs where they underflow in part
                if (expected > 1e-300) {
                    assertThat(Math.log(proba[0][k]))
                            .as("row %d class %d", r, k)
                            .isCloseTo(Math.log(expected), within(1e-9 * Math.max(1, Math.abs(Math.log(expected)))));
                }
            }
        }
    }

    @Test
    void gaussianLikelihoodsAreProductsOfNormalDensities() {
        Dataset iris = Datasets.load("iris");
        GaussianNB.Fitted nb = new GaussianNB().fit(iris);
        double[] x = iris.features().row(70).toArray();
        double[] joint = nb.jointLogLikelihood(x);
        for (int k = 0; k < 3; k++) {
            double expected = 0;
            for (int j = 0; j < 4; j++) {
                expected += new Normal(nb.theta()[k][j], Math.sqrt(nb.variance()[k][j])).logPdf(x[j]);
            }
            assertThat(joint[k]).isCloseTo(expected, within(1e-12 * Math.abs(expected)));
        }
    }

    @Test
    void multinomialAndBernoulliFollowBayesRuleWithSmoothing() {
        // Word counts of six tiny documents over a 3-word vocabulary, two topics.
        double[][] counts = {{3, 0, 1}, {2, 1, 0}, {4, 0, 0}, {0, 2, 3}, {1, 3, 2}, {0, 1, 4}};
        Dataset docs = Dataset.of(
                "docs",
                Matrix.of(counts),
                List.of("a", "b", "c"),
                new double[] {0, 0, 0, 1, 1, 1},
                "topic",
                List.of("x", "y"));
        double[] query = {1, 1, 2};
        // By hand, α = 1: class 0 totals (9, 1, 1) + 1 → θ = (10, 2, 2)/14; class 1 totals (1, 6, 9) + 1 → (2, 7,
        // 10)/19.
        double l0 = Math.log(0.5) + Math.log(10.0 / 14) + Math.log(2.0 / 14) + 2 * Math.log(2.0 / 14);
        double l1 = Math.log(0.5) + Math.log(2.0 / 19) + Math.log(7.0 / 19) + 2 * Math.log(10.0 / 19);
        double p1 = 1 / (1 + Math.exp(l0 - l1));
        double[][] proba = new MultinomialNB().fit(docs).predictProba(Matrix.of(new double[][] {query}));
        assertThat(proba[0][1]).isCloseTo(p1, within(1e-14));
        // Bernoulli, α = 1, presence = count > 0: class 0 present (3, 1, 1) of 3 → p = (4, 2, 2)/5;
        // class 1 present (1, 3, 3) of 3 → (2, 4, 4)/5. The query has all three words.
        double b0 = Math.log(0.5) + Math.log(4.0 / 5) + Math.log(2.0 / 5) + Math.log(2.0 / 5);
        double b1 = Math.log(0.5) + Math.log(2.0 / 5) + Math.log(4.0 / 5) + Math.log(4.0 / 5);
        double[][] bp = new BernoulliNB().fit(docs).predictProba(Matrix.of(new double[][] {query}));
        assertThat(bp[0][1]).isCloseTo(1 / (1 + Math.exp(b0 - b1)), within(1e-14));
        // An absent word counts as evidence for Bernoulli only: (0, 0, 0) is as likely as not for multinomial.
        double[][] none = new MultinomialNB().fit(docs).predictProba(Matrix.of(new double[][] {{0, 0, 0}}));
        assertThat(none[0][0]).isCloseTo(0.5, within(1e-15));
    }

    @Test
    void digitsAreClassifiedWellByMultinomialNaiveBayes() {
        Dataset digits = Datasets.load("digits");
        Dataset.Split s = digits.split(0.25, 0, true);
        double accuracy = new MultinomialNB().fit(s.train()).score(s.test());
        // scikit-learn's MultinomialNB scores about 0.9 on digits; far above the 0.1 of guessing
        assertThat(accuracy).isGreaterThan(0.85);
        assertThatThrownBy(() -> new MultinomialNB()
                        .fit(Dataset.of(
                                "neg",
                                Matrix.of(new double[][] {{1, -1}}),
                                List.of("a", "b"),
                                new double[] {0},
                                "y",
                                List.of())))
                .hasMessageContaining("row 0, column 1 is -1.0; counts must be ≥ 0");
    }
}
