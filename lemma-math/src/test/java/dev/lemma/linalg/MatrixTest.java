package dev.lemma.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.lemma.numeric.DimensionMismatchException;
import dev.lemma.numeric.SingularMatrixException;
import dev.lemma.numeric.Tolerances;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/// The laws of §1.5–1.8 that `Matrix` must obey: transpose of a product, associativity,
/// distributivity, powers, trace and determinant identities, the norms against their definitions and
/// the inequalities between them, and the construction round trips. Products are compared with the
/// floating-point bound $|\mathrm{fl}(AB) - AB| \le \gamma_k |A||B|$ (Higham, *Accuracy and Stability*,
/// §3.5), so a kernel that summed the wrong terms fails while honest rounding passes.
class MatrixTest {
    private static final double U = Tolerances.UNIT_ROUNDOFF;
    private static final double EPS = Tolerances.MACHINE_EPSILON;

    /// $\gamma_k = ku/(1 - ku)$ (Higham, Lemma 3.1).
    private static double gamma(int k) {
        return k * U / (1 - k * U);
    }

    /// $|A|$, entry by entry.
    private static Matrix abs(Matrix a) {
        double[] d = a.toRowMajorArray();
        for (int i = 0; i < d.length; i++) {
            d[i] = Math.abs(d[i]);
        }
        return Matrix.ofRowMajor(a.rows(), a.cols(), d);
    }

    /// The largest entry of a non-negative matrix (0 if empty).
    private static double max(Matrix a) {
        double m = 0;
        for (double v : a.toRowMajorArray()) {
            m = Math.max(m, v);
        }
        return m;
    }

    /// Product shapes `(m, k, n, p)`: empty ones, tiny ones, primes, sizes either side of the GEMM
    /// dispatcher's and the transpose's block sizes, and 30 seeded random ones.
    static List<int[]> shapes() {
        List<int[]> shapes = new ArrayList<>(List.of(
                new int[] {0, 3, 2, 4},
                new int[] {3, 0, 2, 1},
                new int[] {1, 1, 1, 1},
                new int[] {2, 3, 4, 5},
                new int[] {7, 13, 5, 11},
                new int[] {17, 16, 31, 33},
                new int[] {64, 65, 33, 3},
                new int[] {100, 90, 110, 7}));
        SplittableRandom rng = new SplittableRandom(21);
        for (int t = 0; t < 30; t++) {
            shapes.add(new int[] {rng.nextInt(1, 40), rng.nextInt(1, 40), rng.nextInt(1, 40), rng.nextInt(1, 40)});
        }
        return shapes;
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void productLawsHoldToRoundingError(int[] shape) {
        int m = shape[0];
        int k = shape[1];
        int n = shape[2];
        int p = shape[3];
        long seed = 1000L * m + 100L * k + 10L * n + p;
        Matrix a = Matrix.random(m, k, seed);
        Matrix b = Matrix.random(k, n, seed + 1);
        Matrix b2 = Matrix.random(k, n, seed + 2);
        Matrix c = Matrix.random(n, p, seed + 3);

        // (AB)ᵀ = BᵀAᵀ: each side within γ_k|A||B| of the exact product.
        Matrix ab = a.times(b);
        assertThat(ab.transpose().maxAbsDifference(b.transpose().times(a.transpose())))
                .isLessThanOrEqualTo(2 * gamma(k) * max(abs(a).times(abs(b))));

        // (AB)C = A(BC): each side within γ_{k+n}|A||B||C| (Higham, §3.5, products of matrices).
        Matrix absAbc = abs(a).times(abs(b)).times(abs(c));
        assertThat(ab.times(c).maxAbsDifference(a.times(b.times(c))))
                .isLessThanOrEqualTo(2 * gamma(k + n) * max(absAbc));

        // A(B + B') = AB + AB': the sum adds one rounding to each side.
        assertThat(a.times(b.plus(b2)).maxAbsDifference(ab.plus(a.times(b2))))
                .isLessThanOrEqualTo(2 * gamma(k + 1) * max(abs(a).times(abs(b).plus(abs(b2)))));

        // The transpose moves entries and nothing else.
        assertThat(a.transpose().transpose()).isEqualTo(a);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < k; j++) {
                assertThat(a.transpose().get(j, i)).isEqualTo(a.get(i, j));
            }
        }
    }

    @Test
    void productIsNotCommutative() {
        // §1.5: AB ≠ BA for these two nilpotent matrices.
        Matrix a = Matrix.of(new double[][] {{0, 1}, {0, 0}});
        Matrix b = Matrix.of(new double[][] {{0, 0}, {1, 0}});
        assertThat(a.times(b)).isEqualTo(Matrix.of(new double[][] {{1, 0}, {0, 0}}));
        assertThat(b.times(a)).isEqualTo(Matrix.of(new double[][] {{0, 0}, {0, 1}}));
        // §1.1: the matrix–vector product as row dots and as a combination of columns.
        Matrix small = Matrix.of(new double[][] {{1, 2}, {3, 4}});
        assertThat(small.times(Vector.of(5, 6))).isEqualTo(Vector.of(17, 39));
    }

    @Test
    void dimensionMismatchNamesBothShapes() {
        // The message quoted in §0.6 and §1.5, from exactly this call.
        assertThatThrownBy(() -> Matrix.random(3, 4, 1).times(Matrix.random(5, 2, 2)))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessage("A·B: A is 3×4 but B is 5×2 (inner dimensions 4 ≠ 5)");
        assertThatThrownBy(() -> Matrix.zeros(2, 3).plus(Matrix.zeros(3, 2)))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessage("A + B: A is 2×3 but B is 3×2");
        assertThatThrownBy(() -> Matrix.zeros(2, 3).times(Vector.zeros(2)))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessage("A·x: A is 2×3 but x has length 2");
        assertThatThrownBy(() -> Matrix.zeros(2, 3).power(2))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessage("power needs a square matrix but A is 2×3");
        assertThatThrownBy(() -> Matrix.zeros(2, 3).trace())
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessage("trace needs a square matrix but A is 2×3");
    }

    @Test
    void powerAgreesWithRepeatedMultiplicationAndTheInverse() {
        for (int n : new int[] {1, 2, 5, 8, 13}) {
            Matrix a = Matrix.random(n, n, 30 + n);
            assertThat(a.power(0)).isEqualTo(Matrix.identity(n));
            assertThat(a.power(1).maxAbsDifference(a)).isZero();
            Matrix repeated = Matrix.identity(n);
            Matrix absPower = Matrix.identity(n);
            for (int p = 1; p <= 12; p++) {
                repeated = repeated.times(a);
                absPower = absPower.times(abs(a));
                // Both are products of p copies of A: each within γ_{pn}|A|^p of the exact power.
                assertThat(a.power(p).maxAbsDifference(repeated))
                        .as("A^%d, n = %d", p, n)
                        .isLessThanOrEqualTo(2 * gamma(p * n) * max(absPower));
            }
            // A^(−p) A^p = I, for a well-conditioned A (diagonally dominant): to within c·p·n·κ₁(A)^p·ε.
            Matrix wellConditioned = a.plus(Matrix.identity(n).times(n));
            double kappa = wellConditioned.norm1() * wellConditioned.inverse().norm1();
            for (int p = 1; p <= 4; p++) {
                Matrix product = wellConditioned.power(-p).times(wellConditioned.power(p));
                assertThat(product.maxAbsDifference(Matrix.identity(n)))
                        .as("A^-%d A^%d, n = %d", p, p, n)
                        .isLessThanOrEqualTo(10 * p * n * Math.pow(kappa, p) * EPS);
            }
        }
        assertThatThrownBy(() -> Matrix.of(new double[][] {{1, 2}, {2, 4}}).power(-1))
                .isInstanceOf(SingularMatrixException.class);
    }

    @Test
    void traceIsTheSumOfTheEigenvalues() {
        // §1.8: tr A = Σλ_i. Each computed eigenvalue set is exact for some A + E with ‖E‖ ≤ c·n·u·‖A‖
        // (backward stability), and |tr E| ≤ n‖E‖₂, so the sums agree to c·n²·u·‖A‖_F; c = 10.
        for (int n : new int[] {1, 2, 3, 6, 11, 20, 33}) {
            Matrix a = Matrix.random(n, n, 40 + n);
            double tolerance = 10 * n * n * U * a.normFrobenius();
            Eigen eigen = a.eigen();
            double realSum = 0;
            double imaginarySum = 0;
            for (int i = 0; i < n; i++) {
                realSum += eigen.realParts().get(i);
                imaginarySum += eigen.imaginaryParts().get(i);
            }
            assertThat(realSum).as("n = %d", n).isCloseTo(a.trace(), within(tolerance));
            assertThat(imaginarySum).as("conjugate pairs cancel, n = %d", n).isCloseTo(0.0, within(tolerance));

            Matrix s = a.plus(a.transpose());
            double symmetricSum = 0;
            for (int i = 0; i < n; i++) {
                symmetricSum += s.symmetricEigen().values().get(i);
            }
            assertThat(symmetricSum).isCloseTo(s.trace(), within(10 * n * n * U * s.normFrobenius()));
        }
        // The book's example: [[2, 1], [1, 2]] has eigenvalues 1 and 3, trace 4.
        assertThat(Matrix.of(new double[][] {{2, 1}, {1, 2}}).trace()).isEqualTo(4.0);
    }

    @Test
    void traceOfABEqualsTraceOfBA() {
        SplittableRandom rng = new SplittableRandom(50);
        for (int t = 0; t < 40; t++) {
            int m = rng.nextInt(1, 30);
            int n = rng.nextInt(1, 30);
            Matrix a = Matrix.random(m, n, 500 + t);
            Matrix b = Matrix.random(n, m, 600 + t);
            // Both are Σ_ij a_ij b_ji; each diagonal entry is within γ_k of its sum of |a_ij b_ji|, and the
            // trace adds one more rounding.
            double absSum = abs(a).times(abs(b)).trace();
            assertThat(a.times(b).trace())
                    .isCloseTo(b.times(a).trace(), within(2 * gamma(Math.max(m, n) + 1) * absSum));
        }
    }

    @Test
    void determinantOfAProductIsTheProductOfTheDeterminants() {
        for (int n : new int[] {1, 2, 3, 5, 8, 13, 21}) {
            Matrix a = Matrix.random(n, n, 60 + n);
            Matrix b = Matrix.random(n, n, 70 + n);
            Matrix ab = a.times(b);
            // The relative error of an LU determinant is about n·κ(A)·ε (a backward error of n·ε·‖A‖ in
            // A moves det A by a relative ‖A⁻¹‖‖ΔA‖·n); the product adds its own rounding through κ(AB).
            double kappa = a.norm1() * a.inverse().norm1()
                    + b.norm1() * b.inverse().norm1()
                    + ab.norm1() * ab.inverse().norm1();
            double expected = a.determinant() * b.determinant();
            assertThat(ab.determinant())
                    .as("n = %d", n)
                    .isCloseTo(expected, within(10 * n * kappa * EPS * Math.abs(expected)));
        }
    }

    @Test
    void normsMatchTheirDefinitionsAndKnownValues() {
        // [[1, −2], [3, 4]]: column sums 4 and 6, row sums 3 and 7, Σa² = 30, and AᵀA = [[10, 10], [10, 20]]
        // has eigenvalues 15 ± 5√5, so ‖A‖₂ = √(15 + 5√5).
        Matrix a = Matrix.of(new double[][] {{1, -2}, {3, 4}});
        assertThat(a.norm1()).isEqualTo(6.0);
        assertThat(a.normInf()).isEqualTo(7.0);
        assertThat(a.normFrobenius()).isCloseTo(Math.sqrt(30), within(2 * Math.ulp(Math.sqrt(30))));
        assertThat(a.norm2()).isCloseTo(Math.sqrt(15 + 5 * Math.sqrt(5)), within(8 * EPS * 5));
        assertThat(Matrix.zeros(0, 3).normFrobenius()).isZero();

        SplittableRandom rng = new SplittableRandom(80);
        for (int t = 0; t < 40; t++) {
            int m = rng.nextInt(1, 25);
            int n = rng.nextInt(1, 25);
            Matrix b = Matrix.random(m, n, 800 + t).times(Math.scalb(1.0, rng.nextInt(-30, 31)));
            double maxColumn = 0;
            double maxRow = 0;
            double sumSquares = 0;
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int i = 0; i < m; i++) {
                    s += Math.abs(b.get(i, j));
                    sumSquares += b.get(i, j) * b.get(i, j);
                }
                maxColumn = Math.max(maxColumn, s);
            }
            for (int i = 0; i < m; i++) {
                double s = 0;
                for (int j = 0; j < n; j++) {
                    s += Math.abs(b.get(i, j));
                }
                maxRow = Math.max(maxRow, s);
            }
            double sumTolerance = 2 * gamma(Math.max(m, n));
            assertThat(b.norm1()).isCloseTo(maxColumn, within(sumTolerance * maxColumn));
            assertThat(b.normInf()).isCloseTo(maxRow, within(sumTolerance * maxRow));
            assertThat(b.normFrobenius())
                    .isCloseTo(Math.sqrt(sumSquares), within(2 * gamma(m * n + 2) * Math.sqrt(sumSquares)));

            // Induced norms (§1.2): ‖Bx‖ ≤ ‖B‖‖x‖ for any x, with equality at the vector the proof names:
            // x = sign(row k) for ∞ (k the largest row), x = e_j for 1 (j the largest column), x = v₁ for 2.
            Vector x = Vector.random(n, 900 + t);
            double slack = 1 + 4 * gamma(Math.max(m, n) + 2);
            assertThat(b.times(x).normInf()).isLessThanOrEqualTo(b.normInf() * x.normInf() * slack);
            assertThat(b.times(x).norm1()).isLessThanOrEqualTo(b.norm1() * x.norm1() * slack);
            assertThat(b.times(x).norm2()).isLessThanOrEqualTo(b.norm2() * x.norm2() * slack);
            int k = 0;
            int jMax = 0;
            for (int i = 0; i < m; i++) {
                k = b.row(i).norm1() > b.row(k).norm1() ? i : k;
            }
            for (int j = 0; j < n; j++) {
                jMax = b.column(j).norm1() > b.column(jMax).norm1() ? j : jMax;
            }
            double[] signs = new double[n];
            for (int j = 0; j < n; j++) {
                signs[j] = b.get(k, j) >= 0 ? 1 : -1;
            }
            assertThat(b.times(Vector.of(signs)).normInf()).isCloseTo(b.normInf(), within(b.normInf() * (slack - 1)));
            assertThat(b.times(Vector.unit(n, jMax)).norm1()).isCloseTo(b.norm1(), within(b.norm1() * (slack - 1)));
            Vector v1 = b.svd().v().column(0);
            assertThat(b.times(v1).norm2()).isCloseTo(b.norm2(), within(10 * Math.max(m, n) * EPS * b.norm2()));
        }
    }

    @Test
    void normInequalitiesHold() {
        SplittableRandom rng = new SplittableRandom(90);
        for (int t = 0; t < 60; t++) {
            int m = rng.nextInt(1, 30);
            int n = rng.nextInt(1, 30);
            // Full rank and low rank: the √r bound is tight only when the singular values are equal.
            int r = Math.min(Math.min(m, n), 1 + t % 5);
            Matrix a = t % 2 == 0 ? Matrix.random(m, n, 1100 + t) : SolverFixtures.ofRank(m, n, r, 1100 + t);
            int rank = a.rank();
            double two = a.norm2();
            double frobenius = a.normFrobenius();
            // Every side is within a relative c·max(m, n)·ε of its exact value (SVD, sums); c = 10.
            double slack = 1 + 10 * Math.max(m, n) * EPS;
            // ‖A‖₂ ≤ ‖A‖_F ≤ √r‖A‖₂, since ‖A‖_F² = Σσ_i² over r non-zero singular values.
            assertThat(two).isLessThanOrEqualTo(frobenius * slack);
            assertThat(frobenius).isLessThanOrEqualTo(Math.sqrt(rank) * two * slack);
            // ‖A‖₂² ≤ ‖A‖₁‖A‖∞ (Higham, Accuracy and Stability, Table 6.2 and §6.3).
            assertThat(two * two).isLessThanOrEqualTo(a.norm1() * a.normInf() * slack);
            // Submultiplicativity, ‖AB‖ ≤ ‖A‖‖B‖, for the three induced norms and Frobenius.
            Matrix b = Matrix.random(n, rng.nextInt(1, 20), 1200 + t);
            Matrix ab = a.times(b);
            double productSlack = 1 + 4 * gamma(n + 2);
            assertThat(ab.norm1()).isLessThanOrEqualTo(a.norm1() * b.norm1() * productSlack);
            assertThat(ab.normInf()).isLessThanOrEqualTo(a.normInf() * b.normInf() * productSlack);
            assertThat(ab.normFrobenius()).isLessThanOrEqualTo(a.normFrobenius() * b.normFrobenius() * productSlack);
            assertThat(ab.norm2()).isLessThanOrEqualTo(a.norm2() * b.norm2() * productSlack * slack);
        }
    }

    @Test
    void hasIndependentColumnsTellsIndependentFromDependentColumns() {
        // §1.3's example: (1, 0, 1), (0, 1, 1) are independent; adding their sum (1, 1, 2) is not.
        Vector v1 = Vector.of(1, 0, 1);
        Vector v2 = Vector.of(0, 1, 1);
        assertThat(Matrix.ofColumns(v1, v2).hasIndependentColumns()).isTrue();
        assertThat(Matrix.ofColumns(v1, v2, v1.plus(v2)).hasIndependentColumns())
                .isFalse();
        // §1.4's example has rank 2.
        assertThat(Matrix.of(new double[][] {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}}).hasIndependentColumns())
                .isFalse();
        for (long seed = 0; seed < 20; seed++) {
            int n = 1 + (int) seed % 6;
            int m = n + (int) seed % 4;
            assertThat(Matrix.random(m, n, seed).hasIndependentColumns()).isTrue();
            // More columns than rows are always dependent; so is a product through a thinner middle.
            assertThat(Matrix.random(m, m + 1, seed).hasIndependentColumns()).isFalse();
            if (n >= 2) {
                assertThat(SolverFixtures.ofRank(m, n, n - 1, seed).hasIndependentColumns())
                        .isFalse();
            }
        }
    }

    @Test
    void constructionAndBlocksRoundTrip() {
        Matrix a = Matrix.random(7, 5, 3);
        assertThat(Matrix.of(a.toArray())).isEqualTo(a).hasSameHashCodeAs(a);
        assertThat(Matrix.ofRowMajor(7, 5, a.toRowMajorArray())).isEqualTo(a);
        Vector[] columns = new Vector[5];
        for (int j = 0; j < 5; j++) {
            columns[j] = a.column(j);
        }
        assertThat(Matrix.ofColumns(columns)).isEqualTo(a);
        // Four blocks written into a zero matrix give A back.
        Matrix rebuilt = Matrix.zeros(7, 5)
                .withBlock(0, 0, a.block(0, 3, 0, 2))
                .withBlock(0, 2, a.block(0, 3, 2, 5))
                .withBlock(3, 0, a.block(3, 7, 0, 2))
                .withBlock(3, 2, a.block(3, 7, 2, 5));
        assertThat(rebuilt).isEqualTo(a);
        assertThat(a.block(2, 2, 0, 5).rows()).isZero();
        assertThat(a.block(1, 2, 0, 5).row(0)).isEqualTo(a.row(1));
        assertThat(a.diagonal()).isEqualTo(Vector.of(a.get(0, 0), a.get(1, 1), a.get(2, 2), a.get(3, 3), a.get(4, 4)));

        // Copies, not views: changing what went in or came out leaves the matrix alone.
        double[][] rows = a.toArray();
        Matrix b = Matrix.of(rows);
        rows[0][0] = 99;
        a.toArray()[1][1] = 99;
        assertThat(b).isEqualTo(a);
        assertThat(a.withBlock(0, 0, Matrix.zeros(1, 1))).isNotEqualTo(a);
        assertThat(a.get(0, 0)).isNotZero();

        assertThatThrownBy(() -> a.block(0, 8, 0, 5))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("block rows [0, 8) and columns [0, 5) of a 7×5 matrix");
        assertThatThrownBy(() -> a.withBlock(6, 4, Matrix.zeros(2, 2)))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("a 2×2 block at (6, 4) does not fit in a 7×5 matrix");
        assertThatThrownBy(() -> Matrix.ofColumns(Vector.zeros(3), Vector.zeros(2)))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessage("column 0 has length 3 but column 1 has length 2");
        assertThat(Matrix.random(4, 4, 9)).isEqualTo(Matrix.random(4, 4, 9)).isNotEqualTo(Matrix.random(4, 4, 10));
        assertThat(Matrix.zeros(2, 3)).isNotEqualTo(Matrix.zeros(3, 2));
    }

    @Test
    void raggedRowsAreRejectedNamingTheRow() {
        assertThatThrownBy(() -> Matrix.of(new double[][] {{1, 2}, {3, 4}, {5}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ragged rows: row 0 has 2 entries but row 2 has 1");
        assertThatThrownBy(() -> Matrix.of(new double[][] {{1}, {2, 3}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ragged rows: row 0 has 1 entries but row 1 has 2");
        assertThatThrownBy(() -> Matrix.ofRowMajor(2, 3, 1, 2, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a 2×3 matrix needs 6 entries but 3 were given");
    }

    @Test
    void arithmeticCarriesNaNAndInfinity() {
        // §0.1: a Matrix may hold NaN or ∞, and plus and times carry them through as IEEE 754 says.
        double inf = Double.POSITIVE_INFINITY;
        Matrix a = Matrix.of(new double[][] {{1, Double.NaN}, {inf, 2}});
        Matrix sum = a.plus(Matrix.identity(2));
        assertThat(sum.get(0, 0)).isEqualTo(2.0);
        assertThat(sum.get(0, 1)).isNaN();
        assertThat(sum.get(1, 0)).isInfinite();
        Matrix product = a.times(Matrix.diagonal(1, 0));
        assertThat(product.get(1, 0)).isEqualTo(inf);
        assertThat(product.get(0, 1)).isNaN(); // NaN·0 is NaN
        assertThat(a.normInf()).isNaN();
        assertThat(a.norm1()).isNaN();
        assertThat(a.normFrobenius()).isNaN();
        assertThat(Matrix.diagonal(inf, 1).normFrobenius()).isInfinite();
        assertThat(Matrix.diagonal(inf, 1).norm1()).isInfinite();
        assertThat(Matrix.diagonal(-inf, 1).normInf()).isInfinite();
    }
}
