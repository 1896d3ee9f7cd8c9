package dev.lemma.info;

/// Shannon entropy of discrete distributions: the entropy $H(p)$ of one distribution, the joint entropy
/// $H(X, Y)$ and the conditional entropy $H(Y \mid X)$ of a joint table, and the cross-entropy
/// $H(p, q)$.
///
/// $$H(p) = -\sum_i p_i \log p_i, \qquad H(X, Y) = -\sum_{x,y} p(x,y) \log p(x,y),$$
/// $$H(Y \mid X) = -\sum_{x,y} p(x,y) \log \frac{p(x,y)}{p(x)}, \qquad H(p, q) = -\sum_i p_i \log q_i.$$
///
/// **Conventions.** $0 \log 0 = 0$, the limit of $t \log t$ as $t \to 0^+$: an outcome of probability 0
/// contributes nothing, so appending impossible outcomes does not change an entropy. In the
/// cross-entropy, a term with $p_i = 0$ is 0 whatever $q_i$ is, and a term with $q_i = 0 < p_i$ is
/// $+\infty$: a model that calls an observed outcome impossible pays an infinite code length. These are
/// SciPy's conventions (`scipy.stats.entropy`, `scipy.special.xlogy`).
///
/// **Units.** Nats (natural logarithm); the `…Bits` variants divide by $\ln 2$.
///
/// **Input.** Probabilities are checked (finite, in $[0, 1]$, summing to 1 within
/// $10^{-9}$) and used as given, never renormalised. Every sum is a plain loop over non-negative
/// terms, with relative error at most $n u$ for $n$ outcomes. Cost: $O(n)$ logarithms, $O(mn)$ for an
/// $m \times n$ table.
///
/// References: C. E. Shannon, "A mathematical theory of communication", Bell System Technical Journal
/// 27, 1948; T. M. Cover and J. A. Thomas, *Elements of Information Theory*, 2nd ed., Wiley 2006,
/// §2.1–2.2 (entropy, joint and conditional entropy, the chain rule), §5.4 (cross-entropy as expected
/// code length).
///
/// Book: chapter 6, "Information theory".
public final class Entropy {
    /// $\ln 2$: nats per bit.
    static final double LN_2 = Math.log(2.0);

    private Entropy() {}

    /// The entropy $H(p) = -\sum_i p_i \ln p_i$ in nats, with $0 \ln 0 = 0$. It lies in $[0, \ln n]$: 0
    /// for a point mass, $\ln n$ for the uniform distribution on $n$ outcomes.
    ///
    /// @param p a probability vector, not modified
    /// @return $H(p)$ in nats
    /// @throws IllegalArgumentException if `p` is empty, has an entry outside $[0, 1]$ or NaN (naming its
    ///     index and value), or does not sum to 1 within $10^{-9}$
    public static double entropy(double[] p) {
        Probabilities.check("entropy", "p", p);
        return entropyOfChecked(p);
    }

    /// The entropy in bits, $H_2(p) = -\sum_i p_i \log_2 p_i = H(p) / \ln 2$.
    ///
    /// @param p a probability vector, not modified
    /// @return $H(p)$ in bits
    /// @throws IllegalArgumentException as [#entropy(double[])]
    public static double entropyBits(double[] p) {
        return entropy(p) / LN_2;
    }

    static double entropyOfChecked(double[] p) {
        double h = 0.0;
        for (double pi : p) {
            if (pi > 0.0) { // 0 log 0 = 0; Math.log(0) would give 0 · (−∞) = NaN
                h -= pi * Math.log(pi);
            }
        }
        return h;
    }

    /// The joint entropy $H(X, Y) = -\sum_{x,y} p(x,y) \ln p(x,y)$ of a joint table, in nats: the
    /// entropy of the table read as one distribution over pairs.
    ///
    /// @param joint the table, `joint[x][y]` $= p(x, y)$, not modified
    /// @return $H(X, Y)$ in nats
    /// @throws IllegalArgumentException if the table is empty or ragged, has an entry outside $[0, 1]$
    ///     (naming its row, column and value), or does not sum to 1 within $10^{-9}$
    public static double jointEntropy(double[][] joint) {
        Probabilities.checkJoint("jointEntropy", joint);
        double h = 0.0;
        for (double[] row : joint) {
            h += entropyOfChecked(row);
        }
        return h;
    }

    /// The conditional entropy $H(Y \mid X) = -\sum_{x,y} p(x,y) \ln (p(x,y) / p(x))$, in nats: the
    /// uncertainty left in $Y$ (the column) once $X$ (the row) is known, averaged over $X$. Computed
    /// from this definition, not as $H(X,Y) - H(X)$, so that the chain rule
    /// $H(X, Y) = H(X) + H(Y \mid X)$ is a theorem the tests check, not an identity of the code.
    ///
    /// A row with $p(x) = 0$ contributes 0 (all its terms are $0 \log 0$).
    ///
    /// @param joint the table, `joint[x][y]` $= p(x, y)$, not modified
    /// @return $H(Y \mid X) \ge 0$ in nats
    /// @throws IllegalArgumentException as [#jointEntropy(double[][])]
    public static double conditionalEntropy(double[][] joint) {
        Probabilities.checkJoint("conditionalEntropy", joint);
        double[] px = Probabilities.rowMarginal(joint);
        double h = 0.0;
        for (int x = 0; x < joint.length; x++) {
            for (double pxy : joint[x]) {
                if (pxy > 0.0) { // then p(x) ≥ p(x, y) > 0
                    h -= pxy * Math.log(pxy / px[x]);
                }
            }
        }
        return h; // p(x) sums non-negative terms including p(x, y), so the ratio is ≤ 1 even rounded
    }

    /// The cross-entropy $H(p, q) = -\sum_i p_i \ln q_i = H(p) + \mathrm{KL}(p \,\|\, q)$ in nats: the
    /// expected code length when outcomes drawn from $p$ are coded for $q$; the loss that
    /// classification minimises.
    ///
    /// Terms with $p_i = 0$ are 0 (whatever $q_i$); the result is $+\infty$ if $q_i = 0 < p_i$ for
    /// some $i$.
    ///
    /// @param p the true distribution, not modified
    /// @param q the model distribution, not modified
    /// @return $H(p, q) \ge H(p)$ in nats, possibly $+\infty$
    /// @throws dev.lemma.numeric.DimensionMismatchException if the lengths differ (naming both)
    /// @throws IllegalArgumentException as [#entropy(double[])], for `p` or `q`
    public static double crossEntropy(double[] p, double[] q) {
        Probabilities.checkPair("crossEntropy", p, q);
        double h = 0.0;
        for (int i = 0; i < p.length; i++) {
            if (p[i] > 0.0) {
                h -= p[i] * Math.log(q[i]); // q_i = 0 gives −log 0 = +∞, the documented result
            }
        }
        return h;
    }

    /// The cross-entropy in bits, $H(p, q) / \ln 2$.
    ///
    /// @param p the true distribution, not modified
    /// @param q the model distribution, not modified
    /// @return $H(p, q)$ in bits, possibly $+\infty$
    /// @throws dev.lemma.numeric.DimensionMismatchException if the lengths differ (naming both)
    /// @throws IllegalArgumentException as [#entropy(double[])], for `p` or `q`
    public static double crossEntropyBits(double[] p, double[] q) {
        return crossEntropy(p, q) / LN_2;
    }
}
