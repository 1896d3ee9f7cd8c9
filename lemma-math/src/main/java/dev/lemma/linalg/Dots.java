package dev.lemma.linalg;

/// Dot products for the decompositions' inner loops, with four independent partial sums: one running
/// sum makes every addition wait for the previous one (a 4-cycle latency per term), four let the
/// processor overlap them. The summation order differs from the plain loop, so results may differ in
/// the last bits; the error bound $\gamma_{n} \sum |x_i y_i|$ is the same (Higham, *Accuracy and
/// Stability of Numerical Algorithms*, 2nd ed., §3.1).
final class Dots {
    private Dots() {}

    /// @return $\sum_{t < \text{len}} x_{xOff + t}\, y_{yOff + t}$
    static double dot(double[] x, int xOff, double[] y, int yOff, int len) {
        double s0 = 0.0;
        double s1 = 0.0;
        double s2 = 0.0;
        double s3 = 0.0;
        int t = 0;
        for (; t + 3 < len; t += 4) {
            s0 += x[xOff + t] * y[yOff + t];
            s1 += x[xOff + t + 1] * y[yOff + t + 1];
            s2 += x[xOff + t + 2] * y[yOff + t + 2];
            s3 += x[xOff + t + 3] * y[yOff + t + 3];
        }
        for (; t < len; t++) {
            s0 += x[xOff + t] * y[yOff + t];
        }
        return (s0 + s1) + (s2 + s3);
    }
}
