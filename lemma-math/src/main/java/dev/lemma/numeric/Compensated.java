package dev.lemma.numeric;

/// Error-free transformations and the compensated sums and dot products built on them.
///
/// A floating-point sum or product is rounded; an *error-free transformation* returns the rounded
/// result together with the exact rounding error, itself a double. Accumulating those errors on the
/// side gives results as accurate as if they were computed in twice the working precision, then
/// rounded once (Ogita, Rump and Oishi, "Accurate sum and dot product", SIAM J. Sci. Comput. 26(6),
/// 2005).
///
/// Book: chapter 1, section "Conditioning and accuracy".
public final class Compensated {
    private Compensated() {}

    /// The exact product of two doubles as an unevaluated sum `hi + lo`.
    ///
    /// Non-finite input or overflow: `hi` is the IEEE result and `lo` is not finite (NaN, or an infinity
    /// when a finite product overflows) whenever `hi` is not: an infinite result has no rounding error.
    ///
    /// @param hi the rounded result, $\mathrm{fl}(a b)$ or $\mathrm{fl}(a + b)$
    /// @param lo the rounding error, so that $a b = hi + lo$ (or $a + b = hi + lo$) exactly, barring
    ///     underflow of the product's error below the smallest subnormal
    public record TwoTerm(double hi, double lo) {}

    /// `twoProduct(a, b)`: $a \cdot b = hi + lo$ exactly, using one fused multiply-add: the FMA computes
    /// $a b - hi$ with a single rounding, and that difference is representable (Higham §2.6).
    ///
    /// @param a a factor
    /// @param b a factor
    /// @return the product and its exact rounding error
    public static TwoTerm twoProduct(double a, double b) {
        double hi = a * b;
        return new TwoTerm(hi, Math.fma(a, b, -hi));
    }

    /// `twoSum(a, b)`: $a + b = s + e$ exactly, Knuth's branch-free algorithm (TAOCP vol. 2, §4.2.2).
    ///
    /// @param a a term
    /// @param b a term
    /// @return the rounded sum and its exact rounding error
    public static TwoTerm twoSum(double a, double b) {
        double s = a + b;
        double bVirtual = s - a;
        double e = (a - (s - bVirtual)) + (b - bVirtual);
        return new TwoTerm(s, e);
    }

    /// The Kahan–Babuška–Neumaier sum $\sum_i x_i$: a running compensation term catches the low-order
    /// bits each addition loses, whichever of the two operands is larger (Neumaier 1974). The error is
    /// $\le 2u|\sum x_i| + O(n u^2)\sum|x_i|$ instead of the $(n-1)u\sum|x_i|$ of the plain loop.
    ///
    /// Non-finite input: the result is NaN or infinite as the plain sum would be.
    ///
    /// @param x the terms
    /// @return the compensated sum
    public static double sum(double[] x) {
        return sum(x, 0, x.length);
    }

    /// The Neumaier sum of `x[from .. to)`.
    ///
    /// @param x the terms
    /// @param from first index, inclusive
    /// @param to last index, exclusive
    /// @return the compensated sum
    public static double sum(double[] x, int from, int to) {
        double s = 0.0;
        double c = 0.0;
        for (int i = from; i < to; i++) {
            double t = s + x[i];
            if (Math.abs(s) >= Math.abs(x[i])) {
                c += (s - t) + x[i];
            } else {
                c += (x[i] - t) + s;
            }
            s = t;
        }
        double total = s + c;
        // An infinite term turns the compensation into NaN (∞ − ∞) while the plain sum is the right answer.
        return Double.isNaN(total) && !Double.isNaN(s) ? s : total;
    }

    /// The compensated dot product `Dot2` of Ogita, Rump and Oishi (2005, Algorithm 5.3):
    /// each product is split exactly with `twoProduct`, each partial sum with `twoSum`, and the errors
    /// are summed on the side. The result is as accurate as the dot product computed in twice the
    /// working precision and rounded: relative error $\le u + \gamma_n^2 \cdot \mathrm{cond}$.
    ///
    /// Non-finite input: the result is what the plain loop $\sum_i x_i y_i$ gives, NaN or infinite (the
    /// compensation, NaN as soon as a term is infinite, is then dropped). A sum that overflows is
    /// infinite, as in the plain loop.
    ///
    /// Cost: $O(n)$, about 10 flops per term instead of 2 (one FMA among them).
    ///
    /// @param x a vector
    /// @param y a vector of the same length
    /// @return $\sum_i x_i y_i$, compensated
    /// @throws DimensionMismatchException if the lengths differ
    public static double dot(double[] x, double[] y) {
        Checks.dimensions(x.length == y.length, "dot: x has length %d but y has length %d", x.length, y.length);
        return dot(x, 0, y, 0, x.length);
    }

    /// The compensated dot product of row `row` of a row-major matrix `a` (with `cols` columns) and
    /// `x`, the same algorithm as [#dot(double\[\], double\[\])], without copying the row.
    ///
    /// @param a the matrix entries, row-major
    /// @param row the row index
    /// @param cols the number of columns (and the length of `x`)
    /// @param x the vector
    /// @return $\sum_j a_{\text{row},j} x_j$, compensated
    public static double dotRow(double[] a, int row, int cols, double[] x) {
        return dot(a, row * cols, x, 0, cols);
    }

    /// `Dot2` over `x[xFrom .. xFrom+n)` and `y[yFrom .. yFrom+n)`: each product split exactly by an
    /// FMA, each partial sum by `twoSum`, the errors summed on the side.
    private static double dot(double[] x, int xFrom, double[] y, int yFrom, int n) {
        double p = 0.0;
        double s = 0.0;
        for (int i = 0; i < n; i++) {
            double xi = x[xFrom + i];
            double yi = y[yFrom + i];
            double h = xi * yi;
            double r = Math.fma(xi, yi, -h);
            double q = p + h;
            double bVirtual = q - p;
            double e = (p - (q - bVirtual)) + (h - bVirtual);
            p = q;
            s += e + r;
        }
        return finish(p, s);
    }

    /// $p + s$, unless the error term became NaN from an infinity in $p$'s terms while $p$ itself is the
    /// IEEE answer (±∞): then $p$.
    private static double finish(double p, double s) {
        double total = p + s;
        return Double.isNaN(total) && !Double.isNaN(p) ? p : total;
    }
}
