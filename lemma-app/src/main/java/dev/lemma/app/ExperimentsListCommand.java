package dev.lemma.app;

import dev.lemma.experiments.Experiment;
import dev.lemma.experiments.Experiments;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/// `lemma experiments list [--json]`: every experiment's id, chapter and title, in book order.
@Command(
        name = "list",
        description = "List every experiment: its id, chapter and title, in book order.",
        mixinStandardHelpOptions = true)
final class ExperimentsListCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print a JSON array of {id, title, chapter} instead of a table.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<Experiment> all = Experiments.all();
        if (json) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Experiment e : all) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("id", e.id());
                row.put("title", e.title());
                row.put("chapter", e.chapter());
                rows.add(row);
            }
            out.println(ExperimentJson.write(rows));
            return 0;
        }
        int width = all.stream().mapToInt(e -> e.id().length()).max().orElse(2);
        out.printf("%-" + width + "s  %7s  %s%n", "id", "chapter", "title");
        for (Experiment e : all) {
            out.printf("%-" + width + "s  %7d  %s%n", e.id(), e.chapter(), e.title());
        }
        out.printf(
                "%n%d experiments. Run one with: lemma experiments run ID [-p name=value ...] [--out DIR]%n",
                all.size());
        return 0;
    }
}
