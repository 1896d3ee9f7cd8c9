package dev.lemma.app;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/// `lemma experiments`: the book's experiments without the browser. `list` names them, `show` gives
/// one's parameters, `run` computes it and writes its charts (PNG and SVG) and its result (JSON).
///
/// Book: chapter 0, section "How to run Lemma".
@Command(
        name = "experiments",
        description = "List, describe and run the book's experiments headless.",
        mixinStandardHelpOptions = true,
        subcommands = {
            ExperimentsListCommand.class,
            ExperimentsShowCommand.class,
            ExperimentsRunCommand.class,
        })
final class ExperimentsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
