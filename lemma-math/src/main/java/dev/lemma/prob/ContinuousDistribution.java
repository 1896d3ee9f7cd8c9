package dev.lemma.prob;

/// A distribution with a density $f$, so that $P(a < X \le b) = \int_a^b f(x)\,dx$.
///
/// Implementations compute [#logPdf] directly (not as the log of [#pdf]), so that it stays finite far
/// in the tails where the density underflows to 0.
public non-sealed interface ContinuousDistribution extends Distribution {

    /// The density $f(x)$: 0 outside the support.
    ///
    /// @param x any real number
    /// @return $f(x) \ge 0$
    /// @throws IllegalArgumentException if `x` is NaN
    default double pdf(double x) {
        return Math.exp(logPdf(x));
    }

    /// $\log f(x)$: $-\infty$ outside the support.
    ///
    /// @param x any real number
    /// @return $\log f(x)$
    /// @throws IllegalArgumentException if `x` is NaN
    double logPdf(double x);

    /// @return the infimum of the support ($-\infty$ if unbounded)
    double supportLowerBound();

    /// @return the supremum of the support ($+\infty$ if unbounded)
    double supportUpperBound();
}
