package dev.lemma.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class MainTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void helpListsTheSubcommands() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("Usage: lemma").contains("bench");
    }

    @Test
    void versionNamesLemmaAndTheJavaRuntime() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString()).containsPattern("lemma \\d+\\.\\d+\\.\\d+").contains("Java 25");
    }

    @Test
    void badUsageIsOneLineAndExitCodeTwo() {
        assertThat(run("--no-such-option")).isEqualTo(Main.USAGE_ERROR);
        assertThat(err.toString().strip().lines()).hasSize(1);
        assertThat(err.toString()).contains("--no-such-option");
    }
}
