package dev.lemma.prob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class LogNormalDistributionTest extends ContinuousDistributionContract {

    @Override
    List<ContinuousDistribution> distributions() {
        return List.of(new LogNormal(0, 1), new LogNormal(0.5, 0.75), new LogNormal(-3, 0.1), new LogNormal(2, 0.3));
    }

    /// $e^{4\sigma^2} + 2e^{3\sigma^2} + 3e^{2\sigma^2} - 6$.
    @Override
    double excessKurtosis(ContinuousDistribution d) {
        double s2 = ((LogNormal) d).sigma() * ((LogNormal) d).sigma();
        return Math.exp(4 * s2) + 2 * Math.exp(3 * s2) + 3 * Math.exp(2 * s2) - 6;
    }

    @Test
    void fitRecoversTheParametersWithinFiveStandardErrors() {
        int n = 50_000;
        LogNormal fit = LogNormal.fit(new LogNormal(0.5, 0.75).sample(37L, n));
        // the normal fit of the logs: standard errors sigma/sqrt(n) and sigma/sqrt(2n)
        assertThat(fit.mu()).isCloseTo(0.5, within(5 * 0.75 / Math.sqrt(n)));
        assertThat(fit.sigma()).isCloseTo(0.75, within(5 * 0.75 / Math.sqrt(2.0 * n)));
    }

    @Test
    void isTheExponentialOfANormal() {
        LogNormal ln = new LogNormal(0.5, 0.75);
        Normal n = new Normal(0.5, 0.75);
        for (double y : new double[] {-4, -1, 0.5, 2, 5}) {
            double x = Math.exp(y);
            assertThat(ln.cdf(x)).isCloseTo(n.cdf(Math.log(x)), within(1e-15 * n.cdf(Math.log(x))));
            // f_X(x) = f_Y(log x) / x
            assertThat(ln.logPdf(x)).isCloseTo(n.logPdf(Math.log(x)) - Math.log(x), within(1e-13));
        }
    }

    @Test
    void rejectsBadParametersAndData() {
        assertThatThrownBy(() -> new LogNormal(0, 0)).hasMessage("LogNormal: sigma must be finite and > 0, got 0.0");
        assertThatThrownBy(LogNormal::fit).hasMessage("LogNormal.fit: data must not be empty");
        assertThatThrownBy(() -> LogNormal.fit(1, -1)).hasMessage("LogNormal.fit: data[1] must be > 0, got -1.0");
    }
}
