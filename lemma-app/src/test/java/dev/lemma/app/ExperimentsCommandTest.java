package dev.lemma.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lemma.experiments.Experiment;
import dev.lemma.experiments.Experiments;
import dev.lemma.experiments.Parameter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// The `lemma experiments` commands, on the real registry: what `list` and `show` print agrees with the
/// experiments themselves, and bad usage is one line with exit code 2.
class ExperimentsCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final ObjectMapper json = new ObjectMapper();

    private int run(String... args) {
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void listAsJsonNamesEveryRegisteredExperimentInOrder() throws Exception {
        assertThat(run("experiments", "list", "--json")).isZero();
        JsonNode list = json.readTree(out.toString());
        List<String> ids = new ArrayList<>();
        list.forEach(node -> ids.add(node.get("id").asText()));
        assertThat(ids)
                .isEqualTo(Experiments.all().stream().map(Experiment::id).toList())
                .isNotEmpty();
        for (JsonNode node : list) {
            Experiment e = Experiments.get(node.get("id").asText());
            assertThat(node.get("title").asText()).isEqualTo(e.title());
            assertThat(node.get("chapter").asInt()).isEqualTo(e.chapter());
        }
    }

    @Test
    void listAsTextHasOneLinePerExperiment() {
        assertThat(run("experiments", "list")).isZero();
        for (Experiment e : Experiments.all()) {
            assertThat(out.toString()).containsPattern("(?m)^" + e.id() + "\\s+" + e.chapter() + "\\s+");
        }
    }

    @Test
    void showGivesEveryParameterWithItsRangeAndDefault() throws Exception {
        for (Experiment e : Experiments.all()) {
            out.getBuffer().setLength(0);
            assertThat(run("experiments", "show", e.id())).isZero();
            for (Parameter p : e.parameters()) {
                assertThat(out.toString()).contains(p.name()).contains(p.accepts());
            }
            out.getBuffer().setLength(0);
            assertThat(run("experiments", "show", e.id(), "--json")).isZero();
            JsonNode node = json.readTree(out.toString());
            assertThat(node.get("parameters")).hasSize(e.parameters().size());
            for (int i = 0; i < e.parameters().size(); i++) {
                Parameter p = e.parameters().get(i);
                JsonNode pn = node.get("parameters").get(i);
                assertThat(pn.get("name").asText()).isEqualTo(p.name());
                assertThat(pn.get("kind").asText()).isEqualTo(p.kind());
                // The default printed is one the parameter accepts back.
                assertThat(p.parse(pn.get("default").asText())).isEqualTo(p.defaultValue());
            }
        }
    }

    @Test
    void unknownExperimentIsOneLineNamingTheKnownOnes() {
        assertThat(run("experiments", "show", "no-such-experiment")).isEqualTo(Main.USAGE_ERROR);
        assertThat(err.toString().strip().lines()).hasSize(1);
        assertThat(err.toString())
                .contains("no-such-experiment")
                .contains(Experiments.all().getFirst().id());
    }

    @Test
    void parameterOutOfRangeIsRefusedBeforeRunning(@TempDir Path dir) throws Exception {
        Experiment e = Experiments.all().stream()
                .filter(x -> x.parameters().stream().anyMatch(p -> p instanceof Parameter.Int))
                .findFirst()
                .orElseThrow();
        Parameter.Int p = (Parameter.Int) e.parameters().stream()
                .filter(x -> x instanceof Parameter.Int)
                .findFirst()
                .orElseThrow();
        Path target = dir.resolve("out");
        int code = run("experiments", "run", e.id(), "-p", p.name() + "=" + (p.max() + 1L), "--out", target.toString());
        assertThat(code).isEqualTo(Main.USAGE_ERROR);
        assertThat(err.toString().strip().lines()).hasSize(1);
        assertThat(err.toString()).contains(p.name()).contains(p.accepts());
        assertThat(Files.exists(target)).as("nothing written").isFalse();
    }

    @Test
    void unknownParameterNameIsRefusedNamingTheRealOnes() {
        Experiment e = Experiments.all().getFirst();
        assertThat(run("experiments", "run", e.id(), "-p", "noSuchName=1")).isEqualTo(Main.USAGE_ERROR);
        assertThat(err.toString())
                .contains("noSuchName")
                .contains(e.parameters().getFirst().name());
    }

    @Test
    void runWritesEveryChartAsPngAndSvgAndTheResultAsJson(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("projection");
        assertThat(run("experiments", "run", "projection", "-p", "b1=1.5", "--out", target.toString()))
                .isZero();
        JsonNode result = json.readTree(Files.readString(target.resolve("projection.json")));
        assertThat(result.get("arguments").get("b1").asDouble()).isEqualTo(1.5);
        int charts = result.get("charts").size();
        assertThat(charts).isPositive();
        for (int i = 1; i <= charts; i++) {
            assertThat(javax.imageio.ImageIO.read(
                            target.resolve("projection-" + i + ".png").toFile()))
                    .isNotNull();
            assertThat(Files.readString(target.resolve("projection-" + i + ".svg")))
                    .contains("<svg");
        }
        assertThat(out.toString()).contains("Wrote " + (2 * charts + 1) + " files");
    }

    @Test
    void aParameterThatTakesYourOwnDataReadsAnAtFile(@TempDir Path dir) throws Exception {
        java.awt.image.BufferedImage image =
                new java.awt.image.BufferedImage(40, 30, java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
        for (int r = 0; r < 30; r++) {
            for (int c = 0; c < 40; c++) {
                image.getRaster().setSample(c, r, 0, (r * c) & 0xff);
            }
        }
        Path photo = dir.resolve("photo.png");
        javax.imageio.ImageIO.write(image, "png", photo.toFile());
        Path target = dir.resolve("out");
        assertThat(run(
                        "experiments",
                        "run",
                        "low-rank-image",
                        "-p",
                        "image=@" + photo,
                        "-p",
                        "rank=3",
                        "--out",
                        target.toString()))
                .as(err.toString())
                .isZero();
        assertThat(out.toString()).contains("'photo.png'").contains("30×40");
        JsonNode result = json.readTree(Files.readString(target.resolve("low-rank-image.json")));
        assertThat(result.get("arguments").get("image").asText()).startsWith("upload-");
    }

    @Test
    void aMissingOrUnreadableAtFileIsOneLineNamingIt(@TempDir Path dir) throws Exception {
        assertThat(run("experiments", "run", "low-rank-image", "-p", "image=@" + dir.resolve("none.png")))
                .isEqualTo(Main.USAGE_ERROR);
        assertThat(err.toString()).contains("image").contains("none.png");
        err.getBuffer().setLength(0);
        Path text = dir.resolve("notes.txt");
        Files.writeString(text, "not a picture");
        assertThat(run("experiments", "run", "low-rank-image", "-p", "image=@" + text))
                .isEqualTo(Main.USAGE_ERROR);
        assertThat(err.toString().strip().lines()).hasSize(1);
        assertThat(err.toString()).contains("'notes.txt' is not an image");
        err.getBuffer().setLength(0);
        assertThat(run("experiments", "run", "low-rank-image", "-p", "rank=@" + text))
                .isEqualTo(Main.USAGE_ERROR);
        assertThat(err.toString()).contains("'rank' does not take a file");
    }
}
