package dev.lemma.experiments.ml;

import dev.lemma.data.Dataset;
import dev.lemma.data.Datasets;
import dev.lemma.experiments.Arguments;
import dev.lemma.experiments.Experiment;
import dev.lemma.experiments.Format;
import dev.lemma.experiments.Palette;
import dev.lemma.experiments.Parameter;
import dev.lemma.experiments.Progress;
import dev.lemma.experiments.Result;
import dev.lemma.experiments.Table;
import dev.lemma.linalg.Matrix;
import dev.lemma.ml.decomposition.PCA;
import dev.lemma.ml.preprocessing.StandardScaler;
import dev.lemma.viz.Axis;
import dev.lemma.viz.Chart;
import dev.lemma.viz.Series;
import java.util.ArrayList;
import java.util.List;

/// Principal component analysis of a bundled dataset: the scores on the first two components coloured by
/// class, the share of the variance each component explains, and the error of reconstructing the data
/// from the first $k$ components, which is the variance of the components left out (Eckart–Young). For
/// the digits, a few images and their $k$-component reconstructions.
public final class PcaExplorerExperiment implements Experiment {

    /// Digits whose reconstructions are shown.
    static final int IMAGES = 8;

    /// Rows of the variance table.
    static final int TABLE_ROWS = 15;

    private static final List<Parameter> PARAMETERS = List.of(
            Parameter.dataset(
                    "dataset",
                    "Dataset",
                    "digits: 1797 images of 8×8 pixels; wine: 178 wines, 13 measurements; iris: 150 flowers, 4",
                    List.of("digits", "wine", "iris"),
                    "digits"),
            Parameter.integer(
                    "k",
                    "Components $k$",
                    "how many components the reconstruction keeps (at most the dimension)",
                    1,
                    64,
                    10),
            Parameter.flag(
                    "standardise",
                    "Standardise",
                    "divide each feature by its standard deviation first (wine's features have very different units)",
                    false));

    /// Creates the experiment.
    public PcaExplorerExperiment() {}

    @Override
    public String id() {
        return "pca-explorer";
    }

    @Override
    public String title() {
        return "PCA: the directions of largest variance";
    }

    @Override
    public int chapter() {
        return 8;
    }

    @Override
    public String summary() {
        return "A dataset seen along its first two principal components, how much of the variance each"
                + " component carries, and what is lost by keeping only $k$ of them. For the digits, watch the"
                + " images sharpen as $k$ grows. On wine, compare with and without standardisation: unscaled, one"
                + " feature in large units (proline) takes the first component alone.";
    }

    @Override
    public String formula() {
        return "X_c = U\\Sigma V^\\top, \\quad \\frac{1}{m}\\|X_c - X_c V_k V_k^\\top\\|_F^2 = \\frac{m-1}{m}"
                + " \\sum_{j > k} \\lambda_j";
    }

    @Override
    public List<Parameter> parameters() {
        return PARAMETERS;
    }

    /// The dataset, standardised if asked.
    static Dataset data(String name, boolean standardise) {
        Dataset raw = Datasets.load(name);
        return standardise ? raw.withFeatures(new StandardScaler().fit(raw).transform(raw.features())) : raw;
    }

    /// The mean squared error per entry of the reconstruction from the first `k` components, computed
    /// explicitly: $\frac{1}{md}\|X - \hat X\|_F^2$.
    static double reconstructionError(Matrix x, Matrix reconstructed) {
        double sum = 0;
        for (int i = 0; i < x.rows(); i++) {
            for (int j = 0; j < x.cols(); j++) {
                double e = x.get(i, j) - reconstructed.get(i, j);
                sum += e * e;
            }
        }
        return sum / ((double) x.rows() * x.cols());
    }

    @Override
    public Result run(Arguments arguments, Progress progress) {
        String name = arguments.choice("dataset");
        boolean standardise = arguments.flag("standardise");
        Dataset data = data(name, standardise);
        int m = data.size();
        int d = data.dimension();
        int k = Math.min(arguments.integer("k"), d);
        PCA.Fitted full = new PCA(0, false, PCA.Solver.FULL, 0).fit(data);
        double[] variance = full.explainedVariance();
        double[] ratio = full.explainedVarianceRatio();
        int components = variance.length;

        // Scores on the first two components, one series per class.
        Matrix scores = full.transform(data.features());
        int[] labels = data.labels();
        Chart.Builder scatter = Chart.builder(name + " on its first two principal components")
                .x(Axis.of("PC1 (" + Format.num(100 * ratio[0]) + "% of the variance)"))
                .y(Axis.of("PC2 (" + Format.num(100 * ratio[1]) + "% of the variance)"));
        String[] colours = {
            Palette.BLUE, Palette.ORANGE, Palette.GREEN, Palette.RED, Palette.PURPLE,
            Palette.BROWN, Palette.PINK, Palette.GREY, Palette.OLIVE, Palette.CYAN
        };
        for (int c = 0; c < data.classNames().size(); c++) {
            List<Integer> idx = new ArrayList<>();
            for (int i = 0; i < m; i++) {
                if (labels[i] == c) {
                    idx.add(i);
                }
            }
            scatter.add(new Series.Scatter(
                    data.classNames().get(c),
                    idx.stream().mapToDouble(i -> scores.get(i, 0)).toArray(),
                    idx.stream().mapToDouble(i -> scores.get(i, 1)).toArray(),
                    List.of(),
                    Palette.solid(colours[c % colours.length], 5)));
        }

        // Explained variance, and the reconstruction error as the variance left out.
        double[] index = new double[components];
        double[] cumulative = new double[components];
        double[] tailError = new double[components + 1];
        double running = 0;
        for (int j = 0; j < components; j++) {
            index[j] = j + 1;
            running += ratio[j];
            cumulative[j] = running;
        }
        for (int j = components - 1; j >= 0; j--) {
            tailError[j] = tailError[j + 1] + variance[j];
        }
        double[] kAxis = new double[components + 1];
        double[] errorByK = new double[components + 1];
        for (int j = 0; j <= components; j++) {
            kAxis[j] = j;
            // Per entry: the sum of the dropped variances × (m − 1)/m, spread over d features.
            errorByK[j] = tailError[j] * (m - 1) / m / d;
        }
        Chart explained = Chart.builder("Explained variance ratio")
                .x(Axis.range("component", 0.5, components + 0.5))
                .y(Axis.range("share of the total variance", 0, 1.02))
                .add(new Series.Line("each component", index, ratio, Palette.solid(Palette.BLUE, 2)))
                .add(new Series.Line("cumulative", index, cumulative, Palette.solid(Palette.ORANGE, 2)))
                .add(new Series.Scatter(
                        "k = " + k,
                        new double[] {k},
                        new double[] {cumulative[k - 1]},
                        List.of(Format.num(100 * cumulative[k - 1]) + "%"),
                        Palette.solid(Palette.RED, 9)))
                .build();
        // Explicit reconstruction from k components, checked against the formula.
        PCA.Fitted kFit = new PCA(k, false, PCA.Solver.FULL, 0).fit(data);
        Matrix reconstructed = kFit.inverseTransform(kFit.transform(data.features()));
        double explicit = reconstructionError(data.features(), reconstructed);
        Chart error = Chart.builder("Reconstruction error against the number of components")
                .x(Axis.of("components kept k"))
                .y(Axis.of("mean squared error per entry"))
                .add(new Series.Line(
                        "variance left out × (m − 1)/(m d)", kAxis, errorByK, Palette.solid(Palette.BLUE, 2)))
                .add(new Series.Scatter(
                        "explicit reconstruction at k = " + k,
                        new double[] {k},
                        new double[] {explicit},
                        List.of(),
                        Palette.solid(Palette.RED, 9)))
                .build();

        Result.Builder result =
                Result.builder().chart(scatter.build()).chart(explained).chart(error);
        if (name.equals("digits")) {
            result.chart(montage(data.features(), reconstructed, k));
        }
        List<List<Object>> rows = new ArrayList<>();
        for (int j = 0; j < Math.min(TABLE_ROWS, components); j++) {
            rows.add(List.of(j + 1, variance[j], ratio[j], cumulative[j]));
        }
        result.table(new Table(
                "Explained variance"
                        + (components > TABLE_ROWS ? " (first " + TABLE_ROWS + " of " + components + ")" : ""),
                List.of("component", "variance", "ratio", "cumulative"),
                rows));
        result.table(new Table(
                "Reconstruction from k = " + k + " components",
                List.of("quantity", "value"),
                List.of(
                        List.of("explicit mean squared error per entry", explicit),
                        List.of("dropped variance × (m − 1)/(m d)", errorByK[k]),
                        List.of("variance kept", cumulative[k - 1]),
                        List.of("sum of all ratios", cumulative[components - 1]))));
        int ninety = 0;
        while (ninety < components - 1 && cumulative[ninety] < 0.9) {
            ninety++;
        }
        result.note("The first two components carry " + Format.num(100 * cumulative[Math.min(1, components - 1)])
                + "% of the variance of " + name + " (" + m + " × " + d + (standardise ? ", standardised" : "")
                + "); " + (ninety + 1) + (ninety == 0 ? " component carries" : " components carry") + " 90%.");
        result.note("Keeping $k = " + k + "$ components keeps " + Format.num(100 * cumulative[k - 1]) + "% of the"
                + " variance; reconstructing every row from them leaves a mean squared error of "
                + PolynomialDegreeExperiment.num(explicit)
                + " per entry, which is the variance of the dropped components, as"
                + " Eckart–Young says (the formula gives " + PolynomialDegreeExperiment.num(errorByK[k]) + ").");
        return result.build();
    }

    /// Originals (top row) and reconstructions (bottom row) of the first few digits, 8×8 each, with a
    /// one-pixel gap.
    private static Chart montage(Matrix original, Matrix reconstructed, int k) {
        int side = 8;
        int width = IMAGES * (side + 1) - 1;
        int height = 2 * side + 1;
        double[][] gray = new double[height][width];
        for (double[] row : gray) {
            java.util.Arrays.fill(row, 1);
        }
        for (int n = 0; n < IMAGES; n++) {
            for (int p = 0; p < side * side; p++) {
                int r = p / side;
                int c = n * (side + 1) + p % side;
                // Dark ink on white: 16 is full ink in the digits data.
                gray[r][c] = 1 - original.get(n, p) / 16;
                gray[side + 1 + r][c] = 1 - reconstructed.get(n, p) / 16;
            }
        }
        return Chart.builder("Digits (top) and their reconstructions from " + k + " components (bottom)")
                .add(Series.Image.gray("digits and reconstructions", gray))
                .build();
    }
}
