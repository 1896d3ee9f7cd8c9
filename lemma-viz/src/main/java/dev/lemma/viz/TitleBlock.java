package dev.lemma.viz;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.util.List;

/// A chart's title fitted to the picture's width, drawn by the static renderer rather than by XChart,
/// which centres a title on the picture even when it is wider, cutting off both ends.
///
/// Fitting: the largest font size from [#LARGEST] down to [#SMALLEST] at which the title fits on one
/// line; failing that, two lines broken at the space nearest the middle, again at the largest size
/// that fits; failing that, two lines at the smallest size, each line cut short with an ellipsis.
///
/// @param lines one or two lines
/// @param font the font they are set in
/// @param height the height of the block, padding included, in pixels
record TitleBlock(List<String> lines, Font font, int height) {

    /// The font size of a title that fits, in points: as XChart's default title.
    static final int LARGEST = 17;

    /// The smallest size a title shrinks to before it wraps: still a step above the axis titles.
    static final int SMALLEST = 14;

    /// The space above and below the title, in pixels.
    private static final int PADDING = 8;

    /// The margin kept free at each side, in pixels.
    static final int SIDE = 10;

    private static final Color TEXT = new Color(0x2a3f5f);

    /// Fits `title` into `width` pixels; an empty title takes a block of padding only.
    static TitleBlock fit(String title, int width, FontRenderContext frc) {
        if (title.isEmpty()) {
            return new TitleBlock(List.of(), font(LARGEST), PADDING);
        }
        double room = width - 2.0 * SIDE;
        for (int size = LARGEST; size >= SMALLEST; size--) {
            if (width(title, font(size), frc) <= room) {
                return block(List.of(title), font(size), frc);
            }
        }
        List<String> two = split(title);
        for (int size = LARGEST - 1; size >= SMALLEST - 1 && two.size() == 2; size--) {
            Font f = font(size);
            if (width(two.get(0), f, frc) <= room && width(two.get(1), f, frc) <= room) {
                return block(two, f, frc);
            }
        }
        Font f = font(SMALLEST - 1);
        return block(two.stream().map(line -> ellipsize(line, f, room, frc)).toList(), f, frc);
    }

    private static TitleBlock block(List<String> lines, Font font, FontRenderContext frc) {
        double lineHeight = font.getLineMetrics("Ag", frc).getHeight();
        return new TitleBlock(lines, font, (int) Math.ceil(lines.size() * lineHeight) + 2 * PADDING);
    }

    /// Paints the block's lines centred across `width`, from the top of `g`. The text is filled as
    /// outlines, as XChart's own text is, so an SVG needs no fonts.
    void paint(Graphics2D g, int width) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(TEXT);
        FontRenderContext frc = g.getFontRenderContext();
        double y = PADDING;
        for (String line : lines) {
            TextLayout layout = new TextLayout(line, font, frc);
            double lineHeight = font.getLineMetrics(line, frc).getHeight();
            double x = (width - layout.getAdvance()) / 2;
            g.fill(layout.getOutline(AffineTransform.getTranslateInstance(x, y + layout.getAscent())));
            y += lineHeight;
        }
    }

    static Font font(int size) {
        return new Font(Font.SANS_SERIF, Font.PLAIN, size);
    }

    static double width(String text, Font font, FontRenderContext frc) {
        return text.isEmpty() ? 0 : new TextLayout(text, font, frc).getAdvance();
    }

    /// The title in two lines, broken at the space nearest its middle; one line if it has no space.
    static List<String> split(String title) {
        int middle = title.length() / 2;
        int best = -1;
        for (int k = 0; k < title.length(); k++) {
            if (title.charAt(k) == ' ' && (best < 0 || Math.abs(k - middle) < Math.abs(best - middle))) {
                best = k;
            }
        }
        return best < 0 ? List.of(title) : List.of(title.substring(0, best), title.substring(best + 1));
    }

    private static String ellipsize(String line, Font font, double room, FontRenderContext frc) {
        if (width(line, font, frc) <= room) {
            return line;
        }
        String cut = line;
        while (cut.length() > 1 && width(cut + "…", font, frc) > room) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut.strip() + "…";
    }
}
