package dev.lemma.experiments.linalg;

import dev.lemma.experiments.Arguments;
import dev.lemma.experiments.Experiment;
import dev.lemma.experiments.Format;
import dev.lemma.experiments.Palette;
import dev.lemma.experiments.Parameter;
import dev.lemma.experiments.Progress;
import dev.lemma.experiments.Result;
import dev.lemma.experiments.Table;
import dev.lemma.linalg.Matrix;
import dev.lemma.linalg.Svd;
import dev.lemma.linalg.Vector;
import dev.lemma.viz.Annotation;
import dev.lemma.viz.Axis;
import dev.lemma.viz.Chart;
import dev.lemma.viz.Series;
import java.util.ArrayList;
import java.util.List;

/// §1.9: the orthogonal projection $p = A(A^\top A)^{-1}A^\top b$ of $b \in \mathbb{R}^3$ onto the
/// column space of $A$, a line (one column) or a plane (two columns), and the residual $b - p$, which
/// the normal equations $A^\top(b - p) = 0$ make orthogonal to every column.
///
/// A 3-D picture is not needed to see the right angle. The points $0$, $b$ and $p$ span a plane that
/// contains $b$, $p$ and $r = b - p$; in that plane's own orthonormal coordinates
/// $e_1 = p/\|p\|$, $e_2 = r/\|r\|$ every length and angle is true, the column space appears edge-on
/// as the horizontal axis, and the residual is vertical. The second chart looks at the column space
/// face-on (for a plane) or plots $\|b - tA\|$ against $t$ (for a line), whose minimum is the
/// least-squares coefficient.
///
/// Computed with [Matrix#projectOntoColumnSpace(Vector)] (an orthonormal basis from the SVD) and
/// [Matrix#leastSquares(Vector)]. Dependent or zero columns are allowed: the column space is then
/// smaller and a note says so.
///
/// The default is the book's worked example: $A$ with columns $(1, 1, 1)$ and $(0, 1, 2)$ (fitting a
/// line $c + dt$ at $t = 0, 1, 2$), $b = (6, 0, 0)$, so $p = (5, 2, -1)$ and $b - p = (1, -2, 1)$.
/// The columns' entries range over $[-3, 3]$ and $b$'s over $[-6, 6]$, so that this example is
/// reachable and $b$ can lie well outside the span of short columns; sliders move in steps of 0.1.
public final class ProjectionExperiment implements Experiment {

    /// A projection or residual shorter than this fraction of $\|b\|$ is treated as zero when choosing
    /// the drawing frame: its direction is then rounding noise.
    static final double NEGLIGIBLE = 1e-12;

    private static final List<Parameter> PARAMETERS = List.of(
            Parameter.choice(
                    "space",
                    "Column space",
                    "a line (A is the first column) or a plane (A has both columns)",
                    List.of("line", "plane"),
                    "plane"),
            Parameter.number("b1", "$b_1$", "first entry of b", -6, 6, 0.1, 6),
            Parameter.number("b2", "$b_2$", "second entry of b", -6, 6, 0.1, 0),
            Parameter.number("b3", "$b_3$", "third entry of b", -6, 6, 0.1, 0),
            Parameter.number("a11", "$a_{11}$", "first column of A, entry 1", -3, 3, 0.1, 1),
            Parameter.number("a21", "$a_{21}$", "first column of A, entry 2", -3, 3, 0.1, 1),
            Parameter.number("a31", "$a_{31}$", "first column of A, entry 3", -3, 3, 0.1, 1),
            Parameter.number("a12", "$a_{12}$", "second column of A, entry 1 (plane only)", -3, 3, 0.1, 0),
            Parameter.number("a22", "$a_{22}$", "second column of A, entry 2 (plane only)", -3, 3, 0.1, 1),
            Parameter.number("a32", "$a_{32}$", "second column of A, entry 3 (plane only)", -3, 3, 0.1, 2));

    /// Creates the experiment.
    public ProjectionExperiment() {}

    @Override
    public String id() {
        return "projection";
    }

    @Override
    public String title() {
        return "Projection onto a column space";
    }

    @Override
    public int chapter() {
        return 1;
    }

    @Override
    public String summary() {
        return "Projects $b \\in \\mathbb{R}^3$ onto the line or plane spanned by the columns of $A$. The first"
                + " chart is drawn in the plane through $0$, $b$ and $p$, where lengths and angles are true:"
                + " the column space is seen edge-on as the horizontal axis and the residual $b - p$ stands"
                + " at a right angle to it. Move $b$ or the columns: the table's $A^\\top(b - p)$ stays zero"
                + " to rounding. Try parallel columns, or a $b$ already in the plane.";
    }

    @Override
    public String formula() {
        return "p = A\\hat x = A(A^\\top A)^{-1}A^\\top b, \\qquad A^\\top (b - p) = 0";
    }

    @Override
    public List<Parameter> parameters() {
        return PARAMETERS;
    }

    /// The numbers of one projection.
    ///
    /// @param a the matrix, `3×1` or `3×2`
    /// @param b the vector projected
    /// @param p the projection $U_r U_r^\top b$ from [Matrix#projectOntoColumnSpace(Vector)]
    /// @param residual $b - p$
    /// @param xHat the least-squares coefficients from [Matrix#leastSquares(Vector)] (minimum norm if
    ///     the columns are dependent)
    /// @param normalResidual $A^\top(b - p)$, zero in exact arithmetic
    /// @param basis an orthonormal basis of the column space, `3×rank`
    /// @param rank the rank of $A$
    record Projection(
            Matrix a, Vector b, Vector p, Vector residual, Vector xHat, Vector normalResidual, Matrix basis, int rank) {

        /// Projects `b` onto the column space of `a`.
        static Projection of(Matrix a, Vector b) {
            Svd svd = a.svd();
            int rank = svd.rank();
            Matrix basis = svd.u().block(0, a.rows(), 0, rank);
            Vector p = rank == 0 ? Vector.zeros(a.rows()) : a.projectOntoColumnSpace(b);
            Vector residual = b.minus(p);
            Vector xHat = a.leastSquares(b);
            return new Projection(a, b, p, residual, xHat, a.transpose().times(residual), basis, rank);
        }
    }

    /// Projects $b$ onto the column space of $A$ and draws it in the plane through $0$, $b$ and $p$.
    ///
    /// @param arguments `space`, `b1`…`b3` and the columns' entries
    /// @param progress not used: the run takes microseconds
    /// @return the cross-section, the face-on view (a plane) or the distance curve (a line), the tables
    ///     and notes
    @Override
    public Result run(Arguments arguments, Progress progress) {
        boolean plane = arguments.choice("space").equals("plane");
        Vector b = Vector.of(arguments.number("b1"), arguments.number("b2"), arguments.number("b3"));
        Vector a1 = Vector.of(arguments.number("a11"), arguments.number("a21"), arguments.number("a31"));
        Vector a2 = Vector.of(arguments.number("a12"), arguments.number("a22"), arguments.number("a32"));
        Matrix a = plane ? Matrix.ofColumns(a1, a2) : Matrix.ofColumns(a1);
        Projection pr = Projection.of(a, b);

        Result.Builder result = Result.builder();
        result.chart(crossSection(pr, plane));
        if (pr.rank() == 2) {
            result.chart(columnSpaceFaceOn(pr, a1, a2));
        } else if (pr.rank() == 1) {
            result.chart(distanceAlongTheLine(pr));
        }
        result.table(vectorTable(pr));
        result.table(scalarTable(pr));
        notes(pr, plane, a1, a2).forEach(result::note);
        return result.build();
    }

    // ---------------------------------------------------------------- the frame of the first chart

    /// The orthonormal frame $(e_1, e_2)$ of the plane through $0$, $b$ and $p$: $e_1$ along $p$ (in
    /// the column space), $e_2$ along $b - p$ (normal to it). When $p$ or $b - p$ is zero its
    /// direction is borrowed from the column space's basis, its orthogonal complement or the
    /// coordinate axes, so that the frame always exists.
    static Vector[] frame(Projection pr) {
        double scale = Math.max(pr.b().norm2(), 1.0);
        List<Vector> first = new ArrayList<>();
        if (pr.p().norm2() > NEGLIGIBLE * scale) {
            first.add(pr.p());
        }
        for (int j = 0; j < pr.rank(); j++) {
            first.add(pr.basis().column(j));
        }
        addAxes(first);
        Vector e1 = firstIndependent(first, List.of());
        List<Vector> second = new ArrayList<>();
        if (pr.residual().norm2() > NEGLIGIBLE * scale) {
            second.add(pr.residual());
        }
        // The complement of the column space: what is left of each axis after projecting it away.
        for (int i = 0; i < 3; i++) {
            Vector axis = Vector.unit(3, i);
            second.add(axis.minus(projectOnto(pr.basis(), axis)));
        }
        addAxes(second);
        Vector e2 = firstIndependent(second, List.of(e1));
        return new Vector[] {e1, e2};
    }

    private static void addAxes(List<Vector> candidates) {
        for (int i = 0; i < 3; i++) {
            candidates.add(Vector.unit(3, i));
        }
    }

    private static Vector projectOnto(Matrix q, Vector x) {
        return q.cols() == 0 ? Vector.zeros(x.size()) : q.times(q.transpose().times(x));
    }

    /// The first candidate with a part orthogonal to `taken` of norm above 1e-6 of its own, that part
    /// normalised (one Gram–Schmidt step).
    private static Vector firstIndependent(List<Vector> candidates, List<Vector> taken) {
        for (Vector c : candidates) {
            Vector v = c;
            for (Vector t : taken) {
                v = v.minus(t.times(t.dot(v)));
            }
            if (v.norm2() > 1e-6 * c.norm2() && v.norm2() > 0) {
                return v.normalize();
            }
        }
        throw new IllegalStateException("no independent direction among " + candidates); // unreachable
    }

    private static Chart crossSection(Projection pr, boolean plane) {
        Vector[] e = frame(pr);
        double bx = pr.b().dot(e[0]);
        double by = pr.b().dot(e[1]);
        double px = pr.p().dot(e[0]);
        double py = pr.p().dot(e[1]);
        double reach = 1.15 * Math.max(1.0, Math.max(Math.hypot(bx, by), Math.hypot(px, py)));
        Chart.Builder chart = Chart.builder("In the plane through 0, b and p (true lengths and angles)")
                .x(Axis.range("along p, in the column space", -reach, reach))
                .y(Axis.range("along b − p, normal to the column space", -reach, reach))
                .equalAspect();
        String space = pr.rank() == 0 ? "C(A) = {0}" : plane && pr.rank() == 2 ? "C(A), a plane seen edge-on" : "C(A)";
        if (pr.rank() > 0) {
            chart.add(new Series.Line(
                    space, new double[] {-reach, reach}, new double[] {0, 0}, Palette.solid(Palette.LIGHT_GREY, 4)));
        }
        double residual = Math.hypot(bx - px, by - py);
        if (residual > 0 && Math.hypot(px, py) > 0) {
            // A small square at p marks the right angle; it opens towards the origin and towards b.
            double s = 0.06 * reach;
            double sx = px > 0 ? -s : s;
            chart.add(new Series.Line(
                    "right angle",
                    new double[] {px + sx, px + sx, px},
                    new double[] {0, s, s},
                    Palette.solid(Palette.GREY, 1)));
        }
        chart.add(new Series.Scatter(
                "points 0, p, b",
                new double[] {0, px, bx},
                new double[] {0, py, by},
                List.of("0", "p", "b"),
                Palette.solid(Palette.GREY, 6)));
        chart.annotate(new Annotation.Arrow(0, 0, bx, by, "b", Palette.solid(Palette.BLUE, 2.5)));
        chart.annotate(new Annotation.Arrow(0, 0, px, py, "p = Ax̂", Palette.solid(Palette.GREEN, 2.5)));
        chart.annotate(new Annotation.Arrow(px, py, bx, by, "b − p", Palette.solid(Palette.RED, 2.5)));
        return chart.build();
    }

    /// The column space face-on, in the orthonormal coordinates $q_1 = a_1/\|a_1\|$, $q_2$ (the rest
    /// of $a_2$, normalised): the residual points straight out of the page, so $b$ is seen at $p$.
    private static Chart columnSpaceFaceOn(Projection pr, Vector a1, Vector a2) {
        Vector q1 = a1.normalize();
        Vector q2 = a2.minus(q1.times(q1.dot(a2))).normalize();
        double[] c1 = {a1.dot(q1), a1.dot(q2)};
        double[] c2 = {a2.dot(q1), a2.dot(q2)};
        double[] cp = {pr.p().dot(q1), pr.p().dot(q2)};
        double x1 = pr.xHat().get(0);
        Chart.Builder chart = Chart.builder("The column space face-on: b − p points out of the page")
                .x(Axis.of("along a₁"))
                .y(Axis.of("in the plane, orthogonal to a₁"))
                .equalAspect();
        // The lattice s·a₁ + t·a₂ over integers s, t, one step beyond both 0 and x̂, shows the plane's own
        // coordinates: p sits at (x̂₁, x̂₂) in it.
        List<Double> gx = new ArrayList<>();
        List<Double> gy = new ArrayList<>();
        double x2 = pr.xHat().get(1);
        int sLo = (int) Math.floor(Math.min(0, x1)) - 1;
        int sHi = (int) Math.ceil(Math.max(0, x1)) + 1;
        int tLo = (int) Math.floor(Math.min(0, x2)) - 1;
        int tHi = (int) Math.ceil(Math.max(0, x2)) + 1;
        for (int s = sLo; s <= sHi; s++) { // lines of constant s, along a₂
            segment(
                    gx,
                    gy,
                    s * c1[0] + tLo * c2[0],
                    s * c1[1] + tLo * c2[1],
                    s * c1[0] + tHi * c2[0],
                    s * c1[1] + tHi * c2[1]);
        }
        for (int t = tLo; t <= tHi; t++) { // lines of constant t, along a₁
            segment(
                    gx,
                    gy,
                    sLo * c1[0] + t * c2[0],
                    sLo * c1[1] + t * c2[1],
                    sHi * c1[0] + t * c2[0],
                    sHi * c1[1] + t * c2[1]);
        }
        chart.add(new Series.Line("grid s·a₁ + t·a₂", toArray(gx), toArray(gy), Palette.solid(Palette.LIGHT_GREY, 1)));
        chart.add(new Series.Line(
                "p = x̂₁a₁ + x̂₂a₂",
                new double[] {0, x1 * c1[0], cp[0]},
                new double[] {0, x1 * c1[1], cp[1]},
                Palette.dashed(Palette.GREEN, 1.5)));
        chart.annotate(new Annotation.Arrow(0, 0, c1[0], c1[1], "a₁", Palette.solid(Palette.GREY, 2)));
        chart.annotate(new Annotation.Arrow(0, 0, c2[0], c2[1], "a₂", Palette.solid(Palette.GREY, 2)));
        chart.annotate(new Annotation.Arrow(0, 0, cp[0], cp[1], "p", Palette.solid(Palette.GREEN, 2.5)));
        chart.annotate(new Annotation.Point(cp[0], cp[1], "b, seen from above", Palette.solid(Palette.BLUE, 8)));
        return chart.build();
    }

    /// For a line, $f(t) = \|b - t q\|$ along the line's unit direction $q$ (or along $a_1$ for a
    /// line given by one column): smallest at the least-squares coefficient, where it equals $\|b - p\|$.
    private static Chart distanceAlongTheLine(Projection pr) {
        Vector direction;
        double tHat;
        String what;
        if (pr.a().cols() == 1) {
            direction = pr.a().column(0);
            tHat = pr.xHat().get(0);
            what = "t (b is compared with t·a₁)";
        } else {
            direction = pr.basis().column(0);
            tHat = pr.p().dot(direction);
            what = "t (b is compared with t·q, q a unit vector along the line)";
        }
        double half = Math.max(2.0, 1.5 * Math.abs(tHat));
        int points = 201;
        double[] t = new double[points];
        double[] f = new double[points];
        for (int i = 0; i < points; i++) {
            t[i] = tHat - half + 2 * half * i / (points - 1);
            f[i] = pr.b().minus(direction.times(t[i])).norm2();
        }
        return Chart.builder("Distance from b to the points of the line")
                .x(Axis.of(what))
                .y(Axis.of("‖b − t·a‖"))
                .add(new Series.Line("‖b − t·a‖", t, f, Palette.solid(Palette.BLUE, 2)))
                .annotate(new Annotation.Point(
                        tHat, pr.residual().norm2(), "minimum ‖b − p‖ at t = x̂", Palette.solid(Palette.RED, 8)))
                .build();
    }

    private static void segment(List<Double> xs, List<Double> ys, double x0, double y0, double x1, double y1) {
        xs.add(x0);
        ys.add(y0);
        xs.add(x1);
        ys.add(y1);
        // A gap: a NaN ordinate (abscissae must stay finite) so the next segment is not joined to this one.
        xs.add(x1);
        ys.add(Double.NaN);
    }

    static double[] toArray(List<Double> values) {
        double[] out = new double[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i);
        }
        return out;
    }

    // ---------------------------------------------------------------- tables and notes

    private static Table vectorTable(Projection pr) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(row("b", pr.b()));
        rows.add(row("p = projection of b", pr.p()));
        rows.add(row("b − p", pr.residual()));
        rows.add(row("x̂ (least squares)", pr.xHat()));
        rows.add(row("Aᵀ(b − p)", pr.normalResidual()));
        return new Table("Vectors (components)", List.of("vector", "1", "2", "3"), rows);
    }

    private static List<Object> row(String name, Vector v) {
        List<Object> row = new ArrayList<>();
        row.add(name);
        for (int i = 0; i < 3; i++) {
            row.add(i < v.size() ? (Object) v.get(i) : "");
        }
        return row;
    }

    private static Table scalarTable(Projection pr) {
        double scale = pr.a().normFrobenius() * pr.b().norm2();
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("‖b − p‖, the distance from b to C(A)", pr.residual().norm2()));
        rows.add(List.of(
                "‖Aᵀ(b − p)‖ / (‖A‖_F ‖b‖)",
                scale == 0 ? 0.0 : pr.normalResidual().norm2() / scale));
        rows.add(List.of("‖Ax̂ − p‖", pr.a().times(pr.xHat()).minus(pr.p()).norm2()));
        rows.add(List.of("rank A", pr.rank()));
        for (int j = 0; j < pr.a().cols(); j++) {
            rows.add(List.of(
                    "angle between b − p and a" + (j + 1) + " (degrees)",
                    angle(pr.residual(), pr.a().column(j))));
        }
        return new Table("Checks", List.of("quantity", "value"), rows);
    }

    /// The angle between two vectors in degrees, or a dash when one of them is zero.
    private static Object angle(Vector x, Vector y) {
        double nx = x.norm2();
        double ny = y.norm2();
        if (nx == 0 || ny == 0) {
            return "— (a zero vector)";
        }
        double c = Math.max(-1, Math.min(1, x.dot(y) / (nx * ny)));
        return Math.toDegrees(Math.acos(c));
    }

    private static List<String> notes(Projection pr, boolean plane, Vector a1, Vector a2) {
        List<String> notes = new ArrayList<>();
        double r = pr.residual().norm2();
        notes.add("The residual has length $\\|b - p\\| = " + Format.num(r) + "$, the distance from $b$ to the"
                + " column space. $A^\\top(b - p)$ is zero in exact arithmetic (the normal equations); here its"
                + " entries are at most $" + Format.sci(pr.normalResidual().normInf())
                + "$, rounding error of a few units of $u \\approx 1.1 \\times 10^{-16}$ times $\\|A\\|\\,\\|b\\|$.");
        if (pr.rank() == 0) {
            notes.add("$A$ is zero, so its column space is the single point $0$: $p = 0$ and the residual is $b$"
                    + " itself.");
        } else if (plane && pr.rank() == 1) {
            String which = a1.norm2() == 0
                    ? "the first column is zero"
                    : a2.norm2() == 0 ? "the second column is zero" : "the two columns are parallel";
            notes.add("The columns do not span a plane: " + which + ", so $\\mathcal{C}(A)$ is a line and $b$ is"
                    + " projected onto it. $A^\\top A$ is singular, the normal equations have many solutions, and"
                    + " `leastSquares` returns the one of smallest norm, $\\hat x = A^+ b$.");
        }
        if (pr.rank() > 0 && r <= NEGLIGIBLE * Math.max(1, pr.b().norm2())) {
            notes.add("$b$ lies in the column space already, so $p = b$ and there is no residual to draw.");
        } else if (pr.rank() > 0
                && pr.p().norm2() <= NEGLIGIBLE * Math.max(1, pr.b().norm2())) {
            notes.add("$b$ is orthogonal to the column space, so its projection is $0$ and $b - p = b$.");
        }
        notes.add("The first chart is the plane through $0$, $b$ and $p$: since $b = p + (b - p)$ with $p$ in the"
                + " column space and $b - p$ normal to it, this plane meets the column space in the horizontal"
                + " axis and holds the residual vertically, so the right angle at $p$ is drawn true.");
        return notes;
    }
}
