package dev.lemma.app;

import java.io.PrintWriter;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
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

    /// The progress bar of a benchmark, drawn on standard error (so that `--json` output stays clean),
    /// redrawn at most twice a second.
    ///
    /// @param task the name shown on the left
    /// @param steps the number of steps
    /// @param err where to draw it
    /// @return the bar, to be closed when the benchmark ends
    static ProgressBar progressBar(String task, int steps, PrintWriter err) {
        return new ProgressBarBuilder()
                .setTaskName(task)
                .setStyle(ProgressBarStyle.UNICODE_BLOCK)
                .setInitialMax(steps)
                .setUpdateIntervalMillis(500)
                .setConsumer(new DelegatingProgressBarConsumer(
                        line -> {
                            err.print('\r' + line);
                            err.flush();
                        },
                        100))
                .build();
    }
}
