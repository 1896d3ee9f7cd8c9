package dev.lemma.viz;

/// How a line, a marker or an arrow is drawn.
///
/// @param color a CSS hex colour such as `#1f77b4`, or null to let the renderer pick from its cycle
/// @param width line width or marker size in pixels, or 0 for the renderer's default
/// @param dash solid, dashed or dotted
public record Style(String color, double width, Dash dash) {

    /// The line pattern.
    public enum Dash {
        /// An unbroken line.
        SOLID,
        /// Long dashes.
        DASH,
        /// Dots.
        DOT
    }

    /// The renderer's choice of colour and width, solid.
    public static final Style AUTO = new Style(null, 0, Dash.SOLID);

    /// Checks the style.
    ///
    /// @throws IllegalArgumentException if the colour is not `#rrggbb`, the width is negative or not
    ///     finite, or the dash is null
    public Style {
        if (color != null && !color.matches("#[0-9a-fA-F]{6}")) {
            throw new IllegalArgumentException("colour must be #rrggbb, not '" + color + "'");
        }
        if (!(width >= 0) || Double.isInfinite(width)) {
            throw new IllegalArgumentException("width must be finite and ≥ 0, not " + width);
        }
        Validation.notNull("dash", dash);
    }

    /// A solid style of the given colour and the default width.
    ///
    /// @param color `#rrggbb`
    /// @return the style
    public static Style color(String color) {
        return new Style(color, 0, Dash.SOLID);
    }

    /// This style with another width.
    ///
    /// @param width the width in pixels
    /// @return the new style
    public Style withWidth(double width) {
        return new Style(color, width, dash);
    }

    /// This style with another dash pattern.
    ///
    /// @param dash the pattern
    /// @return the new style
    public Style withDash(Dash dash) {
        return new Style(color, width, dash);
    }
}
