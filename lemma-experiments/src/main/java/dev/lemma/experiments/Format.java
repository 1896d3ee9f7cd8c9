package dev.lemma.experiments;

import java.util.Locale;

/// Numbers written for notes and table cells: four significant digits, the same on every machine.
public final class Format {
    private Format() {}

    /// Four significant digits, `Locale.ROOT` (a decimal point everywhere); exact zero as `0`.
    public static String num(double x) {
        if (x == 0.0) {
            return "0";
        }
        if (!Double.isFinite(x)) {
            return String.valueOf(x);
        }
        double ax = Math.abs(x);
        if (ax >= 1e-3 && ax < 1e5) {
            String s = String.format(Locale.ROOT, "%.4g", x);
            if (!s.contains("e")) {
                return stripZeros(s);
            }
            // four significant digits cannot show 10 000 ≤ |x| < 100 000 without an exponent ("2.356e+04"):
            // the whole number reads better, and a value rounding to 100 000 goes to scientific notation
            String whole = String.format(Locale.ROOT, "%.0f", x);
            return whole.replace("-", "").length() <= 5 ? whole : sci(x);
        }
        return sci(x);
    }

    /// Scientific notation with three significant digits, as Markdown math: `1.23 \times 10^{-8}`.
    public static String sci(double x) {
        if (x == 0.0) {
            return "0";
        }
        int e = (int) Math.floor(Math.log10(Math.abs(x)));
        double m = x / Math.pow(10, e);
        if (Math.abs(m) >= 9.995) { // rounding carried into the next power of ten
            m /= 10;
            e++;
        }
        return String.format(Locale.ROOT, "%.2f \\times 10^{%d}", m, e);
    }

    /// Scientific notation as plain text for table cells: `1.23e-08`.
    public static String plain(double x) {
        return String.format(Locale.ROOT, "%.3g", x);
    }

    private static String stripZeros(String s) {
        if (!s.contains(".")) {
            return s;
        }
        String t = s.replaceAll("0+$", "");
        return t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
    }

    /// An index in Unicode subscript digits, for plain-text labels: `21` → `₂₁`.
    public static String subscript(int i) {
        StringBuilder s = new StringBuilder();
        for (char c : Integer.toString(i).toCharArray()) {
            s.append(c == '-' ? '₋' : (char) ('₀' + (c - '0')));
        }
        return s.toString();
    }
}
