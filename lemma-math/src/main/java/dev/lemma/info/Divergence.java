package dev.lemma.info;

import dev.lemma.linalg.Matrix;
import dev.lemma.linalg.Vector;
import dev.lemma.numeric.Checks;

/// Divergences between probability distributions: the Kullback–Leibler divergence of discrete
/// distributions and, in closed form, of univariate and multivariate Gaussians; the Jensen–Shannon
/// divergence and its square root, the Jensen–Shannon distance.
///
/// $$\mathrm{KL}(p \,\|\, q) = \sum_i p_i \log \frac{p_i}{q_i}, \qquad
/// \mathrm{JS}(p, q) = \tfrac12 \mathrm{KL}(p \,\|\, m) + \tfrac12 \mathrm{KL}(q \,\|\, m),
/// \quad m = \tfrac12 (p + q).$$
///
/// $\mathrm{KL}(p \,\|\, q) \ge 0$ with equality exactly when $p = q$ (Gibbs' inequality, from Jensen's
/// inequality for the concave logarithm); it is not symmetric and can be $+\infty$. The Jensen–Shannon
/// divergence is symmetric, always finite, and at most $\ln 2$ (1 bit), reached by distributions with
/// disjoint supports; its square root is a metric (Endres and Schindelin 2003).
///
/// **Conventions.** A term with $p_i = 0$ is 0 whatever $q_i$ is ($0 \log(0/q) = 0$); a term with
/// $q_i = 0 < p_i$ is $+\infty$, and so is the divergence (SciPy's `rel_entr` and `entropy(p, q)`). In
/// the Jensen–Shannon divergence $m_i = 0$ only where $p_i = q_i = 0$, so it is never infinite.
///
/// **Input.** Discrete distributions are checked (same length, finite, in $[0, 1]$, summing to 1 within
/// $10^{-9}$) and used as given, never renormalised. Gaussians take means and variances (or covariance
/// matrices), not distribution objects.
///
/// References: S. Kullback and R. A. Leibler, "On information and sufficiency", Ann. Math. Statist.
/// 22(1), 1951; T. M. Cover and J. A. Thomas, *Elements of Information Theory*, 2nd ed., Wiley 2006,
/// §2.3 and Theorem 2.6.3 (Gibbs); J. Lin, "Divergence measures based on the Shannon entropy", IEEE
/// Trans. Inf. Theory 37(1), 1991 (Jensen–Shannon); D. M. Endres and J. E. Schindelin, "A new metric for
/// probability distributions", IEEE Trans. Inf. Theory 49(7), 2003; the Gaussian closed forms in
/// J. Duchi, "Derivations for linear algebra and optimization", Stanford notes, 2007 (the multivariate Gaussian KL).
///
/// Book: chapter 6, "Information theory".
public final class Divergence {
    private Divergence() {}

    /// The Kullback–Leibler divergence $\mathrm{KL}(p \,\|\, q) = \sum_i p_i \ln(p_i / q_i)$ in nats:
    /// the expected extra code length, per outcome drawn from $p$, of a code built for $q$.
    ///
    /// Terms with $p_i = 0$ are 0; the result is $+\infty$ if $q_i = 0 < p_i$ for some $i$. Where
    /// $q_i/2 \le p_i \le 2 q_i$ a term is computed as $-p_i\,\mathrm{log1p}((q_i - p_i)/p_i)$, with
    /// $q_i - p_i$ exact: for nearby distributions the terms, of size $|p_i - q_i|$, cancel down to
    /// about $\frac12 \sum_i (p_i - q_i)^2/p_i$, and $\ln(p_i/q_i)$ of a rounded ratio would leave an
    /// error of $u$ per term in that small result (relative error $10^{-5}$ at $|p_i - q_i| = 10^{-6}$;
    /// SciPy's `rel_entr` has it). Elsewhere $p_i \ln(p_i/q_i)$. $\mathrm{KL}(p \,\|\, p) = 0$ exactly.
    /// Cost: $O(n)$.
    ///
    /// @param p the first distribution, not modified
    /// @param q the second distribution, not modified
    /// @return $\mathrm{KL}(p \,\|\, q) \ge 0$ in nats, possibly $+\infty$
    /// @throws dev.lemma.numeric.DimensionMismatchException if the lengths differ (naming both)
    /// @throws IllegalArgumentException if either is empty, has an entry outside $[0, 1]$ or NaN (naming
    ///     the vector, index and value), or does not sum to 1 within $10^{-9}$
    public static double kullbackLeibler(double[] p, double[] q) {
        Probabilities.checkPair("kullbackLeibler", p, q);
        return klOfChecked(p, q);
    }

    /// $\mathrm{KL}(p \,\|\, q)$ in bits: [#kullbackLeibler(double[], double[])] divided by $\ln 2$.
    ///
    /// @param p the first distribution, not modified
    /// @param q the second distribution, not modified
    /// @return $\mathrm{KL}(p \,\|\, q)$ in bits, possibly $+\infty$
    /// @throws dev.lemma.numeric.DimensionMismatchException if the lengths differ (naming both)
    /// @throws IllegalArgumentException as [#kullbackLeibler(double[], double[])]
    public static double kullbackLeiblerBits(double[] p, double[] q) {
        return kullbackLeibler(p, q) / Entropy.LN_2;
    }

    private static double klOfChecked(double[] p, double[] q) {
        double kl = 0.0;
        for (int i = 0; i < p.length; i++) {
            kl += Probabilities.relativeEntropyTerm(p[i], q[i]);
        }
        return kl;
    }

    /// The Jensen–Shannon divergence
    /// $\mathrm{JS}(p, q) = \frac12 \mathrm{KL}(p \,\|\, m) + \frac12 \mathrm{KL}(q \,\|\, m)$,
    /// $m = \frac12(p + q)$, in nats. Symmetric, in $[0, \ln 2]$, 0 exactly when $p = q$, $\ln 2$ when
    /// the supports are disjoint. Equivalently $H(m) - \frac12 H(p) - \frac12 H(q)$, the mutual
    /// information between a fair coin and a draw from the distribution it selects.
    ///
    /// @param p the first distribution, not modified
    /// @param q the second distribution, not modified
    /// @return $\mathrm{JS}(p, q)$ in nats
    /// @throws dev.lemma.numeric.DimensionMismatchException if the lengths differ (naming both)
    /// @throws IllegalArgumentException as [#kullbackLeibler(double[], double[])]
    public static double jensenShannon(double[] p, double[] q) {
        Probabilities.checkPair("jensenShannon", p, q);
        double js = 0.0;
        for (int i = 0; i < p.length; i++) {
            double m = 0.5 * (p[i] + q[i]); // exact unless it underflows; m = 0 only where p = q = 0
            js += 0.5 * (Probabilities.relativeEntropyTerm(p[i], m) + Probabilities.relativeEntropyTerm(q[i], m));
        }
        return js;
    }

    /// The Jensen–Shannon divergence in bits, in $[0, 1]$.
    ///
    /// @param p the first distribution, not modified
    /// @param q the second distribution, not modified
    /// @return $\mathrm{JS}(p, q) / \ln 2$
    /// @throws dev.lemma.numeric.DimensionMismatchException if the lengths differ (naming both)
    /// @throws IllegalArgumentException as [#kullbackLeibler(double[], double[])]
    public static double jensenShannonBits(double[] p, double[] q) {
        return jensenShannon(p, q) / Entropy.LN_2;
    }

    /// The Jensen–Shannon distance $\sqrt{\mathrm{JS}(p, q)}$ (nats), a metric on distributions: what
    /// `scipy.spatial.distance.jensenshannon` returns.
    ///
    /// @param p the first distribution, not modified
    /// @param q the second distribution, not modified
    /// @return $\sqrt{\mathrm{JS}(p, q)} \in [0, \sqrt{\ln 2}]$
    /// @throws dev.lemma.numeric.DimensionMismatchException if the lengths differ (naming both)
    /// @throws IllegalArgumentException as [#kullbackLeibler(double[], double[])]
    public static double jensenShannonDistance(double[] p, double[] q) {
        return Math.sqrt(jensenShannon(p, q));
    }

    /// The Jensen–Shannon distance with the divergence in bits, $\sqrt{\mathrm{JS}(p, q) / \ln 2}$, in
    /// $[0, 1]$ (SciPy's `jensenshannon(p, q, base=2)`).
    ///
    /// @param p the first distribution, not modified
    /// @param q the second distribution, not modified
    /// @return $\sqrt{\mathrm{JS}_2(p, q)} \in [0, 1]$
    /// @throws dev.lemma.numeric.DimensionMismatchException if the lengths differ (naming both)
    /// @throws IllegalArgumentException as [#kullbackLeibler(double[], double[])]
    public static double jensenShannonDistanceBits(double[] p, double[] q) {
        return Math.sqrt(jensenShannonBits(p, q));
    }

    /// $\mathrm{KL}(\mathcal N(\mu_0, \sigma_0^2) \,\|\, \mathcal N(\mu_1, \sigma_1^2))$ in nats, in
    /// closed form:
    /// $$\mathrm{KL} = \frac12 \left( \frac{\sigma_0^2}{\sigma_1^2} + \frac{(\mu_1 - \mu_0)^2}{\sigma_1^2}
    /// - 1 - \ln \frac{\sigma_0^2}{\sigma_1^2} \right).$$
    /// Derivation: $\mathrm{KL} = E_0[\ln p_0 - \ln p_1]$, and under $p_0$,
    /// $E_0[(x - \mu_0)^2] = \sigma_0^2$ and $E_0[(x - \mu_1)^2] = \sigma_0^2 + (\mu_0 - \mu_1)^2$.
    ///
    /// With $r = \sigma_0^2/\sigma_1^2$, the part $r - 1 - \ln r$ is computed, for $r \in [\frac12, 2]$, as
    /// $t - \mathrm{log1p}(t)$ with $t = (\sigma_0^2 - \sigma_1^2)/\sigma_1^2$ (the difference exact by
    /// Sterbenz's lemma), so that nearly equal variances keep their small difference instead of losing it
    /// in $r - 1$ and $\ln r$. Outside that range it is $r - 1 - \ln r$ as written: there $t$ would lose
    /// $\sigma_0^2$ entirely once $\sigma_0^2 < u \sigma_1^2$ ($t = -1$, $\mathrm{log1p}(t) = -\infty$),
    /// while the terms of $r - 1 - \ln r$ do not cancel. Cost: $O(1)$.
    ///
    /// @param mean0 $\mu_0$
    /// @param variance0 $\sigma_0^2 > 0$
    /// @param mean1 $\mu_1$
    /// @param variance1 $\sigma_1^2 > 0$
    /// @return the divergence in nats, $\ge 0$, 0 exactly when the parameters are equal
    /// @throws IllegalArgumentException if a mean is not finite or a variance is not finite and
    ///     positive (naming it and its value)
    public static double gaussianKullbackLeibler(double mean0, double variance0, double mean1, double variance1) {
        checkGaussian("mean0", mean0, "variance0", variance0);
        checkGaussian("mean1", mean1, "variance1", variance1);
        double d = mean1 - mean0;
        double varianceTerm; // r − 1 − ln r ≥ 0
        if (variance0 >= 0.5 * variance1 && variance0 <= 2.0 * variance1) {
            double t = (variance0 - variance1) / variance1;
            varianceTerm = t - Math.log1p(t);
        } else {
            double r = variance0 / variance1;
            varianceTerm = r - 1.0 - Math.log(r);
        }
        return 0.5 * (varianceTerm + d * d / variance1);
    }

    private static void checkGaussian(String meanName, double mean, String varianceName, double variance) {
        Checks.argument(
                Double.isFinite(mean), "gaussianKullbackLeibler: %s is %s (expected a finite mean)", meanName, mean);
        Checks.argument(
                variance > 0.0 && Double.isFinite(variance),
                "gaussianKullbackLeibler: %s is %s (expected a finite variance > 0)",
                varianceName,
                variance);
    }

    /// $\mathrm{KL}(\mathcal N(\mu_0, \Sigma_0) \,\|\, \mathcal N(\mu_1, \Sigma_1))$ in nats for
    /// $k$-dimensional Gaussians, in closed form:
    /// $$\mathrm{KL} = \frac12 \left( \operatorname{tr}(\Sigma_1^{-1} \Sigma_0)
    /// + (\mu_1 - \mu_0)^\top \Sigma_1^{-1} (\mu_1 - \mu_0) - k + \ln \det \Sigma_1 - \ln \det \Sigma_0
    /// \right).$$
    ///
    /// Computed through the Cholesky factors $\Sigma_0 = L_0 L_0^\top$, $\Sigma_1 = L_1 L_1^\top$, never
    /// an inverse: with $M = L_1^{-1} L_0$ and $y = L_1^{-1}(\mu_1 - \mu_0)$ (forward substitutions),
    /// $\operatorname{tr}(\Sigma_1^{-1}\Sigma_0) = \|M\|_F^2$ (a sum of squares, so never negative),
    /// the Mahalanobis term is $\|y\|^2$, and $\ln\det\Sigma_1 - \ln\det\Sigma_0 =
    /// 2 \sum_i \ln (l^{(1)}_{ii} / l^{(0)}_{ii})$, which neither overflows nor underflows where the
    /// determinants would. The four terms cancel when the two Gaussians nearly coincide (the trace is then
    /// about $k$ and the log-determinant term about 0), so the result has an absolute error of a few
    /// $k u$ times the trace, not a relative one; a result that rounding would leave negative is returned
    /// as 0, the nearest value the divergence can take. Cost: two factorisations and one triangular
    /// solve with $k + 1$ right-hand sides, $O(k^3)$.
    ///
    /// @param mean0 $\mu_0$, length $k$
    /// @param covariance0 $\Sigma_0$, `k×k` symmetric positive definite
    /// @param mean1 $\mu_1$, length $k$
    /// @param covariance1 $\Sigma_1$, `k×k` symmetric positive definite
    /// @return the divergence in nats, $\ge 0$
    /// @throws dev.lemma.numeric.DimensionMismatchException if a covariance is not `k×k` for the length
    ///     $k$ of `mean0`, or `mean1` has another length (naming both shapes)
    /// @throws dev.lemma.numeric.NonFiniteValueException naming the first non-finite entry
    /// @throws IllegalArgumentException if a covariance is not symmetric (naming it)
    /// @throws dev.lemma.numeric.NotPositiveDefiniteException if a covariance is not positive definite,
    ///     naming it and the failed pivot
    public static double gaussianKullbackLeibler(Vector mean0, Matrix covariance0, Vector mean1, Matrix covariance1) {
        int k = mean0.size();
        Checks.dimensions(
                mean1.size() == k,
                "gaussianKullbackLeibler: mean0 has length %d but mean1 has length %d",
                k,
                mean1.size());
        checkCovariance("covariance0", covariance0, k);
        checkCovariance("covariance1", covariance1, k);
        Checks.finite("mean0", mean0.toArray());
        Checks.finite("mean1", mean1.toArray());
        double[] l0 = Covariances.factor("gaussianKullbackLeibler", "covariance0", covariance0)
                .lower()
                .toRowMajorArray();
        double[] l1 = Covariances.factor("gaussianKullbackLeibler", "covariance1", covariance1)
                .lower()
                .toRowMajorArray();

        double trace = 0.0; // ‖L1⁻¹ L0‖_F², column by column; column j of L0 is zero above row j
        double[] column = new double[k];
        for (int j = 0; j < k; j++) {
            for (int i = 0; i < k; i++) {
                column[i] = l0[i * k + j];
            }
            forwardSubstitute(l1, k, column);
            trace += sumOfSquares(column);
        }
        double[] y = mean1.minus(mean0).toArray();
        forwardSubstitute(l1, k, y);
        double mahalanobis = sumOfSquares(y);
        double logDetRatio = 0.0; // ln det Σ1 − ln det Σ0
        for (int i = 0; i < k; i++) {
            logDetRatio += 2.0 * Math.log(l1[i * k + i] / l0[i * k + i]);
        }
        return Math.max(0.0, 0.5 * (trace + mahalanobis - k + logDetRatio)); // exact value ≥ 0 (Gibbs)
    }

    private static void checkCovariance(String name, Matrix covariance, int k) {
        Checks.dimensions(
                covariance.rows() == k && covariance.cols() == k,
                "gaussianKullbackLeibler: mean0 has length %d but %s is %s (expected %s)",
                k,
                name,
                Checks.shape(covariance.rows(), covariance.cols()),
                Checks.shape(k, k));
    }

    /// Solves $L z = b$ in place for lower-triangular `l` (row-major `k×k`).
    static void forwardSubstitute(double[] l, int k, double[] b) {
        for (int i = 0; i < k; i++) {
            double s = b[i];
            for (int j = 0; j < i; j++) {
                s -= l[i * k + j] * b[j];
            }
            b[i] = s / l[i * k + i];
        }
    }

    private static double sumOfSquares(double[] x) {
        double s = 0.0;
        for (double xi : x) {
            s += xi * xi;
        }
        return s;
    }
}
