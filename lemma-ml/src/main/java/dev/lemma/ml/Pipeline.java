package dev.lemma.ml;

import dev.lemma.data.Dataset;
import dev.lemma.linalg.Matrix;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/// A chain of transformations ending in a model, scikit-learn's `Pipeline`: fitting fits each step on the
/// output of the ones before, on the training data only; predicting sends new rows through the same
/// fitted steps. Inside cross-validation this keeps the test folds out of the scaler's mean and
/// variance, a leak that otherwise flatters the scores.
public final class Pipeline {
    private Pipeline() {}

    /// A pipeline that ends in a classifier.
    ///
    /// @param steps the transformations, in order
    /// @param last the classifier
    /// @return the learner
    public static Learner<Classifying> classifier(
            List<Learner<? extends Transformer>> steps, Learner<? extends Classifier> last) {
        List<Learner<? extends Transformer>> copy = List.copyOf(steps);
        return data -> {
            Fit fit = fitSteps(copy, data);
            return new Classifying(fit.steps(), last.fit(fit.data()));
        };
    }

    /// A pipeline that ends in a regressor.
    ///
    /// @param steps the transformations, in order
    /// @param last the regressor
    /// @return the learner
    public static Learner<Regressing> regressor(
            List<Learner<? extends Transformer>> steps, Learner<? extends Regressor> last) {
        List<Learner<? extends Transformer>> copy = List.copyOf(steps);
        return data -> {
            Fit fit = fitSteps(copy, data);
            return new Regressing(fit.steps(), last.fit(fit.data()));
        };
    }

    /// A pipeline that ends in a transformer, e.g. scikit-learn's `make_pipeline(StandardScaler(), PCA())`.
    ///
    /// @param steps the transformations before the last, in order
    /// @param last the last transformation
    /// @return the learner
    public static Learner<Transforming> transformer(
            List<Learner<? extends Transformer>> steps, Learner<? extends Transformer> last) {
        List<Learner<? extends Transformer>> copy = List.copyOf(steps);
        return data -> {
            Fit fit = fitSteps(copy, data);
            return new Transforming(fit.steps(), last.fit(fit.data()));
        };
    }

    private record Fit(List<Transformer> steps, Dataset data) {}

    private static Fit fitSteps(List<Learner<? extends Transformer>> steps, Dataset data) {
        List<Transformer> fitted = new ArrayList<>();
        Dataset d = data;
        for (Learner<? extends Transformer> step : steps) {
            Transformer t = step.fit(d);
            Matrix x = t.transform(d.features());
            d = x.cols() == d.dimension() ? d.withFeatures(x) : d.withFeatures(x, names(x.cols()));
            fitted.add(t);
        }
        return new Fit(fitted, d);
    }

    private static List<String> names(int n) {
        List<String> names = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            names.add("x" + j);
        }
        return names;
    }

    static Matrix through(List<Transformer> steps, Matrix x) {
        Matrix out = x;
        for (Transformer t : steps) {
            out = t.transform(out);
        }
        return out;
    }

    static int features(List<Transformer> steps, Model last) {
        return steps.isEmpty() ? last.features() : steps.getFirst().features();
    }

    static ModelState state(List<Transformer> steps, Model last) {
        List<ModelState> states = new ArrayList<>();
        for (Transformer t : steps) {
            states.add(t.state());
        }
        states.add(last.state());
        Map<String, Object> learned = new LinkedHashMap<>();
        learned.put("steps", states);
        return new ModelState("pipeline", Map.of(), learned);
    }

    /// A fitted pipeline ending in a classifier.
    ///
    /// @param steps the fitted transformations
    /// @param last the fitted classifier
    public record Classifying(List<Transformer> steps, Classifier last) implements Classifier {
        /// Copies the list.
        public Classifying {
            steps = List.copyOf(steps);
        }

        @Override
        public int classes() {
            return last.classes();
        }

        @Override
        public int[] predict(Matrix x) {
            return last.predict(through(steps, x));
        }

        @Override
        public boolean hasProbabilities() {
            return last.hasProbabilities();
        }

        @Override
        public double[][] predictProba(Matrix x) {
            return last.predictProba(through(steps, x));
        }

        @Override
        public int features() {
            return Pipeline.features(steps, last);
        }

        @Override
        public ModelState state() {
            return Pipeline.state(steps, last);
        }
    }

    /// A fitted pipeline ending in a regressor.
    ///
    /// @param steps the fitted transformations
    /// @param last the fitted regressor
    public record Regressing(List<Transformer> steps, Regressor last) implements Regressor {
        /// Copies the list.
        public Regressing {
            steps = List.copyOf(steps);
        }

        @Override
        public double[] predict(Matrix x) {
            return last.predict(through(steps, x));
        }

        @Override
        public int features() {
            return Pipeline.features(steps, last);
        }

        @Override
        public ModelState state() {
            return Pipeline.state(steps, last);
        }
    }

    /// A fitted pipeline ending in a transformer: its output is the last step's.
    ///
    /// @param steps the fitted transformations before the last
    /// @param last the fitted last transformation
    public record Transforming(List<Transformer> steps, Transformer last) implements Transformer {
        /// Copies the list.
        public Transforming {
            steps = List.copyOf(steps);
        }

        @Override
        public Matrix transform(Matrix x) {
            return last.transform(through(steps, x));
        }

        @Override
        public int features() {
            return Pipeline.features(steps, last);
        }

        @Override
        public ModelState state() {
            return Pipeline.state(steps, last);
        }
    }
}
