package dev.lemma.experiments;

import dev.lemma.data.Csv;
import dev.lemma.data.CsvFormatException;
import dev.lemma.data.Frame;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.imageio.ImageIO;

/// Files a user brings to an experiment (a photograph of their own, a CSV table): checked once when
/// they arrive, then named by a key that a [Parameter.Data] accepts as a value.
///
/// The key is `upload-` and the first 16 hex digits of the file's SHA-256, so the same file always
/// gets the same key and a run with it is as reproducible as one with a bundled dataset. The store
/// lives in memory, holds at most [#CAPACITY] files of at most [#MAX_BYTES] each, and forgets the
/// least recently used first; nothing is written to disk. The lab fills it from uploads, the command
/// line from `-p name=@file`.
public final class UserData {

    /// The largest file accepted: 8 MiB, room for a large JPEG photograph.
    public static final int MAX_BYTES = 8 << 20;

    /// How many files are kept: enough for a class of students sharing one lab, small enough that the
    /// store stays under 8 MiB × 16 = 128 MiB in the worst case.
    public static final int CAPACITY = 16;

    /// The largest image side accepted, in pixels: larger images are refused rather than decoded (a
    /// 4096 × 4096 image already takes 128 MiB as doubles).
    public static final int MAX_IMAGE_SIDE = 4096;

    /// The prefix of every key.
    public static final String PREFIX = "upload-";

    /// The kinds of file a parameter may accept.
    public enum Kind {
        /// A raster image in a format the JDK reads: PNG, JPEG, GIF or BMP.
        IMAGE,
        /// A comma-separated table with a header row, UTF-8, as [Csv] reads it.
        CSV
    }

    /// A file as it arrived.
    ///
    /// @param key the key that names it
    /// @param kind what kind of file it is
    /// @param fileName the name the user gave it (for display only)
    /// @param content the bytes
    @SuppressWarnings("ArrayRecordComponent") // copied in and out
    public record Upload(String key, Kind kind, String fileName, byte[] content) {
        /// Copies the content.
        public Upload {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(fileName, "fileName");
            content = content.clone();
        }

        @Override
        public byte[] content() {
            return content.clone();
        }
    }

    private static final Map<String, Upload> STORE = new LinkedHashMap<>(CAPACITY, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Upload> eldest) {
            return size() > CAPACITY;
        }
    };

    private UserData() {}

    /// Checks a file and keeps it.
    ///
    /// @param kind what the file must be
    /// @param fileName the name the user gave it
    /// @param content its bytes
    /// @return the key that names it
    /// @throws IllegalArgumentException naming the file and what is wrong with it: empty, larger than
    ///     [#MAX_BYTES], not a readable image, an image larger than [#MAX_IMAGE_SIDE] a side, or not a CSV
    ///     table (for [Kind#CSV])
    public static String put(Kind kind, String fileName, byte[] content) {
        Objects.requireNonNull(kind, "kind");
        String name = fileName == null || fileName.isBlank() ? "the file" : "'" + fileName.strip() + "'";
        if (content == null || content.length == 0) {
            throw new IllegalArgumentException(name + " is empty");
        }
        if (content.length > MAX_BYTES) {
            throw new IllegalArgumentException(
                    name + " has " + content.length + " bytes; the largest accepted is " + MAX_BYTES + " (8 MiB)");
        }
        switch (kind) {
            case IMAGE -> checkImage(name, content);
            case CSV -> table(name, content);
        }
        String key = PREFIX + sha256(content).substring(0, 16);
        synchronized (STORE) {
            STORE.put(key, new Upload(key, kind, fileName == null ? "" : fileName.strip(), content));
        }
        return key;
    }

    /// The file with the given key, if it is still kept.
    ///
    /// @param key the key
    /// @return the file, or empty
    public static Optional<Upload> get(String key) {
        synchronized (STORE) {
            return Optional.ofNullable(STORE.get(key));
        }
    }

    /// Decodes an image the store accepted.
    ///
    /// @param upload a file of kind [Kind#IMAGE]
    /// @return the image
    /// @throws IllegalArgumentException if the file is not an image
    public static BufferedImage image(Upload upload) {
        if (upload.kind() != Kind.IMAGE) {
            throw new IllegalArgumentException("'" + upload.fileName() + "' is not an image");
        }
        BufferedImage image = decode(upload.content());
        if (image == null) {
            throw new IllegalArgumentException("'" + upload.fileName() + "' is not an image Java can read");
        }
        return image;
    }

    /// Parses a table the store accepted.
    ///
    /// @param upload a file of kind [Kind#CSV]
    /// @return the table, its source named by the file's name
    /// @throws IllegalArgumentException if the file is not a CSV table
    public static Frame csv(Upload upload) {
        if (upload.kind() != Kind.CSV) {
            throw new IllegalArgumentException("'" + upload.fileName() + "' is not a CSV table");
        }
        return table("'" + upload.fileName() + "'", upload.content());
    }

    private static Frame table(String name, byte[] content) {
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(name + " is not UTF-8 text, so not a CSV table", e);
        }
        Frame frame;
        try {
            frame = Csv.parse(text, name);
        } catch (CsvFormatException e) {
            throw new IllegalArgumentException(name + " is not a CSV table Lemma can read: " + e.getMessage(), e);
        }
        if (frame.rows() == 0) {
            throw new IllegalArgumentException(name + " has a header but no rows");
        }
        return frame;
    }

    private static void checkImage(String name, byte[] content) {
        BufferedImage image = decode(content);
        if (image == null) {
            throw new IllegalArgumentException(name + " is not an image Java can read (PNG, JPEG, GIF or BMP)");
        }
        if (image.getWidth() > MAX_IMAGE_SIDE || image.getHeight() > MAX_IMAGE_SIDE) {
            throw new IllegalArgumentException(name + " is " + image.getWidth() + "×" + image.getHeight()
                    + " pixels; the largest accepted is " + MAX_IMAGE_SIDE + " a side");
        }
    }

    private static BufferedImage decode(byte[] content) {
        try {
            return ImageIO.read(new ByteArrayInputStream(content));
        } catch (IOException | RuntimeException e) {
            return null; // a corrupt file is "not an image", reported by the caller with its name
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
