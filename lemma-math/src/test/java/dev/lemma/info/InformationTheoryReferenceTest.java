package dev.lemma.info;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lemma.linalg.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/// [Entropy], [Divergence] and [MutualInformation] against every value of
/// `reference/scipy-sklearn/information_theory.json`: SciPy 1.10.1 (`scipy.stats.entropy`,
/// `scipy.special.xlogy`, `scipy.spatial.distance.jensenshannon`) and scikit-learn 1.2.1
/// (`mutual_info_score`), written by `generate.py` in the shared reference folder (see the README beside
/// the JSON for versions and licence).
class InformationTheoryReferenceTest {
    /// The accuracy asked of every reference value: relative $10^{-12}$, the README's suggestion. The
    /// worst seen is printed after the class.
    static final double RELATIVE = 1e-12;

    private static final Map<String, Object> ROOT = load();

    private static final Map<String, String> WORST = new ConcurrentSkipListMap<>();
    private static final Map<String, Double> WORST_VALUE = new ConcurrentHashMap<>();

    @AfterAll
    static void report() {
        WORST.forEach((name, where) -> System.out.println("worst relative error of " + name + ": " + where));
    }

    private static Map<String, Object> load() {
        return Json.resource("/reference/scipy-sklearn/information_theory.json");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        return (List<Object>) o;
    }

    /// A JSON number, or one of the strings `"Infinity"`, `"-Infinity"`, `"NaN"` the generator writes
    /// for non-finite values.
    private static double number(Object o) {
        return switch (o) {
            case Number x -> x.doubleValue();
            case String text -> Double.parseDouble(text);
            default -> throw new IllegalArgumentException("not a number: " + o);
        };
    }

    private static double[] numbers(Object o) {
        List<Object> values = list(o);
        double[] out = new double[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = number(values.get(i));
        }
        return out;
    }

    /// Relative error; 0 for exact agreement (including $+\infty$ with $+\infty$); infinite if only one
    /// side is finite; the absolute error where the reference is 0.
    static double relativeError(double actual, double expected) {
        if (actual == expected) {
            return 0.0;
        }
        if (!Double.isFinite(expected) || !Double.isFinite(actual)) {
            return Double.POSITIVE_INFINITY;
        }
        if (expected == 0.0) {
            return Math.abs(actual);
        }
        return Math.abs(actual - expected) / Math.abs(expected);
    }

    private static void check(String name, String where, double actual, double expected) {
        double error = relativeError(actual, expected);
        WORST_VALUE.merge(name, error, Math::max);
        if (WORST_VALUE.get(name) == error && (error > 0.0 || !WORST.containsKey(name))) {
            WORST.put(name, String.format("%.3g at %s", error, where));
        }
        assertThat(error)
                .as(
                        "%s at %s = %s, reference %s: relative error %.3g exceeds %.0e",
                        name, where, actual, expected, error, RELATIVE)
                .isLessThanOrEqualTo(RELATIVE);
    }

    @TestFactory
    Stream<DynamicTest> entropyInNatsAndBits() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Object c : list(object(ROOT.get("entropy")).get("cases"))) {
            Map<String, Object> ref = object(c);
            double[] p = numbers(ref.get("p"));
            String where = "p = " + ref.get("p");
            tests.add(DynamicTest.dynamicTest("entropy " + where, () -> {
                check("entropy (nats)", where, Entropy.entropy(p), number(ref.get("entropy_nats")));
                check("entropy (bits)", where, Entropy.entropyBits(p), number(ref.get("entropy_bits")));
            }));
        }
        return tests.stream();
    }

    private record Quantity(String key, String name, ToDoubleFunction<double[][]> f) {}

    /// Each field of a `divergences` case and the method that computes it, applied to `{p, q}`.
    private static final List<Quantity> DIVERGENCES = List.of(
            new Quantity("kl_pq_nats", "KL(p‖q) (nats)", pq -> Divergence.kullbackLeibler(pq[0], pq[1])),
            new Quantity("kl_qp_nats", "KL(q‖p) (nats)", pq -> Divergence.kullbackLeibler(pq[1], pq[0])),
            new Quantity("kl_pq_bits", "KL(p‖q) (bits)", pq -> Divergence.kullbackLeiblerBits(pq[0], pq[1])),
            new Quantity("cross_entropy_pq_nats", "H(p, q) (nats)", pq -> Entropy.crossEntropy(pq[0], pq[1])),
            new Quantity(
                    "js_distance_nats", "JS distance (nats)", pq -> Divergence.jensenShannonDistance(pq[0], pq[1])),
            new Quantity("js_divergence_nats", "JS divergence (nats)", pq -> Divergence.jensenShannon(pq[0], pq[1])),
            new Quantity(
                    "js_distance_bits", "JS distance (bits)", pq -> Divergence.jensenShannonDistanceBits(pq[0], pq[1])),
            new Quantity(
                    "js_divergence_bits", "JS divergence (bits)", pq -> Divergence.jensenShannonBits(pq[0], pq[1])));

    @TestFactory
    Stream<DynamicTest> divergencesAndCrossEntropy() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Object c : list(object(ROOT.get("divergences")).get("cases"))) {
            Map<String, Object> ref = object(c);
            double[][] pq = {numbers(ref.get("p")), numbers(ref.get("q"))};
            String where = "p = " + ref.get("p") + ", q = " + ref.get("q");
            tests.add(DynamicTest.dynamicTest(where, () -> {
                for (Quantity quantity : DIVERGENCES) {
                    check(quantity.name(), where, quantity.f().applyAsDouble(pq), number(ref.get(quantity.key())));
                }
            }));
        }
        return tests.stream();
    }

    /// The contingency table of `mutual_information.joint_counts` divided by its total (45), which is the
    /// joint distribution of the label pairs scikit-learn was given.
    @Test
    void mutualInformationOfTheContingencyTable() {
        Map<String, Object> ref = object(ROOT.get("mutual_information"));
        List<Object> counts = list(ref.get("joint_counts"));
        double total = 0.0;
        double[][] joint = new double[counts.size()][];
        for (int i = 0; i < joint.length; i++) {
            joint[i] = numbers(counts.get(i));
            for (double n : joint[i]) {
                total += n;
            }
        }
        for (double[] row : joint) {
            for (int j = 0; j < row.length; j++) {
                row[j] /= total;
            }
        }
        double mi = MutualInformation.discrete(joint);
        String where = "joint_counts / " + total;
        check("mutual information", where, mi, number(ref.get("mutual_info_score_nats")));
        check("mutual information (NumPy formula)", where, mi, number(ref.get("mutual_info_formula_nats")));
        double hTrue = Entropy.entropy(Probabilities.rowMarginal(joint));
        double hPred = Entropy.entropy(Probabilities.columnMarginal(joint));
        check("H(labels_true)", where, hTrue, number(ref.get("entropy_true_nats")));
        check("H(labels_pred)", where, hPred, number(ref.get("entropy_pred_nats")));
        // scikit-learn's normalised score with the arithmetic mean: I / ((H(X) + H(Y)) / 2)
        check(
                "normalized mutual information",
                where,
                mi / (0.5 * (hTrue + hPred)),
                number(ref.get("normalized_mutual_info_score")));
        // the label arrays scikit-learn saw count to the same table
        List<Object> labelsTrue = list(ref.get("labels_true"));
        List<Object> labelsPred = list(ref.get("labels_pred"));
        double[][] recount = new double[joint.length][joint[0].length];
        for (int k = 0; k < labelsTrue.size(); k++) {
            recount[((Number) labelsTrue.get(k)).intValue()][((Number) labelsPred.get(k)).intValue()] += 1.0 / total;
        }
        assertThat(MutualInformation.discrete(recount)).isCloseTo(mi, within(1e-15));
    }
}
