package dev.lemma.prob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lemma.numeric.SpecialFunctions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/// [Saddlepoint]: Stirling's error on both sides of every switch of its series (against mpmath 1.3.0
/// at 40 digits, `loggamma(n+1) - (n+1/2)*log(n) + n - log(2*pi)/2`) to $3 \times 10^{-17}$ absolute,
/// the accuracy it promises, and the deviance's series against its defining formula.
class SaddlepointTest {

    @ParameterizedTest
    @CsvSource({
        "1, 0.08106146679532726",
        "15, 0.005554733551962801",
        "16, 0.0052076559196096404",
        "30, 0.0027776749297526936",
        "31, 0.002688078828531143",
        "35, 0.002380887608234112",
        "36, 0.002314755290514684",
        "80, 0.0010416612415616192",
        "81, 0.0010288013577107774",
        "500, 0.00016666664444446984",
        "501, 0.0001663339765799327",
        "1000000, 8.333333333333056e-08"
    })
    void stirlingErrorMatchesMpmath(int n, double expected) {
        assertThat(Saddlepoint.stirlingError(n)).isCloseTo(expected, within(3e-17));
    }

    /// Near $x = m$ the series for $D(x, m) = x\log(x/m) + m - x$ avoids the cancellation of the formula;
    /// where the formula is still accurate (moderate $|x - m|/m$) both must agree.
    @ParameterizedTest
    @ValueSource(doubles = {0.5, 0.93, 0.99, 1.0, 1.01, 1.08, 2.0})
    void devianceSeriesAgreesWithTheFormula(double ratio) {
        double m = 1000;
        double x = ratio * m;
        double formula = x * Math.log(x / m) + m - x;
        assertThat(Saddlepoint.deviance(x, m)).isCloseTo(formula, within(1e-12 * Math.max(formula, 1e-3)));
        assertThat(Saddlepoint.deviance(x, m)).isGreaterThanOrEqualTo(0.0);
    }

    /// The binomial log-mass against the log-gamma formula, which is accurate for small $n$.
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 5, 12, 30})
    void logBinomialAgreesWithLogGammaForSmallN(int n) {
        double p = 0.37;
        for (int k = 1; k < n; k++) {
            double expected = SpecialFunctions.logGamma(n + 1.0)
                    - SpecialFunctions.logGamma(k + 1.0)
                    - SpecialFunctions.logGamma(n - k + 1.0)
                    + k * Math.log(p)
                    + (n - k) * Math.log1p(-p);
            assertThat(Saddlepoint.logBinomial(k, n, p))
                    .isCloseTo(expected, within(1e-14 * Math.max(1, Math.abs(expected))));
        }
    }
}
