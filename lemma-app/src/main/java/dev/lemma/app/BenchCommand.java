package dev.lemma.app;

import picocli.CommandLine.Command;

/// `lemma bench`: the benchmarks a user can run without JMH. For the rigorous comparisons against
/// other libraries, see the `lemma-bench` module (JMH).
@Command(
        name = "bench",
        description = "Measure Lemma's kernels on this machine.",
        mixinStandardHelpOptions = true,
        subcommands = {GemmBenchCommand.class, MlBenchCommand.class})
final class BenchCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
