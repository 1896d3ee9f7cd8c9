package dev.lemma.viz;

import java.util.function.Function;

/// Tick labels of the static renderer's logarithmic axes.
final class TickLabels {
    private TickLabels() {}

    private static final String SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    /// How many decades `[lo, hi]` spans (0 if the range is empty or not positive).
    static double decades(double lo, double hi) {
        if (!(lo > 0) || !(hi > lo)) {
            return 0;
        }
        return Math.log10(hi) - Math.log10(lo);
    }

    /// The labels of a log axis over `[lo, hi]`: plain numbers (`0.01`, `1`, `1000`) when every decade
    /// in the range reads well so, otherwise every decade as a power of ten (`10⁻¹⁵`, `10⁰`, `10⁴`),
    /// never a mix of the two on one axis. Values between decades get four significant digits.
    static Function<Double, String> log(double lo, double hi) {
        boolean powers = lo < 0.01 || hi > 1e4;
        return v -> {
            double e = Math.rint(Math.log10(v));
            if (powers && Math.abs(Math.log10(v) - e) < 1e-9) {
                return power((int) e);
            }
            return ColorBar.format(v);
        };
    }

    /// The label of a tick on a log axis shorter than [XyPlot#WIDE_LOG_AXIS] decades, where XChart puts a tick at every
    /// multiple 1 … 9 of each decade: the ticks at 1, 2 and 5 times a power of ten are labelled, the
    /// others left blank so that the labels do not crowd towards each decade's end.
    static String oneTwoFive(Double v) {
        double mantissa = v / Math.pow(10, Math.floor(Math.log10(v) + 1e-9));
        for (double m : new double[] {1, 2, 5}) {
            if (Math.abs(mantissa - m) < 1e-6) {
                return ColorBar.format(v);
            }
        }
        return "";
    }

    /// `10` with the exponent in Unicode superscripts: `10⁻³`, `10¹²`.
    static String power(int exponent) {
        StringBuilder out = new StringBuilder("10");
        if (exponent < 0) {
            out.append('⁻');
        }
        for (char c : Integer.toString(Math.abs(exponent)).toCharArray()) {
            out.append(SUPERSCRIPTS.charAt(c - '0'));
        }
        return out.toString();
    }
}
