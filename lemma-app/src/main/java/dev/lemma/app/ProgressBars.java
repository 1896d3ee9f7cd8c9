package dev.lemma.app;

import java.io.PrintWriter;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/// The progress bars of the long commands (`bench gemm`, `bench ml`, `experiments run`), all alike: drawn
/// on standard error, so that a table or `--json` on standard output stays clean.
final class ProgressBars {
    private ProgressBars() {}

    /// A progress bar.
    ///
    /// @param task the name shown on the left
    /// @param steps the number of steps
    /// @param updateMillis the least time between two redraws
    /// @param err where to draw it
    /// @return the bar, to be closed when the work ends
    static ProgressBar of(String task, int steps, int updateMillis, PrintWriter err) {
        return new ProgressBarBuilder()
                .setTaskName(task)
                .setStyle(ProgressBarStyle.UNICODE_BLOCK)
                .setInitialMax(steps)
                .setUpdateIntervalMillis(updateMillis)
                .setConsumer(new DelegatingProgressBarConsumer(
                        line -> {
                            err.print('\r' + line);
                            err.flush();
                        },
                        100))
                .build();
    }
}
