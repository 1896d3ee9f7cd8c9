package dev.lemma.prob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class NormalDistributionTest extends ContinuousDistributionContract {

    @Override
    List<ContinuousDistribution> distributions() {
        return List.of(new Normal(0, 1), new Normal(1.5, 2), new Normal(-1e3, 1e-3), new Normal(1e6, 50));
    }

    @Override
    double excessKurtosis(ContinuousDistribution d) {
        return 0;
    }

    @Test
    void fitRecoversTheParametersWithinFiveStandardErrors() {
        Normal truth = new Normal(3, 2);
        int n = 50_000;
        Normal fit = Normal.fit(truth.sample(11L, n));
        // asymptotic standard errors from the Fisher information: sigma/sqrt(n) and sigma/sqrt(2n)
        assertThat(fit.mean()).isCloseTo(3, within(5 * 2 / Math.sqrt(n)));
        assertThat(fit.sd()).isCloseTo(2, within(5 * 2 / Math.sqrt(2.0 * n)));
    }

    @Test
    void fitIsTheSampleMeanAndThePopulationStandardDeviation() {
        Normal fit = Normal.fit(1, 2, 3, 4);
        assertThat(fit.mean()).isEqualTo(2.5);
        assertThat(fit.sd()).isCloseTo(Math.sqrt(1.25), within(1e-15));
    }

    @Test
    void deepTailsKeepTheirDigits() {
        Normal n = Normal.standard();
        // Phi(-37) = 5.72557122252457682e-300 (mpmath 1.3.0: ncdf(-37) at 30 digits); 1 - Phi(37) would be 0. The
        // tolerance is the conditioning of the tail, d log Phi / d log z ~ z^2: the rounding of
        // z / sqrt 2 alone moves the result by 2 (z^2/2) u = 3e-13 relative.
        assertThat(n.cdf(-37)).isCloseTo(5.725571222524577e-300, within(3e-13 * 5.725571222524577e-300));
        assertThat(n.survival(37)).isEqualTo(n.cdf(-37));
        assertThat(n.quantile(n.cdf(-37))).isCloseTo(-37, within(1e-13));
        assertThat(n.logPdf(1e3)).isCloseTo(-0.5e6 - 0.5 * Math.log(2 * Math.PI), within(1e-9));
    }

    @Test
    void rejectsBadParametersAndData() {
        assertThatThrownBy(() -> new Normal(0, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Normal: sd must be finite and > 0, got -1.0");
        assertThatThrownBy(() -> new Normal(Double.NaN, 1)).hasMessage("Normal: mean must be finite, got NaN");
        assertThatThrownBy(Normal::fit).hasMessage("Normal.fit: data must not be empty");
        assertThatThrownBy(() -> Normal.fit(1, 2, Double.POSITIVE_INFINITY))
                .hasMessage("Normal.fit: data[2] must be finite, got Infinity");
        assertThatThrownBy(() -> Normal.fit(3, 3)).isInstanceOf(IllegalArgumentException.class);
    }
}
