package dev.lemma.calculus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lemma.linalg.Matrix;
import dev.lemma.linalg.Vector;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/// Theorems 2.3 and 2.8 measured: along a unit direction $v$ and a step $t$, the change of $f$ and the
/// remainder of its local models fall like the power of $t$ the theorems predict. The order is read
/// as $\log_2$ of the ratio of the quantity at $t$ and at $t/2$ (as in [TaylorTest]), twice: on
/// $(t, t/2)$ and $(t/2, t/4)$.
///
/// Each function is evaluated in plain doubles, so the values are independent of the derivative code;
/// its gradient and Hessian are worked by hand, and the theorems are checked both with these closed
/// forms and with Lemma's own derivatives (central differences in [MultivariateDerivatives],
/// forward-over-forward mode with [HyperDual]). Two functions of 2 variables (Rosenbrock's and
/// $e^x \sin y + xy^2$) and two of 3 ($\sin(xy) + z^2 e^{-x} + \log(1 + y^2)$ and softmax
/// cross-entropy), each at five seeded points in $[-1, 1)^n$.
///
/// Book: chapter 2, Theorem 2.3 (§2.2) and Theorem 2.8 (§2.5).
class MultivariateTaylorTest {
    /// The measured order of $a t^p + b t^{p+1}$ differs from $p$ by about $\frac{b t}{2a \ln 2}$.
    /// The steps below keep $|b t / a| \lesssim 0.1$ on these functions and points: the deviations
    /// observed are at most 0.05 (level sets) and 0.08 (quadratic model). 0.15 allows about twice that,
    /// and still tells order 1 from 2 and 2 from 3.
    private static final double ORDER_TOLERANCE = 0.15;

    /// The slope $|f(x + tu) - f(x)|/t$ along $u = \nabla f/\|\nabla f\|$ at the smallest step $t/4$
    /// differs from $\|\nabla f\|$ by about $\frac t8 |u^\top H u|$, relatively below 1% at these steps.
    private static final double SLOPE_TOLERANCE = 0.02;

    /// The tilt, in radians, of the direction that leaves the level set: $\sin(0.1) \approx 0.1$ of the
    /// gradient's slope, enough to dominate the curvature at the steps used.
    private static final double TILT = 0.1;

    /// Lemma's gradients against the closed forms, relative to $\max(1, \|\nabla f\|_\infty)$: the
    /// central-difference bound of [MultivariateDerivativesTest] (error about $u^{2/3}$ times the size
    /// of $f$); hyper-duals are exact to rounding and pass it with room to spare.
    private static final double GRADIENT_TOLERANCE = 1e-7;

    /// Lemma's Hessians against the closed forms, relative to $\max(1, \|H\|_{\max})$: the
    /// second-difference bound of [MultivariateDerivativesTest] (error about $\sqrt u$ times the size of
    /// $f$). Its effect on the quadratic model, $\frac12 \delta H \|h\|^2$, is far below the cubic
    /// remainder at the steps used.
    private static final double HESSIAN_TOLERANCE = 1e-5;

    /// A smooth $f: \mathbb{R}^n \to \mathbb{R}$ with everything the tests need.
    ///
    /// @param name for messages
    /// @param n the number of variables
    /// @param f $f$ in plain doubles
    /// @param gradient $\nabla f$, worked by hand
    /// @param hessian $\nabla^2 f$, worked by hand
    /// @param hyperDual $f$ in hyper-dual arithmetic
    /// @param levelSetStep the largest step $t$ off a level set: small enough that the curvature term
    ///     is a few hundredths of the tilted direction's slope term (Rosenbrock's curvature, up to about
    ///     $10^3$, needs the smallest)
    /// @param taylorStep the largest step $\|h\|$ for the quadratic model: small enough that the
    ///     fourth-order term is a few hundredths of the third, large enough that the remainder at a
    ///     quarter of it ($\gtrsim 10^{-8}$) stays far above the rounding of $f$ ($\approx 10^{-16}$)
    record Smooth(
            String name,
            int n,
            ToDoubleFunction<Vector> f,
            Function<Vector, Vector> gradient,
            Function<Vector, Matrix> hessian,
            HyperDualField hyperDual,
            double levelSetStep,
            double taylorStep) {}

    /// A gradient and Hessian at $x$ and where they came from.
    private record Derivatives(String source, Vector gradient, Matrix hessian) {}

    private static final Vector Y = Functions.softmax(Vector.of(0.3, -0.8, 0.5)); // a probability vector

    private static final List<Smooth> FUNCTIONS = List.of(
            new Smooth(
                    "Rosenbrock",
                    2,
                    Functions::rosenbrock,
                    Functions::rosenbrockGradient,
                    Functions::rosenbrockHessian,
                    Functions::rosenbrock,
                    1e-3,
                    4e-3),
            new Smooth(
                    "e^x sin y + x y²",
                    2,
                    MultivariateTaylorTest::expSin,
                    MultivariateTaylorTest::expSinGradient,
                    MultivariateTaylorTest::expSinHessian,
                    MultivariateTaylorTest::expSin,
                    5e-3,
                    2e-2),
            new Smooth(
                    "sin(xy) + z² e^{-x} + log(1 + y²)",
                    3,
                    MultivariateTaylorTest::sinExpLog,
                    MultivariateTaylorTest::sinExpLogGradient,
                    MultivariateTaylorTest::sinExpLogHessian,
                    MultivariateTaylorTest::sinExpLog,
                    5e-3,
                    2e-2),
            new Smooth(
                    "softmax cross-entropy",
                    3,
                    z -> Functions.softmaxCrossEntropy(Y, z),
                    z -> Functions.softmax(z).minus(Y),
                    z -> {
                        Vector s = Functions.softmax(z);
                        return Matrix.diagonal(s.toArray()).minus(s.outer(s));
                    },
                    z -> Functions.softmaxCrossEntropy(Y, z),
                    5e-3,
                    2e-2));

    private static final long[] SEEDS = {1, 2, 3, 4, 5};

    /// $|f(x + t v) - f(x)|$.
    private static double change(Smooth s, Vector x, Vector v, double t) {
        return Math.abs(s.f().applyAsDouble(x.plus(v.times(t))) - s.f().applyAsDouble(x));
    }

    /// The observed orders of $e$ at $t$: $\log_2 \frac{e(t)}{e(t/2)}$ and $\log_2 \frac{e(t/2)}{e(t/4)}$.
    private static double[] orders(DoubleUnaryOperator e, double t) {
        double e1 = e.applyAsDouble(t);
        double e2 = e.applyAsDouble(t / 2);
        double e4 = e.applyAsDouble(t / 4);
        return new double[] {Math.log(e1 / e2) / Math.log(2), Math.log(e2 / e4) / Math.log(2)};
    }

    /// Theorem 2.3: a unit $v \perp \nabla f(x)$ is tangent to the level set through $x$, so
    /// $f(x + tv) - f(x) = \frac{t^2}{2} v^\top H v + O(t^3)$ has order 2. Along $u = \nabla f/\|\nabla
    /// f\|$ the change is first order with slope $\|\nabla f\|$. The control: $v$ tilted towards $u$ by
    /// 0.1 rad changes $f$ by $t \sin(0.1) \|\nabla f\| + O(t^2)$, order 1, so the test fails if the
    /// gradient Lemma computes is not normal to the level set.
    @Test
    void movingAlongALevelSetChangesFOnlyAtSecondOrder() {
        for (Smooth s : FUNCTIONS) {
            for (long seed : SEEDS) {
                Vector x = Vector.random(s.n(), seed);
                Vector g = MultivariateDerivatives.gradient(s.f(), x);
                Vector u = g.normalize();
                // A unit tangent of the level set: a seeded vector with its gradient component removed.
                Vector r = Vector.random(s.n(), seed + 100);
                Vector v = r.minus(u.times(r.dot(u))).normalize();
                Vector tilted = v.times(Math.cos(TILT)).plus(u.times(Math.sin(TILT)));
                String at = s.name() + " at " + x;
                double t = s.levelSetStep();

                double[] tangent = orders(h -> change(s, x, v, h), t);
                double[] along = orders(h -> change(s, x, u, h), t);
                double[] off = orders(h -> change(s, x, tilted, h), t);
                for (int k = 0; k < 2; k++) {
                    assertThat(tangent[k]).as("tangent, %s", at).isCloseTo(2, within(ORDER_TOLERANCE));
                    assertThat(along[k]).as("gradient, %s", at).isCloseTo(1, within(ORDER_TOLERANCE));
                    assertThat(off[k]).as("tilted, %s", at).isCloseTo(1, within(ORDER_TOLERANCE));
                }
                double slope = change(s, x, u, t / 4) / (t / 4);
                assertThat(slope).as("slope, %s", at).isCloseTo(g.norm2(), within(SLOPE_TOLERANCE * g.norm2()));
            }
        }
    }

    /// Theorem 2.8: along a unit direction $d$, $f(x + td) - f(x) - t \nabla f^\top d - \frac{t^2}{2}
    /// d^\top H d$ has order 3 for a function with continuous third derivatives, with the gradient and
    /// Hessian from the closed forms, from central differences and from hyper-duals. The control:
    /// dropping the Hessian term leaves the order-2 remainder of the linear model.
    @Test
    void quadraticModelHasAThirdOrderRemainder() {
        for (Smooth s : FUNCTIONS) {
            for (long seed : SEEDS) {
                Vector x = Vector.random(s.n(), seed);
                Vector d = Vector.random(s.n(), seed + 200).normalize();
                Vector g = s.gradient().apply(x);
                Matrix H = s.hessian().apply(x);
                Vector gDiff = MultivariateDerivatives.gradient(s.f(), x);
                Matrix HDiff = MultivariateDerivatives.hessian(s.f(), x);
                Vector gHyper = hyperDualGradient(s.hyperDual(), x);
                Matrix HHyper = ForwardMode.hessianByHyperDuals(s.hyperDual(), x);
                String at = s.name() + " at " + x;
                double gScale = Math.max(1, g.normInf());
                double HScale = Math.max(1, H.maxAbsDifference(Matrix.zeros(s.n(), s.n())));
                // Lemma's derivatives are the closed forms (to their accuracy) before they build models.
                assertThat(gDiff.minus(g).normInf()).as("differences, %s", at).isLessThan(GRADIENT_TOLERANCE * gScale);
                assertThat(HDiff.maxAbsDifference(H)).as("differences, %s", at).isLessThan(HESSIAN_TOLERANCE * HScale);
                assertThat(gHyper.minus(g).normInf()).as("hyper-duals, %s", at).isLessThan(GRADIENT_TOLERANCE * gScale);
                assertThat(HHyper.maxAbsDifference(H)).as("hyper-duals, %s", at).isLessThan(HESSIAN_TOLERANCE * HScale);
                double fx = s.f().applyAsDouble(x);
                double t = s.taylorStep();
                for (Derivatives m : List.of(
                        new Derivatives("closed form", g, H),
                        new Derivatives("central differences", gDiff, HDiff),
                        new Derivatives("hyper-duals", gHyper, HHyper))) {
                    double slope = m.gradient().dot(d);
                    double curvature = d.dot(m.hessian().times(d));
                    DoubleUnaryOperator fAlong = h -> s.f().applyAsDouble(x.plus(d.times(h)));
                    double[] quadratic = orders(
                            h -> Math.abs(fAlong.applyAsDouble(h) - (fx + h * slope + 0.5 * h * h * curvature)), t);
                    double[] linear = orders(h -> Math.abs(fAlong.applyAsDouble(h) - (fx + h * slope)), t);
                    for (int k = 0; k < 2; k++) {
                        assertThat(quadratic[k])
                                .as("quadratic model, %s, %s", m.source(), at)
                                .isCloseTo(3, within(ORDER_TOLERANCE));
                        assertThat(linear[k])
                                .as("linear model, %s, %s", m.source(), at)
                                .isCloseTo(2, within(ORDER_TOLERANCE));
                    }
                }
            }
        }
    }

    /// $\nabla f(x)$ from the $\varepsilon_1$ parts of $f(x + e_i\varepsilon_1)$.
    private static Vector hyperDualGradient(HyperDualField f, Vector x) {
        int n = x.size();
        double[] g = new double[n];
        for (int i = 0; i < n; i++) {
            HyperDual[] seeded = new HyperDual[n];
            for (int j = 0; j < n; j++) {
                seeded[j] = new HyperDual(x.get(j), i == j ? 1 : 0, 0, 0);
            }
            g[i] = f.apply(seeded).e1();
        }
        return Vector.of(g);
    }

    /// $e^x \sin y + x y^2$.
    private static double expSin(Vector v) {
        double x = v.get(0);
        double y = v.get(1);
        return Math.exp(x) * Math.sin(y) + x * y * y;
    }

    private static Vector expSinGradient(Vector v) {
        double x = v.get(0);
        double y = v.get(1);
        double e = Math.exp(x);
        return Vector.of(e * Math.sin(y) + y * y, e * Math.cos(y) + 2 * x * y);
    }

    private static Matrix expSinHessian(Vector v) {
        double x = v.get(0);
        double y = v.get(1);
        double e = Math.exp(x);
        double xy = e * Math.cos(y) + 2 * y;
        return Matrix.of(new double[][] {{e * Math.sin(y), xy}, {xy, -e * Math.sin(y) + 2 * x}});
    }

    private static HyperDual expSin(HyperDual[] v) {
        return v[0].exp().times(v[1].sin()).plus(v[0].times(v[1]).times(v[1]));
    }

    /// $\sin(xy) + z^2 e^{-x} + \log(1 + y^2)$.
    private static double sinExpLog(Vector v) {
        double x = v.get(0);
        double y = v.get(1);
        double z = v.get(2);
        return Math.sin(x * y) + z * z * Math.exp(-x) + Math.log(1 + y * y);
    }

    private static Vector sinExpLogGradient(Vector v) {
        double x = v.get(0);
        double y = v.get(1);
        double z = v.get(2);
        double c = Math.cos(x * y);
        double e = Math.exp(-x);
        return Vector.of(y * c - z * z * e, x * c + 2 * y / (1 + y * y), 2 * z * e);
    }

    private static Matrix sinExpLogHessian(Vector v) {
        double x = v.get(0);
        double y = v.get(1);
        double z = v.get(2);
        double s = Math.sin(x * y);
        double c = Math.cos(x * y);
        double e = Math.exp(-x);
        double q = 1 + y * y;
        double xx = -y * y * s + z * z * e;
        double xy = c - x * y * s;
        double xz = -2 * z * e;
        double yy = -x * x * s + 2 * (1 - y * y) / (q * q);
        return Matrix.of(new double[][] {{xx, xy, xz}, {xy, yy, 0}, {xz, 0, 2 * e}});
    }

    private static HyperDual sinExpLog(HyperDual[] v) {
        HyperDual x = v[0];
        HyperDual y = v[1];
        HyperDual z = v[2];
        return x.times(y)
                .sin()
                .plus(z.times(z).times(x.negate().exp()))
                .plus(y.times(y).plus(1).log());
    }
}
