package dev.lemma.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/// The bundled datasets against what scikit-learn documents about them: shapes, class counts, and the
/// summary statistics printed in its descriptions (`DESCR`).
class DatasetsTest {

    @Test
    void shapesAndClassCountsAreScikitLearns() {
        check("iris", 150, 4, new int[] {50, 50, 50});
        check("wine", 178, 13, new int[] {59, 71, 48});
        check("breast_cancer", 569, 30, new int[] {212, 357});
        check("digits", 1797, 64, new int[] {178, 182, 177, 183, 181, 182, 181, 179, 174, 180});
        Dataset diabetes = Datasets.load("diabetes");
        assertThat(diabetes.size()).isEqualTo(442);
        assertThat(diabetes.dimension()).isEqualTo(10);
        assertThat(Arrays.stream(diabetes.target()).min().orElseThrow()).isEqualTo(25);
        assertThat(Arrays.stream(diabetes.target()).max().orElseThrow()).isEqualTo(346);
        Dataset linnerud = Datasets.load("linnerud");
        assertThat(linnerud.targetNames()).containsExactly("weight", "waist", "pulse");
        assertThat(linnerud.featureNames()).containsExactly("chins", "situps", "jumps");
        assertThat(linnerud.size()).isEqualTo(20);
        assertThatThrownBy(linnerud::target).hasMessageContaining("has 3 target columns [weight, waist, pulse]");
    }

    @Test
    void irisMatchesTheSummaryStatisticsInItsDescription() {
        // scikit-learn's iris DESCR: sepal length mean 5.84, SD 0.83; petal width mean 1.20, SD 0.76;
        // class correlation of petal length 0.9490.
        Dataset iris = Datasets.load("iris");
        double[] sepal = column(iris, 0);
        assertThat(mean(sepal)).isCloseTo(5.84, within(0.005));
        assertThat(sd(sepal)).isCloseTo(0.83, within(0.005));
        double[] petalWidth = column(iris, 3);
        assertThat(mean(petalWidth)).isCloseTo(1.20, within(0.005));
        assertThat(sd(petalWidth)).isCloseTo(0.76, within(0.005));
        assertThat(iris.classNames()).containsExactly("setosa", "versicolor", "virginica");
        assertThat(iris.featureNames())
                .containsExactly("sepal_length_cm", "sepal_width_cm", "petal_length_cm", "petal_width_cm");
    }

    @Test
    void unknownNamesAndDamagedFilesAreRefused() {
        assertThatThrownBy(() -> Datasets.load("boston"))
                .hasMessage("no bundled dataset 'boston'; there are [breast_cancer, diabetes, digits, iris, linnerud,"
                        + " wine]");
        // The digest check itself: SHA-256 of "abc" is the FIPS 180-2 test vector.
        assertThat(Datasets.sha256("abc".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    private static void check(String name, int rows, int features, int[] classCounts) {
        Dataset d = Datasets.load(name);
        assertThat(d.size()).as(name).isEqualTo(rows);
        assertThat(d.dimension()).as(name).isEqualTo(features);
        int[] counts = new int[classCounts.length];
        for (int label : d.labels()) {
            counts[label]++;
        }
        assertThat(counts).as(name).containsExactly(classCounts);
        assertThat(d.classNames()).as(name).hasSize(classCounts.length);
    }

    private static double[] column(Dataset d, int j) {
        double[] c = new double[d.size()];
        for (int i = 0; i < c.length; i++) {
            c[i] = d.features().get(i, j);
        }
        return c;
    }

    private static double mean(double[] x) {
        return Arrays.stream(x).sum() / x.length;
    }

    private static double sd(double[] x) { // the population SD, as the DESCR table uses
        double m = mean(x);
        return Math.sqrt(Arrays.stream(x).map(v -> (v - m) * (v - m)).sum() / x.length);
    }
}
