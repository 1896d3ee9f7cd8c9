package dev.lemma.linalg;

import dev.lemma.numeric.Checks;
import dev.lemma.numeric.SingularMatrixException;
import dev.lemma.numeric.Tolerances;

/// Linear least squares, $\hat x = \arg\min_x \|A x - b\|_2$, solved to (nearly) full working accuracy
/// even for the ill-conditioned polynomial designs of NIST's StRD (Filip: $\kappa_2(A) \approx
/// 2 \times 10^{15}$).
///
/// The method, step by step:
///
/// 1. **Exact column scaling.** Column $j$ is multiplied by $d_j = 2^{-e_j}$, $e_j$ the binary exponent
///    of $\|a_j\|_2$: every column then has a norm in $[1, 2)$, and because the $d_j$ are powers of two
///    the scaled matrix $A D$ is computed *exactly*, so it poses the same problem, not a perturbed one.
///    Column equilibration removes the part of $\kappa_2$ that comes only from badly scaled columns
///    (van der Sluis 1969: it is within $\sqrt n$ of the best diagonal scaling): Filip drops from
///    $2 \times 10^{15}$ to $5 \times 10^9$.
/// 2. **Rank-revealing QR.** $B = A D P = Q R$ by Householder QR with column pivoting ([PivotedQr]).
///    The numerical rank is decided on the *scaled* matrix, by the rule $|r_{kk}| > \max(m,n)\,
///    \varepsilon\, |r_{00}|$; deciding it on $A$ itself, as NumPy's `lstsq` does, calls Filip rank
///    deficient and returns a useless minimum-norm answer.
/// 3. **Mixed-precision iterative refinement of the augmented system** (Björck 1967):
///    $\hat x$ and the residual $r = b - A\hat x$ together solve
///    $\begin{pmatrix} I & B \\ B^\top & 0 \end{pmatrix} \begin{pmatrix} r \\ z \end{pmatrix} =
///    \begin{pmatrix} b \\ 0 \end{pmatrix}$, $x = D P z$. Each step computes the residuals of *both*
///    block rows, $f = b - r - B z$ and $g = -B^\top r$, in double-double arithmetic (`twoProduct`
///    and `twoSum` error-free transformations, the `Dot2` scheme of [dev.lemma.numeric.Compensated]),
///    and solves for the corrections with the same QR factors. Refining $r$ as well as $z$ is what makes
///    this converge at the rate $c\,\kappa(B)\,u$ even when the residual is large; refining $z$ alone
///    (the Golub–Wilkinson scheme) converges only at rate $\kappa^2 u$ then.
///
/// The same refinement, with right-hand side $(0, -e_j)$, yields column $j$ of $(B^\top B)^{-1}$, from
/// which [#inverseGram()] builds $(A^\top A)^{-1}$ for the standard errors of a regression.
///
/// A rank-deficient or under-determined $A$ ($m < n$) gets the minimum-norm solution $A^+ b$, as NumPy's
/// `lstsq` does, here from the complete orthogonal decomposition ([#minimumNorm(Matrix, Vector)]).
///
/// Cost: $2 n^2 (m - n/3)$ flops for the factorisation, then about $10 m n$ per refinement step (the
/// double-double residuals), two or three steps on a well-conditioned problem.
///
/// Non-finite input is rejected, naming the row and column.
///
/// Book: chapter 1, sections "Orthogonality and projections: the normal equations" and "Least squares
/// via QR, and why it beats the normal equations".
///
/// References: Å. Björck, "Iterative refinement of linear least squares solutions I", BIT 7 (1967)
/// 257–278; Å. Björck, *Numerical Methods for Least Squares Problems* (SIAM 1996), §2.9; N. J. Higham,
/// *Accuracy and Stability of Numerical Algorithms*, 2nd ed. (SIAM 2002), §20.5; A. van der Sluis,
/// "Condition numbers and equilibration of matrices", Numer. Math. 14 (1969) 14–23.
final class LeastSquares {
    /// Refinement steps at most. Each step gains about $-\log_{10}(c\,\kappa u)$ digits, so three
    /// suffice for any problem on which refinement converges at all; ten leave room (Björck 1996, §2.9).
    static final int MAX_REFINEMENTS = 10;

    private final int m;
    private final int n;
    /// $B = A D P$, row-major `m×n`.
    private final double[] scaled;
    /// $d_{P(k)}$: the scale of column `k` of $B$.
    private final double[] columnScale;
    private final int[] permutation;
    private final PivotedQr qr;
    private final double[] packed;
    private final double[] tau;

    private LeastSquares(Matrix a) {
        this.m = a.rows();
        this.n = a.cols();
        double[] d = new double[n];
        for (int j = 0; j < n; j++) {
            double norm = a.column(j).norm2();
            // A power of two, so the scaling is exact; zero columns are left alone (and make A rank deficient).
            d[j] = norm == 0.0 ? 1.0 : Math.scalb(1.0, -Math.getExponent(norm));
        }
        double[] s = a.toRowMajorArray();
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                s[i * n + j] *= d[j];
            }
        }
        PivotedQr pqr = PivotedQr.of(Matrix.wrap(m, n, s));
        this.permutation = pqr.permutation();
        this.columnScale = new double[n];
        this.scaled = new double[m * n];
        for (int k = 0; k < n; k++) {
            int j = permutation[k];
            columnScale[k] = d[j];
            for (int i = 0; i < m; i++) {
                scaled[i * n + k] = s[i * n + j];
            }
        }
        this.qr = pqr;
        this.packed = pqr.packed().data();
        this.tau = pqr.tau();
    }

    /// Prepares the factorisation of `a`.
    ///
    /// @param a the design matrix
    /// @return the prepared solver
    /// @throws dev.lemma.numeric.NonFiniteValueException naming the first NaN or infinite entry
    static LeastSquares of(Matrix a) {
        a.requireFinite("A");
        return new LeastSquares(a);
    }

    /// @return whether the scaled matrix has full column rank, $m \ge n$ and no negligible $r_{kk}$
    boolean isFullRank() {
        return m >= n && qr.rank() == n;
    }

    /// @return the numerical rank of the scaled matrix $A D$
    int rank() {
        return qr.rank();
    }

    /// The least-squares solution for any $A$; see the class documentation.
    static Vector solve(Matrix a, Vector b) {
        Checks.dimensions(
                b.size() == a.rows(),
                "least squares: A is %s but b has length %d",
                Checks.shape(a.rows(), a.cols()),
                b.size());
        Checks.finite("b", b.data());
        LeastSquares ls = of(a);
        if (!ls.isFullRank()) {
            return minimumNorm(a, b);
        }
        return ls.refined(b.data(), new double[ls.n]).x();
    }

    /// The minimum-norm least-squares solution $A^+ b$ by the complete orthogonal decomposition
    /// (LAPACK `dgelsy`): $A P = Q \binom{R_1}{0}$ by pivoted QR with numerical rank $r$ (rows of $R$
    /// below $r$ are negligible and dropped), then $R_1^\top = W \binom{S}{0}$ by a second QR, so that
    /// $A = Q \binom{S^\top\;0}{0\;\;0} W^\top P^\top$. Of all $y = P^\top x$ with $S^\top (W^\top y)_{0..r} =
    /// (Q^\top b)_{0..r}$ the shortest sets the other components of $W^\top y$ to zero:
    /// $x = P W_{:,0..r} S^{-\top} (Q^\top b)_{0..r}$. No column scaling here, since scaling would change
    /// which solution is shortest. Cost: $O(mn\min(m,n))$, no SVD.
    static Vector minimumNorm(Matrix a, Vector b) {
        int m = a.rows();
        int n = a.cols();
        PivotedQr pqr = PivotedQr.of(a);
        int r = pqr.rank();
        double[] f = pqr.packed().data();
        double[] t = pqr.tau();
        double[] c = b.toArray();
        for (int k = 0; k < t.length; k++) {
            Householder.applyToVector(f, m, n, k, t[k], c);
        }
        double[] r1t = new double[n * r]; // R_1ᵀ, n×r
        for (int i = 0; i < r; i++) {
            for (int j = i; j < n; j++) {
                r1t[j * r + i] = f[i * n + j];
            }
        }
        Qr second = Qr.of(Matrix.wrap(n, r, r1t));
        double[] s = second.packed().data(); // S on and above the diagonal of the n×r array
        double[] w = new double[r];
        for (int i = 0; i < r; i++) { // Sᵀ w = c_{0..r}: forward substitution
            double sum = c[i];
            for (int k = 0; k < i; k++) {
                sum -= s[k * r + i] * w[k];
            }
            w[i] = sum / s[i * r + i];
        }
        double[] y = new double[n];
        System.arraycopy(w, 0, y, 0, r);
        double[] secondTau = second.tau();
        for (int k = secondTau.length - 1; k >= 0; k--) {
            Householder.applyToVector(s, n, r, k, secondTau[k], y);
        }
        int[] perm = pqr.permutation();
        double[] x = new double[n];
        for (int k = 0; k < n; k++) {
            x[perm[k]] = y[k];
        }
        return Vector.wrap(x);
    }

    /// A refined solution: the coefficients $x$ and the residual $r = b - A x$.
    record Solution(Vector x, Vector residual) {}

    /// Solves the augmented system with right-hand side $(b, c)$ (in $A$'s coordinates for $c$ scaled
    /// as $B$'s) and refines it; returns $x = D P z$ and $r$.
    Solution refined(double[] b, double[] c) {
        requireFullRank();
        double[] r = new double[m];
        double[] z = new double[n];
        refine(b, c, r, z);
        double[] x = new double[n];
        for (int k = 0; k < n; k++) {
            x[permutation[k]] = columnScale[k] * z[k];
        }
        return new Solution(Vector.wrap(x), Vector.wrap(r));
    }

    /// $(A^\top A)^{-1} = D P (B^\top B)^{-1} P^\top D$, column $k$ of $(B^\top B)^{-1}$ being the $z$ of
    /// the refined augmented system with right-hand side $(0, -e_k)$.
    ///
    /// @return $(A^\top A)^{-1}$, `n×n`
    Matrix inverseGram() {
        requireFullRank();
        double[] zero = new double[m];
        double[] c = new double[n];
        double[] r = new double[m];
        double[] z = new double[n];
        double[] g = new double[n * n];
        for (int k = 0; k < n; k++) {
            c[k] = -1.0;
            refine(zero, c, r, z);
            c[k] = 0.0;
            int jk = permutation[k];
            for (int l = 0; l < n; l++) {
                int jl = permutation[l];
                g[jl * n + jk] = columnScale[l] * columnScale[k] * z[l];
            }
        }
        // Symmetrise: the two triangles agree to the refinement's accuracy; average them so that the
        // result is exactly symmetric, as a covariance matrix must be.
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double v = 0.5 * (g[i * n + j] + g[j * n + i]);
                g[i * n + j] = v;
                g[j * n + i] = v;
            }
        }
        return Matrix.wrap(n, n, g);
    }

    private void requireFullRank() {
        if (!isFullRank()) {
            throw new SingularMatrixException(
                    "A (%s) does not have full column rank: its column-scaled QR factor has numerical rank %d < %d"
                            .formatted(Checks.shape(m, n), qr.rank(), n));
        }
    }

    /// Mixed-precision refinement of $\begin{pmatrix} I & B \\ B^\top & 0 \end{pmatrix}
    /// \begin{pmatrix} r \\ z \end{pmatrix} = \begin{pmatrix} f \\ g \end{pmatrix}$, overwriting `r` and `z`.
    private void refine(double[] f, double[] g, double[] r, double[] z) {
        augmentedSolve(f, g, r, z);
        double[] fr = new double[m];
        double[] gr = new double[n];
        double[] dr = new double[m];
        double[] dz = new double[n];
        double previous = Double.POSITIVE_INFINITY;
        for (int step = 0; step < MAX_REFINEMENTS; step++) {
            for (int i = 0; i < m; i++) {
                fr[i] = rowResidual(f[i], r[i], i, z);
            }
            for (int j = 0; j < n; j++) {
                gr[j] = columnResidual(g[j], j, r);
            }
            augmentedSolve(fr, gr, dr, dz);
            double change = Math.max(relativeChange(dz, z), relativeChange(dr, r));
            for (int j = 0; j < n; j++) {
                z[j] += dz[j];
            }
            for (int i = 0; i < m; i++) {
                r[i] += dr[i];
            }
            // Converged to working precision, or no longer contracting (the limiting accuracy is reached).
            if (change <= Tolerances.UNIT_ROUNDOFF || change > 0.5 * previous) {
                break;
            }
            previous = change;
        }
    }

    private static double relativeChange(double[] delta, double[] x) {
        double d = Vector.wrap(delta).normInf();
        if (d == 0.0) {
            return 0.0;
        }
        double s = Vector.wrap(x).normInf();
        return s == 0.0 ? Double.POSITIVE_INFINITY : d / s;
    }

    /// $f_i - r_i - \sum_j b_{ij} z_j$ in double-double (Ogita–Rump–Oishi `Dot2`): every product is split
    /// exactly by an FMA, every sum by `twoSum`, and the errors are added on the side.
    private double rowResidual(double fi, double ri, int i, double[] z) {
        double p = fi;
        double s = 0.0;
        // p ← p − r_i, exactly as p' + e
        double q = p - ri;
        double bv = q - p;
        s += (p - (q - bv)) + (-ri - bv);
        p = q;
        int row = i * n;
        for (int j = 0; j < n; j++) {
            double h = -scaled[row + j] * z[j];
            double e = Math.fma(-scaled[row + j], z[j], -h);
            q = p + h;
            bv = q - p;
            s += (p - (q - bv)) + (h - bv) + e;
            p = q;
        }
        return p + s;
    }

    /// $g_j - \sum_i b_{ij} r_i$ in double-double, like [#rowResidual].
    private double columnResidual(double gj, int j, double[] r) {
        double p = gj;
        double s = 0.0;
        for (int i = 0; i < m; i++) {
            double h = -scaled[i * n + j] * r[i];
            double e = Math.fma(-scaled[i * n + j], r[i], -h);
            double q = p + h;
            double bv = q - p;
            s += (p - (q - bv)) + (h - bv) + e;
            p = q;
        }
        return p + s;
    }

    /// Solves $\begin{pmatrix} I & B \\ B^\top & 0 \end{pmatrix} \begin{pmatrix} r \\ z \end{pmatrix} =
    /// \begin{pmatrix} f \\ g \end{pmatrix}$ with $B = Q \binom{R}{0}$: $R^\top h = g$,
    /// $d = Q^\top f$, $R z = d_{0..n} - h$, $r = Q \binom{h}{d_{n..m}}$. (Then $B^\top r = R^\top h = g$
    /// and $r + B z = Q \binom{h + d_1 - h}{d_2} = f$.)
    private void augmentedSolve(double[] f, double[] g, double[] r, double[] z) {
        double[] h = new double[n];
        for (int i = 0; i < n; i++) {
            double s = g[i];
            for (int k = 0; k < i; k++) {
                s -= packed[k * n + i] * h[k];
            }
            h[i] = s / packed[i * n + i];
        }
        double[] d = f.clone();
        for (int k = 0; k < n; k++) {
            Householder.applyToVector(packed, m, n, k, tau[k], d);
        }
        for (int i = n - 1; i >= 0; i--) {
            double s = d[i] - h[i];
            for (int j = i + 1; j < n; j++) {
                s -= packed[i * n + j] * z[j];
            }
            z[i] = s / packed[i * n + i];
        }
        System.arraycopy(h, 0, d, 0, n);
        for (int k = n - 1; k >= 0; k--) {
            Householder.applyToVector(packed, m, n, k, tau[k], d);
        }
        System.arraycopy(d, 0, r, 0, m);
    }
}
