package dev.lemma.app;

import dev.lemma.experiments.Experiment;
import dev.lemma.experiments.Experiments;
import dev.lemma.experiments.Parameter;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/// `lemma experiments show ID [--json]`: what an experiment shows and the parameters it takes, with
/// their ranges and defaults.
@Command(
        name = "show",
        description =
                "Describe one experiment: what it shows, its formula, and its parameters with ranges and defaults.",
        mixinStandardHelpOptions = true)
final class ExperimentsShowCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID", description = "The experiment's id (see `lemma experiments list`).")
    String id;

    @Option(names = "--json", description = "Print the description as JSON.")
    boolean json;

    @Override
    public Integer call() {
        Experiment e = Experiments.get(id);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(ExperimentJson.write(ExperimentJson.describe(e)));
            return 0;
        }
        out.printf("%s — %s (chapter %d)%n%n", e.id(), e.title(), e.chapter());
        out.println(e.summary());
        out.printf("%nFormula (LaTeX): %s%n%nParameters:%n", e.formula());
        int width =
                e.parameters().stream().mapToInt(p -> p.name().length()).max().orElse(4);
        for (Parameter p : e.parameters()) {
            out.printf(
                    "  %-" + width + "s  %s; default %s%n",
                    p.name(),
                    p.accepts(),
                    ExperimentJson.text(p.defaultValue()));
            String help = p.help().isEmpty() ? p.label() : p.label() + ": " + p.help();
            out.printf("  %-" + width + "s  %s%n", "", help);
        }
        out.printf("%nRun: lemma experiments run %s", e.id());
        for (Parameter p : e.parameters()) {
            out.printf(" -p %s=%s", p.name(), ExperimentJson.text(p.defaultValue()));
        }
        out.printf(" --out %s/%n", e.id());
        return 0;
    }
}
