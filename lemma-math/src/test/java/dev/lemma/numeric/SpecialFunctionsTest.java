package dev.lemma.numeric;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/// [SpecialFunctions] against SciPy 1.10.1 at every point of `special_functions.json` (written by
/// `generate.py` in the shared reference folder, see the README beside the JSON), and identities on
/// seeded random points.
class SpecialFunctionsTest {
    /// The accuracy Lemma promises at the reference points: relative $10^{-13}$, about 450 ulp. The
    /// README beside the JSON suggests $10^{-12}$; SciPy itself is within $6 \times 10^{-15}$ of
    /// mpmath except at the `beta` points listed in `points_off_mpmath`.
    static final double RELATIVE = 1e-13;

    /// Worst relative error seen per function, printed after the class for the record.
    private static final Map<String, String> WORST = new java.util.concurrent.ConcurrentSkipListMap<>();

    private static final Map<String, Double> WORST_VALUE = new java.util.concurrent.ConcurrentHashMap<>();

    @AfterAll
    static void report() {
        WORST.forEach((name, where) -> System.out.println("worst relative error of " + name + ": " + where));
    }

    /// Relative error of `actual` against `expected`; exact agreement (including NaN with NaN and
    /// infinities of the same sign) is 0; a nonzero result where 0 is expected is its absolute value.
    static double relativeError(double actual, double expected) {
        if (Double.compare(actual, expected) == 0 || actual == expected) {
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

    private static void check(String name, String args, double actual, double expected, double tolerance) {
        double error = relativeError(actual, expected);
        WORST_VALUE.merge(name, error, Math::max);
        if (WORST_VALUE.get(name) == error) {
            WORST.put(name, String.format("%.3g at %s", error, args));
        }
        assertThat(error)
                .as(
                        "%s(%s) = %s, SciPy %s: relative error %.3g exceeds %.1g",
                        name, args, actual, expected, error, tolerance)
                .isLessThanOrEqualTo(tolerance);
    }

    private interface Function1 {
        double apply(double x);
    }

    private interface Function2 {
        double apply(double a, double b);
    }

    private static Stream<DynamicTest> oneArgument(String key, String argument, Function1 f) {
        Map<String, Object> block = SpecialFunctionsReference.block(key);
        double[] x = SpecialFunctionsReference.numbers(block.get(argument));
        double[] value = SpecialFunctionsReference.numbers(block.get("value"));
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            double xi = x[i];
            double expected = value[i];
            String args = argument + " = " + xi;
            tests.add(DynamicTest.dynamicTest(
                    key + "(" + args + ")", () -> check(key, args, f.apply(xi), expected, RELATIVE)));
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> gammaAtEveryReferencePoint() {
        return oneArgument("gamma", "x", SpecialFunctions::gamma);
    }

    @TestFactory
    Stream<DynamicTest> logGammaAtEveryReferencePoint() {
        return oneArgument("gammaln", "x", SpecialFunctions::logGamma);
    }

    @TestFactory
    Stream<DynamicTest> digammaAtEveryReferencePoint() {
        return oneArgument("digamma", "x", SpecialFunctions::digamma);
    }

    @TestFactory
    Stream<DynamicTest> erfAtEveryReferencePoint() {
        return oneArgument("erf", "x", SpecialFunctions::erf);
    }

    @TestFactory
    Stream<DynamicTest> erfcAtEveryReferencePoint() {
        return oneArgument("erfc", "x", SpecialFunctions::erfc);
    }

    @TestFactory
    Stream<DynamicTest> erfInvAtEveryReferencePoint() {
        return oneArgument("erfinv", "y", SpecialFunctions::erfInv);
    }

    private static Stream<DynamicTest> twoArguments(String key, Function2 f) {
        Map<String, Object> block = SpecialFunctionsReference.block(key);
        double[] a = SpecialFunctionsReference.numbers(block.get("a"));
        double[] x = SpecialFunctionsReference.numbers(block.get(block.containsKey("x") ? "x" : "b"));
        String second = block.containsKey("x") ? "x" : "b";
        double[] value = SpecialFunctionsReference.numbers(block.get("value"));
        Map<Integer, Double> mpmath = mpmathWhereSciPyIsOff(block);
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < a.length; i++) {
            double ai = a[i];
            double xi = x[i];
            double expected = mpmath.getOrDefault(i, value[i]);
            String args = "a = " + ai + ", " + second + " = " + xi + (mpmath.containsKey(i) ? " (mpmath)" : "");
            tests.add(DynamicTest.dynamicTest(
                    key + "(" + args + ")", () -> check(key, args, f.apply(ai, xi), expected, RELATIVE)));
        }
        return tests.stream();
    }

    /// Where the JSON lists SciPy more than $10^{-14}$ off a 60-digit mpmath value (only `beta`), the
    /// mpmath value is the reference, as the README beside the JSON advises.
    private static Map<Integer, Double> mpmathWhereSciPyIsOff(Map<String, Object> block) {
        Map<Integer, Double> out = new HashMap<>();
        Object off = block.get("points_off_mpmath");
        if (off != null) {
            for (Object o : SpecialFunctionsReference.list(off)) {
                Map<String, Object> point = SpecialFunctionsReference.object(o);
                out.put(
                        ((Number) point.get("index")).intValue(),
                        SpecialFunctionsReference.number(point.get("mpmath_value")));
            }
        }
        return out;
    }

    @TestFactory
    Stream<DynamicTest> regularizedGammaPAtEveryReferencePoint() {
        return twoArguments("gammainc", SpecialFunctions::regularizedGammaP);
    }

    @TestFactory
    Stream<DynamicTest> regularizedGammaQAtEveryReferencePoint() {
        return twoArguments("gammaincc", SpecialFunctions::regularizedGammaQ);
    }

    @TestFactory
    Stream<DynamicTest> betaAtEveryReferencePoint() {
        return twoArguments("beta", SpecialFunctions::beta);
    }

    @TestFactory
    Stream<DynamicTest> logBetaAtEveryReferencePoint() {
        // SciPy's betaln is not in the file: log|beta| of the reference (mpmath where SciPy is off), at
        // the points where that is finite and not near 0 (log's condition number 1/|log B|).
        Map<String, Object> block = SpecialFunctionsReference.block("beta");
        double[] a = SpecialFunctionsReference.numbers(block.get("a"));
        double[] b = SpecialFunctionsReference.numbers(block.get("b"));
        double[] value = SpecialFunctionsReference.numbers(block.get("value"));
        Map<Integer, Double> mpmath = mpmathWhereSciPyIsOff(block);
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < a.length; i++) {
            double ai = a[i];
            double bi = b[i];
            double expected = Math.log(Math.abs(mpmath.getOrDefault(i, value[i])));
            if (!Double.isFinite(expected) || Math.abs(expected) < 0.1) {
                continue;
            }
            String args = "a = " + ai + ", b = " + bi;
            tests.add(DynamicTest.dynamicTest(
                    "logBeta(" + args + ")",
                    () -> check("logBeta", args, SpecialFunctions.logBeta(ai, bi), expected, RELATIVE)));
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> regularizedBetaAtEveryReferencePoint() {
        Map<String, Object> block = SpecialFunctionsReference.block("betainc");
        double[] a = SpecialFunctionsReference.numbers(block.get("a"));
        double[] b = SpecialFunctionsReference.numbers(block.get("b"));
        double[] x = SpecialFunctionsReference.numbers(block.get("x"));
        double[] value = SpecialFunctionsReference.numbers(block.get("value"));
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < a.length; i++) {
            double ai = a[i];
            double bi = b[i];
            double xi = x[i];
            double expected = value[i];
            String args = "x = " + xi + ", a = " + ai + ", b = " + bi;
            tests.add(DynamicTest.dynamicTest(
                    "regularizedBeta(" + args + ")",
                    () -> check(
                            "regularizedBeta",
                            args,
                            SpecialFunctions.regularizedBeta(xi, ai, bi),
                            expected,
                            RELATIVE)));
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> logSumExpAtEveryReferencePoint() {
        Map<String, Object> block = SpecialFunctionsReference.block("logsumexp");
        List<Object> vectors = SpecialFunctionsReference.list(block.get("vectors"));
        double[] value = SpecialFunctionsReference.numbers(block.get("value"));
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < value.length; i++) {
            double[] v = SpecialFunctionsReference.numbers(vectors.get(i));
            double expected = value[i];
            String args = java.util.Arrays.toString(v);
            tests.add(DynamicTest.dynamicTest(
                    "logSumExp(" + args + ")",
                    () -> check("logSumExp", args, SpecialFunctions.logSumExp(v), expected, RELATIVE)));
        }
        return tests.stream();
    }
}
