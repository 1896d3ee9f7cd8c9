package dev.lemma.stats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lemma.linalg.NistLinearRegressionTest;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/// The nine NIST StRD univariate problems (source: `src/test/resources/reference/nist-strd/README.md`):
/// certified mean, standard deviation ($n - 1$) and lag-1 autocorrelation, against [Summary#of],
/// [Summary.Accumulator] and [Descriptive#autocorrelation].
///
/// Accuracy is the log relative error of [NistLinearRegressionTest#lre] (McCullough 1998), capped at the
/// number of significant digits NIST certifies (15 for the values marked `(exact)`, which is all a double
/// holds).
///
/// Bars (from the issue): the mean to 14 digits on every file; the standard deviation and $r_1$ at least
/// as good as NumPy's two-pass `std(ddof=1)` and $\sum d_i d_{i+1} / \sum d_i^2$, measured with NumPy
/// 2.4.6: sd 8.253 on NumAcc4 and 9.457 on NumAcc3 (quoted as 8.3 and 9.5), $r_1$ 10.729 and 11.933
/// there, 13 or more elsewhere.
/// NumAcc3 and NumAcc4 cannot do better: their data $10^6 + 0.1k$ and $10^7 + 0.1k$ are not doubles,
/// and reading them moves each value by up to half an ulp ($6 \times 10^{-11}$, $9 \times 10^{-10}$),
/// which changes the exact standard deviation of the stored data in the 9th and 10th digit. The test
/// therefore also computes that exact value (`BigDecimal`, 60 digits, on the doubles as stored) and
/// asserts that Lemma's mean, standard deviation and $r_1$ are within [#ULPS_OF_EXACT] units of them:
/// that checks the algorithm itself, whatever the data's representation costs.
class NistUnivariateTest {
    private static final String[] FILES = {
        "PiDigits", "Lottery", "Lew", "Mavro", "Michelso", "NumAcc1", "NumAcc2", "NumAcc3", "NumAcc4"
    };
    private static final double MEAN_BAR = 14.0;
    private static final double DEFAULT_BAR = 13.0;
    /// NumPy 2.4.6's LRE, rounded down to two decimals, where it is below [#DEFAULT_BAR].
    private static final Map<String, Double> SD_BAR = Map.of("NumAcc3", 9.45, "NumAcc4", 8.25);

    private static final Map<String, Double> R1_BAR = Map.of("NumAcc3", 11.93, "NumAcc4", 10.72);
    /// The two-pass mean, standard deviation and $r_1$ must agree with the exact values of the stored doubles
    /// to this many units in the last place (relative $4u$).
    private static final double ULPS_OF_EXACT = 4.0;

    /// Welford's one pass ([Summary.Accumulator]) is held to 14 digits on the mean and 12 on the standard
    /// deviation (or NumPy's bar where lower): it loses up to 1.5 digits against two passes on Mavro
    /// and Michelso, as its error bound $n u \kappa$ allows.
    private static final double ACCUMULATOR_SD_BAR = 12.0;

    private static final double U = Math.ulp(1.0) / 2;
    private static final MathContext EXACT = new MathContext(60);
    private static final Pattern NEWLINE = Pattern.compile("\r?\n");
    private static final Pattern BLANKS = Pattern.compile("\\s+");

    /// One file: the certified values as written, and the data.
    static final class Problem {
        final String name;
        final String[] certified;
        final boolean[] exact;
        final double[] y;

        Problem(String name, String[] certified, boolean[] exact, double[] y) {
            this.name = name;
            this.certified = certified;
            this.exact = exact;
            this.y = y;
        }

        double certified(int k) {
            return Double.parseDouble(certified[k]);
        }

        /// The significant digits of certified value `k`: 15 for `(exact)` values, else the digits
        /// written (leading zeros excluded).
        int digits(int k) {
            if (exact[k]) {
                return 15;
            }
            String text = certified[k].replace("-", "").replace(".", "").replaceFirst("^0+", "");
            return Math.min(15, text.length());
        }
    }

    static Problem parse(String name) throws IOException {
        String text;
        try (InputStream in =
                NistUnivariateTest.class.getResourceAsStream("/reference/nist-strd/univariate/" + name + ".dat")) {
            assertThat(in).as("resource %s.dat", name).isNotNull();
            text = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
        String[] lines = NEWLINE.split(text, -1);
        String[] certified = new String[3];
        boolean[] exact = new boolean[3];
        for (int k = 0; k < 3; k++) {
            String line = lines[40 + k]; // lines 41-43: mean, standard deviation, r(1)
            String value = line.substring(line.indexOf(':') + 1).trim();
            exact[k] = value.contains("(exact)");
            certified[k] = BLANKS.split(value, -1)[0];
        }
        assertThat(lines[40]).as("%s line 41", name).startsWith("Sample Mean");
        assertThat(lines[42]).as("%s line 43", name).contains("r(1)");
        String observations = lines[44].substring(lines[44].indexOf(':') + 1).trim(); // line 45
        List<Double> data = new ArrayList<>();
        for (int i = 60; i < lines.length; i++) {
            String t = lines[i].trim();
            if (!t.isEmpty()) {
                data.add(Double.parseDouble(t));
            }
        }
        assertThat(data).as("%s: data rows against line 45", name).hasSize(Integer.parseInt(observations));
        return new Problem(
                name,
                certified,
                exact,
                data.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static double lre(double estimate, Problem p, int k) {
        return Math.min(p.digits(k), NistLinearRegressionTest.lre(estimate, p.certified(k)));
    }

    /// The exact mean, sample standard deviation and $r_1$ of the doubles as stored, to 60 digits.
    private static double[] exactMeanSdAndR1(double[] y) {
        BigDecimal sum = BigDecimal.ZERO;
        for (double v : y) {
            sum = sum.add(new BigDecimal(v));
        }
        BigDecimal n = BigDecimal.valueOf(y.length);
        BigDecimal mean = sum.divide(n, EXACT);
        BigDecimal squares = BigDecimal.ZERO;
        for (double v : y) {
            BigDecimal d = new BigDecimal(v).subtract(mean);
            squares = squares.add(d.multiply(d));
        }
        BigDecimal variance = squares.divide(n.subtract(BigDecimal.ONE), EXACT);
        BigDecimal lagged = BigDecimal.ZERO;
        for (int i = 0; i + 1 < y.length; i++) {
            lagged = lagged.add(new BigDecimal(y[i]).subtract(mean).multiply(new BigDecimal(y[i + 1]).subtract(mean)));
        }
        return new double[] {
            mean.doubleValue(),
            variance.sqrt(EXACT).doubleValue(),
            lagged.divide(squares, EXACT).doubleValue()
        };
    }

    @Test
    void certifiedMeanStandardDeviationAndAutocorrelation() throws IOException {
        StringBuilder table = new StringBuilder(String.format(
                "%nNIST StRD univariate, LRE (correct significant digits, capped at the digits certified)%n"
                        + "%-9s %5s | %-18s | %-18s | %-12s | %s%n",
                "file", "n", "mean: of acc bar", "sd: of acc bar", "r1: of bar", "exact sd, r1 of the doubles"));
        List<String> failures = new ArrayList<>();
        for (String name : FILES) {
            Problem p = parse(name);
            Summary s = Summary.of(p.y);
            Summary.Accumulator accumulator = new Summary.Accumulator();
            for (double v : p.y) {
                accumulator.add(v);
            }
            Summary a = accumulator.snapshot();
            double r1 = Descriptive.autocorrelation(p.y);
            double[] exact = exactMeanSdAndR1(p.y);

            double meanLre = lre(s.mean(), p, 0);
            double meanAccLre = lre(a.mean(), p, 0);
            double sdLre = lre(s.standardDeviation(), p, 1);
            double sdAccLre = lre(a.standardDeviation(), p, 1);
            double r1Lre = lre(r1, p, 2);
            double exactSdLre = lre(exact[1], p, 1);
            double sdBar = SD_BAR.getOrDefault(name, DEFAULT_BAR);
            double r1Bar = R1_BAR.getOrDefault(name, DEFAULT_BAR);
            table.append(String.format(
                    "%-9s %5d | %5.2f %5.2f ≥%5.2f | %5.2f %5.2f ≥%5.2f | %5.2f ≥%5.2f | %5.2f %5.2f%n",
                    name,
                    p.y.length,
                    meanLre,
                    meanAccLre,
                    MEAN_BAR,
                    sdLre,
                    sdAccLre,
                    sdBar,
                    r1Lre,
                    r1Bar,
                    exactSdLre,
                    lre(exact[2], p, 2)));

            check(failures, meanLre >= MEAN_BAR, "%s: mean LRE %.2f < %.1f", name, meanLre, MEAN_BAR);
            check(failures, sdLre >= sdBar, "%s: sd LRE %.3f < %.2f", name, sdLre, sdBar);
            check(failures, r1Lre >= r1Bar, "%s: r1 LRE %.3f < %.2f", name, r1Lre, r1Bar);
            check(
                    failures,
                    Math.abs(s.mean() - exact[0]) <= ULPS_OF_EXACT * U * Math.abs(exact[0]),
                    "%s: mean %s is not within %.0f u of the exact mean of the doubles %s",
                    name,
                    s.mean(),
                    ULPS_OF_EXACT,
                    exact[0]);
            check(
                    failures,
                    Math.abs(s.standardDeviation() - exact[1]) <= ULPS_OF_EXACT * U * exact[1],
                    "%s: sd %s is not within %.0f u of the exact sd of the doubles %s",
                    name,
                    s.standardDeviation(),
                    ULPS_OF_EXACT,
                    exact[1]);
            check(
                    failures,
                    Math.abs(r1 - exact[2]) <= ULPS_OF_EXACT * U * Math.abs(exact[2]),
                    "%s: r1 %s is not within %.0f u of the exact r1 of the doubles %s",
                    name,
                    r1,
                    ULPS_OF_EXACT,
                    exact[2]);
            check(failures, meanAccLre >= MEAN_BAR, "%s: accumulator mean LRE %.3f < %.1f", name, meanAccLre, MEAN_BAR);
            double accumulatorBar = Math.min(sdBar, ACCUMULATOR_SD_BAR);
            check(
                    failures,
                    sdAccLre >= accumulatorBar,
                    "%s: accumulator sd LRE %.3f < %.2f",
                    name,
                    sdAccLre,
                    accumulatorBar);
        }
        System.out.print(table);
        assertThat(failures).as(table.toString()).isEmpty();
    }

    private static void check(List<String> failures, boolean ok, String format, Object... args) {
        if (!ok) {
            failures.add(String.format(format, args));
        }
    }
}
