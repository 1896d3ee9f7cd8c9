package dev.lemma.experiments;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;

/// Synthetic images for tests of what users upload.
public final class TestImages {
    private TestImages() {}

    /// A `width×height` PNG whose grey level at (r, c) is `(seed + 7r + 3c) mod 256`.
    public static byte[] png(int width, int height, int seed) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                image.getRaster().setSample(c, r, 0, (seed + 7 * r + 3 * c) & 0xff);
            }
        }
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out.toByteArray();
    }
}
