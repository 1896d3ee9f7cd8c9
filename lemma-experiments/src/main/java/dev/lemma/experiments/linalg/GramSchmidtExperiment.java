package dev.lemma.experiments.linalg;

import dev.lemma.experiments.Arguments;
import dev.lemma.experiments.Experiment;
import dev.lemma.experiments.Format;
import dev.lemma.experiments.Palette;
import dev.lemma.experiments.Parameter;
import dev.lemma.experiments.Progress;
import dev.lemma.experiments.Result;
import dev.lemma.experiments.Table;
import dev.lemma.linalg.GramSchmidt;
import dev.lemma.linalg.Matrix;
import dev.lemma.linalg.Svd;
import dev.lemma.numeric.SingularMatrixException;
import dev.lemma.numeric.Tolerances;
import dev.lemma.viz.Axis;
import dev.lemma.viz.Chart;
import dev.lemma.viz.Series;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/// §1.10: the loss of orthogonality $\max_{ij} |I - Q^\top Q|_{ij}$ of classical Gram–Schmidt
/// (about $u\kappa^2$), modified Gram–Schmidt (about $u\kappa$) and Householder QR (about $u$, whatever
/// $\kappa$), against the condition number $\kappa_2(A)$, on logarithmic axes.
///
/// Two families of test matrices:
///
/// - `hilbert`: $h_{ij} = 1/(i + j - 1)$ for $n = 2, \dots, 12$, as in the book's table ($\kappa_2(H_{12})
///   \approx 1.7 \times 10^{16}$, the end of what double precision can represent);
/// - `random`: $A = U \,\mathrm{diag}(\sigma)\, V^\top$, $n \times n$, with $U$, $V$ the orthogonal
///   factors of seeded random matrices and $\sigma_i = \kappa^{-(i-1)/(n-1)}$ geometric from 1 to
///   $1/\kappa$, for $\kappa = 10^0, 10^1, \dots, 10^{16}$.
///
/// The horizontal coordinate is the exact $\kappa_2$: for $H_n$ from its exact integer inverse
/// ([#hilbertCondition(int)]), for the random family the $\kappa$ it was built with. (Computing
/// $\sigma_1/\sigma_n$ of the matrix in floating point fails near $10^{16}$: rounding the entries
/// perturbs $\sigma_n$ by about $u\|A\|$, as much as $\sigma_n$ itself.) A Gram–Schmidt run that
/// finds a column numerically dependent on the previous ones stops ([SingularMatrixException]); its
/// point is left out and a note says so.
///
/// Defaults: the Hilbert family, because it is the book's table; for the random family $n = 20$
/// (large enough for the rates to show, with the constants in front of $u\kappa$ and $u\kappa^2$
/// still of order 1 to 10) and seed 1.
///
/// References: Å. Björck, BIT 7 (1967); L. Giraud, J. Langou, M. Rozložník, J. van den Eshof,
/// Numer. Math. 101 (2005); N. J. Higham, *Accuracy and Stability of Numerical Algorithms*, 2nd ed.,
/// §19.8.
public final class GramSchmidtExperiment implements Experiment {

    /// The unit roundoff of double precision, $u = 2^{-53} \approx 1.1 \times 10^{-16}$.
    static final double U = Tolerances.UNIT_ROUNDOFF;

    /// The Hilbert orders of the book's table run up to 12: $H_{13}$ is singular to working precision.
    static final int HILBERT_MAX = 12;

    /// The random family's condition numbers: $10^0$ to $10^{16}$, one per decade.
    static final int DECADES = 16;

    /// The reference lines stop at this height: the loss of orthogonality of a matrix with unit
    /// columns cannot meaningfully exceed 1, and a line up to $u\kappa^2 = 10^{16}$ would squash the
    /// rest of the chart.
    static final double REFERENCE_CAP = 10;

    private static final List<Parameter> PARAMETERS = List.of(
            Parameter.choice(
                    "family",
                    "Matrices",
                    "Hilbert matrices H_2 … H_12 (the book's table), or random matrices with chosen κ = 1 … 10^16",
                    List.of("hilbert", "random"),
                    "hilbert"),
            Parameter.integer("size", "Size $n$ (random)", "the random matrices are n×n", 2, 100, 20),
            Parameter.seed(1));

    /// Creates the experiment.
    public GramSchmidtExperiment() {}

    @Override
    public String id() {
        return "gram-schmidt";
    }

    @Override
    public String title() {
        return "Loss of orthogonality: Gram–Schmidt against Householder";
    }

    @Override
    public int chapter() {
        return 1;
    }

    @Override
    public String summary() {
        return "Factors matrices of growing condition number $\\kappa$ by classical and modified Gram–Schmidt"
                + " and by Householder QR, and plots how far each computed $Q$ is from orthonormal. Classical"
                + " Gram–Schmidt follows $u\\kappa^2$ until it has lost orthogonality completely, modified"
                + " Gram–Schmidt follows $u\\kappa$, and Householder stays at rounding level. Try the random"
                + " family with other sizes and seeds: the slopes stay, the constants move a little.";
    }

    @Override
    public String formula() {
        return "\\|I - Q^\\top Q\\| \\approx u\\,\\kappa(A)^2 \\ \\text{(CGS)}, \\quad u\\,\\kappa(A) \\ \\text{(MGS)},"
                + " \\quad u \\ \\text{(Householder)}";
    }

    @Override
    public List<Parameter> parameters() {
        return PARAMETERS;
    }

    /// One test matrix and the loss of orthogonality of the three factorisations; NaN where
    /// Gram–Schmidt stopped at a numerically dependent column.
    ///
    /// @param label what the matrix is (`H_6`, `κ = 1e+08`)
    /// @param kappa $\kappa_2$ of the matrix, from its SVD
    /// @param classical $\max |I - Q^\top Q|$ for classical Gram–Schmidt
    /// @param modified the same for modified Gram–Schmidt
    /// @param householder the same for Householder QR
    record Point(String label, double kappa, double classical, double modified, double householder) {}

    /// The points of one run, in order of increasing $\kappa$.
    static List<Point> measure(String family, int size, long seed, Progress progress) {
        List<Point> points = new ArrayList<>();
        if (family.equals("hilbert")) {
            for (int n = 2; n <= HILBERT_MAX; n++) {
                progress.report((n - 2.0) / (HILBERT_MAX - 1), "H_" + n);
                points.add(point("H_" + n, hilbert(n), hilbertCondition(n)));
            }
        } else {
            Matrix u = Matrix.random(size, size, seed).qr().q();
            Matrix v = Matrix.random(size, size, seed + 1).qr().q();
            for (int d = 0; d <= DECADES; d++) {
                progress.report(d / (DECADES + 1.0), "κ = 1e" + d);
                double kappa = Math.pow(10, d);
                points.add(point(String.format(Locale.ROOT, "κ = 1e%d", d), withSingularValues(u, v, kappa), kappa));
            }
        }
        progress.report(1, "done");
        return points;
    }

    /// The Hilbert matrix $h_{ij} = 1/(i + j + 1)$ (0-based $i, j$).
    static Matrix hilbert(int n) {
        double[][] h = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                h[i][j] = 1.0 / (i + j + 1);
            }
        }
        return Matrix.of(h);
    }

    /// $U \,\mathrm{diag}(\sigma)\, V^\top$ with $\sigma_i = \kappa^{-i/(n-1)}$, $i = 0, \dots, n-1$.
    static Matrix withSingularValues(Matrix u, Matrix v, double kappa) {
        int n = u.cols();
        double[] sigma = new double[n];
        for (int i = 0; i < n; i++) {
            sigma[i] = n == 1 ? 1 : Math.pow(kappa, -(double) i / (n - 1));
        }
        return u.times(Matrix.diagonal(sigma)).times(v.transpose());
    }

    private static Point point(String label, Matrix a, double kappa) {
        return new Point(label, kappa, lossOrNaN(a, false), lossOrNaN(a, true), loss(a.qr().q()));
    }

    /// $\kappa_2(H_n) = \|H_n\|_2 \|H_n^{-1}\|_2$ of the exact Hilbert matrix, from the exact integer
    /// inverse ([#hilbertInverse(int)]). Computing it as $\sigma_1/\sigma_n$ of the rounded $H_n$ fails
    /// from $n = 12$: there $\sigma_n \approx 10^{-16}$ is below the SVD's absolute accuracy $u\|H\|_2$.
    /// Both norms are largest singular values, which the SVD gets to a few $u$ relative.
    static double hilbertCondition(int n) {
        return Svd.valuesOf(hilbert(n)).get(0) * Svd.valuesOf(hilbertInverse(n)).get(0);
    }

    /// The inverse of the Hilbert matrix, whose entries are integers (Choi, "Tricks or treats with the
    /// Hilbert matrix", Amer. Math. Monthly 90, 1983):
    /// $(H_n^{-1})_{ij} = (-1)^{i+j}(i+j-1)\binom{n+i-1}{n-j}\binom{n+j-1}{n-i}\binom{i+j-2}{i-1}^2$,
    /// $1 \le i, j \le n$; exact in double up to $n = 12$ but for the last rounding of the product.
    static Matrix hilbertInverse(int n) {
        double[][] inv = new double[n][n];
        for (int i = 1; i <= n; i++) {
            for (int j = 1; j <= n; j++) {
                double c = binomial(i + j - 2, i - 1);
                double sign = (i + j) % 2 == 0 ? 1 : -1;
                inv[i - 1][j - 1] =
                        sign * (i + j - 1) * binomial(n + i - 1, n - j) * binomial(n + j - 1, n - i) * c * c;
            }
        }
        return Matrix.of(inv);
    }

    /// $\binom{n}{k}$, exact in double while it is below $2^{53}$.
    static double binomial(int n, int k) {
        double c = 1;
        for (int i = 1; i <= k; i++) {
            c = c * (n - k + i) / i;
        }
        return Math.rint(c);
    }

    private static double lossOrNaN(Matrix a, boolean modified) {
        try {
            return loss(
                    modified
                            ? GramSchmidt.modified(a).q()
                            : GramSchmidt.classical(a).q());
        } catch (SingularMatrixException e) {
            return Double.NaN;
        }
    }

    /// $\max_{ij} |I - Q^\top Q|_{ij}$.
    static double loss(Matrix q) {
        Matrix gram = q.transpose().times(q);
        return gram.maxAbsDifference(Matrix.identity(gram.rows()));
    }

    /// Factors each matrix of the chosen family three ways and draws $\max|I - Q^\top Q|$ against
    /// $\kappa_2$ with the reference lines $u\kappa$, $u\kappa^2$ and $u$.
    ///
    /// @param arguments `family`, `size` and `seed`
    /// @param progress told before each matrix
    /// @return the log–log chart, the table per matrix and notes
    @Override
    public Result run(Arguments arguments, Progress progress) {
        String family = arguments.choice("family");
        int size = arguments.integer("size");
        List<Point> points = measure(family, size, arguments.seed("seed"), progress);

        int count = points.size();
        double[] kappa = new double[count];
        double[] cgs = new double[count];
        double[] mgs = new double[count];
        double[] house = new double[count];
        for (int i = 0; i < count; i++) {
            Point p = points.get(i);
            kappa[i] = p.kappa();
            cgs[i] = positiveOrGap(p.classical());
            mgs[i] = positiveOrGap(p.modified());
            house[i] = positiveOrGap(p.householder());
        }
        double kMin = min(kappa);
        double kMax = max(kappa);
        String what =
                family.equals("hilbert") ? "Hilbert matrices H₂ … H₁₂" : "random " + size + "×" + size + " matrices";
        Chart chart = Chart.builder("Loss of orthogonality against the condition number, " + what)
                .x(Axis.log("condition number κ₂(A)"))
                .y(Axis.log("max |I − QᵀQ|"))
                .add(reference("u·κ² (classical GS rate)", kMin, kMax, 2, Palette.dashed(Palette.ORANGE, 1.5)))
                .add(reference("u·κ (modified GS rate)", kMin, kMax, 1, Palette.dashed(Palette.BLUE, 1.5)))
                .add(reference("u", kMin, kMax, 0, Palette.dotted(Palette.GREY, 1.5)))
                .add(new Series.Line("classical Gram–Schmidt", kappa, cgs, Palette.solid(Palette.ORANGE, 2.5)))
                .add(new Series.Line("modified Gram–Schmidt", kappa, mgs, Palette.solid(Palette.BLUE, 2.5)))
                .add(new Series.Line("Householder QR", kappa, house, Palette.solid(Palette.GREEN, 2.5)))
                .build();

        List<List<Object>> rows = new ArrayList<>();
        for (Point p : points) {
            rows.add(List.of(
                    p.label(),
                    p.kappa(),
                    cell(p.classical()),
                    cell(p.modified()),
                    cell(p.householder()),
                    U * p.kappa(),
                    U * p.kappa() * p.kappa()));
        }
        Table table = new Table(
                "max |I − QᵀQ| per matrix",
                List.of("matrix", "κ₂(A)", "classical GS", "modified GS", "Householder", "u·κ", "u·κ²"),
                rows);

        Result.Builder result = Result.builder().chart(chart).table(table);
        if (family.equals("hilbert")) {
            result.note("Hilbert matrices $h_{ij} = 1/(i + j - 1)$, $n = 2, \\dots, 12$, with $\\kappa_2(H_n)$ from the"
                    + " exact integer inverse. The size and seed controls apply to the random family only.");
        } else {
            result.note(
                    "Random $" + size + " \\times " + size + "$ matrices $A = U\\,\\mathrm{diag}(\\sigma)\\,V^\\top$"
                            + " with $U$, $V$ orthogonal (from the seed) and $\\sigma_i$ geometric from 1 to $1/\\kappa$; the"
                            + " horizontal axis shows the $\\kappa$ each was built with.");
        }
        for (String note : notes(points)) {
            result.note(note);
        }
        return result.build();
    }

    /// The line $y = u\kappa^p$ over $[\kappa_{\min}, \kappa_{\max}]$, stopped at [#REFERENCE_CAP].
    private static Series.Line reference(String name, double kMin, double kMax, int power, dev.lemma.viz.Style style) {
        double top = power == 0 ? kMax : Math.min(kMax, Math.pow(REFERENCE_CAP / U, 1.0 / power));
        int n = 33;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = kMin * Math.pow(top / kMin, (double) i / (n - 1));
            y[i] = U * Math.pow(x[i], power);
        }
        return new Series.Line(name, x, y, style);
    }

    /// Exact zeros cannot be drawn on a logarithmic axis; they (and breakdowns) become gaps.
    private static double positiveOrGap(double v) {
        return v > 0 ? v : Double.NaN;
    }

    private static Object cell(double v) {
        return Double.isNaN(v) ? "stopped: dependent column" : (Object) v;
    }

    private static List<String> notes(List<Point> points) {
        List<String> notes = new ArrayList<>();
        Point last = points.getLast();
        notes.add("At the largest condition number, $\\kappa_2 \\approx " + Format.sci(last.kappa()) + "$:"
                + " classical " + lossText(last.classical()) + ", modified " + lossText(last.modified())
                + ", Householder " + lossText(last.householder()) + ". The unit roundoff is $u = 2^{-53}"
                + " \\approx 1.1 \\times 10^{-16}$.");
        Point total =
                points.stream().filter(p -> p.classical() > 0.1).findFirst().orElse(null);
        if (total != null) {
            notes.add("Classical Gram–Schmidt has lost orthogonality completely (an entry of $Q^\\top Q - I$ of"
                    + " order 1) from $\\kappa \\approx " + Format.sci(total.kappa()) + "$ on, where $u\\kappa^2$"
                    + " passes 1: its curve then flattens, because $|q_i^\\top q_j|$ cannot exceed 1.");
        }
        long stopped = points.stream()
                .filter(p -> Double.isNaN(p.classical()) || Double.isNaN(p.modified()))
                .count();
        if (stopped > 0) {
            notes.add("On " + stopped + " of the matrices a Gram–Schmidt run found a column that depends on the"
                    + " previous ones to working precision (what was left after the projections was below"
                    + " $n\\varepsilon\\|a_k\\|$) and stopped; those points are left out of the chart.");
        }
        notes.add("Householder QR never forms $Q$ from the columns of $A$: $Q$ is a product of reflections, each"
                + " orthogonal to rounding, so its loss of orthogonality stays a small multiple of $u$ however"
                + " ill-conditioned $A$ is.");
        return notes;
    }

    private static String lossText(double v) {
        return Double.isNaN(v) ? "stopped at a dependent column" : "$" + Format.sci(v) + "$";
    }

    private static double min(double[] x) {
        double m = Double.POSITIVE_INFINITY;
        for (double v : x) {
            m = Math.min(m, v);
        }
        return m;
    }

    private static double max(double[] x) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            m = Math.max(m, v);
        }
        return m;
    }
}
