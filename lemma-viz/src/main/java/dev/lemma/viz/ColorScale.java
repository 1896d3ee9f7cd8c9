package dev.lemma.viz;

/// The colour scales a heatmap or surface may use, all perceptually uniform or diverging ones that
/// both Plotly and the static renderer draw alike.
public enum ColorScale {
    /// Dark blue through green to yellow; the default for magnitudes.
    VIRIDIS,
    /// Black through grey to white.
    GRAYS,
    /// Blue through white to red, for signed values centred on zero.
    RED_BLUE
}
