package dev.lemma.prob;

import dev.lemma.linalg.Cholesky;
import dev.lemma.linalg.Matrix;
import dev.lemma.linalg.Vector;
import dev.lemma.numeric.Checks;
import dev.lemma.numeric.NotPositiveDefiniteException;
import java.util.random.RandomGenerator;

/// The multivariate normal distribution $N(\mu, \Sigma)$ on $\mathbb{R}^d$, with density
/// $$f(x) = (2\pi)^{-d/2}\det(\Sigma)^{-1/2}\exp\big(-\tfrac12 (x - \mu)^\top\Sigma^{-1}(x - \mu)\big).$$
///
/// Everything goes through the Cholesky factor $\Sigma = L L^\top$, computed once: the quadratic form is
/// $\|z\|^2$ with $z$ the solution of the triangular system $L z = x - \mu$ ($d^2$ flops, no inverse
/// formed), and $\log\det\Sigma = 2\sum_i \log l_{ii}$, so that
/// $$\log f(x) = -\tfrac12\big(d\log 2\pi + \log\det\Sigma + \|z\|^2\big),$$
/// finite where $f$ itself underflows. Entropy $\tfrac12(d(1 + \log 2\pi) + \log\det\Sigma)$. A draw is
/// $\mu + L z$ with $z$ a vector of independent standard normals, since $\operatorname{Cov}[Lz] = L L^\top
/// = \Sigma$.
///
/// Immutable and thread-safe.
///
/// References: C. M. Bishop, *Pattern Recognition and Machine Learning* (2006), §2.3; K. P. Murphy,
/// *Probabilistic Machine Learning: An Introduction* (2022), §3.2.
///
/// Book: chapter 3, "Probability", section "The multivariate normal".
public final class MultivariateNormal implements MultivariateDistribution {
    private static final double LOG_2PI = Math.log(2 * Math.PI);

    private final Vector mean;
    private final Matrix covariance;
    private final Matrix lower;
    private final double logDeterminant;

    /// @param mean $\mu$, finite, of length $d \ge 1$
    /// @param covariance $\Sigma$, $d \times d$, symmetric positive definite
    /// @throws dev.lemma.numeric.DimensionMismatchException if the shapes disagree, naming both
    /// @throws dev.lemma.numeric.NonFiniteValueException naming the first NaN or infinite entry
    /// @throws IllegalArgumentException if `covariance` is not symmetric or not positive definite, saying
    ///     which entries or which pivot
    public MultivariateNormal(Vector mean, Matrix covariance) {
        int d = mean.size();
        Checks.argument(d >= 1, "mean must have at least one entry");
        Checks.dimensions(
                covariance.rows() == d && covariance.cols() == d,
                "mean has length %d but covariance is %s (expected %s)",
                d,
                Checks.shape(covariance.rows(), covariance.cols()),
                Checks.shape(d, d));
        Checks.finite("mean", mean.toArray());
        Checks.finite("covariance", covariance.toRowMajorArray(), d);
        Cholesky cholesky;
        try {
            cholesky = covariance.cholesky();
        } catch (NotPositiveDefiniteException e) {
            throw new IllegalArgumentException("covariance is not positive definite: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("covariance is not symmetric: " + e.getMessage(), e);
        }
        this.mean = mean;
        this.covariance = covariance;
        this.lower = cholesky.lower();
        this.logDeterminant = cholesky.logDeterminant();
    }

    /// The maximum-likelihood estimate from the rows of `data` (one observation per row): the sample
    /// mean $\hat\mu = \frac1n\sum_i x_i$ and the covariance with denominator $n$,
    /// $\hat\Sigma = \frac1n\sum_i (x_i - \hat\mu)(x_i - \hat\mu)^\top$ (two passes, centred first, so no
    /// cancellation of $E[xx^\top] - \mu\mu^\top$). The MLE is biased by the factor $(n-1)/n$.
    ///
    /// @param data $n \times d$, finite
    /// @return the fitted distribution
    /// @throws dev.lemma.numeric.NonFiniteValueException naming the row and column of the first NaN or
    ///     infinity
    /// @throws IllegalArgumentException if there are no rows, or the sample covariance is singular (for
    ///     instance $n \le d$, or a constant column)
    public static MultivariateNormal fit(Matrix data) {
        int n = data.rows();
        int d = data.cols();
        Checks.argument(
                n >= 1 && d >= 1, "fit: data must have at least one row and column but is %s", Checks.shape(n, d));
        double[] x = data.toRowMajorArray();
        Checks.finite("data", x, d);
        double[] mu = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                mu[j] += x[i * d + j];
            }
        }
        for (int j = 0; j < d; j++) {
            mu[j] /= n;
        }
        double[] s = new double[d * d];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < d; a++) {
                double ca = x[i * d + a] - mu[a];
                for (int b = 0; b <= a; b++) {
                    s[a * d + b] += ca * (x[i * d + b] - mu[b]);
                }
            }
        }
        for (int a = 0; a < d; a++) {
            for (int b = 0; b <= a; b++) {
                s[a * d + b] /= n;
                s[b * d + a] = s[a * d + b];
            }
        }
        return new MultivariateNormal(Vector.of(mu), Matrix.ofRowMajor(d, d, s));
    }

    @Override
    public int dimension() {
        return mean.size();
    }

    /// $\log f(x)$ by the triangular solve $L z = x - \mu$; $O(d^2)$.
    ///
    /// @throws dev.lemma.numeric.DimensionMismatchException if `x` does not have length $d$
    /// @throws IllegalArgumentException if `x` holds NaN
    @Override
    public double logPdf(Vector x) {
        int d = dimension();
        Checks.dimensions(x.size() == d, "logPdf: x has length %d but the distribution has dimension %d", x.size(), d);
        double[] z = x.minus(mean).toArray();
        for (int j = 0; j < d; j++) {
            Checks.argument(!Double.isNaN(z[j]), "logPdf: x has NaN at index %d", j);
        }
        double quadratic = 0;
        for (int i = 0; i < d; i++) {
            double s = z[i];
            for (int k = 0; k < i; k++) {
                s -= lower.get(i, k) * z[k];
            }
            z[i] = s / lower.get(i, i);
            quadratic += z[i] * z[i];
        }
        return -0.5 * (d * LOG_2PI + logDeterminant + quadratic);
    }

    @Override
    public Vector mean() {
        return mean;
    }

    @Override
    public Matrix covariance() {
        return covariance;
    }

    /// @return the Cholesky factor $L$ of $\Sigma = LL^\top$
    public Matrix choleskyFactor() {
        return lower;
    }

    /// @return $\log\det\Sigma = 2\sum_i\log l_{ii}$
    public double logDeterminant() {
        return logDeterminant;
    }

    @Override
    public double entropy() {
        return 0.5 * (dimension() * (1 + LOG_2PI) + logDeterminant);
    }

    /// $\mu + Lz$ with $z_i$ from `random.nextGaussian()`; $O(d^2)$.
    @Override
    public Vector sample(RandomGenerator random) {
        int d = dimension();
        double[] z = new double[d];
        for (int i = 0; i < d; i++) {
            z[i] = random.nextGaussian();
        }
        return mean.plus(lower.times(Vector.of(z)));
    }

    @Override
    public String toString() {
        return "MultivariateNormal[mean=" + mean + ", covariance=" + covariance + "]";
    }
}
