package dev.lemma.linalg;

import dev.lemma.numeric.Checks;
import dev.lemma.numeric.Compensated;

/// An ordinary least-squares fit $y \approx X \hat\beta$ with the statistics that come straight from the
/// factorisation: the residuals, the estimated covariance of $\hat\beta$ and $R^2$. (Tests, intervals
/// and the rest of regression belong to the statistics module; this record is what linear algebra
/// owes it.)
///
/// With $n$ observations, $p$ coefficients and residual sum of squares $\mathrm{RSS} = \|y - X\hat\beta\|^2$:
///
/// - residual variance $s^2 = \mathrm{RSS} / (n - p)$ (NaN when $n = p$: nothing is left to estimate
///   it from);
/// - covariance $\widehat{\mathrm{Cov}}(\hat\beta) = s^2 (X^\top X)^{-1}$, with $(X^\top X)^{-1}$ from
///   refined solves with the QR factors of the column-scaled $X$, never from forming $X^\top X$;
/// - $R^2 = 1 - \mathrm{RSS}/\mathrm{TSS}$, with $\mathrm{TSS} = \sum (y_i - \bar y)^2$ when $X$ has an
///   intercept column (a column whose entries all equal one non-zero constant) and the uncentred
///   $\mathrm{TSS} = \sum y_i^2$ otherwise, the convention of NIST's StRD and of R's `lm` for models
///   without an intercept.
///
/// The coefficients are accurate to about $\kappa u$ relative, $\kappa$ the condition number of the
/// column-scaled $X$ (see [LeastSquares]); on all eleven NIST StRD linear regression problems every
/// certified digit that matters is reproduced (`NistLinearRegressionTest`).
///
/// Cost: $O(n p^2)$ for the fit and $O(n p^2)$ more for the covariance, which is computed on demand.
///
/// Book: chapter 1, sections "Orthogonality and projections: the normal equations" and "Least squares
/// via QR, and why it beats the normal equations".
///
/// References: NIST Statistical Reference Datasets, linear regression
/// (https://www.itl.nist.gov/div898/strd/lls/lls.shtml); Björck, *Numerical Methods for Least Squares
/// Problems* (SIAM 1996), §1.1 and §2.9.
///
/// @param coefficients $\hat\beta$, length $p$
/// @param residuals $y - X\hat\beta$, length $n$
/// @param residualSumOfSquares $\mathrm{RSS}$
/// @param degreesOfFreedom $n - p$
/// @param rSquared $R^2$, centred or uncentred as described above
/// @param covariance $s^2 (X^\top X)^{-1}$, `p×p`
public record LinearFit(
        Vector coefficients,
        Vector residuals,
        double residualSumOfSquares,
        int degreesOfFreedom,
        double rSquared,
        Matrix covariance) {

    /// Fits $y \approx X\beta$ by least squares.
    ///
    /// @param x the design matrix, `n×p`, $n \ge p$, of full column rank
    /// @param y the observations, length $n$
    /// @return the fit
    /// @throws dev.lemma.numeric.DimensionMismatchException if `y` does not have length $n$
    /// @throws dev.lemma.numeric.NonFiniteValueException naming the first NaN or infinite entry of `x`
    ///     (row and column) or `y` (index)
    /// @throws dev.lemma.numeric.SingularMatrixException if $X$ does not have full column rank (its
    ///     coefficients are then not identifiable and have no standard errors)
    public static LinearFit of(Matrix x, Vector y) {
        int n = x.rows();
        int p = x.cols();
        Checks.dimensions(y.size() == n, "linear fit: X is %s but y has length %d", Checks.shape(n, p), y.size());
        Checks.finite("y", y.data());
        LeastSquares ls = LeastSquares.of(x);
        LeastSquares.Solution solution = ls.refined(y.data(), new double[p]);
        double[] r = solution.residual().data();
        double rss = Compensated.dot(r, r);
        double[] yd = y.data();
        double tss;
        if (hasInterceptColumn(x)) {
            double mean = Compensated.sum(yd) / n;
            double[] centred = new double[n];
            for (int i = 0; i < n; i++) {
                centred[i] = yd[i] - mean;
            }
            tss = Compensated.dot(centred, centred);
        } else {
            tss = Compensated.dot(yd, yd);
        }
        int df = n - p;
        double s2 = df == 0 ? Double.NaN : rss / df;
        Matrix covariance = ls.inverseGram().times(s2);
        return new LinearFit(solution.x(), solution.residual(), rss, df, 1.0 - rss / tss, covariance);
    }

    private static boolean hasInterceptColumn(Matrix x) {
        double[] d = x.data();
        int n = x.rows();
        int p = x.cols();
        for (int j = 0; j < p; j++) {
            double first = d[j];
            boolean constant = n > 0 && first != 0.0;
            for (int i = 1; i < n && constant; i++) {
                constant = d[i * p + j] == first;
            }
            if (constant) {
                return true;
            }
        }
        return false;
    }

    /// $s = \sqrt{\mathrm{RSS}/(n-p)}$, the residual standard deviation (NaN when $n = p$).
    ///
    /// @return $s$
    public double residualStandardDeviation() {
        return degreesOfFreedom == 0 ? Double.NaN : Math.sqrt(residualSumOfSquares / degreesOfFreedom);
    }

    /// The standard errors $\mathrm{se}(\hat\beta_j) = \sqrt{\widehat{\mathrm{Cov}}_{jj}}$ (NIST's
    /// "standard deviation of estimate").
    ///
    /// @return the standard errors, length $p$
    public Vector standardErrors() {
        double[] se = new double[coefficients.size()];
        for (int j = 0; j < se.length; j++) {
            se[j] = Math.sqrt(covariance.get(j, j));
        }
        return Vector.wrap(se);
    }
}
