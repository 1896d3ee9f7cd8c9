package dev.lemma.ml.decomposition;

import dev.lemma.data.Dataset;
import dev.lemma.linalg.Matrix;
import dev.lemma.linalg.Svd;
import dev.lemma.linalg.SymmetricEigen;
import dev.lemma.linalg.TallSkinnyQr;
import dev.lemma.linalg.kernel.Gemm;
import dev.lemma.ml.Inputs;
import dev.lemma.ml.Learner;
import java.util.SplittableRandom;

/// Principal component analysis, scikit-learn's `PCA`: the orthonormal directions along which the
/// centred data varies most. With the centred data $X_c = U\Sigma V^\top$ (thin SVD), the components are
/// the rows of $V^\top$, the variance along component $k$ is $\sigma_k^2/(m-1)$ (`explained_variance_`), and
/// the scores are $X_c V = U\Sigma$. The $k$-component reconstruction $X_c V_k V_k^\top$ is the best rank-$k$
/// approximation of $X_c$ (Eckart–Young, chapter 1). Solvers:
/// - [Solver#FULL]: the SVD of $X_c$ ($m \times d$), exact to rounding; for tall data ($m \ge 2d$) the
///   SVD of its triangular factor $R$ ($X_c = QR$ by [TallSkinnyQr], $d \times d$), which has the same
///   singular values and right singular vectors, as LAPACK's `dgesdd` does;
/// - [Solver#COVARIANCE]: the eigendecomposition of $X_c^\top X_c$ ($d \times d$), cheaper for $m \gg d$
///   (GEMMs of $m d^2$ flops in all, block by block, [#centredGram], then $O(d^3)$) but with $\kappa$
///   squared: small variances lose digits;
/// - [Solver#RANDOMIZED]: the randomized range finder of Halko, Martinsson and Tropp (2011): sample
///   $Y = X_c\Omega$ with a Gaussian $\Omega$ of $k + 10$ columns, sharpen with 7 power iterations
///   (re-orthonormalised by QR each time), and take the SVD of the small $Q^\top X_c$.
///   Cost $O(mdk)$. Fast, but only as accurate as the spectrum's decay allows.
///
/// Components are sign-normalised so that each one's largest-magnitude entry is positive (the sign of a
/// singular vector is arbitrary; this makes results reproducible and comparable).
///
/// @param components $k$, the number of components kept, $1 \le k \le \min(m, d)$, or 0 for all
/// @param whiten whether `transform` divides each score by $\sqrt{\text{variance}}$ (unit variance)
/// @param solver the solver
/// @param seed the seed of the randomized solver
public record PCA(int components, boolean whiten, Solver solver, long seed) implements Learner<PCA.Fitted> {

    /// How the principal directions are computed.
    public enum Solver {
        /// [#COVARIANCE] for tall data ($m \ge 10d$, where it is fastest and the squared condition number
        /// costs digits only in variances below $10^{-8}$ of the largest), else [#FULL].
        AUTO,
        /// The SVD of the centred data.
        FULL,
        /// The eigendecomposition of the covariance matrix.
        COVARIANCE,
        /// A randomized range finder with power iterations.
        RANDOMIZED
    }

    /// Checks the settings.
    ///
    /// @throws IllegalArgumentException naming a negative component count or a missing solver
    public PCA {
        if (components < 0) {
            throw new IllegalArgumentException("PCA: n_components must be ≥ 0 (0 for all), got " + components);
        }
        if (solver == null) {
            throw new IllegalArgumentException("PCA: svd_solver must be one of AUTO, FULL, COVARIANCE, RANDOMIZED");
        }
    }

    /// All components, no whitening, the automatic solver.
    public PCA() {
        this(0, false, Solver.AUTO, 0);
    }

    /// The first $k$ components, the automatic solver.
    ///
    /// @param components $k$
    public PCA(int components) {
        this(components, false, Solver.AUTO, 0);
    }

    @Override
    public Fitted fit(Dataset data) {
        Inputs.training("pca", data, null);
        int m = data.size();
        int d = data.dimension();
        int max = Math.min(m, d);
        int k = components == 0 ? max : components;
        if (k > max) {
            throw new IllegalArgumentException("PCA: n_components = " + k + " but min(rows, features) = " + max);
        }
        if (m < 2) {
            throw new IllegalArgumentException("PCA: needs at least 2 rows to estimate a variance, got " + m);
        }
        double[] mean = new double[d];
        double[] a = data.features().toRowMajorArray();
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < d; j++) {
                mean[j] += a[i * d + j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= m;
        }
        double[] sigma = new double[k];
        double[][] vt = new double[k][];
        Solver chosen = solver != Solver.AUTO ? solver : m >= 10L * d ? Solver.COVARIANCE : Solver.FULL;
        double total = 0;
        if (chosen == Solver.COVARIANCE) {
            double[] gram = centredGram(a, m, d, mean);
            for (int j = 0; j < d; j++) {
                total += gram[j * d + j];
            }
            SymmetricEigen e = Matrix.ofRowMajor(d, d, gram).symmetricEigen();
            for (int c = 0; c < k; c++) {
                int idx = d - 1 - c; // ascending order: the largest last
                sigma[c] = Math.sqrt(Math.max(0, e.values().get(idx)));
                vt[c] = e.vectors().column(idx).toArray();
            }
        } else {
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < d; j++) {
                    a[i * d + j] -= mean[j];
                    total += a[i * d + j] * a[i * d + j];
                }
            }
        }
        Matrix xc = chosen == Solver.COVARIANCE ? null : Matrix.ofRowMajor(m, d, a);
        switch (chosen) {
            case AUTO -> throw new IllegalStateException("AUTO was resolved above");
            case COVARIANCE -> {
                // done above, without forming the centred data
            }
            case FULL -> {
                Svd s = m >= 2 * d ? TallSkinnyQr.r(xc).svd() : xc.svd();
                for (int c = 0; c < k; c++) {
                    sigma[c] = s.singularValues().get(c);
                    vt[c] = s.v().column(c).toArray();
                }
            }
            case RANDOMIZED -> randomized(xc, k, seed, sigma, vt);
        }
        for (double[] row : vt) {
            signNormalise(row);
        }
        double[] variance = new double[k];
        double[] ratio = new double[k];
        double totalVariance = total / (m - 1);
        for (int c = 0; c < k; c++) {
            variance[c] = sigma[c] * sigma[c] / (m - 1);
            ratio[c] = variance[c] / totalVariance;
        }
        return new Fitted(mean, vt, variance, ratio, sigma, whiten);
    }

    /// Bytes of centred rows per block of [#centredGram]: the block and its transpose fit in a core's L2.
    static final int GRAM_BLOCK_BYTES = 256 * 1024;

    /// $X_c^\top X_c$ ($d \times d$, row-major) of the centred rows, block by block: each block of rows is
    /// centred into a small buffer, beside its transpose, and multiplied into the sum by the GEMM
    /// kernel. Neither the centred data nor their transpose is ever formed whole: at 100 000 × 100
    /// those would be two more 80 MB arrays to allocate, write and read.
    static double[] centredGram(double[] a, int m, int d, double[] mean) {
        int rowsPerBlock = Math.max(1, GRAM_BLOCK_BYTES / (8 * d));
        double[] block = new double[rowsPerBlock * d];
        double[] transposed = new double[d * rowsPerBlock];
        double[] gram = new double[d * d];
        for (int r0 = 0; r0 < m; r0 += rowsPerBlock) {
            int rows = Math.min(rowsPerBlock, m - r0);
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < d; j++) {
                    double v = a[(r0 + i) * d + j] - mean[j];
                    block[i * d + j] = v;
                    transposed[j * rows + i] = v;
                }
            }
            Gemm.gemm(d, d, rows, 1.0, transposed, 0, rows, block, 0, d, 1.0, gram, 0, d);
        }
        for (int i = 0; i < d; i++) { // the two triangles hold the same sums; make them equal to the bit
            for (int j = 0; j < i; j++) {
                double v = 0.5 * (gram[i * d + j] + gram[j * d + i]);
                gram[i * d + j] = v;
                gram[j * d + i] = v;
            }
        }
        return gram;
    }

    /// Power iterations of the randomized solver: scikit-learn's larger choice (it takes 4 when $k$ is a tenth
    /// of $\min(m, d)$ or more; on the digits, 10 components of 64, those leave variances $5 \cdot 10^{-6}$
    /// off, 7 leave them within $10^{-6}$). Each multiplies the error of the captured subspace by about
    /// $(\sigma_{k+11}/\sigma_k)^2$.
    static final int POWER_ITERATIONS = 7;

    /// Halko, Martinsson and Tropp (2011), Algorithms 4.4 and 5.1, with oversampling 10 and
    /// [#POWER_ITERATIONS] power iterations: $Z \leftarrow \operatorname{orth}(X_c^\top X_c Z)$ from a
    /// Gaussian $d \times l$ start, then $Q = \operatorname{orth}(X_c Z)$ and the SVD of $Q^\top X_c$.
    ///
    /// Algorithm 4.4 orthonormalises after every product, on both sides; here only the $d \times l$ side
    /// is, in each iteration, and the $m \times l$ side once at the end. The subspaces are the same in
    /// exact arithmetic ($X_c Z$ and its orthonormal basis span the same columns, and so do
    /// $X_c^\top X_c Z$ and $X_c^\top Q$). In floating point, $X_c Z$ with $Z$ orthonormal has condition
    /// at most $\sigma_1 / \sigma_l$, and $X_c^\top X_c Z$ its square, so directions are lost only when
    /// $\sigma_1 / \sigma_l$ exceeds $u^{-1/2} \approx 10^8$, where the variances they carry are below
    /// $10^{-16}$ of the largest. Orthonormalising the $100\,000 \times 20$ sample in every iteration
    /// (TSQR, two passes over its 16 MB) was a third of the solver's time; now it happens once.
    ///
    /// $X_c^\top Y$ is computed as $(Y^\top X_c)^\top$, so that the $m \times d$ data are never
    /// transposed (copied) whole.
    private static void randomized(Matrix xc, int k, long seed, double[] sigma, double[][] vt) {
        int m = xc.rows();
        int d = xc.cols();
        int l = Math.min(Math.min(m, d), k + 10);
        SplittableRandom random = new SplittableRandom(seed);
        double[] omega = new double[d * l];
        for (int i = 0; i < omega.length; i++) {
            omega[i] = random.nextGaussian();
        }
        Matrix z = Matrix.ofRowMajor(d, l, omega);
        for (int it = 0; it < POWER_ITERATIONS; it++) {
            Matrix y = xc.times(z); // m × l
            z = TallSkinnyQr.factor(y.transpose().times(xc).transpose()).q(); // d × l
        }
        Matrix q = TallSkinnyQr.factor(xc.times(z)).q();
        Svd small = q.transpose().times(xc).svd(); // l × d
        for (int c = 0; c < k; c++) {
            sigma[c] = small.singularValues().get(c);
            vt[c] = small.v().column(c).toArray();
        }
    }

    private static void signNormalise(double[] v) {
        int largest = 0;
        for (int j = 1; j < v.length; j++) {
            if (Math.abs(v[j]) > Math.abs(v[largest])) {
                largest = j;
            }
        }
        if (v[largest] < 0) {
            for (int j = 0; j < v.length; j++) {
                v[j] = -v[j];
            }
        }
    }

    /// A fitted PCA.
    ///
    /// @param mean the training mean (`mean_`)
    /// @param components the principal directions as rows (`components_`), $k \times d$
    /// @param explainedVariance the variance along each (`explained_variance_`)
    /// @param explainedVarianceRatio its share of the total variance (`explained_variance_ratio_`)
    /// @param singularValues $\sigma_1 \ge \dots \ge \sigma_k$ of the centred data (`singular_values_`)
    /// @param whiten whether scores are whitened
    @SuppressWarnings("ArrayRecordComponent") // a fitted model; its arrays are copied in and out
    public record Fitted(
            double[] mean,
            double[][] components,
            double[] explainedVariance,
            double[] explainedVarianceRatio,
            double[] singularValues,
            boolean whiten)
            implements dev.lemma.ml.Transformer {

        /// Copies the arrays.
        public Fitted {
            mean = mean.clone();
            components = copy(components);
            explainedVariance = explainedVariance.clone();
            explainedVarianceRatio = explainedVarianceRatio.clone();
            singularValues = singularValues.clone();
        }

        @Override
        public double[] mean() {
            return mean.clone();
        }

        @Override
        public double[][] components() {
            return copy(components);
        }

        @Override
        public double[] explainedVariance() {
            return explainedVariance.clone();
        }

        @Override
        public double[] explainedVarianceRatio() {
            return explainedVarianceRatio.clone();
        }

        @Override
        public double[] singularValues() {
            return singularValues.clone();
        }

        @Override
        public int features() {
            return mean.length;
        }

        /// The scores $(x - \mu) V_k$, divided by $\sqrt{\text{variance}}$ when whitening.
        @Override
        public Matrix transform(Matrix x) {
            Inputs.prediction("pca", x, mean.length);
            int d = mean.length;
            double[] a = x.toRowMajorArray();
            for (int i = 0; i < a.length; i++) {
                a[i] -= mean[i % d];
            }
            Matrix scores = Matrix.ofRowMajor(x.rows(), d, a)
                    .times(Matrix.of(components).transpose());
            if (!whiten) {
                return scores;
            }
            double[] s = scores.toRowMajorArray();
            int k = components.length;
            for (int i = 0; i < s.length; i++) {
                s[i] /= Math.sqrt(explainedVariance[i % k]);
            }
            return Matrix.ofRowMajor(x.rows(), k, s);
        }

        /// Back from scores to features: $\mu + z V_k^\top$ (un-whitening first): the projection of the
        /// original rows onto the affine span of the components.
        ///
        /// @param scores $m \times k$
        /// @return $m \times d$
        public Matrix inverseTransform(Matrix scores) {
            int k = components.length;
            if (scores.cols() != k) {
                throw new IllegalArgumentException(
                        "pca: the scores have " + scores.cols() + " columns but the model has " + k + " components");
            }
            double[] s = scores.toRowMajorArray();
            if (whiten) {
                for (int i = 0; i < s.length; i++) {
                    s[i] *= Math.sqrt(explainedVariance[i % k]);
                }
            }
            double[] x = Matrix.ofRowMajor(scores.rows(), k, s)
                    .times(Matrix.of(components))
                    .toRowMajorArray();
            int d = mean.length;
            for (int i = 0; i < x.length; i++) {
                x[i] += mean[i % d];
            }
            return Matrix.ofRowMajor(scores.rows(), d, x);
        }

        @Override
        public dev.lemma.ml.ModelState state() {
            java.util.Map<String, Object> learned = new java.util.LinkedHashMap<>();
            learned.put("mean_", mean.clone());
            learned.put("components_", copy(components));
            learned.put("explained_variance_", explainedVariance.clone());
            learned.put("explained_variance_ratio_", explainedVarianceRatio.clone());
            learned.put("singular_values_", singularValues.clone());
            return new dev.lemma.ml.ModelState(
                    "pca", java.util.Map.of("n_components", components.length, "whiten", whiten), learned);
        }

        /// Rebuilds a fitted PCA from its state (as read from a file).
        ///
        /// @param state the state
        /// @return the model
        /// @throws IllegalArgumentException naming a missing or mistyped entry
        public static Fitted restore(dev.lemma.ml.ModelState state) {
            return new Fitted(
                    state.vector("mean_"),
                    state.matrix("components_"),
                    state.vector("explained_variance_"),
                    state.vector("explained_variance_ratio_"),
                    state.vector("singular_values_"),
                    Boolean.TRUE.equals(state.parameter("whiten")));
        }

        private static double[][] copy(double[][] a) {
            double[][] c = new double[a.length][];
            for (int i = 0; i < a.length; i++) {
                c[i] = a[i].clone();
            }
            return c;
        }
    }
}
