package dev.lemma.experiments.linalg;

import dev.lemma.experiments.Arguments;
import dev.lemma.experiments.Experiment;
import dev.lemma.experiments.Format;
import dev.lemma.experiments.Palette;
import dev.lemma.experiments.Parameter;
import dev.lemma.experiments.Progress;
import dev.lemma.experiments.Result;
import dev.lemma.experiments.Table;
import dev.lemma.experiments.UserData;
import dev.lemma.linalg.Matrix;
import dev.lemma.linalg.Svd;
import dev.lemma.viz.Annotation;
import dev.lemma.viz.Axis;
import dev.lemma.viz.Chart;
import dev.lemma.viz.Series;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/// §1.13: the best rank-$k$ approximation of a photograph,
/// $A_k = \sum_{i \le k} \sigma_i u_i v_i^\top$, and the Eckart–Young theorem: no matrix of rank $k$
/// is closer to $A$, and the distance is known in advance,
/// $\|A - A_k\|_2 = \sigma_{k+1}$ and $\|A - A_k\|_F = (\sum_{i > k} \sigma_i^2)^{1/2}$.
///
/// The image is a matrix of grey levels in $[0, 1]$ (8-bit value / 255). Its SVD ([Svd#of(Matrix)])
/// is computed once per image, on first use, and kept for the life of the JVM in a thread-safe lazy
/// holder, so moving the rank slider only forms $A_k$ ($2mnk$ flops) and measures its errors. The
/// measured errors are computed from $A - A_k$ itself: the Frobenius norm entry by entry, the 2-norm
/// as the largest singular value of the difference ([Svd#valuesOf(Matrix)]), so that the table
/// compares a measurement with the theorem rather than the theorem with itself.
///
/// The images are bundled in `dev/lemma/experiments/images/` (see the README there for their
/// sources, public-domain licences and checksums).
public final class LowRankImageExperiment implements Experiment {

    /// The bundled images, by dataset name: the resource file in `dev/lemma/experiments/images/`.
    static final Map<String, String> IMAGES = images();

    /// The default rank: at $k = 20$ the astronaut is recognisable at about 16% of the storage.
    static final int DEFAULT_RANK = 20;

    /// The largest rank offered: the largest side an uploaded image keeps ([#MAX_UPLOAD_SIDE]). A larger
    /// $k$ than an image's own $\min(m, n)$ is reduced to it, with a note.
    static final int MAX_RANK = 512;

    /// An image a user brings is shrunk, by averaging blocks of pixels, until no side exceeds this:
    /// the SVD of a 512 × 512 matrix takes a fraction of a second on 2 cores, within the budget.
    static final int MAX_UPLOAD_SIDE = 512;

    /// How many decomposed uploads are kept, most recently used first.
    static final int UPLOAD_CACHE = 4;

    private static final Map<String, Decomposed> UPLOADS = new LinkedHashMap<>(UPLOAD_CACHE, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Decomposed> eldest) {
            return size() > UPLOAD_CACHE;
        }
    };

    private static final Map<String, Lazy> CACHE = cache();

    private static final List<Parameter> PARAMETERS = List.of(
            Parameter.datasetOrUpload(
                    "image",
                    "Image",
                    "astronaut: 256×256 portrait (NASA); hubble-deep-field: 500×436 star field (NASA/ESA), harder to"
                            + " compress; or a photograph of your own, shrunk to at most " + MAX_UPLOAD_SIDE
                            + " pixels a side",
                    List.copyOf(IMAGES.keySet()),
                    "astronaut",
                    UserData.Kind.IMAGE),
            Parameter.integer(
                    "rank",
                    "Rank $k$",
                    "how many singular triples σᵢuᵢvᵢᵀ to keep (at most min(m, n) of the image)",
                    1,
                    MAX_RANK,
                    DEFAULT_RANK));

    private static Map<String, String> images() {
        Map<String, String> images = new LinkedHashMap<>();
        images.put("astronaut", "astronaut_gray_256.png");
        images.put("hubble-deep-field", "hubble_deep_field_gray_500.png");
        return java.util.Collections.unmodifiableMap(images);
    }

    private static Map<String, Lazy> cache() {
        Map<String, Lazy> cache = new LinkedHashMap<>();
        IMAGES.forEach((name, file) -> cache.put(name, new Lazy(file)));
        return java.util.Collections.unmodifiableMap(cache);
    }

    /// Creates the experiment.
    public LowRankImageExperiment() {}

    @Override
    public String id() {
        return "low-rank-image";
    }

    @Override
    public String title() {
        return "Low-rank approximation of an image (Eckart–Young)";
    }

    @Override
    public int chapter() {
        return 1;
    }

    @Override
    public String summary() {
        return "A grey-scale photograph is a matrix; keeping the first $k$ terms of its SVD gives the closest"
                + " rank-$k$ matrix there is. Move $k$ and compare the picture, the singular values and the"
                + " error: the measured $\\|A - A_k\\|_F$ equals $\\sqrt{\\sum_{i>k}\\sigma_i^2}$ and the measured"
                + " $\\|A - A_k\\|_2$ equals $\\sigma_{k+1}$, as Eckart–Young says. The star field's singular"
                + " values fall more slowly than the portrait's: it needs a larger $k$.";
    }

    @Override
    public String formula() {
        return "\\|A - A_k\\|_2 = \\sigma_{k+1}, \\qquad \\|A - A_k\\|_F = \\Big(\\sum_{i>k}\\sigma_i^2\\Big)^{1/2},"
                + " \\qquad A_k = \\sum_{i=1}^{k} \\sigma_i u_i v_i^\\top";
    }

    @Override
    public List<Parameter> parameters() {
        return PARAMETERS;
    }

    /// An image and its SVD, computed once.
    ///
    /// @param a the grey levels in $[0, 1]$, `m×n` (rows from the top)
    /// @param svd the thin SVD of `a`
    /// @param tail `tail[k]` $= \sum_{i \ge k} \sigma_i^2$ (0-based), summed from the smallest term up;
    ///     length $p + 1$ with `tail[p] = 0`
    // Package-private and never modified after construction: the cached value is shared, read-only.
    @SuppressWarnings("ArrayRecordComponent")
    record Decomposed(Matrix a, Svd svd, double[] tail) {
        static Decomposed of(Matrix a) {
            Svd svd = a.svd();
            int p = svd.singularValues().size();
            double[] tail = new double[p + 1];
            for (int i = p - 1; i >= 0; i--) {
                double s = svd.singularValues().get(i);
                tail[i] = tail[i + 1] + s * s;
            }
            return new Decomposed(a, svd, tail);
        }

        int p() {
            return tail.length - 1;
        }

        double sigma(int i) {
            return svd.singularValues().get(i);
        }

        /// The Eckart–Young value $(\sum_{i > k} \sigma_i^2)^{1/2}$ (1-based $i$).
        double eckartYoung(int k) {
            return Math.sqrt(tail[k]);
        }
    }

    /// The decomposition of a bundled image, computed on first use and then shared.
    ///
    /// @param name the dataset name, one of [#IMAGES]
    /// @return the image and its SVD
    static Decomposed decomposed(String name) {
        if (name.startsWith(UserData.PREFIX)) {
            return uploaded(name);
        }
        Lazy lazy = CACHE.get(name);
        if (lazy == null) {
            throw new IllegalArgumentException("no bundled image '" + name + "'; known: " + IMAGES.keySet());
        }
        return lazy.get();
    }

    /// The decomposition of an image the user brought, computed on first use and kept among the last
    /// [#UPLOAD_CACHE].
    static Decomposed uploaded(String key) {
        synchronized (UPLOADS) {
            Decomposed d = UPLOADS.get(key);
            if (d == null) {
                UserData.Upload upload = UserData.get(key)
                        .orElseThrow(() -> new IllegalArgumentException(
                                "the upload '" + key + "' is no longer kept; upload it again"));
                d = Decomposed.of(shrink(grey(UserData.image(upload)), MAX_UPLOAD_SIDE));
                UPLOADS.put(key, d);
            }
            return d;
        }
    }

    /// Shrinks an image by the smallest whole factor $f$ that brings both sides to at most `maxSide`,
    /// each new pixel the mean of an $f \times f$ block (the last, partial blocks average what they
    /// have).
    static Matrix shrink(Matrix a, int maxSide) {
        int f = Math.max(ceilDiv(a.rows(), maxSide), ceilDiv(a.cols(), maxSide));
        if (f <= 1) {
            return a;
        }
        int m = ceilDiv(a.rows(), f);
        int n = ceilDiv(a.cols(), f);
        double[] out = new double[m * n];
        for (int r = 0; r < m; r++) {
            for (int c = 0; c < n; c++) {
                double sum = 0;
                int count = 0;
                for (int i = r * f; i < Math.min(a.rows(), (r + 1) * f); i++) {
                    for (int j = c * f; j < Math.min(a.cols(), (c + 1) * f); j++) {
                        sum += a.get(i, j);
                        count++;
                    }
                }
                out[r * n + c] = sum / count;
            }
        }
        return Matrix.ofRowMajor(m, n, out);
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    /// Computes its value once, on the first call of [#get()], however many threads call it (the
    /// double-checked idiom on a volatile field; Bloch, *Effective Java*, 3rd ed., item 83).
    private static final class Lazy {
        private final String file;
        private volatile Decomposed value;

        Lazy(String file) {
            this.file = file;
        }

        Decomposed get() {
            Decomposed v = value;
            if (v == null) {
                synchronized (this) {
                    v = value;
                    if (v == null) {
                        v = Decomposed.of(load(file));
                        value = v;
                    }
                }
            }
            return v;
        }
    }

    /// Reads a bundled image as grey levels in $[0, 1]$: the raw samples of a one-band image (not
    /// `getRGB`, which would pass grey through a colour-space conversion), the ITU-R 601-2 luma of a
    /// colour one.
    static Matrix load(String file) {
        String resource = "/dev/lemma/experiments/images/" + file;
        try (InputStream in = LowRankImageExperiment.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("bundled image " + resource + " is missing from the class path");
            }
            BufferedImage image = ImageIO.read(in);
            if (image == null) {
                throw new IllegalStateException("bundled image " + resource + " is not in a format ImageIO reads");
            }
            return grey(image);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled image " + resource, e);
        }
    }

    /// An image as grey levels in $[0, 1]$, rows from the top.
    static Matrix grey(BufferedImage image) {
        int m = image.getHeight();
        int n = image.getWidth();
        Raster raster = image.getRaster();
        double[] pixels = new double[m * n];
        boolean indexed = image.getColorModel() instanceof java.awt.image.IndexColorModel;
        if (indexed || raster.getNumBands() == 2 || raster.getNumBands() > 4) {
            // Palette images (GIF, some PNGs) and unusual layouts: through the colour model's sRGB.
            for (int r = 0; r < m; r++) {
                for (int c = 0; c < n; c++) {
                    int rgb = image.getRGB(c, r);
                    pixels[r * n + c] =
                            (0.299 * (rgb >> 16 & 0xff) + 0.587 * (rgb >> 8 & 0xff) + 0.114 * (rgb & 0xff)) / 255;
                }
            }
            return Matrix.ofRowMajor(m, n, pixels);
        }
        double max = (1 << image.getColorModel().getComponentSize(0)) - 1;
        for (int r = 0; r < m; r++) {
            for (int c = 0; c < n; c++) {
                double grey = raster.getNumBands() < 3
                        ? raster.getSample(c, r, 0)
                        : 0.299 * raster.getSample(c, r, 0)
                                + 0.587 * raster.getSample(c, r, 1)
                                + 0.114 * raster.getSample(c, r, 2);
                pixels[r * n + c] = grey / max;
            }
        }
        return Matrix.ofRowMajor(m, n, pixels);
    }

    /// The numbers of one rank.
    ///
    /// @param k the rank used (the requested one, reduced to $p$ if larger)
    /// @param approximation $A_k$
    /// @param frobenius $\|A - A_k\|_F$, measured
    /// @param eckartYoung $(\sum_{i>k} \sigma_i^2)^{1/2}$
    /// @param spectral $\|A - A_k\|_2$, measured
    /// @param nextSigma $\sigma_{k+1}$ (0 when $k = p$)
    record Approximation(
            int k, Matrix approximation, double frobenius, double eckartYoung, double spectral, double nextSigma) {}

    /// Forms $A_k$ and measures its errors.
    static Approximation approximate(Decomposed d, int k) {
        Matrix ak = d.svd().lowRankApproximation(k);
        Matrix difference = d.a().minus(ak);
        double spectral = Svd.valuesOf(difference).get(0);
        return new Approximation(
                k, ak, difference.normFrobenius(), d.eckartYoung(k), spectral, k < d.p() ? d.sigma(k) : 0.0);
    }

    /// Forms $A_k$ from the cached SVD and measures $\|A - A_k\|_F$ and $\|A - A_k\|_2$.
    ///
    /// @param arguments `image` and `rank` (reduced to the image's $\min(m, n)$ if larger)
    /// @param progress told before the SVD (slow only on an image's first run) and before $A_k$
    /// @return the two images, the singular values, the error curve, the table and notes
    @Override
    public Result run(Arguments arguments, Progress progress) {
        String name = arguments.choice("image");
        progress.report(0, "the SVD of " + name + " (computed once, then kept)");
        Decomposed d = decomposed(name);
        int requested = arguments.integer("rank");
        int k = Math.min(requested, d.p());
        progress.report(0.5, "forming A_" + k);
        Approximation approx = approximate(d, k);
        progress.report(1, "done");

        int m = d.a().rows();
        int n = d.a().cols();
        Result.Builder result = Result.builder()
                .chart(image("Original, " + n + "×" + m + " pixels", "original", d.a()))
                .chart(image(
                        "Rank-" + k + " approximation A" + Format.subscript(k), "rank " + k, approx.approximation()))
                .chart(singularValues(d, k))
                .chart(errors(d, approx))
                .table(table(d, approx));
        if (name.startsWith(UserData.PREFIX)) {
            String file = UserData.get(name).map(UserData.Upload::fileName).orElse(name);
            result.note("Your image '" + file + "', as " + m + "×" + n + " grey levels (ITU-R 601 luma; an image"
                    + " with a side over " + MAX_UPLOAD_SIDE + " pixels is shrunk by averaging blocks of pixels).");
        }
        if (requested > k) {
            result.note("The rank " + requested + " is more than this image's $\\min(m, n) = " + d.p() + "$, so $k = "
                    + k + "$ is used: $A_k = A$.");
        }
        double relative = approx.frobenius() == 0 && approx.eckartYoung() == 0
                ? 0
                : Math.abs(approx.frobenius() - approx.eckartYoung())
                        / Math.max(approx.frobenius(), approx.eckartYoung());
        result.note("Eckart–Young: the measured $\\|A - A_{" + k + "}\\|_F = " + Format.num(approx.frobenius())
                + "$ and $\\sqrt{\\sum_{i>" + k + "}\\sigma_i^2} = " + Format.num(approx.eckartYoung())
                + "$ differ by a relative $" + Format.sci(relative) + "$, and the measured $\\|A - A_{" + k
                + "}\\|_2 = " + Format.num(approx.spectral()) + "$ against $\\sigma_{" + (k + 1) + "} = "
                + Format.num(approx.nextSigma()) + "$. Both differences are rounding: the SVD is exact for a matrix"
                + " within about $\\max(m, n)\\,u\\,\\|A\\|_2$ of $A$.");
        long stored = (long) k * (m + n + 1);
        result.note("Storing $A_{" + k + "}$ as $k$ triples $(\\sigma_i, u_i, v_i)$ takes $k(m + n + 1) = " + stored
                + "$ numbers instead of $mn = " + (long) m * n + "$, " + Format.num(100.0 * stored / ((double) m * n))
                + "% of them" + (stored >= (long) m * n ? ": no saving at this rank" : "") + ".");
        result.note("The relative error $\\|A - A_k\\|_F/\\|A\\|_F$ is "
                + Format.num(approx.eckartYoung() / Math.sqrt(d.tail()[0]))
                + ". Singular values of a photograph fall quickly at first (broad shapes) and then slowly (texture"
                + " and noise), which is why a small $k$ already looks right and the last few per cent of the error"
                + " cost most of the storage.");
        return result.build();
    }

    private static Chart image(String title, String name, Matrix a) {
        return Chart.builder(title)
                .x(Axis.of("column"))
                .y(Axis.of("row"))
                .add(Series.Image.gray(name, a.toArray()))
                .equalAspect()
                .build();
    }

    private static Chart singularValues(Decomposed d, int k) {
        int p = d.p();
        double[] keptX = new double[k];
        double[] keptY = new double[k];
        double[] restX = new double[p - k];
        double[] restY = new double[p - k];
        for (int i = 0; i < p; i++) {
            double s = d.sigma(i);
            double y = s > 0 ? s : Double.NaN; // a zero cannot be drawn on a logarithmic axis
            if (i < k) {
                keptX[i] = i + 1;
                keptY[i] = y;
            } else {
                restX[i - k] = i + 1;
                restY[i - k] = y;
            }
        }
        Chart.Builder chart = Chart.builder("Singular values σᵢ (kept: i ≤ " + k + ")")
                .x(Axis.of("i"))
                .y(Axis.log("σᵢ"))
                .add(new Series.Line("kept, i ≤ k", keptX, keptY, Palette.solid(Palette.BLUE, 2.5)))
                .add(new Series.Line("discarded, i > k", restX, restY, Palette.solid(Palette.LIGHT_GREY, 2.5)));
        if (k < p && d.sigma(k) > 0) {
            chart.annotate(new Annotation.Point(
                    k + 1,
                    d.sigma(k),
                    "σ" + Format.subscript(k + 1) + " = ‖A − A" + Format.subscript(k) + "‖₂ = "
                            + Format.plain(d.sigma(k)),
                    Palette.solid(Palette.RED, 8)));
        }
        return chart.build();
    }

    private static Chart errors(Decomposed d, Approximation approx) {
        int p = d.p();
        double norm = Math.sqrt(d.tail()[0]);
        double[] ks = new double[p + 1];
        double[] frobenius = new double[p + 1];
        double[] spectral = new double[p + 1];
        for (int k = 0; k <= p; k++) {
            ks[k] = k;
            double f = d.eckartYoung(k) / norm;
            double s = k < p ? d.sigma(k) / d.sigma(0) : 0;
            frobenius[k] = f > 0 ? f : Double.NaN;
            spectral[k] = s > 0 ? s : Double.NaN;
        }
        Chart.Builder chart = Chart.builder("Relative error of the best rank-k approximation")
                .x(Axis.of("rank k"))
                .y(Axis.log("relative error"))
                .add(new Series.Line(
                        "Frobenius: ‖A − Aₖ‖_F / ‖A‖_F = √(Σᵢ₌ₖ₊₁ σᵢ²) / ‖A‖_F",
                        ks,
                        frobenius,
                        Palette.solid(Palette.BLUE, 2.5)))
                .add(new Series.Line(
                        "spectral: ‖A − Aₖ‖₂ / ‖A‖₂ = σₖ₊₁ / σ₁", ks, spectral, Palette.solid(Palette.ORANGE, 2)));
        double measured = approx.frobenius() / norm;
        if (measured > 0) {
            chart.annotate(new Annotation.Point(
                    approx.k(), measured, "measured at k = " + approx.k(), Palette.solid(Palette.RED, 8)));
        }
        return chart.build();
    }

    private static Table table(Decomposed d, Approximation approx) {
        int m = d.a().rows();
        int n = d.a().cols();
        int k = approx.k();
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("rank k", k));
        rows.add(List.of("image size m × n", m + " × " + n));
        rows.add(List.of("‖A − A_k‖_F, measured", approx.frobenius()));
        rows.add(List.of("√(Σᵢ₌ₖ₊₁ σᵢ²), Eckart–Young", approx.eckartYoung()));
        rows.add(List.of("‖A − A_k‖₂, measured", approx.spectral()));
        rows.add(List.of("σₖ₊₁", approx.nextSigma()));
        rows.add(List.of("‖A − A_k‖_F / ‖A‖_F", approx.eckartYoung() / Math.sqrt(d.tail()[0])));
        rows.add(List.of("storage k(m + n + 1)", (long) k * (m + n + 1)));
        rows.add(List.of("storage of A, mn", (long) m * n));
        return new Table(
                "Rank-" + k + " approximation: measured against Eckart–Young", List.of("quantity", "value"), rows);
    }
}
