package dev.lemma.experiments;

/// A value given for an experiment's parameter that the parameter does not accept, or a name that
/// the experiment does not have. The message names the parameter and what it accepts.
public final class ParameterException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /// The parameter's name (or the unknown name given).
    private final String parameter;

    /// Creates the exception.
    ///
    /// @param parameter the parameter's name
    /// @param message the full message, naming the parameter and its allowed values
    public ParameterException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    /// The name of the parameter at fault, so that the lab can show the message beside its control.
    ///
    /// @return the name
    public String parameter() {
        return parameter;
    }
}
