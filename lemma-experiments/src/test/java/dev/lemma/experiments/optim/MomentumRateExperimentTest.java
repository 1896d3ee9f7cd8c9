package dev.lemma.experiments.optim;

import static dev.lemma.experiments.Runs.cell;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.lemma.experiments.ParameterException;
import dev.lemma.experiments.Result;
import dev.lemma.experiments.Runs;
import dev.lemma.experiments.Table;
import dev.lemma.linalg.Eigen;
import dev.lemma.linalg.Matrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/// The momentum experiment against an independent computation: the spectral radius of each $2 \times 2$
/// iteration matrix from the library's general eigensolver ([Matrix#eigen()]) rather than the
/// experiment's closed form; the observed rate of the library's heavy ball against the largest of them;
/// and, at the optimal parameters, the rate $(\sqrt\kappa - 1)/(\sqrt\kappa + 1)$ of Polyak's theorem.
class MomentumRateExperimentTest {

    private static final MomentumRateExperiment EXPERIMENT = new MomentumRateExperiment();

    /// The eigensolver's accuracy on a $2 \times 2$ matrix is near $10^{-15}$, except next to a double
    /// eigenvalue (discriminant 0), where the eigenvalues of a Jordan block move by $\sqrt{\varepsilon}
    /// \approx 10^{-8}$ under rounding.
    private static final double EIGEN_TOLERANCE = 1e-6;

    /// The spectral radius of $M(\lambda)$ from the eigensolver.
    static double radius(double alpha, double beta, double lambda) {
        Eigen e = Matrix.of(new double[][] {{1 + beta - alpha * lambda, -beta}, {1, 0}})
                .eigen();
        double r = 0;
        for (int i = 0; i < e.size(); i++) {
            r = Math.max(r, Math.hypot(e.realParts().get(i), e.imaginaryParts().get(i)));
        }
        return r;
    }

    /// The largest radius over the experiment's eigenvalues $\mu + (L - \mu) i/(n - 1)$, $L = 1$.
    static double theory(double kappa, double alpha, double beta, int n) {
        double mu = 1 / kappa;
        double r = 0;
        for (int i = 0; i < n; i++) {
            r = Math.max(r, radius(alpha, beta, mu + (1 - mu) * i / (n - 1)));
        }
        return r;
    }

    @Test
    void theClosedFormIsTheSpectralRadiusOfTheIterationMatrix() {
        for (double alpha = 0.05; alpha < 4; alpha += 0.37) {
            for (double beta = 0; beta < 1; beta += 0.11) {
                for (double lambda = 0.001; lambda <= 1; lambda *= 3.7) {
                    assertThat(MomentumRateExperiment.spectralRadius(alpha, beta, lambda))
                            .as("α = %s, β = %s, λ = %s", alpha, beta, lambda)
                            .isCloseTo(radius(alpha, beta, lambda), within(EIGEN_TOLERANCE));
                }
            }
        }
    }

    /// Where the largest radius belongs to a simple real eigenvalue (the first two rows) the error is
    /// $c\rho^k(1 + O((\rho_2/\rho)^k))$ and the fitted rate is within $10^{-3}$; where every mode spirals
    /// with modulus $\sqrt\beta$ (the last row) the oscillation of $\cos k\theta$ shifts the fitted slope by
    /// about its amplitude over the window, a few tenths of a percent: $5 \times 10^{-3}$ covers both.
    @ParameterizedTest
    @CsvSource({"100, 2, 0.6, 10", "100, 1, 0.1, 2", "30, 3, 0.7, 20"})
    void theObservedRateIsTheLargestSpectralRadius(double kappa, double alpha, double beta, int n) {
        Result r = Runs.run(
                EXPERIMENT,
                "kappa",
                Double.toString(kappa),
                "alpha",
                Double.toString(alpha),
                "beta",
                Double.toString(beta),
                "dimension",
                Integer.toString(n),
                "iterations",
                "400");
        Table t = r.tables().getFirst();
        double expected = theory(kappa, alpha, beta, n);
        assertThat(cell(t, "theoretical rate", 1)).isCloseTo(expected, within(EIGEN_TOLERANCE));
        assertThat(cell(t, "observed rate", 1) / expected - 1).isCloseTo(0, within(5e-3));
    }

    /// At $(\alpha^\star, \beta^\star)$ both ends of $[\mu, L]$ give a double eigenvalue: the error behaves
    /// like $k\rho^k$, whose log-slope over the fitted window $[K/2, K]$ exceeds $\log\rho$ by about
    /// $1/\bar k$, $\bar k = 3K/4$. So the observed rate lies between $\rho$ and $\rho e^{2/\bar k}$.
    @ParameterizedTest
    @CsvSource({"10", "100", "1000"})
    void atTheOptimalParametersTheRateIsPolyaks(double kappa) {
        int iterations = 600;
        Result r = Runs.run(
                EXPERIMENT,
                "kappa",
                Double.toString(kappa),
                "optimal",
                "true",
                "iterations",
                Integer.toString(iterations));
        Table t = r.tables().getFirst();
        double rho = (Math.sqrt(kappa) - 1) / (Math.sqrt(kappa) + 1);
        assertThat(cell(t, "optimal rate", 1)).isCloseTo(rho, within(1e-15));
        // The double root makes the discriminant ±rounding: its square root moves ρ by up to about 1e-8.
        assertThat(cell(t, "theoretical rate", 1)).isCloseTo(rho, within(1e-7));
        double observed = cell(t, "observed rate", 1);
        double kBar = 0.75 * iterations;
        assertThat(observed).isBetween(rho * (1 - 1e-9), rho * Math.exp(2 / kBar));
        assertThat(cell(t, "optimal α*", 1)).isCloseTo(4 / Math.pow(1 + 1 / Math.sqrt(kappa), 2), within(1e-12));
    }

    @Test
    void aRateAboveOneIsCalledDivergence() {
        Result r = Runs.run(EXPERIMENT, "alpha", "3.9", "beta", "0.5");
        assertThat(cell(r.tables().getFirst(), "theoretical rate", 1)).isGreaterThan(1);
        assertThat(r.notes().getFirst()).contains("does not converge");
    }

    @Test
    void badParametersAreNamedWithWhatTheyAccept() {
        assertThatThrownBy(() -> Runs.run(EXPERIMENT, "beta", "1"))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("'beta' is a number from 0 to 0.99");
        assertThatThrownBy(() -> Runs.run(EXPERIMENT, "dimension", "1"))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("'dimension' is an integer from 2 to 50");
    }
}
