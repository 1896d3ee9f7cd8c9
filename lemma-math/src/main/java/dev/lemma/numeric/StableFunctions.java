package dev.lemma.numeric;

/// The exponential-family functions of machine learning, computed so that they neither overflow nor
/// lose their digits: softmax, log-softmax, the logistic sigmoid and its logarithm, softplus, logit, and
/// the two `log1p`/`expm1` identities `logAddExp` and `log1mexp`.
///
/// Two facts explain every method here. First, `Math.exp(x)` overflows to $+\infty$ for
/// $x > \ln(\text{MAX\_VALUE}) \approx 709.78$ and underflows to 0 for $x < -745.13$; ratios of such
/// exponentials then become $\infty/\infty$ or $0/0$, which is NaN, although the ratio itself is a
/// harmless number. The cure is to factor out the largest exponential, so that the largest exponent
/// left is 0. Second, $1 + x$ rounds to 1 when $-u/2 \le x \le u$ ($u = 2^{-53}$; the gap below 1
/// is half the gap above), so $\log(1 + x)$ and $e^x - 1$ lose all their digits near $x = 0$;
/// `Math.log1p` and `Math.expm1` compute them without forming $1 + x$ or $e^x$ (both are within
/// 1 ulp, as the JDK specifies).
///
/// The log-sum-exp of a whole vector, $\log \sum_i e^{x_i}$, belongs to `SpecialFunctions`; here it
/// appears inside [#logSoftmax] and, for two terms, as [#logAddExp].
///
/// References: N. J. Higham, *Accuracy and Stability of Numerical Algorithms*, 2nd ed., SIAM 2002,
/// §1.14.1 (`log1p`); P. Blanchard, D. J. Higham and N. J. Higham, "Accurately computing the
/// log-sum-exp and softmax functions", IMA J. Numer. Anal. 41(4), 2021; M. Mächler, "Accurately
/// computing $\log(1 - \exp(-|a|))$", Rmpfr vignette, 2012.
///
/// Book: chapter 7, section "Stable formulations used in machine learning".
public final class StableFunctions {
    /// $\ln 2$, where [#log1mexp] switches from `expm1` to `log1p` (Mächler 2012, §2: the cut-off that
    /// keeps both branches accurate to a few ulps).
    private static final double LN_2 = 0.6931471805599453;

    private StableFunctions() {}

    /// The softmax $\mathrm{softmax}(x)_i = e^{x_i} / \sum_j e^{x_j}$, computed as
    /// $e^{x_i - m} / \sum_j e^{x_j - m}$ with $m = \max_j x_j$.
    ///
    /// Why the shift: the two formulas are equal, but the naive one overflows as soon as some
    /// $x_i > 709.78$ (softmax of `{1000, 1000}` is then $\infty/\infty$ = NaN, where the answer is
    /// `{0.5, 0.5}`), and divides 0 by 0 when every $x_i < -745.13$. After the shift the largest term
    /// is $e^0 = 1$, so the denominator lies in $[1, n]$ and nothing overflows; terms that underflow
    /// to 0 are those below $e^{-745}$ relative to the largest, which is their correct value to
    /// double precision. Each entry has a relative error of a few $u$, plus $|x_i - m|u$ from the
    /// rounding of the subtraction (Blanchard, Higham and Higham 2021, §3).
    ///
    /// Non-finite input: an entry $-\infty$ gets probability 0; any NaN or $+\infty$ entry makes every
    /// entry NaN (with $+\infty$ the limit depends on how the entries grow, and $\infty - \infty$ is
    /// undefined; SciPy's `softmax` gives NaN too); all entries $-\infty$ give NaN ($0/0$).
    ///
    /// Cost: $O(n)$, $n$ exponentials.
    ///
    /// @param x the scores (logits), not modified
    /// @return a new array $p$ with $p_i \ge 0$ and $\sum_i p_i = 1$ up to rounding
    /// @throws IllegalArgumentException if `x` is empty
    public static double[] softmax(double[] x) {
        Checks.argument(x.length > 0, "softmax: x is empty (the sum of exponentials would be 0)");
        double m = max(x);
        double[] p = new double[x.length];
        double sum = 0.0; // positive terms in [0, 1]: the plain loop's relative error is at most (n−1)u
        for (int i = 0; i < x.length; i++) {
            p[i] = Math.exp(x[i] - m);
            sum += p[i];
        }
        for (int i = 0; i < x.length; i++) {
            p[i] /= sum;
        }
        return p;
    }

    /// The log-softmax $\log \mathrm{softmax}(x)_i = x_i - \log \sum_j e^{x_j}$, computed as
    /// $(x_i - m) - \log \sum_j e^{x_j - m}$ with $m = \max_j x_j$.
    ///
    /// Why not $\log$ of [#softmax]: a probability that underflows to 0 has logarithm $-\infty$,
    /// while its log-probability is a perfectly good number (log-softmax of `{0, -1000}` is
    /// `{0, -1000}` to double precision; `log(softmax)` gives `{0, -Infinity}`). Why the shift: as in
    /// softmax, $\sum_j e^{x_j}$ overflows once some $x_j > 709.78$. After the shift the sum lies in
    /// $[1, n]$, so its logarithm is at most $\ln n$ and accurate to a few $u$ (Blanchard, Higham and
    /// Higham 2021).
    ///
    /// Non-finite input: an entry $-\infty$ has log-probability $-\infty$; any NaN or $+\infty$ entry
    /// makes every entry NaN; all entries $-\infty$ give NaN.
    ///
    /// Cost: $O(n)$, $n$ exponentials and one logarithm.
    ///
    /// @param x the scores (logits), not modified
    /// @return a new array of log-probabilities, each $\le 0$
    /// @throws IllegalArgumentException if `x` is empty
    public static double[] logSoftmax(double[] x) {
        Checks.argument(x.length > 0, "logSoftmax: x is empty (the sum of exponentials would be 0)");
        double m = max(x);
        double sum = 0.0; // terms in [0, 1], the largest exactly 1: no cancellation, no overflow
        for (double xi : x) {
            sum += Math.exp(xi - m);
        }
        double logSum = Math.log(sum);
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = (x[i] - m) - logSum;
        }
        return out;
    }

    /// The largest entry, NaN if any entry is NaN (a plain `>` comparison would skip NaN silently).
    private static double max(double[] x) {
        double m = Double.NEGATIVE_INFINITY;
        for (double xi : x) {
            m = Math.max(m, xi);
        }
        return m;
    }

    /// The logistic sigmoid $\sigma(x) = 1 / (1 + e^{-x}) = e^x / (1 + e^x)$, SciPy's `expit`.
    ///
    /// Computed as $1/(1 + e^{-x})$ for $x \ge 0$ and $e^x/(1 + e^x)$ for $x < 0$, so that the
    /// exponential is always of a non-positive number and lies in $(0, 1]$. Why: the form
    /// $e^x/(1+e^x)$ gives $\infty/\infty$ = NaN for $x > 709.78$; the form $1/(1 + e^{-x})$ never
    /// gives NaN but returns 0 for $x < -709.78$, where $e^{-x}$ overflows, although $\sigma(x) \approx
    /// e^x$ is still representable (as a subnormal) down to $x \approx -745.13$. Both branches are
    /// accurate to a few ulps. For $x \ge 53 \ln 2 \approx 36.74$ the result rounds to exactly 1, so
    /// $1 - \sigma(x)$ is better computed as $\sigma(-x)$, and $\log \sigma(x)$ as [#logSigmoid].
    ///
    /// Non-finite input: $\sigma(+\infty) = 1$, $\sigma(-\infty) = 0$, $\sigma(\mathrm{NaN}) = $ NaN.
    ///
    /// @param x any double
    /// @return $\sigma(x) \in [0, 1]$
    public static double sigmoid(double x) {
        if (x >= 0) {
            return 1.0 / (1.0 + Math.exp(-x));
        }
        double e = Math.exp(x); // NaN also lands here, and stays NaN
        return e / (1.0 + e);
    }

    /// The logit $\mathrm{logit}(p) = \log(p / (1 - p))$, the inverse of [#sigmoid] (SciPy's `logit`).
    ///
    /// For $p \in [1/4, 3/4]$ computed as $\mathrm{log1p}((2p - 1)/(1 - p))$: near $p = 1/2$ the ratio
    /// $p/(1-p)$ is near 1 and $\log$ of it would keep only the absolute accuracy $u$, not the relative
    /// accuracy the small result deserves; $2p - 1$ and $1 - p$ are exact there (Sterbenz). Elsewhere
    /// $\log(p/(1-p))$, whose value is far from 0. For $p$ near 1 the argument $p$ itself carries an
    /// absolute error of up to $u/2$, so $\mathrm{logit}(1 - 10^{-10})$ is only as accurate as
    /// $1 - 10^{-10}$ is as a double.
    ///
    /// Non-finite and out-of-range input: $\mathrm{logit}(0) = -\infty$, $\mathrm{logit}(1) = +\infty$;
    /// NaN for NaN and for $p$ outside $[0, 1]$.
    ///
    /// @param p a probability
    /// @return the log-odds $\log(p/(1-p))$
    public static double logit(double p) {
        if (p >= 0.25 && p <= 0.75) {
            return Math.log1p((2 * p - 1) / (1 - p));
        }
        return Math.log(p / (1 - p));
    }

    /// The softplus $\mathrm{softplus}(x) = \log(1 + e^x)$, a smooth $\max(0, x)$.
    ///
    /// Computed as $\mathrm{log1p}(e^x)$ for $x \le 0$ and $x + \mathrm{log1p}(e^{-x})$ for $x > 0$
    /// (the two are equal since $\log(1 + e^x) = x + \log(1 + e^{-x})$). Why: the naive
    /// $\log(1 + e^x)$ overflows to $+\infty$ for $x > 709.78$, where the answer is about $x$; and for
    /// $x \le -36.74$ it returns 0, because $1 + e^x$ rounds to 1, where the answer is about $e^x$ and
    /// `log1p` keeps it to full relative accuracy. From $x \approx 33.3$ on, the correction $e^{-x}$ is
    /// below half an ulp of $x$ and the result is $x$ itself.
    ///
    /// Non-finite input: $\mathrm{softplus}(+\infty) = +\infty$, $\mathrm{softplus}(-\infty) = 0$,
    /// NaN for NaN.
    ///
    /// @param x any double
    /// @return $\log(1 + e^x) > 0$ (0 only where $e^x$ underflows)
    public static double softplus(double x) {
        if (x > 0) {
            return x + Math.log1p(Math.exp(-x));
        }
        return Math.log1p(Math.exp(x)); // NaN also lands here, and stays NaN
    }

    /// The log-sigmoid $\log \sigma(x) = -\mathrm{softplus}(-x)$, the log-likelihood of a positive label
    /// in logistic regression.
    ///
    /// Why not $\log$ of [#sigmoid]: for $x < -745$ the sigmoid underflows to 0 and its logarithm is
    /// $-\infty$, while $\log \sigma(x) \approx x$ is an ordinary number; and for $x \ge 36.74$ the sigmoid
    /// rounds to 1, so $\log \sigma(x)$ would be 0 instead of $-e^{-x}$. Through softplus both ends keep
    /// full relative accuracy.
    ///
    /// Non-finite input: $\log\sigma(+\infty) = 0$, $\log\sigma(-\infty) = -\infty$, NaN for NaN.
    ///
    /// @param x any double
    /// @return $\log \sigma(x) \le 0$
    public static double logSigmoid(double x) {
        return -softplus(-x);
    }

    /// $\log(e^a + e^b)$ for two log-domain numbers, as $\max(a, b) + \mathrm{log1p}(e^{-|a - b|})$: the
    /// sum of two probabilities held as logarithms (the two-term log-sum-exp).
    ///
    /// Why: the naive $\log(e^a + e^b)$ overflows for $a > 709.78$ ($\log(e^{1000} + e^{1000})$ gives
    /// $+\infty$ instead of $1000 + \ln 2$) and gives $-\infty$ for $a, b < -745.13$. After factoring
    /// out $e^{\max(a,b)}$, the exponential left is at most 1, and `log1p` keeps the correction
    /// accurate when it is tiny.
    ///
    /// Non-finite input: if either argument is NaN the result is NaN; if either is $+\infty$ the
    /// result is $+\infty$; if both are $-\infty$ the result is $-\infty$ (the logarithm of $0 + 0$);
    /// if one is $-\infty$ the result is the other.
    ///
    /// @param a a logarithm
    /// @param b a logarithm
    /// @return $\log(e^a + e^b)$
    public static double logAddExp(double a, double b) {
        double m = Math.max(a, b); // NaN if either is NaN
        if (Double.isInfinite(m)) {
            return m; // +∞ wins; both −∞ give −∞; and |a − b| below would be ∞ − ∞
        }
        return m + Math.log1p(Math.exp(-Math.abs(a - b)));
    }

    /// $\log(1 - e^x)$ for $x \le 0$: the logarithm of the complement of a probability held as its
    /// logarithm $x$ (for example $\log(1 - p)$ from $\log p$).
    ///
    /// Computed as $\log(-\mathrm{expm1}(x))$ for $x > -\ln 2$ and $\mathrm{log1p}(-e^x)$ for
    /// $x \le -\ln 2$ (Mächler 2012). Why two branches: near $x = 0$, $e^x$ is near 1 and $1 - e^x$
    /// cancels, so $1 - e^x$ must come from `expm1`; for very negative $x$, $1 - e^x$ is near 1 and its
    /// logarithm must come from `log1p`. The naive $\log(1 - e^x)$ returns $-\infty$ for
    /// $|x| < 2^{-54}$ (where $e^x$ rounds to 1; the answer is about $\log|x| < -37$) and 0 for
    /// $x < -37.5$ (the answer is about $-e^x$). Each branch is accurate to a few ulps on its side of
    /// $-\ln 2$.
    ///
    /// Non-finite and out-of-range input: $\mathrm{log1mexp}(0) = -\infty$,
    /// $\mathrm{log1mexp}(-\infty) = -0.0$; NaN for NaN and for $x > 0$ (the logarithm of a negative
    /// number).
    ///
    /// @param x a logarithm of a probability, $x \le 0$
    /// @return $\log(1 - e^x)$
    public static double log1mexp(double x) {
        if (x > -LN_2) {
            return Math.log(-Math.expm1(x));
        }
        return Math.log1p(-Math.exp(x)); // NaN also lands here, and stays NaN
    }
}
