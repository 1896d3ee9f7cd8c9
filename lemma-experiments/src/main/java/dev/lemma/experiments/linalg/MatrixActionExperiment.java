package dev.lemma.experiments.linalg;

import dev.lemma.experiments.Arguments;
import dev.lemma.experiments.Experiment;
import dev.lemma.experiments.Format;
import dev.lemma.experiments.Palette;
import dev.lemma.experiments.Parameter;
import dev.lemma.experiments.Progress;
import dev.lemma.experiments.Result;
import dev.lemma.experiments.Table;
import dev.lemma.linalg.Eigen;
import dev.lemma.linalg.Matrix;
import dev.lemma.linalg.Svd;
import dev.lemma.linalg.Vector;
import dev.lemma.viz.Annotation;
import dev.lemma.viz.Axis;
import dev.lemma.viz.Chart;
import dev.lemma.viz.Series;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/// §1.13: a $2 \times 2$ matrix acting on the plane. The unit grid and the unit circle are drawn
/// before (light) and after (strong) the map $x \mapsto Ax$, with two readings of $A$:
///
/// - its **eigenvectors** ([Eigen]), the directions it does not turn, $Ax = \lambda x$, which exist
///   only when the eigenvalues are real and are orthogonal only when $A$ is symmetric;
/// - its **SVD** ([Svd]), $A v_i = \sigma_i u_i$: the circle's image is an ellipse with semi-axes
///   $\sigma_1 u_1$ and $\sigma_2 u_2$, the images of the right singular vectors $v_1, v_2$.
///
/// The two are tied by $\det A = \lambda_1 \lambda_2 = \pm \sigma_1 \sigma_2$.
///
/// The default $A = \begin{pmatrix} 2 & 1 \\ 0.5 & 1.5 \end{pmatrix}$ is chosen to separate the two
/// pictures: it is not symmetric, its eigenvalues $2.5$ and $1$ are real and simple, its eigenvectors
/// $(2, 1)/\sqrt5$ and $(1, -1)/\sqrt2$ meet at about 72°, not 90°, and $\det A = 2.5 > 0$.
public final class MatrixActionExperiment implements Experiment {

    /// Grid lines of the unit square $[-1, 1]^2$ in steps of this.
    static final double GRID_STEP = 0.5;

    /// Points on the circle; the ellipse is drawn through their images.
    static final int CIRCLE_POINTS = 181;

    private static final List<Parameter> PARAMETERS = List.of(
            Parameter.number("a11", "$a_{11}$", "row 1, column 1 of A", -3, 3, 0.1, 2),
            Parameter.number("a12", "$a_{12}$", "row 1, column 2 of A", -3, 3, 0.1, 1),
            Parameter.number("a21", "$a_{21}$", "row 2, column 1 of A", -3, 3, 0.1, 0.5),
            Parameter.number("a22", "$a_{22}$", "row 2, column 2 of A", -3, 3, 0.1, 1.5));

    /// Creates the experiment.
    public MatrixActionExperiment() {}

    @Override
    public String id() {
        return "matrix-action";
    }

    @Override
    public String title() {
        return "A 2×2 matrix acting on the plane: eigenvectors and singular vectors";
    }

    @Override
    public int chapter() {
        return 1;
    }

    @Override
    public String summary() {
        return "Draws the unit grid and circle before (light) and after (strong) the map $x \\mapsto Ax$. The"
                + " first chart shows the eigenvectors, the directions $A$ only stretches; the second the SVD:"
                + " $A$ maps the right singular vectors $v_i$ onto the ellipse's semi-axes $\\sigma_i u_i$."
                + " Make $A$ symmetric ($a_{12} = a_{21}$) and the two pictures coincide; make it a rotation"
                + " ($a_{11} = a_{22}$, $a_{12} = -a_{21}$) and the eigenvectors disappear while the ellipse"
                + " stays a circle.";
    }

    @Override
    public String formula() {
        return "A x_i = \\lambda_i x_i, \\qquad A v_i = \\sigma_i u_i, \\qquad"
                + " \\det A = \\lambda_1 \\lambda_2 = \\pm\\, \\sigma_1 \\sigma_2";
    }

    @Override
    public List<Parameter> parameters() {
        return PARAMETERS;
    }

    /// What the experiment computes from $A$.
    ///
    /// @param a the matrix
    /// @param eigen its eigenvalues and eigenvectors
    /// @param svd its singular value decomposition
    record Action(Matrix a, Eigen eigen, Svd svd) {
        static Action of(Matrix a) {
            return new Action(a, a.eigen(), withPositiveV(a.svd()));
        }

        /// The same SVD with each pair $(u_i, v_i)$ negated, if need be, so that $v_i$ points right (or
        /// up): $A v_i = \sigma_i u_i$ still holds, and the arrows do not flip as a slider moves.
        private static Svd withPositiveV(Svd svd) {
            Vector[] u = new Vector[2];
            Vector[] v = new Vector[2];
            for (int i = 0; i < 2; i++) {
                u[i] = svd.u().column(i);
                v[i] = svd.v().column(i);
                if (v[i].get(0) < 0 || (v[i].get(0) == 0 && v[i].get(1) < 0)) {
                    u[i] = u[i].times(-1);
                    v[i] = v[i].times(-1);
                }
            }
            return new Svd(Matrix.ofColumns(u), svd.singularValues(), Matrix.ofColumns(v));
        }

        boolean realEigenvalues() {
            return eigen.isReal();
        }

        double sigma(int i) {
            return svd.singularValues().get(i);
        }

        /// $\sigma_i u_i$, the ellipse's semi-axis.
        Vector semiAxis(int i) {
            return svd.u().column(i).times(sigma(i));
        }
    }

    /// Computes the eigendecomposition and the SVD of $A$ and draws both over the mapped grid and circle.
    ///
    /// @param arguments `a11`, `a12`, `a21`, `a22`
    /// @param progress not used: the run takes microseconds
    /// @return the eigenvector chart, the SVD chart, the tables and notes
    @Override
    public Result run(Arguments arguments, Progress progress) {
        Matrix a = Matrix.ofRowMajor(
                2,
                2,
                arguments.number("a11"),
                arguments.number("a12"),
                arguments.number("a21"),
                arguments.number("a22"));
        Action action = Action.of(a);
        double reach = 1.15 * Math.max(Math.sqrt(2), Math.sqrt(2) * action.sigma(0));

        Chart.Builder eigenChart = background("Eigenvectors: the directions A does not turn", a, reach);
        Eigen eigen = action.eigen();
        if (action.realEigenvalues()) {
            String[] colors = {Palette.ORANGE, Palette.RED};
            for (int j = 0; j < 2; j++) {
                Vector x = eigen.realVectors().column(j);
                double lambda = eigen.realParts().get(j);
                String idx = j == 0 ? "₁" : "₂";
                eigenChart.add(new Series.Line(
                        "eigenline " + (j + 1) + " (λ" + idx + " = " + Format.num(lambda) + ")",
                        new double[] {-reach * x.get(0), reach * x.get(0)},
                        new double[] {-reach * x.get(1), reach * x.get(1)},
                        Palette.dotted(colors[j], 1.5)));
                eigenChart.annotate(new Annotation.Arrow(
                        0,
                        0,
                        lambda * x.get(0),
                        lambda * x.get(1),
                        "Ax" + idx + " = λ" + idx + "x" + idx,
                        Palette.solid(colors[j], 3.5)));
                eigenChart.annotate(
                        new Annotation.Arrow(0, 0, x.get(0), x.get(1), "x" + idx, Palette.solid(Palette.GREY, 1.5)));
            }
        } else {
            eigenChart.annotate(new Annotation.Text(
                    0, -0.9 * reach, "complex eigenvalues " + complexPair(eigen) + ": every direction is turned"));
        }

        Chart.Builder svdChart = background("SVD: A maps v₁, v₂ onto the ellipse's semi-axes σ₁u₁, σ₂u₂", a, reach);
        String[] vColors = {Palette.GREEN, Palette.PURPLE};
        for (int i = 0; i < 2; i++) {
            String idx = i == 0 ? "₁" : "₂";
            Vector v = action.svd().v().column(i);
            Vector axis = action.semiAxis(i);
            svdChart.annotate(
                    new Annotation.Arrow(0, 0, v.get(0), v.get(1), "v" + idx, Palette.solid(vColors[i], 1.5)));
            svdChart.annotate(new Annotation.Arrow(
                    0, 0, axis.get(0), axis.get(1), "σ" + idx + "u" + idx, Palette.solid(vColors[i], 3.5)));
        }

        return Result.builder()
                .chart(eigenChart.build())
                .chart(svdChart.build())
                .table(valueTable(action))
                .table(vectorTable(action))
                .note(determinantNote(action))
                .note(kindNote(action))
                .build();
    }

    /// The grid and circle before and after $A$, on equal axes of half-width `reach`.
    private static Chart.Builder background(String title, Matrix a, double reach) {
        Chart.Builder chart = Chart.builder(title)
                .x(Axis.range("x₁", -reach, reach))
                .y(Axis.range("x₂", -reach, reach))
                .equalAspect();
        double[][] grid = grid(Matrix.identity(2));
        double[][] circle = circle(Matrix.identity(2));
        chart.add(new Series.Line("unit grid", grid[0], grid[1], Palette.solid(Palette.LIGHT_GREY, 1)));
        chart.add(new Series.Line("unit circle", circle[0], circle[1], Palette.solid(Palette.LIGHT_GREY, 2)));
        double[][] image = grid(a);
        double[][] ellipse = circle(a);
        chart.add(new Series.Line("A · grid", image[0], image[1], Palette.solid(Palette.BLUE, 1)));
        chart.add(new Series.Line("A · circle", ellipse[0], ellipse[1], Palette.solid(Palette.BLUE, 2.5)));
        return chart;
    }

    /// The images under `a` of the grid lines of $[-1, 1]^2$, as one line with gaps: a linear map
    /// keeps lines straight, so each line's two end points suffice.
    static double[][] grid(Matrix a) {
        int lines = (int) Math.round(2 / GRID_STEP) + 1;
        double[] x = new double[2 * lines * 3];
        double[] y = new double[x.length];
        int k = 0;
        for (int direction = 0; direction < 2; direction++) {
            for (int l = 0; l < lines; l++) {
                double c = -1 + l * GRID_STEP;
                for (double t : new double[] {-1, 1}) {
                    double px = direction == 0 ? c : t;
                    double py = direction == 0 ? t : c;
                    x[k] = a.get(0, 0) * px + a.get(0, 1) * py;
                    y[k] = a.get(1, 0) * px + a.get(1, 1) * py;
                    k++;
                }
                x[k] = x[k - 1]; // a gap between lines: a NaN ordinate (abscissae must stay finite)
                y[k] = Double.NaN;
                k++;
            }
        }
        return new double[][] {x, y};
    }

    /// The image under `a` of the unit circle.
    static double[][] circle(Matrix a) {
        double[] x = new double[CIRCLE_POINTS];
        double[] y = new double[CIRCLE_POINTS];
        for (int i = 0; i < CIRCLE_POINTS; i++) {
            double t = 2 * Math.PI * i / (CIRCLE_POINTS - 1);
            double c = Math.cos(t);
            double s = Math.sin(t);
            x[i] = a.get(0, 0) * c + a.get(0, 1) * s;
            y[i] = a.get(1, 0) * c + a.get(1, 1) * s;
        }
        return new double[][] {x, y};
    }

    private static String complexPair(Eigen eigen) {
        return Format.num(eigen.realParts().get(1)) + " ± "
                + Format.num(Math.abs(eigen.imaginaryParts().get(1))) + "i";
    }

    private static Table valueTable(Action action) {
        Eigen eigen = action.eigen();
        List<List<Object>> rows = new ArrayList<>();
        for (int j = 0; j < 2; j++) {
            double re = eigen.realParts().get(j);
            double im = eigen.imaginaryParts().get(j);
            Object value = im == 0
                    ? (Object) re
                    : String.format(
                            Locale.ROOT, "%s %s %si", Format.num(re), im < 0 ? "−" : "+", Format.num(Math.abs(im)));
            rows.add(List.of("λ" + (j == 0 ? "₁" : "₂"), value));
        }
        rows.add(List.of("σ₁", action.sigma(0)));
        rows.add(List.of("σ₂", action.sigma(1)));
        double det = action.a().get(0, 0) * action.a().get(1, 1)
                - action.a().get(0, 1) * action.a().get(1, 0);
        rows.add(List.of("det A = a₁₁a₂₂ − a₁₂a₂₁", det));
        rows.add(List.of("λ₁λ₂", lambdaProduct(eigen)));
        rows.add(List.of("σ₁σ₂", action.sigma(0) * action.sigma(1)));
        rows.add(List.of(
                "|λ₁|, |λ₂| (σ₂ ≤ |λ| ≤ σ₁)", Format.num(modulus(eigen, 0)) + ", " + Format.num(modulus(eigen, 1))));
        return new Table("Eigenvalues, singular values and the determinant", List.of("quantity", "value"), rows);
    }

    /// $\lambda_1 \lambda_2$, real also for a complex pair ($|\lambda|^2$).
    static double lambdaProduct(Eigen eigen) {
        double re0 = eigen.realParts().get(0);
        double im0 = eigen.imaginaryParts().get(0);
        double re1 = eigen.realParts().get(1);
        double im1 = eigen.imaginaryParts().get(1);
        return re0 * re1 - im0 * im1;
    }

    private static double modulus(Eigen eigen, int j) {
        return Math.hypot(eigen.realParts().get(j), eigen.imaginaryParts().get(j));
    }

    private static Table vectorTable(Action action) {
        List<List<Object>> rows = new ArrayList<>();
        Eigen eigen = action.eigen();
        if (action.realEigenvalues()) {
            for (int j = 0; j < 2; j++) {
                Vector x = eigen.realVectors().column(j);
                rows.add(List.of("eigenvector x" + (j == 0 ? "₁" : "₂"), x.get(0), x.get(1)));
            }
        } else {
            rows.add(List.of("eigenvectors", "complex", "complex"));
        }
        for (int i = 0; i < 2; i++) {
            String idx = i == 0 ? "₁" : "₂";
            Vector v = action.svd().v().column(i);
            Vector u = action.svd().u().column(i);
            rows.add(List.of("right singular vector v" + idx, v.get(0), v.get(1)));
            rows.add(List.of("left singular vector u" + idx, u.get(0), u.get(1)));
        }
        return new Table("Vectors", List.of("vector", "1", "2"), rows);
    }

    private static String determinantNote(Action action) {
        double det = action.a().get(0, 0) * action.a().get(1, 1)
                - action.a().get(0, 1) * action.a().get(1, 0);
        double s = action.sigma(0) * action.sigma(1);
        String sign = det > 0
                ? "$\\det A > 0$: $A$ keeps the orientation of the plane, so $\\det A = +\\sigma_1\\sigma_2$"
                : det < 0
                        ? "$\\det A < 0$: $A$ reverses the orientation (a reflection is involved; follow the grid's"
                                + " corners), so $\\det A = -\\sigma_1\\sigma_2$"
                        : "$\\det A = 0$: $A$ is singular, the plane is flattened onto a line (or a point) and the ellipse"
                                + " degenerates to a segment, $\\sigma_2 = 0$";
        return sign + ". Here $\\det A = " + Format.num(det) + "$, $\\lambda_1\\lambda_2 = "
                + Format.num(lambdaProduct(action.eigen())) + "$ and $\\sigma_1\\sigma_2 = " + Format.num(s)
                + "$. The area of the ellipse is $\\pi\\sigma_1\\sigma_2 = \\pi|\\det A|$.";
    }

    private static String kindNote(Action action) {
        Matrix a = action.a();
        Eigen eigen = action.eigen();
        if (a.normFrobenius() == 0) {
            return "$A = 0$ maps everything to the origin: every vector is an eigenvector with $\\lambda = 0$, both"
                    + " singular values are 0 and the singular vectors are any orthonormal pair.";
        }
        if (!action.realEigenvalues()) {
            return "The eigenvalues are the complex pair $" + complexPair(eigen) + "$: no real direction is left"
                    + " unturned, so there are no real eigenvectors to draw. The SVD still exists, as it always"
                    + " does: $A$ still maps the circle to an ellipse.";
        }
        if (a.isSymmetric(1e-12)) {
            return "$A$ is symmetric: its eigenvectors are orthogonal and are its singular vectors (up to sign),"
                    + " and $\\sigma_i = |\\lambda_i|$.";
        }
        Vector x1 = eigen.realVectors().column(0);
        Vector x2 = eigen.realVectors().column(1);
        double cos = Math.min(1, Math.abs(x1.dot(x2)));
        if (cos > 1 - 1e-9) {
            return "The eigenvectors are parallel: $A$ is defective (a repeated eigenvalue with only one"
                    + " eigenvector direction), as for a shear. The singular vectors remain orthonormal.";
        }
        return "$A$ is not symmetric: its eigenvectors meet at " + Format.num(Math.toDegrees(Math.acos(cos)))
                + "°, not 90°, while the singular vectors $v_1 \\perp v_2$ and $u_1 \\perp u_2$ are orthogonal"
                + " by construction.";
    }
}
