package dev.lemma.info;

import dev.lemma.linalg.Vector;
import dev.lemma.numeric.Checks;

/// The linear-Gaussian latent-variable model with one latent coordinate, where the evidence lower bound
/// (ELBO) of variational inference, the exact log evidence and the exact posterior all have closed
/// forms, so the gap between them can be seen exactly:
/// $$z \sim \mathcal N(0, 1), \qquad x \mid z \sim \mathcal N(w z + b, \sigma^2 I_n),
/// \qquad q(z) = \mathcal N(m, s^2),$$
/// with $x, w, b \in \mathbb R^n$ (a vector observation; $n$ i.i.d. scalar observations of
/// $\mathcal N(\omega z + \beta, \sigma^2)$ are the case $w_i = \omega$, $b_i = \beta$ for all $i$).
/// It is probabilistic PCA with one component, and a variational auto-encoder whose decoder is linear.
///
/// **ELBO.** For any density $q$,
/// $\ln p(x) = \mathrm{ELBO}(q) + \mathrm{KL}(q(z) \,\|\, p(z \mid x))$ with
/// $\mathrm{ELBO}(q) = E_q[\ln p(x \mid z)] - \mathrm{KL}(q \,\|\, p(z))$, so the ELBO is a lower bound on
/// the log evidence, tight exactly when $q$ is the posterior. Here, with $r = x - b$,
/// $$E_q[\ln p(x \mid z)] = -\frac n2 \ln(2\pi\sigma^2) - \frac{\|r - w m\|^2 + s^2 \|w\|^2}{2\sigma^2},
/// \qquad \mathrm{KL}(q \,\|\, p(z)) = \frac12 (m^2 + s^2 - 1 - \ln s^2),$$
/// the first because $E_q\|r - wz\|^2 = \|r - wm\|^2 + \|w\|^2 \operatorname{Var}_q z$.
///
/// **Posterior and evidence.** Completing the square in $z$: $p(z \mid x) = \mathcal N(\mu, v)$ with
/// precision $1/v = 1 + \|w\|^2/\sigma^2$ and mean $\mu = v\, w^\top r / \sigma^2$. The marginal is
/// $x \sim \mathcal N(b, C)$, $C = \sigma^2 I + w w^\top$, with $\det C = \sigma^{2n}(1 + \|w\|^2/\sigma^2)$
/// (matrix determinant lemma) and
/// $r^\top C^{-1} r = \min_z (\|r - wz\|^2/\sigma^2 + z^2) = \|r - w\mu\|^2/\sigma^2 + \mu^2$.
/// [#logEvidence] uses this last form, a sum of squares, instead of the Sherman–Morrison form
/// $(\|r\|^2 - (w^\top r)^2/(\sigma^2 + \|w\|^2))/\sigma^2$, which cancels when $r$ is nearly parallel
/// to $w$ and $\sigma \ll \|w\|$.
///
/// Cost: $O(n)$ per method. Immutable and thread-safe.
///
/// References: D. P. Kingma and M. Welling, "Auto-encoding variational Bayes", ICLR 2014 (the ELBO and
/// its Gaussian KL term, Appendix B); C. M. Bishop, *Pattern Recognition and Machine Learning*,
/// Springer 2006, §2.3.3 (the linear-Gaussian posterior and marginal), §10.1 (the decomposition of
/// $\ln p(x)$); M. E. Tipping and C. M. Bishop, "Probabilistic principal component analysis", J. R.
/// Statist. Soc. B 61(3), 1999.
///
/// Book: chapter 6, "Information theory".
public final class LatentGaussianModel {
    private static final double LN_2PI = Math.log(2.0 * Math.PI);

    private final Vector w;
    private final Vector b;
    private final double sigma;
    private final double wNormSquared;

    /// The model $p(z) = \mathcal N(0, 1)$, $p(x \mid z) = \mathcal N(w z + b, \sigma^2 I)$.
    ///
    /// @param w the loadings $w \in \mathbb R^n$, $n \ge 1$
    /// @param b the offset $b \in \mathbb R^n$
    /// @param sigma the noise standard deviation $\sigma > 0$
    /// @throws dev.lemma.numeric.DimensionMismatchException if `w` and `b` differ in length (naming both)
    /// @throws IllegalArgumentException if $n = 0$ or `sigma` is not finite and positive (naming its
    ///     value)
    /// @throws dev.lemma.numeric.NonFiniteValueException naming the first non-finite entry of `w` or `b`
    public LatentGaussianModel(Vector w, Vector b, double sigma) {
        Checks.dimensions(
                w.size() == b.size(), "LatentGaussianModel: w has length %d but b has length %d", w.size(), b.size());
        Checks.argument(w.size() > 0, "LatentGaussianModel: w is empty (expected an observation of length ≥ 1)");
        Checks.argument(
                sigma > 0.0 && Double.isFinite(sigma),
                "LatentGaussianModel: sigma is %s (expected a finite standard deviation > 0)",
                sigma);
        Checks.finite("w", w.toArray());
        Checks.finite("b", b.toArray());
        this.w = w;
        this.b = b;
        this.sigma = sigma;
        this.wNormSquared = w.dot(w);
    }

    /// A Gaussian over the latent $z$: the exact posterior $p(z \mid x)$, or a variational $q(z)$.
    ///
    /// @param mean its mean
    /// @param variance its variance
    public record Gaussian(double mean, double variance) {}

    /// @return the loadings $w$
    public Vector w() {
        return w;
    }

    /// @return the offset $b$
    public Vector b() {
        return b;
    }

    /// @return the noise standard deviation $\sigma$
    public double sigma() {
        return sigma;
    }

    /// The log-likelihood $\ln p(x \mid z) = -\frac n2 \ln(2\pi\sigma^2) - \|x - wz - b\|^2 / (2\sigma^2)$.
    ///
    /// @param x the observation, length $n$
    /// @param z the latent value
    /// @return $\ln p(x \mid z)$
    /// @throws dev.lemma.numeric.DimensionMismatchException if `x` does not have length $n$
    public double logLikelihood(Vector x, double z) {
        double[] r = residual("logLikelihood", x);
        double sse = 0.0;
        for (int i = 0; i < r.length; i++) {
            double e = r[i] - w.get(i) * z;
            sse += e * e;
        }
        return -0.5 * r.length * (LN_2PI + 2.0 * Math.log(sigma)) - sse / (2.0 * sigma * sigma);
    }

    /// The expected log-likelihood under $q = \mathcal N(m, s^2)$, in closed form:
    /// $E_q[\ln p(x \mid z)] = -\frac n2 \ln(2\pi\sigma^2) - (\|r - wm\|^2 + s^2\|w\|^2)/(2\sigma^2)$,
    /// $r = x - b$.
    ///
    /// @param x the observation, length $n$
    /// @param m the mean of $q$
    /// @param s the standard deviation of $q$, $> 0$
    /// @return $E_q[\ln p(x \mid z)]$
    /// @throws dev.lemma.numeric.DimensionMismatchException if `x` does not have length $n$
    /// @throws IllegalArgumentException if `m` is not finite or `s` not finite and positive
    public double expectedLogLikelihood(Vector x, double m, double s) {
        checkQ("expectedLogLikelihood", m, s);
        return logLikelihood(x, m) - s * s * wNormSquared / (2.0 * sigma * sigma);
    }

    /// $\mathrm{KL}(q \,\|\, p(z)) = \frac12(m^2 + s^2 - 1 - \ln s^2)$, the divergence of
    /// $q = \mathcal N(m, s^2)$ from the prior $\mathcal N(0, 1)$ (the ELBO's regulariser), computed by
    /// [Divergence#gaussianKullbackLeibler(double, double, double, double)].
    ///
    /// @param m the mean of $q$
    /// @param s the standard deviation of $q$, $> 0$
    /// @return the divergence in nats
    /// @throws IllegalArgumentException if `m` is not finite or `s` not finite and positive
    public double klFromPrior(double m, double s) {
        checkQ("klFromPrior", m, s);
        return Divergence.gaussianKullbackLeibler(m, s * s, 0.0, 1.0);
    }

    /// The evidence lower bound $\mathrm{ELBO}(q) = E_q[\ln p(x \mid z)] - \mathrm{KL}(q \,\|\, p(z))$
    /// for $q = \mathcal N(m, s^2)$, in closed form (see the class documentation). It is at most
    /// [#logEvidence], with equality exactly when $q$ is [#posterior].
    ///
    /// @param x the observation, length $n$
    /// @param m the mean of $q$
    /// @param s the standard deviation of $q$, $> 0$
    /// @return $\mathrm{ELBO}(q)$ in nats
    /// @throws dev.lemma.numeric.DimensionMismatchException if `x` does not have length $n$
    /// @throws IllegalArgumentException if `m` is not finite or `s` not finite and positive
    public double elbo(Vector x, double m, double s) {
        return expectedLogLikelihood(x, m, s) - klFromPrior(m, s);
    }

    /// The exact posterior $p(z \mid x) = \mathcal N(\mu, v)$ with $1/v = 1 + \|w\|^2/\sigma^2$ and
    /// $\mu = v\, w^\top (x - b) / \sigma^2$.
    ///
    /// @param x the observation, length $n$
    /// @return the posterior mean and variance
    /// @throws dev.lemma.numeric.DimensionMismatchException if `x` does not have length $n$
    public Gaussian posterior(Vector x) {
        double[] r = residual("posterior", x);
        double variance = 1.0 / (1.0 + wNormSquared / (sigma * sigma));
        return new Gaussian(variance * w.dot(Vector.of(r)) / (sigma * sigma), variance);
    }

    /// The exact log evidence $\ln p(x) = \ln \mathcal N(x; b, \sigma^2 I + w w^\top)$:
    /// $$\ln p(x) = -\frac n2 \ln(2\pi\sigma^2) - \frac12 \mathrm{log1p}(\|w\|^2/\sigma^2)
    /// - \frac12 \left(\frac{\|r - w\mu\|^2}{\sigma^2} + \mu^2\right),$$
    /// with $r = x - b$ and $\mu$ the posterior mean (the class documentation derives it).
    ///
    /// @param x the observation, length $n$
    /// @return $\ln p(x)$ in nats
    /// @throws dev.lemma.numeric.DimensionMismatchException if `x` does not have length $n$
    public double logEvidence(Vector x) {
        double mu = posterior(x).mean();
        return logLikelihood(x, mu) - 0.5 * Math.log1p(wNormSquared / (sigma * sigma)) - 0.5 * mu * mu;
    }

    /// $\mathrm{KL}(q(z) \,\|\, p(z \mid x))$ for $q = \mathcal N(m, s^2)$, by
    /// [Divergence#gaussianKullbackLeibler(double, double, double, double)] against [#posterior]: the
    /// amount by which [#elbo] falls short of [#logEvidence].
    ///
    /// @param x the observation, length $n$
    /// @param m the mean of $q$
    /// @param s the standard deviation of $q$, $> 0$
    /// @return the divergence in nats, 0 exactly when $(m, s^2)$ is the posterior
    /// @throws dev.lemma.numeric.DimensionMismatchException if `x` does not have length $n$
    /// @throws IllegalArgumentException if `m` is not finite or `s` not finite and positive
    public double klFromPosterior(Vector x, double m, double s) {
        checkQ("klFromPosterior", m, s);
        Gaussian post = posterior(x);
        return Divergence.gaussianKullbackLeibler(m, s * s, post.mean(), post.variance());
    }

    private double[] residual(String method, Vector x) {
        Checks.dimensions(
                x.size() == b.size(), "%s: the model has n = %d but x has length %d", method, b.size(), x.size());
        Checks.finite("x", x.toArray());
        return x.minus(b).toArray();
    }

    private static void checkQ(String method, double m, double s) {
        Checks.argument(Double.isFinite(m), "%s: m is %s (expected a finite mean of q)", method, m);
        Checks.argument(
                s > 0.0 && Double.isFinite(s),
                "%s: s is %s (expected a finite standard deviation of q > 0)",
                method,
                s);
    }
}
