package dev.lemma.prob;

import dev.lemma.linalg.Matrix;
import dev.lemma.numeric.Checks;
import java.util.ArrayList;
import java.util.List;

/// The joint distribution of two discrete random variables $X$ and $Y$ as a table of probabilities
/// $p_{ij} = P(X = x_i, Y = y_j)$: rows are the values of $X$, columns the values of $Y$. The values may
/// carry names (`"rain"`, `"sun"`); by default they are the indices.
///
/// From the table come the rules of probability the book starts from:
/// - marginals by the sum rule, $P(X = x_i) = \sum_j p_{ij}$ and $P(Y = y_j) = \sum_i p_{ij}$;
/// - conditionals by the product rule, $P(X = x_i \mid Y = y_j) = p_{ij}/P(Y = y_j)$;
/// - independence, $p_{ij} = P(X = x_i)P(Y = y_j)$ for all $i, j$ ([#independenceGap]);
/// - Bayes' rule, $P(h \mid d) = P(d \mid h)P(h)/\sum_{h'} P(d \mid h')P(h')$ ([#posterior]).
///
/// Immutable.
///
/// Book: chapter 3, "Probability", sections "Joint, marginal and conditional" and "Bayes' rule".
public final class JointTable {
    /// How far the entries may sum from 1: $10^{-12}$, as [Categorical#SUM_TOLERANCE].
    public static final double SUM_TOLERANCE = 1e-12;

    private final double[][] p;
    private final List<String> xValues;
    private final List<String> yValues;

    /// @param probabilities $p_{ij}$ (copied): a non-empty rectangular array of probabilities summing to 1
    /// @throws IllegalArgumentException if it is empty or ragged, an entry is negative or not finite
    ///     (naming its row and column), or the sum is not 1 within [#SUM_TOLERANCE]
    public JointTable(double[][] probabilities) {
        this(check(probabilities), indices(probabilities.length), indices(probabilities[0].length));
    }

    private JointTable(double[][] p, List<String> xValues, List<String> yValues) {
        this.p = p;
        this.xValues = xValues;
        this.yValues = yValues;
    }

    private static double[][] check(double[][] probabilities) {
        Checks.argument(
                probabilities.length > 0 && probabilities[0].length > 0, "probabilities must have a row and a column");
        int cols = probabilities[0].length;
        double[][] copy = new double[probabilities.length][];
        double sum = 0;
        for (int i = 0; i < probabilities.length; i++) {
            Checks.argument(
                    probabilities[i].length == cols,
                    "probabilities must be rectangular but row %d has %d entries, row 0 has %d",
                    i,
                    probabilities[i].length,
                    cols);
            copy[i] = probabilities[i].clone();
            for (int j = 0; j < cols; j++) {
                double v = copy[i][j];
                Checks.argument(
                        v >= 0 && v <= 1, "probabilities has %s at row %d, column %d; expected [0, 1]", v, i, j);
                sum += v;
            }
        }
        Checks.argument(
                Math.abs(sum - 1) <= SUM_TOLERANCE,
                "probabilities must sum to 1 (within %s) but sum to %s; use JointTable.ofCounts to normalise",
                SUM_TOLERANCE,
                sum);
        return copy;
    }

    private static List<String> indices(int n) {
        List<String> names = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            names.add(Integer.toString(i));
        }
        return List.copyOf(names);
    }

    /// The table of relative frequencies $n_{ij}/\sum n$: the maximum-likelihood estimate of the joint
    /// distribution from a contingency table of counts.
    ///
    /// @param counts non-negative, finite, not all 0, rectangular
    /// @return the normalised table
    /// @throws IllegalArgumentException if an entry is negative or not finite, or all are 0
    public static JointTable ofCounts(double[][] counts) {
        Checks.argument(counts.length > 0 && counts[0].length > 0, "counts must have a row and a column");
        double total = 0;
        for (int i = 0; i < counts.length; i++) {
            for (int j = 0; j < counts[i].length; j++) {
                Checks.argument(
                        counts[i][j] >= 0 && counts[i][j] < Double.POSITIVE_INFINITY,
                        "counts has %s at row %d, column %d; expected a finite count ≥ 0",
                        counts[i][j],
                        i,
                        j);
                total += counts[i][j];
            }
        }
        Checks.argument(total > 0, "counts are all 0: there is nothing to normalise");
        double[][] p = new double[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            p[i] = new double[counts[i].length];
            for (int j = 0; j < p[i].length; j++) {
                p[i][j] = counts[i][j] / total;
            }
        }
        return new JointTable(p);
    }

    /// The table of two independent variables, $p_{ij} = p^X_i p^Y_j$.
    ///
    /// @param px the distribution of $X$ (sums to 1)
    /// @param py the distribution of $Y$ (sums to 1)
    /// @return the product table
    public static JointTable independent(double[] px, double[] py) {
        double[][] p = new double[px.length][py.length];
        for (int i = 0; i < px.length; i++) {
            for (int j = 0; j < py.length; j++) {
                p[i][j] = px[i] * py[j];
            }
        }
        return new JointTable(p);
    }

    /// The same table with names for the values.
    ///
    /// @param xNames one name per row, distinct
    /// @param yNames one name per column, distinct
    /// @return the named table
    /// @throws dev.lemma.numeric.DimensionMismatchException if a list has the wrong length
    /// @throws IllegalArgumentException if a name repeats
    public JointTable withNames(List<String> xNames, List<String> yNames) {
        Checks.dimensions(
                xNames.size() == p.length && yNames.size() == p[0].length,
                "the table is %s but %d x names and %d y names were given",
                Checks.shape(p.length, p[0].length),
                xNames.size(),
                yNames.size());
        Checks.argument(xNames.stream().distinct().count() == xNames.size(), "x names repeat: %s", xNames);
        Checks.argument(yNames.stream().distinct().count() == yNames.size(), "y names repeat: %s", yNames);
        return new JointTable(p, List.copyOf(xNames), List.copyOf(yNames));
    }

    /// @return the names of the values of $X$ (the row indices if none were given)
    public List<String> xValues() {
        return xValues;
    }

    /// @return the names of the values of $Y$ (the column indices if none were given)
    public List<String> yValues() {
        return yValues;
    }

    /// @param i the row (value of $X$)
    /// @param j the column (value of $Y$)
    /// @return $P(X = x_i, Y = y_j)$
    public double probability(int i, int j) {
        return p[Checks.index("i", i, p.length)][Checks.index("j", j, p[0].length)];
    }

    /// @param x a name of a value of $X$
    /// @param y a name of a value of $Y$
    /// @return $P(X = x, Y = y)$
    /// @throws IllegalArgumentException if a name is unknown
    public double probability(String x, String y) {
        return p[indexOf(xValues, x, "X")][indexOf(yValues, y, "Y")];
    }

    private static int indexOf(List<String> names, String name, String variable) {
        int i = names.indexOf(name);
        Checks.argument(i >= 0, "%s has no value named %s; its values are %s", variable, name, names);
        return i;
    }

    /// @return the table as a matrix, rows $X$, columns $Y$
    public Matrix asMatrix() {
        return Matrix.of(p);
    }

    /// The sum rule over $Y$.
    ///
    /// @return $P(X = x_i) = \sum_j p_{ij}$ for each $i$
    public double[] marginalX() {
        double[] m = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            for (double v : p[i]) {
                m[i] += v;
            }
        }
        return m;
    }

    /// The sum rule over $X$.
    ///
    /// @return $P(Y = y_j) = \sum_i p_{ij}$ for each $j$
    public double[] marginalY() {
        double[] m = new double[p[0].length];
        for (double[] row : p) {
            for (int j = 0; j < row.length; j++) {
                m[j] += row[j];
            }
        }
        return m;
    }

    /// $P(X \mid Y = y_j)$: column $j$ divided by its sum.
    ///
    /// @param j the column
    /// @return $p_{ij}/P(Y = y_j)$ for each $i$
    /// @throws IllegalArgumentException if $P(Y = y_j) = 0$ (conditioning on an impossible event)
    public double[] conditionalXGivenY(int j) {
        Checks.index("j", j, p[0].length);
        double[] c = new double[p.length];
        double py = 0;
        for (int i = 0; i < p.length; i++) {
            c[i] = p[i][j];
            py += c[i];
        }
        Checks.argument(py > 0, "P(Y = %s) = 0: cannot condition on an impossible event", yValues.get(j));
        for (int i = 0; i < p.length; i++) {
            c[i] /= py;
        }
        return c;
    }

    /// @param y the name of a value of $Y$
    /// @return $P(X \mid Y = y)$
    public double[] conditionalXGivenY(String y) {
        return conditionalXGivenY(indexOf(yValues, y, "Y"));
    }

    /// $P(Y \mid X = x_i)$: row $i$ divided by its sum.
    ///
    /// @param i the row
    /// @return $p_{ij}/P(X = x_i)$ for each $j$
    /// @throws IllegalArgumentException if $P(X = x_i) = 0$
    public double[] conditionalYGivenX(int i) {
        Checks.index("i", i, p.length);
        double[] c = p[i].clone();
        double px = 0;
        for (double v : c) {
            px += v;
        }
        Checks.argument(px > 0, "P(X = %s) = 0: cannot condition on an impossible event", xValues.get(i));
        for (int j = 0; j < c.length; j++) {
            c[j] /= px;
        }
        return c;
    }

    /// @param x the name of a value of $X$
    /// @return $P(Y \mid X = x)$
    public double[] conditionalYGivenX(String x) {
        return conditionalYGivenX(indexOf(xValues, x, "X"));
    }

    /// How far the table is from the product of its marginals: $\max_{ij}|p_{ij} - P(x_i)P(y_j)|$, 0
    /// exactly when $X$ and $Y$ are independent.
    ///
    /// @return the largest deviation from independence
    public double independenceGap() {
        double[] px = marginalX();
        double[] py = marginalY();
        double gap = 0;
        for (int i = 0; i < p.length; i++) {
            for (int j = 0; j < py.length; j++) {
                gap = Math.max(gap, Math.abs(p[i][j] - px[i] * py[j]));
            }
        }
        return gap;
    }

    /// @param tolerance how much deviation to forgive (rounding of the entries; e.g. $10^{-12}$)
    /// @return whether [#independenceGap] is at most `tolerance`
    public boolean isIndependent(double tolerance) {
        return independenceGap() <= tolerance;
    }

    /// Bayes' rule: the posterior $P(h_i \mid d) = \ell_i\pi_i / \sum_k \ell_k\pi_k$ from a prior $\pi$ over
    /// hypotheses and the likelihood $\ell_i = P(d \mid h_i)$ of the observed data under each.
    ///
    /// @param prior $\pi_i \ge 0$ (need not be normalised: only ratios matter)
    /// @param likelihood $\ell_i \ge 0$, one per hypothesis
    /// @return the posterior, summing to 1
    /// @throws dev.lemma.numeric.DimensionMismatchException if the lengths differ
    /// @throws IllegalArgumentException if an entry is negative or not finite, or the evidence
    ///     $\sum_k\ell_k\pi_k$ is 0 (the data are impossible under the prior)
    public static double[] posterior(double[] prior, double[] likelihood) {
        Checks.dimensions(
                prior.length == likelihood.length,
                "prior has %d hypotheses but likelihood has %d",
                prior.length,
                likelihood.length);
        double[] post = new double[prior.length];
        double evidence = 0;
        for (int i = 0; i < prior.length; i++) {
            Checks.argument(
                    prior[i] >= 0 && prior[i] < Double.POSITIVE_INFINITY,
                    "prior[%d] must be ≥ 0 and finite but is %s",
                    i,
                    prior[i]);
            Checks.argument(
                    likelihood[i] >= 0 && likelihood[i] < Double.POSITIVE_INFINITY,
                    "likelihood[%d] must be ≥ 0 and finite but is %s",
                    i,
                    likelihood[i]);
            post[i] = prior[i] * likelihood[i];
            evidence += post[i];
        }
        Checks.argument(
                evidence > 0,
                "the evidence Σ prior·likelihood is 0: the data have probability 0 under every hypothesis the prior"
                        + " allows");
        for (int i = 0; i < post.length; i++) {
            post[i] /= evidence;
        }
        return post;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("JointTable[X=")
                .append(xValues)
                .append(", Y=")
                .append(yValues);
        for (double[] row : p) {
            s.append(", ").append(java.util.Arrays.toString(row));
        }
        return s.append(']').toString();
    }
}
