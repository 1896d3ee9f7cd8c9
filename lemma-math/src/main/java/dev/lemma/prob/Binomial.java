package dev.lemma.prob;

import dev.lemma.numeric.Checks;
import dev.lemma.numeric.SpecialFunctions;
import java.util.random.RandomGenerator;

/// The binomial distribution: the number of successes in $n$ independent trials that each succeed with
/// probability $p$, $P(X = k) = \binom{n}{k} p^k (1 - p)^{n-k}$ for $k = 0, \dots, n$.
///
/// Mean $np$, variance $np(1 - p)$. The CDF is a regularised incomplete beta function,
/// $F(k) = I_{1-p}(n - k, k + 1)$ and $1 - F(k) = I_p(k + 1, n - k)$ (A&S 26.5.24), each computed
/// directly so that both tails keep their relative accuracy. The mass function uses Loader's
/// saddle-point form ([Saddlepoint]), accurate to a few ulp in $\log p(k)$ for any $n$. The entropy has
/// no closed form: it is the sum over the support, from the mode outwards, stopped when the bound on the
/// rest is below $10^{-17}$ of the sum (`Discrete.entropy`). SciPy: `scipy.stats.binom(n, p)`.
///
/// **Accuracy** (against 50-digit mpmath, with $p$ the double given). At the SciPy reference points
/// ($n = 10$) everything is within $2.6 \times 10^{-15}$ relative. The mass is $\exp$ of $\log p(k)$, so it
/// carries the rounding of that logarithm, about $|\log p(k)|\,u$ relative ($2.3 \times 10^{-15}$ at
/// $\log p(9) = -7.6$), plus the rounding of $np$ and $nq$ inside the deviances, which grows with $n$:
/// $5 \times 10^{-14}$ at $n = 10^6$, $p = 0.3$, $k = 299\,000$. The CDF inherits the condition number
/// of $I_x(a, b)$ with respect to $x$, which is large for large $n$ (the incomplete beta function rounds
/// $1 - x$ internally): $1.5 \times 10^{-13}$ relative at $n = 10^6$, $k = np$, and $4 \times 10^{-13}$
/// two standard deviations below (at $F = 0.015$), growing to $5 \times 10^{-12}$ at $F = 10^{-106}$.
///
/// References: M. Abramowitz and I. A. Stegun, *Handbook of Mathematical Functions*, 26.5.24; C. Loader,
/// "Fast and accurate computation of binomial probabilities" (2000); W. Hörmann, "The generation of
/// binomial random variates", *J. Statist. Comput. Simul.* 46 (1993), 101–110.
///
/// Book: chapter 3, "Probability", section "Discrete distributions".
///
/// @param n the number of trials, $n \ge 0$
/// @param p the success probability, in $[0, 1]$
public record Binomial(int n, double p) implements DiscreteDistribution {

    /// Below this value of $n \min(p, 1 - p)$ [#sample] inverts the CDF by sequential search (expected
    /// cost $O(np)$); at and above it, BTRS is used, whose acceptance rate Hörmann shows to be high from
    /// there on (his §3 recommends $np \ge 10$).
    static final double INVERSION_LIMIT = 10;

    /// @param n the number of trials
    /// @param p the success probability
    /// @throws IllegalArgumentException if `n < 0` or `p` is outside $[0, 1]$, naming the value
    public Binomial {
        Checks.argument(n >= 0, "n must be ≥ 0 but is %d", n);
        Discrete.probability("p", p);
    }

    /// The maximum-likelihood estimate with $n$ known, from observed success counts $k_1, \dots, k_m$:
    /// $\hat p = \sum_i k_i / (nm)$.
    ///
    /// @param n the number of trials of every observation, $n \ge 1$
    /// @param counts the observed numbers of successes, each in $[0, n]$
    /// @return the fitted distribution
    /// @throws IllegalArgumentException if `n < 1`, there are no counts, or a count is outside $[0, n]$
    public static Binomial fit(int n, int... counts) {
        Checks.argument(n >= 1, "fit: n must be ≥ 1 but is %d", n);
        long total = Discrete.sum("counts", counts, 0, n);
        return new Binomial(n, total / ((double) n * counts.length));
    }

    @Override
    public double logPmf(int k) {
        if (k < 0 || k > n) {
            return Double.NEGATIVE_INFINITY;
        }
        if (p == 0) {
            return k == 0 ? 0.0 : Double.NEGATIVE_INFINITY;
        }
        if (p == 1) {
            return k == n ? 0.0 : Double.NEGATIVE_INFINITY;
        }
        return Saddlepoint.logBinomial(k, n, p);
    }

    @Override
    public int supportLowerBound() {
        return p == 1 ? n : 0;
    }

    @Override
    public int supportUpperBound() {
        return p == 0 ? 0 : n;
    }

    /// $F(x) = I_{1-p}(n - k, k + 1)$ with $k = \lfloor x \rfloor$.
    @Override
    public double cdf(double x) {
        Discrete.cdfArgument(x);
        double k = Math.floor(x);
        if (k < supportLowerBound()) {
            return 0.0;
        }
        if (k >= supportUpperBound()) {
            return 1.0;
        }
        return SpecialFunctions.regularizedBeta(1 - p, n - k, k + 1);
    }

    /// $1 - F(x) = I_p(k + 1, n - k)$ with $k = \lfloor x \rfloor$.
    @Override
    public double survival(double x) {
        Discrete.cdfArgument(x);
        double k = Math.floor(x);
        if (k < supportLowerBound()) {
            return 1.0;
        }
        if (k >= supportUpperBound()) {
            return 0.0;
        }
        return SpecialFunctions.regularizedBeta(p, k + 1, n - k);
    }

    @Override
    public double quantile(double prob) {
        Discrete.quantileArgument(prob);
        if (prob == 0) {
            return supportLowerBound();
        }
        if (prob == 1) {
            return supportUpperBound();
        }
        return Discrete.quantile(this, prob, Discrete.normalGuess(mean(), standardDeviation(), prob));
    }

    @Override
    public double mean() {
        return n * p;
    }

    @Override
    public double variance() {
        return n * p * (1 - p);
    }

    @Override
    public double entropy() {
        if (p == 0 || p == 1 || n == 0) {
            return 0.0;
        }
        int mode = (int) Math.min(n, Math.floor((n + 1.0) * p));
        return Discrete.entropy(this::logPmf, mode, 0, n);
    }

    /// One draw. For $n\min(p, q) <$ [#INVERSION_LIMIT]: inversion, walking up from $k = 0$ with
    /// $p_{k+1} = p_k \frac{n-k}{k+1}\frac{p}{q}$ until the cumulative sum passes $u$ (expected $np + 1$
    /// steps). Otherwise Hörmann's BTRS, transformed rejection with squeeze: a candidate
    /// $k = \lfloor (2a/u_s + b)u + c \rfloor$ from a hat function close to the density, accepted at once
    /// in the squeeze region, else by comparing $\log v + \log(\alpha/(a/u_s^2 + b))$ with
    /// $\log p(k) - \log p(m)$ at the mode $m$ (computed here with Loader's exact form, not Stirling's
    /// approximation); expected cost $O(1)$, about 1.2 uniform pairs per draw. For $p > 1/2$ the draw is
    /// $n - $ a draw with $1 - p$.
    @Override
    public double sample(RandomGenerator random) {
        if (p > 0.5) {
            return n - new Binomial(n, 1 - p).sample(random);
        }
        if (n * p < INVERSION_LIMIT) {
            return inversion(random);
        }
        return btrs(random);
    }

    private int inversion(RandomGenerator random) {
        double u = random.nextDouble();
        double ratio = p / (1 - p);
        double pk = Math.exp(n * Math.log1p(-p));
        double cumulative = pk;
        int k = 0;
        while (u >= cumulative && k < n && pk > 0) { // pk = 0: u is within rounding of 1
            pk *= ratio * (n - k) / (k + 1);
            k++;
            cumulative += pk;
        }
        return k;
    }

    private int btrs(RandomGenerator random) {
        double q = 1 - p;
        double spq = Math.sqrt(n * p * q);
        double b = 1.15 + 2.53 * spq;
        double a = -0.0873 + 0.0248 * b + 0.01 * p;
        double c = n * p + 0.5;
        double vr = 0.92 - 4.2 / b;
        double alpha = (2.83 + 5.1 / b) * spq;
        int m = (int) Math.floor((n + 1.0) * p);
        double logPmfMode = logPmf(m);
        while (true) {
            double u = random.nextDouble() - 0.5;
            double v = random.nextDouble();
            double us = 0.5 - Math.abs(u);
            double kk = Math.floor((2 * a / us + b) * u + c);
            if (kk < 0 || kk > n) {
                continue;
            }
            int k = (int) kk;
            if (us >= 0.07 && v <= vr) {
                return k;
            }
            double lhs = Math.log(v * alpha / (a / (us * us) + b));
            if (lhs <= logPmf(k) - logPmfMode) {
                return k;
            }
        }
    }
}
