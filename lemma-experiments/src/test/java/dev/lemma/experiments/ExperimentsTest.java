package dev.lemma.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/// The registry: unique ids, lookup, the unknown-id message, and agreement with the book.
class ExperimentsTest {

    @Test
    void idsAreUniqueAndWellFormed() {
        List<String> ids = Experiments.all().stream().map(Experiment::id).toList();
        assertThat(new HashSet<>(ids)).hasSameSizeAs(ids);
        assertThat(ids).allMatch(id -> id.matches("[a-z0-9]+(-[a-z0-9]+)*"));
    }

    @Test
    void chapterOneExperimentsComeInBookOrder() {
        List<String> chapterOne = Experiments.all().stream()
                .filter(e -> e.chapter() == 1)
                .map(Experiment::id)
                .toList();
        assertThat(chapterOne)
                .containsExactly("projection", "gram-schmidt", "matrix-action", "low-rank-image", "gemm-staircase");
    }

    @Test
    void chapterFiveExperimentsComeInBookOrderBetweenChaptersFourAndSix() {
        List<String> ids = Experiments.all().stream().map(Experiment::id).toList();
        List<String> chapterFive = Experiments.all().stream()
                .filter(e -> e.chapter() == 5)
                .map(Experiment::id)
                .toList();
        assertThat(chapterFive)
                .containsExactly(
                        "optimiser-race",
                        "momentum-rate",
                        "learning-rate",
                        "newton-vs-gradient-descent",
                        "sgd-batch-noise",
                        "lr-schedules",
                        "constrained-kkt");
        List<Integer> chapters =
                Experiments.all().stream().map(Experiment::chapter).toList();
        assertThat(chapters).isSorted();
        assertThat(ids.indexOf("optimiser-race")).isEqualTo(ids.indexOf("bootstrap-distribution") + 1);
    }

    /// The ids the book's chapter 1 uses in its experiment blocks, read from the book itself, in order.
    @Test
    void everyExperimentBlockOfChapterOneIsRegistered() throws Exception {
        Path book = Path.of("..", "book", "01-linear-algebra.md");
        if (!Files.exists(book)) {
            return; // the module built on its own, outside the repository
        }
        Matcher m = Pattern.compile("(?m)^```experiment (\\S+)").matcher(Files.readString(book));
        List<String> blocks = new ArrayList<>();
        while (m.find()) {
            blocks.add(m.group(1));
        }
        assertThat(blocks).isNotEmpty();
        assertThat(Experiments.all().stream().filter(e -> e.chapter() == 1).map(Experiment::id))
                .containsExactlyElementsOf(blocks);
    }

    @Test
    void findAndGetReturnTheRegisteredExperiment() {
        for (Experiment e : Experiments.all()) {
            assertThat(Experiments.find(e.id())).containsSame(e);
            assertThat(Experiments.get(e.id())).isSameAs(e);
        }
        assertThat(Experiments.find("no-such-experiment")).isEmpty();
    }

    @Test
    void anUnknownIdIsReportedWithTheKnownOnes() {
        assertThatThrownBy(() -> Experiments.get("projections"))
                .isInstanceOf(UnknownExperimentException.class)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no experiment 'projections'")
                .hasMessageContaining("projection, gram-schmidt, matrix-action, low-rank-image, gemm-staircase");
    }

    @Test
    void everyExperimentDescribesItselfAndItsParameters() {
        for (Experiment e : Experiments.all()) {
            assertThat(e.title()).as(e.id()).isNotBlank();
            assertThat(e.summary()).as(e.id()).isNotBlank();
            assertThat(e.formula()).as(e.id()).isNotBlank().doesNotStartWith("$");
            assertThat(e.chapter()).as(e.id()).isBetween(0, 99);
            assertThat(e.budget()).as(e.id()).isPositive();
            List<String> names = e.parameters().stream().map(Parameter::name).toList();
            assertThat(new HashSet<>(names)).as(e.id() + " parameter names").hasSameSizeAs(names);
            for (Parameter p : e.parameters()) {
                assertThat(p.label()).as(e.id() + "." + p.name()).isNotBlank();
                assertThat(p.help()).as(e.id() + "." + p.name()).isNotBlank();
                // The default, written as text, parses back to itself.
                assertThat(p.parse(String.valueOf(p.defaultValue()))).isEqualTo(p.defaultValue());
            }
        }
    }
}
