package dev.lemma.ml;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/// What a model is and what it learned, as named values: the `kind` (the command-line name, e.g.
/// `linear-regression`), the hyper-parameters it was fitted with, and the learned parameters under
/// scikit-learn's names. Values are numbers (`Double`, `Integer`, `Long`), `Boolean`, `String`, `double[]`,
/// `double[][]`, `int[]`, `List<String>`, or, for a pipeline's steps, `List<ModelState>`: so that any JSON
/// library can write and read them.
///
/// @param kind the model's command-line name
/// @param parameters the hyper-parameters, by scikit-learn's names (`alpha`, `C`, `n_neighbors`, ...)
/// @param learned the learned values, by scikit-learn's names (`coef_`, `intercept_`, ...)
public record ModelState(String kind, Map<String, Object> parameters, Map<String, Object> learned) {

    /// Keeps the maps in insertion order and unmodifiable.
    public ModelState {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        learned = Collections.unmodifiableMap(new LinkedHashMap<>(learned));
    }

    /// A learned array.
    ///
    /// @param name the name
    /// @return the values
    /// @throws IllegalArgumentException naming the model kind and the missing or mistyped entry
    public double[] vector(String name) {
        Object v = learned.get(name);
        if (v instanceof double[] a) {
            return a.clone();
        }
        throw wrong(name, "an array of numbers", v);
    }

    /// A learned matrix.
    ///
    /// @param name the name
    /// @return the rows
    /// @throws IllegalArgumentException naming the model kind and the missing or mistyped entry
    public double[][] matrix(String name) {
        Object v = learned.get(name);
        if (v instanceof double[][] a) {
            double[][] copy = new double[a.length][];
            for (int i = 0; i < a.length; i++) {
                copy[i] = a[i].clone();
            }
            return copy;
        }
        throw wrong(name, "a matrix of numbers", v);
    }

    /// A learned number.
    ///
    /// @param name the name
    /// @return the value
    /// @throws IllegalArgumentException naming the model kind and the missing or mistyped entry
    public double number(String name) {
        Object v = learned.get(name);
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        throw wrong(name, "a number", v);
    }

    /// A hyper-parameter.
    ///
    /// @param name the name
    /// @return its value
    /// @throws IllegalArgumentException naming the model kind and the missing entry
    public Object parameter(String name) {
        Object v = parameters.get(name);
        if (v == null) {
            throw new IllegalArgumentException("the " + kind + " model has no parameter '" + name + "'");
        }
        return v;
    }

    /// A learned list of names.
    ///
    /// @param name the name
    /// @return the names
    /// @throws IllegalArgumentException naming the model kind and the missing or mistyped entry
    public List<String> names(String name) {
        Object v = learned.get(name);
        if (v instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
            return list.stream().map(String.class::cast).toList();
        }
        throw wrong(name, "a list of names", v);
    }

    private IllegalArgumentException wrong(String name, String expected, Object found) {
        return new IllegalArgumentException("the " + kind + " model's '" + name + "' should be " + expected + ", found "
                + (found == null ? "nothing" : found.getClass().getSimpleName()));
    }
}
