package dev.lemma.calculus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.lemma.numeric.DimensionMismatchException;
import dev.lemma.numeric.NonFiniteValueException;
import dev.lemma.numeric.Tolerances;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/// Truncated Taylor arithmetic: the textbook series at 0, agreement with dual numbers, and the error
/// of the order-$k$ polynomial shrinking like $h^{k+1}$ (Taylor's theorem).
class TaylorTest {
    private static final double U = Tolerances.UNIT_ROUNDOFF;

    /// The recurrences make $O(k)$ operations per coefficient on numbers of size at most about 1:
    /// $64u \approx 7 \times 10^{-15}$ absolute bounds their rounding at order 5.
    private static final double COEFFICIENT_TOLERANCE = 64 * U;

    /// The measured order, $\log_2$ of the error ratio when $h$ halves, differs from $k + 1$ by the
    /// next term's relative weight, about $h/(k+2) \le 0.1$ at $h \le 0.2$; 0.15 allows it.
    private static final double ORDER_TOLERANCE = 0.15;

    private static void assertCoefficients(TaylorPolynomial p, double... expected) {
        assertThat(p.order()).isEqualTo(expected.length - 1);
        for (int k = 0; k < expected.length; k++) {
            assertThat(p.coefficient(k)).as("a_%d", k).isCloseTo(expected[k], within(COEFFICIENT_TOLERANCE));
        }
    }

    @Test
    void textbookSeriesAtZero() {
        // exp: 1/k!; sin: 0, 1, 0, −1/6, 0, 1/120; cos: 1, 0, −1/2, 0, 1/24, 0.
        assertCoefficients(Taylor.expand(Jet::exp, 0, 5), 1, 1, 1.0 / 2, 1.0 / 6, 1.0 / 24, 1.0 / 120);
        assertCoefficients(Taylor.expand(Jet::sin, 0, 5), 0, 1, 0, -1.0 / 6, 0, 1.0 / 120);
        assertCoefficients(Taylor.expand(Jet::cos, 0, 5), 1, 0, -1.0 / 2, 0, 1.0 / 24, 0);
        // log(1 + x): 0, 1, −1/2, 1/3, −1/4, 1/5.
        assertCoefficients(Taylor.expand(x -> x.plus(1).log(), 0, 5), 0, 1, -1.0 / 2, 1.0 / 3, -1.0 / 4, 1.0 / 5);
        // 1/(1 − x): the geometric series.
        assertCoefficients(
                Taylor.expand(x -> Jet.constant(1, 5).divide(x.negate().plus(1)), 0, 5), 1, 1, 1, 1, 1, 1);
        // tan = sin/cos: 0, 1, 0, 1/3, 0, 2/15.
        assertCoefficients(Taylor.expand(x -> x.sin().divide(x.cos()), 0, 5), 0, 1, 0, 1.0 / 3, 0, 2.0 / 15);
        // √(1 + x) and (1 + x)^{1/2} through pow: the binomial series 1, 1/2, −1/8, 1/16, −5/128, 7/256.
        double[] binomial = {1, 0.5, -0.125, 0.0625, -5.0 / 128, 7.0 / 256};
        assertCoefficients(Taylor.expand(x -> x.plus(1).sqrt(), 0, 5), binomial);
        assertCoefficients(Taylor.expand(x -> x.plus(1).pow(0.5), 0, 5), binomial);
        // x³ at 2: 8 + 12h + 6h² + h³, exactly, through the Cauchy product.
        assertCoefficients(Taylor.expand(x -> x.times(x).times(x), 2, 4), 8, 12, 6, 1, 0);
        assertCoefficients(Taylor.expand(x -> x.pow(3), 2, 4), 8, 12, 6, 1, 0);
    }

    @Test
    void derivativesAndEvaluation() {
        TaylorPolynomial p = Taylor.expand(Jet::exp, 0.5, 5);
        for (int k = 0; k <= 5; k++) {
            assertThat(p.derivative(k)).isCloseTo(Math.exp(0.5), within(COEFFICIENT_TOLERANCE * 10));
        }
        assertThat(p.center()).isEqualTo(0.5);
        assertThat(p.evaluate(0.5)).isEqualTo(p.coefficient(0));
        TaylorPolynomial q = new TaylorPolynomial(1.0, 2, 3, 4); // 2 + 3(x−1) + 4(x−1)²
        assertThat(q.evaluate(3.0)).isEqualTo(2 + 3 * 2 + 4 * 4);
        assertThat(q)
                .isEqualTo(new TaylorPolynomial(1.0, 2, 3, 4))
                .hasSameHashCodeAs(new TaylorPolynomial(1.0, 2, 3, 4));
        assertThat(q.coefficients()).containsExactly(2, 3, 4);
    }

    @Test
    void jetOfDegreeOneIsTheDual() {
        // f(x) = e^{sin x} / (1 + x²), degree 1: value and derivative equal the dual's (same operations).
        JetFunction f = x -> x.sin().exp().divide(x.times(x).plus(1));
        DualFunction g = x -> x.sin().exp().divide(x.times(x).plus(1));
        for (double x0 : new double[] {-1.3, 0.0, 0.4, 2.2}) {
            TaylorPolynomial p = Taylor.expand(f, x0, 1);
            TaylorPolynomial d = Taylor.expand(g, x0);
            assertThat(p.coefficient(0)).isCloseTo(d.coefficient(0), within(COEFFICIENT_TOLERANCE));
            assertThat(p.coefficient(1)).isCloseTo(d.coefficient(1), within(COEFFICIENT_TOLERANCE));
            // The second coefficient f''/2 against a second difference (error ~ √u).
            double second = Derivative.second(t -> Math.exp(Math.sin(t)) / (1 + t * t), x0);
            assertThat(Taylor.expand(f, x0, 2).derivative(2)).isCloseTo(second, within(1e-6));
        }
    }

    /// $\log_2 \frac{|f(x_0 + h) - p_k(x_0 + h)|}{|f(x_0 + h/2) - p_k(x_0 + h/2)|}$.
    private static double measuredOrder(DoubleUnaryOperator f, TaylorPolynomial p, double h) {
        double x0 = p.center();
        double e1 = Math.abs(f.applyAsDouble(x0 + h) - p.evaluate(x0 + h));
        double e2 = Math.abs(f.applyAsDouble(x0 + h / 2) - p.evaluate(x0 + h / 2));
        return Math.log(e1 / e2) / Math.log(2);
    }

    @Test
    void errorOfTheOrderKPolynomialScalesLikeHToTheKPlusOne() {
        // h chosen so that the error h^{k+1}/(k+1)! stays far above rounding (≈ 1e-16) at h/2.
        for (int k = 1; k <= 5; k++) {
            double h = 0.2;
            assertThat(measuredOrder(Math::exp, Taylor.expand(Jet::exp, 0, k), h))
                    .as("exp at 0, order %d", k)
                    .isCloseTo(k + 1, within(ORDER_TOLERANCE));
            assertThat(measuredOrder(Math::exp, Taylor.expand(Jet::exp, 0.7, k), h))
                    .as("exp at 0.7, order %d", k)
                    .isCloseTo(k + 1, within(ORDER_TOLERANCE));
            assertThat(measuredOrder(Math::log, Taylor.expand(Jet::log, 2.0, k), h))
                    .as("log at 2, order %d", k)
                    .isCloseTo(k + 1, within(ORDER_TOLERANCE));
            assertThat(measuredOrder(Math::sin, Taylor.expand(Jet::sin, 1.0, k), h))
                    .as("sin at 1, order %d", k)
                    .isCloseTo(k + 1, within(2 * ORDER_TOLERANCE));
        }
        // At 0 the sine is odd: the order-k polynomial for odd k is also the order-(k+1) one, so its
        // error falls like h^{k+2}.
        assertThat(measuredOrder(Math::sin, Taylor.expand(Jet::sin, 0, 3), 0.2)).isCloseTo(5, within(ORDER_TOLERANCE));
    }

    @Test
    void jetArithmetic() {
        Jet a = Jet.of(1, 2, 3);
        Jet b = Jet.of(4, 5, 6);
        assertThat(a.plus(b)).isEqualTo(Jet.of(5, 7, 9));
        assertThat(a.minus(b)).isEqualTo(Jet.of(-3, -3, -3));
        assertThat(a.times(b)).isEqualTo(Jet.of(4, 13, 28)); // (1+2t+3t²)(4+5t+6t²) truncated
        Jet q = a.times(b).divide(b);
        assertThat(q.coefficients()).containsExactly(new double[] {1, 2, 3}, within(COEFFICIENT_TOLERANCE));
        assertThat(a.exp().log().coefficients()).containsExactly(new double[] {1, 2, 3}, within(COEFFICIENT_TOLERANCE));
        assertThat(a.sqrt().times(a.sqrt()).coefficients())
                .containsExactly(new double[] {1, 2, 3}, within(COEFFICIENT_TOLERANCE));
        assertThat(Jet.variable(3, 0).coefficients()).containsExactly(3);
        assertThat(Jet.variable(3, 2)).isEqualTo(Jet.of(3, 1, 0));
        assertThat(a.degree()).isEqualTo(2);
        assertThat(a).hasSameHashCodeAs(Jet.of(1, 2, 3));
        assertThat(a.toString()).isEqualTo("Jet[1.0, 2.0, 3.0]");
    }

    @Test
    void badInputIsRejectedWithClearMessages() {
        assertThatThrownBy(() -> Jet.of(1, 2).plus(Jet.of(1, 2, 3)))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessage("x + y: x has degree 1 but y has degree 2");
        assertThatThrownBy(() -> Taylor.expand(Jet::exp, Double.NaN, 3))
                .isInstanceOf(NonFiniteValueException.class)
                .hasMessage("x0 must be finite but is NaN");
        assertThatThrownBy(() -> Taylor.expand(Jet::exp, 0, -1)).hasMessage("order must be ≥ 0 but is -1");
        assertThatThrownBy(() -> Taylor.expand(x -> Jet.constant(1, 2), 0, 3))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessage("f returned a jet of degree 2 for an input of degree 3");
        assertThatThrownBy(() -> Jet.of()).hasMessage("a jet needs at least the coefficient x_0");
        assertThatThrownBy(() -> new TaylorPolynomial(0))
                .hasMessage("a Taylor polynomial needs at least the coefficient a_0");
        assertThatThrownBy(() -> Jet.of(1).coefficient(1)).isInstanceOf(IndexOutOfBoundsException.class);
        // log at 0 has no Taylor series: non-finite coefficients, not an exception.
        assertThat(Taylor.expand(Jet::log, 0, 2).coefficient(1)).isInfinite();
    }
}
