package dev.lemma.ml.preprocessing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.lemma.data.Dataset;
import dev.lemma.data.Datasets;
import dev.lemma.linalg.Matrix;
import dev.lemma.ml.Pipeline;
import dev.lemma.ml.linear.LogisticClassifier;
import dev.lemma.ml.linear.LogisticRegression;
import dev.lemma.stats.Summary;
import java.util.List;
import org.junit.jupiter.api.Test;

/// The transformations against their definitions: standardised columns have mean 0 and population
/// standard deviation 1 (checked with `dev.lemma.stats`), min-max columns span $[a, b]$, one-hot and
/// polynomial outputs are the stated columns in scikit-learn's order, and a pipeline equals its steps
/// applied by hand.
class PreprocessingTest {

    @Test
    void standardisedColumnsHaveMeanZeroAndUnitPopulationSd() {
        Dataset wine = Datasets.load("wine");
        StandardScaler.Fitted s = new StandardScaler().fit(wine);
        Matrix z = s.transform(wine.features());
        for (int j = 0; j < z.cols(); j++) {
            double[] column = z.column(j).toArray();
            Summary summary = Summary.of(column);
            assertThat(summary.mean()).isCloseTo(0, within(1e-12));
            assertThat(summary.populationStandardDeviation()).isCloseTo(1, within(1e-12));
        }
        assertThat(s.inverseTransform(z).maxAbsDifference(wine.features())).isLessThan(1e-10);
    }

    @Test
    void minMaxColumnsSpanTheRange() {
        Dataset iris = Datasets.load("iris");
        Matrix z = new MinMaxScaler(-1, 1).fit(iris).transform(iris.features());
        for (int j = 0; j < z.cols(); j++) {
            double[] c = z.column(j).toArray();
            assertThat(java.util.Arrays.stream(c).min().orElseThrow()).isEqualTo(-1);
            assertThat(java.util.Arrays.stream(c).max().orElseThrow()).isCloseTo(1, within(1e-15));
        }
    }

    @Test
    void oneHotAndPolynomialColumnsAreScikitLearns() {
        Dataset d = Dataset.of(
                "c",
                Matrix.of(new double[][] {{0.5, 2}, {1.5, 0}, {2.5, 2}}),
                List.of("x", "colour"),
                new double[] {0, 1, 0},
                "y",
                List.of());
        OneHotEncoder.Fitted oh = new OneHotEncoder(new int[] {1}).fit(d);
        assertThat(oh.transform(d.features()).toArray())
                .isDeepEqualTo(new double[][] {{0.5, 0, 1}, {1.5, 1, 0}, {2.5, 0, 1}});
        assertThat(oh.featureNames(d.featureNames())).containsExactly("x", "colour=0", "colour=2");
        assertThatThrownBy(() -> oh.transform(Matrix.of(new double[][] {{1, 7}})))
                .hasMessageContaining("row 0, column 1 has category 7.0, unseen in training");
        PolynomialFeatures.Fitted poly = new PolynomialFeatures(2, true).fit(d);
        assertThat(poly.featureNames(List.of("a", "b"))).containsExactly("1", "a", "b", "a^2", "a b", "b^2");
        assertThat(poly.transform(Matrix.of(new double[][] {{2, 3}})).toArray()).isDeepEqualTo(new double[][] {
            {1, 2, 3, 4, 6, 9}
        });
        // C(d + p, p) columns: d = 4, p = 3 gives 35
        assertThat(new PolynomialFeatures(3, true).fit(Datasets.load("iris")).terms())
                .hasSize(35);
    }

    @Test
    void aPipelineIsItsStepsAppliedInOrder() {
        Dataset cancer = Datasets.load("breast_cancer");
        Dataset.Split split = cancer.split(0.3, 4, true);
        var pipeline = Pipeline.classifier(List.of(new StandardScaler()), new LogisticRegression())
                .fit(split.train());
        StandardScaler.Fitted scaler = new StandardScaler().fit(split.train());
        LogisticClassifier byHand = new LogisticRegression()
                .fit(split.train().withFeatures(scaler.transform(split.train().features())));
        double[][] a = pipeline.predictProba(split.test().features());
        double[][] b = byHand.predictProba(scaler.transform(split.test().features()));
        for (int i = 0; i < a.length; i++) {
            assertThat(a[i][1]).isCloseTo(b[i][1], within(1e-12));
        }
        // the scaler saw the training rows only
        assertThat(((StandardScaler.Fitted) pipeline.steps().get(0)).mean()).containsExactly(scaler.mean());
        assertThat(pipeline.state().kind()).isEqualTo("pipeline");
    }
}
