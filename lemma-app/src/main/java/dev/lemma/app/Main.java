package dev.lemma.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/// `lemma`: the command-line face of Lemma.
@Command(
        name = "lemma",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "The mathematics of machine learning, derived, implemented and checked.",
        subcommands = {
            LabCommand.class,
            ExperimentsCommand.class,
            DatasetsCommand.class,
            FitCommand.class,
            EvaluateCommand.class,
            PredictCommand.class,
            InspectCommand.class,
            CvCommand.class,
            BenchCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Main implements Runnable {

    /// Exit code of bad usage or bad input.
    public static final int USAGE_ERROR = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /// Runs the command and exits with its code.
    ///
    /// @param args the command line
    public static void main(String[] args) {
        System.exit(run(
                new PrintWriter(System.out, true, java.nio.charset.Charset.defaultCharset()),
                new PrintWriter(System.err, true, java.nio.charset.Charset.defaultCharset()),
                args));
    }

    /// Runs the command with the given streams; for tests and embedding.
    ///
    /// @param out standard output
    /// @param err standard error
    /// @param args the command line
    /// @return the exit code: 0 on success, 2 on bad usage or bad input
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((e, a) -> {
            e.getCommandLine().getErr().println("lemma: " + e.getMessage() + " (see lemma --help)");
            return USAGE_ERROR;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof IllegalArgumentException || e instanceof ArithmeticException) {
                commandLine.getErr().println("lemma: " + e.getMessage());
                return USAGE_ERROR;
            }
            throw e;
        });
        return cli.execute(args);
    }

    /// Reads the version that the build wrote into `lemma-version.properties`.
    static final class Version implements CommandLine.IVersionProvider {

        /// @return Lemma's version, e.g. `0.1.0-SNAPSHOT`, or `unknown`
        static String lemma() {
            Properties p = new Properties();
            try (InputStream in = Main.class.getResourceAsStream("/lemma-version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return p.getProperty("version", "unknown");
        }

        @Override
        public String[] getVersion() {
            return new String[] {
                "lemma " + lemma(), "Java " + Runtime.version() + " (" + System.getProperty("java.vm.name") + ")"
            };
        }
    }
}
