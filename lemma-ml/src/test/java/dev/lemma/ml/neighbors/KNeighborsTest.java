package dev.lemma.ml.neighbors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.lemma.data.Dataset;
import dev.lemma.data.Datasets;
import dev.lemma.linalg.Matrix;
import dev.lemma.ml.ModelState;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/// The k-nearest-neighbour models on small data worked out by hand: weights, ties, zero distances,
/// the saved state and the error messages.
class KNeighborsTest {
    static final double TOLERANCE = 1e-15;

    static Dataset line(double[] x, double[] y, List<String> classes) {
        double[][] rows = new double[x.length][1];
        for (int i = 0; i < x.length; i++) {
            rows[i][0] = x[i];
        }
        return Dataset.of("line", Matrix.of(rows), List.of("x"), y, "y", classes);
    }

    static Matrix column(double... x) {
        double[][] rows = new double[x.length][1];
        for (int i = 0; i < x.length; i++) {
            rows[i][0] = x[i];
        }
        return Matrix.of(rows);
    }

    @ParameterizedTest
    @EnumSource(Algorithm.class)
    void regressorIsTheMeanOrTheInverseDistanceWeightedMean(Algorithm algorithm) {
        Dataset data = line(new double[] {0, 1, 2, 3, 10}, new double[] {0, 1, 4, 9, 100}, List.of());
        KNeighborsRegressor.Fitted uniform = new KNeighborsRegressor(2, Weights.UNIFORM, algorithm, 1).fit(data);
        KNeighborsRegressor.Fitted distance = new KNeighborsRegressor(2, Weights.DISTANCE, algorithm, 1).fit(data);
        // x = 1.4: neighbours 1 (distance 0.4) and 2 (0.6)
        assertThat(uniform.predict(column(1.4))[0]).isCloseTo((1 + 4) / 2.0, within(TOLERANCE));
        double w1 = 1 / 0.4;
        double w2 = 1 / 0.6;
        assertThat(distance.predict(column(1.4))[0]).isCloseTo((w1 * 1 + w2 * 4) / (w1 + w2), within(1e-12));
        // x = 9: neighbours 10 (distance 1) and 3 (6)
        assertThat(uniform.predict(column(9))[0]).isCloseTo((100 + 9) / 2.0, within(TOLERANCE));
        assertThat(distance.predict(column(9))[0]).isCloseTo((100 + 9 / 6.0) / (1 + 1 / 6.0), within(1e-12));
        // A query on a training row takes that row's target alone under distance weights.
        assertThat(distance.predict(column(2))[0]).isEqualTo(4);
        assertThat(uniform.score(data)).isLessThan(1);
    }

    @ParameterizedTest
    @EnumSource(Algorithm.class)
    void duplicatesAtDistanceZeroShareTheWeight(Algorithm algorithm) {
        Dataset data = line(new double[] {0, 2, 2, 5}, new double[] {0, 1, 3, 10}, List.of());
        KNeighborsRegressor.Fitted distance = new KNeighborsRegressor(3, Weights.DISTANCE, algorithm, 2).fit(data);
        assertThat(distance.predict(column(2))[0]).isEqualTo(2); // (1 + 3) / 2, the row at 0 ignored
        Neighbors n = distance.kneighbors(column(2));
        assertThat(n.indices()[0]).containsExactly(1, 2, 0);
        assertThat(n.distances()[0]).containsExactly(0, 0, 2);
    }

    @ParameterizedTest
    @EnumSource(Algorithm.class)
    void tiesGoToTheLowerIndexAndTheSmallerClass(Algorithm algorithm) {
        // 0 and 2 are equally far from 1: the lower training index is the nearer
        Dataset data = line(new double[] {2, 0, 7}, new double[] {1, 0, 1}, List.of("a", "b"));
        KNeighborsClassifier.Fitted one = new KNeighborsClassifier(1, Weights.UNIFORM, algorithm, 1).fit(data);
        assertThat(one.kneighbors(column(1)).indices()[0]).containsExactly(0);
        assertThat(one.predict(column(1))).containsExactly(1);
        // a 1–1 vote goes to class 0
        KNeighborsClassifier.Fitted two = new KNeighborsClassifier(2, Weights.UNIFORM, algorithm, 1).fit(data);
        assertThat(two.predict(column(1))).containsExactly(0);
        assertThat(two.predictProba(column(1))[0]).containsExactly(0.5, 0.5);
        // with distance weights the nearer neighbour wins: x = 0.8 is at 0.8 from class 0 and 1.2 from class 1
        KNeighborsClassifier.Fitted weighted = new KNeighborsClassifier(2, Weights.DISTANCE, algorithm, 1).fit(data);
        assertThat(weighted.predict(column(0.8, 1.2))).containsExactly(0, 1);
        double[] p = weighted.predictProba(column(0.8))[0];
        assertThat(p[0]).isCloseTo((1 / 0.8) / (1 / 0.8 + 1 / 1.2), within(1e-15));
        assertThat(p[0] + p[1]).isCloseTo(1, within(1e-15));
        assertThat(weighted.classes()).isEqualTo(2);
    }

    @Test
    void autoChoosesTheTreeInLowDimensionAndBruteForceOtherwise() {
        assertThat(Algorithm.AUTO.resolve(100, 4, 5)).isEqualTo(Algorithm.KD_TREE);
        assertThat(Algorithm.AUTO.resolve(100, 16, 5)).isEqualTo(Algorithm.BRUTE);
        assertThat(Algorithm.AUTO.resolve(100, 4, 50)).isEqualTo(Algorithm.BRUTE);
        assertThat(Algorithm.KD_TREE.resolve(100, 40, 50)).isEqualTo(Algorithm.KD_TREE);
    }

    @Test
    void theStateRestoresTheSameModel() {
        Dataset iris = Datasets.load("iris");
        KNeighborsClassifier.Fitted knn =
                new KNeighborsClassifier(7, Weights.DISTANCE, Algorithm.KD_TREE, 10).fit(iris);
        ModelState state = knn.state();
        assertThat(state.kind()).isEqualTo("knn");
        assertThat(state.parameters())
                .containsEntry("n_neighbors", 7)
                .containsEntry("weights", "distance")
                .containsEntry("algorithm", "kd_tree")
                .containsEntry("leaf_size", 10);
        assertThat(state.matrix("_fit_X")).hasNumberOfRows(150);
        KNeighborsClassifier.Fitted again = KNeighborsClassifier.Fitted.restore(state);
        Matrix probe = iris.features().block(40, 110, 0, 4);
        assertThat(again.predictProba(probe)).isDeepEqualTo(knn.predictProba(probe));

        Dataset data = line(new double[] {0, 1, 2}, new double[] {5, 6, 7}, List.of());
        KNeighborsRegressor.Fitted regressor = new KNeighborsRegressor(2).fit(data);
        KNeighborsRegressor.Fitted restored = KNeighborsRegressor.Fitted.restore(regressor.state());
        assertThat(restored.predict(column(0.2, 1.7))).containsExactly(regressor.predict(column(0.2, 1.7)));
        assertThat(regressor.state().kind()).isEqualTo("knn-regressor");
    }

    @Test
    void badInputIsNamed() {
        Dataset three = line(new double[] {0, 1, 2}, new double[] {0, 1, 0}, List.of("a", "b"));
        assertThatThrownBy(() -> new KNeighborsClassifier(5).fit(three))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("n_neighbors = 5")
                .hasMessageContaining("3 rows");
        assertThatThrownBy(() -> new KNeighborsRegressor(4).fit(three)).hasMessageContaining("n_neighbors = 4");
        KNeighborsClassifier.Fitted knn = new KNeighborsClassifier(2).fit(three);
        assertThatThrownBy(() -> knn.predict(Matrix.zeros(2, 3)))
                .hasMessageContaining("fitted on 1 features but is given 3");
        assertThatThrownBy(() -> knn.kneighbors(column(1), 4)).hasMessageContaining("n_neighbors = 4");
        assertThatThrownBy(() -> knn.predict(column(Double.NaN))).hasMessageContaining("row 0, column 0");
        assertThatThrownBy(() -> new KNeighborsClassifier(0)).hasMessageContaining("n_neighbors must be ≥ 1, got 0");
        assertThatThrownBy(() -> new KNeighborsClassifier(3, Weights.UNIFORM, Algorithm.AUTO, 0))
                .hasMessageContaining("leaf_size");
        assertThatThrownBy(() -> new KNeighborsClassifier(3, null, Algorithm.AUTO, 30))
                .hasMessageContaining("weights");
        Dataset fractional = line(new double[] {0, 1}, new double[] {0.5, 1}, List.of());
        assertThatThrownBy(() -> new KNeighborsClassifier(1).fit(fractional))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a class code");
        assertThatThrownBy(() -> new KDTree(Matrix.zeros(0, 2), 30)).hasMessageContaining("0×2");
        KDTree tree = new KDTree(Matrix.of(new double[][] {{0, 0}, {1, 1}, {2, 2}}), 1);
        assertThatThrownBy(() -> tree.query(Matrix.of(new double[][] {{0, Double.NaN}}), 1))
                .hasMessageContaining("query row 0, column 1 is NaN");
        assertThatThrownBy(() -> tree.query(Matrix.of(new double[][] {{0, 0}}), 4))
                .hasMessageContaining("n_neighbors = 4 but the training set has 3 rows");
        assertThatThrownBy(() -> tree.query(Matrix.of(new double[][] {{0, 0, 0}}), 1))
                .hasMessageContaining("the training rows have 2 features but the queries have 3");
        assertThat(tree.nodeCount()).isEqualTo(5); // 3 → 1 + 2 → 1 + 1
        assertThatThrownBy(() -> new BruteForce(Matrix.of(new double[][] {{1, Double.POSITIVE_INFINITY}})))
                .hasMessageContaining("row 0, column 1");
    }
}
