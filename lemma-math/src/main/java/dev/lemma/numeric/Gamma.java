package dev.lemma.numeric;

/// The gamma function and its relatives ($\log|\Gamma|$, $\psi$, $B$), for [SpecialFunctions].
///
/// Three pieces carry all of it:
///
/// - near $1$ and $2$, the power series of $\log\Gamma(2 + z)$ in $z$, whose coefficients are
///   $(-1)^k(\zeta(k) - 1)/k$ (Abramowitz and Stegun 6.1.33 with $\log\Gamma(2+z) = \log(1+z) +
///   \log\Gamma(1+z)$); with $|z| \le 1/2$ the terms fall like $4^{-k}$;
/// - for $x \ge 10$, Stirling's series $\log\Gamma(x) = (x - \tfrac12)\log x - x + \tfrac12\log 2\pi +
///   \mu(x)$ with the correction $\mu(x) = \sum_k B_{2k} / (2k(2k-1)x^{2k-1})$ (A&S 6.1.40);
/// - in between, the recurrence $\Gamma(x+1) = x\Gamma(x)$, and for negative $x$ the reflection
///   $\Gamma(x)\Gamma(1-x) = \pi/\sin(\pi x)$ with $\sin(\pi x)$ reduced exactly.
///
/// References: M. Abramowitz and I. A. Stegun, *Handbook of Mathematical Functions* (1964), §6.1, §6.3,
/// Table 23.3; NIST DLMF §5.7, §5.11.
final class Gamma {
    private Gamma() {}

    /// Euler–Mascheroni constant $\gamma = 0.57721\,56649\,01532\ldots$ (A&S 6.1.3), rounded to double.
    static final double EULER = 0.5772156649015329;

    /// $\tfrac12 \log 2\pi$, rounded to double.
    static final double HALF_LOG_TWO_PI = 0.9189385332046728;

    /// $\log \pi$, rounded to double.
    static final double LOG_PI = 1.1447298858494002;

    /// Stirling's series is used from here up: at $x = 10$ its eight terms leave an error below
    /// $4 \times 10^{-17}$ (the ninth term, $B_{18}/(18 \cdot 17 \cdot x^{17})$).
    static final double STIRLING_THRESHOLD = 10.0;

    /// $\Gamma(x)$ overflows a double above this argument ($\Gamma(171.6243\ldots) = 1.797\ldots \times
    /// 10^{308}$).
    static final double GAMMA_OVERFLOW = 171.62437695630272;

    /// Coefficients $c_k = (-1)^k (\zeta(k) - 1)/k$, $k = 2, 3, \ldots, 40$, of $\log\Gamma(2 + z) = (1 -
    /// \gamma) z + \sum_k c_k z^k$ (A&S 6.1.33, $|z| < 2$). Values of $\zeta(k)$ from A&S Table 23.3,
    /// here rounded to double from a 50-digit mpmath evaluation. For $|z| \le 1/2$ the last term is
    /// below $10^{-26}$.
    private static final double[] LOG_GAMMA_TWO_SERIES = {
        0.3224670334241132,
        -0.0673523010531981,
        0.020580808427784546,
        -0.007385551028673986,
        0.0028905103307415234,
        -0.001192753911703261,
        0.0005096695247430425,
        -0.00022315475845357939,
        9.945751278180853e-05,
        -4.492623673813314e-05,
        2.050721277567069e-05,
        -9.439488275268397e-06,
        4.374866789907488e-06,
        -2.039215753801366e-06,
        9.55141213040742e-07,
        -4.492469198764566e-07,
        2.1207184805554665e-07,
        -1.0043224823968099e-07,
        4.7698101693639804e-08,
        -2.2711094608943164e-08,
        1.0838659214896955e-08,
        -5.183475041970047e-09,
        2.4836745438024785e-09,
        -1.1921401405860912e-09,
        5.731367241678862e-10,
        -2.7595228851242334e-10,
        1.330476437424449e-10,
        -6.4229645638381e-11,
        3.1044247747322276e-11,
        -1.5021384080754142e-11,
        7.275974480239079e-12,
        -3.527742476575915e-12,
        1.711991790559618e-12,
        -8.315385841420285e-13,
        4.04220052528944e-13,
        -1.9664756310966165e-13,
        9.573630387838556e-14,
        -4.6640760264283744e-14,
        2.2737369600659724e-14
    };

    /// The positive zero of $\psi$, $x_0 = 1.46163\,21449\,68362\,34126\ldots$ (A&S 6.3.19), as the sum
    /// of two doubles `ROOT_HI + ROOT_LO` (to about $10^{-33}$): near $x_0$ the digamma function is
    /// evaluated from $h = x - x_0$, and $h$ must be exact even when $x$ is the double nearest $x_0$.
    private static final double ROOT_HI = 1.4616321449683622;

    private static final double ROOT_LO = 9.549995429965697e-17;

    /// Half-width of the interval around $x_0$ where the Taylor series below is used. Outside it,
    /// $\psi(2 + z) - 1/x$ cancels at most a factor $\approx 0.8 / 0.24 \approx 3$.
    private static final double ROOT_RADIUS = 0.25;

    /// Taylor coefficients $\psi^{(k)}(x_0)/k! = (-1)^{k+1}\zeta(k+1, x_0)$ (Hurwitz zeta), $k = 1,
    /// \ldots, 30$, rounded to double from a 60-digit mpmath evaluation. The series has radius $x_0$ (the
    /// pole at 0); for $|h| \le 1/4$ the neglected terms are below $10^{-23}$.
    private static final double[] DIGAMMA_ROOT_SERIES = {
        0.9676722454476212,
        -0.4427631689835921,
        0.258499760955651,
        -0.16394270544240652,
        0.10782405069126237,
        -0.07219956125645471,
        0.04880428816414311,
        -0.03316112647484736,
        0.022597648232218104,
        -0.01542476590494896,
        0.010538791616612175,
        -0.007204534386356869,
        0.004926781395729853,
        -0.003369801655439328,
        0.002305126326734928,
        -0.0015769367714301972,
        0.0010788252019162967,
        -0.0007380709389960052,
        0.000504953265834602,
        -0.0003454680251063077,
        0.00023635601564027053,
        -0.00016170622091974803,
        0.0001106337276874741,
        -7.569179582195066e-05,
        5.178575795222081e-05,
        -3.5430070947659604e-05,
        2.424006611860132e-05,
        -1.6584242271854135e-05,
        1.134638458466385e-05,
        -7.762817668462094e-06
    };

    /// $e - \mathrm{fl}(e)$: the part of $e$ that `Math.E` drops, so that $(x/e)^x$ can be corrected.
    private static final double E_LO = 1.4456468917292502e-16;

    /// $\log\Gamma(2 + z)$ for $|z| \le 1/2$, from its Taylor series (A&S 6.1.33).
    static double logGammaTwoPlus(double z) {
        double sum = 0.0;
        for (int k = LOG_GAMMA_TWO_SERIES.length - 1; k >= 0; k--) {
            sum = sum * z + LOG_GAMMA_TWO_SERIES[k];
        }
        return z * ((1.0 - EULER) + z * sum);
    }

    /// $\log\Gamma(1 + z)$ for $-1/2 \le z \le 3/2$, accurate in the relative sense also near $z = 0$
    /// and $z = 1$, the zeros.
    static double logGammaOnePlus(double z) {
        if (z <= 0.5) {
            return logGammaTwoPlus(z) - Math.log1p(z);
        }
        return logGammaTwoPlus(z - 1.0);
    }

    /// Stirling's correction $\mu(x) = \log\Gamma(x) - (x - \tfrac12)\log x + x - \tfrac12\log 2\pi =
    /// \sum_{k=1}^{8} B_{2k}/(2k(2k-1)x^{2k-1})$ (A&S 6.1.40), for $x \ge 10$.
    static double stirlingCorrection(double x) {
        double z = 1.0 / (x * x);
        double sum = -3617.0 / 122400.0;
        sum = sum * z + 1.0 / 156.0;
        sum = sum * z - 691.0 / 360360.0;
        sum = sum * z + 1.0 / 1188.0;
        sum = sum * z - 1.0 / 1680.0;
        sum = sum * z + 1.0 / 1260.0;
        sum = sum * z - 1.0 / 360.0;
        sum = sum * z + 1.0 / 12.0;
        return sum / x;
    }

    /// $\sin(\pi x)$ with the argument reduced exactly: $x - 2\,\mathrm{rint}(x/2)$ and $1 - |r|$ are
    /// exact in binary, so only $\pi r$ with $|r| \le 1/2$ is rounded. Exactly 0 at the integers.
    static double sinPi(double x) {
        double r = x - 2.0 * Math.rint(0.5 * x); // in [-1, 1], exact
        double a = Math.abs(r);
        if (a > 0.5) {
            a = 1.0 - a;
        }
        return Math.copySign(Math.sin(Math.PI * a), r);
    }

    static boolean isNonPositiveInteger(double x) {
        return x <= 0.0 && x == Math.rint(x);
    }

    static double gamma(double x) {
        if (Double.isNaN(x) || x == Double.NEGATIVE_INFINITY) {
            return Double.NaN;
        }
        if (x == 0.0) {
            return Math.copySign(Double.POSITIVE_INFINITY, x);
        }
        if (isNonPositiveInteger(x)) {
            return Double.POSITIVE_INFINITY; // SciPy 1.10's convention at the poles
        }
        if (x >= STIRLING_THRESHOLD) {
            return stirlingGamma(x);
        }
        if (x > 0.0) {
            if (x < 1.0) {
                return Math.exp(logGammaOnePlus(x)) / x;
            }
            double product = 1.0;
            double y = x;
            while (y > 2.0) {
                y -= 1.0; // exact: y and 1 share the binade scale here
                product *= y;
            }
            return product * Math.exp(logGammaOnePlus(y - 1.0));
        }
        if (x > -STIRLING_THRESHOLD) {
            // Γ(x) = Γ(x + n) / (x (x+1) … (x+n-1)) with x + n in (0, 1].
            double denominator = 1.0;
            double y = x;
            while (y <= 0.0) {
                denominator *= y;
                y += 1.0;
            }
            return Math.exp(logGammaOnePlus(y)) / y / denominator;
        }
        // Reflection: Γ(x) = -π / (x sin(πx) Γ(-x)).
        double s = x * sinPi(x);
        if (-x < GAMMA_OVERFLOW - 1.0) {
            return -Math.PI / (s * stirlingGamma(-x));
        }
        double magnitude = Math.exp(LOG_PI - Math.log(Math.abs(s)) - logGamma(-x));
        return s < 0.0 ? magnitude : -magnitude;
    }

    /// $\Gamma(x)$ for $x \ge 10$ from Stirling: $\sqrt{2\pi/x}\,(x/e)^x e^{\mu(x)}$. The power is
    /// taken in two halves (it alone would overflow near $x = 171$), and the rounding of $q = x/e$ is
    /// put back: $x/e = q(1 + \delta)$ with $\delta$ from one fused multiply-add and $e$'s own lost
    /// part, and $(1 + \delta)^x \approx 1 + x\delta$; otherwise $x$ would magnify $q$'s rounding up to
    /// $171u$.
    private static double stirlingGamma(double x) {
        if (x > GAMMA_OVERFLOW) {
            return Double.POSITIVE_INFINITY;
        }
        double q = x / Math.E;
        double delta = Math.fma(-q, Math.E, x) / x - E_LO / Math.E;
        double half = Math.pow(q, 0.5 * x);
        double rest = Math.sqrt(2.0 * Math.PI / x) * Math.exp(stirlingCorrection(x)) * (1.0 + x * delta);
        return half * rest * half;
    }

    static double logGamma(double x) {
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        if (Double.isInfinite(x) || isNonPositiveInteger(x)) {
            return Double.POSITIVE_INFINITY;
        }
        if (x >= STIRLING_THRESHOLD) {
            return (x - 0.5) * Math.log(x) - x + HALF_LOG_TWO_PI + stirlingCorrection(x);
        }
        if (x > 0.0) {
            if (x < 0.5) {
                return logGammaOnePlus(x) - Math.log(x);
            }
            if (x < 1.5) {
                return logGammaOnePlus(x - 1.0);
            }
            if (x < 2.5) {
                return logGammaTwoPlus(x - 2.0);
            }
            return Math.log(gamma(x));
        }
        if (x > -STIRLING_THRESHOLD) {
            return Math.log(Math.abs(gamma(x)));
        }
        // log|Γ(x)| = log π − log|sin(πx)| − log Γ(1 − x)
        return LOG_PI - Math.log(Math.abs(sinPi(x))) - logGamma(1.0 - x);
    }

    static double digamma(double x) {
        if (Double.isNaN(x) || x == Double.NEGATIVE_INFINITY) {
            return Double.NaN;
        }
        if (x == Double.POSITIVE_INFINITY) {
            return x;
        }
        if (x == 0.0) {
            return Math.copySign(Double.POSITIVE_INFINITY, -x); // ψ(+0) = -∞, ψ(-0) = +∞, as SciPy
        }
        if (isNonPositiveInteger(x)) {
            return Double.NaN; // SciPy's convention: the two one-sided limits differ
        }
        if (x < 0.0) {
            // Reflection ψ(x) = ψ(1 − x) − π cot(πx), with cot(πx) from the exactly reduced r = x − rint(x).
            double r = x - Math.rint(x);
            double cot = Math.abs(r) == 0.5 ? 0.0 : 1.0 / Math.tan(Math.PI * r);
            return digamma(1.0 - x) - Math.PI * cot;
        }
        if (Math.abs(x - ROOT_HI) < ROOT_RADIUS) {
            double h = (x - ROOT_HI) - ROOT_LO; // x − ROOT_HI is exact (Sterbenz)
            double sum = 0.0;
            for (int k = DIGAMMA_ROOT_SERIES.length - 1; k >= 0; k--) {
                sum = sum * h + DIGAMMA_ROOT_SERIES[k];
            }
            return sum * h;
        }
        if (x >= STIRLING_THRESHOLD) {
            return digammaAsymptotic(x);
        }
        if (x < 0.5) {
            return digamma(x + 1.0) - 1.0 / x; // A&S 6.3.5
        }
        if (x < 1.5) {
            return digammaTwoPlus(x - 1.0) - 1.0 / x; // ψ(x) = ψ(x + 1) − 1/x, x − 1 exact
        }
        if (x < 2.5) {
            return digammaTwoPlus(x - 2.0);
        }
        // Down to [1.5, 2.5): ψ(x) = ψ(y) + Σ 1/(y + k), every term positive, so nothing cancels;
        // y = x − n is exact (x − n is a multiple of ulp(x) and smaller than x).
        double sum = 0.0;
        double y = x;
        while (y >= 2.5) {
            y -= 1.0;
            sum += 1.0 / y;
        }
        return digamma(y) + sum;
    }

    /// $\psi(2 + z) = 1 - \gamma + \sum_{k \ge 2} k c_k z^{k-1}$ for $|z| \le 1/2$: the derivative of
    /// the series of $\log\Gamma(2 + z)$ (A&S 6.3.14 in the form with $\zeta(k) - 1$).
    private static double digammaTwoPlus(double z) {
        double sum = 0.0;
        for (int j = LOG_GAMMA_TWO_SERIES.length - 1; j >= 0; j--) {
            sum = sum * z + (j + 2) * LOG_GAMMA_TWO_SERIES[j];
        }
        return (1.0 - EULER) + z * sum;
    }

    /// $\psi(x) \sim \log x - \frac{1}{2x} - \sum_{k=1}^{7} \frac{B_{2k}}{2k\,x^{2k}}$ (A&S 6.3.18), for
    /// $x \ge 10$, where the first neglected term is below $5 \times 10^{-17}$.
    private static double digammaAsymptotic(double x) {
        double z = 1.0 / (x * x);
        double sum = 1.0 / 12.0;
        sum = sum * z - 691.0 / 32760.0;
        sum = sum * z + 1.0 / 132.0;
        sum = sum * z - 1.0 / 240.0;
        sum = sum * z + 1.0 / 252.0;
        sum = sum * z - 1.0 / 120.0;
        sum = sum * z + 1.0 / 12.0;
        return Math.log(x) - 0.5 / x - sum * z;
    }

    /// $\log(\Gamma(a)/\Gamma(a + b))$ for $a \ge 10$, $b > 0$, from Stirling's series:
    /// $(a - \tfrac12)\log(1 - b/c) - b\log c + b + \mu(a) - \mu(c)$ with $c = a + b$. Written with
    /// $\log(1 - b/c)$ the rounding of $c$ acts like a perturbation of $a$ by half an ulp, to which
    /// the ratio is insensitive ($\partial/\partial a = \psi(a) - \psi(c) \approx -b/a$).
    static double logGammaRatio(double a, double b) {
        double c = a + b;
        return (a - 0.5) * Math.log1p(-b / c) + b - b * Math.log(c) + (stirlingCorrection(a) - stirlingCorrection(c));
    }

    static double beta(double a, double b) {
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return Double.NaN;
        }
        if (a <= 0.0 || b <= 0.0) {
            return betaNonPositive(a, b);
        }
        double big = Math.max(a, b);
        double small = Math.min(a, b);
        if (big == Double.POSITIVE_INFINITY) {
            return 0.0;
        }
        if (big < STIRLING_THRESHOLD) {
            return gamma(small) * (gamma(big) / gamma(big + small));
        }
        if (small < STIRLING_THRESHOLD) {
            // Γ(s) c^{-s} exp(…): the power is taken by pow, whose error does not grow with its exponent.
            double c = big + small;
            double exponent =
                    (big - 0.5) * Math.log1p(-small / c) + small + (stirlingCorrection(big) - stirlingCorrection(c));
            return gamma(small) * Math.pow(c, -small) * Math.exp(exponent);
        }
        // Both large: B = sqrt(2π/c) (a/c)^{a-1/2} (b/c)^{b-1/2} e^{μ(a)+μ(b)-μ(c)}.
        Compensated.TwoTerm c = Compensated.twoSum(a, b);
        return Math.sqrt(2.0 * Math.PI / c.hi())
                * powOfRatio(a, c, a - 0.5)
                * powOfRatio(b, c, b - 0.5)
                * Math.exp(stirlingCorrection(a) + stirlingCorrection(b) - stirlingCorrection(c.hi()));
    }

    /// $(n / (c_{hi} + c_{lo}))^p$ with the rounding of the quotient put back: $n/c = q(1 + \delta)$
    /// with $\delta$ from a fused multiply-add, and $(1+\delta)^p \approx 1 + p\delta$. Without the
    /// correction, an exponent $p = 500$ would magnify the quotient's rounding 500 times.
    static double powOfRatio(double n, Compensated.TwoTerm c, double p) {
        double q = n / c.hi();
        double delta = Math.fma(-q, c.hi(), n) / n - c.lo() / c.hi();
        return Math.pow(q, p) * (1.0 + p * delta);
    }

    /// $B(a, b)$ when $a \le 0$ or $b \le 0$, as SciPy's `beta`: $\Gamma(a)\Gamma(b)/\Gamma(a+b)$ off
    /// the poles; 0 when only $a + b$ is a pole; the finite limit $(m-1)!/\prod_{k=0}^{m-1}(k-n)$ for
    /// $B(-n, m)$ with a positive integer $m \le n$; $+\infty$ at the other poles.
    private static double betaNonPositive(double a, double b) {
        boolean poleA = isNonPositiveInteger(a);
        boolean poleB = isNonPositiveInteger(b);
        if (poleA && poleB) {
            return Double.POSITIVE_INFINITY;
        }
        if (poleA || poleB) {
            double n = poleA ? -a : -b;
            double m = poleA ? b : a;
            if (m == Math.rint(m) && m >= 1.0 && m <= n && n < 1.0e6) {
                double value = 1.0;
                for (int k = 0; k < (int) m; k++) {
                    value *= (k + 1 < m ? k + 1 : 1.0) / (k - n);
                }
                return value;
            }
            return Double.POSITIVE_INFINITY;
        }
        double c = a + b;
        if (isNonPositiveInteger(c)) {
            return 0.0;
        }
        double ga = gamma(a);
        double gb = gamma(b);
        double gc = gamma(c);
        if (Double.isFinite(ga) && Double.isFinite(gb) && Double.isFinite(gc) && gc != 0.0) {
            return ga * (gb / gc);
        }
        double sign = Math.signum(ga) * Math.signum(gb) * Math.signum(gc);
        return sign * Math.exp(logGamma(a) + logGamma(b) - logGamma(c));
    }

    static double logBeta(double a, double b) {
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return Double.NaN;
        }
        if (a <= 0.0 || b <= 0.0) {
            return Math.log(Math.abs(beta(a, b)));
        }
        double big = Math.max(a, b);
        double small = Math.min(a, b);
        if (big == Double.POSITIVE_INFINITY) {
            return Double.NEGATIVE_INFINITY;
        }
        if (big < STIRLING_THRESHOLD) {
            double value = beta(a, b);
            if (value < Double.POSITIVE_INFINITY) {
                return Math.log(value);
            }
            return logGamma(small) + (logGamma(big) - logGamma(big + small));
        }
        if (small < STIRLING_THRESHOLD) {
            return logGamma(small) + logGammaRatio(big, small);
        }
        double c = big + small;
        return HALF_LOG_TWO_PI
                - 0.5 * Math.log(c)
                + (big - 0.5) * Math.log1p(-small / c)
                + (small - 0.5) * Math.log1p(-big / c)
                + (stirlingCorrection(big) + stirlingCorrection(small) - stirlingCorrection(c));
    }
}
