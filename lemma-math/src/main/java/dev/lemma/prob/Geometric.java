package dev.lemma.prob;

import dev.lemma.numeric.Checks;
import java.util.random.RandomGenerator;

/// The geometric distribution as the number of trials up to and including the first success:
/// $P(X = k) = (1 - p)^{k-1} p$ for $k = 1, 2, 3, \dots$ The support starts at 1. This is the convention
/// of SciPy's `scipy.stats.geom(p)` (the other one, failures before the first success, is $X - 1$:
/// `geom(p, loc=-1)`).
///
/// With $q = 1 - p$: survival $P(X > k) = q^k$, so $F(k) = 1 - q^k$, computed as
/// $-\mathrm{expm1}(k\,\mathrm{log1p}(-p))$ so that small $p$ and small $k$ keep their digits; mean
/// $1/p$; variance $q/p^2$; entropy $(-q\log q - p\log p)/p$ (the Bernoulli entropy per expected trial);
/// quantile $\lceil \log(1 - u)/\log q \rceil$, corrected by one step against the computed CDF.
///
/// Book: chapter 3, "Probability", section "Discrete distributions".
///
/// @param p the success probability, in $(0, 1]$
public record Geometric(double p) implements DiscreteDistribution {

    /// @param p the success probability
    /// @throws IllegalArgumentException if `p` is outside $(0, 1]$ or NaN
    public Geometric {
        Checks.argument(p > 0 && p <= 1, "p must be in (0, 1] but is %s", p);
    }

    /// The maximum-likelihood estimate $\hat p = 1/\bar k$ from observed numbers of trials $k_i \ge 1$,
    /// the zero of $\frac{d}{dp}\sum_i[(k_i - 1)\log(1 - p) + \log p]$.
    ///
    /// @param trials the observed numbers of trials up to and including the first success, each $\ge 1$
    /// @return the fitted distribution
    /// @throws IllegalArgumentException if there are none or one is below 1, naming its index
    public static Geometric fit(int... trials) {
        long total = Discrete.sum("trials", trials, 1, Integer.MAX_VALUE);
        return new Geometric(trials.length / (double) total);
    }

    @Override
    public double logPmf(int k) {
        if (k < 1) {
            return Double.NEGATIVE_INFINITY;
        }
        return k == 1 ? Math.log(p) : (k - 1) * Math.log1p(-p) + Math.log(p);
    }

    @Override
    public int supportLowerBound() {
        return 1;
    }

    @Override
    public int supportUpperBound() {
        return p == 1 ? 1 : Integer.MAX_VALUE;
    }

    /// $F(x) = 1 - q^k$, $k = \lfloor x\rfloor$; exactly $p$ at $k = 1$, where it is the single mass
    /// $p(1)$ (the formula would round $F(1)$ for $p = 1/4$ to $0.24999999999999997$).
    @Override
    public double cdf(double x) {
        Discrete.cdfArgument(x);
        if (x < 1) {
            return 0.0;
        }
        double k = Math.floor(x);
        return k == 1 ? p : -Math.expm1(k * Math.log1p(-p));
    }

    /// $P(X > x) = q^k$, $k = \lfloor x\rfloor$.
    @Override
    public double survival(double x) {
        Discrete.cdfArgument(x);
        if (x < 1) {
            return 1.0;
        }
        double k = Math.floor(x);
        return k == 1 ? 1 - p : Math.exp(k * Math.log1p(-p));
    }

    /// @return the smallest $k$ with $F(k) \ge p$; 1 at $p = 0$, $+\infty$ at $p = 1$ (as SciPy)
    @Override
    public double quantile(double prob) {
        Discrete.quantileArgument(prob);
        if (prob == 0 || p == 1) {
            return 1;
        }
        if (prob == 1) {
            return Double.POSITIVE_INFINITY;
        }
        double guess = Math.ceil(Math.log1p(-prob) / Math.log1p(-p));
        if (guess >= Integer.MAX_VALUE) {
            return guess; // beyond the int range the search cannot go; the closed form is accurate there
        }
        return Discrete.quantile(this, prob, guess);
    }

    @Override
    public double mean() {
        return 1 / p;
    }

    @Override
    public double variance() {
        return (1 - p) / (p * p);
    }

    @Override
    public double entropy() {
        return (Discrete.h(Math.log1p(-p)) + Discrete.h(Math.log(p))) / p;
    }

    /// Inversion in closed form: $\max(1, \lceil \log u / \log q\rceil)$ for $u \sim U(0, 1]$, since
    /// $P(\lceil \log u/\log q\rceil > k) = P(u < q^k) = q^k$; one logarithm per draw.
    @Override
    public double sample(RandomGenerator random) {
        double u = 1.0 - random.nextDouble();
        return Math.max(1.0, Math.ceil(Math.log(u) / Math.log1p(-p)));
    }
}
