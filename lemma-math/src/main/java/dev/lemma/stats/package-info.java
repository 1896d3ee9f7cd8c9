/// Statistics: descriptive summaries of data (count, mean, variance, skewness, kurtosis, quantiles,
/// mode, autocorrelation, covariance and correlation matrices), computed as accurately as the data
/// allow and checked against NIST's certified values and SciPy.
///
/// [Summary] holds the moments of one sample, built in two passes by [Summary#of] or one value at a
/// time by [Summary.Accumulator] (which merges, for data split across threads); [Descriptive] holds
/// the order statistics (median, quantiles by any of NumPy's methods, IQR, mode) and the dependence
/// measures (Pearson, Spearman, Kendall's τ-b).
///
/// Book: chapter 4, "Statistics".
package dev.lemma.stats;
