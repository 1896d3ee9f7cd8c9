package dev.lemma.linalg;

import dev.lemma.linalg.kernel.Gemm;
import dev.lemma.numeric.Checks;
import dev.lemma.numeric.Compensated;
import java.util.Arrays;
import java.util.SplittableRandom;

/// A dense `m×n` matrix of doubles, row-major in one `double[]`. Immutable: every operation returns a
/// new matrix; the in-place kernels live in [dev.lemma.linalg.kernel].
///
/// Non-finite entries are allowed in a matrix and propagate through `plus`, `times` and the other
/// arithmetic as IEEE 754 says. Every decomposition and solver rejects them first with a
/// `NonFiniteValueException` that names the row and column, so none returns a silently wrong number.
///
/// Book: chapter 1, "Linear algebra"; chapter 0 has a tour of this API and a NumPy cheat sheet.
public final class Matrix {
    private final int rows;
    private final int cols;
    private final double[] data;

    private Matrix(int rows, int cols, double[] data) {
        this.rows = rows;
        this.cols = cols;
        this.data = data;
    }

    // ---------------------------------------------------------------- construction

    /// A matrix from its rows (copied). Every row must have the same length.
    ///
    /// @param rows the rows, `rows[i][j]` $= a_{ij}$
    /// @return the matrix
    /// @throws IllegalArgumentException if the rows are ragged (the message names the first short or
    ///     long row)
    public static Matrix of(double[][] rows) {
        int m = rows.length;
        int n = m == 0 ? 0 : rows[0].length;
        double[] data = new double[m * n];
        for (int i = 0; i < m; i++) {
            Checks.argument(
                    rows[i].length == n, "ragged rows: row 0 has %d entries but row %d has %d", n, i, rows[i].length);
            System.arraycopy(rows[i], 0, data, i * n, n);
        }
        return new Matrix(m, n, data);
    }

    /// A matrix from its entries in row-major order (copied).
    ///
    /// @param rows $m$
    /// @param cols $n$
    /// @param entries $a_{00}, a_{01}, \dots, a_{m-1,n-1}$
    /// @return the matrix
    /// @throws IllegalArgumentException if `entries.length != rows * cols`
    public static Matrix ofRowMajor(int rows, int cols, double... entries) {
        Checks.nonNegative("rows", rows);
        Checks.nonNegative("cols", cols);
        Checks.argument(
                (long) rows * cols == entries.length,
                "a %s matrix needs %d entries but %d were given",
                Checks.shape(rows, cols),
                (long) rows * cols,
                entries.length);
        return new Matrix(rows, cols, entries.clone());
    }

    /// The `m×n` zero matrix.
    ///
    /// @param rows $m$
    /// @param cols $n$
    /// @return $0 \in \mathbb{R}^{m \times n}$
    public static Matrix zeros(int rows, int cols) {
        Checks.nonNegative("rows", rows);
        Checks.nonNegative("cols", cols);
        return new Matrix(rows, cols, new double[rows * cols]);
    }

    /// The `n×n` identity.
    ///
    /// @param n the size
    /// @return $I_n$
    public static Matrix identity(int n) {
        double[] data = new double[Checks.nonNegative("n", n) * n];
        for (int i = 0; i < n; i++) {
            data[i * n + i] = 1.0;
        }
        return new Matrix(n, n, data);
    }

    /// The square diagonal matrix with `d` on its diagonal.
    ///
    /// @param d the diagonal entries
    /// @return $\mathrm{diag}(d_0, \dots, d_{n-1})$
    public static Matrix diagonal(double... d) {
        int n = d.length;
        double[] data = new double[n * n];
        for (int i = 0; i < n; i++) {
            data[i * n + i] = d[i];
        }
        return new Matrix(n, n, data);
    }

    /// A matrix of independent entries uniform on $[-1, 1)$, reproducible from `seed`.
    ///
    /// @param rows $m$
    /// @param cols $n$
    /// @param seed the seed of the generator (`SplittableRandom`)
    /// @return the random matrix
    public static Matrix random(int rows, int cols, long seed) {
        Checks.nonNegative("rows", rows);
        Checks.nonNegative("cols", cols);
        SplittableRandom rng = new SplittableRandom(seed);
        double[] data = new double[rows * cols];
        for (int i = 0; i < data.length; i++) {
            data[i] = 2.0 * rng.nextDouble() - 1.0;
        }
        return new Matrix(rows, cols, data);
    }

    /// The matrix whose columns are the given vectors, all of one length.
    ///
    /// @param columns the columns
    /// @return $[c_0 \mid c_1 \mid \dots]$
    /// @throws dev.lemma.numeric.DimensionMismatchException if the columns differ in length
    public static Matrix ofColumns(Vector... columns) {
        int n = columns.length;
        int m = n == 0 ? 0 : columns[0].size();
        double[] data = new double[m * n];
        for (int j = 0; j < n; j++) {
            Checks.dimensions(
                    columns[j].size() == m,
                    "column 0 has length %d but column %d has length %d",
                    m,
                    j,
                    columns[j].size());
            double[] c = columns[j].data();
            for (int i = 0; i < m; i++) {
                data[i * n + j] = c[i];
            }
        }
        return new Matrix(m, n, data);
    }

    /// Takes ownership of `data` (row-major, `rows*cols` long) without copying: this package only.
    static Matrix wrap(int rows, int cols, double[] data) {
        return new Matrix(rows, cols, data);
    }

    /// The backing array, not copied: this package only, never exposed or modified.
    double[] data() {
        return data;
    }

    // ---------------------------------------------------------------- access

    /// @return $m$, the number of rows
    public int rows() {
        return rows;
    }

    /// @return $n$, the number of columns
    public int cols() {
        return cols;
    }

    /// @return whether the matrix has as many rows as columns
    public boolean isSquare() {
        return rows == cols;
    }

    /// @param i the row, in `[0, rows())`
    /// @param j the column, in `[0, cols())`
    /// @return $a_{ij}$
    /// @throws IndexOutOfBoundsException naming the index out of range
    public double get(int i, int j) {
        return data[Checks.index("row", i, rows) * cols + Checks.index("column", j, cols)];
    }

    /// @param i the row index
    /// @return row `i` as a vector
    public Vector row(int i) {
        Checks.index("row", i, rows);
        return Vector.wrap(Arrays.copyOfRange(data, i * cols, (i + 1) * cols));
    }

    /// @param j the column index
    /// @return column `j` as a vector
    public Vector column(int j) {
        Checks.index("column", j, cols);
        double[] c = new double[rows];
        for (int i = 0; i < rows; i++) {
            c[i] = data[i * cols + j];
        }
        return Vector.wrap(c);
    }

    /// @return the diagonal $a_{00}, a_{11}, \dots$ (length $\min(m, n)$)
    public Vector diagonal() {
        double[] d = new double[Math.min(rows, cols)];
        for (int i = 0; i < d.length; i++) {
            d[i] = data[i * cols + i];
        }
        return Vector.wrap(d);
    }

    /// The block of rows `[rowFrom, rowTo)` and columns `[colFrom, colTo)`.
    ///
    /// @param rowFrom first row, inclusive
    /// @param rowTo last row, exclusive
    /// @param colFrom first column, inclusive
    /// @param colTo last column, exclusive
    /// @return the sub-matrix (a copy)
    /// @throws IndexOutOfBoundsException if the ranges fall outside the matrix
    public Matrix block(int rowFrom, int rowTo, int colFrom, int colTo) {
        if (rowFrom < 0 || rowTo > rows || rowFrom > rowTo || colFrom < 0 || colTo > cols || colFrom > colTo) {
            throw new IndexOutOfBoundsException("block rows [%d, %d) and columns [%d, %d) of a %s matrix"
                    .formatted(rowFrom, rowTo, colFrom, colTo, Checks.shape(rows, cols)));
        }
        int m = rowTo - rowFrom;
        int n = colTo - colFrom;
        double[] b = new double[m * n];
        for (int i = 0; i < m; i++) {
            System.arraycopy(data, (rowFrom + i) * cols + colFrom, b, i * n, n);
        }
        return new Matrix(m, n, b);
    }

    /// @return a copy of the entries as an array of rows
    public double[][] toArray() {
        double[][] a = new double[rows][];
        for (int i = 0; i < rows; i++) {
            a[i] = Arrays.copyOfRange(data, i * cols, (i + 1) * cols);
        }
        return a;
    }

    /// @return a copy of the entries in row-major order
    public double[] toRowMajorArray() {
        return data.clone();
    }

    // ---------------------------------------------------------------- arithmetic

    /// $A + B$.
    ///
    /// @param b a matrix of the same shape
    /// @return the sum
    /// @throws dev.lemma.numeric.DimensionMismatchException naming both shapes
    public Matrix plus(Matrix b) {
        sameShape("A + B", b);
        double[] c = new double[data.length];
        for (int i = 0; i < c.length; i++) {
            c[i] = data[i] + b.data[i];
        }
        return new Matrix(rows, cols, c);
    }

    /// $A - B$.
    ///
    /// @param b a matrix of the same shape
    /// @return the difference
    /// @throws dev.lemma.numeric.DimensionMismatchException naming both shapes
    public Matrix minus(Matrix b) {
        sameShape("A − B", b);
        double[] c = new double[data.length];
        for (int i = 0; i < c.length; i++) {
            c[i] = data[i] - b.data[i];
        }
        return new Matrix(rows, cols, c);
    }

    /// $\alpha A$.
    ///
    /// @param alpha the scalar
    /// @return the scaled matrix
    public Matrix times(double alpha) {
        double[] c = new double[data.length];
        for (int i = 0; i < c.length; i++) {
            c[i] = alpha * data[i];
        }
        return new Matrix(rows, cols, c);
    }

    /// The matrix–vector product $A x$, each entry a compensated dot product
    /// ($\sum_j a_{ij} x_j$ as if in twice the working precision).
    ///
    /// @param x a vector of length $n$
    /// @return $A x \in \mathbb{R}^m$
    /// @throws dev.lemma.numeric.DimensionMismatchException if $x$ does not have length $n$
    public Vector times(Vector x) {
        Checks.dimensions(x.size() == cols, "A·x: A is %s but x has length %d", Checks.shape(rows, cols), x.size());
        double[] y = new double[rows];
        double[] xs = x.data();
        for (int i = 0; i < rows; i++) {
            y[i] = Compensated.dotRow(data, i, cols, xs);
        }
        return Vector.wrap(y);
    }

    /// The matrix product $C = A B$, $c_{ij} = \sum_p a_{ip} b_{pj}$, computed by the fastest
    /// [GEMM kernel][Gemm] for the size.
    ///
    /// Cost: $2mnk$ floating-point operations.
    ///
    /// @param b a `k×n` matrix, with $k$ the number of columns of this one
    /// @return $AB$
    /// @throws dev.lemma.numeric.DimensionMismatchException naming both shapes when the inner dimensions
    ///     differ
    public Matrix times(Matrix b) {
        Checks.dimensions(
                cols == b.rows,
                "A·B: A is %s but B is %s (inner dimensions %d ≠ %d)",
                Checks.shape(rows, cols),
                Checks.shape(b.rows, b.cols),
                cols,
                b.rows);
        return new Matrix(rows, b.cols, Gemm.multiply(rows, b.cols, cols, data, b.data));
    }

    /// The transpose $A^\top$, $(A^\top)_{ij} = a_{ji}$.
    ///
    /// @return $A^\top$
    public Matrix transpose() {
        double[] t = new double[data.length];
        // Blocked so that both the reads and the writes stay within a few cache lines.
        final int block = 32;
        for (int i0 = 0; i0 < rows; i0 += block) {
            int iEnd = Math.min(rows, i0 + block);
            for (int j0 = 0; j0 < cols; j0 += block) {
                int jEnd = Math.min(cols, j0 + block);
                for (int i = i0; i < iEnd; i++) {
                    for (int j = j0; j < jEnd; j++) {
                        t[j * rows + i] = data[i * cols + j];
                    }
                }
            }
        }
        return new Matrix(cols, rows, t);
    }

    /// $A^p$ for a square matrix, by repeated squaring ($O(\log p)$ products). $A^0 = I$; a negative
    /// power is $(A^{-1})^{|p|}$.
    ///
    /// @param p the power
    /// @return $A^p$
    /// @throws dev.lemma.numeric.DimensionMismatchException if the matrix is not square
    /// @throws dev.lemma.numeric.SingularMatrixException if $p < 0$ and the matrix is singular
    public Matrix power(int p) {
        requireSquare("power");
        Matrix base = p < 0 ? inverse() : this;
        long e = Math.abs((long) p);
        Matrix result = identity(rows);
        while (e > 0) {
            if ((e & 1) == 1) {
                result = result.times(base);
            }
            e >>= 1;
            if (e > 0) {
                base = base.times(base);
            }
        }
        return result;
    }

    // ---------------------------------------------------------------- scalars of a matrix

    /// The trace $\mathrm{tr}(A) = \sum_i a_{ii}$, which equals the sum of the eigenvalues.
    ///
    /// @return $\mathrm{tr}(A)$
    /// @throws dev.lemma.numeric.DimensionMismatchException if the matrix is not square
    public double trace() {
        requireSquare("trace");
        return Compensated.sum(diagonal().data());
    }

    /// The 1-norm $\|A\|_1 = \max_j \sum_i |a_{ij}|$, the largest column sum. NaN if any
    /// entry is NaN, otherwise $\infty$ if any is infinite.
    ///
    /// @return $\|A\|_1$
    public double norm1() {
        double[] sums = new double[cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                sums[j] += Math.abs(data[i * cols + j]);
            }
        }
        return Vector.wrap(sums).normInf();
    }

    /// The ∞-norm $\|A\|_\infty = \max_i \sum_j |a_{ij}|$, the largest row sum. NaN if any entry
    /// is NaN, otherwise $\infty$ if any is infinite.
    ///
    /// @return $\|A\|_\infty$
    public double normInf() {
        double max = 0.0;
        for (int i = 0; i < rows; i++) {
            double s = 0.0;
            for (int j = 0; j < cols; j++) {
                s += Math.abs(data[i * cols + j]);
            }
            if (Double.isNaN(s)) {
                return Double.NaN;
            }
            max = Math.max(max, s);
        }
        return max;
    }

    /// The Frobenius norm $\|A\|_F = \sqrt{\sum_{ij} a_{ij}^2}$, scaled against overflow. NaN if any
    /// entry is NaN, otherwise $\infty$ if any is infinite.
    ///
    /// @return $\|A\|_F$
    public double normFrobenius() {
        return Vector.norm2(data, 0, data.length);
    }

    /// The spectral norm $\|A\|_2 = \sigma_1$, the largest singular value.
    ///
    /// @return $\|A\|_2$ (0 for an empty matrix)
    /// @throws dev.lemma.numeric.NonFiniteValueException if an entry is NaN or infinite
    public double norm2() {
        return svd().norm2();
    }

    /// The determinant, from the LU factorisation: $\det A = \det P^\top \prod_i u_{ii}$.
    ///
    /// @return $\det A$ (1 for the 0×0 matrix)
    /// @throws dev.lemma.numeric.DimensionMismatchException if the matrix is not square
    /// @throws dev.lemma.numeric.NonFiniteValueException if an entry is NaN or infinite
    public double determinant() {
        requireSquare("determinant");
        return lu().determinant();
    }

    /// The numerical rank: the number of singular values above
    /// [Tolerances#rankTolerance(double, int, int)], NumPy's `matrix_rank` rule.
    ///
    /// @return $\mathrm{rank}(A)$
    /// @throws dev.lemma.numeric.NonFiniteValueException if an entry is NaN or infinite
    public int rank() {
        return svd().rank();
    }

    /// The 2-norm condition number $\kappa_2(A) = \sigma_1 / \sigma_{\min(m,n)}$; infinite when the
    /// smallest singular value is zero.
    ///
    /// @return $\kappa_2(A)$
    /// @throws dev.lemma.numeric.NonFiniteValueException if an entry is NaN or infinite
    public double conditionNumber() {
        return svd().conditionNumber();
    }

    // ---------------------------------------------------------------- solving

    /// The inverse $A^{-1}$ from the LU factorisation.
    ///
    /// @return $A^{-1}$
    /// @throws dev.lemma.numeric.DimensionMismatchException if the matrix is not square
    /// @throws dev.lemma.numeric.SingularMatrixException if the matrix is singular to working precision
    public Matrix inverse() {
        requireSquare("inverse");
        return lu().inverse();
    }

    /// Solves $A x = b$ for square, non-singular $A$ by LU with partial pivoting, then one step of
    /// iterative refinement with a compensated residual.
    ///
    /// @param b the right-hand side, length $m$
    /// @return $x = A^{-1} b$
    /// @throws dev.lemma.numeric.DimensionMismatchException if $A$ is not square or $b$ does not fit
    /// @throws dev.lemma.numeric.SingularMatrixException if $A$ is singular to working precision
    /// @throws dev.lemma.numeric.NonFiniteValueException if $A$ or $b$ holds NaN or infinity
    public Vector solve(Vector b) {
        requireSquare("solve");
        Lu lu = lu();
        Vector x = lu.solve(b);
        // One step of refinement: the residual, computed with compensated dot products, is accurate even
        // where A·x nearly cancels b, so the correction removes most of the elimination's error.
        Vector residual = b.minus(times(x));
        return x.plus(lu.solve(residual));
    }

    /// Solves $A X = B$ column by column; see [#solve(Vector)].
    ///
    /// @param b the right-hand sides, `m×k`
    /// @return $X = A^{-1} B$
    /// @throws dev.lemma.numeric.DimensionMismatchException if $A$ is not square or $B$ does not fit
    /// @throws dev.lemma.numeric.SingularMatrixException if $A$ is singular to working precision
    public Matrix solve(Matrix b) {
        requireSquare("solve");
        return lu().solve(b);
    }

    /// The least-squares solution $\hat x = \arg\min_x \|A x - b\|_2$: for full column rank (of the
    /// column-scaled matrix), exact power-of-two column scaling, QR with column pivoting and
    /// mixed-precision refinement of the augmented system ([LeastSquares]); otherwise the minimum-norm
    /// solution $A^+ b$.
    ///
    /// @param b the observations, length $m$
    /// @return $\hat x$
    /// @throws dev.lemma.numeric.DimensionMismatchException if $b$ does not have length $m$
    /// @throws dev.lemma.numeric.NonFiniteValueException if $A$ or $b$ holds NaN or infinity
    public Vector leastSquares(Vector b) {
        return LeastSquares.solve(this, b);
    }

    /// The least-squares fit of $b \approx A \beta$ with its regression statistics (residuals,
    /// covariance of the coefficients, $R^2$); see [LinearFit].
    ///
    /// @param b the observations, length $m$
    /// @return the fit
    /// @throws dev.lemma.numeric.DimensionMismatchException if $b$ does not have length $m$
    /// @throws dev.lemma.numeric.NonFiniteValueException if $A$ or $b$ holds NaN or infinity
    /// @throws dev.lemma.numeric.SingularMatrixException if $A$ does not have full column rank
    public LinearFit leastSquaresFit(Vector b) {
        return LinearFit.of(this, b);
    }

    /// The Moore–Penrose pseudo-inverse $A^+ = V \Sigma^+ U^\top$, with singular values below the
    /// [rank tolerance][Tolerances#rankTolerance(double, int, int)] treated as zero.
    ///
    /// @return $A^+$, `n×m`
    /// @throws dev.lemma.numeric.NonFiniteValueException if an entry is NaN or infinite
    public Matrix pseudoInverse() {
        return svd().pseudoInverse();
    }

    // ---------------------------------------------------------------- subspaces

    /// An orthonormal basis of the column space $\mathcal{C}(A)$: the first $r$ left singular vectors.
    ///
    /// @return an `m×r` matrix with orthonormal columns spanning $\mathcal{C}(A)$, $r = \mathrm{rank}(A)$
    public Matrix columnSpaceBasis() {
        Svd svd = svd();
        return svd.u().block(0, rows, 0, svd.rank());
    }

    /// An orthonormal basis of the null space $\mathcal{N}(A) = \{x : A x = 0\}$: the right singular
    /// vectors of the zero singular values. A wide matrix is padded with zero rows first, which leaves
    /// its null space unchanged and makes $V$ complete.
    ///
    /// @return an `n×(n−r)` matrix with orthonormal columns spanning $\mathcal{N}(A)$
    public Matrix nullSpaceBasis() {
        Matrix tall = rows >= cols ? this : zeros(cols, cols).withBlock(0, 0, this);
        Svd svd = tall.svd();
        int r = svd.rank();
        return svd.v().block(0, cols, r, cols);
    }

    /// Whether the columns are linearly independent, i.e. $\mathrm{rank}(A) = n$.
    ///
    /// @return `true` if only $x = 0$ solves $A x = 0$
    public boolean hasIndependentColumns() {
        return rank() == cols;
    }

    /// The orthogonal projection of $b$ onto the column space of $A$, $\hat b = U_r U_r^\top b$ (for full
    /// column rank the same as $A (A^\top A)^{-1} A^\top b$ from the normal equations, without forming
    /// $A^\top A$).
    ///
    /// @param b a vector of length $m$
    /// @return the point of $\mathcal{C}(A)$ closest to $b$
    /// @throws dev.lemma.numeric.DimensionMismatchException if $b$ does not have length $m$
    public Vector projectOntoColumnSpace(Vector b) {
        Checks.dimensions(
                b.size() == rows, "projection: A is %s but b has length %d", Checks.shape(rows, cols), b.size());
        Matrix q = columnSpaceBasis();
        return q.times(q.transpose().times(b));
    }

    /// The projection matrix $P = U_r U_r^\top$ onto the column space: symmetric, and $P^2 = P$.
    ///
    /// @return the `m×m` projector onto $\mathcal{C}(A)$
    public Matrix projectionMatrix() {
        Matrix q = columnSpaceBasis();
        return q.times(q.transpose());
    }

    // ---------------------------------------------------------------- decompositions

    /// @return the LU factorisation with partial pivoting, $PA = LU$
    /// @throws dev.lemma.numeric.DimensionMismatchException if the matrix is not square
    /// @throws dev.lemma.numeric.NonFiniteValueException naming the first NaN or infinite entry
    public Lu lu() {
        return Lu.of(this);
    }

    /// @return the Householder QR factorisation, $A = QR$
    /// @throws dev.lemma.numeric.NonFiniteValueException naming the first NaN or infinite entry
    public Qr qr() {
        return Qr.of(this);
    }

    /// @return the rank-revealing QR factorisation with column pivoting, $AP = QR$
    /// @throws dev.lemma.numeric.NonFiniteValueException naming the first NaN or infinite entry
    public PivotedQr qrPivoted() {
        return PivotedQr.of(this);
    }

    /// @return the modified Gram–Schmidt factorisation $A = QR$ ([GramSchmidt#modified(Matrix)]); for
    ///     the classical variant and the difference between them see [GramSchmidt]
    /// @throws dev.lemma.numeric.DimensionMismatchException if the matrix has more columns than rows
    /// @throws dev.lemma.numeric.SingularMatrixException naming the first dependent column
    /// @throws dev.lemma.numeric.NonFiniteValueException naming the first NaN or infinite entry
    public GramSchmidt gramSchmidt() {
        return GramSchmidt.modified(this);
    }

    /// @return the Cholesky factorisation $A = L L^\top$ of a symmetric positive definite matrix
    /// @throws dev.lemma.numeric.NotPositiveDefiniteException naming the column where a pivot was not
    ///     positive
    /// @throws IllegalArgumentException if the matrix is not symmetric
    public Cholesky cholesky() {
        return Cholesky.of(this);
    }

    /// @return the eigendecomposition $A = V \Lambda V^\top$ of a symmetric matrix, eigenvalues ascending
    /// @throws IllegalArgumentException if the matrix is not symmetric
    public SymmetricEigen symmetricEigen() {
        return SymmetricEigen.of(this);
    }

    /// @return the eigenvalues and eigenvectors of a general square matrix, complex ones as real and
    ///     imaginary parts, sorted by real then imaginary part
    /// @throws dev.lemma.numeric.DimensionMismatchException if the matrix is not square
    /// @throws dev.lemma.numeric.NonFiniteValueException naming the first NaN or infinite entry
    public Eigen eigen() {
        return Eigen.of(this);
    }

    /// @return the singular value decomposition $A = U \Sigma V^\top$, singular values descending
    /// @throws dev.lemma.numeric.NonFiniteValueException naming the first NaN or infinite entry
    public Svd svd() {
        return Svd.of(this);
    }

    // ---------------------------------------------------------------- helpers

    /// A copy of this matrix with `b` written over the block whose top-left corner is `(row, col)`.
    ///
    /// @param row the first row of the block
    /// @param col the first column of the block
    /// @param b the block
    /// @return the modified copy
    /// @throws IndexOutOfBoundsException if the block does not fit
    public Matrix withBlock(int row, int col, Matrix b) {
        if (row < 0 || col < 0 || row + b.rows > rows || col + b.cols > cols) {
            throw new IndexOutOfBoundsException("a %s block at (%d, %d) does not fit in a %s matrix"
                    .formatted(Checks.shape(b.rows, b.cols), row, col, Checks.shape(rows, cols)));
        }
        double[] c = data.clone();
        for (int i = 0; i < b.rows; i++) {
            System.arraycopy(b.data, i * b.cols, c, (row + i) * cols + col, b.cols);
        }
        return new Matrix(rows, cols, c);
    }

    /// Whether $A = A^\top$ exactly or within a relative tolerance: $|a_{ij} - a_{ji}| \le
    /// \text{tol} \cdot \max(|a_{ij}|, |a_{ji}|)$ for every pair.
    ///
    /// @param relativeTolerance the relative tolerance (0 for exact symmetry)
    /// @return whether the matrix is square and symmetric within the tolerance
    public boolean isSymmetric(double relativeTolerance) {
        if (rows != cols) {
            return false;
        }
        for (int i = 0; i < rows; i++) {
            for (int j = i + 1; j < cols; j++) {
                double aij = data[i * cols + j];
                double aji = data[j * cols + i];
                if (Math.abs(aij - aji) > relativeTolerance * Math.max(Math.abs(aij), Math.abs(aji))) {
                    return false;
                }
            }
        }
        return true;
    }

    void requireSquare(String operation) {
        Checks.dimensions(rows == cols, "%s needs a square matrix but A is %s", operation, Checks.shape(rows, cols));
    }

    void requireFinite(String name) {
        Checks.finite(name, data, cols);
    }

    private void sameShape(String operation, Matrix b) {
        Checks.dimensions(
                rows == b.rows && cols == b.cols,
                "%s: A is %s but B is %s",
                operation,
                Checks.shape(rows, cols),
                Checks.shape(b.rows, b.cols));
    }

    /// The largest absolute difference between corresponding entries, $\max_{ij} |a_{ij} - b_{ij}|$.
    ///
    /// @param b a matrix of the same shape
    /// @return the max-norm of $A - B$
    /// @throws dev.lemma.numeric.DimensionMismatchException naming both shapes
    public double maxAbsDifference(Matrix b) {
        sameShape("max |A − B|", b);
        double max = 0.0;
        for (int i = 0; i < data.length; i++) {
            max = Math.max(max, Math.abs(data[i] - b.data[i]));
        }
        return max;
    }

    /// Two matrices are equal when they have the same shape and bitwise-equal entries.
    @Override
    public boolean equals(Object other) {
        return other instanceof Matrix m && rows == m.rows && cols == m.cols && Arrays.equals(data, m.data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * rows + cols) + Arrays.hashCode(data);
    }

    /// @return the shape and, for small matrices, the rows
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(Checks.shape(rows, cols)).append(" matrix");
        if (rows * cols <= 100) {
            for (int i = 0; i < rows; i++) {
                s.append(i == 0 ? " [" : ", ").append(row(i));
            }
            s.append(rows == 0 ? "" : "]");
        }
        return s.toString();
    }
}
