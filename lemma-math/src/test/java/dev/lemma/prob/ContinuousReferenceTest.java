package dev.lemma.prob;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/// Every continuous family of `reference/scipy-sklearn/distributions.json` (SciPy 1.10.1, frozen
/// `scipy.stats` distributions: the exact call is each entry's `scipy_call`) against Lemma's, at every
/// point the file gives: pdf, logpdf, cdf, sf at `x`; ppf at `q`; mean, var, entropy.
///
/// Tolerance: relative $10^{-12}$ everywhere (the README of the reference folder suggests it; SciPy is
/// within about $6 \times 10^{-15}$ of mpmath there). The exceptions, each with its reason:
///
/// - A reference value of exactly 0 (a CDF outside the support, say) or $\pm\infty$ must be matched
///   exactly.
/// - Student's t quantiles: SciPy's are off by up to $3.3 \times 10^{-10}$; see [#MPMATH_T5_PPF].
/// - The t median: SciPy's `t.ppf(0.5)` is $7.0 \times 10^{-17}$, rounding noise around the exact 0
///   that Lemma returns; a reference value below [#NOISE_FLOOR] in magnitude is compared absolutely.
/// - The entropies SciPy computes by numerical integration (`entropy_source` says "generic routine":
///   beta, chi2, f) are off the closed form by up to $2.2 \times 10^{-11}$ (the file's
///   `abs_diff_from_scipy`). There the closed-form value the file also gives (`entropy_closed_form`,
///   evaluated by SciPy's special functions) is checked to $10^{-12}$ relative, and SciPy's integral to
///   $10^{-10}$ absolute.
class ContinuousReferenceTest {
    static final List<String> FAMILIES = ContinuousReference.FAMILIES;

    private static final double RELATIVE = 1e-12;
    private static final double NOISE_FLOOR = 1e-15;
    private static final double GENERIC_ENTROPY_ABSOLUTE = 1e-10;

    /// SciPy 1.10.1's `t(df=5).ppf` (cdflib's `stdtrit`) is off by up to $3.3 \times 10^{-10}$ relative
    /// (at $q = 0.05$): its own `t.cdf` at those points misses $q$ by the same amount. The quantiles are
    /// checked instead against the roots of $F(x) = q$ with mpmath 1.3.0 at 50 digits, the CDF being
    /// $\frac12 I_{\nu/(\nu + x^2)}(\nu/2, 1/2)$ (`mpmath.betainc(nu/2, 0.5, 0, z, regularized=True)/2`,
    /// `mpmath.findroot` started at SciPy's value, `q` the file's doubles), rounded to double; SciPy's
    /// values must lie within [#SCIPY_T_PPF_ERROR] of Lemma's.
    private static final double[] MPMATH_T5_PPF = {
        -5.89342953135601,
        -3.3649299989072188,
        -2.0150483733330242,
        -1.475884048824481,
        -0.7266868438004227,
        0.0,
        0.7266868438004227,
        1.4758840488244813,
        2.0150483733330233,
        3.364929998907218,
        5.893429531356009
    };

    private static final double SCIPY_T_PPF_ERROR = 4e-10;

    @ParameterizedTest
    @FieldSource("FAMILIES")
    void matchesScipyAtEveryPoint(String family) {
        Map<String, Object> entry = ContinuousReference.family(family);
        ContinuousDistribution d = ContinuousReference.distribution(entry);
        List<String> failures = new ArrayList<>();
        double[] x = ContinuousReference.numbers(entry.get("x"));
        check(failures, "pdf", x, ContinuousReference.numbers(entry.get("pdf")), d::pdf);
        check(failures, "logpdf", x, ContinuousReference.numbers(entry.get("logpdf")), d::logPdf);
        check(failures, "cdf", x, ContinuousReference.numbers(entry.get("cdf")), d::cdf);
        check(failures, "sf", x, ContinuousReference.numbers(entry.get("sf")), d::survival);
        double[] q = ContinuousReference.numbers(entry.get("q"));
        double[] ppf = ContinuousReference.numbers(entry.get("ppf"));
        if (family.equals("student_t")) {
            for (int i = 0; i < q.length; i++) {
                // the median (SciPy: 7e-17 for 0) is rounding noise, checked below with the floor
                double scipyError =
                        Math.abs(ppf[i]) < NOISE_FLOOR ? 0 : Math.abs(d.quantile(q[i]) - ppf[i]) / Math.abs(ppf[i]);
                assertThat(scipyError)
                        .as("SciPy's t.ppf(%s) is within 4e-10 of Lemma's", q[i])
                        .isLessThan(SCIPY_T_PPF_ERROR);
            }
            ppf = MPMATH_T5_PPF;
        }
        check(failures, "ppf", q, ppf, d::quantile);
        compare(failures, "mean", Double.NaN, ContinuousReference.number(entry.get("mean")), d.mean());
        compare(failures, "var", Double.NaN, ContinuousReference.number(entry.get("var")), d.variance());
        double scipyEntropy = ContinuousReference.number(entry.get("entropy"));
        if (entry.containsKey("entropy_closed_form")) {
            double closedForm = ContinuousReference.number(
                    ContinuousReference.object(entry.get("entropy_closed_form")).get("value"));
            compare(failures, "entropy (closed form)", Double.NaN, closedForm, d.entropy());
            if (Math.abs(d.entropy() - scipyEntropy) > GENERIC_ENTROPY_ABSOLUTE) {
                failures.add("entropy (SciPy's integral): expected " + scipyEntropy + " within "
                        + GENERIC_ENTROPY_ABSOLUTE + ", got " + d.entropy());
            }
        } else {
            compare(failures, "entropy", Double.NaN, scipyEntropy, d.entropy());
        }
        assertThat(failures).as(family + " " + entry.get("scipy_call")).isEmpty();
    }

    private static void check(
            List<String> failures, String what, double[] at, double[] expected, DoubleUnaryOperator f) {
        assertThat(at).as(what).hasSameSizeAs(expected);
        for (int i = 0; i < at.length; i++) {
            compare(failures, what, at[i], expected[i], f.applyAsDouble(at[i]));
        }
    }

    private static void compare(List<String> failures, String what, double at, double expected, double actual) {
        boolean ok;
        if (expected == 0 || Double.isInfinite(expected)) {
            ok = actual == expected;
        } else if (Math.abs(expected) < NOISE_FLOOR) {
            ok = Math.abs(actual - expected) <= NOISE_FLOOR;
        } else {
            ok = Math.abs(actual - expected) <= RELATIVE * Math.abs(expected);
        }
        double relative = Math.abs(actual - expected) / Math.abs(expected);
        if (!ok) {
            failures.add(
                    what + "(" + at + "): expected " + expected + ", got " + actual + " (relative " + relative + ")");
        }
    }
}
