package dev.lemma.linalg;

import dev.lemma.numeric.Checks;
import dev.lemma.numeric.Compensated;

/// Linear least squares, $\hat x = \arg\min_x \|A x - b\|_2$, solved accurately.
///
/// For $A$ of full column rank the solution comes from Householder QR, then iterative refinement:
/// each step computes the residual $r = b - A x$ with compensated dot products (accurate to working
/// precision however much $A x$ and $b$ cancel), and solves the least-squares problem $A\,\delta \approx
/// r$ for the correction with the same factorisation. Columns are first scaled to unit norm, which
/// changes nothing in exact arithmetic but removes the part of the condition number that only comes
/// from badly scaled columns (polynomial designs like NIST's Filip and Wampler).
///
/// A rank-deficient $A$ gets the minimum-norm solution $A^+ b$ from the SVD, as NumPy's `lstsq` does.
///
/// Book: chapter 1, section "Orthogonality and projections: the normal equations".
final class LeastSquares {
    /// Refinement steps at most; each gains about $-\log_{10}(\kappa u)$ digits until the residual
    /// stops changing (Björck, *Numerical Methods for Least Squares Problems*, §2.9).
    static final int MAX_REFINEMENTS = 10;

    private LeastSquares() {}

    static Vector solve(Matrix a, Vector b) {
        int m = a.rows();
        int n = a.cols();
        Checks.dimensions(b.size() == m, "least squares: A is %s but b has length %d", Checks.shape(m, n), b.size());
        a.requireFinite("A");
        Checks.finite("b", b.data());
        if (m < n || a.hasIndependentColumns() == false) {
            return a.pseudoInverse().times(b);
        }
        double[] scale = new double[n];
        for (int j = 0; j < n; j++) {
            double norm = a.column(j).norm2();
            scale[j] = norm == 0.0 ? 1.0 : 1.0 / norm;
        }
        double[] scaled = a.toRowMajorArray();
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                scaled[i * n + j] *= scale[j];
            }
        }
        Qr qr = Qr.of(Matrix.wrap(m, n, scaled));
        double[] y = qr.solve(b).toArray(); // y = D⁻¹ x, the solution in scaled coordinates
        double[] bData = b.data();
        double[] residual = new double[m];
        double previousCorrection = Double.POSITIVE_INFINITY;
        for (int step = 0; step < MAX_REFINEMENTS; step++) {
            for (int i = 0; i < m; i++) {
                residual[i] = bData[i] - Compensated.dotRow(scaled, i, n, y);
            }
            // The residual of the scaled system is computed with Dot2, whose error here is below u·|b|.
            double[] delta = qr.solve(Vector.wrap(residual)).toArray();
            double correction = Vector.wrap(delta).normInf();
            for (int j = 0; j < n; j++) {
                y[j] += delta[j];
            }
            double size = Vector.wrap(y).normInf();
            if (correction <= 1e-17 * size || correction >= 0.5 * previousCorrection) {
                break;
            }
            previousCorrection = correction;
        }
        double[] x = new double[n];
        for (int j = 0; j < n; j++) {
            x[j] = y[j] * scale[j];
        }
        return Vector.wrap(x);
    }
}
