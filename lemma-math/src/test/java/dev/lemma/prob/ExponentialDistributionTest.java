package dev.lemma.prob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExponentialDistributionTest extends ContinuousDistributionContract {

    @Override
    List<ContinuousDistribution> distributions() {
        return List.of(new Exponential(1), new Exponential(0.5), new Exponential(1e-3), new Exponential(250));
    }

    /// 6.
    @Override
    double excessKurtosis(ContinuousDistribution d) {
        return 6;
    }

    @Test
    void fitRecoversTheRateWithinFiveStandardErrors() {
        int n = 50_000;
        Exponential fit = Exponential.fit(new Exponential(0.5).sample(3L, n));
        // Fisher information 1/lambda^2 per draw
        assertThat(fit.rate()).isCloseTo(0.5, within(5 * 0.5 / Math.sqrt(n)));
    }

    @Test
    void smallArgumentsKeepTheirDigits() {
        Exponential e = new Exponential(1);
        // F(1e-20) = 1 - e^{-1e-20} = 1e-20 - 5e-41: 1 - exp would give 0
        assertThat(e.cdf(1e-20)).isEqualTo(1e-20);
        assertThat(e.quantile(1e-20)).isEqualTo(1e-20);
        assertThat(e.survival(800)).isCloseTo(Math.exp(-800), within(1e-320));
    }

    @Test
    void rejectsBadParametersAndData() {
        assertThatThrownBy(() -> new Exponential(0)).hasMessage("Exponential: rate must be finite and > 0, got 0.0");
        assertThatThrownBy(Exponential::fit).hasMessage("Exponential.fit: data must not be empty");
        assertThatThrownBy(() -> Exponential.fit(1, -2)).hasMessage("Exponential.fit: data[1] must be ≥ 0, got -2.0");
        assertThatThrownBy(() -> Exponential.fit(Double.NaN))
                .hasMessage("Exponential.fit: data[0] must be finite, got NaN");
    }
}
