package dev.lemma.app;

import dev.lemma.experiments.Arguments;
import dev.lemma.experiments.Experiment;
import dev.lemma.experiments.Experiments;
import dev.lemma.experiments.Parameter;
import dev.lemma.experiments.ParameterException;
import dev.lemma.experiments.Progress;
import dev.lemma.experiments.Result;
import dev.lemma.experiments.Table;
import dev.lemma.experiments.UserData;
import dev.lemma.viz.Chart;
import dev.lemma.viz.StaticChart;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/// `lemma experiments run ID [-p name=value ...] [--out DIR] [--json]`: computes an experiment with
/// the given arguments (defaults for the rest) and writes each chart as PNG and SVG and the whole
/// result as JSON into `DIR`. Tables and notes are printed.
///
/// A value out of range is refused before anything is computed, with one line naming the parameter
/// and what it accepts, and exit code 2.
@Command(
        name = "run",
        description = {
            "Run one experiment headless: write its charts (PNG and SVG) and its result (JSON) to --out,"
                    + " and print its tables and notes.",
            "Parameters not given take their defaults; see them with `lemma experiments show ID`."
        },
        mixinStandardHelpOptions = true)
final class ExperimentsRunCommand implements Callable<Integer> {

    /// Size of the static charts: 4:3, wide enough for a book page at 100 dpi.
    static final int WIDTH = 800;

    /// Height of the static charts.
    static final int HEIGHT = 600;

    /// Runs shorter than this show no progress bar, so that quick runs print nothing but their result.
    static final long PROGRESS_BAR_AFTER_MILLIS = 1000;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID", description = "The experiment's id (see `lemma experiments list`).")
    String id;

    @Option(
            names = {"-p", "--param"},
            paramLabel = "NAME=VALUE",
            description = "A parameter's value; repeat for several. A parameter that takes your own data accepts"
                    + " @FILE (e.g. -p image=@photo.jpg).")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description =
                    "Directory for the PNG, SVG and JSON files (default: a directory named after the experiment).")
    Path out;

    @Option(names = "--json", description = "Print the result as JSON instead of tables and notes.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        Experiment experiment = Experiments.get(id);
        Arguments arguments = Arguments.parse(experiment, withUploads(experiment, params));
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();

        long start = System.nanoTime();
        Result result;
        try (LazyProgressBar bar = new LazyProgressBar(experiment.id(), err, start)) {
            result = experiment.run(arguments, bar);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;

        Path dir = out != null ? out : Path.of(experiment.id());
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        List<Chart> charts = result.charts();
        for (int i = 0; i < charts.size(); i++) {
            String base = String.format(Locale.ROOT, "%s-%d", experiment.id(), i + 1);
            Path png = dir.resolve(base + ".png");
            Files.write(png, StaticChart.png(charts.get(i), WIDTH, HEIGHT));
            Path svg = dir.resolve(base + ".svg");
            Files.writeString(svg, StaticChart.svg(charts.get(i), WIDTH, HEIGHT), StandardCharsets.UTF_8);
            written.add(png);
            written.add(svg);
        }
        String resultJson = ExperimentJson.write(ExperimentJson.result(experiment, arguments, result, millis));
        Path jsonFile = dir.resolve(experiment.id() + ".json");
        Files.writeString(jsonFile, resultJson + "\n", StandardCharsets.UTF_8);
        written.add(jsonFile);

        if (json) {
            stdout.println(resultJson);
            return 0;
        }
        stdout.printf("%s — %s, computed in %d ms with %s%n", experiment.id(), experiment.title(), millis, arguments);
        for (Table t : result.tables()) {
            stdout.println();
            printTable(stdout, t);
        }
        for (String note : result.notes()) {
            stdout.printf("%n%s%n", note);
        }
        stdout.printf("%nWrote %d files to %s:%n", written.size(), dir);
        for (Path p : written) {
            stdout.printf("  %s%n", p);
        }
        return 0;
    }

    /// Replaces each `@file` given to a parameter that takes the user's own files by the key of that
    /// file in [UserData], after checking it.
    ///
    /// @throws IllegalArgumentException naming the parameter and the file if it cannot be read or is
    ///     not what the parameter takes
    static Map<String, String> withUploads(Experiment experiment, Map<String, String> given) {
        Map<String, String> resolved = new LinkedHashMap<>(given);
        for (Parameter p : experiment.parameters()) {
            String value = given.get(p.name());
            if (value == null || !value.startsWith("@")) {
                continue;
            }
            if (!(p instanceof Parameter.Data data) || data.uploads() == null) {
                throw new ParameterException(
                        p.name(), "parameter '" + p.name() + "' does not take a file (@…); it is " + p.accepts());
            }
            Path file = Path.of(value.substring(1));
            byte[] content;
            try {
                content = Files.readAllBytes(file);
            } catch (IOException e) {
                throw new ParameterException(
                        p.name(),
                        "parameter '" + p.name() + "': cannot read " + file + " ("
                                + e.getClass().getSimpleName() + ")");
            }
            try {
                resolved.put(
                        p.name(),
                        UserData.put(data.uploads(), file.getFileName().toString(), content));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(p.name(), "parameter '" + p.name() + "': " + e.getMessage());
            }
        }
        return resolved;
    }

    /// Prints a table with columns padded to their widest cell.
    static void printTable(PrintWriter out, Table t) {
        List<List<String>> cells = new ArrayList<>();
        cells.add(t.columns());
        for (List<Object> row : t.rows()) {
            cells.add(row.stream().map(ExperimentsRunCommand::format).toList());
        }
        int[] widths = new int[t.columns().size()];
        for (List<String> row : cells) {
            for (int c = 0; c < row.size(); c++) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        if (!t.title().isEmpty()) {
            out.println(t.title());
        }
        for (int r = 0; r < cells.size(); r++) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < widths.length; c++) {
                String cell = cells.get(r).get(c);
                line.append("  ").append(cell).append(" ".repeat(widths[c] - cell.length()));
            }
            out.println(line.toString().stripTrailing());
            if (r == 0) {
                int total = 0;
                for (int w : widths) {
                    total += w + 2;
                }
                out.println("  " + "-".repeat(Math.max(0, total - 2)));
            }
        }
    }

    /// A cell as text: numbers to six significant digits, the rest as they are.
    static String format(Object cell) {
        if (cell instanceof Double d) {
            return String.format(Locale.ROOT, "%.6g", d);
        }
        if (cell instanceof Float f) {
            return String.format(Locale.ROOT, "%.6g", f);
        }
        return String.valueOf(cell);
    }

    /// A progress bar that appears only once a run has taken longer than
    /// [#PROGRESS_BAR_AFTER_MILLIS], so that quick runs stay quiet.
    private static final class LazyProgressBar implements Progress, AutoCloseable {
        private static final int STEPS = 1000;
        private final String task;
        private final PrintWriter err;
        private final long start;
        private ProgressBar bar;

        LazyProgressBar(String task, PrintWriter err, long start) {
            this.task = task;
            this.err = err;
            this.start = start;
        }

        @Override
        public void report(double fraction, String message) {
            if (bar == null && (System.nanoTime() - start) / 1_000_000 < PROGRESS_BAR_AFTER_MILLIS) {
                return;
            }
            if (bar == null) {
                bar = ProgressBars.of(task, STEPS, 250, err);
            }
            bar.stepTo(Math.round(Math.min(1, Math.max(0, fraction)) * STEPS));
            bar.setExtraMessage(message);
        }

        @Override
        public void close() {
            if (bar != null) {
                bar.close();
                err.println();
            }
        }
    }

    static {
        // Charts are drawn off screen; on a machine without a display AWT must not look for one.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }
}
