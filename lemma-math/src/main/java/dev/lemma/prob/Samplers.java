package dev.lemma.prob;

import java.util.random.RandomGenerator;

/// Samplers shared by several distributions of this package.
///
/// Book: chapter 3, "Probability", section "Sampling".
final class Samplers {
    private Samplers() {}

    /// A Gamma$(a, 1)$ draw by Marsaglia and Tsang's method: for $a \ge 1$, with $d = a - 1/3$ and
    /// $c = 1/\sqrt{9d}$, draw $z \sim N(0, 1)$ and $u \sim U(0, 1)$, set $v = (1 + cz)^3$ and accept
    /// $dv$ when $v > 0$ and $\log u < z^2/2 + d - dv + d \log v$ (a squeeze $u < 1 - 0.0331 z^4$ skips
    /// the logarithms most of the time); the acceptance rate is above 95% for every $a \ge 1$. For
    /// $a < 1$, $G_{a+1} U^{1/a}$ (ibid., §6), computed in logarithms by [#logGamma].
    ///
    /// Reference: G. Marsaglia and W. W. Tsang, "A simple method for generating gamma variables",
    /// *ACM TOMS* 26(3), 363–372 (2000).
    ///
    /// @param random the source of randomness
    /// @param a the shape, $a > 0$ (not checked: callers validate their parameters)
    /// @return a Gamma$(a, 1)$ variate (may underflow to 0 for very small $a$)
    static double gamma(RandomGenerator random, double a) {
        return a >= 1 ? marsagliaTsang(random, a) : Math.exp(logGamma(random, a));
    }

    /// The logarithm of a Gamma$(a, 1)$ draw: for $a < 1$ the draw $G_{a+1}U^{1/a}$ underflows when
    /// $a$ is small ($U^{1/a}$ for $a = 0.01$ is below $10^{-308}$ with probability $e^{-7}$), its
    /// logarithm $\log G_{a+1} + \log(U)/a$ does not. Dirichlet sampling normalises these logarithms.
    ///
    /// @param random the source of randomness
    /// @param a the shape, $a > 0$
    /// @return $\log G$ for $G \sim$ Gamma$(a, 1)$
    static double logGamma(RandomGenerator random, double a) {
        if (a >= 1) {
            return Math.log(marsagliaTsang(random, a));
        }
        double u = 1.0 - random.nextDouble(); // in (0, 1], so log u is finite
        return Math.log(marsagliaTsang(random, a + 1.0)) + Math.log(u) / a;
    }

    private static double marsagliaTsang(RandomGenerator random, double a) {
        double d = a - 1.0 / 3.0;
        double c = 1.0 / Math.sqrt(9.0 * d);
        while (true) {
            double z = random.nextGaussian();
            double t = 1.0 + c * z;
            if (t <= 0) {
                continue;
            }
            double v = t * t * t;
            double u = random.nextDouble();
            double z2 = z * z;
            if (u < 1.0 - 0.0331 * z2 * z2) {
                return d * v;
            }
            if (Math.log(u) < 0.5 * z2 + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }
}
