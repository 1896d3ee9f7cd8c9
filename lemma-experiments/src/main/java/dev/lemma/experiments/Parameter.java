package dev.lemma.experiments;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/// A typed control of an experiment: its name, the label shown beside it, a line of help, the values
/// it accepts and its default.
///
/// Every kind parses text (from `-p name=value` on the command line or a JSON value in the lab) with
/// [#parse(String)], which either returns a value in range or throws a [ParameterException] whose
/// message names the parameter and what it accepts.
public sealed interface Parameter
        permits Parameter.Real, Parameter.Int, Parameter.Choice, Parameter.Flag, Parameter.Data, Parameter.Seed {

    /// The name used in `-p name=value` and in the JSON API: a Java-style identifier.
    ///
    /// @return the name
    String name();

    /// The label shown beside the control.
    ///
    /// @return the label, may contain `$…$` math
    String label();

    /// One line of help shown on hover and by `lemma experiments show`.
    ///
    /// @return the help text (may be empty)
    String help();

    /// The kind, as the JSON API and the lab name it: `number`, `integer`, `choice`, `boolean`,
    /// `dataset` or `seed`.
    ///
    /// @return the kind
    String kind();

    /// The value used when none is given.
    ///
    /// @return a `Double`, `Integer`, `String`, `Boolean` or `Long`, by kind
    Object defaultValue();

    /// What values are accepted, in words: `a number from 0 to 1 in steps of 0.1`.
    ///
    /// @return the description
    String accepts();

    /// Parses and checks a value.
    ///
    /// @param text the value as text
    /// @return the value, of the type [#defaultValue()] has
    /// @throws ParameterException if the text is not a value this parameter accepts
    Object parse(String text);

    /// A real number in `[min, max]`; the lab's slider moves in steps of `step`, but any value in range
    /// is accepted.
    ///
    /// @param name the name
    /// @param label the label
    /// @param help the help line
    /// @param min the smallest value accepted
    /// @param max the largest value accepted
    /// @param step the slider's step, positive
    /// @param defaultValue the default, in range
    record Real(String name, String label, String help, double min, double max, double step, Double defaultValue)
            implements Parameter {
        /// Checks the declaration.
        ///
        /// @throws IllegalArgumentException if the range is empty or not finite, the step not positive,
        ///     or the default outside the range
        public Real {
            Parameters.checkName(name, label, help);
            Objects.requireNonNull(defaultValue, name + ": default value");
            if (!(Double.isFinite(min) && Double.isFinite(max) && min <= max)) {
                throw new IllegalArgumentException(
                        name + ": range [" + min + ", " + max + "] is not a finite interval");
            }
            if (!(step > 0) || Double.isInfinite(step)) {
                throw new IllegalArgumentException(name + ": step " + step + " must be positive and finite");
            }
            if (!(defaultValue >= min && defaultValue <= max)) {
                throw new IllegalArgumentException(name + ": default " + defaultValue + " is outside its range");
            }
        }

        @Override
        public String kind() {
            return "number";
        }

        @Override
        public String accepts() {
            return "a number from " + Parameters.format(min) + " to " + Parameters.format(max);
        }

        @Override
        public Double parse(String text) {
            double value;
            try {
                value = Double.parseDouble(Parameters.trimmed(this, text));
            } catch (NumberFormatException e) {
                throw Parameters.rejected(this, text);
            }
            if (!(value >= min && value <= max)) {
                throw Parameters.rejected(this, text);
            }
            return value;
        }
    }

    /// An integer in `[min, max]`.
    ///
    /// @param name the name
    /// @param label the label
    /// @param help the help line
    /// @param min the smallest value accepted
    /// @param max the largest value accepted
    /// @param defaultValue the default, in range
    record Int(String name, String label, String help, int min, int max, Integer defaultValue) implements Parameter {
        /// Checks the declaration.
        ///
        /// @throws IllegalArgumentException if the range is empty or the default outside it
        public Int {
            Parameters.checkName(name, label, help);
            Objects.requireNonNull(defaultValue, name + ": default value");
            if (min > max || defaultValue < min || defaultValue > max) {
                throw new IllegalArgumentException(name + ": default " + defaultValue
                        + " must lie in a non-empty range [" + min + ", " + max + "]");
            }
        }

        @Override
        public String kind() {
            return "integer";
        }

        @Override
        public String accepts() {
            return "an integer from " + min + " to " + max;
        }

        @Override
        public Integer parse(String text) {
            long value;
            try {
                // Accepts "3" and also "3.0", which is how some JSON encoders write whole numbers.
                value = new BigDecimal(Parameters.trimmed(this, text)).longValueExact();
            } catch (NumberFormatException | ArithmeticException e) {
                throw Parameters.rejected(this, text);
            }
            if (value < min || value > max) {
                throw Parameters.rejected(this, text);
            }
            return (int) value;
        }
    }

    /// One of a fixed list of words.
    ///
    /// @param name the name
    /// @param label the label
    /// @param help the help line
    /// @param choices the accepted values, at least one, no duplicates
    /// @param defaultValue the default, one of the choices
    record Choice(String name, String label, String help, List<String> choices, String defaultValue)
            implements Parameter {
        /// Checks the declaration.
        ///
        /// @throws IllegalArgumentException if there is no choice, a duplicate, or the default is not one
        public Choice {
            Parameters.checkName(name, label, help);
            Objects.requireNonNull(defaultValue, name + ": default value");
            choices = Parameters.checkChoices(name, choices, defaultValue);
        }

        @Override
        public String kind() {
            return "choice";
        }

        @Override
        public String accepts() {
            return "one of " + String.join(", ", choices);
        }

        @Override
        public String parse(String text) {
            String value = Parameters.trimmed(this, text);
            if (!choices.contains(value)) {
                throw Parameters.rejected(this, text);
            }
            return value;
        }
    }

    /// A yes/no switch.
    ///
    /// @param name the name
    /// @param label the label
    /// @param help the help line
    /// @param defaultValue the default
    record Flag(String name, String label, String help, Boolean defaultValue) implements Parameter {
        /// Checks the declaration.
        ///
        /// @throws IllegalArgumentException if the name is not an identifier
        public Flag {
            Parameters.checkName(name, label, help);
            Objects.requireNonNull(defaultValue, name + ": default value");
        }

        @Override
        public String kind() {
            return "boolean";
        }

        @Override
        public String accepts() {
            return "true or false";
        }

        @Override
        public Boolean parse(String text) {
            return switch (Parameters.trimmed(this, text).toLowerCase(Locale.ROOT)) {
                case "true" -> true;
                case "false" -> false;
                default -> throw Parameters.rejected(this, text);
            };
        }
    }

    /// One of the datasets bundled with Lemma that suit this experiment, by name, or, where `uploads`
    /// names a kind of file, one the user brought (a key of [UserData]).
    ///
    /// @param name the name
    /// @param label the label
    /// @param help the help line
    /// @param datasets the dataset names accepted, at least one
    /// @param defaultValue the default, one of them
    /// @param uploads the kind of file a user may bring instead, or null for bundled datasets only
    record Data(
            String name, String label, String help, List<String> datasets, String defaultValue, UserData.Kind uploads)
            implements Parameter {
        /// Checks the declaration.
        ///
        /// @throws IllegalArgumentException if there is no dataset, a duplicate, or the default is not one
        public Data {
            Parameters.checkName(name, label, help);
            datasets = Parameters.checkChoices(name, datasets, defaultValue);
        }

        @Override
        public String kind() {
            return "dataset";
        }

        @Override
        public String accepts() {
            String bundled = "one of the datasets " + String.join(", ", datasets);
            return uploads == null
                    ? bundled
                    : bundled + ", or an uploaded " + uploads.name().toLowerCase(Locale.ROOT) + " (" + UserData.PREFIX
                            + "…; on the command line @file)";
        }

        @Override
        public String parse(String text) {
            String value = Parameters.trimmed(this, text);
            if (datasets.contains(value)) {
                return value;
            }
            if (uploads != null && value.startsWith(UserData.PREFIX)) {
                UserData.Upload upload = UserData.get(value)
                        .orElseThrow(() -> new ParameterException(
                                name,
                                "parameter '" + name + "': the upload '" + value
                                        + "' is no longer kept (the lab keeps the last " + UserData.CAPACITY
                                        + " files); upload it again"));
                if (upload.kind() != uploads) {
                    throw Parameters.rejected(this, text);
                }
                return value;
            }
            throw Parameters.rejected(this, text);
        }
    }

    /// The seed of the run's random numbers: any non-negative integer below 2^53 (so that it survives
    /// JSON, whose numbers are doubles).
    ///
    /// @param name the name
    /// @param label the label
    /// @param help the help line
    /// @param defaultValue the default seed
    record Seed(String name, String label, String help, Long defaultValue) implements Parameter {
        /// The largest seed accepted, 2^53 − 1.
        public static final long MAX = (1L << 53) - 1;

        /// Checks the declaration.
        ///
        /// @throws IllegalArgumentException if the default is out of range
        public Seed {
            Parameters.checkName(name, label, help);
            Objects.requireNonNull(defaultValue, name + ": default value");
            if (defaultValue < 0 || defaultValue > MAX) {
                throw new IllegalArgumentException(name + ": default seed " + defaultValue + " is outside [0, 2^53)");
            }
        }

        @Override
        public String kind() {
            return "seed";
        }

        @Override
        public String accepts() {
            return "an integer from 0 to " + MAX;
        }

        @Override
        public Long parse(String text) {
            long value;
            try {
                value = new BigDecimal(Parameters.trimmed(this, text)).longValueExact();
            } catch (NumberFormatException | ArithmeticException e) {
                throw Parameters.rejected(this, text);
            }
            if (value < 0 || value > MAX) {
                throw Parameters.rejected(this, text);
            }
            return value;
        }
    }

    /// A real-number parameter.
    ///
    /// @param name the name
    /// @param label the label
    /// @param help the help line
    /// @param min the smallest value
    /// @param max the largest value
    /// @param step the slider's step
    /// @param defaultValue the default
    /// @return the parameter
    static Real number(
            String name, String label, String help, double min, double max, double step, double defaultValue) {
        return new Real(name, label, help, min, max, step, defaultValue);
    }

    /// An integer parameter.
    ///
    /// @param name the name
    /// @param label the label
    /// @param help the help line
    /// @param min the smallest value
    /// @param max the largest value
    /// @param defaultValue the default
    /// @return the parameter
    static Int integer(String name, String label, String help, int min, int max, int defaultValue) {
        return new Int(name, label, help, min, max, defaultValue);
    }

    /// A choice among words.
    ///
    /// @param name the name
    /// @param label the label
    /// @param help the help line
    /// @param choices the words
    /// @param defaultValue the default
    /// @return the parameter
    static Choice choice(String name, String label, String help, List<String> choices, String defaultValue) {
        return new Choice(name, label, help, choices, defaultValue);
    }

    /// A yes/no switch.
    ///
    /// @param name the name
    /// @param label the label
    /// @param help the help line
    /// @param defaultValue the default
    /// @return the parameter
    static Flag flag(String name, String label, String help, boolean defaultValue) {
        return new Flag(name, label, help, defaultValue);
    }

    /// A bundled-dataset parameter.
    ///
    /// @param name the name
    /// @param label the label
    /// @param help the help line
    /// @param datasets the dataset names accepted
    /// @param defaultValue the default
    /// @return the parameter
    static Data dataset(String name, String label, String help, List<String> datasets, String defaultValue) {
        return new Data(name, label, help, datasets, defaultValue, null);
    }

    /// A bundled-dataset parameter that also takes a file the user brings.
    ///
    /// @param name the name
    /// @param label the label
    /// @param help the help line
    /// @param datasets the bundled dataset names accepted
    /// @param defaultValue the default, one of them
    /// @param uploads the kind of file accepted from the user
    /// @return the parameter
    static Data datasetOrUpload(
            String name, String label, String help, List<String> datasets, String defaultValue, UserData.Kind uploads) {
        return new Data(name, label, help, datasets, defaultValue, Objects.requireNonNull(uploads, "uploads"));
    }

    /// A random seed, named `seed`.
    ///
    /// @param defaultValue the default seed
    /// @return the parameter
    static Seed seed(long defaultValue) {
        return new Seed(
                "seed", "Seed", "the seed of the random numbers; the same seed gives the same result", defaultValue);
    }
}
