package dev.lemma.app.lab;

/// A failure the JSON API answers with a status and `{"error": message}`, plus `"parameter"` when
/// one parameter is at fault (the page then shows the message beside that control).
final class ApiError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String parameter;

    ApiError(int status, String message) {
        this(status, message, null);
    }

    ApiError(int status, String message, String parameter) {
        super(message);
        this.status = status;
        this.parameter = parameter;
    }

    /// The HTTP status.
    int status() {
        return status;
    }

    /// The parameter at fault, or null.
    String parameter() {
        return parameter;
    }
}
