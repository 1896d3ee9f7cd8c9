package dev.lemma.numeric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/// The stable functions against SciPy and NumPy, against the identities they must satisfy, and at the
/// points where their naive formulas overflow, underflow or cancel.
///
/// Oracle: `reference/scipy-sklearn/special_functions.json` in the test resources, a byte-for-byte copy
/// of the project's shared `reference/scipy-sklearn/special_functions.json` (SHA-256
/// `9b84d79bd26883f4829fc87d4ffaf18bbbbc44fe9213deaccce185838171189a`), written by that folder's
/// `generate.py` with SciPy 1.10.1 and NumPy 1.24.2; each entry records its largest relative
/// difference from 60-digit mpmath values (at most $2.2 \times 10^{-16}$ for the entries used here).
class StableFunctionsTest {
    private static final double EPS = Tolerances.MACHINE_EPSILON;

    /// Four ulps relative: the JDK's `exp`, `log`, `log1p` and `expm1` are within 1 ulp, each method
    /// here chains at most three such operations, and SciPy's own values are within 1 ulp of mpmath.
    private static final double REFERENCE_RELATIVE = 4 * EPS;

    private static JsonNode reference;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in =
                StableFunctionsTest.class.getResourceAsStream("/reference/scipy-sklearn/special_functions.json")) {
            assertThat(in).as("special_functions.json resource").isNotNull();
            reference = new ObjectMapper().readTree(in);
        }
    }

    /// A JSON number, or one of the strings `"Infinity"`, `"-Infinity"`, `"NaN"` the generator writes.
    private static double number(JsonNode node) {
        return node.isTextual() ? Double.parseDouble(node.asText()) : node.asDouble();
    }

    private static double[] numbers(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = number(array.get(i));
        }
        return out;
    }

    /// Asserts `actual` equals `expected` to `relative` (exactly, for infinities and zeros).
    private static void assertRelative(String what, double actual, double expected, double relative) {
        if (Double.isInfinite(expected) || expected == 0.0) {
            assertThat(actual).as(what).isEqualTo(expected);
        } else {
            assertThat(actual).as(what).isCloseTo(expected, within(relative * Math.abs(expected)));
        }
    }

    // ---------------------------------------------------------------- SciPy and NumPy reference values

    @Test
    void sigmoidMatchesScipyExpit() {
        JsonNode entry = reference.get("expit");
        double[] x = numbers(entry.get("x"));
        double[] value = numbers(entry.get("value"));
        for (int i = 0; i < x.length; i++) {
            assertRelative("sigmoid(" + x[i] + ")", StableFunctions.sigmoid(x[i]), value[i], REFERENCE_RELATIVE);
        }
    }

    /// SciPy's `expit` returns 0 below $x = -709.78$ (its note in the JSON says so); the true value is
    /// a subnormal down to $-745.13$, and the branch for negative $x$ keeps it.
    @Test
    void sigmoidKeepsTheSubnormalRangeThatOneOverOnePlusExpLoses() {
        double x = -720;
        double naive = 1.0 / (1.0 + Math.exp(-x));
        assertThat(naive).isEqualTo(0.0);
        assertThat(StableFunctions.sigmoid(x)).isEqualTo(Math.exp(x)).isPositive();
    }

    @Test
    void logitMatchesScipy() {
        JsonNode entry = reference.get("logit");
        double[] p = numbers(entry.get("p"));
        double[] value = numbers(entry.get("value"));
        for (int i = 0; i < p.length; i++) {
            assertRelative("logit(" + p[i] + ")", StableFunctions.logit(p[i]), value[i], REFERENCE_RELATIVE);
        }
    }

    /// The log-softmax recovers the log-sum-exp: at the largest entry $m$,
    /// $\log\sum_j e^{x_j} = m - \mathrm{logSoftmax}(x)_m$. SciPy's `logsumexp` of all $-\infty$ is
    /// $-\infty$, where log-softmax is NaN ($0/0$ probabilities); that vector is checked in
    /// [#nonFiniteInput] instead.
    @Test
    void logSoftmaxRecoversScipyLogSumExp() {
        JsonNode entry = reference.get("logsumexp");
        JsonNode vectors = entry.get("vectors");
        double[] value = numbers(entry.get("value"));
        int checked = 0;
        for (int k = 0; k < vectors.size(); k++) {
            double[] v = numbers(vectors.get(k));
            if (Double.isInfinite(value[k])) {
                continue;
            }
            int argmax = 0;
            for (int i = 1; i < v.length; i++) {
                if (v[i] > v[argmax]) {
                    argmax = i;
                }
            }
            double logSumExp = v[argmax] - StableFunctions.logSoftmax(v)[argmax];
            assertRelative("logsumexp of vector " + k, logSumExp, value[k], REFERENCE_RELATIVE);
            checked++;
        }
        assertThat(checked).isEqualTo(vectors.size() - 1);
    }

    /// `logAddExp` is the two-term log-sum-exp: every two-entry vector of SciPy's `logsumexp`, including
    /// `{1000, 1000}`, `{-Infinity, 0}` and `{-Infinity, -Infinity}`.
    @Test
    void logAddExpMatchesScipyLogSumExpOfTwoTerms() {
        JsonNode entry = reference.get("logsumexp");
        JsonNode vectors = entry.get("vectors");
        double[] value = numbers(entry.get("value"));
        int checked = 0;
        for (int k = 0; k < vectors.size(); k++) {
            double[] v = numbers(vectors.get(k));
            if (v.length == 2) {
                assertRelative(
                        "logAddExp of vector " + k,
                        StableFunctions.logAddExp(v[0], v[1]),
                        value[k],
                        REFERENCE_RELATIVE);
                assertRelative(
                        "logAddExp of vector " + k + " reversed",
                        StableFunctions.logAddExp(v[1], v[0]),
                        value[k],
                        REFERENCE_RELATIVE);
                checked++;
            }
        }
        assertThat(checked).isEqualTo(4);
    }

    /// The class relies on `Math.log1p` and `Math.expm1`; they agree with NumPy's at every reference point
    /// (dense near 0), where the naive $\log(1 + x)$ and $e^x - 1$ lose every digit.
    @Test
    void log1pAndExpm1MatchNumpyWhereTheNaiveFormsFail() {
        JsonNode log1p = reference.get("log1p");
        double[] x = numbers(log1p.get("x"));
        double[] value = numbers(log1p.get("value"));
        for (int i = 0; i < x.length; i++) {
            assertRelative("log1p(" + x[i] + ")", Math.log1p(x[i]), value[i], REFERENCE_RELATIVE);
        }
        JsonNode expm1 = reference.get("expm1");
        double[] y = numbers(expm1.get("x"));
        double[] expm1Value = numbers(expm1.get("value"));
        for (int i = 0; i < y.length; i++) {
            assertRelative("expm1(" + y[i] + ")", Math.expm1(y[i]), expm1Value[i], REFERENCE_RELATIVE);
        }
        assertThat(Math.log(1 + 1e-20)).isEqualTo(0.0); // reference: 1e-20
        assertThat(Math.exp(1e-20) - 1).isEqualTo(0.0); // reference: 1e-20
    }

    /// $\mathrm{softplus}(\log t) = \log(1 + t)$: NumPy's `log1p` at every positive reference point. The
    /// rounding of $\log t$ itself costs up to $|\log t|\,u$ relative (690u at $t = 10^{-300}$), hence
    /// the wider tolerance.
    @Test
    void softplusOfLogIsNumpyLog1p() {
        JsonNode entry = reference.get("log1p");
        double[] t = numbers(entry.get("x"));
        double[] value = numbers(entry.get("value"));
        for (int i = 0; i < t.length; i++) {
            if (t[i] > 0) {
                double tolerance = REFERENCE_RELATIVE + Math.abs(Math.log(t[i])) * EPS;
                assertRelative(
                        "softplus(log " + t[i] + ")", StableFunctions.softplus(Math.log(t[i])), value[i], tolerance);
            }
        }
        assertThat(Math.log(1 + Math.exp(Math.log(1e-20)))).isEqualTo(0.0); // the naive softplus
    }

    /// $\mathrm{log1mexp}(x) = \log(-\mathrm{expm1}(x))$: NumPy's `expm1` at every negative reference
    /// point. Absolute tolerance: $\log$ turns the reference's relative error $u$ into an absolute one
    /// (at $x = -40$ the reference $-1.0$ is $-1 + 4 \times 10^{-18}$ rounded, whose logarithm is 0).
    @Test
    void log1mexpIsTheLogarithmOfNumpyExpm1() {
        JsonNode entry = reference.get("expm1");
        double[] x = numbers(entry.get("x"));
        double[] value = numbers(entry.get("value"));
        for (int i = 0; i < x.length; i++) {
            if (x[i] < 0) {
                double expected = Math.log(-value[i]);
                assertThat(StableFunctions.log1mexp(x[i]))
                        .as("log1mexp(" + x[i] + ")")
                        .isCloseTo(expected, within(REFERENCE_RELATIVE * Math.max(1, Math.abs(expected))));
            }
        }
    }

    /// Far in the tails, $\log(1 - e^{-40}) \approx -e^{-40}$ and $\log\sigma(40) \approx -e^{-40}$, both
    /// equal to SciPy's `expit(-40)` $= e^{-40}/(1 + e^{-40})$ to double precision (the corrections are
    /// of relative size $e^{-40}$). The naive forms give 0.
    @Test
    void tailsAgreeWithScipyExpitOfMinusForty() {
        JsonNode entry = reference.get("expit");
        double[] x = numbers(entry.get("x"));
        double[] value = numbers(entry.get("value"));
        double expitMinus40 = Double.NaN;
        for (int i = 0; i < x.length; i++) {
            if (x[i] == -40.0) {
                expitMinus40 = value[i];
            }
        }
        assertThat(expitMinus40).isEqualTo(4.248354255291589e-18);
        assertRelative("log1mexp(-40)", StableFunctions.log1mexp(-40), -expitMinus40, REFERENCE_RELATIVE);
        assertRelative("logSigmoid(40)", StableFunctions.logSigmoid(40), -expitMinus40, REFERENCE_RELATIVE);
        assertThat(Math.log(1 - Math.exp(-40.0))).isEqualTo(0.0);
        assertThat(Math.log(StableFunctions.sigmoid(40))).isEqualTo(0.0);
    }

    // ---------------------------------------------------------------- identities on seeded random input

    static IntStream seeds() {
        return IntStream.range(0, 30);
    }

    /// A vector of length 1 to 1000 whose entries spread over `scale` either side of an offset of up to
    /// ±1000, so that plain exponentials would overflow or underflow.
    private static double[] scores(SplittableRandom rng, double scale) {
        int n = 1 + rng.nextInt(1000);
        double offset = 2000 * rng.nextDouble() - 1000;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = offset + scale * (2 * rng.nextDouble() - 1);
        }
        return x;
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void softmaxSumsToOneAndLogSoftmaxIsItsLogarithm(int seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] x = scores(rng, 30);
        int n = x.length;
        double[] p = StableFunctions.softmax(x);
        double[] logP = StableFunctions.logSoftmax(x);
        for (double pi : p) {
            assertThat(pi).isBetween(0.0, 1.0);
        }
        // Each entry carries a few u of relative error, the denominator (n − 1)u.
        assertThat(Compensated.sum(p)).isCloseTo(1.0, within((n + 4) * EPS));
        for (int i = 0; i < n; i++) {
            assertThat(logP[i]).isLessThanOrEqualTo(0.0);
            if (p[i] >= Double.MIN_NORMAL) {
                // log(p_i) and logSoftmax_i differ by the relative error of p_i, which grows with |x_i − m|.
                double tolerance = EPS * (16 * (1 + Math.abs(logP[i])) + n);
                assertThat(Math.log(p[i])).as("index %d", i).isCloseTo(logP[i], within(tolerance));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void sigmoidIdentities(int seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        for (int k = 0; k < 100; k++) {
            double x = 100 * rng.nextDouble() - 50;
            double s = StableFunctions.sigmoid(x);
            assertThat(StableFunctions.sigmoid(-x))
                    .as("σ(−x) = 1 − σ(x) at %s", x)
                    .isCloseTo(1 - s, within(2 * EPS));
            assertThat(StableFunctions.logSigmoid(x))
                    .as("log σ(x) at %s", x)
                    .isCloseTo(Math.log(s), within(4 * EPS * Math.max(1, Math.abs(x))));
            assertThat(StableFunctions.softplus(x) - StableFunctions.softplus(-x))
                    .as("softplus(x) − softplus(−x) = x at %s", x)
                    .isCloseTo(x, within(4 * EPS * Math.max(1, Math.abs(x))));
            double p = 0.001 + 0.998 * rng.nextDouble();
            assertThat(StableFunctions.sigmoid(StableFunctions.logit(p)))
                    .as("σ(logit p) = p at %s", p)
                    .isCloseTo(p, within(8 * EPS * p));
            double a = 2000 * rng.nextDouble() - 1000;
            double b = a + 80 * rng.nextDouble() - 40;
            assertThat(StableFunctions.logAddExp(a, b))
                    .as("logAddExp(%s, %s) is logSoftmax's log-sum-exp", a, b)
                    .isCloseTo(
                            Math.max(a, b) - StableFunctions.logSoftmax(new double[] {a, b})[a >= b ? 0 : 1],
                            within(4 * EPS * Math.max(Math.abs(a), Math.abs(b))));
        }
    }

    // ---------------------------------------------------------------- where the naive formulas fail

    @Test
    void softmaxOfLargeEqualScoresIsUniformWhereTheNaiveFormulaGivesNaN() {
        double[] x = {1000, 1000};
        assertThat(StableFunctions.softmax(x)).containsExactly(0.5, 0.5);
        double naive = Math.exp(x[0]) / (Math.exp(x[0]) + Math.exp(x[1]));
        assertThat(naive).isNaN(); // ∞/∞

        double[] y = {-1000, -1000};
        assertThat(StableFunctions.softmax(y)).containsExactly(0.5, 0.5);
        double naiveSmall = Math.exp(y[0]) / (Math.exp(y[0]) + Math.exp(y[1]));
        assertThat(naiveSmall).isNaN(); // 0/0
    }

    @Test
    void logSoftmaxKeepsLogProbabilitiesWhoseProbabilityUnderflows() {
        double[] x = {0, -1000};
        double[] logP = StableFunctions.logSoftmax(x);
        assertThat(logP[0]).isEqualTo(0.0);
        assertThat(logP[1]).isEqualTo(-1000.0);
        assertThat(Math.log(StableFunctions.softmax(x)[1])).isEqualTo(Double.NEGATIVE_INFINITY);
    }

    @Test
    void softplusAndLogSigmoidAtBothEnds() {
        assertThat(StableFunctions.softplus(1000)).isEqualTo(1000.0);
        assertThat(Math.log(1 + Math.exp(1000.0))).isEqualTo(Double.POSITIVE_INFINITY);
        // e^{-50}, the value of log1p(e^{-50}) to double precision; the naive form gives 0.
        assertRelative("softplus(-50)", StableFunctions.softplus(-50), Math.exp(-50.0), REFERENCE_RELATIVE);
        assertThat(Math.log(1 + Math.exp(-50.0))).isEqualTo(0.0);
        assertThat(StableFunctions.logSigmoid(-1000)).isEqualTo(-1000.0);
        assertThat(Math.log(StableFunctions.sigmoid(-1000))).isEqualTo(Double.NEGATIVE_INFINITY);
    }

    @Test
    void log1mexpNearZero() {
        double x = -1e-20; // e^x rounds to 1
        assertThat(Math.log(1 - Math.exp(x))).isEqualTo(Double.NEGATIVE_INFINITY);
        assertRelative("log1mexp(-1e-20)", StableFunctions.log1mexp(x), Math.log(1e-20), REFERENCE_RELATIVE);
        // Both branches agree at the switch, −ln 2, where 1 − e^x = 1/2.
        assertThat(StableFunctions.log1mexp(-Math.log(2))).isCloseTo(-Math.log(2), within(2 * EPS));
    }

    // ---------------------------------------------------------------- non-finite and invalid input

    @Test
    void nonFiniteInput() {
        double inf = Double.POSITIVE_INFINITY;
        double nan = Double.NaN;

        assertThat(StableFunctions.sigmoid(inf)).isEqualTo(1.0);
        assertThat(StableFunctions.sigmoid(-inf)).isEqualTo(0.0);
        assertThat(StableFunctions.sigmoid(nan)).isNaN();

        assertThat(StableFunctions.softplus(inf)).isEqualTo(inf);
        assertThat(StableFunctions.softplus(-inf)).isEqualTo(0.0);
        assertThat(StableFunctions.softplus(nan)).isNaN();

        assertThat(StableFunctions.logSigmoid(inf)).isEqualTo(0.0);
        assertThat(StableFunctions.logSigmoid(-inf)).isEqualTo(-inf);
        assertThat(StableFunctions.logSigmoid(nan)).isNaN();

        assertThat(StableFunctions.logit(0)).isEqualTo(-inf);
        assertThat(StableFunctions.logit(1)).isEqualTo(inf);
        assertThat(StableFunctions.logit(nan)).isNaN();
        assertThat(StableFunctions.logit(-0.5)).isNaN();
        assertThat(StableFunctions.logit(1.5)).isNaN();

        assertThat(StableFunctions.logAddExp(nan, 1)).isNaN();
        assertThat(StableFunctions.logAddExp(1, nan)).isNaN();
        assertThat(StableFunctions.logAddExp(nan, inf)).isNaN();
        assertThat(StableFunctions.logAddExp(inf, 1)).isEqualTo(inf);
        assertThat(StableFunctions.logAddExp(inf, -inf)).isEqualTo(inf);
        assertThat(StableFunctions.logAddExp(-inf, -inf)).isEqualTo(-inf);
        assertThat(StableFunctions.logAddExp(-inf, 3)).isEqualTo(3.0);

        assertThat(StableFunctions.log1mexp(0)).isEqualTo(-inf);
        assertThat(StableFunctions.log1mexp(-inf)).isZero();
        assertThat(StableFunctions.log1mexp(1)).isNaN();
        assertThat(StableFunctions.log1mexp(nan)).isNaN();

        assertThat(StableFunctions.softmax(new double[] {-inf, 0, 0})).containsExactly(0.0, 0.5, 0.5);
        assertThat(StableFunctions.logSoftmax(new double[] {-inf, 0})).containsExactly(-inf, 0.0);
        for (double[] x : new double[][] {{1, nan, 2}, {1, inf, 2}, {-inf, -inf}}) {
            for (double p : StableFunctions.softmax(x)) {
                assertThat(p).isNaN();
            }
            for (double logP : StableFunctions.logSoftmax(x)) {
                assertThat(logP).isNaN();
            }
        }
    }

    @Test
    void emptyInputIsRejected() {
        assertThatThrownBy(() -> StableFunctions.softmax(new double[0]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("softmax: x is empty");
        assertThatThrownBy(() -> StableFunctions.logSoftmax(new double[0]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("logSoftmax: x is empty");
    }
}
