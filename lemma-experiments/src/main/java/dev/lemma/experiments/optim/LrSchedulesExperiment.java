package dev.lemma.experiments.optim;

import dev.lemma.experiments.Arguments;
import dev.lemma.experiments.Experiment;
import dev.lemma.experiments.Format;
import dev.lemma.experiments.Palette;
import dev.lemma.experiments.Parameter;
import dev.lemma.experiments.Progress;
import dev.lemma.experiments.Result;
import dev.lemma.experiments.Table;
import dev.lemma.linalg.Matrix;
import dev.lemma.linalg.Vector;
import dev.lemma.optim.Adam;
import dev.lemma.optim.Momentum;
import dev.lemma.optim.SGD;
import dev.lemma.optim.Schedule;
import dev.lemma.optim.StochasticObjective;
import dev.lemma.optim.UpdateRule;
import dev.lemma.viz.Axis;
import dev.lemma.viz.Chart;
import dev.lemma.viz.Series;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/// The six learning-rate schedules of [Schedule] drawn as rate against step, and each one driving the same
/// optimiser (SGD with heavy-ball momentum, or Adam) on the same mini-batch least-squares problem with the
/// same batches, so that the only difference between the loss curves is the schedule.
public final class LrSchedulesExperiment implements Experiment {

    /// The number of examples $m$ of the training problem.
    static final int EXAMPLES = 200;

    /// The number of parameters $n$.
    static final int DIMENSION = 10;

    /// The mini-batch size: 20 steps per epoch.
    static final int BATCH = 10;

    /// The seed of the data set.
    static final long DATA_SEED = 5L;

    /// The heavy-ball momentum $\beta$ (the common default, as in PyTorch examples).
    static final double MOMENTUM = 0.9;

    /// One-cycle's final division factor, PyTorch's default.
    static final double FINAL_DIV = 1e4;

    /// The schedules, in the order drawn.
    static final List<String> NAMES =
            List.of("constant", "step", "exponential", "cosine", "warm-up + cosine", "one-cycle");

    private static final List<Parameter> PARAMETERS = List.of(
            Parameter.choice(
                    "optimizer",
                    "Optimiser",
                    "SGD with heavy-ball momentum β = 0.9, or Adam (β₁ = 0.9, β₂ = 0.999)",
                    List.of("momentum", "adam"),
                    "momentum"),
            Parameter.number(
                    "learningRate",
                    "Base rate $\\eta_0$",
                    "the initial rate, the peak of warm-up and of one-cycle",
                    0.001,
                    0.5,
                    0.001,
                    0.05),
            Parameter.integer(
                    "steps", "Steps $T$", "the length of the run and of the cosine and one-cycle", 50, 1000, 400),
            Parameter.number(
                    "stepGamma",
                    "Step decay $\\gamma$",
                    "step: the factor applied every s steps",
                    0.05,
                    0.95,
                    0.05,
                    0.3),
            Parameter.integer("stepEvery", "Step period $s$", "step: steps between decays", 1, 500, 100),
            Parameter.number(
                    "exponentialGamma",
                    "Exponential $\\gamma$",
                    "exponential: the factor applied every step",
                    0.9,
                    0.9999,
                    0.0001,
                    0.99),
            Parameter.number(
                    "cosineFloor",
                    "Cosine floor $\\eta_{\\min}/\\eta_0$",
                    "cosine and warm-up + cosine: the final rate as a fraction of η₀",
                    0,
                    1,
                    0.01,
                    0),
            Parameter.integer(
                    "warmupSteps", "Warm-up steps $w$", "warm-up + cosine: the linear ramp from 0", 1, 500, 40),
            Parameter.number(
                    "pctStart",
                    "One-cycle rise $p$",
                    "one-cycle: the fraction of the T steps spent rising",
                    0.05,
                    0.95,
                    0.05,
                    0.3),
            Parameter.number(
                    "divFactor",
                    "One-cycle $d$",
                    "one-cycle: the rate starts at η₀/d and ends at η₀/(d·10⁴)",
                    1,
                    100,
                    1,
                    25),
            Parameter.seed(1));

    /// Creates the experiment.
    public LrSchedulesExperiment() {}

    @Override
    public String id() {
        return "lr-schedules";
    }

    @Override
    public String title() {
        return "Learning-rate schedules";
    }

    @Override
    public int chapter() {
        return 5;
    }

    @Override
    public String summary() {
        return "Six schedules of the learning rate, drawn step by step, and what each does to the same optimiser on"
                + " the same noisy mini-batch problem. A constant rate stalls at a noise floor proportional to"
                + " $\\eta$; the schedules that end small go below it. Try Adam, a larger $\\eta_0$, a shorter run.";
    }

    @Override
    public String formula() {
        return "\\eta_t^{\\cos} = \\eta_{\\min} + \\tfrac12(\\eta_0 - \\eta_{\\min})\\bigl(1 + \\cos\\tfrac{\\pi t}{T}\\bigr),"
                + " \\quad \\eta_t^{\\text{step}} = \\eta_0\\,\\gamma^{\\lfloor t/s \\rfloor},"
                + " \\quad \\eta_t^{\\exp} = \\eta_0\\,\\gamma^t";
    }

    @Override
    public List<Parameter> parameters() {
        return PARAMETERS;
    }

    /// The six schedules with the arguments' settings, in the order of [#NAMES].
    static List<Schedule> schedules(Arguments arguments) {
        double eta = arguments.number("learningRate");
        int total = arguments.integer("steps");
        double floor = arguments.number("cosineFloor") * eta;
        return List.of(
                Schedule.constant(eta),
                Schedule.step(eta, arguments.number("stepGamma"), arguments.integer("stepEvery")),
                Schedule.exponential(eta, arguments.number("exponentialGamma")),
                Schedule.cosine(eta, floor, total),
                Schedule.warmup(Schedule.cosine(eta, floor, total), arguments.integer("warmupSteps")),
                Schedule.oneCycle(eta, total, arguments.number("pctStart"), arguments.number("divFactor"), FINAL_DIV));
    }

    /// The training data: $a_{ij} = s_j z_{ij}$ with $z$ standard normal and scales $s_j$ from 1 down to 0.3
    /// (curvatures from about 1 to 0.09), and $b_i = a_i^\top x_{\mathrm{true}} + 0.5\,\varepsilon_i$ with
    /// $x_{\mathrm{true},j} = 1$: noisy targets, so that mini-batch gradients do not vanish at the minimiser.
    ///
    /// @return the $m$ rows of $A$, then one row holding $b$
    static double[][] data() {
        SplittableRandom rng = new SplittableRandom(DATA_SEED);
        double[][] out = new double[EXAMPLES + 1][];
        double[] b = new double[EXAMPLES];
        for (int i = 0; i < EXAMPLES; i++) {
            out[i] = new double[DIMENSION];
            for (int j = 0; j < DIMENSION; j++) {
                double scale = 1 - 0.7 * j / (DIMENSION - 1);
                out[i][j] = scale * rng.nextGaussian();
                b[i] += out[i][j];
            }
            b[i] += 0.5 * rng.nextGaussian();
        }
        out[EXAMPLES] = b;
        return out;
    }

    /// The update rule: heavy-ball momentum or Adam, with the given schedule.
    static UpdateRule rule(String optimizer, Schedule schedule) {
        if (optimizer.equals("adam")) {
            return new Adam(0.001).withLearningRate(schedule);
        }
        // Momentum's own rate is constant; its state takes whatever rate each step is given, so the
        // schedule is supplied here.
        Momentum heavyBall = new Momentum(1, MOMENTUM, 0, 0);
        return new UpdateRule() {
            @Override
            public double rate(int step) {
                return schedule.rate(step);
            }

            @Override
            public State start(int n) {
                return heavyBall.start(n);
            }
        };
    }

    /// Draws the schedules and trains with each.
    ///
    /// @param arguments the schedules' settings, the optimiser and the seed
    /// @param progress reported once per schedule
    /// @return the charts, the table and the notes
    @Override
    public Result run(Arguments arguments, Progress progress) {
        String optimizer = arguments.choice("optimizer");
        int total = arguments.integer("steps");
        long seed = arguments.seed("seed");
        List<Schedule> schedules = schedules(arguments);

        double[][] data = data();
        double[] b = data[EXAMPLES];
        Matrix a = Matrix.of(java.util.Arrays.copyOf(data, EXAMPLES));
        StochasticObjective objective = StochasticObjective.leastSquares(a, b);
        double[] best = a.leastSquares(Vector.of(b)).toArray();
        dev.lemma.optim.Objective full = objective.full();
        double fBest = full.value(best);
        int stepsPerEpoch = (EXAMPLES + BATCH - 1) / BATCH;
        int epochs = (total + stepsPerEpoch - 1) / stepsPerEpoch;

        String[] colors = {Palette.GREY, Palette.ORANGE, Palette.GREEN, Palette.BLUE, Palette.PURPLE, Palette.RED};
        double[] steps = new double[total];
        for (int t = 0; t < total; t++) {
            steps[t] = t;
        }
        Chart.Builder rates = Chart.builder("The six schedules: η_t against t")
                .x(Axis.of("step t"))
                .y(Axis.of("learning rate η_t"));
        Chart.Builder losses = Chart.builder((optimizer.equals("adam") ? "Adam" : "SGD with momentum β = 0.9")
                        + ", batches of " + BATCH + ": full loss above its minimum")
                .x(Axis.of("step t"))
                .y(Axis.log("f(xₜ) − f*"));
        List<List<Object>> rows = new ArrayList<>();
        String bestName = null;
        double bestTail = Double.POSITIVE_INFINITY;
        String constantStatus = "";
        double constantTail = Double.NaN;
        double startGap = Double.NaN;
        boolean constantFinished = false;
        for (int k = 0; k < schedules.size(); k++) {
            progress.report((double) k / schedules.size(), NAMES.get(k));
            Schedule schedule = schedules.get(k);
            double[] eta = new double[total];
            double sum = 0;
            double peak = 0;
            for (int t = 0; t < total; t++) {
                eta[t] = schedule.rate(t);
                sum += eta[t];
                peak = Math.max(peak, eta[t]);
            }
            rates.add(new Series.Line(NAMES.get(k), steps, eta, Palette.solid(colors[k], 2)));

            SGD.Result run = new SGD(rule(optimizer, schedule), BATCH, epochs, seed, SGD.Trace.STEP)
                    .minimize(objective, new double[DIMENSION]);
            int points = Math.min(total + 1, run.trajectory().size());
            double[] t = new double[points];
            double[] excess = new double[points];
            for (int i = 0; i < points; i++) {
                t[i] = i;
                double gap = full.value(run.trajectory().get(i)) - fBest;
                excess[i] = gap > 0 && Double.isFinite(gap) ? gap : Double.NaN;
            }
            losses.add(new Series.Line(NAMES.get(k), t, excess, Palette.solid(colors[k], 2)));
            // The mean over the last tenth of the run: single steps are noisy.
            double tail = 0;
            int counted = 0;
            for (int i = points - Math.max(1, points / 10); i < points; i++) {
                tail += excess[i];
                counted++;
            }
            tail /= counted;
            double end = excess[points - 1];
            boolean finished = points == total + 1 && Double.isFinite(tail);
            if (finished && tail < bestTail) {
                bestTail = tail;
                bestName = NAMES.get(k);
            }
            if (k == 0) {
                constantTail = tail;
                constantFinished = finished;
                startGap = excess[0];
                constantStatus = run.status() + " (" + run.reason() + ")";
            }
            rows.add(List.of(
                    NAMES.get(k),
                    eta[0],
                    peak,
                    eta[total - 1],
                    sum,
                    cell(end),
                    cell(tail),
                    finished ? "completed" : run.status() + " at step " + (points - 1)));
        }
        Result.Builder result = Result.builder()
                .chart(rates.build())
                .chart(losses.build())
                .table(new Table(
                        "Schedules and their runs (" + total + " steps, the same batches for each)",
                        List.of(
                                "schedule",
                                "η₀",
                                "largest η_t",
                                "η at step T − 1",
                                "Σ η_t",
                                "f − f* at step T",
                                "mean f − f* over the last tenth",
                                "run"),
                        rows));
        result.note("The problem: least squares with $m = " + EXAMPLES + "$ noisy examples in $n = " + DIMENSION
                + "$ parameters, minimum $f^* = " + Format.num(fBest) + "$, from $x_0 = 0$, in batches of "
                + BATCH + " (" + stepsPerEpoch + " steps per epoch). Every schedule sees the same batches (seed "
                + seed + ").");
        if (epochs * stepsPerEpoch != total) {
            result.note("The library's SGD runs whole epochs: " + epochs + " of them, " + epochs * stepsPerEpoch
                    + " steps, of which the charts and the table show the first " + total + ".");
        }
        if (!constantFinished) {
            result.note("With the constant rate the run ends " + constantStatus + " before step " + total
                    + ": $\\eta_0$ is too large for this optimiser.");
        } else if (constantTail > startGap) {
            result.note("With the constant rate the loss grew: from $" + num(startGap) + "$ above $f^*$ at the"
                    + " start to $" + num(constantTail) + "$ over the last tenth of the run, so $\\eta_0$ is"
                    + " too large for this optimiser; the decaying schedules recover once their rate has fallen."
                    + " The library's verdict: " + constantStatus + ".");
        } else {
            result.note("With the constant rate the loss falls from $" + num(startGap) + "$ above $f^*$ and"
                    + " then stays near $" + num(constantTail) + "$ over the last tenth of the run: the noise"
                    + " floor of the rate $\\eta_0$ with batches of " + BATCH + ". The library's verdict: "
                    + constantStatus + ".");
        }
        if (bestName != null) {
            result.note("The lowest loss over the last tenth of the run is the " + bestName + " schedule's, $"
                    + num(bestTail) + "$ above $f^*$"
                    + (constantFinished && !bestName.equals(NAMES.getFirst())
                            ? " ($" + num(constantTail / bestTail) + "$ times below the constant rate's)."
                            : "."));
        } else {
            result.note("No run completed its " + total + " steps with a finite loss: the rate is too large for"
                    + " this optimiser. Lower $\\eta_0$.");
        }
        return result.build();
    }

    /// [Format#num], but in scientific notation from $10^4$ up, where `%.4g` would write `2.356e+04`.
    static String num(double x) {
        return Math.abs(x) >= 1e4 && Double.isFinite(x) ? Format.sci(x) : Format.num(x);
    }

    /// A number for a table cell, or its name when it is not finite (a diverged run).
    static Object cell(double v) {
        return Double.isFinite(v) ? (Object) v : String.valueOf(v);
    }
}
