package dev.lemma.experiments.calculus;

import dev.lemma.autodiff.Value;
import dev.lemma.experiments.Arguments;
import dev.lemma.experiments.Experiment;
import dev.lemma.experiments.Format;
import dev.lemma.experiments.Palette;
import dev.lemma.experiments.Parameter;
import dev.lemma.experiments.Progress;
import dev.lemma.experiments.Result;
import dev.lemma.experiments.Table;
import dev.lemma.viz.Annotation;
import dev.lemma.viz.Axis;
import dev.lemma.viz.Chart;
import dev.lemma.viz.Series;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/// A small expression built with [Value], micrograd's reverse-mode engine, drawn as its computational
/// graph: one node per operation, edges from operands to results, laid out left to right by depth. After
/// `backward()` every node holds $\partial\,\text{out}/\partial\,\text{node}$, which the table checks by
/// central differences: the node's value is nudged by $\pm\delta$ and the nodes downstream recomputed.
public final class ComputationalGraphExperiment implements Experiment {

    /// The relative size of the finite-difference nudge, about $u^{1/3}$, the best for central
    /// differences (truncation $\delta^2$ against rounding $u/\delta$).
    static final double NUDGE = 1e-5;

    /// The vertical distance between two nodes of one column, in the chart's units (one per depth).
    static final double ROW = 1.2;

    /// The expressions offered.
    enum Expression {
        MICROGRAD("micrograd", "micrograd's README example (inputs a, b)"),
        NEURON("neuron", "tanh(w·x + b) with x = a, w = b, bias = c"),
        SQUARE("square", "(a·b + c)²"),
        SOFTPLUS("softplus", "log(1 + eᵃ)");

        final String key;
        final String label;

        Expression(String key, String label) {
            this.key = key;
            this.label = label;
        }

        static Expression of(String key) {
            for (Expression e : values()) {
                if (e.key.equals(key)) {
                    return e;
                }
            }
            throw new IllegalStateException("no expression " + key);
        }
    }

    /// A built graph: its output and the names of its inputs.
    record Graph(Value out, IdentityHashMap<Value, String> inputs) {}

    private static final List<Parameter> PARAMETERS = List.of(
            Parameter.choice(
                    "expression",
                    "Expression",
                    "micrograd: the README example; neuron: tanh(b·a + c); square: (a·b + c)²; softplus: log(1 + eᵃ)",
                    List.of("micrograd", "neuron", "square", "softplus"),
                    "micrograd"),
            Parameter.number("a", "Input $a$", "the first input (x of the neuron)", -5, 5, 0.1, -4),
            Parameter.number("b", "Input $b$", "the second input (w of the neuron; unused by softplus)", -5, 5, 0.1, 2),
            Parameter.number(
                    "c", "Input $c$", "the third input (the neuron's bias; used by neuron and square)", -5, 5, 0.1, 1));

    /// Creates the experiment.
    public ComputationalGraphExperiment() {}

    @Override
    public String id() {
        return "computational-graph";
    }

    @Override
    public String title() {
        return "A computational graph and backpropagation";
    }

    @Override
    public int chapter() {
        return 2;
    }

    @Override
    public String summary() {
        return "Each node shows its operation, its value (forward pass) and $\\partial\\,\\text{out}/\\partial\\,"
                + "\\text{node}$ (backward pass). Change the inputs and check in the table that every gradient"
                + " agrees with a central difference. With micrograd's example at $a = -4$, $b = 2$ you get its"
                + " published numbers: $g = 24.7041$, $\\partial g/\\partial a = 138.8338$, $\\partial g/\\partial b"
                + " = 645.5773$.";
    }

    @Override
    public String formula() {
        return "\\bar v_i = \\frac{\\partial\\, \\text{out}}{\\partial v_i} = \\sum_{j:\\, i \\to j} \\bar v_j\\,"
                + " \\frac{\\partial v_j}{\\partial v_i}";
    }

    @Override
    public List<Parameter> parameters() {
        return PARAMETERS;
    }

    /// Builds the chosen expression on fresh leaves.
    static Graph build(Expression expression, double av, double bv, double cv) {
        Value a = new Value(av);
        Value b = new Value(bv);
        Value c = new Value(cv);
        IdentityHashMap<Value, String> inputs = new IdentityHashMap<>();
        inputs.put(a, expression == Expression.NEURON ? "x" : "a");
        Value out;
        switch (expression) {
            case MICROGRAD -> {
                // micrograd's README, as in its test: `c += c + 1` becomes `c = c.add(c.add(1))`.
                inputs.put(b, "b");
                Value e = a.add(b);
                Value d = a.mul(b).add(b.pow(3));
                e = e.add(e.add(1));
                e = e.add(e.add(1).add(a.neg()));
                d = d.add(d.mul(2).add(b.add(a).relu()));
                d = d.add(d.mul(3).add(b.sub(a).relu()));
                Value f = e.sub(d).pow(2);
                out = f.div(2.0).add(new Value(10.0).div(f));
            }
            case NEURON -> {
                inputs.put(b, "w");
                inputs.put(c, "bias");
                out = b.mul(a).add(c).tanh();
            }
            case SQUARE -> {
                inputs.put(b, "b");
                inputs.put(c, "c");
                out = a.mul(b).add(c).pow(2);
            }
            case SOFTPLUS -> out = a.exp().add(1).log();
            default -> throw new IllegalStateException("unreachable: " + expression);
        }
        return new Graph(out, inputs);
    }

    /// The nodes reachable from `out`, each once, children before parents.
    static List<Value> topological(Value out) {
        List<Value> order = new ArrayList<>();
        IdentityHashMap<Value, Boolean> seen = new IdentityHashMap<>();
        visit(out, seen, order);
        return order;
    }

    private static void visit(Value v, IdentityHashMap<Value, Boolean> seen, List<Value> order) {
        if (seen.put(v, Boolean.TRUE) != null) {
            return;
        }
        for (Value child : v.children()) {
            visit(child, seen, order);
        }
        order.add(v);
    }

    /// Recomputes the graph's output with node `nudged` shifted by `delta`: each node's operation is
    /// re-applied to its children's new values, in topological order.
    static double outputWithNudge(List<Value> order, Value nudged, double delta) {
        IdentityHashMap<Value, Double> data = new IdentityHashMap<>();
        for (Value v : order) {
            double x;
            List<Value> ch = v.children();
            String op = v.op();
            if (ch.isEmpty()) {
                x = v.data();
            } else if (op.equals("+")) {
                x = data.get(ch.get(0)) + data.get(ch.get(1));
            } else if (op.equals("*")) {
                x = data.get(ch.get(0)) * data.get(ch.get(1));
            } else if (op.startsWith("^")) {
                x = Math.pow(data.get(ch.get(0)), Double.parseDouble(op.substring(1)));
            } else if (op.equals("exp")) {
                x = Math.exp(data.get(ch.get(0)));
            } else if (op.equals("log")) {
                x = Math.log(data.get(ch.get(0)));
            } else if (op.equals("tanh")) {
                x = Math.tanh(data.get(ch.get(0)));
            } else if (op.equals("relu")) {
                double y = data.get(ch.get(0));
                x = y > 0 ? y : 0.0;
            } else {
                throw new IllegalStateException("operation '" + op + "' is not re-evaluated here");
            }
            data.put(v, v == nudged ? x + delta : x);
        }
        return data.get(order.getLast());
    }

    /// The central difference $\partial\,\text{out}/\partial\,\text{node}$ with step $\delta = 10^{-5}
    /// \max(1, |v|)$, widened (up to $10^{-2} \max(1, |v|)$) where the output is so much larger than the
    /// gradient that the difference quotient's rounding error, about $u\,|\text{out}|/\delta$, would exceed
    /// $10^{-8} \max(1, |\bar v|)$: the output $g \approx 3 \times 10^5$ of micrograd's example at some
    /// inputs, against a node it depends on with slope 1.
    static double centralDifference(List<Value> order, Value node, double out, double grad) {
        double scale = Math.max(1, Math.abs(node.data()));
        double delta = NUDGE * scale;
        double wanted = 0x1p-53 * Math.abs(out) / (1e-8 * Math.max(1, Math.abs(grad)));
        if (Double.isFinite(wanted) && wanted > delta) {
            delta = Math.min(wanted, 1e-2 * scale);
        }
        return (outputWithNudge(order, node, delta) - outputWithNudge(order, node, -delta)) / (2 * delta);
    }

    /// Builds the expression, runs backward, lays the graph out and checks every gradient.
    ///
    /// @param arguments `expression`, `a`, `b`, `c`
    /// @param progress not used: the run takes microseconds
    /// @return the graph chart, the node table and the notes
    @Override
    public Result run(Arguments arguments, Progress progress) {
        Expression expression = Expression.of(arguments.choice("expression"));
        Graph graph = build(expression, arguments.number("a"), arguments.number("b"), arguments.number("c"));
        Value out = graph.out();
        out.backward();
        List<Value> order = topological(out);

        // Depth: inputs at 0, an operation one right of its deepest non-constant operand, and a constant
        // one left of the first operation that uses it, so that constants do not crowd the first column.
        IdentityHashMap<Value, Integer> depth = new IdentityHashMap<>();
        int maxDepth = 0;
        for (Value v : order) {
            if (v.children().isEmpty()) {
                continue;
            }
            int d = 1;
            for (Value child : v.children()) {
                if (!isConstant(child, graph)) {
                    d = Math.max(d, depth.getOrDefault(child, 0) + 1);
                }
            }
            depth.put(v, d);
            maxDepth = Math.max(maxDepth, d);
        }
        for (Value v : order) {
            if (graph.inputs().containsKey(v)) {
                depth.put(v, 0);
            }
            for (Value child : v.children()) {
                if (isConstant(child, graph)) {
                    depth.merge(child, depth.get(v) - 1, Math::min);
                }
            }
        }
        Map<Integer, List<Value>> columns = new LinkedHashMap<>();
        for (Value v : order) {
            columns.computeIfAbsent(depth.get(v), k -> new ArrayList<>()).add(v);
        }
        int tallest = columns.values().stream().mapToInt(List::size).max().orElse(1);
        IdentityHashMap<Value, double[]> position = new IdentityHashMap<>();
        for (Map.Entry<Integer, List<Value>> column : columns.entrySet()) {
            List<Value> nodes = column.getValue();
            for (int i = 0; i < nodes.size(); i++) {
                position.put(nodes.get(i), new double[] {column.getKey(), ROW * ((nodes.size() - 1) / 2.0 - i)});
            }
        }

        IdentityHashMap<Value, String> names = new IdentityHashMap<>();
        int number = 0;
        for (Value v : order) {
            names.put(v, graph.inputs().containsKey(v) ? graph.inputs().get(v) : "v" + number++);
        }
        names.put(out, "out");

        Chart.Builder chart = Chart.builder("The graph of " + expression.label + ": value and ∂out/∂node at each node")
                .x(Axis.range("depth (operations from the inputs)", -0.6, maxDepth + 0.6))
                .y(Axis.range("", -ROW * tallest / 2.0, ROW * tallest / 2.0));
        for (Value v : order) {
            double[] p = position.get(v);
            for (Value child : v.children()) {
                double[] q = position.get(child);
                double dx = p[0] - q[0];
                double dy = p[1] - q[1];
                double len = Math.hypot(dx, dy);
                double trim = 0.15 / len; // stop short of the nodes' markers
                chart.annotate(new Annotation.Arrow(
                        q[0] + trim * dx,
                        q[1] + trim * dy,
                        p[0] - trim * dx,
                        p[1] - trim * dy,
                        "",
                        Palette.solid(Palette.LIGHT_GREY, 1)));
            }
        }
        // Operations and inputs carry two labels (value below, gradient above); constants, whose gradients
        // nobody uses, only their value, on a smaller grey marker, to keep a graph of 40 nodes legible.
        List<String> labels = new ArrayList<>();
        List<String> constantLabels = new ArrayList<>();
        List<double[]> nodes = new ArrayList<>();
        List<double[]> constants = new ArrayList<>();
        for (Value v : order) {
            double[] p = position.get(v);
            String hover =
                    names.get(v) + " " + opName(v) + " = " + Format.num(v.data()) + ", ∂ = " + Format.num(v.grad());
            if (isConstant(v, graph)) {
                constants.add(p);
                constantLabels.add(hover);
                chart.annotate(new Annotation.Text(p[0], p[1] - 0.3, short3(v.data())));
                continue;
            }
            nodes.add(p);
            labels.add(hover);
            String what = v.children().isEmpty() ? names.get(v) + " = " : opName(v) + " → ";
            chart.annotate(new Annotation.Text(p[0], p[1] - 0.3, what + short3(v.data())));
            chart.annotate(new Annotation.Text(p[0], p[1] + 0.3, "∂ " + short3(v.grad())));
        }
        chart.add(new Series.Scatter(
                "operations and inputs (value below, ∂out/∂node above)",
                nodes.stream().mapToDouble(p -> p[0]).toArray(),
                nodes.stream().mapToDouble(p -> p[1]).toArray(),
                labels,
                Palette.solid(Palette.BLUE, 10)));
        if (!constants.isEmpty()) {
            chart.add(new Series.Scatter(
                    "constants",
                    constants.stream().mapToDouble(p -> p[0]).toArray(),
                    constants.stream().mapToDouble(p -> p[1]).toArray(),
                    constantLabels,
                    Palette.solid(Palette.GREY, 6)));
        }

        List<List<Object>> rows = new ArrayList<>();
        double worst = 0;
        for (Value v : order) {
            double fd = centralDifference(order, v, out.data(), v.grad());
            double rel = Math.abs(fd - v.grad()) / Math.max(1, Math.abs(v.grad()));
            if (Double.isFinite(rel)) {
                worst = Math.max(worst, rel);
            }
            List<String> children = v.children().stream().map(names::get).toList();
            rows.add(List.of(
                    names.get(v), opName(v), String.join(", ", children), depth.get(v), v.data(), v.grad(), fd, rel));
        }
        Result.Builder result = Result.builder()
                .chart(chart.build())
                .table(new Table(
                        "Every node: forward value, backpropagated gradient, central difference",
                        List.of(
                                "node",
                                "op",
                                "operands",
                                "depth",
                                "value",
                                "∂out/∂node",
                                "central difference",
                                "relative difference"),
                        rows));
        result.note("The output is $" + String.format(Locale.ROOT, "%.6g", out.data())
                + "$. Backpropagation visits the " + order.size()
                + " nodes once, in reverse topological order, and each adds its local derivative times its own"
                + " gradient to its operands' (`+=`, so a node used twice, like $a$ here, sums both paths).");
        result.note("The central differences nudge each node by $\\pm 10^{-5}\\max(1, |v|)$ (more where the output is"
                + " large and the node's gradient small, to stay clear of rounding) and recompute only what"
                + " lies downstream; the largest relative difference from the backpropagated gradients is $"
                + Format.sci(worst) + "$, the size of the difference quotient's own error.");
        if (!Double.isFinite(out.data())) {
            result.note("At these inputs the output is not finite (a division by zero or the log of zero), so its"
                    + " gradients are not numbers either.");
        }
        if (expression == Expression.MICROGRAD) {
            result.note("micrograd's README prints $g = 24.7041$, $\\partial g/\\partial a = 138.8338$ and"
                    + " $\\partial g/\\partial b = 645.5773$ at $a = -4$, $b = 2$. Nodes without a name in the"
                    + " table are intermediate results; constants such as the 1 in $c + 1$ are leaves too.");
        }
        return result.build();
    }

    /// Three significant digits, short enough for a node's label.
    private static String short3(double x) {
        if (x == 0 || !Double.isFinite(x)) {
            return Format.num(x);
        }
        double ax = Math.abs(x);
        return ax >= 1e-3 && ax < 1e5
                ? new java.math.BigDecimal(x)
                        .round(new java.math.MathContext(3))
                        .stripTrailingZeros()
                        .toPlainString()
                : String.format(Locale.ROOT, "%.2g", x);
    }

    private static boolean isConstant(Value v, Graph graph) {
        return v.children().isEmpty() && !graph.inputs().containsKey(v);
    }

    /// The operation as a reader writes it; a leaf is an input or a constant.
    static String opName(Value v) {
        return v.op().isEmpty() ? "leaf" : v.op().replace(".0", "");
    }
}
