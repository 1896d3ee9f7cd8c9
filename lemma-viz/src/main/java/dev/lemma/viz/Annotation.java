package dev.lemma.viz;

/// A mark placed on a chart in data coordinates: a labelled point, an arrow or a piece of text.
public sealed interface Annotation permits Annotation.Point, Annotation.Arrow, Annotation.Text {

    /// A labelled marker at `(x, y)`.
    ///
    /// @param x abscissa
    /// @param y ordinate
    /// @param label the text beside the marker (may be empty)
    /// @param style marker colour and size
    record Point(double x, double y, String label, Style style) implements Annotation {
        /// Checks the point.
        ///
        /// @throws IllegalArgumentException if a coordinate is not finite
        public Point {
            Validation.finiteCopy("point '" + label + "'", new double[] {x, y}, false);
            Validation.notNull("label", label);
            Validation.notNull("style", style);
        }
    }

    /// An arrow from `(x0, y0)` to `(x1, y1)`, its head at the second point.
    ///
    /// @param x0 tail abscissa
    /// @param y0 tail ordinate
    /// @param x1 head abscissa
    /// @param y1 head ordinate
    /// @param label the text at the head (may be empty)
    /// @param style line colour and width
    record Arrow(double x0, double y0, double x1, double y1, String label, Style style) implements Annotation {
        /// Checks the arrow.
        ///
        /// @throws IllegalArgumentException if a coordinate is not finite
        public Arrow {
            Validation.finiteCopy("arrow '" + label + "'", new double[] {x0, y0, x1, y1}, false);
            Validation.notNull("label", label);
            Validation.notNull("style", style);
        }
    }

    /// Text centred at `(x, y)`.
    ///
    /// @param x abscissa
    /// @param y ordinate
    /// @param text the text
    record Text(double x, double y, String text) implements Annotation {
        /// Checks the text.
        ///
        /// @throws IllegalArgumentException if a coordinate is not finite
        public Text {
            Validation.finiteCopy("text '" + text + "'", new double[] {x, y}, false);
            Validation.notNull("text", text);
        }
    }
}
