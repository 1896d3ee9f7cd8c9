package dev.lemma.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/// The classic small datasets bundled with Lemma, copied unchanged from scikit-learn 1.2.1 (their origins
/// and licences are in the `datasets/README.md` beside the files). Each file's SHA-256 digest is checked
/// against `SHA256SUMS` before it is parsed, so a damaged copy is refused rather than learned from.
///
/// ```java
/// Dataset iris = Datasets.load("iris");   // 150 × 4, classes setosa, versicolor, virginica
/// ```
///
/// Book: chapter 8, "Case studies".
public final class Datasets {
    private Datasets() {}

    /// A bundled dataset: its name, what it is, and how its target reads.
    ///
    /// @param name the name to load it by
    /// @param description one line
    /// @param task `classification`, `regression` or `multi-output regression`
    /// @param targets the target columns
    /// @param classNames the class names for a classification target, else empty
    public record Entry(String name, String description, String task, List<String> targets, List<String> classNames) {}

    private static final Map<String, Entry> INFO = index(List.of(
            new Entry(
                    "iris",
                    "Fisher's irises: 150 flowers, 4 measurements (cm), 3 species",
                    "classification",
                    List.of("target"),
                    List.of("setosa", "versicolor", "virginica")),
            new Entry(
                    "wine",
                    "178 wines from three cultivars, 13 chemical measurements",
                    "classification",
                    List.of("target"),
                    List.of("class_0", "class_1", "class_2")),
            new Entry(
                    "breast_cancer",
                    "569 breast-mass biopsies, 30 nucleus features (Wisconsin diagnostic)",
                    "classification",
                    List.of("target"),
                    List.of("malignant", "benign")),
            new Entry(
                    "digits",
                    "1797 handwritten digits, 8×8 pixels with values 0–16",
                    "classification",
                    List.of("target"),
                    List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9")),
            new Entry(
                    "diabetes",
                    "442 diabetes patients, 10 baseline variables (raw), progression after one year",
                    "regression",
                    List.of("target"),
                    List.of()),
            new Entry(
                    "linnerud",
                    "20 men: 3 exercises (chins, situps, jumps) and 3 physiological measurements",
                    "multi-output regression",
                    List.of("weight", "waist", "pulse"),
                    List.of())));

    private static Map<String, Entry> index(List<Entry> infos) {
        Map<String, Entry> byName = new TreeMap<>();
        for (Entry i : infos) {
            byName.put(i.name(), i);
        }
        return byName;
    }

    /// @return the bundled datasets, by name
    public static List<Entry> list() {
        return List.copyOf(INFO.values());
    }

    /// The description of one bundled dataset.
    ///
    /// @param name the name
    /// @return its description
    /// @throws IllegalArgumentException naming the unknown name and the known ones
    public static Entry info(String name) {
        Entry i = INFO.get(name);
        if (i == null) {
            throw new IllegalArgumentException("no bundled dataset '" + name + "'; there are " + INFO.keySet());
        }
        return i;
    }

    /// Loads a bundled dataset, after checking its digest.
    ///
    /// @param name one of [#list()]'s names
    /// @return the dataset
    /// @throws IllegalArgumentException naming the unknown name and the known ones
    /// @throws IllegalStateException if the file is missing or its digest differs from `SHA256SUMS`
    public static Dataset load(String name) {
        Entry info = info(name);
        String file = name + ".csv";
        byte[] bytes = resource(file);
        String expected = digests().get(file);
        String actual = sha256(bytes);
        if (!actual.equals(expected)) {
            throw new IllegalStateException("the bundled file " + file + " is damaged: its SHA-256 is " + actual
                    + ", SHA256SUMS says " + expected);
        }
        Frame frame = Csv.read(new StringReader(new String(bytes, StandardCharsets.UTF_8)), file);
        Dataset d =
                frame.toDataset(name, Frame.MissingValues.REJECT, info.targets().toArray(String[]::new));
        return new Dataset(d.name(), d.features(), d.featureNames(), d.targets(), d.targetNames(), info.classNames());
    }

    private static final Pattern LINE = Pattern.compile("\\s+");

    private static Map<String, String> digests() {
        Map<String, String> digests = new TreeMap<>();
        for (String line : new String(resource("SHA256SUMS"), StandardCharsets.UTF_8)
                .lines()
                .toList()) {
            if (!line.isBlank()) {
                String[] parts = LINE.split(line.strip(), 2);
                digests.put(parts[1], parts[0]);
            }
        }
        return digests;
    }

    private static byte[] resource(String file) {
        try (InputStream in = Datasets.class.getResourceAsStream("datasets/" + file)) {
            if (in == null) {
                throw new IllegalStateException("the bundled file datasets/" + file + " is missing from lemma-ml");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled file " + file, e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no SHA-256", e);
        }
    }
}
