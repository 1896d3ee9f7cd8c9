package dev.lemma.numeric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/// The precondition helper: the exception types and that each message names the values involved.
class ChecksTest {
    @Test
    void argumentAndDimensionsFormatTheirMessages() {
        assertThatCode(() -> Checks.argument(true, "never %s", "shown")).doesNotThrowAnyException();
        assertThatThrownBy(() -> Checks.argument(false, "k = %d is outside [0, %d]", 7, 3))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("k = 7 is outside [0, 3]");
        assertThatThrownBy(() -> Checks.dimensions(false, "A·B: A is %s but B is %s", "3×4", "5×2"))
                .isInstanceOf(DimensionMismatchException.class)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A·B: A is 3×4 but B is 5×2");
        assertThatCode(() -> Checks.dimensions(true, "x")).doesNotThrowAnyException();
    }

    @Test
    void nonNegativeAndIndexNameTheValue() {
        assertThat(Checks.nonNegative("rows", 0)).isZero();
        assertThatThrownBy(() -> Checks.nonNegative("rows", -2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rows must be ≥ 0 but is -2");
        assertThat(Checks.index("row", 2, 3)).isEqualTo(2);
        assertThatThrownBy(() -> Checks.index("column", 3, 3))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("column 3 is outside [0, 3)");
        assertThatThrownBy(() -> Checks.index("row", -1, 3))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("row -1 is outside [0, 3)");
    }

    @Test
    void finiteChecksNameThePositionOfTheFirstBadValue() {
        assertThat(Checks.finite("alpha", 1.5)).isEqualTo(1.5);
        assertThatThrownBy(() -> Checks.finite("alpha", Double.NaN))
                .isInstanceOf(NonFiniteValueException.class)
                .hasMessage("alpha must be finite but is NaN");
        assertThatThrownBy(() -> Checks.finite("alpha", Double.NEGATIVE_INFINITY))
                .hasMessage("alpha must be finite but is -Infinity");
        assertThatThrownBy(() -> Checks.finite("b", new double[] {1, 2, Double.POSITIVE_INFINITY, Double.NaN}))
                .isInstanceOf(NonFiniteValueException.class)
                .hasMessage("b has Infinity at index 2");
        assertThatCode(() -> Checks.finite("b", new double[0])).doesNotThrowAnyException();
        // Row-major 2×3: entry 5 is row 1, column 2.
        assertThatThrownBy(() -> Checks.finite("A", new double[] {0, 0, 0, 0, 0, Double.NaN}, 3))
                .isInstanceOf(NonFiniteValueException.class)
                .hasMessage("A has NaN at row 1, column 2");
        assertThatCode(() -> Checks.finite("A", new double[] {Double.MAX_VALUE, -Double.MIN_VALUE}, 2))
                .doesNotThrowAnyException();
    }

    @Test
    void shapesAreWrittenAsInTheBook() {
        assertThat(Checks.shape(3, 4)).isEqualTo("3×4");
        assertThat(Checks.shape(0, 0)).isEqualTo("0×0");
    }

    @Test
    void exceptionsHaveTheDocumentedSuperclasses() {
        assertThat(new SingularMatrixException("s")).isInstanceOf(ArithmeticException.class);
        assertThat(new NotPositiveDefiniteException("p")).isInstanceOf(ArithmeticException.class);
        assertThat(new ConvergenceException("c"))
                .isInstanceOf(ArithmeticException.class)
                .hasMessage("c");
        assertThat(new NonFiniteValueException("n")).isInstanceOf(IllegalArgumentException.class);
        assertThat(new DimensionMismatchException("d")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tolerancesHaveTheirDocumentedValues() {
        assertThat(Tolerances.UNIT_ROUNDOFF).isEqualTo(Math.ulp(1.0) / 2);
        assertThat(Tolerances.MACHINE_EPSILON).isEqualTo(0x1p-52);
        assertThat(1.0 + Tolerances.UNIT_ROUNDOFF).isEqualTo(1.0); // ties to even
        assertThat(1.0 + Tolerances.MACHINE_EPSILON).isGreaterThan(1.0);
        assertThat(Tolerances.rankTolerance(2.0, 3, 5)).isEqualTo(2.0 * 5 * 0x1p-52);
    }
}
