package dev.lemma.autodiff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lemma.calculus.GradientCheck;
import dev.lemma.linalg.Vector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/// Every operation's backward rule against central differences ([GradientCheck], an independent
/// computation that uses only forward evaluations), on random shapes drawn per seed, broadcasting
/// included.
///
/// For an operation $y = f(x_1, \dots)$ with a tensor result, the scalar checked is $L = \sum_j r_j y_j$
/// with fixed random weights $r$, so that every entry of $y$ contributes with its own weight: a rule that
/// mixes up entries, or drops a broadcast sum, changes $\partial L/\partial x$.
class TensorGradientTest {
    private static final int SEEDS = 12;

    /// How an input's entries are drawn: anywhere, or away from the points where an operation is not
    /// differentiable (0 for relu and abs), or positive (log, sqrt, a divisor, a power's base).
    enum Domain {
        ANY,
        AWAY_FROM_ZERO,
        POSITIVE
    }

    /// An operation under test, its inputs' shapes and domains.
    @SuppressWarnings("ArrayRecordComponent") // a test case, never compared or hashed
    record Case(String name, Function<List<Tensor>, Tensor> op, int[][] shapes, Domain[] domains) {
        @Override
        public String toString() {
            return name + " " + Arrays.deepToString(shapes);
        }
    }

    static Stream<Arguments> cases() {
        List<Arguments> all = new ArrayList<>();
        for (int seed = 1; seed <= SEEDS; seed++) {
            SplittableRandom rng = new SplittableRandom(seed);
            int[] full = randomShape(rng, 0, 3);
            int[] a = broadcastable(rng, full);
            int[] b = broadcastable(rng, full);
            int[] m1 = {1 + rng.nextInt(4), 1 + rng.nextInt(4)};
            int[] m2 = {m1[1], 1 + rng.nextInt(4)};
            int batch = 1 + rng.nextInt(3);
            int[] anyRank1 = randomShape(rng, 1, 3);
            int axis = rng.nextInt(anyRank1.length);
            int[] labels = labels(rng, m1);
            for (Case c : List.of(
                    binary("add", Tensor::add, a, b, Domain.ANY),
                    binary("sub", Tensor::sub, a, b, Domain.ANY),
                    binary("mul", Tensor::mul, a, b, Domain.ANY),
                    binary("div", Tensor::div, a, b, Domain.POSITIVE),
                    unary("neg", Tensor::neg, full, Domain.ANY),
                    unary("pow 3", t -> t.pow(3), full, Domain.ANY),
                    unary("pow -1.5", t -> t.pow(-1.5), full, Domain.POSITIVE),
                    unary("exp", Tensor::exp, full, Domain.ANY),
                    unary("log", Tensor::log, full, Domain.POSITIVE),
                    unary("sqrt", Tensor::sqrt, full, Domain.POSITIVE),
                    unary("abs", Tensor::abs, full, Domain.AWAY_FROM_ZERO),
                    unary("tanh", Tensor::tanh, full, Domain.ANY),
                    unary("sigmoid", Tensor::sigmoid, full, Domain.ANY),
                    unary("relu", Tensor::relu, full, Domain.AWAY_FROM_ZERO),
                    unary("gelu", Tensor::gelu, full, Domain.ANY),
                    unary("scalar ops", t -> t.mul(2.5).add(1).sub(0.25).div(3), full, Domain.ANY),
                    binary("matmul", Tensor::matmul, m1, m2, Domain.ANY),
                    binary("matmul vector-matrix", Tensor::matmul, new int[] {m2[0]}, m2, Domain.ANY),
                    binary("matmul matrix-vector", Tensor::matmul, m1, new int[] {m1[1]}, Domain.ANY),
                    binary("matmul dot", Tensor::matmul, new int[] {m1[1]}, new int[] {m1[1]}, Domain.ANY),
                    binary("matmul stack-matrix", Tensor::matmul, new int[] {batch, m1[0], m1[1]}, m2, Domain.ANY),
                    binary("matmul matrix-stack", Tensor::matmul, m1, new int[] {batch, m2[0], m2[1]}, Domain.ANY),
                    binary(
                            "matmul stack-stack",
                            Tensor::matmul,
                            new int[] {batch, m1[0], m1[1]},
                            new int[] {batch, m2[0], m2[1]},
                            Domain.ANY),
                    unary("reshape", t -> t.reshape(-1), anyRank1, Domain.ANY),
                    unary("transpose", Tensor::transpose, m1, Domain.ANY),
                    unary("permute", t -> t.permute(2, 0, 1), new int[] {2, 3, 4}, Domain.ANY),
                    unary("slice", t -> t.slice(axis, 0, (anyRank1[axis] + 1) / 2), anyRank1, Domain.ANY),
                    unary("gather", t -> t.gather(axis, 0, anyRank1[axis] - 1, 0), anyRank1, Domain.ANY),
                    unary("select", t -> t.select(axis, anyRank1[axis] - 1), anyRank1, Domain.ANY),
                    binary("concat", (x, y) -> Tensor.concat(axis, x, y, x), anyRank1, anyRank1, Domain.ANY),
                    unary("sum", Tensor::sum, full, Domain.ANY),
                    unary("sum axis", t -> t.sum(axis), anyRank1, Domain.ANY),
                    unary("sum axis keepDims", t -> t.sum(axis, true), anyRank1, Domain.ANY),
                    unary("mean", Tensor::mean, full, Domain.ANY),
                    unary("mean axis", t -> t.mean(axis), anyRank1, Domain.ANY),
                    unary("max", Tensor::max, anyRank1, Domain.ANY),
                    unary("max axis", t -> t.max(axis), anyRank1, Domain.ANY),
                    unary("softmax", t -> t.softmax(axis), anyRank1, Domain.ANY),
                    unary("logSoftmax", t -> t.logSoftmax(axis), anyRank1, Domain.ANY),
                    unary("crossEntropy labels", t -> t.crossEntropy(labels), m1, Domain.ANY),
                    binary("crossEntropy soft", (x, p) -> x.crossEntropy(p.softmax(-1)), m1, m1, Domain.ANY),
                    binary("mse", Tensor::mse, m1, m1, Domain.ANY),
                    binary("two-layer net", (x, w) -> x.matmul(w).tanh().sum(0).softmax(0), m1, m2, Domain.ANY))) {
                all.add(Arguments.of(seed, c));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "seed {0}: {1}")
    @MethodSource("cases")
    void backwardMatchesCentralDifferences(int seed, Case c) {
        SplittableRandom rng = new SplittableRandom(1000L + seed);
        double[][] values = new double[c.shapes.length][];
        for (int i = 0; i < values.length; i++) {
            values[i] = draw(rng, Shapes.size(c.shapes[i]), c.domains[i]);
        }
        List<Tensor> leaves = leaves(values, c.shapes);
        Tensor y = c.op.apply(leaves);
        Tensor weights = Tensor.constant(draw(rng, y.size(), Domain.ANY), y.shape());
        y.mul(weights).sum().backward();

        for (int i = 0; i < values.length; i++) {
            int input = i;
            Function<Vector, Double> loss = v -> Tensor.noGrad(() -> {
                double[][] moved = values.clone();
                moved[input] = v.toArray();
                return c.op.apply(leaves(moved, c.shapes)).mul(weights).sum().item();
            });
            GradientCheck check =
                    GradientCheck.of(loss::apply, leaves.get(i).grad().toVector(), Vector.of(values[i]));
            assertThat(check.passed())
                    .as(
                            "%s, input %d: worst coordinate %s",
                            c, i, check.coordinates().isEmpty() ? "-" : check.worst())
                    .isTrue();
        }
    }

    private static List<Tensor> leaves(double[][] values, int[][] shapes) {
        List<Tensor> leaves = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            leaves.add(Tensor.of(values[i], shapes[i]));
        }
        return leaves;
    }

    private static double[] draw(SplittableRandom rng, int n, Domain domain) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = switch (domain) {
                case ANY -> rng.nextDouble(-2, 2);
                case AWAY_FROM_ZERO -> (rng.nextBoolean() ? 1 : -1) * rng.nextDouble(0.1, 2);
                case POSITIVE -> rng.nextDouble(0.5, 2);
            };
        }
        return x;
    }

    /// A shape of rank `minRank` to `maxRank` with dimensions 1 to 4.
    private static int[] randomShape(SplittableRandom rng, int minRank, int maxRank) {
        return IntStream.range(0, minRank + rng.nextInt(maxRank - minRank + 1))
                .map(d -> 1 + rng.nextInt(4))
                .toArray();
    }

    /// A shape that broadcasts to `full`: some leading axes dropped, some dimensions set to 1.
    private static int[] broadcastable(SplittableRandom rng, int[] full) {
        int drop = rng.nextInt(full.length + 1);
        int[] shape = Arrays.copyOfRange(full, drop, full.length);
        for (int d = 0; d < shape.length; d++) {
            if (rng.nextInt(3) == 0) {
                shape[d] = 1;
            }
        }
        return shape;
    }

    private static int[] labels(SplittableRandom rng, int[] logitsShape) {
        return IntStream.range(0, logitsShape[0])
                .map(r -> rng.nextInt(logitsShape[1]))
                .toArray();
    }

    private static Case unary(String name, Function<Tensor, Tensor> op, int[] shape, Domain domain) {
        return new Case(name, in -> op.apply(in.get(0)), new int[][] {shape}, new Domain[] {domain});
    }

    /// A binary operation; the first operand is drawn anywhere, the second from `bDomain`.
    private static Case binary(String name, BinaryOperator<Tensor> op, int[] a, int[] b, Domain bDomain) {
        return new Case(
                name, in -> op.apply(in.get(0), in.get(1)), new int[][] {a, b}, new Domain[] {Domain.ANY, bDomain});
    }
}
