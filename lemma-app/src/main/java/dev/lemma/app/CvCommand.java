package dev.lemma.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.lemma.data.Dataset;
import dev.lemma.ml.Learner;
import dev.lemma.ml.Model;
import dev.lemma.ml.Models;
import dev.lemma.ml.selection.CrossValidation;
import dev.lemma.ml.selection.Folds;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/// `lemma cv --model NAME [-p name=value ...] --data FILE.csv|DATASET --target COLUMN [--standardize]
/// --folds K [--seed S] [--json]`: $K$-fold cross-validation, the score of each fold (accuracy for a
/// classifier, with stratified folds; $R^2$ for a regressor), their mean and standard deviation. With
/// `--standardize` the scaler is fitted inside each fold, on its training rows only.
@Command(
        name = "cv",
        description = {
            "Cross-validate a model: the score of each fold (accuracy with stratified folds for a classifier,"
                    + " R² for a regressor), their mean and standard deviation."
        },
        mixinStandardHelpOptions = true)
final class CvCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    TrainingOptions training;

    @Option(
            names = "--folds",
            paramLabel = "K",
            defaultValue = "5",
            description = "The number of folds, at least 2 (default: ${DEFAULT-VALUE}).")
    int folds;

    @Option(
            names = "--seed",
            paramLabel = "S",
            defaultValue = "0",
            description = "The seed of the shuffle before cutting the folds (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--json", description = "Print the scores as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Models.Task task = training.task();
        if (task == Models.Task.TRANSFORMER) {
            throw new IllegalArgumentException(
                    "cross-validation scores a classifier or a regressor; " + training.model + " is neither");
        }
        Learner<? extends Model> learner = training.learner();
        Folds cut = task == Models.Task.CLASSIFIER ? Folds.stratified(folds, seed) : Folds.kFold(folds, seed);
        Dataset d = training.dataset();
        double[] scores = MlData.checked(() -> CrossValidation.scores(learner, d, cut));
        double mean = Arrays.stream(scores).average().orElse(Double.NaN);
        double variance =
                Arrays.stream(scores).map(s -> (s - mean) * (s - mean)).sum() / scores.length;
        double sd = Math.sqrt(variance);
        String score = task == Models.Task.CLASSIFIER ? "accuracy" : "r2";
        String name = training.describe();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("model", name);
            result.put("data", d.name());
            result.put("folds", folds);
            result.put("stratified", cut.stratify());
            result.put("seed", seed);
            result.put("score", score);
            result.put("scores", scores);
            result.put("mean", mean);
            result.put("std", sd);
            out.println(new ObjectMapper()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(result));
            return 0;
        }
        out.printf(
                "%s on %s (%d rows), %d %sfolds (seed %d)%n",
                name, d.name(), d.size(), folds, cut.stratify() ? "stratified " : "", seed);
        List<List<String>> rows = new ArrayList<>();
        for (int f = 0; f < scores.length; f++) {
            rows.add(List.of(Integer.toString(f + 1), MlData.number(scores[f])));
        }
        MlData.table(out, List.of("fold", score), rows);
        out.printf("mean %s, standard deviation %s%n", MlData.number(mean), MlData.number(sd));
        return 0;
    }
}
