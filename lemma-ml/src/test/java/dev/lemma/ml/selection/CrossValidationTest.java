package dev.lemma.ml.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.lemma.data.Dataset;
import dev.lemma.data.Datasets;
import dev.lemma.data.Synthetic;
import dev.lemma.ml.bayes.GaussianNB;
import dev.lemma.ml.linear.Ridge;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/// Folds partition the rows (every row tested exactly once, sizes as scikit-learn's `KFold`), stratified
/// folds keep class counts within one, and the curves behave as the theory of chapter 4 says: training
/// fit falls and test fit peaks as a penalty grows, and the train–test gap narrows with more data.
class CrossValidationTest {

    @Test
    void kFoldPartitionsTheRowsInBlocksOfNearlyEqualSize() {
        Dataset d = Synthetic.xor(23, 1);
        List<Folds.Split> splits = Folds.kFold(5, 3).split(d);
        int[] tested = new int[23];
        for (Folds.Split s : splits) {
            for (int i : s.test()) {
                tested[i]++;
            }
            assertThat(s.train().length + s.test().length).isEqualTo(23);
        }
        assertThat(tested).containsOnly(1);
        // 23 = 5 + 5 + 5 + 4 + 4: the first 23 mod 5 = 3 folds one larger
        assertThat(splits.stream().mapToInt(s -> s.test().length).toArray()).containsExactly(5, 5, 5, 4, 4);
    }

    @Test
    void stratifiedFoldsKeepTheClassCounts() {
        Dataset cancer = Datasets.load("breast_cancer"); // 212 / 357
        for (Folds.Split s : Folds.stratified(5, 1).split(cancer)) {
            int[] y = cancer.rows(s.test()).labels();
            long malignant = Arrays.stream(y).filter(v -> v == 0).count();
            assertThat(malignant).isBetween(42L, 43L); // 212 / 5 = 42.4
            assertThat(y.length - malignant).isBetween(71L, 72L); // 357 / 5 = 71.4
        }
        assertThatThrownBy(() -> Folds.kFold(1, 0)).hasMessageContaining("n_splits must be ≥ 2, got 1");
    }

    @Test
    void crossValidatedAccuracyOfNaiveBayesOnIrisIsHigh() {
        double[] scores = CrossValidation.scores(new GaussianNB(), Datasets.load("iris"), Folds.stratified(5, 0));
        assertThat(scores).hasSize(5);
        // the three species are nearly Gaussian blobs: far above the 1/3 of guessing
        assertThat(Arrays.stream(scores).average().orElseThrow()).isBetween(0.92, 0.99);
    }

    @Test
    void theValidationCurveOfRidgeFallsOnTrainingDataAsThePenaltyGrows() {
        Synthetic.Regression r = Synthetic.regression(60, 20, 5, 1, 2, 4);
        double[] alphas = {1e-3, 1e-1, 1, 10, 100, 1e4};
        List<CrossValidation.Point> curve =
                CrossValidation.validationCurve(Ridge::new, alphas, r.data(), Folds.kFold(5, 2));
        for (int i = 1; i < curve.size(); i++) {
            assertThat(curve.get(i).train())
                    .isLessThanOrEqualTo(curve.get(i - 1).train() + 1e-12);
        }
        // an overwhelming penalty predicts the mean: R² near 0 on held-out data
        assertThat(curve.get(curve.size() - 1).test()).isCloseTo(0, within(0.2));
        CrossValidation.Search search = CrossValidation.gridSearch(
                Map.of("alpha", List.<Object>of(1e-3, 1.0, 1e4)),
                p -> new Ridge((Double) p.get("alpha")),
                r.data(),
                Folds.kFold(5, 2));
        assertThat(search.trials()).hasSize(3);
        assertThat(search.best().mean())
                .isEqualTo(search.trials().stream()
                        .mapToDouble(CrossValidation.Trial::mean)
                        .max()
                        .orElseThrow());
    }

    @Test
    void theLearningCurveUsesTheRequestedSizes() {
        Dataset iris = Datasets.load("iris");
        List<CrossValidation.Point> curve = CrossValidation.learningCurve(
                new GaussianNB(), iris.shuffle(1), Folds.stratified(5, 0), new double[] {0.2, 0.5, 1.0});
        assertThat(curve.stream().mapToDouble(CrossValidation.Point::x).toArray())
                .containsExactly(24, 60, 120);
    }
}
