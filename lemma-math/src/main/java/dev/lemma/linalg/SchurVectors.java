package dev.lemma.linalg;

import dev.lemma.numeric.Tolerances;

/// Eigenvectors of a matrix in real Schur form, by back substitution: the second half of the
/// nonsymmetric eigenproblem, after [FrancisQr] has reduced $H$ to the quasi-triangular $T = Z^\top H Z$.
///
/// For an eigenvalue $\lambda$ sitting at diagonal block $k$ of $T$, the eigenvector $y$ has zeros
/// below that block, and each row above it is one equation in one unknown (or, at a 2×2 block, two in
/// two), solved from the bottom up. Complex pairs run the same recurrence in complex arithmetic. The
/// eigenvectors of $A$ are then $x = Z y$ ([FrancisQr#solve]).
///
/// References: Golub and Van Loan, *Matrix Computations*, 4th ed., §7.6.4; LAPACK `dtrevc` and
/// `dlaln2` for the safeguards (small pivots perturbed, growth rescaled), described here in Lemma's
/// own words.
final class SchurVectors {
    private SchurVectors() {}

    private static final double EPS = Tolerances.MACHINE_EPSILON;

    /// During back substitution, a component larger than $1/\sqrt\varepsilon$ rescales the vector
    /// computed so far to keep it below 1 (EISPACK `hqr2`'s test $(\varepsilon t) t > 1$). Each pivot
    /// is at least $\varepsilon \|T\|$, so a component can grow at most to about
    /// $n \varepsilon^{-3/2} \approx 3 \cdot 10^{23} n$ before the next rescaling: no overflow.
    private static final double RESCALE_ABOVE = 1.0 / Math.sqrt(EPS);

    /// A complex number, for the few divisions and 2×2 solves of back substitution.
    private record Complex(double re, double im) {
        static Complex real(double x) {
            return new Complex(x, 0.0);
        }

        Complex minus(Complex o) {
            return new Complex(re - o.re, im - o.im);
        }

        Complex negate() {
            return new Complex(-re, -im);
        }

        Complex times(Complex o) {
            return new Complex(re * o.re - im * o.im, re * o.im + im * o.re);
        }

        /// $|re| + |im|$: a norm within $\sqrt 2$ of the modulus, cheaper, enough for thresholds.
        double size() {
            return Math.abs(re) + Math.abs(im);
        }

        /// `this / o` by Smith's algorithm (Comm. ACM 5, 1962): dividing by the larger of the two parts
        /// of `o` first keeps the intermediate results from overflowing.
        Complex dividedBy(Complex o) {
            if (Math.abs(o.re) >= Math.abs(o.im)) {
                double ratio = o.im / o.re;
                double denominator = o.re + ratio * o.im;
                return new Complex((re + ratio * im) / denominator, (im - ratio * re) / denominator);
            }
            double ratio = o.re / o.im;
            double denominator = o.im + ratio * o.re;
            return new Complex((ratio * re + im) / denominator, (ratio * im - re) / denominator);
        }
    }

    /// The eigenvectors of the real Schur form `t`, as rows of a new `n×n` array $Y$: row $k$ holds
    /// $y_k$ for a real eigenvalue $t_{kk}$; for a 2×2 block at $k, k+1$, rows $k$ and $k+1$ hold the
    /// real and imaginary parts of the eigenvector for the eigenvalue with positive imaginary part.
    ///
    /// Each row $i$ above the diagonal block of $\lambda$ gives $(t_{ii} - \lambda) y_i = -r_i$ with
    /// $r_i = \sum_{j > i} t_{ij} y_j$ known; a 2×2 block at rows $i-1, i$ gives a 2×2 system. A
    /// pivot smaller than $\delta = \varepsilon \|T\|_F$ (an eigenvalue repeated, or nearly, further
    /// up) is replaced by $\delta$. That is an exact solve with one entry of $T$ changed by less than
    /// $2\delta$, so the residual $\|T y - \lambda y\|$ stays $O(\varepsilon \|T\| \|y\|)$, and no
    /// division is by zero; for a defective $T$ it gives nearly parallel vectors, as it must.
    static double[] of(double[] t, int n) {
        double[] y = new double[n * n];
        double delta = Math.max(EPS * Vector.norm2(t, 0, n * n), Double.MIN_NORMAL);
        int k = n - 1;
        while (k >= 0) {
            if (k > 0 && t[k * n + k - 1] != 0.0) {
                complexVector(t, n, k - 1, y, delta);
                k -= 2;
            } else {
                realVector(t, n, k, y, delta);
                k -= 1;
            }
        }
        return y;
    }

    /// Row `k` of `y` ← the eigenvector of `t` for $\lambda = t_{kk}$, with $y_k = 1$, $y_j = 0$ for
    /// $j > k$, and rows $i < k$ from $(T - \lambda I)_{i,:} \, y = 0$ upward.
    private static void realVector(double[] t, int n, int k, double[] y, double delta) {
        double lambda = t[k * n + k];
        int yk = k * n;
        y[yk + k] = 1.0;
        int i = k - 1;
        while (i >= 0) {
            int from = i + 1; // y is still zero left of the rows solved so far
            if (i > 0 && t[i * n + i - 1] != 0.0) {
                int top = (i - 1) * n + i - 1;
                double r0 = Dots.dot(t, (i - 1) * n + from, y, yk + from, k - i);
                double r1 = Dots.dot(t, i * n + from, y, yk + from, k - i);
                Complex[] solution =
                        solveBlock(t, top, n, Complex.real(lambda), Complex.real(r0), Complex.real(r1), delta);
                y[yk + i - 1] = solution[0].re();
                y[yk + i] = solution[1].re();
                rescaleIfLarge(y, yk, i - 1, k, Math.max(Math.abs(y[yk + i - 1]), Math.abs(y[yk + i])));
                i -= 2;
            } else {
                double r = Dots.dot(t, i * n + from, y, yk + from, k - i);
                double pivot = t[i * n + i] - lambda;
                if (Math.abs(pivot) < delta) {
                    pivot = Math.copySign(delta, pivot);
                }
                y[yk + i] = -r / pivot;
                rescaleIfLarge(y, yk, i, k, Math.abs(y[yk + i]));
                i -= 1;
            }
        }
    }

    /// Rows `k` and `k+1` of `y` ← real and imaginary parts of the eigenvector of `t` for
    /// $\lambda = \alpha + i\omega$, $\omega = \sqrt{|\beta|}\sqrt{|\gamma|} > 0$, of the standardised
    /// block $\begin{pmatrix} \alpha & \beta \\ \gamma & \alpha \end{pmatrix}$ at `k, k+1`.
    ///
    /// In the block, $(\beta, i\omega)$ solves $\begin{pmatrix} -i\omega & \beta \\ \gamma & -i\omega
    /// \end{pmatrix} y = 0$ (as $\beta\gamma = -\omega^2$); divided by $\sqrt{|\beta|}$ it is
    /// $(\operatorname{sign}\beta \sqrt{|\beta|},\ i\sqrt{|\gamma|})$, with both parts of moderate size.
    private static void complexVector(double[] t, int n, int k, double[] y, double delta) {
        int top = k * n + k;
        double beta = t[top + 1];
        double gamma = t[top + n];
        Complex lambda = new Complex(t[top], Math.sqrt(Math.abs(beta)) * Math.sqrt(Math.abs(gamma)));
        int re = k * n; // row of the real parts
        int im = re + n; // row of the imaginary parts
        int last = k + 1;
        y[re + k] = Math.copySign(Math.sqrt(Math.abs(beta)), beta);
        y[im + last] = Math.sqrt(Math.abs(gamma));
        int i = k - 1;
        while (i >= 0) {
            int from = i + 1;
            int len = last - i;
            if (i > 0 && t[i * n + i - 1] != 0.0) {
                int row0 = (i - 1) * n + from;
                int row1 = i * n + from;
                Complex r0 = new Complex(Dots.dot(t, row0, y, re + from, len), Dots.dot(t, row0, y, im + from, len));
                Complex r1 = new Complex(Dots.dot(t, row1, y, re + from, len), Dots.dot(t, row1, y, im + from, len));
                Complex[] solution = solveBlock(t, (i - 1) * n + i - 1, n, lambda, r0, r1, delta);
                y[re + i - 1] = solution[0].re();
                y[im + i - 1] = solution[0].im();
                y[re + i] = solution[1].re();
                y[im + i] = solution[1].im();
                rescalePairIfLarge(y, re, im, i - 1, last, Math.max(solution[0].size(), solution[1].size()));
                i -= 2;
            } else {
                int row = i * n + from;
                Complex r = new Complex(Dots.dot(t, row, y, re + from, len), Dots.dot(t, row, y, im + from, len));
                Complex pivot = Complex.real(t[i * n + i]).minus(lambda);
                if (pivot.size() < delta) {
                    pivot = Complex.real(delta);
                }
                Complex yi = r.negate().dividedBy(pivot);
                y[re + i] = yi.re();
                y[im + i] = yi.im();
                rescalePairIfLarge(y, re, im, i, last, yi.size());
                i -= 1;
            }
        }
    }

    /// Solves $(B - \lambda I) y = -r$ for the 2×2 diagonal block $B$ of `t` whose top left entry is
    /// `t[top]`, by Gaussian elimination with complete pivoting (the largest entry is moved to the
    /// top left by swapping rows and columns, so the multiplier is at most 1 in size).
    ///
    /// $B - \lambda I$ is singular when $\lambda$ is also an eigenvalue of $B$; then a pivot smaller
    /// than $\delta$ is replaced by $\delta$, which solves a system with one entry changed by less than
    /// $2\delta$ (the idea of LAPACK `dlaln2`). Cramer's rule would not do: with a small determinant,
    /// raising it to a floor is no small change of $B$ when the right-hand side is nearly consistent.
    private static Complex[] solveBlock(
            double[] t, int top, int n, Complex lambda, Complex r0, Complex r1, double delta) {
        Complex a = Complex.real(t[top]).minus(lambda);
        Complex b = Complex.real(t[top + 1]);
        Complex c = Complex.real(t[top + n]);
        Complex d = Complex.real(t[top + n + 1]).minus(lambda);
        Complex f0 = r0.negate();
        Complex f1 = r1.negate();
        if (Math.max(c.size(), d.size()) > Math.max(a.size(), b.size())) { // swap the rows
            Complex swap = a;
            a = c;
            c = swap;
            swap = b;
            b = d;
            d = swap;
            swap = f0;
            f0 = f1;
            f1 = swap;
        }
        boolean columnsSwapped = b.size() > a.size();
        if (columnsSwapped) {
            Complex swap = a;
            a = b;
            b = swap;
            swap = c;
            c = d;
            d = swap;
        }
        Complex pivot = a.size() < delta ? Complex.real(delta) : a;
        Complex multiplier = c.dividedBy(pivot);
        Complex second = d.minus(multiplier.times(b));
        if (second.size() < delta) {
            second = Complex.real(delta);
        }
        Complex y1 = f1.minus(multiplier.times(f0)).dividedBy(second);
        Complex y0 = f0.minus(b.times(y1)).dividedBy(pivot);
        return columnsSwapped ? new Complex[] {y1, y0} : new Complex[] {y0, y1};
    }

    /// Divides entries `first .. last` of the row at `row` by `size` if `size` exceeds
    /// [#RESCALE_ABOVE].
    private static void rescaleIfLarge(double[] y, int row, int first, int last, double size) {
        if (size > RESCALE_ABOVE) {
            for (int j = first; j <= last; j++) {
                y[row + j] /= size;
            }
        }
    }

    private static void rescalePairIfLarge(double[] y, int re, int im, int first, int last, double size) {
        rescaleIfLarge(y, re, first, last, size);
        rescaleIfLarge(y, im, first, last, size);
    }
}
