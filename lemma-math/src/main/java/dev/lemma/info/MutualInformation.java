package dev.lemma.info;

import dev.lemma.linalg.Matrix;
import dev.lemma.numeric.Checks;

/// Mutual information: how much knowing one variable reduces the uncertainty of another, the
/// Kullback–Leibler divergence of a joint distribution from the product of its marginals.
///
/// $$I(X; Y) = \sum_{x,y} p(x,y) \log \frac{p(x,y)}{p(x)\,p(y)} = H(X) + H(Y) - H(X, Y)
/// = H(Y) - H(Y \mid X) \ge 0,$$
/// with equality exactly when $X$ and $Y$ are independent. For a Gaussian vector it has a closed form in
/// the covariance: for a bivariate normal with correlation $\rho$,
/// $I(X; Y) = -\frac12 \ln(1 - \rho^2)$; for blocks $X$ (the first $d$ coordinates) and $Y$ (the rest),
/// $I(X; Y) = \frac12 \ln \frac{\det \Sigma_{XX} \det \Sigma_{YY}}{\det \Sigma}$; and the total
/// correlation of all $k$ coordinates, $\sum_i H(X_i) - H(X_1, \dots, X_k)$, is
/// $-\frac12 \ln \det R$ with $R$ the correlation matrix.
///
/// Conventions as in [Entropy]: nats, $0 \log 0 = 0$ (a cell with $p(x,y) = 0$ contributes 0), tables
/// checked and used as given, never renormalised.
///
/// References: T. M. Cover and J. A. Thomas, *Elements of Information Theory*, 2nd ed., Wiley 2006,
/// §2.4 (mutual information and entropy), Theorem 2.6.3 (non-negativity), §8.5 and Example 8.5.1
/// (the bivariate normal); S. Watanabe, "Information theoretical analysis of multivariate correlation",
/// IBM J. Res. Dev. 4(1), 1960 (total correlation). The discrete formula is scikit-learn's
/// `mutual_info_score` applied to a contingency table divided by its total.
///
/// Book: chapter 6, "Information theory".
public final class MutualInformation {
    private MutualInformation() {}

    /// The mutual information $I(X; Y) = \sum_{x,y} p(x,y) \ln \frac{p(x,y)}{p(x) p(y)}$ of a joint table,
    /// in nats, computed from this definition (not from entropies, so that
    /// $I = H(X) + H(Y) - H(X,Y)$ is checked, not assumed). A table of counts becomes a joint table by
    /// dividing every count by the total.
    ///
    /// @param joint the table, `joint[x][y]` $= p(x, y)$, not modified
    /// @return $I(X; Y)$ in nats, in $[0, \min(H(X), H(Y))]$ up to rounding
    /// @throws IllegalArgumentException if the table is empty or ragged, has an entry outside $[0, 1]$
    ///     (naming its row, column and value), or does not sum to 1 within $10^{-9}$
    public static double discrete(double[][] joint) {
        Probabilities.checkJoint("MutualInformation.discrete", joint);
        double[] px = Probabilities.rowMarginal(joint);
        double[] py = Probabilities.columnMarginal(joint);
        double mi = 0.0;
        for (int x = 0; x < joint.length; x++) {
            for (int y = 0; y < py.length; y++) {
                // p(x,y) > 0 implies p(x), p(y) > 0, so this term is never infinite
                mi += Probabilities.relativeEntropyTerm(joint[x][y], px[x] * py[y]);
            }
        }
        return mi;
    }

    /// The mutual information of a joint table in bits, [#discrete(double[][])] divided by $\ln 2$.
    ///
    /// @param joint the table, `joint[x][y]` $= p(x, y)$, not modified
    /// @return $I(X; Y)$ in bits
    /// @throws IllegalArgumentException as [#discrete(double[][])]
    public static double discreteBits(double[][] joint) {
        return discrete(joint) / Entropy.LN_2;
    }

    /// $I(X; Y) = -\frac12 \ln(1 - \rho^2)$ for a bivariate normal with correlation $\rho$, in nats.
    /// It depends on $\rho$ alone (mutual information is invariant under rescaling each variable), is 0
    /// for $\rho = 0$, and grows without bound as $|\rho| \to 1$. Computed as
    /// $-\frac12 \mathrm{log1p}(-\rho^2)$, accurate for small $\rho$ where $1 - \rho^2$ rounds to 1.
    ///
    /// Derivation: $I = h(X) + h(Y) - h(X, Y)$ with the Gaussian differential entropies
    /// $h = \frac12 \ln((2\pi e)^k \det \Sigma)$, and $\det \Sigma = \sigma_X^2 \sigma_Y^2 (1 - \rho^2)$.
    ///
    /// @param rho the correlation, in $[-1, 1]$
    /// @return $I(X; Y)$ in nats; $+\infty$ for $|\rho| = 1$ ($Y$ is then a function of $X$)
    /// @throws IllegalArgumentException if `rho` is NaN or outside $[-1, 1]$ (naming its value)
    public static double gaussian(double rho) {
        Checks.argument(
                rho >= -1.0 && rho <= 1.0,
                "MutualInformation.gaussian: rho is %s (expected a correlation in [-1, 1])",
                rho);
        return -0.5 * Math.log1p(-rho * rho);
    }

    /// $I(X; Y) = \frac12 (\ln \det \Sigma_{XX} + \ln \det \Sigma_{YY} - \ln \det \Sigma)$ between the
    /// first `dimensionX` coordinates $X$ of a Gaussian vector and the remaining ones $Y$, in nats. The
    /// log-determinants come from Cholesky factorisations of $\Sigma$ and of its two diagonal blocks.
    ///
    /// @param covariance $\Sigma$, `k×k` symmetric positive definite; the means do not matter
    /// @param dimensionX $d$, the size of $X$, in $[1, k - 1]$
    /// @return $I(X; Y) \ge 0$ in nats (up to rounding)
    /// @throws IllegalArgumentException if `dimensionX` is outside $[1, k - 1]$, or the covariance is
    ///     not square (naming its shape) or not symmetric
    /// @throws dev.lemma.numeric.NotPositiveDefiniteException if the covariance is not positive definite
    public static double gaussian(Matrix covariance, int dimensionX) {
        int k = covariance.rows();
        Checks.argument(
                covariance.cols() == k,
                "MutualInformation.gaussian: the covariance is %s (expected a square matrix)",
                Checks.shape(k, covariance.cols()));
        Checks.argument(
                dimensionX >= 1 && dimensionX <= k - 1,
                "MutualInformation.gaussian: dimensionX is %d but the covariance is %s (expected 1 ≤ d ≤ %d)",
                dimensionX,
                Checks.shape(k, k),
                k - 1);
        String method = "MutualInformation.gaussian";
        double logDet = Covariances.factor(method, "the covariance", covariance).logDeterminant();
        // the diagonal blocks of a positive definite matrix are positive definite
        Matrix sigmaXX = covariance.block(0, dimensionX, 0, dimensionX);
        Matrix sigmaYY = covariance.block(dimensionX, k, dimensionX, k);
        double logDetX = Covariances.factor(method, "the X block of the covariance", sigmaXX)
                .logDeterminant();
        double logDetY = Covariances.factor(method, "the Y block of the covariance", sigmaYY)
                .logDeterminant();
        return 0.5 * (logDetX + logDetY - logDet);
    }

    /// The total correlation (multi-information) of a Gaussian vector,
    /// $C = \sum_i h(X_i) - h(X_1, \dots, X_k) = -\frac12 \ln \det R$ in nats, with $R$ the correlation
    /// matrix $R_{ij} = \Sigma_{ij} / \sqrt{\Sigma_{ii} \Sigma_{jj}}$. For $k = 2$ it is
    /// [#gaussian(double)]; it is 0 exactly when the coordinates are independent. Computed as
    /// $\frac12 (\sum_i \ln \Sigma_{ii} - \ln \det \Sigma)$, so a covariance matrix need not be
    /// rescaled to a correlation matrix first (and a correlation matrix gives $-\frac12 \ln\det R$).
    ///
    /// @param covariance $\Sigma$ (or $R$), `k×k` symmetric positive definite
    /// @return $C \ge 0$ in nats (up to rounding)
    /// @throws IllegalArgumentException if the covariance is not square (naming its shape) or not symmetric
    /// @throws dev.lemma.numeric.NotPositiveDefiniteException if it is not positive definite
    public static double gaussianTotalCorrelation(Matrix covariance) {
        int k = covariance.rows();
        Checks.argument(
                covariance.cols() == k,
                "MutualInformation.gaussianTotalCorrelation: the covariance is %s (expected a square matrix)",
                Checks.shape(k, covariance.cols()));
        double logDet = Covariances.factor("MutualInformation.gaussianTotalCorrelation", "the covariance", covariance)
                .logDeterminant();
        double sumLogVariances = 0.0;
        for (int i = 0; i < k; i++) {
            sumLogVariances += Math.log(covariance.get(i, i));
        }
        return 0.5 * (sumLogVariances - logDet);
    }
}
