package dev.lemma.linalg;

import dev.lemma.numeric.ConvergenceException;
import dev.lemma.numeric.Tolerances;

/// Eigenvalues and eigenvectors of an upper Hessenberg matrix $H$ by Francis's double-shift QR
/// iteration and back substitution.
///
/// The iteration computes the real Schur form $T = Z^\top H Z$: $Z$ orthogonal, $T$ upper
/// quasi-triangular with 1×1 diagonal blocks for real eigenvalues and standardised 2×2 blocks
/// $\begin{pmatrix} \alpha & \beta \\ \gamma & \alpha \end{pmatrix}$, $\beta\gamma < 0$, for complex
/// pairs $\alpha \pm i \sqrt{-\beta\gamma}$. An eigenvector $y$ of $T$ then follows by back
/// substitution, and $x = Z y$ is an eigenvector of $H$ (of $A$, when $Z$ starts as the $Q$ of
/// $A = Q H Q^\top$). In four steps:
///
/// 1. **Deflation.** The subdiagonal entry $h_{k,k-1}$ is negligible, and set to zero, when it is
///    below a tiny absolute floor, or when both $|h_{k,k-1}| \le \varepsilon (|h_{k-1,k-1}| +
///    |h_{kk}|)$ (the "small subdiagonal" test of EISPACK `hqr` and Golub and Van Loan §7.5.1) and
///    Ahues and Tisseur's sharper test holds (see [#negligible]). Then $H$ splits into independent
///    blocks, and the iteration works on the lowest unreduced one, rows and columns $lo \dots hi$.
/// 2. **Francis step.** With shifts $\sigma_1, \sigma_2$ the eigenvalues of the trailing 2×2 block,
///    a QR step for $(H - \sigma_1 I)(H - \sigma_2 I)$ is done implicitly: a 3×3 reflector built
///    from the first column of that product, which has three nonzero entries, creates a bulge below
///    the subdiagonal, and reflectors $P_k$ chase it down and out (the implicit Q theorem makes the
///    result the explicit double step's; GVL Algorithm 7.5.1). Real arithmetic throughout, even for
///    complex shifts, because only $\sigma_1 + \sigma_2$ and $\sigma_1 \sigma_2$ enter. Each $P_k$
///    is applied to all of $H$, so that $T$ is the complete Schur form, and accumulated into $Z$.
///    The trailing entry $h_{hi,hi-1}$ typically converges quadratically to 0, and a complex pair
///    shows as a trailing 2×2 block that splits off. When the trailing block's eigenvalues are real,
///    the one nearer $h_{hi,hi}$ is used twice, and the bulge starts at the lowest row $m \ge lo$
///    where two consecutive subdiagonal entries are small enough ([#bulgeStart]), as in LAPACK
///    `dlahqr`.
/// 3. **2×2 blocks.** A deflated 2×2 block is rotated into standard form: triangular when its
///    eigenvalues are real, equal diagonal entries when they are complex.
/// 4. **Eigenvectors.** $(T - \lambda I) y = 0$ is solved upward from $y_k = 1$ (GVL §7.6.4);
///    the 2×2 blocks of $T$ take 2×2 solves, a complex $\lambda$ complex arithmetic.
///
/// Cost: with the Hessenberg reduction, about $25 n^3$ flops for $T$ and $Z$ (GVL §7.5.6, which
/// counts two Francis steps per eigenvalue), then $\tfrac43 n^3$ for the eigenvectors. Non-finite
/// input makes the iteration fail to converge.
///
/// References: J. G. F. Francis, "The QR transformation: a unitary analogue to the LR
/// transformation", *Computer Journal* 4 (1961/62), parts 1 and 2; J. H. Wilkinson, *The Algebraic
/// Eigenvalue Problem*, Oxford, 1965, chapter 8; G. H. Golub and C. F. Van Loan, *Matrix
/// Computations*, 4th ed., 2013, §7.5–7.6; B. T. Smith et al., *Matrix Eigensystem Routines –
/// EISPACK Guide*, Springer, 1976 (`hqr2`); E. Anderson et al., *LAPACK Users' Guide*, 3rd ed.,
/// SIAM, 1999 (`dlahqr`, `dlanv2`, `dtrevc`); M. Ahues and F. Tisseur, "A new deflation criterion
/// for the QR algorithm", LAPACK Working Note 122, 1997.
final class FrancisQr {
    private FrancisQr() {}

    private static final double EPS = Tolerances.MACHINE_EPSILON;

    /// Iterations without a deflation after which the shifts are replaced by exceptional ones, and
    /// again after each further 10: EISPACK `hqr` does so after 10 and 20, LAPACK `dlahqr` every 10.
    /// Ordinary shifts can cycle without progress: on the cyclic permutation matrix every Francis
    /// step returns a permutation matrix.
    private static final int EXCEPTIONAL_SHIFT_PERIOD = 10;

    /// The exceptional shifts are the eigenvalues $h + 0.75 s \pm i \sqrt{0.4375}\, s$ of
    /// $\begin{pmatrix} h + 0.75 s & -0.4375 s \\ s & h + 0.75 s \end{pmatrix}$, where $s$ is the sum
    /// of two subdiagonal magnitudes next to the diagonal entry $h$: Wilkinson's ad hoc shift, as in
    /// EISPACK `hqr` and LAPACK `dlahqr` (its constants `DAT1` $= 3/4$ and `DAT2` $= -0.4375$).
    private static final double EXCEPTIONAL_OFFSET = 0.75;

    private static final double EXCEPTIONAL_PRODUCT = -0.4375;

    /// Two shifts given as the eigenvalues of $\begin{pmatrix} a & b \\ c & d \end{pmatrix}$; only
    /// $a$, $d$ and the product $bc$ matter.
    private record Shifts(double a, double d, double bc) {}

    /// Runs the QR iteration and back substitution.
    ///
    /// On entry `h` is upper Hessenberg and `v` an orthogonal $Q$ (the identity, or the $Q$ of
    /// $A = Q H Q^\top$); on return `wr` and `wi` hold the eigenvalues (a complex pair at $j, j+1$ has
    /// `wi[j] > 0`, `wi[j+1] = -wi[j]`) and `v` the eigenvectors of $Q H Q^\top$: column $j$ for a
    /// real eigenvalue; columns $j$ and $j+1$ the real and imaginary parts of the eigenvector of
    /// $w_r + i w_i$ for a pair. `h` is overwritten with the real Schur form $T$.
    ///
    /// @throws ConvergenceException after $30 \max(n, 10)$ iterations without a deflation, naming the count
    static void solve(double[] h, double[] v, int n, double[] wr, double[] wi) {
        schur(h, v, n, wr, wi);
        double[] y = SchurVectors.of(h, n);
        double[] x = new double[n * n];
        // x_k = Z y_k, where y_k has nonzero entries 0 .. k only (0 .. k+1 for the imaginary part of a
        // pair, whose first row holds the real part and has entry k+1 zero).
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                x[i * n + k] = Dots.dot(v, i * n, y, k * n, k + 1);
            }
        }
        System.arraycopy(x, 0, v, 0, n * n);
    }

    /// Reduces the upper Hessenberg `h` to real Schur form $T = Z^\top H Z$ in place and accumulates
    /// $z \leftarrow z Z$; the eigenvalues go to `wr` and `wi` as in [#solve].
    ///
    /// The budget, $30 \max(n, 10)$ iterations, is counted from the last deflation, as LAPACK `dlahqr`
    /// counts (its iteration counter restarts whenever a block splits off, although its comment calls
    /// the budget a total). On clusters of nearly defective eigenvalues the number of steps one
    /// deflation takes is heavy-tailed: until the subdiagonal entry between two nearly equal groups is
    /// below about the square of their separation, the trailing 2×2 block's shifts do not resolve the
    /// cluster, and the entry's logarithm wanders like a random walk. Over 10 000 hidden 12×12 nilpotent
    /// matrices with Jordan blocks of size 3 one deflation took at most 345 steps, but one matrix
    /// needed 372 in total.
    ///
    /// @throws ConvergenceException after $30 \max(n, 10)$ iterations without a deflation, naming
    ///     the count and the rows left
    static void schur(double[] h, double[] z, int n, double[] wr, double[] wi) {
        int limit = Tolerances.QR_ITERATIONS_PER_EIGENVALUE * Math.max(n, 10);
        int sinceDeflation = 0;
        double[] bulge = new double[3];
        int hi = n - 1;
        while (hi >= 0) {
            int lo = unreducedBlockStart(h, n, hi);
            if (lo == hi) {
                wr[hi] = h[hi * n + hi];
                wi[hi] = 0.0;
                hi -= 1;
                sinceDeflation = 0;
            } else if (lo == hi - 1) {
                standardiseBlock(h, z, n, lo, wr, wi);
                hi -= 2;
                sinceDeflation = 0;
            } else {
                if (sinceDeflation == limit) {
                    throw new ConvergenceException(
                            "Francis QR on a %d×%d Hessenberg matrix did not converge: %d iterations without a deflation (rows %d..%d left)"
                                    .formatted(n, n, limit, lo, hi));
                }
                sinceDeflation++;
                francisStep(h, z, n, lo, hi, shifts(h, n, lo, hi, sinceDeflation), bulge);
            }
        }
    }

    /// The first row `lo` of the unreduced block that ends at row `hi`: scanning up from `hi`, the
    /// first [negligible][#negligible] subdiagonal entry $h_{lo,lo-1}$ is set to zero; `lo = 0` if
    /// there is none.
    private static int unreducedBlockStart(double[] h, int n, int hi) {
        for (int k = hi; k > 0; k--) {
            if (negligible(h, n, k)) {
                h[k * n + k - 1] = 0.0;
                return k;
            }
        }
        return 0;
    }

    /// Whether setting $h_{k,k-1}$ to zero perturbs $H$ by no more than rounding already has, in
    /// three tests (LAPACK `dlahqr`):
    ///
    /// 1. $|h_{k,k-1}| \le \text{floor} = \lambda_{\min} n / \varepsilon$, $\lambda_{\min}$ the
    ///    smallest normal double: about $10^{-290}$, so that the relative tests never wait on
    ///    entries drifting into the subnormal range.
    /// 2. $|h_{k,k-1}| \le \varepsilon (|h_{k-1,k-1}| + |h_{kk}|)$, the classical test, necessary
    ///    for the next; when both diagonal entries are 0 the neighbouring subdiagonal entries
    ///    $|h_{k-1,k-2}| + |h_{k+1,k}|$ stand in for their sum.
    /// 3. Ahues and Tisseur's test on the 2×2 block
    ///    $\begin{pmatrix} a & b \\ c & d \end{pmatrix}$ at rows $k-1, k$:
    ///    $|b c| \le \varepsilon |d| \, |a - d|$. Zeroing $c$ moves the eigenvalue near $d$ by about
    ///    $bc / (a - d)$, so this keeps it within $\varepsilon |d|$ of where it was: small eigenvalues
    ///    keep their relative accuracy even when $|b| \gg |a|, |d|$, where test 2 alone would not.
    ///    Both sides are evaluated as products of factors divided by
    ///    $s = \max(|d|, |a - d|) + \max(|b|, |c|)$ so that nothing overflows or underflows.
    private static boolean negligible(double[] h, int n, int k) {
        double floor = Double.MIN_NORMAL * (n / EPS);
        double c = Math.abs(h[k * n + k - 1]);
        if (c <= floor) {
            return true;
        }
        double a = h[(k - 1) * n + k - 1];
        double d = h[k * n + k];
        double diagonal = Math.abs(a) + Math.abs(d);
        if (diagonal == 0.0) {
            diagonal = (k >= 2 ? Math.abs(h[(k - 1) * n + k - 2]) : 0.0)
                    + (k + 1 < n ? Math.abs(h[(k + 1) * n + k]) : 0.0);
        }
        if (c > EPS * diagonal) {
            return false;
        }
        double b = Math.abs(h[(k - 1) * n + k]);
        double gap = Math.abs(a - d);
        double offLarge = Math.max(b, c);
        double offSmall = Math.min(b, c);
        double onLarge = Math.max(Math.abs(d), gap);
        double onSmall = Math.min(Math.abs(d), gap);
        double s = onLarge + offLarge;
        return offSmall * (offLarge / s) <= Math.max(floor, EPS * (onSmall * (onLarge / s)));
    }

    /// The shifts for the next step on rows `lo .. hi`: the eigenvalues of the trailing 2×2 block
    /// (Francis; see [#trailingShifts]), or exceptional ones every [#EXCEPTIONAL_SHIFT_PERIOD]
    /// iterations without deflation, built alternately from the top and the bottom of the block (as
    /// LAPACK `dlahqr`).
    private static Shifts shifts(double[] h, int n, int lo, int hi, int sinceDeflation) {
        if (sinceDeflation % EXCEPTIONAL_SHIFT_PERIOD != 0) {
            return trailingShifts(h[(hi - 1) * n + hi - 1], h[(hi - 1) * n + hi], h[hi * n + hi - 1], h[hi * n + hi]);
        }
        boolean fromTop = sinceDeflation % (2 * EXCEPTIONAL_SHIFT_PERIOD) != 0;
        double s;
        double diagonal;
        if (fromTop) {
            s = Math.abs(h[(lo + 1) * n + lo]) + Math.abs(h[(lo + 2) * n + lo + 1]);
            diagonal = h[lo * n + lo];
        } else {
            s = Math.abs(h[hi * n + hi - 1]) + Math.abs(h[(hi - 1) * n + hi - 2]);
            diagonal = h[hi * n + hi];
        }
        double centre = diagonal + EXCEPTIONAL_OFFSET * s;
        return new Shifts(centre, centre, EXCEPTIONAL_PRODUCT * s * s);
    }

    /// The eigenvalues of the trailing block $\begin{pmatrix} a & b \\ c & d \end{pmatrix}$ as shifts.
    /// A complex pair is used as it is. Real eigenvalues $d + p \pm \sqrt{p^2 + bc}$, $p = (a - d)/2$,
    /// are replaced by the one nearer $d$, taken twice (as LAPACK `dlahqr` does): $d$
    /// estimates the eigenvalue about to converge at the bottom, and the double step's convergence
    /// factor for it is the product of the two shifts' distances to it, so a second shift near the
    /// other eigenvalue would spend half the step elsewhere. The nearer one is
    /// $d - bc / (p + \operatorname{sign}(p) \sqrt{p^2 + bc})$, which does not cancel.
    private static Shifts trailingShifts(double a, double b, double c, double d) {
        double p = (a - d) / 2;
        double scale = Math.max(Math.abs(p), Math.max(Math.abs(b), Math.abs(c)));
        if (scale == 0.0) {
            return new Shifts(d, d, 0.0);
        }
        double discriminant = (p / scale) * (p / scale) + (b / scale) * (c / scale);
        if (discriminant < 0.0) {
            return new Shifts(a, d, b * c);
        }
        double denominator = p + Math.copySign(scale * Math.sqrt(discriminant), p);
        double nearer = denominator == 0.0 ? d : d - b / denominator * c;
        return new Shifts(nearer, nearer, 0.0);
    }

    /// One Francis double-shift step on the unreduced block `lo .. hi` (at least 3×3), applied to all
    /// of `h` and accumulated into `z` (GVL Algorithm 7.5.1), with the bulge started at row
    /// [m][#bulgeStart] $\ge lo$. `bulge` is scratch of length 3.
    private static void francisStep(double[] h, double[] z, int n, int lo, int hi, Shifts shifts, double[] bulge) {
        int m = bulgeStart(h, n, lo, hi, shifts, bulge);
        for (int k = m; k <= hi - 2; k++) {
            if (k > m) { // the bulge: column k-1, rows k .. k+2
                for (int t = 0; t < 3; t++) {
                    bulge[t] = h[(k + t) * n + k - 1];
                }
            }
            double tau = Reflectors.generate(bulge, 0, 3);
            if (k > m) {
                h[k * n + k - 1] = bulge[0];
                h[(k + 1) * n + k - 1] = 0.0;
                h[(k + 2) * n + k - 1] = 0.0;
            } else if (m > lo) {
                // The first reflector's fill in column m-1, rows m+1 and m+2, is negligible by the
                // choice of m and is dropped; row m keeps (1 − τ) h[m][m-1].
                h[m * n + m - 1] *= 1.0 - tau;
            }
            if (tau == 0.0) {
                continue;
            }
            double v1 = bulge[1];
            double v2 = bulge[2];
            reflectRows(h, n, k, v1, v2, tau);
            reflectColumns(h, n, k, v1, v2, tau, Math.min(k + 3, hi));
            reflectColumns(z, n, k, v1, v2, tau, n - 1);
        }
        // The last bulge entry h[hi][hi-2] needs only a 2-vector: a plane rotation does the job of
        // GVL's 2×2 reflector.
        double p = h[(hi - 1) * n + hi - 2];
        double q = h[hi * n + hi - 2];
        double r = Math.hypot(p, q);
        if (r != 0.0) {
            rotate(h, z, n, hi - 1, hi - 2, p / r, q / r);
            h[(hi - 1) * n + hi - 2] = r;
            h[hi * n + hi - 2] = 0.0;
        }
    }

    /// The row $m$, `lo ≤ m ≤ hi-2`, at which the step's bulge starts, with `bulge` set to the
    /// direction of the first column of $(H - \sigma_1 I)(H - \sigma_2 I)$ restricted to rows
    /// $m \dots hi$ ([#firstColumn]).
    ///
    /// Starting at $m > lo$ treats $h_{m,m-1}$ as if the block split there: the first reflector $P$
    /// (rows $m \dots m+2$, $P x = \beta e_1$ for that column $x$, $|\beta| = \|x\|_2$) leaves
    /// $(1 - \tau) h_{m,m-1}$ in row $m$ and fills rows $m+1, m+2$ of column $m-1$ with
    /// $-(x_2 / \beta) h_{m,m-1}$ and $-(x_3 / \beta) h_{m,m-1}$. That fill is dropped when it is
    /// negligible next to the diagonal, $|h_{m,m-1}| (|x_2| + |x_3|) \le \varepsilon |x_1|
    /// (|h_{m-1,m-1}| + |h_{mm}| + |h_{m+1,m+1}|)$: two consecutive subdiagonal entries, $h_{m,m-1}$ and
    /// the $h_{m+1,m}$ inside $x_2, x_3$, are small together. The search runs up from $hi - 2$ and
    /// takes the first such $m$, else $lo$ (Wilkinson 1965, chapter 8; EISPACK `hqr`; LAPACK
    /// `dlahqr`). The step then works on rows $m \dots hi$ only.
    private static int bulgeStart(double[] h, int n, int lo, int hi, Shifts shifts, double[] bulge) {
        for (int m = hi - 2; m > lo; m--) {
            firstColumn(h, n, m, shifts, bulge);
            double fill = Math.abs(h[m * n + m - 1]) * (Math.abs(bulge[1]) + Math.abs(bulge[2]));
            double diagonal =
                    Math.abs(h[(m - 1) * n + m - 1]) + Math.abs(h[m * n + m]) + Math.abs(h[(m + 1) * n + m + 1]);
            if (fill <= EPS * Math.abs(bulge[0]) * diagonal) {
                return m;
            }
        }
        firstColumn(h, n, lo, shifts, bulge);
        return lo;
    }

    /// `bulge` $\leftarrow$ the first column of $M = (H - \sigma_1 I)(H - \sigma_2 I) = H^2 - (a + d) H
    /// + (ad - bc) I$ for the block starting at row $m$, scaled to unit 1-norm; only its direction
    /// matters. Its three nonzero entries, indices counted from $m$, are $h_{21} s$ times
    /// $((h_{11} - a)(h_{11} - d) - bc) / h_{21} + h_{12}$, $(h_{11} - a) + (h_{22} - d)$, $h_{32}$.
    /// Written with the differences $h_{11} - a$, $h_{11} - d$ they keep their accuracy when the shifts
    /// are close to $h_{11}$ (EISPACK `hqr` does the same); multiplied by $h_{21} / s$, with
    /// $s = |h_{11} - a| + |h_{11} - d| + \sqrt{|bc|} + |h_{21}|$, instead of divided by $h_{21}$
    /// they cannot overflow when $h_{21}$ is tiny (LAPACK `dlahqr` scales the same way).
    private static void firstColumn(double[] h, int n, int m, Shifts shifts, double[] bulge) {
        int top = m * n + m;
        double h11 = h[top];
        double h12 = h[top + 1];
        double h21 = h[top + n];
        double h22 = h[top + n + 1];
        double h32 = h[top + 2 * n + 1];
        double x = h11 - shifts.a();
        double y = h11 - shifts.d();
        double s = Math.abs(x) + Math.abs(y) + Math.sqrt(Math.abs(shifts.bc())) + Math.abs(h21);
        double r = h21 / s;
        bulge[0] = r * h12 + x * (y / s) - shifts.bc() / s;
        bulge[1] = r * (x + (h22 - shifts.d()));
        bulge[2] = r * h32;
        double size = Math.abs(bulge[0]) + Math.abs(bulge[1]) + Math.abs(bulge[2]);
        if (size > 0.0) { // 0 only if everything underflowed; then no reflector is made
            for (int t = 0; t < 3; t++) {
                bulge[t] /= size;
            }
        }
    }

    /// Rows `k .. k+2` of `h`, columns `k .. n-1`, $\leftarrow (I - \tau v v^\top)$ times them, with
    /// $v = (1, v_1, v_2)$.
    private static void reflectRows(double[] h, int n, int k, double v1, double v2, double tau) {
        int r0 = k * n;
        int r1 = r0 + n;
        int r2 = r1 + n;
        for (int j = k; j < n; j++) {
            double s = tau * (h[r0 + j] + v1 * h[r1 + j] + v2 * h[r2 + j]);
            h[r0 + j] -= s;
            h[r1 + j] -= s * v1;
            h[r2 + j] -= s * v2;
        }
    }

    /// Columns `k .. k+2` of `a`, rows `0 .. lastRow`, $\leftarrow$ them times $(I - \tau v v^\top)$.
    private static void reflectColumns(double[] a, int n, int k, double v1, double v2, double tau, int lastRow) {
        for (int i = 0; i <= lastRow; i++) {
            int c = i * n + k;
            double s = tau * (a[c] + v1 * a[c + 1] + v2 * a[c + 2]);
            a[c] -= s;
            a[c + 1] -= s * v1;
            a[c + 2] -= s * v2;
        }
    }

    /// The similarity $H \leftarrow G^\top H G$, $Z \leftarrow Z G$ with the plane rotation
    /// $G = \begin{pmatrix} c & -s \\ s & c \end{pmatrix}$ in rows and columns $k, k+1$: rows from
    /// column `firstColumn` on (the entries to its left are zero), columns over rows `0 .. k+1` (the
    /// entries below are zero), and all of $Z$'s rows.
    private static void rotate(double[] h, double[] z, int n, int k, int firstColumn, double c, double s) {
        int r0 = k * n;
        int r1 = r0 + n;
        for (int j = firstColumn; j < n; j++) {
            double x = h[r0 + j];
            double y = h[r1 + j];
            h[r0 + j] = c * x + s * y;
            h[r1 + j] = c * y - s * x;
        }
        rotateColumns(h, n, k, k + 1, c, s);
        rotateColumns(z, n, k, n - 1, c, s);
    }

    private static void rotateColumns(double[] a, int n, int k, int lastRow, double c, double s) {
        for (int i = 0; i <= lastRow; i++) {
            int at = i * n + k;
            double x = a[at];
            double y = a[at + 1];
            a[at] = c * x + s * y;
            a[at + 1] = c * y - s * x;
        }
    }

    /// Brings the deflated 2×2 block $B = \begin{pmatrix} a & b \\ c & d \end{pmatrix}$ at rows and
    /// columns `k, k+1` into standard form by a rotation, and records its eigenvalues.
    ///
    /// The eigenvalues are $m \pm \sqrt{p^2 + bc}$ with $m = (a + d)/2$, $p = (a - d)/2$. A rotation
    /// keeps $a + d$ and $b - c$. If $p^2 + bc < 0$ they are complex: the rotation by $\theta$ with
    /// $\tan 2\theta = -(a - d)/(b + c)$ makes the diagonal entries equal, $a' = d' = m$, and then
    /// $b'c' = p^2 + bc < 0$ and the eigenvalues are $m \pm i \sqrt{|b'|} \sqrt{|c'|}$. Rounding may
    /// leave $b'c' \ge 0$ for a nearly double real eigenvalue; then, and whenever $p^2 + bc \ge 0$,
    /// [#splitRealBlock] makes the block triangular. The idea is LAPACK's `dlanv2`.
    private static void standardiseBlock(double[] h, double[] z, int n, int k, double[] wr, double[] wi) {
        int at = k * n + k;
        double a = h[at];
        double b = h[at + 1];
        double c = h[at + n];
        double d = h[at + n + 1];
        double scale = Math.max(Math.abs(a - d) / 2, Math.max(Math.abs(b), Math.abs(c)));
        double p = (a - d) / 2 / scale;
        if (p * p + (b / scale) * (c / scale) < 0.0) {
            double sigma = b + c;
            double tau = Math.hypot(sigma, a - d);
            if (tau != 0.0) {
                // Half-angle formulas from cos 2θ = |σ|/τ ≥ 0 (so |θ| ≤ π/4) and sin 2θ.
                double cos = Math.sqrt(0.5 * (1.0 + Math.abs(sigma) / tau));
                double sin = -(a - d) * Math.copySign(1.0, sigma) / (2.0 * tau * cos);
                rotate(h, z, n, k, k, cos, sin);
            }
            // The trace is invariant, so the mean comes from the block before the rotation's rounding.
            double mean = 0.5 * (a + d);
            h[at] = mean;
            h[at + n + 1] = mean;
            double b1 = h[at + 1];
            double c1 = h[at + n];
            if (b1 * c1 < 0.0) {
                wr[k] = mean;
                wr[k + 1] = mean;
                wi[k] = Math.sqrt(Math.abs(b1)) * Math.sqrt(Math.abs(c1));
                wi[k + 1] = -wi[k];
                return;
            }
        }
        splitRealBlock(h, z, n, k, wr, wi);
    }

    /// Makes the 2×2 block at `k, k+1`, whose eigenvalues are real, upper triangular.
    ///
    /// With $p = (a - d)/2$ and $\zeta = p + \operatorname{sign}(p) \sqrt{p^2 + bc}$ (the sign chosen
    /// so that nothing cancels), $\lambda_1 = d + \zeta$ has the eigenvector $(\zeta, c)$, and the
    /// rotation whose first column is that vector normalised gives
    /// $\begin{pmatrix} \lambda_1 & b - c \\ 0 & \lambda_2 \end{pmatrix}$, where
    /// $\lambda_2 = d - bc/\zeta$ follows from $(\lambda_1 - d)(\lambda_2 - d) = -bc$ without the
    /// cancellation in $a - \zeta$.
    private static void splitRealBlock(double[] h, double[] z, int n, int k, double[] wr, double[] wi) {
        int at = k * n + k;
        double a = h[at];
        double b = h[at + 1];
        double c = h[at + n];
        double d = h[at + n + 1];
        wi[k] = 0.0;
        wi[k + 1] = 0.0;
        if (c == 0.0) {
            wr[k] = a;
            wr[k + 1] = d;
            return;
        }
        double p = (a - d) / 2;
        double scale = Math.max(Math.abs(p), Math.max(Math.abs(b), Math.abs(c)));
        double root = scale * Math.sqrt(Math.max(0.0, (p / scale) * (p / scale) + (b / scale) * (c / scale)));
        double zeta = p + Math.copySign(root, p);
        double lambda1 = d + zeta;
        double lambda2 = zeta == 0.0 ? d : d - b / zeta * c;
        double r = Math.hypot(zeta, c);
        rotate(h, z, n, k, k, zeta / r, c / r);
        h[at] = lambda1;
        h[at + 1] = b - c;
        h[at + n] = 0.0;
        h[at + n + 1] = lambda2;
        wr[k] = lambda1;
        wr[k + 1] = lambda2;
    }
}
