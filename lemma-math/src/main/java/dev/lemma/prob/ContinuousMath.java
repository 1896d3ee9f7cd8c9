package dev.lemma.prob;

import dev.lemma.numeric.ConvergenceException;
import dev.lemma.numeric.SpecialFunctions;

/// Numerical pieces shared by the continuous distributions: the trigamma function and the inverse of
/// digamma (for the maximum-likelihood fits), the incomplete beta function on whichever side is
/// accurate (for Student's t and F), and one Newton polish of a quantile.
final class ContinuousMath {
    private ContinuousMath() {}

    /// Below this argument the trigamma recurrence $\psi'(x) = \psi'(x + 1) + 1/x^2$ is applied; above
    /// it the asymptotic series, truncated after the $B_{12}$ term, is within rounding: the first
    /// omitted term is $\frac76 x^{-15} \le 3.6 \times 10^{-20}$ (at 10 it would still be $1.2 \times
    /// 10^{-15}$).
    private static final double TRIGAMMA_ASYMPTOTIC = 20;

    /// The trigamma function $\psi'(x) = \sum_{n \ge 0} (x + n)^{-2}$ for $x > 0$.
    ///
    /// Method: the recurrence up to $x \ge 20$, then $\psi'(x) \sim \frac1x + \frac1{2x^2} +
    /// \sum_{k \ge 1} B_{2k} x^{-2k-1}$ (A&S 6.4.12).
    static double trigamma(double x) {
        int steps = x < TRIGAMMA_ASYMPTOTIC ? (int) Math.ceil(TRIGAMMA_ASYMPTOTIC - x) : 0;
        double y = x + steps;
        double t = 1 / (y * y);
        double series = t
                / y
                * (1.0 / 6 - t * (1.0 / 30 - t * (1.0 / 42 - t * (1.0 / 30 - t * (5.0 / 66 - t * 691.0 / 2730)))));
        double sum = 1 / y + t / 2 + series;
        // the recurrence terms 1/(x + j)^2, added from the smallest up
        for (int j = steps - 1; j >= 0; j--) {
            sum += 1 / ((x + j) * (x + j));
        }
        return sum;
    }

    /// The $x > 0$ with $\psi(x) = y$, by Newton's method from Minka's start ($e^y + 1/2$ for
    /// $y \ge -2.22$, else $-1/(y + \gamma)$); $\psi$ is increasing and concave on $(0, \infty)$, so
    /// Newton's iterates from below stay below and increase.
    ///
    /// Reference: T. P. Minka, "Estimating a Dirichlet distribution" (2000, rev. 2012), appendix C.
    static double inverseDigamma(double y) {
        double x = y >= -2.22 ? Math.exp(y) + 0.5 : -1 / (y + 0.5772156649015329);
        for (int i = 0; i < 100; i++) {
            double step = (SpecialFunctions.digamma(x) - y) / trigamma(x);
            double next = x - step;
            if (next <= 0) {
                next = x / 2;
            }
            if (Math.abs(next - x) <= 1e-15 * x) {
                return next;
            }
            x = next;
        }
        throw new ConvergenceException("inverse digamma of " + y + ": Newton's method did not converge in 100 steps");
    }

    /// $I_u(a, b)$ given both $u$ and $v = 1 - u$, each to full relative accuracy (as when they are
    /// $\frac{d_1 x}{d_1 x + d_2}$ and $\frac{d_2}{d_1 x + d_2}$). `regularizedBeta` switches to the
    /// complement at $u = (a + 1)/(a + b + 2)$ and would form $1 - u$ by rounding, which loses the
    /// relative accuracy of a small $1 - u$; here the same switch uses the given $v$ instead, so that
    /// `regularizedBeta` is only called below its own switch point and never rounds its argument.
    static double lowerBeta(double u, double v, double a, double b) {
        if (u < (a + 1) / (a + b + 2)) {
            return SpecialFunctions.regularizedBeta(u, a, b);
        }
        return 1 - SpecialFunctions.regularizedBeta(v, b, a);
    }

    /// $1 - I_u(a, b) = I_v(b, a)$, as [#lowerBeta].
    static double upperBeta(double u, double v, double a, double b) {
        return lowerBeta(v, u, b, a);
    }

    /// Refines a quantile estimate $x_0$ by Newton's method on the smaller tail: $F(x) = p$ for
    /// $p \le 1/2$, $S(x) = 1 - p$ otherwise ($1 - p$ is exact there). A start from an inverse
    /// incomplete beta whose result had to be transformed with a cancellation (as $1 - u$ near
    /// $u = 1$) regains full accuracy in one or two steps, since the CDF and survival functions are
    /// accurate. At most four steps; a step that would leave the support, or a density that is zero or
    /// infinite, ends the polish.
    static double polishQuantile(ContinuousDistribution d, double p, double x0) {
        double x = x0;
        if (!Double.isFinite(x) || p == 0 || p == 1) {
            return x;
        }
        for (int i = 0; i < 4; i++) {
            double f = d.pdf(x);
            if (!(f > 0) || f == Double.POSITIVE_INFINITY) {
                break;
            }
            double step = p <= 0.5 ? (d.cdf(x) - p) / f : ((1 - p) - d.survival(x)) / f;
            double next = x - step;
            if (!(next > d.supportLowerBound() && next < d.supportUpperBound())) {
                break;
            }
            if (Math.abs(step) <= 1e-15 * Math.abs(x)) {
                return next;
            }
            x = next;
        }
        return x;
    }
}
