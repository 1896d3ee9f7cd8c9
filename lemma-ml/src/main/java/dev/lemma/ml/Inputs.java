package dev.lemma.ml;

import dev.lemma.data.Dataset;
import dev.lemma.linalg.Matrix;

/// The checks every learner and model applies to what it is given, with messages that name the row and
/// the column of the problem.
public final class Inputs {
    private Inputs() {}

    /// Checks training data: at least one row and one feature, every feature finite, and (unless `target`
    /// is null) one finite target value per row.
    ///
    /// @param learner the learner's name, for messages
    /// @param data the dataset
    /// @param target the target, or null for unsupervised learning
    /// @throws IllegalArgumentException naming what is wrong and where
    public static void training(String learner, Dataset data, double[] target) {
        if (data.size() == 0) {
            throw new IllegalArgumentException(learner + ": the dataset '" + data.name() + "' has no rows");
        }
        if (data.dimension() == 0) {
            throw new IllegalArgumentException(learner + ": the dataset '" + data.name() + "' has no features");
        }
        finite(learner, data.features(), data.featureNames().toArray(String[]::new));
        if (target != null) {
            if (target.length != data.size()) {
                throw new IllegalArgumentException(
                        learner + ": " + data.size() + " rows but " + target.length + " target values");
            }
            for (int i = 0; i < target.length; i++) {
                if (!Double.isFinite(target[i])) {
                    throw new IllegalArgumentException(
                            learner + ": the target of row " + i + " is " + target[i] + "; it must be finite");
                }
            }
        }
    }

    /// Checks the features given to a fitted model.
    ///
    /// @param model the model's name, for messages
    /// @param x the rows
    /// @param features the number of columns the model was fitted with
    /// @throws IllegalArgumentException naming the column count or the first non-finite entry
    public static void prediction(String model, Matrix x, int features) {
        if (x.cols() != features) {
            throw new IllegalArgumentException(model + " was fitted on " + features + " features but is given "
                    + x.cols() + " (a " + x.rows() + "×" + x.cols() + " matrix)");
        }
        finite(model, x, null);
    }

    private static void finite(String who, Matrix x, String[] names) {
        for (int i = 0; i < x.rows(); i++) {
            for (int j = 0; j < x.cols(); j++) {
                double v = x.get(i, j);
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException(who + ": row " + i + ", column " + j
                            + (names != null ? " ('" + names[j] + "')" : "") + " is " + v
                            + "; impute or drop missing values first");
                }
            }
        }
    }
}
