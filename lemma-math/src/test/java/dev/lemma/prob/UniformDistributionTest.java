package dev.lemma.prob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class UniformDistributionTest extends ContinuousDistributionContract {

    @Override
    List<ContinuousDistribution> distributions() {
        return List.of(new Uniform(0, 1), new Uniform(-1, 3), new Uniform(-5, -4.5), new Uniform(1e3, 1e5));
    }

    /// $-6/5$.
    @Override
    double excessKurtosis(ContinuousDistribution d) {
        return -1.2;
    }

    @Test
    void fitIsTheSampleRangeAndConvergesAtRateOneOverN() {
        Uniform truth = new Uniform(-1, 3);
        int n = 20_000;
        Uniform fit = Uniform.fit(truth.sample(5L, n));
        // min - a is about Exponential with mean (b - a)/n: beyond 10 (b - a)/n with probability e^-10
        double width = 4;
        assertThat(fit.lower()).isBetween(-1.0, -1 + 10 * width / n);
        assertThat(fit.upper()).isBetween(3 - 10 * width / n, 3.0);
        assertThat(Uniform.fit(2, -1, 0.5)).isEqualTo(new Uniform(-1, 2));
    }

    @Test
    void endsAndOutsideTheSupport() {
        Uniform u = new Uniform(-1, 3);
        assertThat(u.pdf(-1)).isEqualTo(0.25);
        assertThat(u.pdf(3.0001)).isZero();
        assertThat(u.quantile(0)).isEqualTo(-1);
        assertThat(u.quantile(1)).isEqualTo(3);
        assertThat(u.survival(3 - 0x1p-40)).isEqualTo(0x1p-42); // (b - x)/(b - a), exact
    }

    @Test
    void rejectsBadParametersAndData() {
        assertThatThrownBy(() -> new Uniform(2, 1))
                .hasMessage("Uniform: lower must be < upper (with a finite width), got lower = 2.0, upper = 1.0");
        assertThatThrownBy(() -> new Uniform(0, Double.POSITIVE_INFINITY))
                .hasMessage("Uniform: upper must be finite, got Infinity");
        assertThatThrownBy(Uniform::fit).hasMessage("Uniform.fit: data must not be empty");
        assertThatThrownBy(() -> Uniform.fit(0, Double.NaN)).hasMessage("Uniform.fit: data[1] must be finite, got NaN");
    }
}
