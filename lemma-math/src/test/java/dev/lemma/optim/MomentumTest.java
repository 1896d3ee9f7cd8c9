package dev.lemma.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.lemma.linalg.Matrix;
import dev.lemma.linalg.Vector;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/// Heavy-ball momentum with its optimal parameters converges at $(\sqrt\kappa - 1)/(\sqrt\kappa + 1)$ per step
/// on quadratics of condition number $\kappa$, measured over many seeded quadratics.
///
/// With the optimal parameters every eigendirection's iteration matrix has a double eigenvalue of modulus
/// $r$, so the error behaves like $k\,r^k$; the rate is measured as $(\|x_K\|/\|x_{K/2}\|)^{2/K}$, which
/// the factor $k$ biases upwards by at most $2^{2/K}$.
class MomentumTest {

    @ParameterizedTest
    @ValueSource(doubles = {10, 100, 1000})
    void theObservedRateIsRootKappaMinusOneOverRootKappaPlusOne(double kappa) {
        double r = (Math.sqrt(kappa) - 1) / (Math.sqrt(kappa) + 1);
        int steps = 4000;
        for (long seed = 1; seed <= 10; seed++) {
            Matrix a = GradientDescentTest.quadratic(6, 1, kappa, seed);
            Objective f = Objective.of(
                    x -> 0.5 * a.times(Vector.of(x)).dot(Vector.of(x)),
                    x -> a.times(Vector.of(x)).toArray());
            double[] x0 = new SplittableRandom(seed).doubles(6, -1, 1).toArray();
            int k = (int) Math.min(steps, 140 / -Math.log10(r)); // stop while the squared error is above 1e-280
            OptimizationResult result = Momentum.optimalFor(1, kappa, k, 0).minimize(f, x0);
            double late = norm(result.trajectory().get(k));
            double middle = norm(result.trajectory().get(k / 2));
            double observed = Math.pow(late / middle, 2.0 / k);
            assertThat(observed)
                    .as("κ = %s, seed %d", kappa, seed)
                    .isBetween(r * (1 - 1e-6), r * Math.pow(2, 2.0 / k) * (1 + 1e-6));
            assertThat(observed).as("faster than gradient descent").isLessThan((kappa - 1) / (kappa + 1));
        }
    }

    @Test
    void settingsAreChecked() {
        assertThatThrownBy(() -> new Momentum(0.1, 1.0, 10, 0)).hasMessageContaining("momentum must be in [0, 1)");
        Momentum m = Momentum.optimalFor(1, 100, 10, 0);
        assertThat(m.momentum()).isCloseTo(Math.pow(9.0 / 11, 2), within(1e-15));
        assertThat(m.learningRate()).isCloseTo(4.0 / 121, within(1e-15));
    }

    private static double norm(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v * v;
        }
        return Math.sqrt(s);
    }
}
