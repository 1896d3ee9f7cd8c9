package dev.lemma.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class LabCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void helpNamesTheOptions() {
        assertThat(run("lab", "--help")).isZero();
        assertThat(out.toString()).contains("Usage: lemma lab", "--port", "--host", "--no-browser", "7070");
    }

    @Test
    void mainListsTheLab() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("lab");
    }

    @Test
    void aPortInUseIsOneLineAndExitCodeTwo() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int code = run("lab", "--no-browser", "--port", String.valueOf(taken.getLocalPort()));
            assertThat(code).isEqualTo(Main.USAGE_ERROR);
            assertThat(err.toString().strip().lines()).hasSize(1);
            assertThat(err.toString()).contains("cannot listen on 127.0.0.1:" + taken.getLocalPort());
        }
    }

    @Test
    void aPortOutOfRangeIsBadUsage() {
        assertThat(run("lab", "--no-browser", "--port", "70000")).isEqualTo(Main.USAGE_ERROR);
        assertThat(err.toString()).contains("--port 70000");
    }
}
