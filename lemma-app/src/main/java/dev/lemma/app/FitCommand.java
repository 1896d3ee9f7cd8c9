package dev.lemma.app;

import dev.lemma.data.Dataset;
import dev.lemma.ml.Classifier;
import dev.lemma.ml.Learner;
import dev.lemma.ml.Model;
import dev.lemma.ml.Models;
import dev.lemma.ml.Pipeline;
import dev.lemma.ml.Regressor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/// `lemma fit --model NAME [-p name=value ...] --data FILE.csv|DATASET --target COLUMN [--standardize]
/// --out MODEL.json`: fits a model and saves it as a model file ([ModelFile]), printing one line with the
/// training score (accuracy or $R^2$) and the time the fit took.
@Command(
        name = "fit",
        description = {
            "Fit a model to a CSV file or a bundled dataset and save it as a model file (JSON).",
            "Hyper-parameters take scikit-learn's names, e.g. -p alpha=0.5 -p solver=svd."
        },
        mixinStandardHelpOptions = true)
final class FitCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    TrainingOptions training;

    @Option(names = "--out", required = true, paramLabel = "MODEL.json", description = "The model file to write.")
    Path out;

    @Override
    public Integer call() {
        Models.Task task = training.task();
        Learner<? extends Model> learner = training.learner();
        Dataset d = training.dataset();
        long start = System.nanoTime();
        Model fitted = MlData.checked(() -> learner.fit(d));
        long millis = (System.nanoTime() - start) / 1_000_000;
        ModelFile file = new ModelFile(
                fitted.state(),
                d.featureNames(),
                task == Models.Task.TRANSFORMER || d.targetNames().isEmpty()
                        ? ""
                        : d.targetNames().getFirst(),
                classes(fitted, d),
                Main.Version.lemma());
        file.write(out);
        spec.commandLine()
                .getOut()
                .printf(
                        Locale.ROOT,
                        "%s on %s (%d rows, %d features): %s, fitted in %d ms; wrote %s%n",
                        training.describe(),
                        d.name(),
                        d.size(),
                        d.dimension(),
                        score(fitted, d),
                        millis,
                        out);
        return 0;
    }

    /// The class names a classifier's codes stand for: the data's, or the codes themselves.
    static List<String> classes(Model fitted, Dataset d) {
        if (!(fitted instanceof Classifier c)) {
            return List.of();
        }
        if (d.classNames().size() == c.classes()) {
            return d.classNames();
        }
        List<String> names = new ArrayList<>();
        for (int k = 0; k < c.classes(); k++) {
            names.add(Integer.toString(k));
        }
        return names;
    }

    private static String score(Model fitted, Dataset d) {
        return switch (fitted) {
            case Classifier c -> "training accuracy " + MlData.number(c.score(d));
            case Regressor r -> "training R² " + MlData.number(r.score(d));
            default -> {
                Model last = fitted instanceof Pipeline.Transforming p ? p.last() : fitted;
                Object ratio = last.state().learned().get("explained_variance_ratio_");
                yield ratio instanceof double[] r
                        ? "explained variance ratio "
                                + MlData.number(Arrays.stream(r).sum())
                        : "transformer";
            }
        };
    }
}
