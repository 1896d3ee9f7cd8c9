package dev.lemma.experiments;

/// An experiment id that the registry does not know.
public final class UnknownExperimentException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /// Creates the exception.
    ///
    /// @param message the message, naming the id and where to find the known ones
    public UnknownExperimentException(String message) {
        super(message);
    }
}
