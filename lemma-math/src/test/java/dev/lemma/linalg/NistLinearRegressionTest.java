package dev.lemma.linalg;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/// The eleven NIST StRD linear regression problems, fitted with [Matrix#leastSquaresFit(Vector)].
///
/// Accuracy is measured, as NIST and McCullough ("Assessing the reliability of statistical software",
/// The American Statistician 52, 1998) do, by the log relative error
/// $\mathrm{LRE} = -\log_{10}(|\hat q - q| / |q|)$, capped at 15 (the digits a double holds), with the
/// absolute error when the certified $q$ is 0: roughly the number of correct significant digits.
///
/// Bars: 7 digits on every coefficient, 6 on their standard deviations, on the residual standard
/// deviation and on $R^2$. The data (source: `src/test/resources/reference/nist-strd/README.md`)
/// set a ceiling on Filip: rounding the degree-10 powers of its x to double alone limits the exact
/// least-squares solution of the rounded problem to about 7.6–7.9 digits (checked with mpmath at 60
/// digits), so Filip's coefficients must be solved essentially exactly to pass.
public class NistLinearRegressionTest {
    private static final double MAX_LRE = 15.0;
    private static final double COEFFICIENT_BAR = 7.0;
    private static final double STATISTIC_BAR = 6.0;

    /// One NIST file: certified values and data.
    record Problem(
            String name,
            List<String> parameters,
            Vector estimates,
            Vector standardDeviations,
            double residualStandardDeviation,
            double rSquared,
            List<double[]> rows) {

        /// The design matrix: `y = B1*x` for NoInt1/2 (parameters start at B1), an intercept and the
        /// predictors when there are several (Longley), else the polynomial $1, x, \dots, x^{p-1}$ with
        /// the powers formed by repeated multiplication.
        Matrix design() {
            int n = rows.size();
            int p = parameters.size();
            boolean intercept = parameters.getFirst().equals("B0");
            int predictors = rows.getFirst().length - 1;
            double[][] x = new double[n][p];
            for (int i = 0; i < n; i++) {
                double[] row = rows.get(i);
                if (!intercept) {
                    for (int j = 0; j < p; j++) {
                        x[i][j] = row[1 + j];
                    }
                } else if (predictors > 1) {
                    x[i][0] = 1.0;
                    for (int j = 1; j < p; j++) {
                        x[i][j] = row[j];
                    }
                } else {
                    double power = 1.0;
                    for (int j = 0; j < p; j++) {
                        x[i][j] = power;
                        power *= row[1];
                    }
                }
            }
            return Matrix.of(x);
        }

        Vector response() {
            double[] y = new double[rows.size()];
            for (int i = 0; i < y.length; i++) {
                y[i] = rows.get(i)[0];
            }
            return Vector.of(y);
        }
    }

    private static final Pattern NEWLINE = Pattern.compile("\n");
    private static final Pattern BLANKS = Pattern.compile("\\s+");
    private static final Pattern DATA_LINES = Pattern.compile("Data\\s+\\(lines (\\d+) to (\\d+)\\)");

    static Problem parse(String name) throws IOException {
        String text;
        try (InputStream in =
                NistLinearRegressionTest.class.getResourceAsStream("/reference/nist-strd/linear/" + name + ".dat")) {
            assertThat(in).as("resource %s.dat", name).isNotNull();
            text = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
        String[] lines = NEWLINE.split(text.replace("\r", ""), -1);
        Matcher m = DATA_LINES.matcher(text);
        assertThat(m.find()).as("data line range in %s", name).isTrue();
        int first = Integer.parseInt(m.group(1));
        int last = Integer.parseInt(m.group(2));
        List<String> parameters = new ArrayList<>();
        List<Double> estimates = new ArrayList<>();
        List<Double> sds = new ArrayList<>();
        double residualSd = Double.NaN;
        double r2 = Double.NaN;
        for (int i = 30; i < first - 1; i++) {
            String line = lines[i].trim();
            String[] t = BLANKS.split(line, -1);
            if (t.length == 3 && t[0].matches("B\\d+")) {
                parameters.add(t[0]);
                estimates.add(Double.parseDouble(t[1]));
                sds.add(Double.parseDouble(t[2]));
            } else if (line.startsWith("Standard Deviation") && t.length == 3) {
                residualSd = Double.parseDouble(t[2]);
            } else if (line.startsWith("R-Squared")) {
                r2 = Double.parseDouble(t[1]);
            }
        }
        List<double[]> rows = new ArrayList<>();
        for (int i = first - 1; i < last; i++) {
            String[] t = BLANKS.split(lines[i].trim(), -1);
            double[] row = new double[t.length];
            for (int j = 0; j < t.length; j++) {
                row[j] = Double.parseDouble(t[j]);
            }
            rows.add(row);
        }
        return new Problem(
                name,
                parameters,
                Vector.of(estimates.stream().mapToDouble(Double::doubleValue).toArray()),
                Vector.of(sds.stream().mapToDouble(Double::doubleValue).toArray()),
                residualSd,
                r2,
                rows);
    }

    /// The log relative error, capped at [#MAX_LRE]; absolute when `certified` is 0.
    public static double lre(double estimate, double certified) {
        double error = certified == 0.0 ? Math.abs(estimate) : Math.abs(estimate - certified) / Math.abs(certified);
        return error == 0.0 ? MAX_LRE : Math.min(MAX_LRE, -Math.log10(error));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Norris",
                "Pontius",
                "NoInt1",
                "NoInt2",
                "Filip",
                "Longley",
                "Wampler1",
                "Wampler2",
                "Wampler3",
                "Wampler4",
                "Wampler5"
            })
    void certifiedValuesAreReproduced(String name) throws IOException {
        Problem problem = parse(name);
        int p = problem.parameters().size();
        assertThat(problem.rows()).as("%s data rows", name).isNotEmpty();
        assertThat(p).as("%s parameters", name).isPositive();

        LinearFit fit = problem.design().leastSquaresFit(problem.response());

        Vector se = fit.standardErrors();
        double minCoefficient = MAX_LRE;
        double minSd = MAX_LRE;
        StringBuilder detail = new StringBuilder();
        for (int j = 0; j < p; j++) {
            double c = lre(fit.coefficients().get(j), problem.estimates().get(j));
            double s = lre(se.get(j), problem.standardDeviations().get(j));
            detail.append(String.format(" %s: %.1f/%.1f", problem.parameters().get(j), c, s));
            minCoefficient = Math.min(minCoefficient, c);
            minSd = Math.min(minSd, s);
        }
        double residualSd = lre(fit.residualStandardDeviation(), problem.residualStandardDeviation());
        double r2 = lre(fit.rSquared(), problem.rSquared());

        String perParameter =
                String.format("LRE coefficient/SD per parameter:%s; residual SD %.1f; R² %.1f", detail, residualSd, r2);
        assertThat(minCoefficient)
                .as("%s: min LRE over coefficients (%s)", name, perParameter)
                .isGreaterThanOrEqualTo(COEFFICIENT_BAR);
        assertThat(minSd)
                .as("%s: min LRE over standard deviations (%s)", name, perParameter)
                .isGreaterThanOrEqualTo(STATISTIC_BAR);
        assertThat(residualSd)
                .as("%s: LRE of the residual standard deviation", name)
                .isGreaterThanOrEqualTo(STATISTIC_BAR);
        assertThat(r2).as("%s: LRE of R²", name).isGreaterThanOrEqualTo(STATISTIC_BAR);
    }
}
