package dev.lemma.app;

import static dev.lemma.app.GemmBenchCommand.jsonNumber;
import static dev.lemma.app.GemmBenchCommand.jsonString;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lemma.data.Dataset;
import dev.lemma.data.Synthetic;
import dev.lemma.linalg.Matrix;
import dev.lemma.ml.decomposition.PCA;
import dev.lemma.ml.linear.LogisticClassifier;
import dev.lemma.ml.linear.LogisticRegression;
import dev.lemma.ml.neighbors.Algorithm;
import dev.lemma.ml.neighbors.KNeighborsClassifier;
import dev.lemma.ml.neighbors.Weights;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/// `lemma bench ml`: Lemma's models on the problems of the comparison with scikit-learn, timed, with the
/// quality of each fit measured against an independent computation, so that "faster" means "as good,
/// sooner":
/// - **logistic**: logistic regression, L-BFGS, $C = 1$, on $m \times 50$ binary data built as
///   `make_classification` builds it. Quality: the objective's relative gap to the optimum that Newton's
///   method reaches at a gradient norm of $10^{-10} m$.
/// - **pca**: PCA to 10 components of $m \times 100$ standard normal data, with each solver. Quality: the
///   largest relative error of the explained variances against the full SVD's.
/// - **knn**: 5-nearest-neighbour prediction with the k-d tree, $m$ training points and $m$ queries of
///   two noisy half-moons. Quality: agreement with brute force on the first 2 000 queries.
///
/// Each time is the median of `--repeat` runs after `--warm-up` runs that let the JIT compile. Beside
/// them: scikit-learn's times for the same measurements, by default those the book records ([#SCIKIT_LEARN],
/// measured on the machine Lemma is developed on), or those of
/// `lemma-bench/scripts/sklearn_ml_bench.py --json FILE` run on the user's machine (`--scikit-learn FILE`).
///
/// Book: chapter 8, "Speed against scikit-learn".
@Command(
        name = "ml",
        description = {
            "Fit times of Lemma's models on the shapes of the comparison with scikit-learn, each with the"
                    + " quality of its fit.",
            "Median of --repeat runs after --warm-up runs. Timings vary with whatever else the machine is" + " running."
        },
        mixinStandardHelpOptions = true)
final class MlBenchCommand implements Callable<Integer> {

    /// The tasks, in the order they run.
    static final List<String> TASKS = List.of("logistic", "pca", "knn");

    /// Queries on which the k-d tree's predictions are compared with brute force's.
    static final int KNN_CHECKED_QUERIES = 2_000;

    @Option(
            names = "--tasks",
            split = ",",
            paramLabel = "TASK",
            defaultValue = "logistic,pca,knn",
            description = "Which problems to run: logistic, pca, knn (default: ${DEFAULT-VALUE}).")
    List<String> tasks = new ArrayList<>();

    @Option(
            names = "--rows",
            paramLabel = "M",
            defaultValue = "100000",
            description = "Rows of each problem (and queries for knn); the comparison uses ${DEFAULT-VALUE}.")
    int rows;

    @Option(
            names = "--repeat",
            paramLabel = "R",
            defaultValue = "5",
            description = "Timed runs per measurement; the median counts (default: ${DEFAULT-VALUE}).")
    int repeat;

    @Option(
            names = "--warm-up",
            paramLabel = "W",
            defaultValue = "2",
            description = "Untimed runs first, for the JIT compiler (default: ${DEFAULT-VALUE}).")
    int warmUp;

    @Option(names = "--json", description = "Print the results as JSON instead of a table.")
    boolean json;

    @Spec
    CommandSpec spec;

    /// One measurement.
    ///
    /// @param key what was measured, as [#SCIKIT_LEARN] and the script's JSON name it
    /// @param task the problem (`logistic`, `pca`, `knn`)
    /// @param what what was timed, e.g. `fit L-BFGS`
    /// @param shape the data's shape
    /// @param seconds the median time
    /// @param fastest the fastest run
    /// @param quality what the quality figure is
    /// @param error the quality figure: a relative gap or error (0 is perfect), or a disagreement rate
    /// @param detail more about the run (iterations, …)
    /// @param scikitLearn scikit-learn's median time for the same measurement, or NaN if there is none
    record Result(
            String key,
            String task,
            String what,
            String shape,
            double seconds,
            double fastest,
            String quality,
            double error,
            String detail,
            double scikitLearn) {

        Result withScikitLearn(Map<String, Double> figures) {
            return new Result(
                    key,
                    task,
                    what,
                    shape,
                    seconds,
                    fastest,
                    quality,
                    error,
                    detail,
                    figures.getOrDefault(key, Double.NaN));
        }
    }

    /// scikit-learn 1.2.1's figures for the default problems (100 000 rows), in seconds, as §8.9 of the book
    /// records them: measured by `lemma-bench/scripts/sklearn_ml_bench.py` (NumPy 1.24, OpenBLAS, one
    /// thread, median of 5) on the 2-core AMD EPYC (Zen 4) machine Lemma is developed on, 22 November 2026.
    /// `--scikit-learn FILE` replaces them with the script's output on the user's machine.
    static final Map<String, Double> SCIKIT_LEARN =
            Map.of("logistic", 0.073, "pca-randomized", 0.40, "pca-full", 0.85, "knn-fit", 0.036, "knn-predict", 1.10);

    @Option(
            names = "--scikit-learn",
            paramLabel = "FILE.json",
            description = "scikit-learn's figures to print beside Lemma's, as written by"
                    + " lemma-bench/scripts/sklearn_ml_bench.py --json FILE.json (default: those measured for the"
                    + " book, shown for --rows 100000 only).")
    Path scikitLearn;

    @Override
    public Integer call() {
        Set<String> chosen = validate();
        Map<String, Double> figures = scikitLearnFigures();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Result> results = new ArrayList<>();
        int steps = (chosen.contains("logistic") ? 2 : 0)
                + (chosen.contains("pca") ? 4 : 0)
                + (chosen.contains("knn") ? 3 : 0);
        try (ProgressBar progress = ProgressBars.of("ml", steps, 500, err)) {
            if (chosen.contains("logistic")) {
                logistic(progress, results);
            }
            if (chosen.contains("pca")) {
                pca(progress, results);
            }
            if (chosen.contains("knn")) {
                knn(progress, results);
            }
        }
        err.println();
        results.replaceAll(r -> r.withScikitLearn(figures));
        if (json) {
            out.println(toJson(results));
        } else {
            printTable(out, results);
        }
        out.flush();
        return 0;
    }

    /// The figures to print beside Lemma's: the book's for the default size, or a file's.
    private Map<String, Double> scikitLearnFigures() {
        if (scikitLearn == null) {
            return rows == 100_000 ? SCIKIT_LEARN : Map.of();
        }
        if (!java.nio.file.Files.isRegularFile(scikitLearn)) {
            throw new IllegalArgumentException("--scikit-learn " + scikitLearn + ": no such file");
        }
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(scikitLearn.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException("--scikit-learn " + scikitLearn + ": cannot read it as JSON ("
                    + e.getMessage().lines().findFirst().orElse("") + ")");
        }
        if (root == null
                || !root.path("results").isArray()
                || !root.path("rows").isInt()) {
            throw new IllegalArgumentException("--scikit-learn " + scikitLearn
                    + ": not the output of sklearn_ml_bench.py --json (it needs 'rows' and 'results')");
        }
        if (root.get("rows").asInt() != rows) {
            throw new IllegalArgumentException("--scikit-learn " + scikitLearn + " was measured with "
                    + root.get("rows").asInt() + " rows, but this run has --rows " + rows);
        }
        Map<String, Double> figures = new HashMap<>();
        for (JsonNode r : root.get("results")) {
            if (!r.path("key").isTextual() || !r.path("seconds").isNumber()) {
                throw new IllegalArgumentException("--scikit-learn " + scikitLearn
                        + ": every result needs a 'key' and a number of 'seconds', but one is " + r);
            }
            figures.put(r.get("key").asText(), r.get("seconds").asDouble());
        }
        return figures;
    }

    private Set<String> validate() {
        Set<String> chosen = new LinkedHashSet<>();
        for (String t : tasks) {
            String name = t.strip().toLowerCase(Locale.ROOT);
            if (!TASKS.contains(name)) {
                throw new IllegalArgumentException("--tasks: unknown task '" + t + "'; the tasks are " + TASKS);
            }
            chosen.add(name);
        }
        if (chosen.isEmpty()) {
            throw new IllegalArgumentException("--tasks needs at least one of " + TASKS);
        }
        if (rows < 200 || rows > 1_000_000) {
            throw new IllegalArgumentException("--rows must be in [200, 1000000], but is " + rows);
        }
        if (repeat < 1) {
            throw new IllegalArgumentException("--repeat must be ≥ 1 but is " + repeat);
        }
        if (warmUp < 0) {
            throw new IllegalArgumentException("--warm-up must be ≥ 0 but is " + warmUp);
        }
        return chosen;
    }

    private void logistic(ProgressBar progress, List<Result> results) {
        progress.setExtraMessage("logistic: data and Newton's optimum");
        Dataset data = Synthetic.classification(rows, 50, 2, 2, 2, 2, 1.0, 0.01, 42);
        LogisticRegression reference = new LogisticRegression(1.0, LogisticRegression.Solver.NEWTON, 100, 1e-10);
        double optimum = reference.objective(data, reference.fit(data));
        progress.step();
        progress.setExtraMessage("logistic: L-BFGS");
        LogisticRegression learner = new LogisticRegression(1.0, LogisticRegression.Solver.LBFGS, 1_000, 1e-6);
        Timed<LogisticClassifier> fit = time(() -> learner.fit(data));
        double gap = (learner.objective(data, fit.last()) - optimum) / Math.abs(optimum);
        results.add(new Result(
                "logistic",
                "logistic",
                "fit L-BFGS, C = 1",
                rows + " × 50",
                fit.median(),
                fit.fastest(),
                "objective − optimum, relative",
                gap,
                fit.last().iterations() + " iterations",
                Double.NaN));
        progress.step();
    }

    private void pca(ProgressBar progress, List<Result> results) {
        progress.setExtraMessage("pca: data and the full SVD's variances");
        Dataset data = Synthetic.gaussian(rows, 100, 7);
        double[] exact = new PCA(10, false, PCA.Solver.FULL, 0).fit(data).explainedVariance();
        progress.step();
        for (PCA.Solver solver : List.of(PCA.Solver.COVARIANCE, PCA.Solver.RANDOMIZED, PCA.Solver.FULL)) {
            progress.setExtraMessage("pca: " + solver.name().toLowerCase(Locale.ROOT));
            PCA learner = new PCA(10, false, solver, 1);
            Timed<PCA.Fitted> fit = time(() -> learner.fit(data));
            double[] variance = fit.last().explainedVariance();
            double error = 0;
            for (int c = 0; c < variance.length; c++) {
                error = Math.max(error, Math.abs(variance[c] - exact[c]) / exact[c]);
            }
            String name = solver.name().toLowerCase(Locale.ROOT);
            results.add(new Result(
                    "pca-" + name,
                    "pca",
                    "fit " + solver.name().toLowerCase(Locale.ROOT)
                            + (solver == PCA.Solver.COVARIANCE ? " (auto)" : ""),
                    rows + " × 100 → 10",
                    fit.median(),
                    fit.fastest(),
                    "explained variance vs full SVD, max relative error",
                    error,
                    solver == PCA.Solver.FULL ? "the reference" : "",
                    Double.NaN));
            progress.step();
        }
    }

    private void knn(ProgressBar progress, List<Result> results) {
        progress.setExtraMessage("knn: data");
        Dataset train = Synthetic.moons(rows, 0.3, 11);
        Matrix queries = Synthetic.moons(rows, 0.3, 12).features();
        KNeighborsClassifier learner = new KNeighborsClassifier(5, Weights.UNIFORM, Algorithm.KD_TREE, 30);
        progress.step();
        progress.setExtraMessage("knn: k-d tree fit");
        Timed<KNeighborsClassifier.Fitted> fit = time(() -> learner.fit(train));
        progress.step();
        progress.setExtraMessage("knn: k-d tree predict");
        KNeighborsClassifier.Fitted model = fit.last();
        Timed<int[]> predict = time(() -> model.predict(queries));
        int checked = Math.min(KNN_CHECKED_QUERIES, rows);
        int[] brute = new KNeighborsClassifier(5, Weights.UNIFORM, Algorithm.BRUTE, 30)
                .fit(train)
                .predict(queries.block(0, checked, 0, 2));
        int disagree = 0;
        for (int i = 0; i < checked; i++) {
            disagree += predict.last()[i] == brute[i] ? 0 : 1;
        }
        String shape = rows + " points, 2-D";
        results.add(new Result(
                "knn-fit",
                "knn",
                "fit k-d tree",
                shape,
                fit.median(),
                fit.fastest(),
                "",
                Double.NaN,
                "leaf size 30",
                Double.NaN));
        results.add(new Result(
                "knn-predict",
                "knn",
                "predict k = 5, " + rows + " queries",
                shape,
                predict.median(),
                predict.fastest(),
                "disagreement with brute force",
                (double) disagree / checked,
                "on " + checked + " queries",
                Double.NaN));
        progress.step();
    }

    /// The times of repeated runs, and the last run's answer.
    record Timed<T>(double median, double fastest, T last) {}

    private <T> Timed<T> time(Supplier<T> run) {
        T last = null;
        for (int i = 0; i < warmUp; i++) {
            last = run.get();
        }
        double[] seconds = new double[repeat];
        for (int i = 0; i < repeat; i++) {
            long start = System.nanoTime();
            last = run.get();
            seconds[i] = (System.nanoTime() - start) * 1e-9;
        }
        Arrays.sort(seconds);
        double median = repeat % 2 == 1 ? seconds[repeat / 2] : 0.5 * (seconds[repeat / 2 - 1] + seconds[repeat / 2]);
        return new Timed<>(median, seconds[0], last);
    }

    private void printTable(PrintWriter out, List<Result> results) {
        out.printf(
                Locale.ROOT,
                "Lemma's models against scikit-learn: median of %d runs after %d warm-up%s; quality against an"
                        + " independent computation.%n",
                repeat,
                warmUp,
                warmUp == 1 ? "" : "s");
        out.printf(
                Locale.ROOT,
                "scikit-learn: %s.%nCores here: %d.%n%n",
                scikitLearn != null
                        ? "from " + scikitLearn
                        : rows == 100_000
                                ? "1.2.1, one thread, median of 5, measured for the book (chapter 8, §8.9) on a"
                                        + " 2-core AMD EPYC; yours: lemma-bench/scripts/sklearn_ml_bench.py --json F,"
                                        + " then --scikit-learn F"
                                : "none recorded for --rows " + rows,
                Runtime.getRuntime().availableProcessors());
        out.printf(
                Locale.ROOT,
                "%-9s %-34s %-22s %10s %10s %12s  %s%n",
                "task",
                "measured",
                "data",
                "Lemma (s)",
                "sklearn (s)",
                "quality",
                "quality is");
        for (Result r : results) {
            out.printf(
                    Locale.ROOT,
                    "%-9s %-34s %-22s %10.3f %10s %12s  %s%n",
                    r.task(),
                    r.what(),
                    r.shape(),
                    r.seconds(),
                    Double.isNaN(r.scikitLearn()) ? "" : String.format(Locale.ROOT, "%.3f", r.scikitLearn()),
                    Double.isNaN(r.error()) ? "" : String.format(Locale.ROOT, "%.1e", r.error()),
                    (r.quality() + (r.detail().isEmpty() ? "" : " (" + r.detail() + ")")).strip());
        }
    }

    private String toJson(List<Result> results) {
        StringBuilder s = new StringBuilder();
        s.append("{\"benchmark\":\"ml\",\"unit\":\"s\"");
        s.append(",\"rows\":").append(rows);
        s.append(",\"repeat\":").append(repeat);
        s.append(",\"warmUp\":").append(warmUp);
        s.append(",\"cores\":").append(Runtime.getRuntime().availableProcessors());
        s.append(",\"results\":[");
        for (int i = 0; i < results.size(); i++) {
            Result r = results.get(i);
            s.append(i == 0 ? "" : ",").append("{\"key\":").append(jsonString(r.key()));
            s.append(",\"task\":").append(jsonString(r.task()));
            s.append(",\"measured\":").append(jsonString(r.what()));
            s.append(",\"data\":").append(jsonString(r.shape()));
            s.append(",\"seconds\":").append(jsonNumber(r.seconds()));
            s.append(",\"fastest\":").append(jsonNumber(r.fastest()));
            s.append(",\"quality\":").append(jsonString(r.quality()));
            s.append(",\"error\":").append(jsonNumber(r.error()));
            s.append(",\"detail\":").append(jsonString(r.detail()));
            s.append(",\"scikitLearnSeconds\":").append(jsonNumber(r.scikitLearn()));
            s.append('}');
        }
        return s.append("]}").toString();
    }
}
