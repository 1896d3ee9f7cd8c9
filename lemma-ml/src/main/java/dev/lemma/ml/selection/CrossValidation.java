package dev.lemma.ml.selection;

import dev.lemma.data.Dataset;
import dev.lemma.ml.Classifier;
import dev.lemma.ml.Learner;
import dev.lemma.ml.Model;
import dev.lemma.ml.Regressor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleBiFunction;

/// Cross-validation and what is built on it: scores over folds (scikit-learn's `cross_val_score`), grid
/// search (`GridSearchCV`), learning curves and validation curves. A model is always scored on rows it was
/// not fitted on; the spread of the fold scores says how much to trust their mean.
public final class CrossValidation {
    private CrossValidation() {}

    /// A model's default score: accuracy for a classifier, $R^2$ for a regressor.
    ///
    /// @param model the model
    /// @param data the data to score on
    /// @return the score (higher is better)
    /// @throws IllegalArgumentException for a model that is neither
    public static double defaultScore(Model model, Dataset data) {
        return switch (model) {
            case Classifier c -> c.score(data);
            case Regressor r -> r.score(data);
            default ->
                throw new IllegalArgumentException("a " + model.state().kind()
                        + " model has no default score (it is neither classifier nor regressor)");
        };
    }

    /// The score of the learner on each fold.
    ///
    /// @param learner the learner
    /// @param data the dataset
    /// @param folds how to cut it
    /// @param scoring the score of a model on a test set (higher is better)
    /// @param <M> the model type
    /// @return one score per fold
    public static <M extends Model> double[] scores(
            Learner<M> learner, Dataset data, Folds folds, ToDoubleBiFunction<M, Dataset> scoring) {
        List<Folds.Split> splits = folds.split(data);
        double[] scores = new double[splits.size()];
        for (int f = 0; f < scores.length; f++) {
            M model = learner.fit(data.rows(splits.get(f).train()));
            scores[f] = scoring.applyAsDouble(model, data.rows(splits.get(f).test()));
        }
        return scores;
    }

    /// The score on each fold, with the model's default score.
    ///
    /// @param learner the learner
    /// @param data the dataset
    /// @param folds how to cut it
    /// @return one score per fold
    public static double[] scores(Learner<? extends Model> learner, Dataset data, Folds folds) {
        return scores(learner, data, folds, CrossValidation::defaultScore);
    }

    /// One setting of a grid search and its cross-validated scores.
    ///
    /// @param parameters the setting
    /// @param scores the fold scores
    /// @param mean their mean
    @SuppressWarnings("ArrayRecordComponent") // a report, read once
    public record Trial(Map<String, Object> parameters, double[] scores, double mean) {}

    /// The outcome of a grid search: every trial, in grid order, and the best (highest mean; the first
    /// of equal ones).
    ///
    /// @param trials every setting tried
    /// @param best the best trial
    public record Search(List<Trial> trials, Trial best) {}

    /// Exhaustive search over the product of the parameter lists, scoring each setting by
    /// cross-validation.
    ///
    /// @param grid parameter name → the values to try (iteration order is kept)
    /// @param factory builds a learner from one setting
    /// @param data the dataset
    /// @param folds how to cut it
    /// @return every trial and the best
    /// @throws IllegalArgumentException if the grid is empty or a list is empty
    public static Search gridSearch(
            Map<String, List<Object>> grid,
            Function<Map<String, Object>, Learner<? extends Model>> factory,
            Dataset data,
            Folds folds) {
        if (grid.isEmpty() || grid.values().stream().anyMatch(List::isEmpty)) {
            throw new IllegalArgumentException("grid search: every parameter needs at least one value, got " + grid);
        }
        List<Map<String, Object>> settings = new ArrayList<>();
        settings.add(new LinkedHashMap<>());
        for (Map.Entry<String, List<Object>> e : grid.entrySet()) {
            List<Map<String, Object>> next = new ArrayList<>();
            for (Map<String, Object> s : settings) {
                for (Object v : e.getValue()) {
                    Map<String, Object> t = new LinkedHashMap<>(s);
                    t.put(e.getKey(), v);
                    next.add(t);
                }
            }
            settings = next;
        }
        List<Trial> trials = new ArrayList<>();
        Trial best = null;
        for (Map<String, Object> s : settings) {
            double[] scores = scores(factory.apply(s), data, folds);
            Trial t = new Trial(s, scores, mean(scores));
            trials.add(t);
            if (best == null || t.mean() > best.mean()) {
                best = t;
            }
        }
        return new Search(trials, best);
    }

    /// Mean training and test scores at one point of a curve.
    ///
    /// @param x the training-set size, or the parameter value
    /// @param train the mean score on the training folds
    /// @param test the mean score on the held-out folds
    public record Point(double x, double train, double test) {}

    /// The learning curve: for growing fractions of each training fold, the mean training and test
    /// scores. A gap that stays wide says variance (more data would help); two low curves say bias.
    ///
    /// @param learner the learner
    /// @param data the dataset
    /// @param folds how to cut it
    /// @param fractions fractions of the training folds, in $(0, 1]$
    /// @return one point per fraction, `x` the number of training rows used
    public static List<Point> learningCurve(
            Learner<? extends Model> learner, Dataset data, Folds folds, double[] fractions) {
        List<Folds.Split> splits = folds.split(data);
        List<Point> curve = new ArrayList<>();
        for (double fraction : fractions) {
            if (!(fraction > 0 && fraction <= 1)) {
                throw new IllegalArgumentException("learning curve: fractions must be in (0, 1], got " + fraction);
            }
            double train = 0;
            double test = 0;
            int size = 0;
            for (Folds.Split s : splits) {
                size = Math.max(1, (int) Math.round(fraction * s.train().length));
                Dataset part = data.rows(java.util.Arrays.copyOf(s.train(), size));
                Model model = learner.fit(part);
                train += defaultScore(model, part);
                test += defaultScore(model, data.rows(s.test()));
            }
            curve.add(new Point(size, train / splits.size(), test / splits.size()));
        }
        return curve;
    }

    /// The validation curve: for each value of one hyper-parameter, the mean training and test scores.
    /// Training scores rise with model complexity; test scores rise, peak, and fall as it overfits.
    ///
    /// @param factory builds a learner from a parameter value
    /// @param values the values to try
    /// @param data the dataset
    /// @param folds how to cut it
    /// @return one point per value
    public static List<Point> validationCurve(
            Function<Double, Learner<? extends Model>> factory, double[] values, Dataset data, Folds folds) {
        List<Folds.Split> splits = folds.split(data);
        List<Point> curve = new ArrayList<>();
        for (double v : values) {
            Learner<? extends Model> learner = factory.apply(v);
            double train = 0;
            double test = 0;
            for (Folds.Split s : splits) {
                Dataset part = data.rows(s.train());
                Model model = learner.fit(part);
                train += defaultScore(model, part);
                test += defaultScore(model, data.rows(s.test()));
            }
            curve.add(new Point(v, train / splits.size(), test / splits.size()));
        }
        return curve;
    }

    private static double mean(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v;
        }
        return s / a.length;
    }
}
