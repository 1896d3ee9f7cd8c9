package dev.lemma.numeric;

/// The one precondition helper of Lemma (after Guava's `Preconditions`): every public method checks its
/// arguments through these methods, so every message has the same form and names the values involved.
///
/// Shapes are written `m×n`, as in the book.
public final class Checks {
    private Checks() {}

    /// Throws `IllegalArgumentException` with the formatted message unless `condition` holds.
    ///
    /// @param condition what must be true
    /// @param format a `String.format` pattern for the message
    /// @param args the values the message names
    /// @throws IllegalArgumentException if `condition` is false
    public static void argument(boolean condition, String format, Object... args) {
        if (!condition) {
            throw new IllegalArgumentException(String.format(format, args));
        }
    }

    /// Throws `DimensionMismatchException` with the formatted message unless `condition` holds.
    ///
    /// @param condition the shapes agree
    /// @param format a `String.format` pattern naming both shapes
    /// @param args the values the message names
    /// @throws DimensionMismatchException if `condition` is false
    public static void dimensions(boolean condition, String format, Object... args) {
        if (!condition) {
            throw new DimensionMismatchException(String.format(format, args));
        }
    }

    /// Checks that `value` is not negative.
    ///
    /// @param name the argument's name, for the message
    /// @param value the value
    /// @return `value`
    /// @throws IllegalArgumentException if `value < 0`
    public static int nonNegative(String name, int value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must be ≥ 0 but is " + value);
        }
        return value;
    }

    /// Checks that `index` lies in `[0, size)`.
    ///
    /// @param name the index's name, for the message (`"row"`, `"column"`)
    /// @param index the index
    /// @param size the number of valid indices
    /// @return `index`
    /// @throws IndexOutOfBoundsException if `index` is outside `[0, size)`
    public static int index(String name, int index, int size) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(name + " " + index + " is outside [0, " + size + ")");
        }
        return index;
    }

    /// Checks that `value` is finite.
    ///
    /// @param name the argument's name
    /// @param value the value
    /// @return `value`
    /// @throws NonFiniteValueException if `value` is NaN or infinite
    public static double finite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new NonFiniteValueException(name + " must be finite but is " + value);
        }
        return value;
    }

    /// Checks that every entry of a vector is finite.
    ///
    /// @param name the argument's name
    /// @param values the entries
    /// @throws NonFiniteValueException naming the index of the first NaN or infinity
    public static void finite(String name, double[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new NonFiniteValueException(name + " has " + values[i] + " at index " + i);
            }
        }
    }

    /// Checks that every entry of a row-major `rows×cols` matrix is finite.
    ///
    /// @param name the argument's name
    /// @param data the entries, row-major
    /// @param cols the number of columns
    /// @throws NonFiniteValueException naming the row and column of the first NaN or infinity
    public static void finite(String name, double[] data, int cols) {
        for (int k = 0; k < data.length; k++) {
            if (!Double.isFinite(data[k])) {
                throw new NonFiniteValueException(
                        name + " has " + data[k] + " at row " + (k / cols) + ", column " + (k % cols));
            }
        }
    }

    /// Writes a shape the way the book does: `3×4`.
    ///
    /// @param rows number of rows
    /// @param cols number of columns
    /// @return `rows×cols`
    public static String shape(int rows, int cols) {
        return rows + "×" + cols;
    }
}
