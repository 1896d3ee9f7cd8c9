package dev.lemma.experiments;

import java.time.Duration;
import java.util.List;

/// One experiment of the book: a computation with controls, whose result is drawn.
///
/// Implementations are stateless: `run` may be called from several threads at once. The same
/// arguments give the same result (seeded randomness only), except in experiments that measure
/// this machine's speed, which say so in their [#summary()].
public interface Experiment {

    /// The stable identifier used in URLs, on the command line and in the book's
    /// ` ```experiment ID``` ` blocks: lower case words joined by hyphens, e.g. `matrix-action`.
    ///
    /// @return the id
    String id();

    /// The title shown above the experiment.
    ///
    /// @return the title
    String title();

    /// The book chapter the experiment belongs to (0 to 99).
    ///
    /// @return the chapter number
    int chapter();

    /// One or two sentences on what the experiment shows and what to try.
    ///
    /// @return the summary, Markdown with `$…$` math allowed
    String summary();

    /// The formula the experiment illustrates, shown beside its charts.
    ///
    /// @return LaTeX, without surrounding dollars
    String formula();

    /// The controls, in the order they are shown.
    ///
    /// @return the parameters
    List<Parameter> parameters();

    /// Runs the experiment.
    ///
    /// @param arguments checked values for every parameter
    /// @param progress where to report progress; calling it is also the point where a run that has
    ///     been cancelled stops
    /// @return the charts, tables and notes
    Result run(Arguments arguments, Progress progress);

    /// The longest a run may take on a 2-core machine with any arguments in range; the lab stops a
    /// run that exceeds it and CI checks the defaults against it.
    ///
    /// @return the time budget
    default Duration budget() {
        return Duration.ofSeconds(10);
    }

    /// Runs the experiment with its default arguments and no progress reporting.
    ///
    /// @return the result
    default Result runDefaults() {
        return run(Arguments.defaults(this), Progress.NONE);
    }
}
