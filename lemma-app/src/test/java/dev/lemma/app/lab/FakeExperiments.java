package dev.lemma.app.lab;

import dev.lemma.experiments.Arguments;
import dev.lemma.experiments.Experiment;
import dev.lemma.experiments.Parameter;
import dev.lemma.experiments.Progress;
import dev.lemma.experiments.Result;
import dev.lemma.experiments.Table;
import dev.lemma.viz.Axis;
import dev.lemma.viz.Chart;
import dev.lemma.viz.Series;
import java.time.Duration;
import java.util.List;
import java.util.Random;

/// Experiments made for the lab's tests: one of every parameter kind, one that never finishes
/// within its budget, one whose computation fails.
final class FakeExperiments {
    private FakeExperiments() {}

    static List<Experiment> all() {
        return List.of(new Wave(), new Slow(), new Failing());
    }

    /// A sine wave whose amplitude and frequency the controls set, with a NaN gap.
    static final class Wave implements Experiment {
        @Override
        public String id() {
            return "wave";
        }

        @Override
        public String title() {
            return "A sine wave";
        }

        @Override
        public int chapter() {
            return 1;
        }

        @Override
        public String summary() {
            return "Draws $y = a \\sin(k x)$; move the *amplitude* and watch it grow.";
        }

        @Override
        public String formula() {
            return "y = a \\sin(k x)";
        }

        @Override
        public List<Parameter> parameters() {
            return List.of(
                    Parameter.number("amplitude", "Amplitude $a$", "the height of the wave", 0, 2, 0.1, 1),
                    Parameter.integer("frequency", "Frequency $k$", "waves per 2π", 1, 10, 2),
                    Parameter.choice("shape", "Shape", "the function drawn", List.of("sine", "cosine"), "sine"),
                    Parameter.flag("gap", "Leave a gap", "a NaN in the middle, drawn as a break", true),
                    Parameter.seed(42));
        }

        @Override
        public Result run(Arguments arguments, Progress progress) {
            double a = arguments.number("amplitude");
            int k = arguments.integer("frequency");
            boolean cosine = arguments.choice("shape").equals("cosine");
            Random random = new Random(arguments.seed("seed"));
            int n = 101;
            double[] x = new double[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = 2 * Math.PI * i / (n - 1);
                y[i] = a * (cosine ? Math.cos(k * x[i]) : Math.sin(k * x[i])) + 1e-3 * random.nextGaussian();
                progress.report(i / (double) n, "");
            }
            if (arguments.flag("gap")) {
                y[n / 2] = Double.NaN;
            }
            Chart chart = Chart.builder("The wave")
                    .x(Axis.of("x"))
                    .y(Axis.range("y", -2.2, 2.2))
                    .add(Series.Line.of("y", x, y))
                    .build();
            return Result.builder()
                    .chart(chart)
                    .table(new Table(
                            "Extremes", List.of("quantity", "value"), List.of(List.of("max", a), List.of("min", -a))))
                    .note("The peak is $a = " + a + "$.")
                    .build();
        }
    }

    /// Reports progress forever: only its budget stops it.
    static final class Slow implements Experiment {
        @Override
        public String id() {
            return "slow";
        }

        @Override
        public String title() {
            return "Never done";
        }

        @Override
        public int chapter() {
            return 1;
        }

        @Override
        public String summary() {
            return "Runs until stopped.";
        }

        @Override
        public String formula() {
            return "\\infty";
        }

        @Override
        public List<Parameter> parameters() {
            return List.of();
        }

        @Override
        public Duration budget() {
            return Duration.ofMillis(200);
        }

        @Override
        public Result run(Arguments arguments, Progress progress) {
            for (long i = 0; ; i++) {
                progress.report(0.5, "step " + i);
                Thread.onSpinWait();
            }
        }
    }

    /// Fails with a numerical error.
    static final class Failing implements Experiment {
        @Override
        public String id() {
            return "singular";
        }

        @Override
        public String title() {
            return "A singular matrix";
        }

        @Override
        public int chapter() {
            return 0;
        }

        @Override
        public String summary() {
            return "Always fails.";
        }

        @Override
        public String formula() {
            return "A^{-1}";
        }

        @Override
        public List<Parameter> parameters() {
            return List.of();
        }

        @Override
        public Result run(Arguments arguments, Progress progress) {
            throw new ArithmeticException("the matrix is singular: pivot 2 is 0");
        }
    }
}
