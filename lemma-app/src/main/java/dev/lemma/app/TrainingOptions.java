package dev.lemma.app;

import dev.lemma.data.Dataset;
import dev.lemma.ml.Learner;
import dev.lemma.ml.Model;
import dev.lemma.ml.Models;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/// The options that say what to train on what, shared by `lemma fit` and `lemma cv` (a picocli mixin):
/// the model and its hyper-parameters, the data, the target, and whether to standardise first.
final class TrainingOptions {
    @Option(
            names = "--model",
            required = true,
            paramLabel = "NAME",
            completionCandidates = MlData.ModelNames.class,
            description = "The model: ${COMPLETION-CANDIDATES}.")
    String model;

    @Option(
            names = {"-p", "--param"},
            paramLabel = "NAME=VALUE",
            description = "A hyper-parameter by scikit-learn's name (alpha, C, max_iter, ...); repeat for several.")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(
            names = "--data",
            required = true,
            paramLabel = "FILE.csv|DATASET",
            description = "A CSV file with a header, or a bundled dataset's name (see `lemma datasets list`).")
    String data;

    @Option(
            names = "--target",
            paramLabel = "COLUMN",
            description = "The column to predict (default: a bundled dataset's target; none for pca).")
    String target;

    @Option(
            names = "--standardize",
            description = "Standardise the features first: a StandardScaler pipeline, fitted on training rows only.")
    boolean standardize;

    /// @return what the model is: classifier, regressor or transformer
    Models.Task task() {
        return Models.info(model).task();
    }

    /// @return the learner the options name, standardising first when asked
    Learner<? extends Model> learner() {
        return standardize ? Models.standardized(model, params) : Models.learner(model, params);
    }

    /// The data, checked for what the model needs: a target unless it is a transformer, class labels for
    /// a classifier.
    ///
    /// @return the dataset
    /// @throws IllegalArgumentException naming what is missing or wrong
    Dataset dataset() {
        Models.Task task = task();
        MlData.checkTask(data, model);
        Dataset d = MlData.load(data, target);
        if (task != Models.Task.TRANSFORMER && d.targetNames().isEmpty()) {
            throw MlData.noTarget(data);
        }
        if (task == Models.Task.CLASSIFIER) {
            MlData.checked(d::labels);
        }
        return d;
    }

    /// @return the model's name as printed, e.g. `standardized ridge`
    String describe() {
        return (standardize ? "standardized " : "") + model;
    }
}
