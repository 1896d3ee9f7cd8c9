package dev.lemma.ml.preprocessing;

import dev.lemma.data.Dataset;
import dev.lemma.linalg.Matrix;
import dev.lemma.ml.Inputs;
import dev.lemma.ml.Learner;
import dev.lemma.ml.ModelState;
import dev.lemma.ml.Transformer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/// Polynomial features, scikit-learn's `PolynomialFeatures`: all monomials $x_1^{a_1}\cdots x_d^{a_d}$ of
/// total degree $0 < \sum a_j \le p$ (and the constant 1 when `includeBias`), in scikit-learn's order:
/// by degree, then lexicographically by the indices of the factors ($x_1, x_2, x_1^2, x_1x_2, x_2^2$ for
/// $d = 2$, $p = 2$). There are $\binom{d + p}{p}$ of them with the constant. A linear model on these
/// features fits a polynomial: linear in the parameters, curved in $x$.
///
/// @param degree $p \ge 1$
/// @param includeBias whether to add the constant column
public record PolynomialFeatures(int degree, boolean includeBias) implements Learner<PolynomialFeatures.Fitted> {

    /// Checks the degree.
    ///
    /// @throws IllegalArgumentException if the degree is below 1
    public PolynomialFeatures {
        if (degree < 1) {
            throw new IllegalArgumentException("PolynomialFeatures: degree must be ≥ 1, got " + degree);
        }
    }

    /// Degree 2 with the constant, scikit-learn's defaults.
    public PolynomialFeatures() {
        this(2, true);
    }

    @Override
    public Fitted fit(Dataset data) {
        Inputs.training("polynomial-features", data, null);
        List<int[]> terms = new ArrayList<>();
        if (includeBias) {
            terms.add(new int[0]);
        }
        List<int[]> previous = List.of(new int[0]);
        for (int p = 1; p <= degree; p++) {
            List<int[]> current = new ArrayList<>();
            for (int[] t : previous) {
                int from = t.length == 0 ? 0 : t[t.length - 1];
                for (int j = from; j < data.dimension(); j++) {
                    int[] next = java.util.Arrays.copyOf(t, t.length + 1);
                    next[t.length] = j;
                    current.add(next);
                }
            }
            terms.addAll(current);
            previous = current;
        }
        return new Fitted(degree, includeBias, data.dimension(), terms);
    }

    /// A fitted expansion: the list of monomials, each as the indices of its factors.
    ///
    /// @param degree $p$
    /// @param includeBias whether the constant is included
    /// @param inputFeatures $d$
    /// @param terms the monomials, each a non-decreasing list of feature indices (empty for 1)
    public record Fitted(int degree, boolean includeBias, int inputFeatures, List<int[]> terms) implements Transformer {

        /// Copies the terms.
        public Fitted {
            terms = terms.stream().map(int[]::clone).toList();
        }

        @Override
        public int features() {
            return inputFeatures;
        }

        @Override
        public Matrix transform(Matrix x) {
            Inputs.prediction("polynomial-features", x, inputFeatures);
            double[][] out = new double[x.rows()][terms.size()];
            for (int i = 0; i < x.rows(); i++) {
                for (int t = 0; t < terms.size(); t++) {
                    double v = 1;
                    for (int j : terms.get(t)) {
                        v *= x.get(i, j);
                    }
                    out[i][t] = v;
                }
            }
            return Matrix.of(out);
        }

        /// The names of the monomials, e.g. `x0^2 x1`, from the input names.
        ///
        /// @param inputNames the input names
        /// @return one name per output column (`1` for the constant)
        public List<String> featureNames(List<String> inputNames) {
            List<String> names = new ArrayList<>();
            for (int[] t : terms) {
                if (t.length == 0) {
                    names.add("1");
                    continue;
                }
                StringBuilder s = new StringBuilder();
                int i = 0;
                while (i < t.length) {
                    int j = i;
                    while (j < t.length && t[j] == t[i]) {
                        j++;
                    }
                    s.append(s.isEmpty() ? "" : " ")
                            .append(inputNames.get(t[i]))
                            .append(j - i > 1 ? "^" + (j - i) : "");
                    i = j;
                }
                names.add(s.toString());
            }
            return names;
        }

        @Override
        public ModelState state() {
            Map<String, Object> learned = new LinkedHashMap<>();
            learned.put("n_features_in_", inputFeatures);
            learned.put("n_output_features_", terms.size());
            return new ModelState(
                    "polynomial-features", Map.of("degree", degree, "include_bias", includeBias), learned);
        }
    }
}
