package dev.lemma.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.lemma.calculus.MultivariateDerivatives;
import dev.lemma.linalg.Matrix;
import dev.lemma.linalg.Vector;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/// The hand-written gradients and Hessians of the test functions against central differences of the
/// values (and of the gradients), at random points; the stated minimisers against a zero gradient, a
/// positive definite Hessian and the stated minimum.
class TestFunctionsTest {

    static List<TestFunction> all() {
        SplittableRandom random = new SplittableRandom(9);
        int m = 30;
        double[][] x = new double[m][3];
        int[] y = new int[m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < 3; j++) {
                x[i][j] = random.nextGaussian();
            }
            y[i] = random.nextInt(2);
        }
        return List.of(
                TestFunctions.quadratic(5, 1, 50, 2),
                TestFunctions.rosenbrock(2),
                TestFunctions.rosenbrock(7),
                TestFunctions.beale(),
                TestFunctions.himmelblau(),
                TestFunctions.rastrigin(3),
                TestFunctions.booth(),
                TestFunctions.saddle(),
                TestFunctions.logisticLoss(Matrix.of(x), y, 0.1));
    }

    @Test
    void gradientsAndHessiansMatchCentralDifferences() {
        SplittableRandom random = new SplittableRandom(4);
        for (TestFunction t : all()) {
            for (int trial = 0; trial < 20; trial++) {
                double[] p = random.doubles(t.dimension(), -2, 2).toArray();
                Objective f = t.objective();
                double[] g = f.gradient(p);
                double[] numeric = MultivariateDerivatives.gradient(v -> f.value(v.toArray()), Vector.of(p))
                        .toArray();
                for (int i = 0; i < g.length; i++) {
                    assertThat(g[i])
                            .as("%s ∂%d at trial %d", t.name(), i, trial)
                            .isCloseTo(numeric[i], within(1e-6 * Math.max(1, Math.abs(numeric[i]))));
                }
                Matrix h = f.hessian(p);
                Matrix numericH = MultivariateDerivatives.hessianFromGradient(
                        v -> Vector.of(f.gradient(v.toArray())), Vector.of(p));
                for (int i = 0; i < g.length; i++) {
                    for (int j = 0; j < g.length; j++) {
                        assertThat(h.get(i, j))
                                .as("%s H[%d][%d]", t.name(), i, j)
                                .isCloseTo(
                                        numericH.get(i, j), within(1e-6 * Math.max(1, Math.abs(numericH.get(i, j)))));
                    }
                }
            }
        }
    }

    @Test
    void theStatedMinimizersAreMinima() {
        for (TestFunction t : all()) {
            for (double[] star : t.minimizers()) {
                Objective f = t.objective();
                assertThat(f.value(star)).as(t.name()).isCloseTo(t.minimum(), within(1e-13));
                for (double gi : f.gradient(star)) {
                    assertThat(gi).as(t.name()).isCloseTo(0, within(1e-12));
                }
                assertThat(f.hessian(star).symmetricEigen().values().get(0))
                        .as("%s: smallest Hessian eigenvalue", t.name())
                        .isPositive();
            }
        }
    }

    @Test
    void theSaddleIsASaddle() {
        Matrix h = TestFunctions.saddle().objective().hessian(new double[] {0, 0});
        assertThat(h.symmetricEigen().values().toArray()).containsExactly(-1, 1);
    }

    @Test
    void badDefinitionsAreNamed() {
        assertThatThrownBy(() -> TestFunctions.rosenbrock(1)).hasMessageContaining("dimension must be ≥ 2, got 1");
        assertThatThrownBy(() -> TestFunctions.logisticLoss(Matrix.of(new double[][] {{1}, {2}}), new int[] {0, 2}, 0))
                .hasMessageContaining("label 1 is 2, not 0 or 1");
        assertThatThrownBy(() -> TestFunctions.quadratic(Matrix.identity(2), new double[3]))
                .hasMessageContaining("A 2×2 and b of length 3");
    }
}
