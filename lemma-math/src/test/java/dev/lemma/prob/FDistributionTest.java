package dev.lemma.prob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FDistributionTest extends ContinuousDistributionContract {

    @Override
    List<ContinuousDistribution> distributions() {
        return List.of(
                new FDistribution(5, 10),
                new FDistribution(2, 3),
                new FDistribution(10, 50),
                new FDistribution(1, 1),
                new FDistribution(20, 12));
    }

    /// $\frac{12[d_1(5d_2 - 22)(d_1 + d_2 - 2) + (d_2 - 4)(d_2 - 2)^2]}{d_1(d_2 - 6)(d_2 - 8)(d_1 + d_2 - 2)}$
    /// for $d_2 > 8$; the fourth moment is infinite for $d_2 \le 8$.
    @Override
    double excessKurtosis(ContinuousDistribution d) {
        double d1 = ((FDistribution) d).d1();
        double d2 = ((FDistribution) d).d2();
        if (d2 <= 8) {
            return Double.POSITIVE_INFINITY;
        }
        return 12
                * (d1 * (5 * d2 - 22) * (d1 + d2 - 2) + (d2 - 4) * (d2 - 2) * (d2 - 2))
                / (d1 * (d2 - 6) * (d2 - 8) * (d1 + d2 - 2));
    }

    /// Standard errors from the inverse of the observed information per draw at the true parameters,
    /// the Hessian of the mean log-density taken here by central differences of `logPdf` (independent
    /// of the analytic Hessian the fit uses).
    @ParameterizedTest
    @CsvSource({"5, 10", "2, 30", "12, 7"})
    void fitRecoversTheDegreesOfFreedomWithinFiveStandardErrors(double d1, double d2) {
        int n = 50_000;
        double[] data = new FDistribution(d1, d2).sample(43L, n);
        FDistribution fit = FDistribution.fit(data);
        double h1 = 1e-3 * d1;
        double h2 = 1e-3 * d2;
        double l11 = (meanLogPdf(data, d1 + h1, d2) - 2 * meanLogPdf(data, d1, d2) + meanLogPdf(data, d1 - h1, d2))
                / (h1 * h1);
        double l22 = (meanLogPdf(data, d1, d2 + h2) - 2 * meanLogPdf(data, d1, d2) + meanLogPdf(data, d1, d2 - h2))
                / (h2 * h2);
        double l12 = (meanLogPdf(data, d1 + h1, d2 + h2)
                        - meanLogPdf(data, d1 + h1, d2 - h2)
                        - meanLogPdf(data, d1 - h1, d2 + h2)
                        + meanLogPdf(data, d1 - h1, d2 - h2))
                / (4 * h1 * h2);
        double det = l11 * l22 - l12 * l12;
        assertThat(fit.d1()).isCloseTo(d1, within(5 * Math.sqrt(-l22 / det / n)));
        assertThat(fit.d2()).isCloseTo(d2, within(5 * Math.sqrt(-l11 / det / n)));
    }

    private static double meanLogPdf(double[] data, double d1, double d2) {
        FDistribution f = new FDistribution(d1, d2);
        double sum = 0;
        for (double x : data) {
            sum += f.logPdf(x);
        }
        return sum / data.length;
    }

    @Test
    void fitRejectsBadData() {
        assertThatThrownBy(FDistribution::fit).hasMessage("FDistribution.fit: data must not be empty");
        assertThatThrownBy(() -> FDistribution.fit(1, 0)).hasMessage("FDistribution.fit: data[1] must be > 0, got 0.0");
    }

    @Test
    void isTheSquareOfStudentsTAndTheReciprocalSwapsTheDegreesOfFreedom() {
        // T^2 ~ F(1, nu): P(F <= x) = P(|T| <= sqrt x) = 1 - 2 S_T(sqrt x)
        StudentT t = new StudentT(7);
        FDistribution f = new FDistribution(1, 7);
        for (double x : new double[] {1e-12, 0.2, 3, 40, 1e6}) {
            double tail = 2 * t.survival(Math.sqrt(x));
            assertThat(f.survival(x)).isCloseTo(tail, within(1e-14 * tail));
        }
        // 1/F(d1, d2) ~ F(d2, d1)
        FDistribution a = new FDistribution(3, 11);
        FDistribution b = new FDistribution(11, 3);
        for (double x : new double[] {1e-6, 0.4, 1, 2.5, 1e4}) {
            assertThat(a.cdf(x)).isCloseTo(b.survival(1 / x), within(1e-14 * a.cdf(x)));
        }
    }

    @Test
    void farTailsWithoutOverflow() {
        // values from mpmath 1.3.0 at 30 digits: betainc(d2/2, d1/2, 0, d2/(d1 x + d2), regularized=True)
        // and the log of the density formula in the class comment
        FDistribution heavy = new FDistribution(1, 0.01);
        assertThat(heavy.survival(1e300)).isCloseTo(0.0306907449569138470, within(1e-15));
        assertThat(heavy.survival(1000)).isCloseTo(0.937578023935909951, within(1e-14));
        assertThat(new FDistribution(5, 10).logPdf(1e308)).isCloseTo(-4247.63988841425883, within(1e-12 * 4247.6));
    }

    @Test
    void momentsWhereTheyDoNotExist() {
        assertThat(new FDistribution(5, 2).mean()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(new FDistribution(5, 2).variance()).isNaN();
        assertThat(new FDistribution(5, 4).variance()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(new FDistribution(1, 5).pdf(0)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(new FDistribution(2, 5).pdf(0)).isCloseTo(1, within(1e-15));
        assertThat(new FDistribution(3, 5).pdf(0)).isZero();
    }

    @Test
    void rejectsBadParameters() {
        assertThatThrownBy(() -> new FDistribution(-1, 2))
                .hasMessage("FDistribution: d1 must be finite and > 0, got -1.0");
        assertThatThrownBy(() -> new FDistribution(1, 0))
                .hasMessage("FDistribution: d2 must be finite and > 0, got 0.0");
    }
}
