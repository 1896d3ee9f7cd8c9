package dev.lemma.experiments;

/// Receives progress from a running experiment. It is also where a run is cancelled: an
/// implementation may throw [RunCancelledException] from [#report], and the experiment stops there.
@FunctionalInterface
public interface Progress {

    /// Ignores progress and never cancels.
    Progress NONE = (fraction, message) -> {};

    /// Reports how far the run has come.
    ///
    /// @param fraction the part done, from 0 to 1
    /// @param message what is being done now (may be empty)
    /// @throws RunCancelledException if the run should stop
    void report(double fraction, String message);
}
