package dev.lemma.viz;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/// Where a colour appears in a rendered picture.
final class Pixels {
    private Pixels() {}

    /// How far (per channel, of 255) a pixel may be from the colour sought and still count: enough
    /// for PNG's exact colours plus the blending at the edges of antialiased strokes' cores.
    static final int TOLERANCE = 12;

    /// The bounding box and number of the pixels of one colour.
    record Box(int count, int minX, int minY, int maxX, int maxY) {
        double centreX() {
            return (minX + maxX) / 2.0;
        }

        double centreY() {
            return (minY + maxY) / 2.0;
        }

        int width() {
            return maxX - minX + 1;
        }

        int height() {
            return maxY - minY + 1;
        }
    }

    static BufferedImage decode(byte[] png) {
        try {
            return ImageIO.read(new ByteArrayInputStream(png));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean near(int argb, int rgb, int tolerance) {
        for (int shift = 0; shift <= 16; shift += 8) {
            if (Math.abs((argb >> shift & 0xff) - (rgb >> shift & 0xff)) > tolerance) {
                return false;
            }
        }
        return true;
    }

    static Box find(BufferedImage image, String hex) {
        return find(image, Palette.parse(hex), 0, 0, image.getWidth(), image.getHeight());
    }

    static Box find(BufferedImage image, int rgb, int x0, int y0, int x1, int y1) {
        int count = 0;
        int minX = Integer.MAX_VALUE;
        int minY = Integer.MAX_VALUE;
        int maxX = -1;
        int maxY = -1;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                if (near(image.getRGB(x, y), rgb, TOLERANCE)) {
                    count++;
                    minX = Math.min(minX, x);
                    minY = Math.min(minY, y);
                    maxX = Math.max(maxX, x);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        return new Box(count, minX, minY, maxX, maxY);
    }
}
