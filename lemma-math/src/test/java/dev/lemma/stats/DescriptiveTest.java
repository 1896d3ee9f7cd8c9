package dev.lemma.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.lemma.linalg.Matrix;
import dev.lemma.numeric.DimensionMismatchException;
import dev.lemma.numeric.NonFiniteValueException;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/// [Descriptive] against the definitions written out independently (Kendall's τ-b by counting all
/// pairs, Hyndman and Fan's interpolation formula, exact small cases), and on invalid input.
class DescriptiveTest {
    private static final double U = Math.ulp(1.0) / 2;
    /// Hyndman–Fan's formula and NumPy's virtual index round differently; both are within a few ulps.
    private static final double QUANTILE_RELATIVE = 1e-14;

    /// τ-b by its definition: every pair classified, $O(n^2)$.
    private static double kendallByPairs(double[] x, double[] y) {
        long concordant = 0;
        long discordant = 0;
        long tiedX = 0;
        long tiedY = 0;
        int n = x.length;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double sx = Math.signum(x[i] - x[j]);
                double sy = Math.signum(y[i] - y[j]);
                if (sx == 0) {
                    tiedX++;
                }
                if (sy == 0) {
                    tiedY++;
                }
                if (sx * sy > 0) {
                    concordant++;
                } else if (sx * sy < 0) {
                    discordant++;
                }
            }
        }
        long pairs = (long) n * (n - 1) / 2;
        return (concordant - discordant) / Math.sqrt((double) (pairs - tiedX) * (pairs - tiedY));
    }

    private static double[] integers(Random random, int n, int levels) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = random.nextInt(levels);
        }
        return x;
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 7, 64, 101, 500})
    void kendallByMergeSortEqualsCountingEveryPair(int n) {
        Random random = new Random(500 + n);
        for (int levels : new int[] {3, 10, 1_000_000}) { // heavy ties, some ties, almost none
            double[] x = integers(random, n, levels);
            double[] y = integers(random, n, levels);
            for (int i = 0; i < n; i++) {
                y[i] += random.nextInt(3) * x[i]; // some dependence
            }
            double expected = kendallByPairs(x, y);
            if (Double.isNaN(expected)) {
                assertThat(Descriptive.kendallTau(x, y)).isNaN();
            } else {
                assertThat(Descriptive.kendallTau(x, y))
                        .as("n = %d, %d levels", n, levels)
                        .isCloseTo(expected, within(4 * U));
            }
        }
    }

    @Test
    void kendallOfAPermutationAndItsReverse() {
        double[] x = {1, 2, 3, 4, 5, 6};
        assertThat(Descriptive.kendallTau(x, x)).isEqualTo(1.0);
        assertThat(Descriptive.kendallTau(x, new double[] {6, 5, 4, 3, 2, 1})).isEqualTo(-1.0);
        // one adjacent swap: 14 concordant, 1 discordant of 15 pairs
        assertThat(Descriptive.kendallTau(x, new double[] {2, 1, 3, 4, 5, 6})).isCloseTo(13.0 / 15, within(U));
        assertThat(Descriptive.kendallTau(x, new double[] {7, 7, 7, 7, 7, 7})).isNaN();
    }

    @Test
    void ranksAverageTies() {
        assertThat(Descriptive.ranks(new double[] {10, 20, 20, 5})).containsExactly(2, 3.5, 3.5, 1);
        assertThat(Descriptive.ranks(new double[] {-0.0, 0.0, -1})).containsExactly(2.5, 2.5, 1);
        assertThat(Descriptive.ranks(new double[] {})).isEmpty();
    }

    @Test
    void spearmanIsInvariantUnderMonotoneMapsAndIsPearsonOfRanks() {
        Random random = new Random(77);
        double[] x = new double[200];
        double[] y = new double[200];
        double[] expY = new double[200];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextGaussian();
            y[i] = x[i] + random.nextGaussian();
            expY[i] = Math.exp(y[i]);
        }
        double rho = Descriptive.spearman(x, y);
        assertThat(Descriptive.spearman(x, expY)).isCloseTo(rho, within(4 * U));
        assertThat(rho).isCloseTo(Descriptive.pearson(Descriptive.ranks(x), Descriptive.ranks(y)), within(4 * U));
        // and Pearson is not invariant: the comparison above is not of equal things by construction
        assertThat(Math.abs(Descriptive.pearson(x, expY) - Descriptive.pearson(x, y)))
                .isGreaterThan(0.01);
        // without ties, 1 - 6 Σd²/(n(n²-1))
        double[] rx = Descriptive.ranks(x);
        double[] ry = Descriptive.ranks(y);
        double sum = 0;
        for (int i = 0; i < rx.length; i++) {
            sum += (rx[i] - ry[i]) * (rx[i] - ry[i]);
        }
        int n = x.length;
        assertThat(rho).isCloseTo(1 - 6 * sum / (n * ((double) n * n - 1)), within(1e-14));
    }

    /// Hyndman and Fan's formula with 1-based order statistics: $j = \lfloor np + m \rfloor$,
    /// $\gamma = np + m - j$, $Q = (1-\gamma) x_{(j)} + \gamma x_{(j+1)}$, clamped to the ends.
    private static double hyndmanFan(double[] sorted, double p, double alpha, double beta) {
        int n = sorted.length;
        double m = alpha + p * (1 - alpha - beta);
        double h = n * p + m;
        int j = (int) Math.floor(h);
        double gamma = h - j;
        if (j < 1) {
            return sorted[0];
        }
        if (j >= n) {
            return sorted[n - 1];
        }
        return (1 - gamma) * sorted[j - 1] + gamma * sorted[j];
    }

    @ParameterizedTest
    @EnumSource(
            value = QuantileMethod.class,
            names = {"INTERPOLATED_INVERTED_CDF", "HAZEN", "WEIBULL", "LINEAR", "MEDIAN_UNBIASED", "NORMAL_UNBIASED"})
    void continuousMethodsFollowHyndmanAndFan(QuantileMethod method) {
        double[][] alphaBeta = {{0, 1}, {0.5, 0.5}, {0, 0}, {1, 1}, {1 / 3.0, 1 / 3.0}, {3 / 8.0, 3 / 8.0}};
        double[] ab = alphaBeta[method.hyndmanFanType() - 4];
        Random random = new Random(method.hyndmanFanType());
        for (int n : new int[] {1, 2, 5, 33}) {
            double[] data = new double[n];
            for (int i = 0; i < n; i++) {
                data[i] = 10 + random.nextDouble();
            }
            double[] sorted = data.clone();
            java.util.Arrays.sort(sorted);
            for (int k = 0; k <= 40; k++) {
                double p = k / 40.0;
                double expected = hyndmanFan(sorted, p, ab[0], ab[1]);
                assertThat(Descriptive.quantile(data, p, method))
                        .as("%s, n = %d, p = %s", method, n, p)
                        .isCloseTo(expected, within(QUANTILE_RELATIVE * expected));
            }
        }
    }

    @Test
    void discontinuousMethodsOnASmallSample() {
        // n = 4, sorted {1, 2, 3, 4}; at p = 1/2 (np = 2 an integer) and p = 0.3 (np = 1.2).
        double[] x = {3, 1, 4, 2};
        assertThat(Descriptive.quantile(x, 0.5, QuantileMethod.INVERTED_CDF)).isEqualTo(2.0); // x_(2)
        assertThat(Descriptive.quantile(x, 0.3, QuantileMethod.INVERTED_CDF)).isEqualTo(2.0); // x_(ceil 1.2)
        assertThat(Descriptive.quantile(x, 0.5, QuantileMethod.AVERAGED_INVERTED_CDF))
                .isEqualTo(2.5);
        assertThat(Descriptive.quantile(x, 0.3, QuantileMethod.AVERAGED_INVERTED_CDF))
                .isEqualTo(2.0);
        // type 3: np - 1/2 = 1.5 at p = 1/2 → j = 1, g = 0.5 → x_(2); at p = 0.375, np − 1/2 = 1 exactly,
        // j = 1 odd → x_(2) (the even order statistic)
        assertThat(Descriptive.quantile(x, 0.5, QuantileMethod.CLOSEST_OBSERVATION))
                .isEqualTo(2.0);
        assertThat(Descriptive.quantile(x, 0.375, QuantileMethod.CLOSEST_OBSERVATION))
                .isEqualTo(2.0);
        assertThat(Descriptive.quantile(x, 0.625, QuantileMethod.CLOSEST_OBSERVATION))
                .isEqualTo(2.0);
        assertThat(Descriptive.quantile(x, 0.5, QuantileMethod.LOWER)).isEqualTo(2.0);
        assertThat(Descriptive.quantile(x, 0.5, QuantileMethod.HIGHER)).isEqualTo(3.0);
        assertThat(Descriptive.quantile(x, 0.5, QuantileMethod.MIDPOINT)).isEqualTo(2.5);
        // 0-based index (n − 1)p = 1.5 rounds to 2 (even), x_(3) in 1-based terms
        assertThat(Descriptive.quantile(x, 0.5, QuantileMethod.NEAREST)).isEqualTo(3.0);
        assertThat(Descriptive.median(x)).isEqualTo(2.5);
        assertThat(Descriptive.interquartileRange(x)).isEqualTo(1.5); // 3.25 − 1.75
        assertThat(QuantileMethod.LINEAR.hyndmanFanType()).isEqualTo(7);
        assertThat(QuantileMethod.NEAREST.hyndmanFanType()).isZero();
    }

    @Test
    void medianOfHugeValuesDoesNotOverflow() {
        double big = Double.MAX_VALUE;
        assertThat(Descriptive.median(new double[] {big, big})).isEqualTo(big);
    }

    @Test
    void modeIsTheSmallestOfTheMostFrequent() {
        assertThat(Descriptive.mode(new double[] {3, 1, 3, 1, 2})).isEqualTo(1.0);
        assertThat(Descriptive.mode(new double[] {5, 4, 5})).isEqualTo(5.0);
        assertThat(Descriptive.mode(new double[] {2.5, 0.5, 9})).isEqualTo(0.5);
        double zero = Descriptive.mode(new double[] {0.0, 7, -0.0, 7, 0.0});
        assertThat(zero).isZero(); // three zeros beat two sevens
        assertThat(1 / zero).isNegative(); // reported as −0.0, the first of the run
    }

    @Test
    void autocorrelationOfAlternationAndOfATrend() {
        // ±1 alternating, n even: mean 0, Σ d_i d_{i+1} = −(n − 1), Σ d² = n.
        double[] alternating = new double[10];
        for (int i = 0; i < alternating.length; i++) {
            alternating[i] = i % 2 == 0 ? 1 : -1;
        }
        assertThat(Descriptive.autocorrelation(alternating)).isCloseTo(-0.9, within(2 * U));
        // 1..n: d_i = i − (n+1)/2; for n = 5, d = −2..2: Σ d_i d_{i+1} = 2 + 0 + 0 + 2 = 4, Σ d² = 10.
        assertThat(Descriptive.autocorrelation(new double[] {1, 2, 3, 4, 5})).isCloseTo(0.4, within(2 * U));
        assertThat(Descriptive.autocorrelation(new double[] {2, 2, 2})).isNaN();
    }

    @Test
    void covarianceMatrixHasTheVariancesOnItsDiagonalAndCorrelationMatrixTheRightSigns() {
        Random random = new Random(99);
        int n = 60;
        double[][] rows = new double[n][4];
        for (int i = 0; i < n; i++) {
            double z = random.nextGaussian();
            rows[i] = new double[] {z, 3 - 2 * z, z + random.nextGaussian(), 5.0};
        }
        Matrix data = Matrix.of(rows);
        Matrix c = Descriptive.covariance(data);
        for (int j = 0; j < 4; j++) {
            double[] column = data.column(j).toArray();
            assertThat(c.get(j, j)).isCloseTo(Summary.of(column).variance(), within(8 * U * c.get(j, j)));
            for (int k = 0; k < 4; k++) {
                assertThat(c.get(j, k)).isEqualTo(c.get(k, j));
                assertThat(c.get(j, k))
                        .isCloseTo(Descriptive.covariance(column, data.column(k).toArray()), within(1e-15));
            }
        }
        Matrix r = Descriptive.correlation(data);
        assertThat(r.get(0, 1)).isEqualTo(-1.0); // an exact affine function, clamped to [−1, 1]
        assertThat(r.get(0, 0)).isEqualTo(1.0);
        assertThat(r.get(0, 2)).isBetween(0.5, 0.9);
        assertThat(r.get(3, 3)).isNaN(); // the constant column
        assertThat(r.get(0, 3)).isNaN();
        assertThat(Descriptive.spearmanCorrelation(data).get(0, 1)).isCloseTo(-1.0, within(4 * U));
        assertThat(Descriptive.kendallCorrelation(data).get(0, 1)).isEqualTo(-1.0);
    }

    @Test
    void badInputIsRefusedNamingWhatAndWhere() {
        assertThatThrownBy(() -> Descriptive.median(new double[0]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("data must not be empty");
        assertThatThrownBy(() -> Descriptive.quantile(new double[] {1, Double.NaN}, 0.5))
                .isInstanceOf(NonFiniteValueException.class)
                .hasMessage("data has NaN at index 1");
        assertThatThrownBy(() -> Descriptive.quantile(new double[] {1, 2}, 1.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("p must be in [0, 1] but is 1.5");
        assertThatThrownBy(() -> Descriptive.quantiles(
                        new double[] {1, 2}, new double[] {0.5, Double.NaN}, QuantileMethod.HAZEN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("p must be in [0, 1] but p[1] is NaN");
        assertThatThrownBy(() -> Descriptive.pearson(new double[] {1, 2, 3}, new double[] {1, 2}))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessage("x has length 3 but y has length 2");
        assertThatThrownBy(
                        () -> Descriptive.kendallTau(new double[] {1, 2}, new double[] {1, Double.POSITIVE_INFINITY}))
                .isInstanceOf(NonFiniteValueException.class)
                .hasMessage("y has Infinity at index 1");
        assertThatThrownBy(() -> Descriptive.spearman(new double[] {1}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("x and y must have at least 2 values but have 1");
        assertThatThrownBy(() -> Descriptive.autocorrelation(new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("data must have at least 2 values but has 1");
        assertThatThrownBy(() -> Descriptive.correlation(Matrix.of(new double[][] {{1, 2}})))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("data must have at least 2 rows (observations) and 1 column but is 1×2");
        assertThatThrownBy(() -> Descriptive.covariance(Matrix.of(new double[][] {{1, 2}, {3, Double.NaN}})))
                .isInstanceOf(NonFiniteValueException.class)
                .hasMessage("data has NaN at row 1, column 1");
    }
}
