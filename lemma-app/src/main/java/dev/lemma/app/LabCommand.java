package dev.lemma.app;

import dev.lemma.app.lab.Book;
import dev.lemma.app.lab.LabServer;
import dev.lemma.experiments.Experiments;
import dev.lemma.viz.PlotlyFigure;
import java.awt.Desktop;
import java.awt.GraphicsEnvironment;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/// `lemma lab`: serves the book and its live experiments on this machine until Ctrl-C.
@Command(
        name = "lab",
        description = {
            "Open the lab: the book in the browser, with every experiment live.",
            "Serves http://127.0.0.1:7070/ until Ctrl-C; nothing is fetched from the network."
        },
        mixinStandardHelpOptions = true)
final class LabCommand implements Callable<Integer> {
    private static final Pattern PATH_SEPARATOR = Pattern.compile(Pattern.quote(File.pathSeparator));

    @Option(
            names = "--port",
            paramLabel = "N",
            description = "Port to listen on (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port = LabServer.DEFAULT_PORT;

    @Option(
            names = "--host",
            paramLabel = "H",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only).")
    String host = LabServer.DEFAULT_HOST;

    @Option(names = "--no-browser", description = "Do not open a browser.")
    boolean noBrowser;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("--port " + port + " is not a port: use 0 to 65535");
        }
        quietServerLogs();
        Book book = Book.locate(System.getProperty("lemma.home"), Path.of("").toAbsolutePath());
        LabServer server = new LabServer(book, Experiments.all(), PlotlyFigure::of, host, port);
        URI url;
        try {
            url = server.start();
        } catch (IllegalStateException e) {
            err.println("lemma: " + e.getMessage() + (port == 0 ? "" : "; try another port with --port N"));
            return Main.USAGE_ERROR;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            server.close();
                            stopped.countDown();
                        },
                        "lemma-lab-shutdown"));
        out.println("Lemma lab: " + url);
        out.println("The book is read from " + book.directory() + ". Press Ctrl-C to stop.");
        out.flush();
        if (!noBrowser && !openBrowser(url)) {
            out.println("(Open that address in a browser.)");
            out.flush();
        }
        stopped.await();
        return 0;
    }

    /// Keeps the web server's start-up chatter off the terminal: the lab prints its own address, and
    /// a failure to start is reported as one line below. Warnings still show.
    private static void quietServerLogs() {
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        if (System.getProperty("org.slf4j.simpleLogger.log.io.javalin.Javalin") == null) {
            System.setProperty("org.slf4j.simpleLogger.log.io.javalin.Javalin", "off");
        }
    }

    /// Opens the default browser; false if there is none to open (not an error).
    private static boolean openBrowser(URI url) {
        try {
            if (!GraphicsEnvironment.isHeadless()
                    && Desktop.isDesktopSupported()
                    && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
                Desktop.getDesktop().browse(url);
                return true;
            }
            String path = System.getenv("PATH");
            if (path != null) {
                for (String dir : PATH_SEPARATOR.splitAsStream(path).toList()) {
                    Path xdgOpen = Path.of(dir, "xdg-open");
                    if (Files.isExecutable(xdgOpen)) {
                        new ProcessBuilder(List.of(xdgOpen.toString(), url.toString()))
                                .redirectErrorStream(true)
                                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                                .start();
                        return true;
                    }
                }
            }
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
        return false;
    }
}
