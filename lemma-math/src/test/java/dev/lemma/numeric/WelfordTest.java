package dev.lemma.numeric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/// Welford's one-pass variance and Chan, Golub and LeVeque's merge, against the two-pass algorithm with
/// compensated sums, on data where the textbook one-pass formula collapses.
class WelfordTest {
    private static final double EPS = Tolerances.MACHINE_EPSILON;

    /// The offset of the hard data: $10^9$, where doubles are spaced $1.2 \times 10^{-7}$ apart.
    private static final double OFFSET = 1e9;

    /// Relative tolerance of Welford's variance on $10^9 + U(0, 1)$ data against the two-pass value.
    /// Each update rounds the running mean to the spacing of doubles near $10^9$, $2^{-23} \approx 1.2
    /// \times 10^{-7}$, which perturbs a deviation of size $\sigma \approx 0.29$ by about $4 \times
    /// 10^{-7}$ relative; the errors have random signs and partly average out. Over the 20 seeds the
    /// measured errors lie between $1.1 \times 10^{-8}$ and $2.7 \times 10^{-7}$; $10^{-6}$ leaves a
    /// factor of about 4.
    private static final double WELFORD_RELATIVE = 1e-6;

    /// How far the running mean may drift: each update rounds it once, by at most $u|\bar x|$, so after
    /// $n$ updates by at most $n u |\bar x|$ (the drift measured is a random walk, about
    /// $\sqrt n\, u |\bar x|$). Near $10^9$ that is up to $10^{-7}$ per update, far below the noise.
    private static double meanTolerance(int n, double magnitude) {
        return n * Tolerances.UNIT_ROUNDOFF * magnitude + Double.MIN_NORMAL;
    }

    static IntStream seeds() {
        return IntStream.range(0, 20);
    }

    /// $10^9 + U(0, 1)$, of length 2 to about 100 000 depending on the seed.
    private static double[] offsetData(int seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int n = 2 + (int) Math.round(Math.pow(10, 5 * rng.nextDouble()));
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = OFFSET + rng.nextDouble();
        }
        return x;
    }

    /// The two-pass algorithm, each pass compensated: the mean $\bar x = \sum x_i / n$, then
    /// $M = \sum (x_i - \bar x)^2$. Near $10^9$ each difference $x_i - \bar x$ is exact (Sterbenz), and
    /// an error $\varepsilon$ in the mean changes $M$ only by $n\varepsilon^2$, about $10^{-13}$
    /// relative here: a reference.
    private static double twoPassSumOfSquares(double[] x) {
        double mean = Compensated.sum(x) / x.length;
        double[] d = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            d[i] = x[i] - mean;
        }
        return Compensated.dot(d, d);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void welfordMatchesTwoPassWhereTheTextbookFormulaFails(int seed) {
        double[] x = offsetData(seed);
        int n = x.length;
        double reference = twoPassSumOfSquares(x) / (n - 1);

        Welford w = Welford.of(x);
        assertThat(w.count()).isEqualTo(n);
        assertThat(w.mean()).isCloseTo(Compensated.sum(x) / n, within(meanTolerance(n, OFFSET)));
        assertThat(w.sampleVariance()).isCloseTo(reference, within(WELFORD_RELATIVE * reference));
        assertThat(w.populationVariance()).isCloseTo(reference * (n - 1) / n, within(WELFORD_RELATIVE * reference));

        double sum = 0;
        double sumOfSquares = 0;
        for (double xi : x) {
            sum += xi;
            sumOfSquares += xi * xi;
        }
        double textbook = (sumOfSquares - sum * sum / n) / (n - 1);
        // Off by at least half the variance itself (about 1/12), often exactly 0 or negative: the digits
        // left after subtracting two numbers near n·10^18 are rounding noise.
        assertThat(Math.abs(textbook - reference)).as("textbook formula error").isGreaterThan(reference / 2);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void mergingSplitsEqualsTheWhole(int seed) {
        SplittableRandom rng = new SplittableRandom(1000 + seed);
        double[] x = seed % 2 == 0 ? offsetData(seed) : standardNormalish(rng, 1 + rng.nextInt(5000));
        Welford whole = Welford.of(x);

        Welford merged = new Welford();
        int from = 0;
        while (from < x.length) {
            int to = Math.min(x.length, from + 1 + rng.nextInt(Math.max(1, x.length / 3)));
            Welford part = new Welford();
            for (int i = from; i < to; i++) {
                part.add(x[i]);
            }
            merged.merge(part);
            from = to;
        }
        assertThat(merged.count()).isEqualTo(whole.count());
        double meanTolerance = 2 * meanTolerance(x.length, Math.abs(whole.mean()));
        assertThat(merged.mean()).isCloseTo(whole.mean(), within(meanTolerance));
        double m = whole.sumOfSquaredDeviations();
        assertThat(merged.sumOfSquaredDeviations()).isCloseTo(m, within(2 * WELFORD_RELATIVE * m + 1e-300));
    }

    /// A sum of three uniforms, centred: mean 0, variance 1/4, no offset.
    private static double[] standardNormalish(SplittableRandom rng, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = rng.nextDouble() + rng.nextDouble() + rng.nextDouble() - 1.5;
        }
        return x;
    }

    @Test
    void mergeWithEmptyAndWithItself() {
        Welford w = Welford.of(new double[] {1, 2, 3, 10});
        Welford.Snapshot before = w.snapshot();
        w.merge(new Welford());
        assertThat(w.snapshot()).isEqualTo(before);
        assertThat(new Welford().merge(w).snapshot()).isEqualTo(before);

        w.merge(w); // the data counted twice: same mean, twice the sum of squares
        assertThat(w.count()).isEqualTo(8);
        assertThat(w.mean()).isEqualTo(before.mean());
        assertThat(w.sumOfSquaredDeviations()).isEqualTo(2 * before.sumOfSquaredDeviations());
    }

    /// The textbook example $\{2, 4, 4, 4, 5, 5, 7, 9\}$: mean 5, population variance 4, sample variance
    /// 32/7.
    @Test
    void knownSmallSample() {
        Welford w = Welford.of(new double[] {2, 4, 4, 4, 5, 5, 7, 9});
        assertThat(w.mean()).isEqualTo(5.0);
        assertThat(w.sumOfSquaredDeviations()).isEqualTo(32.0);
        assertThat(w.populationVariance()).isEqualTo(4.0);
        assertThat(w.sampleVariance()).isCloseTo(32.0 / 7, within(EPS));
    }

    @Test
    void snapshotIsImmutableAndAgrees() {
        Welford w = Welford.of(new double[] {1, 2, 3});
        Welford.Snapshot s = w.snapshot();
        w.add(100);
        assertThat(s.count()).isEqualTo(3);
        assertThat(s.mean()).isEqualTo(2.0);
        assertThat(s.populationVariance()).isCloseTo(2.0 / 3, within(EPS));
        assertThat(s.sampleVariance()).isEqualTo(1.0);
        assertThat(w.snapshot().sampleVariance()).isEqualTo(w.sampleVariance());
    }

    @Test
    void emptyAndSingleValue() {
        Welford empty = new Welford();
        assertThat(empty.count()).isZero();
        assertThat(empty.mean()).isNaN();
        assertThat(empty.sumOfSquaredDeviations()).isNaN();
        assertThat(empty.populationVariance()).isNaN();
        assertThat(empty.sampleVariance()).isNaN();
        assertThat(empty.snapshot().populationVariance()).isNaN();

        Welford one = new Welford().add(3.5);
        assertThat(one.mean()).isEqualTo(3.5);
        assertThat(one.populationVariance()).isZero();
        assertThat(one.sampleVariance()).isNaN();
        assertThat(one.snapshot().sampleVariance()).isNaN();
    }

    @Test
    void nonFiniteValuesAreRejected() {
        Welford w = new Welford();
        assertThatThrownBy(() -> w.add(Double.NaN))
                .isInstanceOf(NonFiniteValueException.class)
                .hasMessageContaining("NaN");
        assertThat(w.count()).isZero();
        assertThatThrownBy(() -> Welford.of(new double[] {1, Double.POSITIVE_INFINITY}))
                .isInstanceOf(NonFiniteValueException.class)
                .hasMessageContaining("index 1");
    }
}
