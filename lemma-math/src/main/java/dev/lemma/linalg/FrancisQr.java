package dev.lemma.linalg;

import dev.lemma.numeric.ConvergenceException;
import dev.lemma.numeric.Tolerances;

/// Eigenvalues and eigenvectors of an upper Hessenberg matrix: Francis double-shift implicit QR
/// iterations reduce $H$ to real Schur form $S = Z^\top H Z$ (quasi-triangular, with 2×2 blocks for
/// complex conjugate pairs), then back-substitution in $S$ finds its eigenvectors and $Z$ carries them
/// back.
///
/// This is EISPACK's `hqr2` (Smith et al., *Matrix Eigensystem Routines – EISPACK Guide*, 1976), as
/// translated in JAMA's `EigenvalueDecomposition` (public domain), on row-major arrays, with an
/// iteration limit: Golub and Van Loan, *Matrix Computations*, 4th ed., Algorithm 7.5.2 (Francis QR
/// step) and §7.6.4 (eigenvectors of a quasi-triangular matrix).
final class FrancisQr {
    private FrancisQr() {}

    /// Exceptional shifts after this many iterations without deflation (EISPACK: 10, and JAMA adds a
    /// second kind at 30).
    private static final int EXCEPTIONAL_SHIFT_AT = 10;

    private static final int SECOND_EXCEPTIONAL_SHIFT_AT = 30;

    /// Runs the QR iteration and back-substitution.
    ///
    /// On entry `h` is upper Hessenberg and `v` the orthogonal $Q$ with $A = Q H Q^\top$; on return
    /// `wr` and `wi` hold the eigenvalues (a complex pair at $j, j+1$ has `wi[j] > 0`,
    /// `wi[j+1] = -wi[j]`) and `v` the eigenvectors of $A$: column $j$ for a real eigenvalue; columns
    /// $j$ and $j+1$ the real and imaginary parts of the eigenvector of $w_r + i w_i$ for a pair. `h`
    /// is overwritten.
    ///
    /// @throws ConvergenceException after $30 \max(n, 10)$ iterations (LAPACK `dhseqr`'s budget)
    static void solve(double[] h, double[] v, int nn, double[] wr, double[] wi) {
        int n = nn - 1;
        double eps = Tolerances.MACHINE_EPSILON;
        double exshift = 0.0;
        double p = 0;
        double q = 0;
        double r = 0;
        double s = 0;
        double z = 0;
        double w;
        double x;
        double y;

        double norm = 0.0;
        for (int i = 0; i < nn; i++) {
            for (int j = Math.max(i - 1, 0); j < nn; j++) {
                norm += Math.abs(h[i * nn + j]);
            }
        }

        if (norm == 0.0) { // A = 0: every eigenvalue is 0, and Q (the identity) holds eigenvectors
            return;
        }
        int limit = Tolerances.QR_ITERATIONS_PER_EIGENVALUE * Math.max(nn, 10);
        int total = 0;
        int iter = 0;
        while (n >= 0) {
            // Look for a single small subdiagonal element.
            int l = n;
            while (l > 0) {
                s = Math.abs(h[(l - 1) * nn + l - 1]) + Math.abs(h[l * nn + l]);
                if (s == 0.0) {
                    s = norm;
                }
                if (Math.abs(h[l * nn + l - 1]) <= eps * s) {
                    break;
                }
                l--;
            }
            if (l == n) { // one root found
                h[n * nn + n] += exshift;
                wr[n] = h[n * nn + n];
                wi[n] = 0.0;
                n--;
                iter = 0;
            } else if (l == n - 1) { // two roots found
                w = h[n * nn + n - 1] * h[(n - 1) * nn + n];
                p = (h[(n - 1) * nn + n - 1] - h[n * nn + n]) / 2.0;
                q = p * p + w;
                z = Math.sqrt(Math.abs(q));
                h[n * nn + n] += exshift;
                h[(n - 1) * nn + n - 1] += exshift;
                x = h[n * nn + n];
                if (q >= 0) { // real pair
                    z = p >= 0 ? p + z : p - z;
                    wr[n - 1] = x + z;
                    wr[n] = wr[n - 1];
                    if (z != 0.0) {
                        wr[n] = x - w / z;
                    }
                    wi[n - 1] = 0.0;
                    wi[n] = 0.0;
                    x = h[n * nn + n - 1];
                    s = Math.abs(x) + Math.abs(z);
                    p = x / s;
                    q = z / s;
                    r = Math.sqrt(p * p + q * q);
                    p /= r;
                    q /= r;
                    for (int j = n - 1; j < nn; j++) { // row modification
                        z = h[(n - 1) * nn + j];
                        h[(n - 1) * nn + j] = q * z + p * h[n * nn + j];
                        h[n * nn + j] = q * h[n * nn + j] - p * z;
                    }
                    for (int i = 0; i <= n; i++) { // column modification
                        z = h[i * nn + n - 1];
                        h[i * nn + n - 1] = q * z + p * h[i * nn + n];
                        h[i * nn + n] = q * h[i * nn + n] - p * z;
                    }
                    for (int i = 0; i < nn; i++) { // accumulate
                        z = v[i * nn + n - 1];
                        v[i * nn + n - 1] = q * z + p * v[i * nn + n];
                        v[i * nn + n] = q * v[i * nn + n] - p * z;
                    }
                } else { // complex pair
                    wr[n - 1] = x + p;
                    wr[n] = x + p;
                    wi[n - 1] = z;
                    wi[n] = -z;
                }
                n -= 2;
                iter = 0;
            } else { // no convergence yet
                if (++total > limit) {
                    throw new ConvergenceException(
                            "Francis QR on a %d×%d Hessenberg matrix did not converge in %d iterations (eigenvalues 0..%d left)"
                                    .formatted(nn, nn, limit, n));
                }
                x = h[n * nn + n];
                y = 0.0;
                w = 0.0;
                if (l < n) {
                    y = h[(n - 1) * nn + n - 1];
                    w = h[n * nn + n - 1] * h[(n - 1) * nn + n];
                }
                if (iter == EXCEPTIONAL_SHIFT_AT) { // Wilkinson's original ad hoc shift
                    exshift += x;
                    for (int i = 0; i <= n; i++) {
                        h[i * nn + i] -= x;
                    }
                    s = Math.abs(h[n * nn + n - 1]) + Math.abs(h[(n - 1) * nn + n - 2]);
                    x = 0.75 * s;
                    y = x;
                    w = -0.4375 * s * s;
                }
                if (iter == SECOND_EXCEPTIONAL_SHIFT_AT) { // MATLAB's ad hoc shift
                    s = (y - x) / 2.0;
                    s = s * s + w;
                    if (s > 0) {
                        s = Math.sqrt(s);
                        if (y < x) {
                            s = -s;
                        }
                        s = x - w / ((y - x) / 2.0 + s);
                        for (int i = 0; i <= n; i++) {
                            h[i * nn + i] -= s;
                        }
                        exshift += s;
                        x = 0.964;
                        y = x;
                        w = x;
                    }
                }
                iter++;
                // Look for two consecutive small subdiagonal elements.
                int m = n - 2;
                while (m >= l) {
                    z = h[m * nn + m];
                    r = x - z;
                    s = y - z;
                    p = (r * s - w) / h[(m + 1) * nn + m] + h[m * nn + m + 1];
                    q = h[(m + 1) * nn + m + 1] - z - r - s;
                    r = h[(m + 2) * nn + m + 1];
                    s = Math.abs(p) + Math.abs(q) + Math.abs(r);
                    p /= s;
                    q /= s;
                    r /= s;
                    if (m == l) {
                        break;
                    }
                    if (Math.abs(h[m * nn + m - 1]) * (Math.abs(q) + Math.abs(r))
                            < eps
                                    * (Math.abs(p)
                                            * (Math.abs(h[(m - 1) * nn + m - 1])
                                                    + Math.abs(z)
                                                    + Math.abs(h[(m + 1) * nn + m + 1])))) {
                        break;
                    }
                    m--;
                }
                for (int i = m + 2; i <= n; i++) {
                    h[i * nn + i - 2] = 0.0;
                    if (i > m + 2) {
                        h[i * nn + i - 3] = 0.0;
                    }
                }
                // Double QR step on rows l..n and columns m..n.
                for (int k = m; k <= n - 1; k++) {
                    boolean notLast = k != n - 1;
                    if (k != m) {
                        p = h[k * nn + k - 1];
                        q = h[(k + 1) * nn + k - 1];
                        r = notLast ? h[(k + 2) * nn + k - 1] : 0.0;
                        x = Math.abs(p) + Math.abs(q) + Math.abs(r);
                        if (x == 0.0) {
                            continue;
                        }
                        p /= x;
                        q /= x;
                        r /= x;
                    }
                    s = Math.sqrt(p * p + q * q + r * r);
                    if (p < 0) {
                        s = -s;
                    }
                    if (s != 0) {
                        if (k != m) {
                            h[k * nn + k - 1] = -s * x;
                        } else if (l != m) {
                            h[k * nn + k - 1] = -h[k * nn + k - 1];
                        }
                        p += s;
                        x = p / s;
                        y = q / s;
                        z = r / s;
                        q /= p;
                        r /= p;
                        int rk = k * nn;
                        int rk1 = rk + nn;
                        int rk2 = rk1 + nn;
                        for (int j = k; j < nn; j++) { // row modification
                            p = h[rk + j] + q * h[rk1 + j];
                            if (notLast) {
                                p += r * h[rk2 + j];
                                h[rk2 + j] -= p * z;
                            }
                            h[rk + j] -= p * x;
                            h[rk1 + j] -= p * y;
                        }
                        int iEnd = Math.min(n, k + 3);
                        for (int i = 0; i <= iEnd; i++) { // column modification
                            int ri = i * nn;
                            p = x * h[ri + k] + y * h[ri + k + 1];
                            if (notLast) {
                                p += z * h[ri + k + 2];
                                h[ri + k + 2] -= p * r;
                            }
                            h[ri + k] -= p;
                            h[ri + k + 1] -= p * q;
                        }
                        for (int i = 0; i < nn; i++) { // accumulate
                            int ri = i * nn;
                            p = x * v[ri + k] + y * v[ri + k + 1];
                            if (notLast) {
                                p += z * v[ri + k + 2];
                                v[ri + k + 2] -= p * r;
                            }
                            v[ri + k] -= p;
                            v[ri + k + 1] -= p * q;
                        }
                    }
                }
            }
        }
        backSubstitute(h, v, nn, wr, wi, norm);
    }

    /// Eigenvectors of the quasi-triangular $S$ by back-substitution, then $V \leftarrow Z X$.
    private static void backSubstitute(double[] h, double[] v, int nn, double[] wr, double[] wi, double norm) {
        double eps = Tolerances.MACHINE_EPSILON;
        double p;
        double q;
        double r = 0;
        double s = 0;
        double z = 0;
        double t;
        double w;
        double x;
        double y;
        double[] cd = new double[2];
        for (int n = nn - 1; n >= 0; n--) {
            p = wr[n];
            q = wi[n];
            if (q == 0) { // real vector
                int l = n;
                h[n * nn + n] = 1.0;
                for (int i = n - 1; i >= 0; i--) {
                    w = h[i * nn + i] - p;
                    r = 0.0;
                    for (int j = l; j <= n; j++) {
                        r += h[i * nn + j] * h[j * nn + n];
                    }
                    if (wi[i] < 0.0) {
                        z = w;
                        s = r;
                    } else {
                        l = i;
                        if (wi[i] == 0.0) {
                            h[i * nn + n] = w != 0.0 ? -r / w : -r / (eps * norm);
                        } else { // solve the real 2×2 system
                            x = h[i * nn + i + 1];
                            y = h[(i + 1) * nn + i];
                            q = (wr[i] - p) * (wr[i] - p) + wi[i] * wi[i];
                            t = (x * s - z * r) / q;
                            h[i * nn + n] = t;
                            h[(i + 1) * nn + n] = Math.abs(x) > Math.abs(z) ? (-r - w * t) / x : (-s - y * t) / z;
                        }
                        t = Math.abs(h[i * nn + n]); // overflow control
                        if ((eps * t) * t > 1) {
                            for (int j = i; j <= n; j++) {
                                h[j * nn + n] /= t;
                            }
                        }
                    }
                }
            } else if (q < 0) { // complex vector, stored in columns n-1 (real) and n (imaginary)
                int l = n - 1;
                if (Math.abs(h[n * nn + n - 1]) > Math.abs(h[(n - 1) * nn + n])) {
                    h[(n - 1) * nn + n - 1] = q / h[n * nn + n - 1];
                    h[(n - 1) * nn + n] = -(h[n * nn + n] - p) / h[n * nn + n - 1];
                } else {
                    complexDivide(0.0, -h[(n - 1) * nn + n], h[(n - 1) * nn + n - 1] - p, q, cd);
                    h[(n - 1) * nn + n - 1] = cd[0];
                    h[(n - 1) * nn + n] = cd[1];
                }
                h[n * nn + n - 1] = 0.0;
                h[n * nn + n] = 1.0;
                for (int i = n - 2; i >= 0; i--) {
                    double ra = 0.0;
                    double sa = 0.0;
                    for (int j = l; j <= n; j++) {
                        ra += h[i * nn + j] * h[j * nn + n - 1];
                        sa += h[i * nn + j] * h[j * nn + n];
                    }
                    w = h[i * nn + i] - p;
                    if (wi[i] < 0.0) {
                        z = w;
                        r = ra;
                        s = sa;
                    } else {
                        l = i;
                        if (wi[i] == 0) {
                            complexDivide(-ra, -sa, w, q, cd);
                            h[i * nn + n - 1] = cd[0];
                            h[i * nn + n] = cd[1];
                        } else { // solve the complex 2×2 system
                            x = h[i * nn + i + 1];
                            y = h[(i + 1) * nn + i];
                            double vr = (wr[i] - p) * (wr[i] - p) + wi[i] * wi[i] - q * q;
                            double vi = (wr[i] - p) * 2.0 * q;
                            if (vr == 0.0 && vi == 0.0) {
                                vr = eps * norm * (Math.abs(w) + Math.abs(q) + Math.abs(x) + Math.abs(y) + Math.abs(z));
                            }
                            complexDivide(x * r - z * ra + q * sa, x * s - z * sa - q * ra, vr, vi, cd);
                            h[i * nn + n - 1] = cd[0];
                            h[i * nn + n] = cd[1];
                            if (Math.abs(x) > (Math.abs(z) + Math.abs(q))) {
                                h[(i + 1) * nn + n - 1] = (-ra - w * h[i * nn + n - 1] + q * h[i * nn + n]) / x;
                                h[(i + 1) * nn + n] = (-sa - w * h[i * nn + n] - q * h[i * nn + n - 1]) / x;
                            } else {
                                complexDivide(-r - y * h[i * nn + n - 1], -s - y * h[i * nn + n], z, q, cd);
                                h[(i + 1) * nn + n - 1] = cd[0];
                                h[(i + 1) * nn + n] = cd[1];
                            }
                        }
                        t = Math.max(Math.abs(h[i * nn + n - 1]), Math.abs(h[i * nn + n])); // overflow control
                        if ((eps * t) * t > 1) {
                            for (int j = i; j <= n; j++) {
                                h[j * nn + n - 1] /= t;
                                h[j * nn + n] /= t;
                            }
                        }
                    }
                }
            }
        }
        // V ← Z X, with X upper triangular in h: column j of the product needs X's rows 0..j.
        double[] product = new double[nn * nn];
        for (int i = 0; i < nn; i++) {
            int ri = i * nn;
            for (int k = 0; k < nn; k++) {
                double zik = v[ri + k];
                if (zik == 0.0) {
                    continue;
                }
                int rk = k * nn;
                for (int j = k; j < nn; j++) {
                    product[ri + j] += zik * h[rk + j];
                }
            }
        }
        System.arraycopy(product, 0, v, 0, nn * nn);
    }

    /// $(a + ib) / (c + id)$ by Smith's algorithm, into `out[0]` and `out[1]`.
    private static void complexDivide(double a, double b, double c, double d, double[] out) {
        if (Math.abs(c) > Math.abs(d)) {
            double ratio = d / c;
            double den = c + ratio * d;
            out[0] = (a + ratio * b) / den;
            out[1] = (b - ratio * a) / den;
        } else {
            double ratio = c / d;
            double den = d + ratio * c;
            out[0] = (ratio * a + b) / den;
            out[1] = (ratio * b - a) / den;
        }
    }
}
