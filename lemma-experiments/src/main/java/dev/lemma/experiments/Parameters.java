package dev.lemma.experiments;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/// Checks and messages shared by the parameter kinds.
final class Parameters {
    private Parameters() {}

    static void checkName(String name, String label, String help) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(help, "help");
        if (!name.matches("[a-z][A-Za-z0-9]*")) {
            throw new IllegalArgumentException("parameter name '" + name + "' must be a lowerCamelCase identifier");
        }
    }

    static List<String> checkChoices(String name, List<String> choices, String defaultValue) {
        List<String> copy = List.copyOf(choices);
        if (copy.isEmpty() || new HashSet<>(copy).size() != copy.size()) {
            throw new IllegalArgumentException(name + ": choices " + copy + " must be non-empty and distinct");
        }
        if (!copy.contains(defaultValue)) {
            throw new IllegalArgumentException(name + ": default '" + defaultValue + "' is not one of " + copy);
        }
        return copy;
    }

    static String trimmed(Parameter p, String text) {
        if (text == null || text.isBlank()) {
            throw new ParameterException(p.name(), "parameter '" + p.name() + "' needs a value: " + p.accepts());
        }
        return text.strip();
    }

    static ParameterException rejected(Parameter p, String text) {
        return new ParameterException(
                p.name(), "parameter '" + p.name() + "' is " + p.accepts() + ", not '" + text.strip() + "'");
    }

    /// Writes a range bound without a trailing `.0`: `1`, `0.5`, `1e-06`.
    static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }
}
