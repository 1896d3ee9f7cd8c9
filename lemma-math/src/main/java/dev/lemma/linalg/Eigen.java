package dev.lemma.linalg;

import java.util.Arrays;

/// The eigenvalues and eigenvectors of a real square matrix, $A x_j = \lambda_j x_j$, where
/// $\lambda_j = a_j + i b_j$ may be complex; complex eigenvalues of a real matrix come in conjugate
/// pairs $\lambda, \bar\lambda$ with eigenvectors $x, \bar x$.
///
/// Stored as four real parts: `realParts()` $a_j$ and `imaginaryParts()` $b_j$ (vectors of length
/// $n$), and `realVectors()`, `imaginaryVectors()` ($n \times n$), whose column $j$ holds
/// $\mathrm{Re}\,x_j$ and $\mathrm{Im}\,x_j$. The eigenvalues are **sorted by real part, then by
/// imaginary part**, both ascending, so a conjugate pair appears as $a - ib$ then $a + ib$ (NumPy's
/// `sort_complex` order). Each eigenvector has unit 2-norm $\sum_k |x_{kj}|^2 = 1$, and its
/// largest-modulus component is real and positive (LAPACK `dgeev` makes it real; positive fixes the
/// sign too).
///
/// Computed in four stages: balancing, a diagonal similarity $D^{-1} A D$ by powers of 2 that makes
/// row and column norms comparable (EISPACK `balanc`; exact, and it improves the accuracy of the
/// eigenvalues of badly scaled matrices); Householder reduction to Hessenberg form ([Hessenberg]);
/// Francis double-shift QR to real Schur form and back-substitution for the eigenvectors
/// ([FrancisQr]); then $x = D x'$, normalisation and sorting. About $25 n^3$ flops.
///
/// Accuracy: the eigenvalues are exact for some $A + E$ with $\|E\| = O(n u \|A\|)$, but unlike the
/// symmetric case an eigenvalue can move by much more than $\|E\|$: by about $\|E\| / s_j$, where
/// $s_j = |y_j^* x_j|$ is the cosine between left and right eigenvectors (Wilkinson). Eigenvalues of
/// defective or nearly defective matrices are sensitive, and their computed eigenvectors nearly
/// parallel.
///
/// Book: chapter 1, section "Eigenvalues and diagonalisation".
///
/// References: G. H. Golub and C. F. Van Loan, *Matrix Computations*, 4th ed., 2013, §7.4–7.6
/// (Algorithm 7.5.2); B. T. Smith et al., *Matrix Eigensystem Routines – EISPACK Guide*, 2nd ed.,
/// Springer, 1976 (`balanc`, `orthes`, `hqr2`); B. N. Parlett and C. Reinsch, "Balancing a matrix for
/// calculation of eigenvalues and eigenvectors", Numer. Math. 13, 1969.
///
/// @param realParts $a_j = \mathrm{Re}\,\lambda_j$, ascending
/// @param imaginaryParts $b_j = \mathrm{Im}\,\lambda_j$ (ascending among equal real parts)
/// @param realVectors column $j$: $\mathrm{Re}\,x_j$
/// @param imaginaryVectors column $j$: $\mathrm{Im}\,x_j$ (zero for a real eigenvalue)
public record Eigen(Vector realParts, Vector imaginaryParts, Matrix realVectors, Matrix imaginaryVectors) {

    /// Balancing stops after this many passes over the rows even if it could still improve: EISPACK
    /// loops until no scaling changes, which takes a handful of passes in practice.
    private static final int MAX_BALANCING_PASSES = 100;

    /// The balancing criterion of Parlett and Reinsch: a row and column are rescaled only if that
    /// reduces their combined 1-norm below 0.95 of its value.
    private static final double BALANCING_GAIN = 0.95;

    /// Decomposes a square matrix.
    ///
    /// @param a the matrix
    /// @return its eigenvalues and eigenvectors
    /// @throws dev.lemma.numeric.DimensionMismatchException if `a` is not square, naming its shape
    /// @throws dev.lemma.numeric.NonFiniteValueException naming the row and column of the first NaN or
    ///     infinite entry
    /// @throws dev.lemma.numeric.ConvergenceException if the QR iteration needs more than
    ///     $30 \max(n, 10)$ iterations for one deflation, naming the count
    public static Eigen of(Matrix a) {
        a.requireSquare("the eigendecomposition");
        a.requireFinite("A");
        int n = a.rows();
        double scale = Scaling.powerOfTwo(a.data());
        double[] h = Scaling.scaledCopy(a.data(), scale);
        double[] d = balance(h, n);
        double[] v = Hessenberg.reduce(h, n);
        double[] wr = new double[n];
        double[] wi = new double[n];
        FrancisQr.solve(h, v, n, wr, wi);

        double[] re = new double[n];
        double[] im = new double[n];
        double[] xr = new double[n * n]; // column j: Re x_j
        double[] xi = new double[n * n];
        for (int j = 0; j < n; j++) {
            re[j] = wr[j] / scale;
            im[j] = wi[j] / scale;
            boolean pairFirst = wi[j] > 0.0;
            boolean pairSecond = wi[j] < 0.0;
            int realColumn = pairSecond ? j - 1 : j;
            for (int i = 0; i < n; i++) {
                xr[i * n + j] = d[i] * v[i * n + realColumn];
                if (pairFirst) {
                    xi[i * n + j] = d[i] * v[i * n + j + 1];
                } else if (pairSecond) {
                    xi[i * n + j] = -d[i] * v[i * n + j];
                }
            }
            normalize(xr, xi, n, j);
        }
        Integer[] order = new Integer[n];
        for (int j = 0; j < n; j++) {
            order[j] = j;
        }
        Arrays.sort(order, (x, y) -> re[x] != re[y] ? Double.compare(re[x], re[y]) : Double.compare(im[x], im[y]));
        double[] sortedRe = new double[n];
        double[] sortedIm = new double[n];
        double[] sortedXr = new double[n * n];
        double[] sortedXi = new double[n * n];
        for (int k = 0; k < n; k++) {
            int j = order[k];
            sortedRe[k] = re[j];
            sortedIm[k] = im[j];
            for (int i = 0; i < n; i++) {
                sortedXr[i * n + k] = xr[i * n + j];
                sortedXi[i * n + k] = xi[i * n + j];
            }
        }
        return new Eigen(
                Vector.wrap(sortedRe), Vector.wrap(sortedIm), Matrix.wrap(n, n, sortedXr), Matrix.wrap(n, n, sortedXi));
    }

    /// @return whether every eigenvalue is real (every imaginary part exactly 0)
    public boolean isReal() {
        for (int j = 0; j < imaginaryParts.size(); j++) {
            if (imaginaryParts.get(j) != 0.0) {
                return false;
            }
        }
        return true;
    }

    /// @return $n$, the number of eigenvalues (with multiplicity)
    public int size() {
        return realParts.size();
    }

    /// Balances `a` in place, $a \leftarrow D^{-1} a D$, and returns $D$'s diagonal (powers of 2).
    private static double[] balance(double[] a, int n) {
        double[] d = new double[n];
        Arrays.fill(d, 1.0);
        boolean done = false;
        for (int pass = 0; !done && pass < MAX_BALANCING_PASSES; pass++) {
            done = true;
            for (int i = 0; i < n; i++) {
                double c = 0.0;
                double r = 0.0;
                for (int j = 0; j < n; j++) {
                    if (j != i) {
                        c += Math.abs(a[j * n + i]);
                        r += Math.abs(a[i * n + j]);
                    }
                }
                if (c == 0.0 || r == 0.0) {
                    continue;
                }
                double g = r / 2.0;
                double f = 1.0;
                double s = c + r;
                while (c < g) {
                    f *= 2.0;
                    c *= 4.0;
                }
                g = r * 2.0;
                while (c >= g) {
                    f /= 2.0;
                    c /= 4.0;
                }
                if ((c + r) / f < BALANCING_GAIN * s) {
                    done = false;
                    d[i] *= f;
                    for (int j = 0; j < n; j++) {
                        a[i * n + j] /= f;
                        a[j * n + i] *= f;
                    }
                }
            }
        }
        return d;
    }

    /// Scales column `j` of $(x_r, x_i)$ to unit 2-norm with its largest-modulus entry real positive.
    private static void normalize(double[] xr, double[] xi, int n, int j) {
        double norm = 0.0;
        double largest = -1.0;
        int at = 0;
        for (int i = 0; i < n; i++) {
            double modulus = Math.hypot(xr[i * n + j], xi[i * n + j]);
            norm = Math.hypot(norm, modulus);
            if (modulus > largest) {
                largest = modulus;
                at = i;
            }
        }
        if (norm == 0.0) {
            return;
        }
        // Multiply by conj(x_at) / (|x_at| ‖x‖): unit norm, and x_at becomes |x_at| / ‖x‖ > 0.
        double cr = xr[at * n + j] / largest;
        double ci = -xi[at * n + j] / largest;
        for (int i = 0; i < n; i++) {
            double a = xr[i * n + j];
            double b = xi[i * n + j];
            xr[i * n + j] = (a * cr - b * ci) / norm;
            xi[i * n + j] = (a * ci + b * cr) / norm;
        }
        xi[at * n + j] = 0.0;
    }
}
