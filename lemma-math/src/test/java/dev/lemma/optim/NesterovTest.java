package dev.lemma.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/// Nesterov's method with constant momentum on quadratics, against the spectral radius of its iteration.
///
/// **The theory, computed here independently of the optimiser.** In the eigendirection of an eigenvalue
/// $\lambda$ of the Hessian, Nesterov's method in its classical form $y_k = x_k + \beta(x_k - x_{k-1})$,
/// $x_{k+1} = y_k - \eta\lambda y_k$ is the linear recurrence
/// $x_{k+1} = (1 + \beta)(1 - \eta\lambda)\,x_k - \beta(1 - \eta\lambda)\,x_{k-1}$, whose $2 \times 2$
/// companion matrix has trace $(1 + \beta)(1 - \eta\lambda)$ and determinant $\beta(1 - \eta\lambda)$; its
/// spectral radius $\rho(\lambda)$ is computed from those two numbers (complex roots have modulus
/// $\sqrt{\det}$). The asymptotic rate is $\max_\lambda \rho(\lambda)$. With $\eta = 1/L$ and
/// $\beta = (\sqrt\kappa - 1)/(\sqrt\kappa + 1)$ the maximum is at $\lambda = \mu$, a double root
/// $r = 1 - 1/\sqrt\kappa$ (the discriminant vanishes there): the test finds this numerically on a fine
/// grid of $[\mu, L]$.
///
/// **The measurement.** The double root makes the slow component behave like $(1 + c k)\,r^k$, not $r^k$.
/// The optimiser stores the look-ahead point, started with zero velocity, which gives (chapter 5)
/// $c = 1/(\sqrt\kappa + 1)$ (its first step is $y_1 = (1 - (1 + \beta)\eta\mu)\,y_0$, and
/// $1 + c = y_1/(r\,y_0)$); so with $h = \lfloor K/2 \rfloor$ the rate measured as
/// $(\|x_K\|/\|x_h\|)^{1/(K - h)}$ must be $r \cdot \bigl(\frac{1 + cK}{1 + ch}\bigr)^{1/(K - h)}$ once the
/// faster directions have died out. That is asserted to $10^{-6}$ relative over 10 seeded quadratics per
/// $\kappa$: the prediction has no free parameter. (For $\kappa = 100$: $r = 0.9$, measured 0.90029 over
/// $K = 3059$ steps; heavy ball's optimal rate is $9/11 = 0.818$, gradient descent's $99/101 = 0.980$.)
class NesterovTest {
    private static final int N = 6;

    @ParameterizedTest
    @ValueSource(doubles = {10, 100, 1000})
    void theMeasuredRateIsTheSpectralRadiusOneMinusOneOverRootKappa(double kappa) {
        double eta = 1 / kappa;
        double beta = (Math.sqrt(kappa) - 1) / (Math.sqrt(kappa) + 1);
        // Theory: the largest spectral radius over a fine grid of [μ, L] = [1, κ] sits at μ and is 1 − 1/√κ.
        double worst = 0;
        double argWorst = 0;
        for (int i = 0; i <= 100_000; i++) {
            double lambda = 1 + (kappa - 1) * i / 100_000.0;
            double rho = spectralRadius(eta, beta, lambda);
            if (rho > worst) {
                worst = rho;
                argWorst = lambda;
            }
        }
        double r = 1 - 1 / Math.sqrt(kappa);
        assertThat(worst).isCloseTo(r, within(1e-7));
        assertThat(argWorst).isEqualTo(1);
        // The quadratic's eigenvalues are 1, 1 + (κ − 1)/5, …, κ: the largest radius is the first.
        for (int i = 1; i < N; i++) {
            assertThat(spectralRadius(eta, beta, 1 + (kappa - 1) * i / (N - 1))).isLessThan(r);
        }

        int k = (int) Math.min(4000, 140 / -Math.log10(r)); // stop while the squared error is above 1e-280
        double c = 1 / (Math.sqrt(kappa) + 1);
        int h = k / 2;
        double predicted = r * Math.pow((1 + c * k) / (1 + c * h), 1.0 / (k - h));
        for (long seed = 1; seed <= 10; seed++) {
            TestFunction q = TestFunctions.quadratic(N, 1, kappa, seed);
            double[] x0 = new SplittableRandom(seed).doubles(N, -1, 1).toArray();
            OptimizationResult result = Nesterov.optimalFor(1, kappa, k, 0).minimize(q.objective(), x0);
            assertThat(result.status()).isEqualTo(Status.ITERATION_LIMIT);
            double observed = Math.pow(
                    norm(result.trajectory().get(k)) / norm(result.trajectory().get(h)), 1.0 / (k - h));
            assertThat(observed).as("κ = %s, seed %d", kappa, seed).isCloseTo(predicted, within(1e-6 * r));
            assertThat(observed).as("within the double root's bias").isBetween(r, r * Math.pow(2, 1.0 / (k - h)));
            assertThat(observed).as("faster than gradient descent").isLessThan((kappa - 1) / (kappa + 1));
        }
    }

    /// The spectral radius of $\begin{pmatrix} (1+\beta)(1-\eta\lambda) & -\beta(1-\eta\lambda) \\ 1 & 0
    /// \end{pmatrix}$ from its trace and determinant.
    private static double spectralRadius(double eta, double beta, double lambda) {
        double trace = (1 + beta) * (1 - eta * lambda);
        double det = beta * (1 - eta * lambda);
        double disc = trace * trace - 4 * det;
        if (disc < 0) {
            return Math.sqrt(det); // a complex pair, |z|² = det
        }
        double s = Math.sqrt(disc);
        return Math.max(Math.abs(trace + s), Math.abs(trace - s)) / 2;
    }

    @Test
    void settingsAreCheckedAndOptimalForGivesOneOverLAndTheMomentum() {
        Nesterov nesterov = Nesterov.optimalFor(1, 100, 10, 0);
        assertThat(nesterov.momentum()).isCloseTo(9.0 / 11, within(1e-15));
        assertThat(nesterov.rate(0)).isCloseTo(0.01, within(1e-18));
        assertThatThrownBy(() -> new Nesterov(0.1, 1.0)).hasMessage("Nesterov: momentum must be in [0, 1), got 1.0");
        assertThatThrownBy(() -> Nesterov.optimalFor(0, 1, 10, 0)).hasMessageContaining("needs 0 < mu ≤ L");
        assertThatThrownBy(() -> new Nesterov(Schedule.constant(0.1), 0.5, -1, 0))
                .hasMessage("Nesterov: maxIterations must be ≥ 0, got -1");
    }

    @Test
    void itConvergesOnBoothWithItsDefaults() {
        TestFunction booth = TestFunctions.booth();
        OptimizationResult r = new Nesterov().minimize(booth.objective(), booth.start());
        assertThat(r.status()).isEqualTo(Status.CONVERGED);
        assertThat(r.x()[0]).isCloseTo(1, within(1e-8));
        assertThat(r.x()[1]).isCloseTo(3, within(1e-8));
    }

    private static double norm(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v * v;
        }
        return Math.sqrt(s);
    }
}
