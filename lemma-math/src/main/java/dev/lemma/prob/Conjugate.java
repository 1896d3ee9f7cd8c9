package dev.lemma.prob;

import dev.lemma.numeric.Checks;
import dev.lemma.numeric.SpecialFunctions;

/// Conjugate prior–likelihood pairs: a prior family that the likelihood maps back into itself, so that
/// Bayes' rule $p(\theta \mid x) \propto p(x \mid \theta)\,p(\theta)$ becomes an update of a few numbers.
/// Each pair is a small immutable record of the current (prior or posterior) parameters; `update`
/// returns the posterior after some data, so updating one observation at a time gives the same result
/// as updating with all of them at once (the posterior after $x_1$ is the prior for $x_2$).
///
/// | record | prior | likelihood | update |
/// |---|---|---|---|
/// | [BetaBernoulli] | Beta$(\alpha, \beta)$ on $p$ | Bernoulli$(p)$ | $\alpha + s$, $\beta + f$ |
/// | [GammaPoisson] | Gamma$(a, b)$ (rate $b$) on $\lambda$ | Poisson$(\lambda)$ | $a + \sum k_i$, $b + n$ |
/// | [NormalNormal] | $N(\mu_0, \tau_0^2)$ on $\mu$ | $N(\mu, \sigma^2)$, $\sigma^2$ known | precisions add |
/// | [DirichletCategorical] | Dirichlet$(\alpha)$ on $\pi$ | Categorical$(\pi)$ | $\alpha_k + n_k$ |
///
/// References: K. P. Murphy, *Probabilistic Machine Learning: An Introduction* (2022), §4.6; A. Gelman
/// et al., *Bayesian Data Analysis*, 3rd ed. (2013), chapters 2 and 3.
///
/// Book: chapter 3, "Probability", section "Conjugate priors".
public final class Conjugate {
    private Conjugate() {}

    private static void positive(String name, double value) {
        Checks.argument(
                value > 0 && value < Double.POSITIVE_INFINITY, "%s must be > 0 and finite but is %s", name, value);
    }

    /// A Beta$(\alpha, \beta)$ belief about a success probability $p$, updated by Bernoulli outcomes:
    /// with $s$ successes and $f$ failures the posterior is Beta$(\alpha + s, \beta + f)$, because
    /// $p^{\alpha-1}(1-p)^{\beta-1}\cdot p^s(1-p)^f$ has the same form.
    ///
    /// @param alpha $\alpha > 0$ (prior successes, loosely)
    /// @param beta $\beta > 0$ (prior failures)
    public record BetaBernoulli(double alpha, double beta) {
        /// @throws IllegalArgumentException if a parameter is not positive and finite
        public BetaBernoulli {
            positive("alpha", alpha);
            positive("beta", beta);
        }

        /// @param successes $s \ge 0$
        /// @param failures $f \ge 0$
        /// @return Beta$(\alpha + s, \beta + f)$
        public BetaBernoulli update(int successes, int failures) {
            Checks.nonNegative("successes", successes);
            Checks.nonNegative("failures", failures);
            return new BetaBernoulli(alpha + successes, beta + failures);
        }

        /// @param outcomes each 0 or 1
        /// @return the posterior after all of them
        public BetaBernoulli update(int... outcomes) {
            int s = 0;
            for (int i = 0; i < outcomes.length; i++) {
                Checks.argument(
                        outcomes[i] == 0 || outcomes[i] == 1, "outcomes[%d] must be 0 or 1 but is %d", i, outcomes[i]);
                s += outcomes[i];
            }
            return update(s, outcomes.length - s);
        }

        /// @return $E[p] = \alpha/(\alpha + \beta)$
        public double mean() {
            return alpha / (alpha + beta);
        }

        /// @return $\operatorname{Var}[p] = \alpha\beta/((\alpha+\beta)^2(\alpha+\beta+1))$
        public double variance() {
            double s = alpha + beta;
            return alpha * beta / (s * s * (s + 1));
        }

        /// @param p a point in $[0, 1]$
        /// @return the log-density $(\alpha-1)\log p + (\beta-1)\log(1-p) - \log B(\alpha, \beta)$
        public double logDensity(double p) {
            Checks.argument(p >= 0 && p <= 1, "p must be in [0, 1] but is %s", p);
            return (alpha - 1) * Math.log(p) + (beta - 1) * Math.log1p(-p) - SpecialFunctions.logBeta(alpha, beta);
        }

        /// The maximum a posteriori estimate, the mode of the belief: $\frac{\alpha - 1}{\alpha + \beta - 2}$
        /// when $\alpha, \beta \ge 1$ (not both 1), where the density is unimodal. With the flat prior Beta(1,
        /// 1) and $s$ successes in $n$ trials it is $s/n$, the maximum-likelihood estimate; a prior
        /// Beta$(\alpha, \beta)$ acts as $\alpha - 1$ extra successes and $\beta - 1$ extra failures.
        ///
        /// @return the mode
        /// @throws ArithmeticException if $\alpha < 1$ or $\beta < 1$ (the density is unbounded at an end)
        ///     or $\alpha = \beta = 1$ (flat, every $p$ is a mode)
        public double maximumAPosteriori() {
            if (alpha < 1 || beta < 1 || (alpha == 1 && beta == 1)) {
                throw new ArithmeticException("Beta(" + alpha + ", " + beta + ") has no single mode: the density is"
                        + (alpha == 1 && beta == 1 ? " flat" : " unbounded at an end of [0, 1]"));
            }
            return (alpha - 1) / (alpha + beta - 2);
        }

        /// @return the belief as a [Beta] distribution
        public Beta distribution() {
            return new Beta(alpha, beta);
        }

        /// The posterior predictive $P(x_{\text{new}} = 1 \mid \text{data}) = \int p\,\text{Beta}(p)\,dp =
        /// \alpha/(\alpha + \beta)$ (Laplace's rule of succession for $\alpha = \beta = 1$).
        ///
        /// @return the predictive Bernoulli distribution
        public Bernoulli predictive() {
            return new Bernoulli(mean());
        }
    }

    /// A Gamma$(a, b)$ belief (shape $a$, rate $b$, density $\propto \lambda^{a-1}e^{-b\lambda}$) about a
    /// Poisson rate, updated by counts $k_1, \dots, k_n$ to Gamma$(a + \sum k_i, b + n)$.
    ///
    /// @param shape $a > 0$
    /// @param rate $b > 0$
    public record GammaPoisson(double shape, double rate) {
        /// @throws IllegalArgumentException if a parameter is not positive and finite
        public GammaPoisson {
            positive("shape", shape);
            positive("rate", rate);
        }

        /// @param counts observed counts, each $\ge 0$
        /// @return Gamma$(a + \sum k_i, b + n)$
        public GammaPoisson update(int... counts) {
            long total = 0;
            for (int i = 0; i < counts.length; i++) {
                Checks.argument(counts[i] >= 0, "counts[%d] must be ≥ 0 but is %d", i, counts[i]);
                total += counts[i];
            }
            return new GammaPoisson(shape + total, rate + counts.length);
        }

        /// @return $E[\lambda] = a/b$
        public double mean() {
            return shape / rate;
        }

        /// @return $\operatorname{Var}[\lambda] = a/b^2$
        public double variance() {
            return shape / (rate * rate);
        }

        /// @param lambda $\lambda > 0$
        /// @return $a\log b - \log\Gamma(a) + (a-1)\log\lambda - b\lambda$
        public double logDensity(double lambda) {
            Checks.argument(lambda > 0, "lambda must be > 0 but is %s", lambda);
            return shape * Math.log(rate)
                    - SpecialFunctions.logGamma(shape)
                    + (shape - 1) * Math.log(lambda)
                    - rate * lambda;
        }

        /// The maximum a posteriori rate, the mode $(a - 1)/b$ for $a \ge 1$ (0 for $a < 1$, where the
        /// density decreases from $+\infty$ at 0).
        ///
        /// @return the mode
        public double maximumAPosteriori() {
            return shape >= 1 ? (shape - 1) / rate : 0.0;
        }

        /// @return the belief as a [Gamma] distribution (shape $a$, scale $1/b$)
        public Gamma distribution() {
            return new Gamma(shape, 1 / rate);
        }

        /// The posterior predictive of a new count, $\int \text{Pois}(k \mid \lambda)\text{Gamma}(\lambda)\,d\lambda$,
        /// a negative binomial:
        /// $\log P(k) = \log\Gamma(k + a) - \log\Gamma(a) - \log k! + a\log\frac{b}{b+1} - k\log(b+1)$.
        ///
        /// @param k the new count
        /// @return its log-probability ($-\infty$ for $k < 0$)
        public double predictiveLogPmf(int k) {
            if (k < 0) {
                return Double.NEGATIVE_INFINITY;
            }
            return SpecialFunctions.logGamma(k + shape)
                    - SpecialFunctions.logGamma(shape)
                    - SpecialFunctions.logGamma(k + 1.0)
                    - shape * Math.log1p(1 / rate)
                    - k * Math.log1p(rate);
        }
    }

    /// A $N(\mu_0, \tau_0^2)$ belief about the mean $\mu$ of normal data with known variance $\sigma^2$.
    /// After $n$ observations with sum $S$ the precisions add and the means average by precision:
    /// $$\frac{1}{\tau_n^2} = \frac{1}{\tau_0^2} + \frac{n}{\sigma^2}, \qquad
    ///     \mu_n = \tau_n^2\Big(\frac{\mu_0}{\tau_0^2} + \frac{S}{\sigma^2}\Big).$$
    ///
    /// @param mean $\mu_0$, finite
    /// @param variance $\tau_0^2 > 0$, the variance of the belief about $\mu$
    /// @param noiseVariance $\sigma^2 > 0$, the known variance of each observation
    public record NormalNormal(double mean, double variance, double noiseVariance) {
        /// @throws IllegalArgumentException if the mean is not finite or a variance is not positive and finite
        public NormalNormal {
            Checks.argument(Double.isFinite(mean), "mean must be finite but is %s", mean);
            positive("variance", variance);
            positive("noiseVariance", noiseVariance);
        }

        /// @param observations the data, finite
        /// @return the posterior $N(\mu_n, \tau_n^2)$ with the same noise variance
        public NormalNormal update(double... observations) {
            Checks.finite("observations", observations);
            double sum = 0;
            for (double x : observations) {
                sum += x;
            }
            double precision = 1 / variance + observations.length / noiseVariance;
            double posteriorVariance = 1 / precision;
            return new NormalNormal(
                    posteriorVariance * (mean / variance + sum / noiseVariance), posteriorVariance, noiseVariance);
        }

        /// @param mu a value of $\mu$
        /// @return the log-density of the belief $N(\mu_0, \tau_0^2)$ at `mu`
        public double logDensity(double mu) {
            double z = mu - mean;
            return -0.5 * (Math.log(2 * Math.PI * variance) + z * z / variance);
        }

        /// The maximum a posteriori estimate of $\mu$: the belief's mode, its mean $\mu_n$. Compared with
        /// the maximum-likelihood estimate $\bar x$ it is pulled towards $\mu_0$, the more the fewer the data:
        /// the Gaussian prior acts as an L2 penalty $\frac{(\mu - \mu_0)^2}{2\tau_0^2}$ on the
        /// log-likelihood.
        ///
        /// @return $\mu_n$
        public double maximumAPosteriori() {
            return mean;
        }

        /// @return the belief about $\mu$ as a [Normal] distribution $N(\mu_0, \tau_0^2)$
        public Normal distribution() {
            return new Normal(mean, Math.sqrt(variance));
        }

        /// The posterior predictive of a new observation, $N(\mu_n, \tau_n^2 + \sigma^2)$: the uncertainty
        /// about $\mu$ plus the noise.
        ///
        /// @return the predictive variance $\tau_n^2 + \sigma^2$ (its mean is [#mean])
        public double predictiveVariance() {
            return variance + noiseVariance;
        }

        /// @return the posterior predictive distribution $N(\mu_n, \tau_n^2 + \sigma^2)$
        public Normal predictive() {
            return new Normal(mean, Math.sqrt(predictiveVariance()));
        }
    }

    /// A Dirichlet$(\alpha)$ belief about the probabilities of a categorical distribution, updated by
    /// observed categories to Dirichlet$(\alpha + n)$, $n_k$ the number of times category $k$ was seen.
    ///
    /// @param alpha the concentrations, $K \ge 2$, each positive and finite (copied)
    @SuppressWarnings("ArrayRecordComponent") // copied in and out; equals compares contents
    public record DirichletCategorical(double... alpha) {
        /// @throws IllegalArgumentException as [Dirichlet#Dirichlet(double...)]
        public DirichletCategorical {
            alpha = new Dirichlet(alpha).alpha();
        }

        @Override
        public double[] alpha() {
            return alpha.clone();
        }

        /// @param outcomes observed categories, each in $[0, K)$
        /// @return Dirichlet$(\alpha + n)$
        public DirichletCategorical update(int... outcomes) {
            double[] a = alpha.clone();
            for (int i = 0; i < outcomes.length; i++) {
                Checks.argument(
                        outcomes[i] >= 0 && outcomes[i] < a.length,
                        "outcomes[%d] = %d is not a category in [0, %d)",
                        i,
                        outcomes[i],
                        a.length);
                a[outcomes[i]]++;
            }
            return new DirichletCategorical(a);
        }

        /// @return the belief as a [Dirichlet] distribution
        public Dirichlet distribution() {
            return new Dirichlet(alpha);
        }

        /// The posterior predictive $P(x_{\text{new}} = k \mid \text{data}) = E[\pi_k] = \alpha_k/\alpha_0$.
        ///
        /// @return the predictive categorical distribution
        public Categorical predictive() {
            return Categorical.ofWeights(alpha);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof DirichletCategorical d && java.util.Arrays.equals(alpha, d.alpha);
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(alpha);
        }

        @Override
        public String toString() {
            return "DirichletCategorical" + java.util.Arrays.toString(alpha);
        }
    }
}
