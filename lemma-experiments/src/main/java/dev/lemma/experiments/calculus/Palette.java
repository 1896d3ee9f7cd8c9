package dev.lemma.experiments.calculus;

import dev.lemma.viz.Style;

/// The colours of the chapter's charts: the Tableau 10 palette (Plotly's and Matplotlib's default
/// cycle), so that a reader who knows either sees the familiar colours, and a light grey for what is
/// drawn "before" or for reference.
final class Palette {
    private Palette() {}

    static final String BLUE = "#1f77b4";
    static final String ORANGE = "#ff7f0e";
    static final String GREEN = "#2ca02c";
    static final String RED = "#d62728";
    static final String PURPLE = "#9467bd";
    static final String BROWN = "#8c564b";
    static final String PINK = "#e377c2";
    static final String GREY = "#7f7f7f";
    static final String LIGHT_GREY = "#c7c7c7";
    static final String OLIVE = "#bcbd22";
    static final String CYAN = "#17becf";

    /// A solid style of the given colour and width.
    static Style solid(String color, double width) {
        return Style.color(color).withWidth(width);
    }

    /// A dashed style of the given colour and width.
    static Style dashed(String color, double width) {
        return Style.color(color).withWidth(width).withDash(Style.Dash.DASH);
    }

    /// A dotted style of the given colour and width.
    static Style dotted(String color, double width) {
        return Style.color(color).withWidth(width).withDash(Style.Dash.DOT);
    }
}
