package dev.lemma.viz;

import java.util.ArrayList;
import java.util.List;

/// A chart as plain data: a title, axes, series and annotations. Renderers draw it; nothing in it
/// is tied to one of them.
///
/// @param title the title above the chart (may be empty)
/// @param xAxis the horizontal axis
/// @param yAxis the vertical axis
/// @param zAxis the value axis of a surface, or the colour bar's title of a heatmap
/// @param series the data, drawn in order
/// @param annotations marks on top of the data
/// @param equalAspect whether one unit is as long on both axes (for geometry: circles stay round)
public record Chart(
        String title,
        Axis xAxis,
        Axis yAxis,
        Axis zAxis,
        List<Series> series,
        List<Annotation> annotations,
        boolean equalAspect) {

    /// Checks and copies the chart.
    ///
    /// @throws IllegalArgumentException if a part is null
    public Chart {
        Validation.notNull("title", title);
        Validation.notNull("xAxis", xAxis);
        Validation.notNull("yAxis", yAxis);
        Validation.notNull("zAxis", zAxis);
        series = List.copyOf(series);
        annotations = List.copyOf(annotations);
    }

    /// Starts a chart with the given title.
    ///
    /// @param title the title
    /// @return a builder
    public static Builder builder(String title) {
        return new Builder(title);
    }

    /// Collects the parts of a chart; `build()` checks them.
    public static final class Builder {
        private final String title;
        private Axis xAxis = Axis.of("");
        private Axis yAxis = Axis.of("");
        private Axis zAxis = Axis.of("");
        private final List<Series> series = new ArrayList<>();
        private final List<Annotation> annotations = new ArrayList<>();
        private boolean equalAspect;

        private Builder(String title) {
            this.title = title;
        }

        /// Sets the horizontal axis.
        ///
        /// @param axis the axis
        /// @return this builder
        public Builder x(Axis axis) {
            this.xAxis = axis;
            return this;
        }

        /// Sets the vertical axis.
        ///
        /// @param axis the axis
        /// @return this builder
        public Builder y(Axis axis) {
            this.yAxis = axis;
            return this;
        }

        /// Sets the value axis (a surface's height, a heatmap's colour bar).
        ///
        /// @param axis the axis
        /// @return this builder
        public Builder z(Axis axis) {
            this.zAxis = axis;
            return this;
        }

        /// Adds a series.
        ///
        /// @param s the series
        /// @return this builder
        public Builder add(Series s) {
            series.add(Validation.notNull("series", s));
            return this;
        }

        /// Adds an annotation.
        ///
        /// @param a the annotation
        /// @return this builder
        public Builder annotate(Annotation a) {
            annotations.add(Validation.notNull("annotation", a));
            return this;
        }

        /// Keeps one unit equally long on both axes.
        ///
        /// @return this builder
        public Builder equalAspect() {
            this.equalAspect = true;
            return this;
        }

        /// Builds the chart.
        ///
        /// @return the chart
        public Chart build() {
            return new Chart(title, xAxis, yAxis, zAxis, series, annotations, equalAspect);
        }
    }
}
