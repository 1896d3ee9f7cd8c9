package dev.lemma.prob;

import static dev.lemma.prob.DiscreteReferenceValues.check;
import static dev.lemma.prob.DiscreteReferenceValues.family;
import static dev.lemma.prob.DiscreteReferenceValues.number;
import static dev.lemma.prob.DiscreteReferenceValues.numbers;

import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/// The discrete families against SciPy 1.10.1 at every value of `distributions.json` ("univariate"
/// entries `bernoulli`, `binomial`, `poisson`, `geometric`, `geometric_failures`, and the `categorical`
/// block), to relative $10^{-12}$. The worst error per family is printed after the class.
class DiscreteDistributionReferenceTest {
    private static final Map<String, String> WORST = new ConcurrentSkipListMap<>();
    private static final Map<String, Double> WORST_VALUE = new ConcurrentSkipListMap<>();

    @AfterAll
    static void report() {
        WORST.forEach((name, where) -> System.out.println("worst relative error, " + name + ": " + where));
    }

    private static void record(String family, String what, double error) {
        WORST_VALUE.merge(family, error, Math::max);
        if (WORST_VALUE.get(family) == error) {
            WORST.put(family, String.format("%.3g at %s", error, what));
        }
    }

    /// Checks every point of one univariate entry. `shift` maps SciPy's $k$ to ours (the identity, or
    /// $k + 1$ for `geometric_failures`, which is our [Geometric] minus 1).
    private static void checkFamily(String name, DiscreteDistribution d, int shift) {
        Map<String, Object> ref = family(name);
        double[] k = numbers(ref.get("k"));
        double[] pmf = numbers(ref.get("pmf"));
        double[] logpmf = numbers(ref.get("logpmf"));
        double[] cdf = numbers(ref.get("cdf"));
        double[] sf = numbers(ref.get("sf"));
        for (int i = 0; i < k.length; i++) {
            int ki = (int) k[i] + shift;
            String at = name + " k=" + (int) k[i];
            record(name, "pmf " + at, check("pmf " + at, d.pmf(ki), pmf[i]));
            record(name, "logpmf " + at, check("logpmf " + at, d.logPmf(ki), logpmf[i]));
            record(name, "cdf " + at, check("cdf " + at, d.cdf(k[i] + shift), cdf[i]));
            record(name, "sf " + at, check("sf " + at, d.survival(k[i] + shift), sf[i]));
        }
        double[] q = numbers(ref.get("q"));
        double[] ppf = numbers(ref.get("ppf"));
        for (int i = 0; i < q.length; i++) {
            String at = name + " q=" + q[i];
            record(name, "ppf " + at, check("ppf " + at, d.quantile(q[i]) - shift, ppf[i]));
        }
        record(name, "mean", check(name + " mean", d.mean() - shift, number(ref.get("mean"))));
        record(name, "var", check(name + " var", d.variance(), number(ref.get("var"))));
        record(name, "entropy", check(name + " entropy", d.entropy(), number(ref.get("entropy"))));
        if (ref.get("entropy_closed_form") instanceof Map<?, ?> closedForm) {
            // the textbook formula evaluated by the generator, beside SciPy's numerical sum
            double value = number(closedForm.get("value"));
            record(name, "entropy (closed form)", check(name + " entropy, closed form", d.entropy(), value));
        }
    }

    @Test
    void bernoulli() {
        checkFamily("bernoulli", new Bernoulli(0.3), 0);
    }

    @Test
    void binomial() {
        checkFamily("binomial", new Binomial(10, 0.35), 0);
    }

    @Test
    void poisson() {
        checkFamily("poisson", new Poisson(3.5), 0);
    }

    @Test
    void geometric() {
        checkFamily("geometric", new Geometric(0.25), 0);
    }

    /// SciPy's `geom(p, loc=-1)` counts failures before the first success: our trials minus one.
    @Test
    void geometricFailures() {
        checkFamily("geometric_failures", new Geometric(0.25), 1);
    }

    /// The `categorical` block is `multinomial(n=1, p)` at the one-hot points: its pmf at $e_i$ is our
    /// $\pi_i$, its mean and covariance those of the one-hot encoding.
    @Test
    void categorical() {
        Map<String, Object> ref = DiscreteReferenceValues.block("categorical");
        Categorical c = new Categorical(numbers(ref.get("p")));
        double[][] points = DiscreteReferenceValues.matrix(ref.get("points"));
        double[] pmf = numbers(ref.get("pmf"));
        double[] logpmf = numbers(ref.get("logpmf"));
        IntUnaryOperator hot = i -> {
            for (int j = 0; j < points[i].length; j++) {
                if (points[i][j] == 1.0) {
                    return j;
                }
            }
            throw new IllegalStateException("not one-hot");
        };
        for (int i = 0; i < points.length; i++) {
            int k = hot.applyAsInt(i);
            record("categorical", "pmf e_" + k, check("pmf e_" + k, c.pmf(k), pmf[i]));
            record("categorical", "logpmf e_" + k, check("logpmf e_" + k, c.logPmf(k), logpmf[i]));
        }
        double[] mean = numbers(ref.get("mean"));
        double[][] cov = DiscreteReferenceValues.matrix(ref.get("cov"));
        for (int i = 0; i < mean.length; i++) {
            record("categorical", "mean " + i, check("mean " + i, c.oneHotMean().get(i), mean[i]));
            for (int j = 0; j < mean.length; j++) {
                String at = "cov " + i + "," + j;
                record("categorical", at, check(at, c.oneHotCovariance().get(i, j), cov[i][j]));
            }
        }
        record("categorical", "entropy", check("entropy", c.entropy(), number(ref.get("entropy"))));
    }
}
