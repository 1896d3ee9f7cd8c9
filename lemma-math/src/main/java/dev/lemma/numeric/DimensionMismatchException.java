package dev.lemma.numeric;

import java.io.Serial;

/// Two operands whose shapes do not fit together, for example `A·B` with `A` 3×4 and `B` 5×2.
///
/// The message always names both shapes, as in `"A·B: A is 3×4 but B is 5×2 (inner dimensions 4 ≠ 5)"`.
public final class DimensionMismatchException extends IllegalArgumentException {
    @Serial
    private static final long serialVersionUID = 1L;

    /// @param message what was combined and the two shapes
    public DimensionMismatchException(String message) {
        super(message);
    }
}
