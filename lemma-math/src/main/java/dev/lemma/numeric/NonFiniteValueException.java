package dev.lemma.numeric;

import java.io.Serial;

/// An input held NaN or an infinity where only finite numbers make sense.
///
/// The message names the argument and the position of the first offending entry, for example
/// `"A has NaN at row 2, column 5"`.
public final class NonFiniteValueException extends IllegalArgumentException {
    @Serial
    private static final long serialVersionUID = 1L;

    /// @param message the argument and the position of the first non-finite entry
    public NonFiniteValueException(String message) {
        super(message);
    }
}
