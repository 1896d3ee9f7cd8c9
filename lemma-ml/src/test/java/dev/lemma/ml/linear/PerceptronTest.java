package dev.lemma.ml.linear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lemma.data.Dataset;
import dev.lemma.data.Datasets;
import dev.lemma.data.Synthetic;
import dev.lemma.linalg.Matrix;
import org.junit.jupiter.api.Test;

/// The perceptron against its theory: on separable data it stops with an epoch of no mistakes (Novikoff's
/// theorem bounds the updates), and the separator it returns has a positive margin on every point; on
/// XOR, which no line separates, it never settles.
class PerceptronTest {

    @Test
    void separableBlobsAreSeparatedWithAPositiveMargin() {
        Dataset blobs = Synthetic.blobs(200, new double[][] {{-3, -3}, {3, 3}}, 0.8, 5);
        PerceptronClassifier p = new Perceptron().fit(blobs);
        assertThat(p.separated()).isTrue();
        assertThat(p.score(blobs)).isEqualTo(1.0);
        // the learned separator (w, b) classifies every training point with a positive margin
        int[] y = blobs.labels();
        for (int i = 0; i < blobs.size(); i++) {
            double s = p.intercepts()[0];
            for (int j = 0; j < 2; j++) {
                s += p.coefficients()[0][j] * blobs.features().get(i, j);
            }
            assertThat(y[i] == 1 ? s : -s).isPositive();
        }
    }

    @Test
    void xorIsNeverSeparated() {
        Dataset xor = Synthetic.xor(100, 2);
        PerceptronClassifier p = new Perceptron(1, 50, 0).fit(xor);
        assertThat(p.separated()).isFalse();
        assertThat(p.epochs()).isEqualTo(50);
        assertThat(p.score(xor)).isLessThan(0.9);
    }

    @Test
    void irisSetosaIsSeparableAndTheMulticlassRuleLearnsIt() {
        Dataset iris = Datasets.load("iris");
        PerceptronClassifier p = new Perceptron().fit(iris);
        int[] predicted = p.predict(iris.features());
        for (int i = 0; i < 50; i++) { // setosa is linearly separable from the other two
            assertThat(predicted[i]).isZero();
        }
        assertThatThrownBy(() -> p.predictProba(Matrix.zeros(1, 4))).hasMessageContaining("no probabilities");
    }
}
