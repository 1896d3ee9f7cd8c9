package dev.lemma.prob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class LaplaceDistributionTest extends ContinuousDistributionContract {

    @Override
    List<ContinuousDistribution> distributions() {
        return List.of(new Laplace(0, 1), new Laplace(0, 1.5), new Laplace(-4, 0.01), new Laplace(100, 20));
    }

    /// 3.
    @Override
    double excessKurtosis(ContinuousDistribution d) {
        return 3;
    }

    @Test
    void fitRecoversTheParametersWithinFiveStandardErrors() {
        int n = 50_000;
        Laplace fit = Laplace.fit(new Laplace(2, 1.5).sample(41L, n));
        // the median's asymptotic variance is 1/(4 f(mu)^2 n) = b^2/n; the mean absolute deviation's b^2/n
        assertThat(fit.location()).isCloseTo(2, within(5 * 1.5 / Math.sqrt(n)));
        assertThat(fit.scale()).isCloseTo(1.5, within(5 * 1.5 / Math.sqrt(n)));
    }

    @Test
    void fitIsTheMedianAndTheMeanAbsoluteDeviation() {
        assertThat(Laplace.fit(5, 1, 2)).isEqualTo(new Laplace(2, 4.0 / 3));
        assertThat(Laplace.fit(4, 1, 2, 3)).isEqualTo(new Laplace(2.5, 1));
    }

    @Test
    void tailsAreDirectExponentials() {
        Laplace l = new Laplace(0, 1);
        assertThat(l.cdf(-700)).isEqualTo(0.5 * Math.exp(-700));
        assertThat(l.survival(700)).isEqualTo(0.5 * Math.exp(-700));
        assertThat(l.quantile(0.5 * Math.exp(-700))).isCloseTo(-700, within(1e-12));
    }

    @Test
    void rejectsBadParametersAndData() {
        assertThatThrownBy(() -> new Laplace(Double.NaN, 1)).hasMessage("Laplace: location must be finite, got NaN");
        assertThatThrownBy(() -> new Laplace(0, -2)).hasMessage("Laplace: scale must be finite and > 0, got -2.0");
        assertThatThrownBy(Laplace::fit).hasMessage("Laplace.fit: data must not be empty");
        assertThatThrownBy(() -> Laplace.fit(1, 2, Double.NaN))
                .hasMessage("Laplace.fit: data[2] must be finite, got NaN");
    }
}
