package dev.lemma.viz;

import java.util.Objects;

/// The checks chart data must pass, with messages that say which series and which entry was wrong.
final class Validation {
    private Validation() {}

    static <T> T notNull(String name, T value) {
        return Objects.requireNonNull(value, () -> name + " must not be null");
    }

    static double[] copy(String what, double[] values) {
        notNull(what, values);
        return values.clone();
    }

    /// Copies `values`, checking that every entry is finite (NaN allowed where `gapsAllowed`, as a
    /// break in a line).
    static double[] finiteCopy(String what, double[] values, boolean gapsAllowed) {
        double[] copy = copy(what, values);
        for (int i = 0; i < copy.length; i++) {
            double v = copy[i];
            if (Double.isInfinite(v) || (!gapsAllowed && Double.isNaN(v))) {
                throw new IllegalArgumentException(what + "[" + i + "] must be finite but is " + v);
            }
        }
        return copy;
    }

    static void sameLength(String what, double[] a, String aName, double[] b, String bName) {
        if (a.length != b.length) {
            throw new IllegalArgumentException(
                    what + ": " + aName + " has " + a.length + " values but " + bName + " has " + b.length);
        }
    }

    /// Copies a grid `z[i][j]` (row `i` at `y[i]`, column `j` at `x[j]`), checking its shape.
    static double[][] grid(String what, double[] x, double[] y, double[][] z, boolean gapsAllowed) {
        notNull(what + " z", z);
        if (z.length != y.length) {
            throw new IllegalArgumentException(
                    what + ": z has " + z.length + " rows but y has " + y.length + " values");
        }
        double[][] copy = new double[z.length][];
        for (int i = 0; i < z.length; i++) {
            if (z[i] == null || z[i].length != x.length) {
                throw new IllegalArgumentException(what + ": z row " + i + " has "
                        + (z[i] == null ? "no" : String.valueOf(z[i].length)) + " values but x has " + x.length);
            }
            copy[i] = finiteCopy(what + " z[" + i + "]", z[i], gapsAllowed);
        }
        return copy;
    }

    static double[][] copy(double[][] z) {
        double[][] copy = new double[z.length][];
        for (int i = 0; i < z.length; i++) {
            copy[i] = z[i].clone();
        }
        return copy;
    }
}
