package dev.lemma.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lemma.numeric.Tolerances;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/// §1.14: the perturbation bound $\|\delta x\|/\|x\| \le \kappa(A)\|\delta b\|/\|b\|$ (Theorem 1.17) and
/// its sharpness, and the rule that a backward-stable solve has forward error about $\kappa(A)\,u$, on
/// random matrices of chosen condition and on the Hilbert matrices, whose condition numbers are computed
/// here exactly from the closed-form inverse rather than by Lemma.
class ConditioningTest {
    private static final double U = Tolerances.UNIT_ROUNDOFF;

    /// The Hilbert matrix $h_{ij} = 1/(i + j - 1)$ (1-based), each entry rounded once.
    static Matrix hilbert(int n) {
        double[][] h = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                h[i][j] = 1.0 / (i + j + 1);
            }
        }
        return Matrix.of(h);
    }

    private static BigInteger binomial(int n, int k) {
        BigInteger c = BigInteger.ONE;
        for (int i = 0; i < k; i++) {
            c = c.multiply(BigInteger.valueOf(n - i)).divide(BigInteger.valueOf(i + 1));
        }
        return c;
    }

    /// $\kappa_\infty(H_n) = \|H_n\|_\infty \|H_n^{-1}\|_\infty$, exactly up to the final rounding, from
    /// the integer entries of the inverse, $(H_n^{-1})_{ij} = (-1)^{i+j}(i+j-1)\binom{n+i-1}{n-j}
    /// \binom{n+j-1}{n-i}\binom{i+j-2}{i-1}^2$ (Choi, "Tricks or treats with the Hilbert matrix", Amer.
    /// Math. Monthly 90, 1983), and the largest row sum of $H_n$, its first, $\sum_j 1/j$.
    static double hilbertConditionInf(int n) {
        BigInteger largestRow = BigInteger.ZERO;
        for (int i = 1; i <= n; i++) {
            BigInteger row = BigInteger.ZERO;
            for (int j = 1; j <= n; j++) {
                BigInteger b = binomial(i + j - 2, i - 1);
                row = row.add(BigInteger.valueOf(i + j - 1)
                        .multiply(binomial(n + i - 1, n - j))
                        .multiply(binomial(n + j - 1, n - i))
                        .multiply(b.multiply(b)));
            }
            largestRow = largestRow.max(row);
        }
        double harmonic = 0;
        for (int j = n; j >= 1; j--) {
            harmonic += 1.0 / j;
        }
        return harmonic * largestRow.doubleValue();
    }

    @Test
    void exactHilbertConditionNumbersAreTheKnownOnes() {
        // κ∞(H_4) = 28375 exactly (‖H_4‖∞ = 25/12, ‖H_4⁻¹‖∞ = 13620), the textbook value.
        assertThat(hilbertConditionInf(4)).isCloseTo(28375.0, within(1e-9));
        // The 2-norm values the book quotes, from Lemma's SVD, against the reference values of
        // cond(hilb(n)) (MATLAB and mpmath agree): 1.5514e4 and 1.5258e10, each to 4 digits here.
        assertThat(hilbert(4).conditionNumber()).isCloseTo(15513.738738928, within(1e-4 * 15513.7));
        assertThat(hilbert(8).conditionNumber()).isCloseTo(1.5257575e10, within(1e-4 * 1.5257575e10));
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 8, 12})
    void hilbertSolveErrorsAreOfOrderKappaTimesU(int n) {
        // §1.14: solve H_n x = H_n·1, whose exact answer is all ones, and compare with the theory.
        Matrix h = hilbert(n);
        Vector ones = Vector.filled(n, 1);
        Vector x = h.solve(h.times(ones));
        double error = x.minus(ones).normInf(); // relative, since ‖1‖∞ = 1
        double kappaU = hilbertConditionInf(n) * U;
        // Forward error ≤ condition × backward error. LU is backward stable with backward error γ_3n‖H‖
        // for modest growth (Higham, Theorem 9.4): c = 3n.
        assertThat(error).as("error for n = %d, κu = %.2g", n, kappaU).isLessThanOrEqualTo(3 * n * kappaU);
        // And the errors are of the order κu, not far below: the stored H_n is already H_n perturbed by a
        // relative u, which no refinement can undo. Within a factor 1000, generously.
        assertThat(error).as("error for n = %d, κu = %.2g", n, kappaU).isGreaterThanOrEqualTo(kappaU / 1000);
        if (n == 12) {
            // κu > 1: the theory guarantees no digit, and the error is indeed in the second decimal.
            assertThat(kappaU).isGreaterThan(1);
            assertThat(error).isGreaterThan(0.01);
        } else {
            // κu < 1: 16 − log₁₀κ digits survive, as the rule of thumb says.
            assertThat(kappaU).isLessThan(1e-5);
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {1, 1e2, 1e5, 1e8, 1e11})
    void perturbationBoundHoldsAndIsSharp(double kappa) {
        int n = 12;
        long seed = 300 + (long) Math.log10(kappa);
        // A = U Σ Vᵀ with σ from 1 down to 1/κ, so κ₂(A) = κ up to rounding in forming the product.
        Matrix u = SolverFixtures.orthogonal(n, seed);
        Matrix v = SolverFixtures.orthogonal(n, seed + 7);
        double[] sigma = new double[n];
        for (int i = 0; i < n; i++) {
            sigma[i] = Math.pow(kappa, -(double) i / (n - 1));
        }
        Matrix a = u.times(Matrix.diagonal(sigma)).times(v.transpose());
        double kappa2 = a.conditionNumber();
        assertThat(kappa2).isCloseTo(kappa, within(1e-3 * kappa + 100 * n * U * kappa * kappa));

        // Random right-hand sides and perturbations of relative size η: ‖δx‖/‖x‖ ≤ κ‖δb‖/‖b‖.
        // η = 1e-6 ≫ κu keeps the solves' own errors (≤ c·κ·u relative) below 1e-3 of the bound.
        double eta = 1e-6;
        for (int t = 0; t < 20; t++) {
            Vector b = Vector.random(n, seed * 100 + t);
            Vector db = Vector.random(n, seed * 100 + 50 + t).normalize().times(eta * b.norm2());
            Vector x = a.solve(b);
            Vector dx = a.solve(b.plus(db)).minus(x);
            double amplification = (dx.norm2() / x.norm2()) / (db.norm2() / b.norm2());
            assertThat(amplification).as("κ = %.0e, trial %d", kappa, t).isLessThanOrEqualTo(kappa2 * (1 + 1e-3));
            // The computed forward error of a backward-stable solve: ≲ c·n·κ·u (c = 10).
            Vector known = Vector.random(n, seed * 100 + 90 + t);
            double forward = a.solve(a.times(known)).minus(known).norm2() / known.norm2();
            assertThat(forward).isLessThanOrEqualTo(10 * n * kappa2 * U);
        }
        // Sharpness: x = v₁ (so ‖b‖ = σ₁‖x‖) and δb = η·u_n (so ‖δx‖ = ‖δb‖/σ_n) attain the bound.
        Vector x = v.column(0);
        Vector b = a.times(x);
        Vector db = u.column(n - 1).times(eta * b.norm2());
        Vector dx = a.solve(b.plus(db)).minus(a.solve(b));
        double amplification = (dx.norm2() / x.norm2()) / (db.norm2() / b.norm2());
        assertThat(amplification).isCloseTo(kappa2, within(1e-3 * kappa2));
    }
}
