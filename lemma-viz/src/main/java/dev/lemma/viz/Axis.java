package dev.lemma.viz;

/// One axis of a chart: its label, an optional fixed range and its scale.
///
/// A range bound given as NaN is left to the renderer, which fits it to the data.
///
/// @param label the axis title, plain text (may be empty)
/// @param min the lower end of the shown range, or NaN for automatic
/// @param max the upper end of the shown range, or NaN for automatic
/// @param scale linear or logarithmic
public record Axis(String label, double min, double max, Scale scale) {

    /// How values map to positions along the axis.
    public enum Scale {
        /// Equal steps in value are equal steps on the page.
        LINEAR,
        /// Equal ratios in value are equal steps on the page; all values must be positive.
        LOG
    }

    /// Checks the axis.
    ///
    /// @throws IllegalArgumentException if the label or scale is null, a bound is infinite,
    ///     `min ≥ max`, or a logarithmic range is not positive
    public Axis {
        Validation.notNull("label", label);
        Validation.notNull("scale", scale);
        if (Double.isInfinite(min) || Double.isInfinite(max)) {
            throw new IllegalArgumentException("axis '" + label + "': range [" + min + ", " + max + "] must be finite");
        }
        if (!Double.isNaN(min) && !Double.isNaN(max) && min >= max) {
            throw new IllegalArgumentException("axis '" + label + "': min " + min + " must be below max " + max);
        }
        if (scale == Scale.LOG && (min <= 0 || max <= 0)) {
            throw new IllegalArgumentException(
                    "axis '" + label + "': a logarithmic range must be positive, not [" + min + ", " + max + "]");
        }
    }

    /// A linear axis whose range fits the data.
    ///
    /// @param label the axis title
    /// @return the axis
    public static Axis of(String label) {
        return new Axis(label, Double.NaN, Double.NaN, Scale.LINEAR);
    }

    /// A linear axis with a fixed range.
    ///
    /// @param label the axis title
    /// @param min the lower end
    /// @param max the upper end
    /// @return the axis
    public static Axis range(String label, double min, double max) {
        return new Axis(label, min, max, Scale.LINEAR);
    }

    /// A logarithmic axis whose range fits the data.
    ///
    /// @param label the axis title
    /// @return the axis
    public static Axis log(String label) {
        return new Axis(label, Double.NaN, Double.NaN, Scale.LOG);
    }

    /// Whether both ends of the range are fixed.
    ///
    /// @return true if neither bound is NaN
    public boolean hasRange() {
        return !Double.isNaN(min) && !Double.isNaN(max);
    }
}
