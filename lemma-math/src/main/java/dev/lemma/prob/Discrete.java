package dev.lemma.prob;

import dev.lemma.numeric.Checks;
import dev.lemma.numeric.SpecialFunctions;
import java.util.function.IntToDoubleFunction;

/// What the discrete distributions of this package share: argument checks, the step-function CDF's
/// floor, the quantile search and the entropy sum over an unbounded support.
///
/// Book: chapter 3, "Probability", section "Discrete distributions".
final class Discrete {
    private Discrete() {}

    /// Relative accuracy at which [#entropy] stops summing: the bound on the neglected tail is below this
    /// fraction of the sum so far.
    static final double ENTROPY_TAIL = 1e-17;

    /// Checks a success probability.
    static double probability(String name, double p) {
        Checks.argument(p >= 0 && p <= 1, "%s must be a probability in [0, 1] but is %s", name, p);
        return p;
    }

    /// Checks the argument of a quantile function.
    static void quantileArgument(double p) {
        Checks.argument(p >= 0 && p <= 1, "quantile: p must be in [0, 1] but is %s", p);
    }

    /// Checks the argument of a CDF.
    static void cdfArgument(double x) {
        Checks.argument(!Double.isNaN(x), "cdf: x must not be NaN");
    }

    /// The quantile $\min\{k : F(k) \ge p\}$ of `d` for $0 < p < 1$, found by searching from `guess`:
    /// steps of 1, 2, 4, … away from the guess until $F$ crosses $p$, then bisection between the last two
    /// points. A guess within $s$ of the answer costs about $2\log_2 s + 2$ evaluations of the CDF, so
    /// callers pass a good one (the mean plus a normal quantile times the standard deviation).
    ///
    /// The comparison is with the distribution's own `cdf`, so that `quantile(cdf(k)) == k` at every
    /// step of the CDF.
    static int quantile(DiscreteDistribution d, double p, double guess) {
        long lo = d.supportLowerBound();
        long hi = d.supportUpperBound();
        long k = Double.isNaN(guess) ? lo : (long) Math.max((double) lo, Math.min((double) hi, Math.rint(guess)));
        long below; // F(below) < p, or below = lo - 1
        long above; // F(above) >= p
        if (d.cdf((double) k) >= p) {
            above = k;
            long step = 1;
            while (true) {
                long a = k - step;
                if (a < lo) {
                    below = lo - 1;
                    break;
                }
                if (d.cdf((double) a) < p) {
                    below = a;
                    break;
                }
                above = a;
                step *= 2;
            }
        } else {
            below = k;
            long step = 1;
            while (true) {
                long b = k + step;
                if (b >= hi) {
                    above = hi;
                    break;
                }
                if (d.cdf((double) b) >= p) {
                    above = b;
                    break;
                }
                below = b;
                step *= 2;
            }
        }
        while (above - below > 1) {
            long mid = below + (above - below) / 2;
            if (d.cdf((double) mid) >= p) {
                above = mid;
            } else {
                below = mid;
            }
        }
        return (int) above;
    }

    /// The normal approximation $\mu + \sigma z_p$ to a quantile, the starting point of [#quantile].
    static double normalGuess(double mean, double sd, double p) {
        return mean - sd * Math.sqrt(2.0) * SpecialFunctions.erfcInv(2 * p);
    }

    /// The Shannon entropy $-\sum_k p_k \log p_k$ of a log-concave mass function (binomial, Poisson),
    /// summed outwards from the mode in both directions until the bound on what is left is below
    /// [#ENTROPY_TAIL] of the sum.
    ///
    /// The bound: log-concavity makes the ratios $r_k = p_{k+1}/p_k$ decrease, so past the last term
    /// $p_k$ (with $r = p_k/p_{k-1} < 1$ and $p_k < 1/e$) every later term is at most $p_k r^i$, and as
    /// $h(p) = -p\log p$ increases on $(0, 1/e)$,
    /// $$\sum_{i \ge 1} h(p_{k+i}) \le \sum_{i\ge1} p_k r^i\big({-\log p_k} + i\log(1/r)\big)
    ///     = \frac{p_k r}{1 - r}\Big({-\log p_k} + \frac{\log(1/r)}{1 - r}\Big);$$
    /// the same holds walking down. The number of terms is $O(\sigma)$, the standard deviation.
    ///
    /// @param logPmf $\log p_k$
    /// @param mode a mode
    /// @param lo the smallest point of the support
    /// @param hi the largest point of the support
    static double entropy(IntToDoubleFunction logPmf, int mode, int lo, int hi) {
        double sum = h(logPmf.applyAsDouble(mode));
        for (int direction = -1; direction <= 1; direction += 2) {
            double previous = logPmf.applyAsDouble(mode);
            for (long k = (long) mode + direction; k >= lo && k <= hi; k += direction) {
                double lp = logPmf.applyAsDouble((int) k);
                if (lp == Double.NEGATIVE_INFINITY) {
                    break;
                }
                double term = h(lp);
                sum += term;
                double logRatio = lp - previous;
                previous = lp;
                if (logRatio < 0 && lp < -1) {
                    double r = Math.exp(logRatio);
                    double pk = Math.exp(lp);
                    double bound = pk * r / (1 - r) * (-lp - logRatio / (1 - r));
                    if (bound <= ENTROPY_TAIL * sum) {
                        break;
                    }
                }
            }
        }
        return sum;
    }

    /// $h = -p \log p$ from $\log p$ (0 when $p = 0$).
    static double h(double logP) {
        return logP == Double.NEGATIVE_INFINITY ? 0.0 : -Math.exp(logP) * logP;
    }

    /// Checks observations for a fit: at least one, each in `[lo, hi]`, naming the first bad index.
    static long sum(String name, int[] values, int lo, int hi) {
        Checks.argument(values.length > 0, "fit: %s must hold at least one observation", name);
        long s = 0;
        for (int i = 0; i < values.length; i++) {
            int v = values[i];
            Checks.argument(
                    v >= lo && v <= hi,
                    "fit: %s[%d] = %d is outside the support [%d, %s]",
                    name,
                    i,
                    v,
                    lo,
                    hi == Integer.MAX_VALUE ? "∞" : Integer.toString(hi));
            s += v;
        }
        return s;
    }
}
