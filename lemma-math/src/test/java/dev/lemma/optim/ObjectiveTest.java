package dev.lemma.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.lemma.autodiff.Tensor;
import dev.lemma.calculus.GradientCheck;
import dev.lemma.linalg.Matrix;
import dev.lemma.linalg.Vector;
import dev.lemma.numeric.DimensionMismatchException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/// The tensor bridge gives the exact gradient: the closed form of least squares, and central differences
/// for a multinomial logistic loss over a weight matrix.
class ObjectiveTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void leastSquaresThroughTensorsHasTheClosedFormGradient(long seed) {
        Matrix a = Matrix.random(7, 3, seed);
        Vector b = Vector.random(7, seed + 10);
        Tensor ta = Tensor.of(a).detach();
        Tensor tb = Tensor.of(b).detach();
        Objective f = Objective.fromTensors(w -> ta.matmul(w).sub(tb).pow(2).sum(), 3);
        Vector w = Vector.random(3, seed + 20);
        Vector r = a.times(w).minus(b);
        Vector expected = a.transpose().times(r).times(2); // ∇‖Aw − b‖² = 2Aᵀ(Aw − b)
        Objective.Evaluation e = f.evaluate(w.toArray());
        assertThat(e.value()).isCloseTo(r.dot(r), within(1e-13));
        assertThat(f.value(w.toArray())).isEqualTo(e.value());
        for (int i = 0; i < 3; i++) {
            assertThat(e.gradient()[i]).isCloseTo(expected.get(i), within(1e-13));
            assertThat(f.gradient(w.toArray())[i]).isEqualTo(e.gradient()[i]);
        }
    }

    @Test
    void aWeightMatrixVariablePassesTheGradientCheck() {
        // Multinomial logistic loss of 5 examples, 3 features, 4 classes: W is 3×4, flattened row-major.
        Tensor x = Tensor.of(Matrix.random(5, 3, 7)).detach();
        int[] labels = {0, 3, 1, 1, 2};
        Objective f = Objective.fromTensors(w -> x.matmul(w).crossEntropy(labels), 3, 4);
        Vector w = Vector.random(12, 8);
        GradientCheck check = GradientCheck.of(v -> f.value(v.toArray()), Vector.of(f.gradient(w.toArray())), w);
        assertThat(check.passed()).as("worst %s", check.worst()).isTrue();
    }

    @Test
    void handWrittenObjectivesAndBadInput() {
        Objective sphere = Objective.of(x -> x[0] * x[0] + x[1] * x[1], x -> new double[] {2 * x[0], 2 * x[1]});
        assertThat(sphere.evaluate(new double[] {1, 2}).value()).isEqualTo(5.0);
        assertThat(sphere.gradient(new double[] {1, 2})).containsExactly(2, 4);
        Objective wrong = Objective.of(x -> 0, x -> new double[3]);
        assertThatThrownBy(() -> wrong.gradient(new double[2]))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessage("the gradient function returned 3 entries for a point with 2");
        Objective tensors = Objective.fromTensors(w -> w.mul(w).sum(), 2);
        assertThatThrownBy(() -> tensors.value(new double[] {1, 2, 3}))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessage("the objective has 2 variables but x has 3 entries");
        Objective notScalar = Objective.fromTensors(w -> w.mul(2), 2);
        assertThatThrownBy(() -> notScalar.value(new double[] {1, 2}))
                .hasMessageContaining("must return one number")
                .hasMessageContaining("[2]");
        Objective constant = Objective.fromTensors(w -> Tensor.constant(new double[] {4}), 2);
        assertThat(constant.evaluate(new double[] {1, 2}).gradient()).containsExactly(0, 0);
    }

    @Test
    void theDefaultHessianAndHessianVectorProductDifferentiateTheGradient() {
        // Rosenbrock's exact Hessian against the defaults of an objective that knows only its gradient.
        TestFunction t = TestFunctions.rosenbrock(4);
        Objective gradientOnly = Objective.of(t.objective()::value, t.objective()::gradient);
        double[] x = {-0.7, 1.3, 0.4, 2.0};
        double[] v = {0.3, -1, 2, 0.5};
        Matrix exact = t.objective().hessian(x);
        Matrix differenced = gradientOnly.hessian(x);
        double[] hv = gradientOnly.hessianVector(x, v);
        double[] exactHv = exact.times(Vector.of(v)).toArray();
        for (int i = 0; i < 4; i++) {
            assertThat(hv[i]).isCloseTo(exactHv[i], within(1e-6 * Math.max(1, Math.abs(exactHv[i]))));
            for (int j = 0; j < 4; j++) {
                assertThat(differenced.get(i, j))
                        .isCloseTo(exact.get(i, j), within(1e-6 * Math.max(1, Math.abs(exact.get(i, j)))));
            }
        }
    }

    @Test
    void aNumericalObjectiveApproximatesTheExactGradient() {
        TestFunction t = TestFunctions.beale();
        Objective numerical = Objective.numerical(t.objective()::value);
        double[] x = {1.2, -0.4};
        double[] exact = t.objective().gradient(x);
        double[] approx = numerical.gradient(x);
        for (int i = 0; i < 2; i++) {
            assertThat(approx[i]).isCloseTo(exact[i], within(1e-8 * Math.max(1, Math.abs(exact[i]))));
        }
        OptimizationResult r = new BFGS().minimize(numerical, t.start());
        assertThat(r.x()[0]).isCloseTo(3, within(1e-5));
        assertThat(r.x()[1]).isCloseTo(0.5, within(1e-5));
    }

    @Test
    void aHessianOfTheWrongShapeIsNamed() {
        Objective f = Objective.withHessian(x -> 0, x -> new double[2], x -> Matrix.identity(3));
        assertThatThrownBy(() -> f.hessian(new double[2]))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessageContaining("the Hessian function returned 3×3 for a point with 2 entries");
    }
}
