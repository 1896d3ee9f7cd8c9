package dev.lemma.prob;

import dev.lemma.numeric.Checks;
import java.util.function.DoublePredicate;

/// The checks every continuous distribution makes, so that each message has one form: the
/// distribution, the parameter, what was expected and the value received ("Gamma: shape must be finite
/// and > 0, got -1.0").
final class Validation {
    private Validation() {}

    /// @return `value`, checked finite and $> 0$
    static double positive(String distribution, String parameter, double value) {
        Checks.argument(
                Double.isFinite(value) && value > 0,
                "%s: %s must be finite and > 0, got %s",
                distribution,
                parameter,
                value);
        return value;
    }

    /// @return `value`, checked finite
    static double finite(String distribution, String parameter, double value) {
        Checks.argument(Double.isFinite(value), "%s: %s must be finite, got %s", distribution, parameter, value);
        return value;
    }

    /// Checks the argument of a density, CDF or survival function.
    static void point(String distribution, double x) {
        Checks.argument(!Double.isNaN(x), "%s: x must not be NaN", distribution);
    }

    /// Checks the argument of a quantile function.
    static void probability(String distribution, double p) {
        Checks.argument(p >= 0 && p <= 1, "%s: p must be in [0, 1], got %s", distribution, p);
    }

    /// Checks the data of a maximum-likelihood fit: not empty, every value finite.
    ///
    /// @throws IllegalArgumentException naming the index of the first NaN or infinity
    static void data(String distribution, double[] data) {
        Checks.argument(data != null && data.length > 0, "%s.fit: data must not be empty", distribution);
        for (int i = 0; i < data.length; i++) {
            Checks.argument(
                    Double.isFinite(data[i]), "%s.fit: data[%d] must be finite, got %s", distribution, i, data[i]);
        }
    }

    /// Checks that every value satisfies what the fitted family needs (`expected` in words: "> 0",
    /// "in (0, 1)").
    ///
    /// @throws IllegalArgumentException naming the index and value of the first that does not
    static void dataSatisfy(String distribution, double[] data, DoublePredicate ok, String expected) {
        for (int i = 0; i < data.length; i++) {
            Checks.argument(
                    ok.test(data[i]), "%s.fit: data[%d] must be %s, got %s", distribution, i, expected, data[i]);
        }
    }
}
