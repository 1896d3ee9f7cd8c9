package dev.lemma.experiments;

import dev.lemma.viz.Style;

/// The colours of the experiments' charts: the Tableau 10 palette (Plotly's and Matplotlib's default
/// cycle), so that a reader who knows either sees the familiar colours, and a light grey for what is
/// drawn "before" or for reference.
public final class Palette {
    private Palette() {}

    public static final String BLUE = "#1f77b4";
    public static final String ORANGE = "#ff7f0e";
    public static final String GREEN = "#2ca02c";
    public static final String RED = "#d62728";
    public static final String PURPLE = "#9467bd";
    public static final String BROWN = "#8c564b";
    public static final String PINK = "#e377c2";
    public static final String GREY = "#7f7f7f";
    public static final String LIGHT_GREY = "#c7c7c7";
    public static final String OLIVE = "#bcbd22";
    public static final String CYAN = "#17becf";

    /// A solid style of the given colour and width.
    public static Style solid(String color, double width) {
        return Style.color(color).withWidth(width);
    }

    /// A dashed style of the given colour and width.
    public static Style dashed(String color, double width) {
        return Style.color(color).withWidth(width).withDash(Style.Dash.DASH);
    }

    /// A dotted style of the given colour and width.
    public static Style dotted(String color, double width) {
        return Style.color(color).withWidth(width).withDash(Style.Dash.DOT);
    }
}
