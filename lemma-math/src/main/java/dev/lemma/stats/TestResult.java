package dev.lemma.stats;

/// The outcome of a hypothesis test: the statistic, its p-value, the degrees of freedom where the null
/// distribution has them, and the alternative tested.
///
/// The p-value is the probability, under the null hypothesis, of a statistic at least as extreme as
/// the one observed (in the direction of the alternative). It is *not* the probability that the null
/// hypothesis is true (chapter 4).
///
/// @param test the test's name, e.g. `"Welch's two-sample t test"`
/// @param statisticName the statistic's symbol: `"t"`, `"F"`, `"χ²"`, `"D"`, `"U"`, `"z"`
/// @param statistic its value
/// @param pValue the p-value, in $[0, 1]$
/// @param df the degrees of freedom of the null distribution (the first, for F), NaN if none
/// @param df2 the second degrees of freedom (F's denominator), NaN if none
/// @param alternative the alternative hypothesis
public record TestResult(
        String test,
        String statisticName,
        double statistic,
        double pValue,
        double df,
        double df2,
        Alternative alternative) {

    /// Whether the test rejects the null hypothesis at level `alpha`, that is, $p \le \alpha$.
    ///
    /// @param alpha the level, in $(0, 1)$
    /// @return $p \le \alpha$
    /// @throws IllegalArgumentException if `alpha` is not in $(0, 1)$
    public boolean rejectsAt(double alpha) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("the level alpha must be in (0, 1), got " + alpha);
        }
        return pValue <= alpha;
    }

    /// @return e.g. `Welch's two-sample t test (two-sided): t = -0.9589, df = 18.17, p = 0.3502`
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(test)
                .append(" (")
                .append(alternative.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'))
                .append("): ")
                .append(statisticName)
                .append(" = ")
                .append(String.format(java.util.Locale.ROOT, "%.4g", statistic));
        if (!Double.isNaN(df)) {
            s.append(", df = ").append(String.format(java.util.Locale.ROOT, "%.4g", df));
            if (!Double.isNaN(df2)) {
                s.append(" and ").append(String.format(java.util.Locale.ROOT, "%.4g", df2));
            }
        }
        return s.append(", p = ")
                .append(String.format(java.util.Locale.ROOT, "%.4g", pValue))
                .toString();
    }
}
