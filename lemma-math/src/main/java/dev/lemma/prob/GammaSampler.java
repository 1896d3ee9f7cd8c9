package dev.lemma.prob;

import java.util.random.RandomGenerator;

/// Draws from the standard gamma distribution Gamma$(a, 1)$ by Marsaglia and Tsang's method, which
/// Gamma, ChiSquared, Beta, StudentT and FDistribution share.
///
/// For $a \ge 1$: with $d = a - 1/3$, $c = 1/\sqrt{9d}$, draw $Z \sim N(0, 1)$ and $U \sim U(0, 1)$,
/// set $V = (1 + cZ)^3$; accept $dV$ if $V > 0$ and $\log U < Z^2/2 + d - dV + d \log V$. The
/// acceptance rate is above 95% for every $a \ge 1$. For $a < 1$ the boost $G_a = G_{a+1}\,U^{1/a}$
/// (Marsaglia and Tsang, section 6), done in logarithms by [#logStandardGamma] because $U^{1/a}$
/// underflows for small $a$.
///
/// Reference: G. Marsaglia and W. W. Tsang, "A simple method for generating gamma variables", ACM
/// TOMS 26(3), 363–372 (2000).
final class GammaSampler {
    private GammaSampler() {}

    /// One draw of Gamma$(a, 1)$, $a > 0$ (0 when the draw underflows, for very small $a$).
    static double standardGamma(RandomGenerator random, double a) {
        if (a >= 1) {
            return marsagliaTsang(random, a);
        }
        return Math.exp(logStandardGamma(random, a));
    }

    /// The logarithm of one draw of Gamma$(a, 1)$: finite even where the draw itself underflows.
    static double logStandardGamma(RandomGenerator random, double a) {
        if (a >= 1) {
            return Math.log(marsagliaTsang(random, a));
        }
        double u = 1 - random.nextDouble(); // in (0, 1], so the log is finite
        return Math.log(marsagliaTsang(random, a + 1)) + Math.log(u) / a;
    }

    private static double marsagliaTsang(RandomGenerator random, double a) {
        double d = a - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double z = random.nextGaussian();
            double v = 1 + c * z;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = 1 - random.nextDouble();
            if (Math.log(u) < 0.5 * z * z + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }
}
