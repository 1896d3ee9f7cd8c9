package dev.lemma.prob;

/// A distribution on the integers with a mass function $p(k) = P(X = k)$; its CDF is the step function
/// $F(x) = \sum_{k \le x} p(k)$ and its quantile the smallest integer $k$ with $F(k) \ge p$.
public non-sealed interface DiscreteDistribution extends Distribution {

    /// The mass $p(k) = P(X = k)$: 0 outside the support.
    ///
    /// @param k an integer
    /// @return $p(k) \in [0, 1]$
    default double pmf(int k) {
        return Math.exp(logPmf(k));
    }

    /// $\log p(k)$: $-\infty$ outside the support.
    ///
    /// @param k an integer
    /// @return $\log p(k)$
    double logPmf(int k);

    /// @return the smallest value with positive mass
    int supportLowerBound();

    /// @return the largest value with positive mass (`Integer.MAX_VALUE` if unbounded)
    int supportUpperBound();
}
