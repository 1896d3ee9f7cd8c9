package dev.lemma.linalg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lemma.numeric.Tolerances;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/// Determinants, inverses, ranks, condition numbers, least squares and pseudo-inverses against NumPy
/// 1.24.2 / SciPy 1.10.1 (LAPACK through OpenBLAS 0.3.21), and the 8×8 Hilbert matrix against its
/// exact inverse and determinant. Source: `src/test/resources/reference/scipy-sklearn/README.md`
/// (produced by `generate.py` of the shared reference set).
///
/// Tolerances follow the perturbation theory of each quantity: a backward-stable solver on a matrix
/// of condition number $\kappa$ gets an inverse, a determinant or a solution to relative accuracy
/// about $c\,n\,\kappa\,\varepsilon$; LAPACK's own answers carry the same error, so the comparison
/// allows twice that.
class SolverReferenceTest {
    /// The constant $c$ of the $c\,n\,\kappa\,\varepsilon$ bounds: generous by a factor ~10 over what
    /// either LU or QR shows in practice (Higham, *Accuracy and Stability*, §9.4 and §19.3).
    private static final double SAFETY = 10.0;

    private static final double EPS = Tolerances.MACHINE_EPSILON;

    private static Map<String, Object> reference;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in =
                SolverReferenceTest.class.getResourceAsStream("/reference/scipy-sklearn/linear_algebra.json")) {
            assertThat(in).as("linear_algebra.json resource").isNotNull();
            reference = Json.object(Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        }
    }

    static Stream<String> squareNames() {
        return Stream.of(
                "general_4x4",
                "spd_4x4",
                "symmetric_indefinite_3x3",
                "nonsymmetric_complex_eigen_4x4",
                "rank_deficient_4x4");
    }

    private static Map<String, Object> square(String name) {
        for (Object o : Json.list(reference.get("square"))) {
            Map<String, Object> entry = Json.object(o);
            if (name.equals(entry.get("name"))) {
                return entry;
            }
        }
        throw new AssertionError("no square matrix named " + name + " in linear_algebra.json");
    }

    private static Matrix matrix(Object json) {
        List<Object> rows = Json.list(json);
        double[][] a = new double[rows.size()][];
        for (int i = 0; i < a.length; i++) {
            a[i] = vector(rows.get(i));
        }
        return Matrix.of(a);
    }

    private static double[] vector(Object json) {
        List<Object> values = Json.list(json);
        double[] v = new double[values.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = Json.number(values.get(i));
        }
        return v;
    }

    private static double relativeDifference(Matrix actual, Matrix expected) {
        return actual.minus(expected).normFrobenius() / expected.normFrobenius();
    }

    private static boolean singular(Map<String, Object> entry) {
        return Json.number(entry.get("rank")) < matrix(entry.get("matrix")).rows();
    }

    @ParameterizedTest
    @MethodSource("squareNames")
    void determinantAndSlogdetMatchNumPy(String name) {
        Map<String, Object> entry = square(name);
        Matrix a = matrix(entry.get("matrix"));
        int n = a.rows();
        double kappa = Json.number(entry.get("cond_2"));
        double det = Json.number(entry.get("det"));
        Lu lu = a.lu();
        if (singular(entry)) {
            // NumPy's det is rounding noise here; both must be tiny against the scale σ_max^n.
            double scale = Math.pow(a.normFrobenius(), n);
            assertThat(Math.abs(a.determinant())).isLessThanOrEqualTo(SAFETY * n * EPS * scale);
            assertThat(lu.isSingular()).as("%s: LU flags it singular", name).isTrue();
            return;
        }
        double bound = SAFETY * n * kappa * EPS;
        assertThat(Math.abs(a.determinant() - det)).as("%s: det", name).isLessThanOrEqualTo(bound * Math.abs(det));
        double[] slogdet = vector(entry.get("slogdet"));
        assertThat(lu.determinantSign()).as("%s: sign of det", name).isEqualTo(slogdet[0]);
        // log|det| has absolute error ≈ the relative error of det.
        assertThat(Math.abs(lu.logAbsDeterminant() - slogdet[1]))
                .as("%s: log|det|", name)
                .isLessThanOrEqualTo(bound);
    }

    @ParameterizedTest
    @MethodSource("squareNames")
    void inverseOrPseudoInverseMatchesNumPy(String name) {
        Map<String, Object> entry = square(name);
        Matrix a = matrix(entry.get("matrix"));
        int n = a.rows();
        double kappa = Json.number(entry.get("cond_2"));
        if (singular(entry)) {
            Matrix pinv = matrix(entry.get("pinv"));
            // The pseudo-inverse of a rank-r matrix is as well conditioned as σ_1/σ_r, not κ_2.
            double[] sigma = vector(entry.get("singular_values"));
            int r = (int) Json.number(entry.get("rank"));
            // A⁺ column by column: column j is the minimum-norm least-squares solution of A x ≈ e_j.
            Vector[] columns = new Vector[n];
            for (int j = 0; j < n; j++) {
                columns[j] = a.leastSquares(Vector.unit(n, j));
            }
            assertThat(relativeDifference(Matrix.ofColumns(columns), pinv))
                    .as("%s: pinv from minimum-norm least squares", name)
                    .isLessThanOrEqualTo(SAFETY * n * (sigma[0] / sigma[r - 1]) * EPS);
            assertThat(catchSingular(a::inverse)).as("%s: inverse throws", name).isTrue();
            return;
        }
        Matrix inverse = matrix(entry.get("inverse"));
        assertThat(relativeDifference(a.inverse(), inverse))
                .as("%s: inverse", name)
                .isLessThanOrEqualTo(SAFETY * n * kappa * EPS);
    }

    private static boolean catchSingular(Runnable r) {
        try {
            r.run();
            return false;
        } catch (dev.lemma.numeric.SingularMatrixException e) {
            return true;
        }
    }

    @ParameterizedTest
    @MethodSource("squareNames")
    void rankAndConditionNumberMatchNumPy(String name) {
        Map<String, Object> entry = square(name);
        Matrix a = matrix(entry.get("matrix"));
        int rank = (int) Json.number(entry.get("rank"));
        assertThat(a.qrPivoted().rank()).as("%s: rank (pivoted QR)", name).isEqualTo(rank);
        double kappa = Json.number(entry.get("cond_2"));
        if (rank == a.rows()) {
            assertThat(a.rank()).as("%s: rank (SVD)", name).isEqualTo(rank);
            // σ_max and σ_min each carry a relative error of about n·κ·ε (σ_min's absolute error ≈ ε·σ_max).
            assertThat(Math.abs(a.conditionNumber() - kappa))
                    .as("%s: cond", name)
                    .isLessThanOrEqualTo(SAFETY * a.rows() * kappa * EPS * kappa);
        }
    }

    @Test
    void svdRankConditionAndPseudoInverseOfTheSingularMatrix() {
        Map<String, Object> entry = square("rank_deficient_4x4");
        Matrix a = matrix(entry.get("matrix"));
        assertThat(a.rank()).isEqualTo((int) Json.number(entry.get("rank")));
        // The exact κ is infinite; NumPy's 2.4e17 is noise. Any value beyond 1/(n·ε) says the same.
        assertThat(a.conditionNumber()).isGreaterThan(1.0 / (a.rows() * EPS));
        double[] sigma = vector(entry.get("singular_values"));
        assertThat(relativeDifference(a.pseudoInverse(), matrix(entry.get("pinv"))))
                .isLessThanOrEqualTo(SAFETY * a.rows() * (sigma[0] / sigma[1]) * EPS);
    }

    @Test
    void leastSquaresMatchesNumPyLstsq() {
        Map<String, Object> ls = Json.object(reference.get("least_squares"));
        Matrix a = matrix(ls.get("A"));
        Vector b = Vector.of(vector(ls.get("b")));
        Vector expected = Vector.of(vector(ls.get("x")));
        double[] sigma = vector(ls.get("singular_values"));
        double kappa = sigma[0] / sigma[sigma.length - 1];
        Vector x = a.leastSquares(b);
        assertThat(x.minus(expected).norm2() / expected.norm2()).isLessThanOrEqualTo(SAFETY * a.rows() * kappa * EPS);
        LinearFit fit = a.leastSquaresFit(b);
        double rss = Json.number(ls.get("residual_sum_of_squares"));
        assertThat(Math.abs(fit.residualSumOfSquares() - rss))
                .isLessThanOrEqualTo(SAFETY * a.rows() * kappa * EPS * rss);
        assertThat(a.qrPivoted().rank()).isEqualTo((int) Json.number(ls.get("rank")));
    }

    @Test
    void rankDeficientLeastSquaresGivesTheMinimumNormSolution() {
        Map<String, Object> ls = Json.object(reference.get("least_squares_rank_deficient"));
        Matrix a = matrix(ls.get("A"));
        Vector b = Vector.of(vector(ls.get("b")));
        Vector expected = Vector.of(vector(ls.get("x_min_norm")));
        Vector x = a.leastSquares(b);
        // σ_1/σ_2 ≈ 11.6 for this rank-2 matrix: the minimum-norm problem is well conditioned.
        assertThat(x.minus(expected).norm2() / expected.norm2()).isLessThanOrEqualTo(SAFETY * 4 * 12 * EPS);
        Vector residual = b.minus(a.times(x));
        double rss = Json.number(ls.get("residual_sum_of_squares"));
        assertThat(Math.abs(residual.dot(residual) - rss)).isLessThanOrEqualTo(SAFETY * 4 * 12 * EPS * rss);
    }

    @Test
    void pseudoInverseOfAWideMatrixMatchesSciPy() {
        Map<String, Object> entry = Json.object(reference.get("pinv_rectangular"));
        Matrix a = matrix(entry.get("A"));
        Matrix expected = matrix(entry.get("pinv"));
        double[] sigma = vector(entry.get("singular_values"));
        double kappa = sigma[0] / sigma[sigma.length - 1];
        assertThat(relativeDifference(a.pseudoInverse(), expected)).isLessThanOrEqualTo(SAFETY * 5 * kappa * EPS);
        assertThat(a.rank()).isEqualTo((int) Json.number(entry.get("rank")));
    }

    @Test
    void hilbertInverseAndDeterminantAgreeWithTheExactValues() {
        Map<String, Object> h = Json.object(reference.get("hilbert"));
        Matrix a = matrix(h.get("matrix"));
        int n = a.rows();
        Matrix exactInverse = matrix(h.get("inverse_exact"));
        double kappa = Json.number(h.get("cond_2_mpmath"));
        // The stored H is H rounded to double, itself a relative perturbation of ε/2 per entry: even an
        // exact inverse of it differs from inverse_exact by about κ·ε, so the bound is c·n·κ·ε.
        double bound = SAFETY * n * kappa * EPS;
        double lemma = relativeDifference(a.inverse(), exactInverse);
        double lapack = relativeDifference(matrix(h.get("inverse")), exactInverse);
        assertThat(lemma).as("relative error of inv(H8)").isLessThanOrEqualTo(bound);
        assertThat(lapack).as("LAPACK's, for scale").isLessThanOrEqualTo(bound);
        double det = Json.number(h.get("det_exact"));
        assertThat(Math.abs(a.determinant() - det) / det).as("det(H8)").isLessThanOrEqualTo(bound);
        // H is symmetric positive definite: Cholesky gives the same inverse and log-determinant.
        Cholesky chol = a.cholesky();
        assertThat(relativeDifference(chol.inverse(), exactInverse)).isLessThanOrEqualTo(bound);
        assertThat(Math.abs(chol.logDeterminant() - Math.log(det))).isLessThanOrEqualTo(bound);
        assertThat(a.rank()).isEqualTo(n);
    }
}
