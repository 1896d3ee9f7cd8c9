package dev.lemma.experiments.calculus;

import dev.lemma.autodiff.Tensor;
import dev.lemma.calculus.GradientCheck;
import dev.lemma.experiments.Arguments;
import dev.lemma.experiments.Experiment;
import dev.lemma.experiments.Format;
import dev.lemma.experiments.Palette;
import dev.lemma.experiments.Parameter;
import dev.lemma.experiments.Progress;
import dev.lemma.experiments.Result;
import dev.lemma.experiments.Table;
import dev.lemma.linalg.Vector;
import dev.lemma.viz.Axis;
import dev.lemma.viz.Chart;
import dev.lemma.viz.ColorScale;
import dev.lemma.viz.Series;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/// Back-propagation at work: a network with one hidden layer, $p = \operatorname{softmax}(\phi(XW_1 +
/// b_1)W_2 + b_2)$, learns to separate two classes in the plane by gradient descent on the mean
/// cross-entropy, every gradient computed by the tensor engine ([Tensor#backward()]) and the first one
/// checked against central differences ([GradientCheck]) before training starts.
public final class BackpropNetworkExperiment implements Experiment {

    /// Points per class.
    static final int POINTS_PER_CLASS = 100;

    /// Grid points per side of the drawn decision regions.
    static final int GRID = 90;

    /// Loss values recorded for the curve (at most).
    static final int CURVE_POINTS = 200;

    private static final List<Parameter> PARAMETERS = List.of(
            Parameter.choice(
                    "data",
                    "Data",
                    "two classes in the plane: interleaved spirals, a ring around a disc, or XOR's four corners",
                    List.of("spirals", "circles", "xor"),
                    "circles"),
            Parameter.integer("hidden", "Hidden units", "the width of the hidden layer", 2, 64, 16),
            Parameter.choice(
                    "activation",
                    "Activation $\\phi$",
                    "the function applied to each hidden unit",
                    List.of("tanh", "relu", "sigmoid", "gelu"),
                    "tanh"),
            Parameter.number(
                    "rate",
                    "Learning rate $\\eta$",
                    "the step of gradient descent, $W \\leftarrow W - \\eta\\,\\bar W$",
                    0.01,
                    3,
                    0.01,
                    0.5),
            Parameter.integer("steps", "Steps", "gradient-descent steps on the whole data set", 1, 5000, 1500),
            Parameter.seed(7));

    /// Creates the experiment.
    public BackpropNetworkExperiment() {}

    @Override
    public String id() {
        return "backprop-network";
    }

    @Override
    public String title() {
        return "Back-propagation trains a network";
    }

    @Override
    public int chapter() {
        return 2;
    }

    @Override
    public String summary() {
        return "A network with one hidden layer learns to separate two classes by gradient descent; each step's"
                + " gradient comes from one backward pass of the tensor engine. The circles and XOR are learned in"
                + " a second; the spirals are hard for one layer and plain gradient descent: try 64 hidden units and"
                + " 5000 steps. Compare relu with tanh, and raise the learning rate until the loss curve jumps.";
    }

    @Override
    public String formula() {
        return "L = -\\frac1N \\sum_r \\log \\operatorname{softmax}\\bigl(\\phi(x_r W_1 + b_1) W_2 + b_2\\bigr)_{y_r},"
                + " \\quad \\bar Z_2 = \\tfrac1N(P - Y),\\ \\bar W_2 = H^\\top \\bar Z_2,\\ \\bar W_1 = X^\\top"
                + " \\bigl((\\bar Z_2 W_2^\\top) \\odot \\phi'(Z_1)\\bigr)";
    }

    @Override
    public List<Parameter> parameters() {
        return PARAMETERS;
    }

    /// The data: point $r$ is `(points[2r], points[2r + 1])` with class `labels[r]` in {0, 1}.
    @SuppressWarnings("ArrayRecordComponent") // built and read here only, never compared
    record Data(double[] points, int[] labels) {}

    /// Two classes of [#POINTS_PER_CLASS] points each, with a little noise, reproducible from the seed.
    static Data data(String kind, SplittableRandom rng) {
        int n = 2 * POINTS_PER_CLASS;
        double[] p = new double[2 * n];
        int[] labels = new int[n];
        for (int r = 0; r < n; r++) {
            int c = r % 2;
            labels[r] = c;
            double x;
            double y;
            switch (kind) {
                case "spirals" -> {
                    int along = r / 2; // the point's index along its arm
                    double t = (double) along / POINTS_PER_CLASS; // 0 … 1 along the arm
                    double angle = 3 * Math.PI * t + c * Math.PI;
                    double radius = 0.15 + 0.85 * t;
                    x = radius * Math.cos(angle) + 0.03 * rng.nextGaussian();
                    y = radius * Math.sin(angle) + 0.03 * rng.nextGaussian();
                }
                case "circles" -> {
                    double angle = 2 * Math.PI * rng.nextDouble();
                    double radius = (c == 0 ? 0.35 : 0.85) + 0.08 * rng.nextGaussian();
                    x = radius * Math.cos(angle);
                    y = radius * Math.sin(angle);
                }
                default -> { // xor: the class is whether the signs of x and y differ
                    x = rng.nextDouble(-1, 1);
                    y = rng.nextDouble(-1, 1);
                    if ((x * y < 0 ? 1 : 0) != c) {
                        x = -x;
                    }
                }
            }
            p[2 * r] = x;
            p[2 * r + 1] = y;
        }
        return new Data(p, labels);
    }

    /// The network's parameters.
    record Network(Tensor w1, Tensor b1, Tensor w2, Tensor b2, String activation) {
        /// Weights drawn $\mathcal N(0, 1/\text{fan-in})$ (LeCun's scaling), biases 0.
        static Network random(int hidden, String activation, SplittableRandom rng) {
            Tensor w1 = Tensor.randn(rng, 2, hidden).mul(1 / Math.sqrt(2)).detach();
            Tensor w2 = Tensor.randn(rng, hidden, 2).mul(1 / Math.sqrt(hidden)).detach();
            return new Network(
                    Tensor.of(w1.toArray(), 2, hidden),
                    Tensor.zeros(hidden),
                    Tensor.of(w2.toArray(), hidden, 2),
                    Tensor.zeros(2),
                    activation);
        }

        List<Tensor> parameters() {
            return List.of(w1, b1, w2, b2);
        }

        /// The logits of a batch `[n, 2]`.
        Tensor logits(Tensor x) {
            Tensor z1 = x.matmul(w1).add(b1);
            Tensor h = switch (activation) {
                case "relu" -> z1.relu();
                case "sigmoid" -> z1.sigmoid();
                case "gelu" -> z1.gelu();
                default -> z1.tanh();
            };
            return h.matmul(w2).add(b2);
        }

        /// The loss as a function of all parameters flattened into one vector (for the gradient check).
        double loss(Vector theta, Tensor x, int[] labels) {
            double[] t = theta.toArray();
            int at = 0;
            List<Tensor> moved = new ArrayList<>();
            for (Tensor p : parameters()) {
                double[] values = java.util.Arrays.copyOfRange(t, at, at + p.size());
                moved.add(Tensor.constant(values, p.shape()));
                at += p.size();
            }
            Network n = new Network(moved.get(0), moved.get(1), moved.get(2), moved.get(3), activation);
            return n.logits(x).crossEntropy(labels).item();
        }

        Vector flatten(boolean gradients) {
            List<Double> all = new ArrayList<>();
            for (Tensor p : parameters()) {
                for (double v : (gradients ? p.grad() : p).toArray()) {
                    all.add(v);
                }
            }
            return Vector.of(all.stream().mapToDouble(Double::doubleValue).toArray());
        }
    }

    /// Trains the network and draws its decision regions and loss curve.
    ///
    /// @param arguments `data`, `hidden`, `activation`, `rate`, `steps`, `seed`
    /// @param progress reported every few steps; may cancel the run
    /// @return the charts, the table and the notes
    @Override
    public Result run(Arguments arguments, Progress progress) {
        String kind = arguments.choice("data");
        int hidden = arguments.integer("hidden");
        String activation = arguments.choice("activation");
        double rate = arguments.number("rate");
        int steps = arguments.integer("steps");
        SplittableRandom rng = new SplittableRandom(arguments.seed("seed"));
        Data data = data(kind, rng);
        int n = data.labels.length;
        Tensor x = Tensor.constant(data.points, n, 2);
        Network net = Network.random(hidden, activation, rng);

        // The engine's first gradient against central differences of the same loss.
        Tensor first = net.logits(x).crossEntropy(data.labels);
        first.backward();
        GradientCheck check =
                GradientCheck.of(theta -> net.loss(theta, x, data.labels), net.flatten(true), net.flatten(false));
        first.zeroGrad();

        int every = Math.max(1, steps / CURVE_POINTS);
        List<Double> curveSteps = new ArrayList<>();
        List<Double> curveLoss = new ArrayList<>();
        double loss = first.item();
        for (int step = 0; step < steps; step++) {
            Tensor l = net.logits(x).crossEntropy(data.labels);
            loss = l.item();
            if (step % every == 0) {
                curveSteps.add((double) step);
                curveLoss.add(loss);
            }
            if (!Double.isFinite(loss)) {
                break;
            }
            l.zeroGrad();
            l.backward();
            for (Tensor p : net.parameters()) { // W ← W − η W̄, outside the graph
                double[] w = p.toArray();
                double[] g = p.grad().toArray();
                for (int i = 0; i < w.length; i++) {
                    w[i] -= rate * g[i];
                }
                p.setData(w);
            }
            if (step % 100 == 0) {
                progress.report((double) step / steps, "step " + step + " of " + steps);
            }
        }
        double finalLoss =
                Tensor.noGrad(() -> net.logits(x).crossEntropy(data.labels)).item();
        curveSteps.add((double) steps);
        curveLoss.add(finalLoss);
        int correct = 0;
        Tensor predicted = Tensor.noGrad(() -> net.logits(x).softmax(-1));
        for (int r = 0; r < n; r++) {
            if ((predicted.get(r, 1) > 0.5 ? 1 : 0) == data.labels[r]) {
                correct++;
            }
        }

        Result.Builder result = Result.builder()
                .chart(regions(net, data, kind))
                .chart(curve(curveSteps, curveLoss))
                .table(new Table(
                        "Training",
                        List.of("quantity", "value"),
                        List.of(
                                List.of("parameters", net.flatten(false).size()),
                                List.of("loss before training", first.item()),
                                List.of("loss after " + steps + " steps", finalLoss),
                                List.of("training accuracy", Format.num(100.0 * correct / n) + " %"),
                                List.of(
                                        "first gradient: worst relative error against central differences",
                                        check.maxRelativeError()))));
        result.note("Every step runs the network forward on all " + n + " points, calls `backward()` once on the"
                + " loss, and moves each parameter against its gradient. Before training, the engine's gradient of"
                + " all " + net.flatten(false).size() + " parameters was compared with central differences: the"
                + " worst relative error is $" + Format.num(check.maxRelativeError()) + "$"
                + (check.passed()
                        ? ", the agreement of two correct computations in floating point."
                        : ", which would mean a wrong backward rule."));
        if (!Double.isFinite(finalLoss)) {
            result.note("The loss became non-finite: the learning rate $\\eta = " + Format.num(rate)
                    + "$ is too large for this network, and the steps diverged.");
        }
        result.note("The background shows $p_1(x, y) - \\tfrac12$, the network's probability of class 1 less"
                + " one half: red where it predicts class 1, blue where it predicts class 0, white on the decision"
                + " boundary. Chance level is a loss of $\\log 2 \\approx 0.693$.");
        return result.build();
    }

    private static Chart regions(Network net, Data data, String kind) {
        double[] g = new double[GRID];
        for (int i = 0; i < GRID; i++) {
            g[i] = -1.3 + 2.6 * i / (GRID - 1);
        }
        double[] grid = new double[2 * GRID * GRID];
        for (int i = 0; i < GRID; i++) {
            for (int j = 0; j < GRID; j++) {
                grid[2 * (i * GRID + j)] = g[j];
                grid[2 * (i * GRID + j) + 1] = g[i];
            }
        }
        Tensor p = Tensor.noGrad(
                () -> net.logits(Tensor.constant(grid, GRID * GRID, 2)).softmax(-1));
        double[][] z = new double[GRID][GRID];
        for (int i = 0; i < GRID; i++) {
            for (int j = 0; j < GRID; j++) {
                z[i][j] = p.get(i * GRID + j, 1) - 0.5;
            }
        }
        Chart.Builder chart = Chart.builder("What the network learned (" + kind + ")")
                .x(Axis.range("x", -1.3, 1.3))
                .y(Axis.range("y", -1.3, 1.3))
                .equalAspect()
                .add(new Series.Heatmap(
                        "p₁ − ½: red where class 1 is predicted, blue where class 0", g, g, z, ColorScale.RED_BLUE));
        for (int c = 0; c < 2; c++) {
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (int r = 0; r < data.labels.length; r++) {
                if (data.labels[r] == c) {
                    xs.add(data.points[2 * r]);
                    ys.add(data.points[2 * r + 1]);
                }
            }
            chart.add(new Series.Scatter(
                    c == 0 ? "class 0 (black)" : "class 1 (gold)",
                    xs.stream().mapToDouble(Double::doubleValue).toArray(),
                    ys.stream().mapToDouble(Double::doubleValue).toArray(),
                    List.of(),
                    Palette.solid(c == 0 ? "#000000" : "#ffc107", 6)));
        }
        return chart.build();
    }

    private static Chart curve(List<Double> steps, List<Double> loss) {
        double[] s = steps.stream().mapToDouble(Double::doubleValue).toArray();
        double[] l = loss.stream()
                .mapToDouble(v -> Double.isFinite(v) ? v : Double.NaN)
                .toArray();
        return Chart.builder("Loss during training")
                .x(Axis.of("step"))
                .y(Axis.log("mean cross-entropy"))
                .add(new Series.Line("loss", s, l, Palette.solid(Palette.BLUE, 2)))
                .build();
    }
}
