package dev.lemma.data;

/// A CSV file that cannot be read as a table: the message names the source, the line, the column and
/// what was found there.
public final class CsvFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /// The source (a file name or a description), the 1-based line, the column (name or 1-based number),
    /// and what is wrong.
    ///
    /// @param message the complete message
    public CsvFormatException(String message) {
        super(message);
    }
}
