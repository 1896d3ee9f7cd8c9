package dev.lemma.prob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/// [JointTable]: a worked example by hand, the product rule $P(X, Y) = P(X \mid Y)P(Y)$ on seeded random
/// tables, independence of product tables, and Bayes' rule against the conditional of the joint.
class JointTableTest {
    /// Weather (rows) and umbrella (columns): marginals and conditionals computed by hand.
    static final double[][] WEATHER = {{0.30, 0.05}, {0.10, 0.55}};

    @Test
    void aWorkedExample() {
        JointTable t = new JointTable(WEATHER).withNames(List.of("rain", "dry"), List.of("umbrella", "none"));
        assertThat(t.marginalX()).containsExactly(new double[] {0.35, 0.65}, within(1e-15));
        assertThat(t.marginalY()).containsExactly(new double[] {0.40, 0.60}, within(1e-15));
        // P(rain | umbrella) = 0.30 / 0.40, P(none | dry) = 0.55 / 0.65
        assertThat(t.conditionalXGivenY("umbrella")).containsExactly(new double[] {0.75, 0.25}, within(1e-15));
        assertThat(t.conditionalYGivenX("dry")[1]).isCloseTo(0.55 / 0.65, within(1e-15));
        assertThat(t.probability("dry", "umbrella")).isEqualTo(0.10);
        assertThat(t.isIndependent(1e-3)).isFalse();
        assertThat(t.independenceGap()).isCloseTo(0.30 - 0.35 * 0.40, within(1e-15));
    }

    @Test
    void productRuleAndIndependenceOnRandomTables() {
        RandomGenerator g = Randomness.of(31);
        for (int trial = 0; trial < 20; trial++) {
            int m = 2 + g.nextInt(4);
            int n = 2 + g.nextInt(4);
            double[][] counts = new double[m][n];
            for (double[] row : counts) {
                for (int j = 0; j < n; j++) {
                    row[j] = 1 + g.nextInt(50);
                }
            }
            JointTable t = JointTable.ofCounts(counts);
            double[] py = t.marginalY();
            double[] px = t.marginalX();
            for (int j = 0; j < n; j++) {
                double[] c = t.conditionalXGivenY(j);
                double sum = 0;
                for (int i = 0; i < m; i++) {
                    assertThat(c[i] * py[j]).isCloseTo(t.probability(i, j), within(1e-15));
                    sum += c[i];
                }
                assertThat(sum).isCloseTo(1.0, within(1e-15));
            }
            for (int i = 0; i < m; i++) {
                double[] c = t.conditionalYGivenX(i);
                for (int j = 0; j < n; j++) {
                    assertThat(c[j] * px[i]).isCloseTo(t.probability(i, j), within(1e-15));
                }
            }
            JointTable product = JointTable.independent(px, py);
            assertThat(product.isIndependent(1e-15)).isTrue();
            assertThat(product.marginalX()).containsExactly(px, within(1e-15));
        }
    }

    /// A disease test: prior prevalence 1%, sensitivity 95%, false-positive rate 10%. Bayes' rule gives
    /// $P(\text{ill} \mid +) = 0.0095/(0.0095 + 0.099)$, the same as conditioning the joint table on $+$.
    @Test
    void posteriorIsTheConditionalOfTheJoint() {
        double[] prior = {0.01, 0.99};
        double[] likelihoodPositive = {0.95, 0.10};
        double[] posterior = JointTable.posterior(prior, likelihoodPositive);
        assertThat(posterior[0]).isCloseTo(0.0095 / (0.0095 + 0.099), within(1e-15));
        JointTable joint = new JointTable(new double[][] {{0.01 * 0.95, 0.01 * 0.05}, {0.99 * 0.10, 0.99 * 0.90}});
        assertThat(posterior).containsExactly(joint.conditionalXGivenY(0), within(1e-15));
        // an unnormalised prior gives the same posterior
        assertThat(JointTable.posterior(new double[] {1, 99}, likelihoodPositive))
                .containsExactly(posterior, within(1e-15));
    }

    @Test
    void badInputIsNamed() {
        assertThatThrownBy(() -> JointTable.posterior(new double[] {0.5, 0.5}, new double[] {0, 0}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("evidence");
        assertThatThrownBy(() -> JointTable.posterior(new double[] {1}, new double[] {1, 2}))
                .isInstanceOf(dev.lemma.numeric.DimensionMismatchException.class);
        assertThatThrownBy(() -> new JointTable(new double[][] {{0.5, 0.6}})).hasMessageContaining("sum to 1.1");
        assertThatThrownBy(() -> new JointTable(new double[][] {{0.5, -0.1}, {0.3, 0.3}}))
                .hasMessageContaining("row 0, column 1");
        assertThatThrownBy(() -> new JointTable(new double[][] {{0.5, 0.5}, {0.0, 0.0}}).conditionalYGivenX(1))
                .hasMessageContaining("impossible");
        assertThatThrownBy(() -> new JointTable(WEATHER).withNames(List.of("a"), List.of("b", "c")))
                .isInstanceOf(dev.lemma.numeric.DimensionMismatchException.class);
        assertThatThrownBy(() -> new JointTable(WEATHER).probability("snow", "0"))
                .hasMessageContaining("snow");
    }
}
