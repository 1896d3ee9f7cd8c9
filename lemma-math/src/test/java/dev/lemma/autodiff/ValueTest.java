package dev.lemma.autodiff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/// The scalar reverse-mode engine: every operation's gradient against central finite differences,
/// micrograd's README example, deep graphs, shared nodes, and what a second `backward()` does.
class ValueTest {
    /// Relative tolerance of a gradient against a central difference with step $h = 10^{-5}
    /// \max(1, |x|)$: the truncation error is $h^2 |f'''|/6 \approx 10^{-10}$, the rounding error
    /// $u |f| / h \approx 10^{-11}$ for the functions and ranges used here; $10^{-6}$ is far above both.
    private static final double FINITE_DIFFERENCE_RELATIVE = 1e-6;

    /// micrograd prints its README example to 4 decimals.
    private static final double FOUR_DECIMALS = 5e-5;

    private static double centralDifference(UnaryOperator<Value> f, double x) {
        double h = 1e-5 * Math.max(1, Math.abs(x));
        return (f.apply(new Value(x + h)).data() - f.apply(new Value(x - h)).data()) / (2 * h);
    }

    private static void assertGradient(String what, double actual, double expected) {
        assertThat(actual)
                .as(what)
                .isCloseTo(expected, within(FINITE_DIFFERENCE_RELATIVE * Math.max(1, Math.abs(expected))));
    }

    static IntStream seeds() {
        return IntStream.range(0, 25);
    }

    /// A point in $[lo, hi]$ with a random sign when `signed`: relu and division stay away from their
    /// kink and pole, log and fractional powers from negative arguments.
    private static double point(SplittableRandom rng, double lo, double hi, boolean signed) {
        double x = lo + (hi - lo) * rng.nextDouble();
        return signed && rng.nextBoolean() ? -x : x;
    }

    private static void checkUnary(String name, UnaryOperator<Value> f, double x) {
        Value input = new Value(x);
        f.apply(input).backward();
        assertGradient(name + " at " + x, input.grad(), centralDifference(f, x));
    }

    private static void checkBinary(String name, BinaryOperator<Value> f, double x, double y) {
        Value a = new Value(x);
        Value b = new Value(y);
        f.apply(a, b).backward();
        assertGradient(
                "∂/∂a " + name + " at " + x + ", " + y, a.grad(), centralDifference(t -> f.apply(t, new Value(y)), x));
        assertGradient(
                "∂/∂b " + name + " at " + x + ", " + y, b.grad(), centralDifference(t -> f.apply(new Value(x), t), y));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void everyOperationMatchesCentralFiniteDifferences(int seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        checkBinary("a + b", Value::add, point(rng, 0, 3, true), point(rng, 0, 3, true));
        checkBinary("a − b", Value::sub, point(rng, 0, 3, true), point(rng, 0, 3, true));
        checkBinary("a · b", Value::mul, point(rng, 0, 3, true), point(rng, 0, 3, true));
        checkBinary("a / b", Value::div, point(rng, 0, 3, true), point(rng, 0.5, 3, true));
        double k = point(rng, 0, 3, true);
        checkUnary("x^" + k, v -> v.pow(k), point(rng, 0.5, 3, false));
        checkUnary("−x", Value::neg, point(rng, 0, 3, true));
        checkUnary("exp", Value::exp, point(rng, 0, 3, true));
        checkUnary("log", Value::log, point(rng, 0.1, 5, false));
        checkUnary("tanh", Value::tanh, point(rng, 0, 3, true));
        checkUnary("relu", Value::relu, point(rng, 0.1, 3, true));
        checkUnary("sigmoid", Value::sigmoid, point(rng, 0, 6, true));
        double c = point(rng, 0.5, 3, true);
        checkUnary("x + c", v -> v.add(c), point(rng, 0, 3, true));
        checkUnary("x − c", v -> v.sub(c), point(rng, 0, 3, true));
        checkUnary("x · c", v -> v.mul(c), point(rng, 0, 3, true));
        checkUnary("x / c", v -> v.div(c), point(rng, 0, 3, true));
        // A composition that uses every operation, and uses a and b more than once.
        checkBinary(
                "composite",
                (a, b) -> a.mul(b)
                        .add(a.exp().div(b))
                        .tanh()
                        .sub(b.pow(2).log())
                        .add(a.sigmoid().mul(b.relu()))
                        .neg(),
                point(rng, 0, 1, true),
                point(rng, 0.5, 2, true));
    }

    /// The example of micrograd's README, with the values it prints: `g.data` 24.7041, `a.grad`
    /// 138.8338, `b.grad` 645.5773 (https://github.com/karpathy/micrograd, README.md).
    @Test
    void microgradReadmeExample() {
        Readme r = new Readme();
        assertThat(r.g.data()).isCloseTo(24.7041, within(FOUR_DECIMALS));
        r.g.backward();
        assertThat(r.a.grad()).isCloseTo(138.8338, within(FOUR_DECIMALS));
        assertThat(r.b.grad()).isCloseTo(645.5773, within(FOUR_DECIMALS));
    }

    /// micrograd's README expression, in Java; `c += c + 1` becomes `c = c.add(c.add(1))`, and
    /// `10.0 / f` becomes `new Value(10).div(f)`, which is what Python's `__rtruediv__` does.
    private static final class Readme {
        final Value a = new Value(-4.0);
        final Value b = new Value(2.0);
        final Value f;
        final Value g;

        Readme() {
            Value c = a.add(b);
            Value d = a.mul(b).add(b.pow(3));
            c = c.add(c.add(1));
            c = c.add(c.add(1).add(a.neg()));
            d = d.add(d.mul(2).add(b.add(a).relu()));
            d = d.add(d.mul(3).add(b.sub(a).relu()));
            Value e = c.sub(d);
            f = e.pow(2);
            Value half = f.div(2.0);
            g = half.add(new Value(10.0).div(f));
        }
    }

    @Test
    void aChainOfOneHundredThousandNodesBackpropagatesWithoutRecursion() {
        Value x = new Value(0.5);
        Value v = x;
        for (int i = 0; i < 100_000; i++) {
            v = v.add(1.0);
        }
        assertThat(v.data()).isEqualTo(100_000.5);
        v.backward(); // a recursive topological sort would throw StackOverflowError here
        assertThat(x.grad()).isEqualTo(1.0);
        v.zeroGrad();
        assertThat(x.grad()).isZero();
        assertThat(v.grad()).isZero();
    }

    @Test
    void aNodeUsedTwiceAccumulatesBothPaths() {
        Value a = new Value(3.0);
        a.mul(a).backward(); // d(a²)/da = 2a
        assertThat(a.grad()).isEqualTo(6.0);

        Value b = new Value(3.0);
        b.add(b).backward();
        assertThat(b.grad()).isEqualTo(2.0);

        Value x = new Value(1.5); // a diamond: L = 2x + 3x
        Value left = x.mul(2.0);
        Value right = x.mul(3.0);
        left.add(right).backward();
        assertThat(x.grad()).isEqualTo(5.0);
    }

    /// As documented on `backward()`: leaves accumulate (twice the gradient after two calls, as PyTorch's
    /// leaves with `retain_graph=True`); interior nodes hold the last pass only; `zeroGrad()` restarts.
    @Test
    void backwardTwiceDoublesTheLeafGradients() {
        Readme r = new Readme();
        r.g.backward();
        double aOnce = r.a.grad();
        double bOnce = r.b.grad();
        double fOnce = r.f.grad();
        r.g.backward();
        assertThat(r.a.grad()).isEqualTo(2 * aOnce);
        assertThat(r.b.grad()).isEqualTo(2 * bOnce);
        assertThat(r.f.grad()).isEqualTo(fOnce);
        assertThat(r.g.grad()).isEqualTo(1.0);

        r.g.zeroGrad();
        assertThat(r.a.grad()).isZero();
        r.g.backward();
        assertThat(r.a.grad()).isEqualTo(aOnce);

        Value leaf = new Value(7.0); // a leaf as the output: ∂x/∂x = 1, accumulated
        leaf.backward();
        leaf.backward();
        assertThat(leaf.grad()).isEqualTo(2.0);
    }

    @Test
    void graphStructureAndLabels() {
        Value a = new Value(2.0);
        Value b = new Value(-3.0);
        Value product = a.mul(b);
        assertThat(product.op()).isEqualTo("*");
        assertThat(product.children()).containsExactly(a, b);
        assertThat(a.op()).isEmpty();
        assertThat(a.children()).isEmpty();
        assertThat(a.add(a).children()).containsExactly(a, a);
        assertThat(a.pow(3).op()).isEqualTo("^3.0");
        assertThat(product).hasToString("Value(data=-6.0, grad=0.0)");
    }

    @Test
    void largeArgumentsDoNotTurnIntoNaN() {
        Value x = new Value(400.0);
        Value t = x.tanh(); // micrograd's (e^{2x} − 1)/(e^{2x} + 1) is ∞/∞ here
        t.backward();
        assertThat(t.data()).isEqualTo(1.0);
        assertThat(x.grad()).isZero();

        Value y = new Value(-800.0);
        Value s = y.sigmoid();
        s.backward();
        assertThat(s.data()).isZero();
        assertThat(y.grad()).isZero();
    }

    /// One step of gradient descent on $(x - 3)^2$ through `setData`, the way micrograd's training loop
    /// updates parameters.
    @Test
    void setDataForAGradientStep() {
        Value x = new Value(0.0);
        for (int step = 0; step < 200; step++) {
            Value loss = x.sub(3.0).pow(2);
            loss.zeroGrad();
            loss.backward();
            x.setData(x.data() - 0.1 * x.grad());
        }
        assertThat(x.data()).isCloseTo(3.0, within(1e-12));
    }
}
