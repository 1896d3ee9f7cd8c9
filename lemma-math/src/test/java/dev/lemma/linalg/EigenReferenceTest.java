package dev.lemma.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/// Singular values, eigenvalues, condition numbers and ranks against NumPy 1.24.2 / SciPy 1.10.1
/// (LAPACK through OpenBLAS 0.3.21), from `reference/scipy-sklearn/linear_algebra.json`, written by
/// `generate.py` in the shared reference folder (see the README beside the JSON).
class EigenReferenceTest {
    /// The reference README's tolerance for well-conditioned linear algebra: relative $10^{-12}$.
    private static final double RELATIVE = 1e-12;

    /// Values that are rounding noise (exactly 0 in exact arithmetic) are compared with an absolute
    /// tolerance of $10^{-12}\,\sigma_{\max}$, as the README suggests.
    private static final double NOISE = 1e-12;

    /// Hilbert matrix: errors scale with $\kappa_2 \varepsilon \approx 1.5 \times 10^{10} \cdot 2.2
    /// \times 10^{-16} \approx 3.4 \times 10^{-6}$ relative for the smallest singular value; LAPACK
    /// itself is 1.2e-8 off the mpmath value there. Each $\sigma_i$ is within $c\, n\, u\, \sigma_0$ of
    /// the truth (Weyl), so the check is absolute: $10^{-14} \approx 11 n u \sigma_0$.
    private static final double HILBERT_ABSOLUTE = 1e-14;

    private static final Map<String, Object> REFERENCE = load();

    @SuppressWarnings("unchecked")
    private static Map<String, Object> load() {
        try (InputStream in =
                EigenReferenceTest.class.getResourceAsStream("/reference/scipy-sklearn/linear_algebra.json")) {
            if (in == null) {
                throw new IllegalStateException("linear_algebra.json is missing from the test resources");
            }
            return Json.object(Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Stream<Map<String, Object>> squareMatrices() {
        return ((List<Object>) REFERENCE.get("square")).stream().map(o -> (Map<String, Object>) o);
    }

    @SuppressWarnings("unchecked")
    private static Matrix matrix(Object rows) {
        List<Object> list = (List<Object>) rows;
        double[][] a = new double[list.size()][];
        for (int i = 0; i < a.length; i++) {
            a[i] = numbers(list.get(i));
        }
        return Matrix.of(a);
    }

    @SuppressWarnings("unchecked")
    private static double[] numbers(Object values) {
        List<Object> list = (List<Object>) values;
        double[] x = new double[list.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = number(list.get(i));
        }
        return x;
    }

    private static double number(Object value) {
        return Json.number(value);
    }

    private static boolean isRankDeficient(Map<String, Object> entry) {
        return entry.containsKey("pinv");
    }

    @ParameterizedTest
    @MethodSource("squareMatrices")
    void singularValuesRankAndCondition(Map<String, Object> entry) {
        Matrix a = matrix(entry.get("matrix"));
        Svd svd = a.svd();
        double[] expected = numbers(entry.get("singular_values"));
        double[] actual = svd.singularValues().toArray();
        int rank = (int) number(entry.get("rank"));
        for (int i = 0; i < expected.length; i++) {
            double tol = i < rank ? RELATIVE * expected[i] : NOISE * expected[0];
            assertThat(actual[i]).as("%s σ_%d", entry.get("name"), i).isCloseTo(expected[i], offset(tol));
        }
        assertThat(svd.rank()).as("%s rank", entry.get("name")).isEqualTo(rank);
        assertThat(Svd.valuesOf(a).minus(svd.singularValues()).normInf()).isLessThanOrEqualTo(NOISE * expected[0]);
        if (!isRankDeficient(entry)) {
            double cond = number(entry.get("cond_2"));
            assertThat(svd.conditionNumber()).isCloseTo(cond, offset(RELATIVE * cond * 10));
        } else {
            // Exact cond₂ is infinite; both LAPACK's and ours are σ₀ over rounding noise: ≥ 1/(n ε).
            assertThat(svd.conditionNumber()).isGreaterThan(1e14);
        }
    }

    @ParameterizedTest
    @MethodSource("squareMatrices")
    void eigenvalues(Map<String, Object> entry) {
        Matrix a = matrix(entry.get("matrix"));
        double scale = a.svd().norm2();
        if (entry.containsKey("eigenvalues_ascending")) {
            double[] expected = numbers(entry.get("eigenvalues_ascending"));
            double[] actual = a.symmetricEigen().values().toArray();
            double[] alone = SymmetricEigen.valuesOf(a).toArray();
            for (int i = 0; i < expected.length; i++) {
                assertThat(actual[i])
                        .as("%s λ_%d", entry.get("name"), i)
                        .isCloseTo(expected[i], offset(RELATIVE * scale));
                assertThat(alone[i]).isCloseTo(expected[i], offset(RELATIVE * scale));
            }
        }
        // Every matrix also through the general solver: eigvals, sorted by real then imaginary part.
        List<double[]> expected = pairs(
                entry.containsKey("eigenvalues_sorted")
                        ? entry.get("eigenvalues_sorted")
                        : entry.get("eigenvalues_ascending"));
        Eigen eig = a.eigen();
        for (int i = 0; i < expected.size(); i++) {
            // Noise eigenvalues of the singular matrix (exactly 0) are only good to NOISE·σ₀.
            double tol = isRankDeficient(entry) ? NOISE * scale : RELATIVE * scale;
            assertThat(eig.realParts().get(i))
                    .as("%s Re λ_%d", entry.get("name"), i)
                    .isCloseTo(expected.get(i)[0], offset(tol));
            assertThat(eig.imaginaryParts().get(i))
                    .as("%s Im λ_%d", entry.get("name"), i)
                    .isCloseTo(expected.get(i)[1], offset(tol));
        }
    }

    @SuppressWarnings("unchecked")
    private static List<double[]> pairs(Object values) {
        List<double[]> out = new ArrayList<>();
        for (Object v : (List<Object>) values) {
            out.add(v instanceof List<?> ? numbers(v) : new double[] {number(v), 0.0});
        }
        return out;
    }

    @Test
    @SuppressWarnings("unchecked")
    void hilbertMatrixAgainstMpmath() {
        Map<String, Object> hilbert = (Map<String, Object>) REFERENCE.get("hilbert");
        Matrix h = matrix(hilbert.get("matrix"));
        double[] exact = numbers(hilbert.get("singular_values_mpmath"));
        double[] actual = h.svd().singularValues().toArray();
        double[] symmetric = h.symmetricEigen().values().toArray(); // H is positive definite: λ = σ
        int n = exact.length;
        for (int i = 0; i < n; i++) {
            assertThat(actual[i]).as("σ_%d", i).isCloseTo(exact[i], offset(HILBERT_ABSOLUTE));
            assertThat(symmetric[n - 1 - i]).as("λ_%d", n - 1 - i).isCloseTo(exact[i], offset(HILBERT_ABSOLUTE));
        }
        double cond = number(hilbert.get("cond_2_mpmath"));
        // κ = σ₀/σ₇ with σ₇ ≈ 1.1e-10 known to 1e-14 absolute: relative error ≤ 1e-4 (LAPACK's is 1.2e-8).
        assertThat(h.svd().conditionNumber()).isCloseTo(cond, offset(1e-4 * cond));
        assertThat(h.svd().rank()).isEqualTo((int) number(hilbert.get("rank")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void rectangularSingularValuesAndRanks() {
        for (String key : List.of("least_squares", "pinv_rectangular")) {
            Map<String, Object> block = (Map<String, Object>) REFERENCE.get(key);
            Matrix a = matrix(block.get("A"));
            double[] expected = numbers(block.get("singular_values"));
            double[] actual = a.svd().singularValues().toArray();
            for (int i = 0; i < expected.length; i++) {
                assertThat(actual[i]).as("%s σ_%d", key, i).isCloseTo(expected[i], offset(RELATIVE * expected[0]));
            }
            assertThat(a.svd().rank()).isEqualTo((int) number(block.get("rank")));
            if (block.containsKey("pinv")) {
                assertThat(a.svd().pseudoInverse().maxAbsDifference(matrix(block.get("pinv"))))
                        .isLessThanOrEqualTo(RELATIVE * 100);
            }
        }
    }
}
