package dev.lemma.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/// The line searches against their own definitions: at random points of the test functions, along the
/// steepest-descent direction and along random descent directions, the returned step satisfies the
/// conditions it claims, checked here from fresh evaluations of $f$ and $\nabla f$.
class LineSearchTest {

    @Test
    void strongWolfeStepsSatisfyBothConditions() {
        check(new LineSearch.StrongWolfe(1e-4, 0.9));
        check(new LineSearch.StrongWolfe(1e-4, 0.1));
    }

    @Test
    void armijoStepsSatisfySufficientDecrease() {
        check(LineSearch.armijo());
    }

    private static void check(LineSearch search) {
        SplittableRandom random = new SplittableRandom(17);
        int found = 0;
        for (TestFunction t : List.of(
                TestFunctions.rosenbrock(2),
                TestFunctions.rosenbrock(6),
                TestFunctions.beale(),
                TestFunctions.himmelblau(),
                TestFunctions.rastrigin(2),
                TestFunctions.quadratic(4, 1, 1000, 8))) {
            Objective f = t.objective();
            for (int trial = 0; trial < 50; trial++) {
                double[] x = random.doubles(t.dimension(), -2, 2).toArray();
                Objective.Evaluation at = f.evaluate(x);
                double[] d = new double[x.length];
                for (int i = 0; i < d.length; i++) {
                    d[i] = -at.gradient()[i] + (trial % 2 == 0 ? 0 : random.nextGaussian() * 0.5);
                }
                double slope = Flat.dot(at.gradient(), d);
                if (!(slope < 0)) {
                    continue;
                }
                double t0 = random.nextDouble(1e-3, 10);
                LineSearch.Step s = search.search(f, x, at, d, t0);
                assertThat(s.satisfied()).as("%s trial %d", t.name(), trial).isTrue();
                found++;
                double[] expected = Flat.along(x, d, s.step());
                assertThat(s.x()).containsExactly(expected);
                double value = f.value(s.x());
                assertThat(s.evaluation().value()).isEqualTo(value);
                double c1 = search instanceof LineSearch.StrongWolfe w ? w.c1() : ((LineSearch.Armijo) search).c1();
                assertThat(value)
                        .as("%s: sufficient decrease", t.name())
                        .isLessThanOrEqualTo(at.value() + c1 * s.step() * slope);
                if (search instanceof LineSearch.StrongWolfe w) {
                    double newSlope = Flat.dot(f.gradient(s.x()), d);
                    assertThat(Math.abs(newSlope)).as("%s: curvature", t.name()).isLessThanOrEqualTo(-w.c2() * slope);
                }
            }
        }
        assertThat(found).isGreaterThan(200);
    }

    @Test
    void anAscentDirectionIsRefused() {
        Objective f = TestFunctions.booth().objective();
        double[] x = {0, 0};
        Objective.Evaluation at = f.evaluate(x);
        LineSearch.Step s = LineSearch.strongWolfe().search(f, x, at, at.gradient(), 1);
        assertThat(s.satisfied()).isFalse();
        assertThat(s.step()).isZero();
    }

    @Test
    void constantsAreChecked() {
        assertThatThrownBy(() -> new LineSearch.StrongWolfe(0.5, 0.1)).hasMessageContaining("need c1 < c2");
        assertThatThrownBy(() -> new LineSearch.Armijo(1e-4, 1))
                .hasMessageContaining("shrink must be in (0, 1), got 1");
    }
}
