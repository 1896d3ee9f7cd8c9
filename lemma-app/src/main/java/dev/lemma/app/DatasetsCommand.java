package dev.lemma.app;

import dev.lemma.data.Csv;
import dev.lemma.data.Dataset;
import dev.lemma.data.Datasets;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/// `lemma datasets list|show NAME|export NAME --out FILE.csv`: the datasets bundled with Lemma (iris,
/// wine, digits, ...), which every model command also takes by name in `--data`.
@Command(
        name = "datasets",
        description = "List, describe and export the bundled datasets (usable by name in --data).",
        mixinStandardHelpOptions = true,
        subcommands = {
            DatasetsCommand.ListCommand.class,
            DatasetsCommand.ShowCommand.class,
            DatasetsCommand.ExportCommand.class,
        })
final class DatasetsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    /// How many rows `show` prints.
    static final int FIRST_ROWS = 5;

    /// How many feature columns `show` prints before eliding the rest (digits has 64).
    static final int SHOWN_COLUMNS = 8;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /// `lemma datasets list`.
    @Command(
            name = "list",
            description = "Name the bundled datasets with their size and task.",
            mixinStandardHelpOptions = true)
    static final class ListCommand implements Runnable {
        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            List<List<String>> rows = new ArrayList<>();
            for (Datasets.Entry e : Datasets.list()) {
                Dataset d = Datasets.load(e.name());
                rows.add(List.of(
                        e.name(),
                        e.task(),
                        Integer.toString(d.size()),
                        Integer.toString(d.dimension()),
                        e.description()));
            }
            MlData.table(spec.commandLine().getOut(), List.of("name", "task", "rows", "features", "description"), rows);
        }
    }

    /// `lemma datasets show NAME`.
    @Command(
            name = "show",
            description = "Describe a bundled dataset and print its first rows.",
            mixinStandardHelpOptions = true)
    static final class ShowCommand implements Runnable {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NAME", description = "The dataset (see `lemma datasets list`).")
        String name;

        @Override
        public void run() {
            Datasets.Entry e = Datasets.info(name);
            Dataset d = Datasets.load(name);
            PrintWriter out = spec.commandLine().getOut();
            out.printf("%s: %s%n", e.name(), e.description());
            out.printf("task: %s%n", e.task());
            out.printf("rows: %d%n", d.size());
            out.printf("features (%d): %s%n", d.dimension(), String.join(", ", d.featureNames()));
            out.printf("target%s: %s%n", d.targetNames().size() == 1 ? "" : "s", String.join(", ", d.targetNames()));
            if (!e.classNames().isEmpty()) {
                out.printf("classes (%d): %s%n", e.classNames().size(), String.join(", ", e.classNames()));
            }
            out.println();
            int shown = Math.min(d.dimension(), SHOWN_COLUMNS);
            List<String> header = new ArrayList<>(d.featureNames().subList(0, shown));
            if (shown < d.dimension()) {
                header.add("…");
            }
            header.addAll(d.targetNames());
            List<List<String>> rows = new ArrayList<>();
            for (int i = 0; i < Math.min(FIRST_ROWS, d.size()); i++) {
                List<String> row = new ArrayList<>();
                for (int j = 0; j < shown; j++) {
                    row.add(MlData.exact(d.features().get(i, j)));
                }
                if (shown < d.dimension()) {
                    row.add("…");
                }
                for (int t = 0; t < d.targetNames().size(); t++) {
                    double v = d.targets().get(i, t);
                    row.add(
                            e.classNames().isEmpty()
                                    ? MlData.exact(v)
                                    : e.classNames().get((int) v));
                }
                rows.add(row);
            }
            MlData.table(out, header, rows);
        }
    }

    /// `lemma datasets export NAME --out FILE.csv`.
    @Command(
            name = "export",
            description = "Write a bundled dataset as CSV (a classification target as its class codes 0, 1, …).",
            mixinStandardHelpOptions = true)
    static final class ExportCommand implements Runnable {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NAME", description = "The dataset (see `lemma datasets list`).")
        String name;

        @Option(names = "--out", required = true, paramLabel = "FILE.csv", description = "The CSV file to write.")
        Path out;

        @Override
        public void run() {
            Dataset d = Datasets.load(name);
            Csv.write(d, out);
            spec.commandLine()
                    .getOut()
                    .printf(
                            "wrote %s (%d rows, %d columns) to %s%n",
                            name, d.size(), d.dimension() + d.targetNames().size(), out);
        }
    }
}
