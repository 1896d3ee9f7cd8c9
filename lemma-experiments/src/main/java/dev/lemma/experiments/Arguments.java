package dev.lemma.experiments;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/// The checked values of one run: one per parameter of the experiment, defaults filled in.
public final class Arguments {
    private final Map<String, Object> values;

    private Arguments(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /// Every parameter at its default.
    ///
    /// @param experiment the experiment
    /// @return the arguments
    public static Arguments defaults(Experiment experiment) {
        return parse(experiment, Map.of());
    }

    /// Parses the given values, as text, and fills in the defaults of the parameters not given.
    ///
    /// @param experiment the experiment
    /// @param given values by parameter name
    /// @return the arguments
    /// @throws ParameterException naming the first unknown name or rejected value
    public static Arguments parse(Experiment experiment, Map<String, String> given) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (String name : given.keySet()) {
            if (experiment.parameters().stream().noneMatch(p -> p.name().equals(name))) {
                throw new ParameterException(
                        name,
                        "experiment '" + experiment.id() + "' has no parameter '" + name + "'; it has: "
                                + String.join(
                                        ", ",
                                        experiment.parameters().stream()
                                                .map(Parameter::name)
                                                .toList()));
            }
        }
        for (Parameter p : experiment.parameters()) {
            String text = given.get(p.name());
            values.put(p.name(), text == null ? p.defaultValue() : p.parse(text));
        }
        return new Arguments(values);
    }

    /// The values by parameter name, in the order the parameters are declared.
    ///
    /// @return an unmodifiable map
    public Map<String, Object> values() {
        return values;
    }

    /// A real-number argument.
    ///
    /// @param name the parameter's name
    /// @return its value
    /// @throws IllegalStateException if there is no such real-number parameter (a bug in the experiment)
    public double number(String name) {
        return get(name, Double.class);
    }

    /// An integer argument.
    ///
    /// @param name the parameter's name
    /// @return its value
    /// @throws IllegalStateException if there is no such integer parameter
    public int integer(String name) {
        return get(name, Integer.class);
    }

    /// A choice or dataset argument.
    ///
    /// @param name the parameter's name
    /// @return its value
    /// @throws IllegalStateException if there is no such choice or dataset parameter
    public String choice(String name) {
        return get(name, String.class);
    }

    /// A yes/no argument.
    ///
    /// @param name the parameter's name
    /// @return its value
    /// @throws IllegalStateException if there is no such boolean parameter
    public boolean flag(String name) {
        return get(name, Boolean.class);
    }

    /// A seed argument.
    ///
    /// @param name the parameter's name
    /// @return its value
    /// @throws IllegalStateException if there is no such seed parameter
    public long seed(String name) {
        return get(name, Long.class);
    }

    private <T> T get(String name, Class<T> type) {
        Object value = values.get(name);
        if (!type.isInstance(value)) {
            throw new IllegalStateException(
                    "no " + type.getSimpleName() + " parameter '" + name + "' among " + values.keySet());
        }
        return type.cast(value);
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
