package dev.lemma.optim;

/// The few operations on flat `double[]` vectors the optimisers share, written out so that each update
/// rule reads as its formula.
final class Flat {
    private Flat() {}

    /// $a^\top b$.
    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /// $x + t\,d$, a new array.
    static double[] along(double[] x, double[] d, double t) {
        double[] next = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            next[i] = x[i] + t * d[i];
        }
        return next;
    }

    /// $a - b$, a new array.
    static double[] minus(double[] a, double[] b) {
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = a[i] - b[i];
        }
        return r;
    }

    /// $-a$, a new array.
    static double[] negate(double[] a) {
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = -a[i];
        }
        return r;
    }

    /// $\|a\|_1$.
    static double norm1(double[] a) {
        double s = 0;
        for (double v : a) {
            s += Math.abs(v);
        }
        return s;
    }

    /// $\|a\|_\infty$.
    static double normInf(double[] a) {
        double m = 0;
        for (double v : a) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }
}
