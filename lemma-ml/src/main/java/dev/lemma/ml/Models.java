package dev.lemma.ml;

import dev.lemma.ml.bayes.BernoulliNB;
import dev.lemma.ml.bayes.GaussianNB;
import dev.lemma.ml.bayes.MultinomialNB;
import dev.lemma.ml.decomposition.PCA;
import dev.lemma.ml.discriminant.LinearDiscriminantAnalysis;
import dev.lemma.ml.discriminant.QuadraticDiscriminantAnalysis;
import dev.lemma.ml.linear.ElasticNet;
import dev.lemma.ml.linear.LinearRegression;
import dev.lemma.ml.linear.LinearRegressor;
import dev.lemma.ml.linear.LogisticClassifier;
import dev.lemma.ml.linear.LogisticRegression;
import dev.lemma.ml.linear.Perceptron;
import dev.lemma.ml.linear.PerceptronClassifier;
import dev.lemma.ml.linear.Ridge;
import dev.lemma.ml.neighbors.Algorithm;
import dev.lemma.ml.neighbors.KNeighborsClassifier;
import dev.lemma.ml.neighbors.KNeighborsRegressor;
import dev.lemma.ml.neighbors.Weights;
import dev.lemma.ml.preprocessing.StandardScaler;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/// The models by the names the command line and the model files use (`ridge`, `logistic-regression`, ...):
/// a learner built from hyper-parameters given as text under scikit-learn's names (`alpha`, `C`,
/// `max_iter`, ...), and a fitted model rebuilt from its [ModelState].
///
/// ```java
/// Learner<? extends Model> l = Models.learner("ridge", Map.of("alpha", "0.5"));
/// Model m = Models.restore(l.fit(Datasets.load("diabetes")).state());
/// ```
public final class Models {
    private Models() {}

    /// What a model does with data.
    public enum Task {
        /// Predicts classes (and, most of them, class probabilities).
        CLASSIFIER,
        /// Predicts numbers.
        REGRESSOR,
        /// Maps features to new features (no target).
        TRANSFORMER
    }

    /// One model of the registry.
    ///
    /// @param name the command-line name
    /// @param task what it does
    /// @param description one line
    /// @param parameters its hyper-parameters, by scikit-learn's names, with their defaults and accepted values
    public record Entry(String name, Task task, String description, Map<String, String> parameters) {
        /// Copies the map, keeping its order.
        public Entry {
            parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        }
    }

    private record Spec(Entry entry, Function<Params, Learner<? extends Model>> build) {}

    private static final Map<String, Spec> REGISTRY = registry();

    private static Map<String, Spec> registry() {
        Map<String, Spec> r = new LinkedHashMap<>();
        LinearRegression ols = new LinearRegression();
        add(
                r,
                "linear-regression",
                Task.REGRESSOR,
                "ordinary least squares",
                params("solver", choices(ols.solver()), "fit_intercept", "true"),
                p -> new LinearRegression(
                        p.choice("solver", LinearRegression.Solver.class, ols.solver()),
                        p.bool("fit_intercept", ols.fitIntercept())));
        Ridge ridge = new Ridge();
        add(
                r,
                "ridge",
                Task.REGRESSOR,
                "least squares with an L2 penalty",
                params("alpha", "1.0", "solver", choices(ridge.solver()), "fit_intercept", "true"),
                p -> new Ridge(
                        p.real("alpha", ridge.alpha()),
                        p.choice("solver", Ridge.Solver.class, ridge.solver()),
                        p.bool("fit_intercept", ridge.fitIntercept())));
        ElasticNet net = new ElasticNet();
        add(
                r,
                "lasso",
                Task.REGRESSOR,
                "least squares with an L1 penalty, by coordinate descent",
                params("alpha", "1.0", "max_iter", "1000", "tol", "1e-4", "fit_intercept", "true"),
                p -> new ElasticNet(
                        p.real("alpha", net.alpha()),
                        1.0,
                        p.integer("max_iter", net.maxIterations()),
                        p.real("tol", net.tolerance()),
                        p.bool("fit_intercept", net.fitIntercept())));
        add(
                r,
                "elastic-net",
                Task.REGRESSOR,
                "least squares with L1 and L2 penalties, by coordinate descent",
                params("alpha", "1.0", "l1_ratio", "0.5", "max_iter", "1000", "tol", "1e-4", "fit_intercept", "true"),
                p -> new ElasticNet(
                        p.real("alpha", net.alpha()),
                        p.real("l1_ratio", net.l1Ratio()),
                        p.integer("max_iter", net.maxIterations()),
                        p.real("tol", net.tolerance()),
                        p.bool("fit_intercept", net.fitIntercept())));
        LogisticRegression logistic = new LogisticRegression();
        add(
                r,
                "logistic-regression",
                Task.CLASSIFIER,
                "multinomial logistic regression with an L2 penalty",
                params("C", "1.0", "solver", choices(logistic.solver()), "max_iter", "1000", "tol", "1e-6"),
                p -> new LogisticRegression(
                        p.real("C", logistic.c()),
                        p.choice("solver", LogisticRegression.Solver.class, logistic.solver()),
                        p.integer("max_iter", logistic.maxIterations()),
                        p.real("tol", logistic.tolerance())));
        Perceptron perceptron = new Perceptron();
        add(
                r,
                "perceptron",
                Task.CLASSIFIER,
                "Rosenblatt's perceptron, one-vs-rest",
                params("eta0", "1.0", "max_iter", "1000", "random_state", "0"),
                p -> new Perceptron(
                        p.real("eta0", perceptron.eta()),
                        p.integer("max_iter", perceptron.maxIterations()),
                        p.whole("random_state", perceptron.seed())));
        add(
                r,
                "gaussian-nb",
                Task.CLASSIFIER,
                "naive Bayes with a Normal density per class and feature",
                params("var_smoothing", "1e-9"),
                p -> new GaussianNB(p.real("var_smoothing", new GaussianNB().varSmoothing())));
        add(
                r,
                "multinomial-nb",
                Task.CLASSIFIER,
                "naive Bayes for counts",
                params("alpha", "1.0"),
                p -> new MultinomialNB(p.real("alpha", new MultinomialNB().alpha())));
        BernoulliNB bernoulli = new BernoulliNB();
        add(
                r,
                "bernoulli-nb",
                Task.CLASSIFIER,
                "naive Bayes for binary features (thresholded at binarize)",
                params("alpha", "1.0", "binarize", "0.0"),
                p -> new BernoulliNB(p.real("alpha", bernoulli.alpha()), p.real("binarize", bernoulli.binarize())));
        KNeighborsClassifier knn = new KNeighborsClassifier();
        add(
                r,
                "knn",
                Task.CLASSIFIER,
                "k nearest neighbours: the (distance-weighted) vote of the k closest training rows",
                params(
                        "n_neighbors",
                        "" + knn.nNeighbors(),
                        "weights",
                        choices(knn.weights()),
                        "algorithm",
                        choices(knn.algorithm()),
                        "leaf_size",
                        "" + knn.leafSize()),
                p -> new KNeighborsClassifier(
                        p.integer("n_neighbors", knn.nNeighbors()),
                        p.choice("weights", Weights.class, knn.weights()),
                        p.choice("algorithm", Algorithm.class, knn.algorithm()),
                        p.integer("leaf_size", knn.leafSize())));
        KNeighborsRegressor knnRegressor = new KNeighborsRegressor();
        add(
                r,
                "knn-regressor",
                Task.REGRESSOR,
                "k nearest neighbours: the (distance-weighted) mean target of the k closest training rows",
                params(
                        "n_neighbors",
                        "" + knnRegressor.nNeighbors(),
                        "weights",
                        choices(knnRegressor.weights()),
                        "algorithm",
                        choices(knnRegressor.algorithm()),
                        "leaf_size",
                        "" + knnRegressor.leafSize()),
                p -> new KNeighborsRegressor(
                        p.integer("n_neighbors", knnRegressor.nNeighbors()),
                        p.choice("weights", Weights.class, knnRegressor.weights()),
                        p.choice("algorithm", Algorithm.class, knnRegressor.algorithm()),
                        p.integer("leaf_size", knnRegressor.leafSize())));
        LinearDiscriminantAnalysis lda = new LinearDiscriminantAnalysis();
        add(
                r,
                "lda",
                Task.CLASSIFIER,
                "linear discriminant analysis: Gaussian classes with one shared covariance",
                params("n_components", "" + lda.nComponents(), "tol", "" + lda.tol()),
                p -> new LinearDiscriminantAnalysis(
                        p.integer("n_components", lda.nComponents()), p.real("tol", lda.tol())));
        QuadraticDiscriminantAnalysis qda = new QuadraticDiscriminantAnalysis();
        add(
                r,
                "qda",
                Task.CLASSIFIER,
                "quadratic discriminant analysis: Gaussian classes, each with its own covariance",
                params("reg_param", "" + qda.regParam(), "tol", "" + qda.tol()),
                p -> new QuadraticDiscriminantAnalysis(p.real("reg_param", qda.regParam()), p.real("tol", qda.tol())));
        PCA pca = new PCA();
        add(
                r,
                "pca",
                Task.TRANSFORMER,
                "principal component analysis",
                params(
                        "n_components",
                        "0 (all)",
                        "whiten",
                        "false",
                        "svd_solver",
                        choices(pca.solver()),
                        "random_state",
                        "0"),
                p -> new PCA(
                        p.integer("n_components", pca.components()),
                        p.bool("whiten", pca.whiten()),
                        p.choice("svd_solver", PCA.Solver.class, pca.solver()),
                        p.whole("random_state", pca.seed())));
        return r;
    }

    /// The default of an enumerated parameter and its choices, as the command line spells them.
    private static String choices(Enum<?> fallback) {
        List<String> names = new ArrayList<>();
        for (Enum<?> e : fallback.getDeclaringClass().getEnumConstants()) {
            names.add(spelled(e));
        }
        return spelled(fallback) + " (" + String.join(", ", names) + ")";
    }

    private static String spelled(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static Map<String, String> params(String... nameAndDefault) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < nameAndDefault.length; i += 2) {
            m.put(nameAndDefault[i], nameAndDefault[i + 1]);
        }
        return m;
    }

    private static void add(
            Map<String, Spec> r,
            String name,
            Task task,
            String description,
            Map<String, String> parameters,
            Function<Params, Learner<? extends Model>> build) {
        r.put(name, new Spec(new Entry(name, task, description, parameters), build));
    }

    /// @return the models, in the registry's order
    public static List<Entry> list() {
        return REGISTRY.values().stream().map(Spec::entry).toList();
    }

    /// @return the model names, in the registry's order
    public static List<String> names() {
        return List.copyOf(REGISTRY.keySet());
    }

    /// One model's entry.
    ///
    /// @param name the command-line name
    /// @return the entry
    /// @throws IllegalArgumentException naming the unknown model and listing the known ones
    public static Entry info(String name) {
        return spec(name).entry();
    }

    private static Spec spec(String name) {
        Spec s = REGISTRY.get(name);
        if (s == null) {
            throw new IllegalArgumentException(
                    "unknown model '" + name + "'; the models are " + String.join(", ", REGISTRY.keySet()));
        }
        return s;
    }

    /// A learner from hyper-parameters given as text; those not given take scikit-learn's defaults (or
    /// Lemma's, where the learner's Javadoc says so).
    ///
    /// @param name the model's command-line name
    /// @param params hyper-parameters by scikit-learn's names, e.g. `alpha=0.5`
    /// @return the learner
    /// @throws IllegalArgumentException naming an unknown model (and the known ones), an unknown parameter
    ///     (and the model's parameters), or a value that does not parse or is out of range (the parameter
    ///     and the value)
    public static Learner<? extends Model> learner(String name, Map<String, String> params) {
        Spec s = spec(name);
        Set<String> unknown = new TreeSet<>(params.keySet());
        unknown.removeAll(s.entry().parameters().keySet());
        if (!unknown.isEmpty()) {
            String first = unknown.iterator().next();
            throw new IllegalArgumentException("model '" + name + "' has no parameter '" + first + "'; its parameters"
                    + " are " + String.join(", ", s.entry().parameters().keySet()));
        }
        return s.build().apply(new Params(name, params));
    }

    /// A learner that standardises the features (a [StandardScaler] fitted on the training rows) before
    /// the model: scikit-learn's `make_pipeline(StandardScaler(), model)`.
    ///
    /// @param name the model's command-line name: a classifier, a regressor, or a transformer (pca)
    /// @param params its hyper-parameters, as for [#learner]
    /// @return the pipeline's learner
    /// @throws IllegalArgumentException as [#learner] does
    @SuppressWarnings("unchecked") // the registry's task says which kind of learner the entry builds
    public static Learner<? extends Model> standardized(String name, Map<String, String> params) {
        Learner<? extends Model> last = learner(name, params);
        List<Learner<? extends Transformer>> steps = List.of(new StandardScaler());
        return switch (info(name).task()) {
            case CLASSIFIER -> Pipeline.classifier(steps, (Learner<? extends Classifier>) last);
            case REGRESSOR -> Pipeline.regressor(steps, (Learner<? extends Regressor>) last);
            case TRANSFORMER -> Pipeline.transformer(steps, (Learner<? extends Transformer>) last);
        };
    }

    /// Rebuilds a fitted model from its state: any model of the registry, a fitted [StandardScaler], or a
    /// pipeline of transformers ending in a classifier, a regressor or a transformer.
    ///
    /// @param state the state, e.g. as read from a model file
    /// @return the model, predicting as the one that gave the state did
    /// @throws IllegalArgumentException naming an unknown kind, or a missing or mistyped entry
    public static Model restore(ModelState state) {
        return switch (state.kind()) {
            case "linear-regression", "ridge", "lasso", "elastic-net" -> LinearRegressor.restore(state);
            case "logistic-regression" -> LogisticClassifier.restore(state);
            case "perceptron" -> PerceptronClassifier.restore(state);
            case "gaussian-nb" -> GaussianNB.Fitted.restore(state);
            case "multinomial-nb" -> MultinomialNB.Fitted.restore(state);
            case "bernoulli-nb" -> BernoulliNB.Fitted.restore(state);
            case "knn" -> KNeighborsClassifier.Fitted.restore(state);
            case "knn-regressor" -> KNeighborsRegressor.Fitted.restore(state);
            case "lda" -> LinearDiscriminantAnalysis.Fitted.restore(state);
            case "qda" -> QuadraticDiscriminantAnalysis.Fitted.restore(state);
            case "pca" -> PCA.Fitted.restore(state);
            case "standard-scaler" -> StandardScaler.Fitted.restore(state);
            case "pipeline" -> pipeline(state);
            default ->
                throw new IllegalArgumentException("unknown model kind '" + state.kind() + "'; the kinds are "
                        + String.join(", ", REGISTRY.keySet()) + ", standard-scaler, pipeline");
        };
    }

    private static Model pipeline(ModelState state) {
        Object v = state.learned().get("steps");
        if (!(v instanceof List<?> list) || list.isEmpty() || !list.stream().allMatch(ModelState.class::isInstance)) {
            throw new IllegalArgumentException("the pipeline model's 'steps' should be a non-empty list of models");
        }
        List<Transformer> steps = new ArrayList<>();
        for (int i = 0; i < list.size() - 1; i++) {
            if (!(restore((ModelState) list.get(i)) instanceof Transformer t)) {
                throw new IllegalArgumentException("the pipeline model's step " + (i + 1)
                        + " should be a transformer, found " + ((ModelState) list.get(i)).kind());
            }
            steps.add(t);
        }
        Model last = restore((ModelState) list.getLast());
        return switch (last) {
            case Classifier c -> new Pipeline.Classifying(steps, c);
            case Regressor r -> new Pipeline.Regressing(steps, r);
            case Transformer t -> new Pipeline.Transforming(steps, t);
            default ->
                throw new IllegalArgumentException("the pipeline model's last step should be a classifier, a"
                        + " regressor or a transformer, found " + ((ModelState) list.getLast()).kind());
        };
    }

    /// Hyper-parameters as text, parsed on demand with messages naming the model, the parameter and the value.
    private record Params(String model, Map<String, String> given) {

        private String text(String name) {
            String v = given.get(name);
            return v == null ? null : v.strip();
        }

        private IllegalArgumentException bad(String name, String value, String expected) {
            return new IllegalArgumentException(
                    model + ": parameter '" + name + "' should be " + expected + ", got '" + value + "'");
        }

        double real(String name, double fallback) {
            String v = text(name);
            if (v == null) {
                return fallback;
            }
            try {
                double x = Double.parseDouble(v);
                if (Double.isFinite(x)) {
                    return x;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw bad(name, v, "a finite number");
        }

        int integer(String name, int fallback) {
            String v = text(name);
            if (v == null) {
                return fallback;
            }
            try {
                return Integer.parseInt(v);
            } catch (NumberFormatException e) {
                throw bad(name, v, "an integer");
            }
        }

        long whole(String name, long fallback) {
            String v = text(name);
            if (v == null) {
                return fallback;
            }
            try {
                return Long.parseLong(v);
            } catch (NumberFormatException e) {
                throw bad(name, v, "an integer");
            }
        }

        boolean bool(String name, boolean fallback) {
            String v = text(name);
            if (v == null) {
                return fallback;
            }
            return switch (v.toLowerCase(Locale.ROOT)) {
                case "true" -> true;
                case "false" -> false;
                default -> throw bad(name, v, "true or false");
            };
        }

        <E extends Enum<E>> E choice(String name, Class<E> type, E fallback) {
            String v = text(name);
            if (v == null) {
                return fallback;
            }
            List<String> names = new ArrayList<>();
            for (E e : type.getEnumConstants()) {
                if (spelled(e).equals(v.toLowerCase(Locale.ROOT).replace('_', '-'))) {
                    return e;
                }
                names.add(spelled(e));
            }
            throw bad(name, v, "one of " + String.join(", ", names));
        }
    }
}
