package dev.lemma.prob;

import dev.lemma.linalg.Matrix;
import dev.lemma.linalg.Vector;
import java.util.random.RandomGenerator;

/// A distribution on $\mathbb{R}^d$ with a density (the multivariate normal, the Dirichlet on the
/// simplex).
public interface MultivariateDistribution {

    /// @return $d$, the dimension of a draw
    int dimension();

    /// The density $f(x)$: 0 outside the support.
    ///
    /// @param x a point of length [#dimension()]
    /// @return $f(x)$
    /// @throws dev.lemma.numeric.DimensionMismatchException if the length of `x` is not the dimension
    default double pdf(Vector x) {
        return Math.exp(logPdf(x));
    }

    /// $\log f(x)$, computed directly: $-\infty$ outside the support.
    ///
    /// @param x a point of length [#dimension()]
    /// @return $\log f(x)$
    /// @throws dev.lemma.numeric.DimensionMismatchException if the length of `x` is not the dimension
    double logPdf(Vector x);

    /// @return $E[X]$
    Vector mean();

    /// @return $\operatorname{Cov}[X] = E[(X - \mu)(X - \mu)^\top]$
    Matrix covariance();

    /// @return the differential entropy in nats
    double entropy();

    /// One draw.
    ///
    /// @param random the source of randomness
    /// @return a point of length [#dimension()]
    Vector sample(RandomGenerator random);
}
