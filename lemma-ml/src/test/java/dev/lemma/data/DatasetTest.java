package dev.lemma.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/// Splitting and shuffling: the parts partition the rows, sizes follow scikit-learn's rule, and a
/// stratified split keeps the class proportions.
class DatasetTest {

    @Test
    void aSplitPartitionsTheRowsWithCeilOfTheTestFraction() {
        Dataset iris = Datasets.load("iris");
        Dataset.Split s = iris.split(0.25, 7, false);
        assertThat(s.test().size()).isEqualTo(38); // ceil(0.25 × 150)
        assertThat(s.train().size()).isEqualTo(112);
        Set<String> rows = new HashSet<>();
        for (Dataset part : new Dataset[] {s.train(), s.test()}) {
            double[][] x = part.features().toArray();
            double[] y = part.target();
            for (int i = 0; i < x.length; i++) {
                rows.add(Arrays.toString(x[i]) + " → " + y[i]);
            }
        }
        // iris has one duplicated row (the 143rd repeats the 102nd), so 149 distinct rows in all
        assertThat(rows).hasSize(149);
        assertThat(iris.split(0.25, 7, false).test().features().toArray())
                .isDeepEqualTo(s.test().features().toArray());
    }

    @Test
    void aStratifiedSplitKeepsTheClassProportions() {
        Dataset cancer = Datasets.load("breast_cancer"); // 212 malignant, 357 benign
        Dataset.Split s = cancer.split(0.2, 3, true);
        int[] test = counts(s.test().labels(), 2);
        int[] train = counts(s.train().labels(), 2);
        assertThat(test[0] + test[1]).isEqualTo(114); // ceil(0.2 × 569)
        // 114 × 212/569 = 42.47 and 114 × 357/569 = 71.53: largest remainder gives 42 and 72
        assertThat(test).containsExactly(42, 72);
        assertThat(train).containsExactly(170, 285);
    }

    @Test
    void shuffleIsAPermutationAndRowsNamesABadIndex() {
        Dataset d = Synthetic.xor(20, 1);
        Dataset shuffled = d.shuffle(9);
        double[] a = d.target();
        double[] b = shuffled.target();
        Arrays.sort(a);
        Arrays.sort(b);
        assertThat(b).containsExactly(a);
        assertThatThrownBy(() -> d.rows(new int[] {0, 20}))
                .hasMessage("row 20 (at position 1) is outside dataset 'xor' of 20 rows");
        assertThatThrownBy(() -> d.split(1.5, 0, false)).hasMessageContaining("must be in (0, 1), got 1.5");
    }

    private static int[] counts(int[] labels, int k) {
        int[] c = new int[k];
        for (int l : labels) {
            c[l]++;
        }
        return c;
    }
}
