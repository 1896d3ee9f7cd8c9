package dev.lemma.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.lemma.numeric.DimensionMismatchException;
import dev.lemma.numeric.Tolerances;
import java.math.BigDecimal;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/// The results of §1.1–1.2 on `Vector`: Cauchy–Schwarz and the triangle inequality on seeded random
/// vectors, the three norms against their formulas and known values, the scaled 2-norm where the naive
/// formula overflows or underflows, non-finite input, the compensated dot product against exact
/// `BigDecimal` arithmetic, and the plain value semantics (arithmetic, messages, equality).
class VectorTest {
    private static final double U = Tolerances.UNIT_ROUNDOFF;

    /// Random lengths 1..40 and 500 pairs per property: enough to hit near-parallel and near-opposite
    /// pairs in low dimensions, cheap enough to run every build.
    private static final int PAIRS = 500;

    /// $\gamma_k = ku/(1 - ku)$, the bound on $k$ accumulated roundings (Higham, Lemma 3.1).
    private static double gamma(int k) {
        return k * U / (1 - k * U);
    }

    /// A vector whose entries have random signs and magnitudes spread over $2^{\pm 20}$, so that the
    /// inequalities are tested away from the all-similar case.
    private static Vector spread(int n, SplittableRandom rng) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = (2 * rng.nextDouble() - 1) * Math.scalb(1.0, rng.nextInt(-20, 21));
        }
        return Vector.of(x);
    }

    @Test
    void cauchySchwarzHoldsOnRandomVectorsWithEqualityForParallelOnes() {
        SplittableRandom rng = new SplittableRandom(12);
        for (int k = 0; k < PAIRS; k++) {
            int n = rng.nextInt(1, 41);
            Vector x = spread(n, rng);
            Vector y = k % 2 == 0 ? spread(n, rng) : Vector.random(n, rng.nextLong());
            // The computed dot is within u|x·y| + γ_n²Σ|x_i y_i| of the exact one (Dot2, Ogita–Rump–Oishi
            // 2005) and each scaled norm within γ_{n+2} relative, so the computed sides may cross by at most
            // a relative 3γ_{n+2}.
            double slack = 1 + 3 * gamma(n + 2);
            assertThat(Math.abs(x.dot(y))).isLessThanOrEqualTo(x.norm2() * y.norm2() * slack);
            // Equality exactly when one is a multiple of the other (Theorem 1.2).
            double t = 2 * rng.nextDouble() - 1;
            Vector parallel = x.times(t);
            assertThat(Math.abs(x.dot(parallel)))
                    .isCloseTo(x.norm2() * parallel.norm2(), within(3 * gamma(n + 2) * x.norm2() * parallel.norm2()));
        }
    }

    @Test
    void triangleInequalityHoldsOnRandomVectorsWithEqualityForSameDirection() {
        SplittableRandom rng = new SplittableRandom(13);
        for (int k = 0; k < PAIRS; k++) {
            int n = rng.nextInt(1, 41);
            Vector x = spread(n, rng);
            Vector y = spread(n, rng);
            // x + y rounds each entry once (relative u), the norms are within γ_{n+2} each.
            double slack = 1 + 3 * gamma(n + 3);
            assertThat(x.plus(y).norm2()).isLessThanOrEqualTo((x.norm2() + y.norm2()) * slack);
            assertThat(x.plus(y).norm1()).isLessThanOrEqualTo((x.norm1() + y.norm1()) * slack);
            assertThat(x.plus(y).normInf()).isLessThanOrEqualTo((x.normInf() + y.normInf()) * slack);
            Vector same = x.times(rng.nextDouble());
            assertThat(x.plus(same).norm2())
                    .isCloseTo(x.norm2() + same.norm2(), within(3 * gamma(n + 3) * (x.norm2() + same.norm2())));
        }
    }

    @Test
    void theBooksAngleExample() {
        // §1.2: x = (3, 4), y = (4, 3) have x·y = 24, ‖x‖ = ‖y‖ = 5, cos θ = 24/25, θ ≈ 16.26°.
        Vector x = Vector.of(3, 4);
        Vector y = Vector.of(4, 3);
        assertThat(x.dot(y)).isEqualTo(24.0);
        assertThat(x.norm2()).isEqualTo(5.0);
        assertThat(y.norm2()).isEqualTo(5.0);
        double theta = Math.toDegrees(Math.acos(x.dot(y) / (x.norm2() * y.norm2())));
        assertThat(theta).isCloseTo(16.26, within(0.005));
    }

    @Test
    void normsHaveTheirKnownValuesAndAgreeWithTheFormulas() {
        Vector x = Vector.of(3, -4, 12);
        assertThat(x.norm1()).isEqualTo(19.0);
        assertThat(x.norm2()).isEqualTo(13.0); // the Pythagorean quadruple 3² + 4² + 12² = 13²
        assertThat(x.normInf()).isEqualTo(12.0);
        assertThat(Vector.zeros(0).norm1()).isZero();
        assertThat(Vector.zeros(0).norm2()).isZero();
        assertThat(Vector.zeros(0).normInf()).isZero();
        assertThat(Vector.unit(7, 3).norm2()).isEqualTo(1.0);

        SplittableRandom rng = new SplittableRandom(14);
        for (int k = 0; k < PAIRS; k++) {
            int n = rng.nextInt(1, 60);
            Vector v = spread(n, rng);
            double sumAbs = 0;
            double sumSquares = 0;
            double maxAbs = 0;
            for (int i = 0; i < n; i++) {
                sumAbs += Math.abs(v.get(i));
                sumSquares += v.get(i) * v.get(i);
                maxAbs = Math.max(maxAbs, Math.abs(v.get(i)));
            }
            // The plain loops are within γ_n (sum) and γ_{n+1} (sum of squares, then √) of the truth.
            assertThat(v.norm1()).isCloseTo(sumAbs, within(2 * gamma(n) * sumAbs));
            assertThat(v.norm2()).isCloseTo(Math.sqrt(sumSquares), within(2 * gamma(n + 2) * Math.sqrt(sumSquares)));
            assertThat(v.normInf()).isEqualTo(maxAbs);
            // The norms of ℝⁿ are equivalent: ‖v‖∞ ≤ ‖v‖₂ ≤ ‖v‖₁ ≤ √n‖v‖₂ ≤ n‖v‖∞.
            double slack = 1 + 2 * gamma(n + 2);
            assertThat(v.normInf()).isLessThanOrEqualTo(v.norm2() * slack);
            assertThat(v.norm2()).isLessThanOrEqualTo(v.norm1() * slack);
            assertThat(v.norm1()).isLessThanOrEqualTo(Math.sqrt(n) * v.norm2() * slack);
        }
    }

    @Test
    void norm2NeitherOverflowsNorUnderflowsWhereTheNaiveFormulaDoes() {
        // §1.2: the naive √(x₁² + x₂²) overflows to ∞ at 1e200 and underflows to 0 at 1e-200 ...
        assertThat(Math.sqrt(3e200 * 3e200 + 4e200 * 4e200)).isInfinite();
        assertThat(Math.sqrt(3e-200 * 3e-200 + 4e-200 * 4e-200)).isZero();
        // ... the scaled one is within two ulps of 5·10^±200 (the book quotes 4.9999999999999995E200,
        // one ulp below; two ulps allow for the rounding of 3e200 and 4e200 themselves).
        assertThat(Vector.of(3e200, 4e200).norm2()).isCloseTo(5e200, within(2 * Math.ulp(5e200)));
        assertThat(Vector.of(3e-200, 4e-200).norm2()).isCloseTo(5e-200, within(2 * Math.ulp(5e-200)));

        // Scaling by a power of two is exact, and so is dividing by the largest entry: the scaled norm of
        // 2^k·x is exactly 2^k times the norm of x, at any k that keeps the entries normal.
        for (long seed = 0; seed < 50; seed++) {
            Vector x = Vector.random(1 + (int) seed, seed);
            for (int k : new int[] {-1000, -600, 600, 1000}) {
                assertThat(x.times(Math.scalb(1.0, k)).norm2()).isEqualTo(Math.scalb(x.norm2(), k));
            }
            // Against Math.hypot (correctly rounded to within an ulp) on the first two entries.
            if (x.size() >= 2) {
                double a = x.get(0) * 0x1p900;
                double b = x.get(1) * 0x1p900;
                double hypot = Math.hypot(a, b);
                assertThat(Vector.of(a, b).norm2()).isCloseTo(hypot, within(4 * Math.ulp(hypot)));
            }
        }
    }

    @Test
    void normsOfNonFiniteVectorsAreNaNIfAnyEntryIsNaNElseInfinite() {
        double inf = Double.POSITIVE_INFINITY;
        double nan = Double.NaN;
        for (double[] entries : new double[][] {{inf, 1}, {1, -inf}, {-inf, 2, 3}, {inf, -inf}, {0, inf, 0}}) {
            Vector v = Vector.of(entries);
            assertThat(v.norm1()).as("‖%s‖₁", v).isEqualTo(inf);
            assertThat(v.norm2()).as("‖%s‖₂", v).isEqualTo(inf);
            assertThat(v.normInf()).as("‖%s‖∞", v).isEqualTo(inf);
        }
        for (double[] entries : new double[][] {{nan}, {nan, 1}, {1, nan}, {inf, nan}, {nan, -inf}, {0, nan, 1e300}}) {
            Vector v = Vector.of(entries);
            assertThat(v.norm1()).as("‖%s‖₁", v).isNaN();
            assertThat(v.norm2()).as("‖%s‖₂", v).isNaN();
            assertThat(v.normInf()).as("‖%s‖∞", v).isNaN();
        }
        // Arithmetic carries them as IEEE 754 says.
        Vector sum = Vector.of(inf, 1, nan).plus(Vector.of(-inf, 2, 0));
        assertThat(sum.get(0)).isNaN();
        assertThat(sum.get(1)).isEqualTo(3.0);
        assertThat(sum.get(2)).isNaN();
    }

    @Test
    void dotIsCompensated() {
        // §1.14: the plain loop gives 10^16 + 1 → 10^16, then 0; Dot2 gives the exact 1.
        double[] x = {1e16, 1, -1e16};
        double plain = 0;
        for (double v : x) {
            plain += v;
        }
        assertThat(plain).isZero();
        assertThat(Vector.of(x).dot(Vector.of(1, 1, 1))).isEqualTo(1.0);

        // Ill-conditioned random dots, condition Σ|x_i y_i| / |x·y| up to ~10^17, against exact BigDecimal
        // arithmetic (every product of doubles is exact there). Dot2's error bound is
        // u|x·y| + γ_n² Σ|x_i y_i| (Ogita, Rump and Oishi 2005, Proposition 5.5).
        SplittableRandom rng = new SplittableRandom(15);
        for (int k = 0; k < 200; k++) {
            int half = rng.nextInt(1, 20);
            int n = 2 * half + 1;
            double[] a = new double[n];
            double[] b = new double[n];
            for (int i = 0; i < half; i++) {
                // A large product and (almost) its negative, so that the large parts cancel.
                double big = (2 * rng.nextDouble() - 1) * Math.scalb(1.0, rng.nextInt(20, 60));
                a[2 * i] = big;
                b[2 * i] = 1 + rng.nextDouble();
                a[2 * i + 1] = -big;
                b[2 * i + 1] = b[2 * i] * (1 + 0x1p-50 * rng.nextInt(-3, 4));
            }
            a[n - 1] = rng.nextDouble();
            b[n - 1] = 1;
            BigDecimal exact = BigDecimal.ZERO;
            double absSum = 0;
            for (int i = 0; i < n; i++) {
                exact = exact.add(new BigDecimal(a[i]).multiply(new BigDecimal(b[i])));
                absSum += Math.abs(a[i] * b[i]);
            }
            double computed = Vector.of(a).dot(Vector.of(b));
            double error = new BigDecimal(computed).subtract(exact).abs().doubleValue();
            double bound = U * Math.abs(exact.doubleValue()) + gamma(n) * gamma(n) * absSum * 1.01;
            assertThat(error).as("dot %d", k).isLessThanOrEqualTo(bound);
        }
    }

    @Test
    void outerProductHasTheProductEntriesAndRankOne() {
        for (long seed = 0; seed < 20; seed++) {
            int n = 1 + (int) seed % 7;
            int m = 1 + (int) (seed * 3) % 5;
            Vector x = Vector.random(n, seed);
            Vector y = Vector.random(m, seed + 100);
            Matrix xy = x.outer(y);
            assertThat(xy.rows()).isEqualTo(n);
            assertThat(xy.cols()).isEqualTo(m);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < m; j++) {
                    assertThat(xy.get(i, j)).isEqualTo(x.get(i) * y.get(j));
                }
            }
            assertThat(xy.rank()).isEqualTo(1);
            assertThat(x.outer(Vector.zeros(m)).rank()).isZero();
        }
    }

    @Test
    void arithmeticIsEntryByEntry() {
        Vector x = Vector.random(9, 1);
        Vector y = Vector.random(9, 2);
        Vector sum = x.plus(y);
        Vector difference = x.minus(y);
        Vector scaled = x.times(-2.5);
        for (int i = 0; i < 9; i++) {
            assertThat(sum.get(i)).isEqualTo(x.get(i) + y.get(i));
            assertThat(difference.get(i)).isEqualTo(x.get(i) - y.get(i));
            assertThat(scaled.get(i)).isEqualTo(-2.5 * x.get(i));
        }
        assertThat(x.normalize().norm2()).isCloseTo(1.0, within(4 * gamma(11)));
        assertThatThrownBy(() -> Vector.zeros(3).normalize())
                .isInstanceOf(ArithmeticException.class)
                .hasMessage("cannot normalise the zero vector of length 3");
    }

    @Test
    void dimensionMismatchesNameBothLengths() {
        Vector x = Vector.zeros(3);
        Vector y = Vector.zeros(2);
        assertThatThrownBy(() -> x.plus(y))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessage("x + y: x has length 3 but y has length 2");
        assertThatThrownBy(() -> x.minus(y))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessage("x − y: x has length 3 but y has length 2");
        assertThatThrownBy(() -> y.dot(x))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessage("x · y: x has length 2 but y has length 3");
    }

    @Test
    void equalityIsBitwiseAndHashCodeAgrees() {
        double[] entries = {1, -2, Double.NaN};
        Vector x = Vector.of(entries);
        entries[0] = 99; // of(...) copied the array
        assertThat(x.get(0)).isEqualTo(1.0);
        x.toArray()[1] = 99; // and toArray() hands out a copy
        assertThat(x.get(1)).isEqualTo(-2.0);

        Vector same = Vector.of(1, -2, Double.NaN);
        assertThat(x).isEqualTo(same).hasSameHashCodeAs(same); // NaN equals NaN, as in Double.equals
        assertThat(Vector.of(0.0)).isNotEqualTo(Vector.of(-0.0));
        assertThat(Vector.of(1, 2)).isNotEqualTo(Vector.of(1, 2, 0));
        assertThat(Vector.of(1, 2)).isNotEqualTo(Matrix.ofRowMajor(1, 2, 1, 2));
        assertThat(Vector.random(5, 3)).isEqualTo(Vector.random(5, 3)).isNotEqualTo(Vector.random(5, 4));
        assertThat(x).hasToString("[1.0, -2.0, NaN]");
    }
}
