package dev.lemma.experiments;

/// Thrown through an experiment's [Progress] to stop a run, for instance when it exceeded its time
/// budget in the lab.
public final class RunCancelledException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /// Creates the exception.
    ///
    /// @param message why the run was stopped
    public RunCancelledException(String message) {
        super(message);
    }
}
